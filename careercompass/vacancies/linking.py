"""Which catalogue role an advert is for: the title lookup, checked against the advert's NHS band and against what
staff have already decided.

A link the lookup is sure of is stored as "linked"; one it is unsure of as "review", for staff to confirm; a title
that fits no role well is left unlinked rather than forced onto the nearest one. The band checks seniority: a link to
a role more than a band away from the advert's band is only ever "review" (a band 8c "Head of Radiotherapy Physics"
is not the band 5–6 technician its title's words fit best). A staff decision about a title (`TitleMapping`) wins over
the lookup for every later advert with that title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from careercompass.catalogue.models import Role
from careercompass.search.index import SearchIndex
from careercompass.search.lookup import Lookup, lookup
from careercompass.vacancies.feeds import Advert
from careercompass.vacancies.importer import Link, Linker
from careercompass.vacancies.models import TitleMapping
from careercompass.vacancies.pay_text import read_pay

# Confidence at or above LINKED_AT is a link; from REVIEW_AT it is kept for staff to check; below, no link.
LINKED_AT = 0.75
REVIEW_AT = 0.45
# One band either side is ordinary (a band 7 senior physiotherapist is still a physiotherapist); more says another job.
BAND_SLACK = 1.0
# Band 8's four steps (8a–8d) together span about one band's worth of pay, so each counts as a quarter.
BAND_LEVELS = {**{str(n): float(n) for n in range(1, 8)}, "8a": 8.0, "8b": 8.25, "8c": 8.5, "8d": 8.75, "9": 9.0}

BandRange = tuple[float, float]
RoleBands = dict[str, BandRange]  # a role's usual NHS bands, as levels


def role_bands(session: Session) -> RoleBands:
    """The usual bands of every role paid on the NHS scale (Agenda for Change); other roles have none to check."""
    found = {}
    for slug, pay in session.execute(select(Role.slug, Role.pay)):
        low, high = (pay or {}).get("band_from"), (pay or {}).get("band_to")
        if low in BAND_LEVELS:
            found[slug] = (BAND_LEVELS[low], BAND_LEVELS.get(high, BAND_LEVELS[low]))
    return found


def advert_band(title: str, salary_text: str | None = None) -> BandRange | None:
    """The band an advert states, in its pay text or else its title."""
    pay = read_pay(salary_text, title)
    if pay.band_from not in BAND_LEVELS:
        return None
    return BAND_LEVELS[pay.band_from], BAND_LEVELS.get(pay.band_to or "", BAND_LEVELS[pay.band_from])


def in_band(role: BandRange | None, advert: BandRange | None) -> bool:
    """Whether a role's usual bands reach to within the slack of the advert's (true when either is not known)."""
    if role is None or advert is None:
        return True
    return max(advert[0] - role[1], role[0] - advert[1]) <= BAND_SLACK


def title_key(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", title.lower()))[:300]


def make_linker(session: Session, index: SearchIndex) -> Linker:
    decided = {key: slug for key, slug in session.execute(select(TitleMapping.title_key, TitleMapping.role_slug))}
    bands = role_bands(session)
    found: dict[tuple[str, BandRange | None], list[Link]] = {}  # a feed repeats titles: look each one up once

    def link(advert: Advert) -> list[Link]:
        key = title_key(advert.title)
        if key in decided:
            slug = decided[key]
            return [Link(slug, 1.0, "linked")] if slug else []
        band = advert_band(advert.title, advert.salary_text)
        if (key, band) not in found:
            found[key, band] = links_for(lookup(index, advert.title), band, bands)
        return found[key, band]

    return link


def links_for(found: Lookup, band: BandRange | None, bands: RoleBands) -> list[Link]:
    """The link to store for a title's lookup: none when unsure, "review" when fairly sure or out of band."""
    best = found.best
    if best is None or best.confidence < REVIEW_AT:
        return []
    sure = best.confidence >= LINKED_AT and in_band(bands.get(best.slug), band)
    return [Link(best.slug, best.confidence, "linked" if sure else "review")]


@dataclass(frozen=True)
class LinkScores:
    titles: int  # titles that have a right role
    first: float  # share with a right role first
    top_five: float  # share with a right role in the first five
    unfitting: int  # titles no role fits
    held_back: float  # share of those left unlinked or marked for review, not linked as fact
    wrongly_linked: int  # titles linked as fact to a wrong role


def link_scores(index: SearchIndex, labelled: list[dict], bands: RoleBands) -> LinkScores:
    """How the linker does on hand-labelled advert titles: {"title", "role" (None: no role fits), "also"}. The band
    is read from the title, as an import reads it when the pay text gives none."""
    first = top_five = held_back = wrong = 0
    fitting = [entry for entry in labelled if entry["role"]]
    for entry in labelled:
        found = lookup(index, entry["title"])
        ranked = ([found.best.slug] if found.best else []) + [c.slug for c in found.alternatives]
        linked = [link.status for link in links_for(found, advert_band(entry["title"]), bands)] == ["linked"]
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
