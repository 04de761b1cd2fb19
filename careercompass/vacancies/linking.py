"""Which catalogue role an advert is for: the title lookup, checked against what staff have already decided.

A link the lookup is sure of is stored as "linked"; one it is unsure of as "review", for staff to confirm; a title
that fits no role well is left unlinked rather than forced onto the nearest one. A staff decision about a title
(`TitleMapping`) wins over the lookup for every later advert with that title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from careercompass.search.index import SearchIndex
from careercompass.search.lookup import lookup
from careercompass.vacancies.feeds import Advert
from careercompass.vacancies.importer import Link, Linker
from careercompass.vacancies.models import TitleMapping

# Confidence at or above LINKED_AT is a link; from REVIEW_AT it is kept for staff to check; below, no link.
LINKED_AT = 0.75
REVIEW_AT = 0.45


def title_key(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", title.lower()))[:300]


def make_linker(session: Session, index: SearchIndex) -> Linker:
    decided = {key: slug for key, slug in session.execute(select(TitleMapping.title_key, TitleMapping.role_slug))}
    found: dict[str, list[Link]] = {}  # a feed repeats titles: look each one up once

    def link(advert: Advert) -> list[Link]:
        key = title_key(advert.title)
        if key in decided:
            slug = decided[key]
            return [Link(slug, 1.0, "linked")] if slug else []
        if key not in found:
            best = lookup(index, advert.title).best
            if best is None or best.confidence < REVIEW_AT:
                found[key] = []
            else:
                found[key] = [Link(best.slug, best.confidence,
                                   "linked" if best.confidence >= LINKED_AT else "review")]
        return found[key]

    return link


@dataclass(frozen=True)
class LinkScores:
    titles: int  # titles that have a right role
    first: float  # share with a right role first
    top_five: float  # share with a right role in the first five
    unfitting: int  # titles no role fits
    held_back: float  # share of those left unlinked or marked for review, not linked as fact
    wrongly_linked: int  # titles linked as fact to a wrong role


def link_scores(index: SearchIndex, labelled: list[dict]) -> LinkScores:
    """How the lookup does on hand-labelled advert titles: {"title", "role" (None: no role fits), "also"}."""
    first = top_five = held_back = wrong = 0
    fitting = [entry for entry in labelled if entry["role"]]
    for entry in labelled:
        found = lookup(index, entry["title"])
        ranked = ([found.best.slug] if found.best else []) + [c.slug for c in found.alternatives]
        linked = found.best is not None and found.best.confidence >= LINKED_AT
        if not entry["role"]:
            held_back += not linked
            continue
        right = {entry["role"], *(entry.get("also") or [])}
        first += bool(ranked) and ranked[0] in right
        top_five += bool(right & set(ranked[:5]))
        wrong += linked and ranked[0] not in right
    unfitting = len(labelled) - len(fitting)
    return LinkScores(len(fitting), first / max(len(fitting), 1), top_five / max(len(fitting), 1), unfitting,
                      held_back / max(unfitting, 1), wrong)
