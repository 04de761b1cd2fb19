"""Reading free text the way a person means it: what they like, and what they have said no to.

"I like fixing bikes but needles make me queasy" is an interest in fixing things and a deal-breaker about
needles; matching the whole sentence as an interest would do the opposite of what they asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careercompass import vocabulary

CLAUSE_BREAK = re.compile(r"[.;!?\n]+|,\s*|\s+\b(?:but|although|though|except|however|whereas|yet)\b\s+", re.I)
NEGATIVE_CUE = re.compile(
    r"\b(?:no|not|don'?t|doesn'?t|do not|can'?t|cannot|couldn'?t|won'?t|never|hate|hates|dislike|dislikes|"
    r"afraid|scared|frighten\w*|phobia|queasy|faint\w*|sick|squeamish|gross|grossed|allergic|avoid|rather not|"
    r"without|nope|terrif\w*|freak\w*|horrible|yuck|ew+)\b",
    re.I,
)
# Words that tie a "no" to one of the quiz's deal-breakers.
DEALBREAKER_WORDS: dict[str, tuple[str, ...]] = {d.id: d.cues for d in vocabulary.DEALBREAKERS}


@dataclass(frozen=True)
class ReadText:
    likes: tuple[str, ...]  # clauses that say what the person is into
    dealbreakers: frozenset[str]  # deal-breakers said in words ("can't do weekends")
    dislikes: tuple[str, ...]  # negative clauses that match no deal-breaker: ignored, never matched as likes

    @property
    def likes_text(self) -> str:
        return ". ".join(self.likes)


def read_text(text: str) -> ReadText:
    likes: list[str] = []
    dislikes: list[str] = []
    dealbreakers: set[str] = set()
    for clause in CLAUSE_BREAK.split(text or ""):
        clause = clause.strip(" -–—'\"")
        if not clause:
            continue
        if NEGATIVE_CUE.search(clause):
            found = _dealbreakers_in(clause)
            dealbreakers |= found
            if not found:
                dislikes.append(clause)
        elif re.search(r"\w", clause):
            likes.append(clause)
    return ReadText(likes=tuple(likes), dealbreakers=frozenset(dealbreakers), dislikes=tuple(dislikes))


def _dealbreakers_in(clause: str) -> set[str]:
    lowered = f" {clause.lower()} "
    return {
        name
        for name, words in DEALBREAKER_WORDS.items()
        if any(re.search(rf"\b{re.escape(word)}(?:s|es)?\b", lowered) for word in words)
    }
