"""The figures on the projected board: totals for the class only, never one pupil's answers by name.

The word picture shows a word only when at least `WORD_SHARED_BY` pupils used it, so a sentence one pupil typed
(which may say something private) never reaches the projector.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from careercompass.classroom.models import ClassSession
from careercompass.matching.text import read_text

WORD_SHARED_BY = 2
TOP = 8
# Words that carry no interest of their own ("i like helping people" gives "helping" and "people").
PLAIN_WORDS = frozenset("""
a about all also am an and any anything are as at be because being but can do doing dont don't for from get go
good have i i'm im in into is it its it's just kind kinds like liked likes lot lots love me more my not of on or
really so some stuff that the thing things think to too very want wanna what when with would you yes no idk
""".split())


@dataclass(frozen=True)
class Board:
    code: str
    joined: int
    finished: int
    closed: bool
    families: list[tuple[str, int]]  # (family slug, pupils whose top five held it), most first
    roles: list[tuple[str, int]]  # (role slug, pupils whose top five held it), most first
    dealbreakers: list[tuple[str, int]]  # (deal-breaker id, pupils who chose it), most first
    words: list[tuple[str, int]]  # (word, pupils who used it), only words shared by WORD_SHARED_BY or more
    surprises: list[tuple[str, int]] = ()  # jobs that came up that the class did not name in the starter

    def as_json(self) -> dict:
        return {"code": self.code, "joined": self.joined, "finished": self.finished,
                "families": dict(self.families), "roles": dict(self.roles), "dealbreakers": dict(self.dealbreakers)}


def board_for(found: ClassSession, names: dict[str, list[str]] | None = None, top_of_results: int = 5) -> Board:
    """The class's figures. `names` (slug -> the job's title and other titles) lets the board pick out surprises."""
    finished = [p for p in found.pupils if p.finished_at is not None]
    families, roles, dealbreakers, words = Counter(), Counter(), Counter(), Counter()
    for pupil in finished:
        roles.update(set(pupil.roles[:top_of_results]))
        families.update(set(pupil.families[:top_of_results]))
        dealbreakers.update(set(pupil.dealbreakers))
        words.update(_interest_words(str(pupil.answers.get("interests", ""))))
    return Board(code=found.code, joined=len(found.pupils), finished=len(finished), closed=found.closed_at is not None,
                 families=families.most_common(TOP), roles=roles.most_common(TOP),
                 dealbreakers=dealbreakers.most_common(TOP),
                 words=[(w, n) for w, n in words.most_common(TOP * 3) if n >= WORD_SHARED_BY],
                 surprises=_surprises(roles, found.named_jobs or [], names) if names and found.named_jobs else [])


def _surprises(roles: Counter, named: list[str], names: dict[str, list[str]]) -> list[tuple[str, int]]:
    """Jobs that came up whose names share no word with any job the class named ("nurse" covers "adult nurse")."""
    said = {w for job in named for w in re.findall(r"[a-z]{3,}", job.lower())} - PLAIN_WORDS
    said |= {w[:-1] for w in said if w.endswith("s")}  # "nurses" names nurses
    def named_already(slug: str) -> bool:
        return any(set(re.findall(r"[a-z]{3,}", title.lower())) & said for title in names.get(slug, []))
    return [(slug, n) for slug, n in roles.most_common() if not named_already(slug)][:TOP]


def _interest_words(text: str) -> set[str]:
    """The words of what the pupil said they like (limits and "no" clauses left out), once each."""
    likes = read_text(text).likes_text.lower()
    return {w for w in re.findall(r"[a-z][a-z'\-]{2,}", likes) if w not in PLAIN_WORDS}
