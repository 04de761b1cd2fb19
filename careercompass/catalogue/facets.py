"""Filters and their counts: how a person narrows the list of jobs, on the browse page, in search and in the API.

Each facet is a question ("Way in", "Where you work") with a fixed set of answers. A role has a set of
answers per facet. A selection keeps the roles that have at least one chosen answer in every facet used:
"or" inside a facet, "and" between facets. Counts beside each answer say how many roles it would show if
it were added to the rest of the selection, so a person never picks a filter that leads to nothing without
being told first.

Some wishes cannot be said with tick boxes: "no night shifts" or "no needles" rule roles out. A selection can
carry such conditions too (a role must have, or must not have, any of some values); search reads them from the
words typed. Some hidden answers per role exist only for them: what the job involves, how physically and
emotionally demanding it is, and whether every way in needs a degree.

The whole table is a few hundred small rows, so it is held in memory and filtered with sets: far quicker than
asking the database for ten counts on every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from careercompass import vocabulary
from careercompass.catalogue import models

# What a person reads for each stored value; the values and their order come from the shared vocabulary.
SECTOR_NAMES: dict[str, str] = vocabulary.labels(vocabulary.SECTORS)
ROUTE_NAMES: dict[str, str] = vocabulary.labels(vocabulary.ROUTE_TYPES)
SHIFT_NAMES: dict[str, str] = vocabulary.labels(vocabulary.SHIFT_PATTERNS)

# Where a role is done, worked out from its "where you work" lines. The words are checked in this order and a
# role can be in several settings. A test makes sure every role lands in at least one.
SETTING_NAMES: dict[str, str] = {
    "hospital": "Hospitals",
    "community": "Clinics and health centres",
    "high-street": "GP surgeries, chemists, opticians and dentists",
    "homes": "Visiting people at home",
    "care-homes": "Care homes, hospices and supported living",
    "office": "Offices, or from home",
    "lab": "Labs and workshops",
    "on-the-road": "On the road",
    "schools": "Schools, colleges and universities",
    "justice": "Prisons, courts and police stations",
}
SETTING_WORDS: dict[str, str] = {
    "hospital": r"hospital|\bwards?\b|theatres?\b|infirmary|st james|emergency department|a&e|intensive care"
                r"|inpatient|maternity units?|neonatal|mortuar|outpatient|x-ray departments?",
    "community": r"community|\bclinics?\b|health cent|\bhubs?\b|diagnostic cent|urgent treatment|walk-in|drop-in"
                 r"|day cent|day services|mental health services|children's services|private practice",
    "high-street": r"surger|\bgp\b|pharmac|chemist|optician|dental|dentist|practices\b|high street",
    "homes": r"people's (own )?homes|patients' homes|their (own )?homes?|visit(ing|s)? (people|families|children)"
             r"|at home|home of the person|home care|domiciliary|reablement|families' homes|shared lives|foster",
    "care-homes": r"care homes?|nursing homes?|children's homes|short-break homes|supported living|residential"
                  r"|hospices?\b|extra care|housing",
    "office": r"office|your (own )?home|from home|headquarters|digital|control rooms?|call cent|contact cent"
              r"|nhs england|commissioning",
    "lab": r"\blabs?\b|laborator|workshops?\b|pathology|factor(y|ies)|manufactur|sterile services|kitchens?\b",
    "on-the-road": r"(on|in) (an? )?(emergency )?ambulances?|ambulance stations?|vehicles?\b|\bvans?\b|on the road|roadside|patient transport|driving"
                   r"|out and about|out on (inspections|visits)|incident scenes",
    "schools": r"\bschools?\b|\bcolleges?\b|universities|\bnurser(y|ies)\b",
    "justice": r"prisons?\b|courts?\b|police|custody|probation|secure (hospital|unit|service)",
}
BAND_GROUPS: dict[str, str] = {**vocabulary.labels(vocabulary.BAND_GROUPS), "other": "Not on NHS pay bands"}
AGE_NAMES: dict[str, str] = {
    "16": "From 16",
    "18": "From 18",
    "over-18": "Older than 18",
    "none": "No minimum age given",
}
# Ways in that need no degree. A T Level or "experience in another job first" counts only for a role with no
# degree route that starts on NHS band 4 or below: elsewhere it is a first step towards university, or years in
# a job that itself needed a degree (a children's nurse after a Health T Level, a HART paramedic after paramedic).
NO_DEGREE_ROUTES = frozenset({"no-qualifications", "apprenticeship", "college-course"})
STEPPING_STONE_ROUTES = frozenset({"t-level", "experience"})
DEGREE_ROUTES = frozenset({"degree", "postgraduate"})
DEGREE_LEVEL = 6  # an apprenticeship at this level or above is a degree apprenticeship
BANDS_BELOW_A_DEGREE = frozenset({"2", "3", "4"})
PATIENT_NAMES = {"yes": "Working with patients or clients", "no": "Behind the scenes"}
EARN_NAMES = {"yes": "Earn while you learn"}


@dataclass(frozen=True)
class Facet:
    name: str  # the query-string parameter
    label: str
    options: dict[str, str]  # value -> what a person reads


def facets(family_names: Mapping[str, str]) -> list[Facet]:
    """Every facet, in the order a person sees them."""
    return [
        Facet("family", "Type of work", dict(family_names)),
        Facet("route", "Way in", ROUTE_NAMES),
        Facet("earn_while_you_learn", "Money while training", EARN_NAMES),
        Facet("sector", "Who you work for", SECTOR_NAMES),
        Facet("setting", "Where you work", SETTING_NAMES),
        Facet("patient_facing", "Patients", PATIENT_NAMES),
        Facet("shift", "Hours", SHIFT_NAMES),
        Facet("band", "Starting NHS pay band", BAND_GROUPS),
        Facet("age", "Youngest age you can start", AGE_NAMES),
    ]


@dataclass(frozen=True)
class Condition:
    """A rule a role must meet, beyond the tick boxes: it has (or, with `exclude`, lacks) any of `values`."""

    facet: str  # a facet's name, or a hidden answer: "involves", "physical", "emotional" or "degree"
    values: frozenset[str]
    exclude: bool = False

    def holds(self, values: Mapping[str, frozenset[str]]) -> bool:
        return bool(values.get(self.facet, frozenset()) & self.values) != self.exclude


# Older links used "1", "on" or "true" for the earn-while-you-learn tick box.
_YES_WORDS = {"1", "yes", "on", "true"}


@dataclass(frozen=True)
class Selection:
    """What a person has chosen: facet name -> chosen values. Empty means every role."""

    chosen: dict[str, frozenset[str]] = field(default_factory=dict)
    conditions: tuple[Condition, ...] = ()  # read from words, never from tick boxes; all must hold

    @classmethod
    def from_args(cls, args: Any, available: list[Facet]) -> tuple[Selection, list[str]]:
        """Read choices from query-string arguments. Unknown values are dropped and reported, never fatal."""
        chosen: dict[str, frozenset[str]] = {}
        problems: list[str] = []
        for facet in available:
            values = [v.strip()[:80] for v in args.getlist(facet.name) if v.strip()]
            if facet.name == "earn_while_you_learn":
                values = ["yes" if v.lower() in _YES_WORDS else v for v in values]
            known = [v for v in values if v in facet.options]
            for value in values:
                if value not in facet.options:
                    problems.append(f"“{value}” is not a choice under “{facet.label}”, so we left it out.")
            if known:
                chosen[facet.name] = frozenset(known)
        return cls(chosen), problems

    @classmethod
    def of(cls, **choices: str | Iterable[str]) -> Selection:
        return cls({name: frozenset([v] if isinstance(v, str) else v) for name, v in choices.items() if v})

    @property
    def active(self) -> bool:
        return bool(self.chosen)

    def has(self, facet: str, value: str) -> bool:
        return value in self.chosen.get(facet, ())

    def without(self, facet: str, value: str | None = None) -> Selection:
        """The same choices with one value (or a whole facet) taken away: for "remove this filter" links."""
        chosen = dict(self.chosen)
        rest = chosen.pop(facet, frozenset()) - {value} if value is not None else frozenset()
        if rest:
            chosen[facet] = rest
        return Selection(chosen, self.conditions)

    def with_conditions(self, conditions: Iterable[Condition]) -> Selection:
        return Selection(self.chosen, tuple(conditions))

    def as_args(self) -> list[tuple[str, str]]:
        return [(name, value) for name, values in self.chosen.items() for value in sorted(values)]


@dataclass(frozen=True)
class FacetRow:
    slug: str
    title: str
    values: dict[str, frozenset[str]]


class FacetTable:
    """Every role's answers to every facet, for filtering and counting in memory."""

    def __init__(self, rows: list[FacetRow], family_names: Mapping[str, str]):
        self.rows = {row.slug: row for row in rows}
        self.alphabetical = [row.slug for row in sorted(rows, key=lambda r: r.title.casefold())]
        self.facets = facets(family_names)

    def matches(self, slug: str, selection: Selection, skip: str | None = None) -> bool:
        row = self.rows[slug]
        return (all(row.values[name] & values for name, values in selection.chosen.items() if name != skip)
                and all(condition.holds(row.values) for condition in selection.conditions))

    def filter(self, slugs: Iterable[str], selection: Selection) -> list[str]:
        """The slugs, in their order, that meet every chosen facet (unknown slugs are dropped)."""
        return [slug for slug in slugs if slug in self.rows and self.matches(slug, selection)]

    def counts(self, slugs: Iterable[str], selection: Selection) -> dict[str, dict[str, int]]:
        """For each facet and answer: how many of `slugs` would show with that answer added to the rest."""
        slugs = [slug for slug in slugs if slug in self.rows]
        result: dict[str, dict[str, int]] = {}
        for facet in self.facets:
            counts = dict.fromkeys(facet.options, 0)
            for slug in slugs:
                if self.matches(slug, selection, skip=facet.name):
                    for value in self.rows[slug].values[facet.name]:
                        if value in counts:
                            counts[value] += 1
            result[facet.name] = counts
        return result


def settings_for(where_you_work: Iterable[str]) -> frozenset[str]:
    text = " | ".join(where_you_work).lower().replace("’", "'")
    return frozenset(name for name, pattern in SETTING_WORDS.items() if re.search(pattern, text))


def band_group(pay: dict[str, Any]) -> str:
    if pay.get("scheme") != "agenda-for-change":
        return "other"
    band = vocabulary.BANDS_BY_ID.get(str(pay["band_from"]))
    return band.group if band is not None else "other"


def age_group(minimum_age: int | None) -> str:
    if minimum_age is None:
        return "none"
    return "16" if minimum_age <= 16 else "18" if minimum_age <= 18 else "over-18"


def degree_answer(routes: Iterable[tuple[str, int | None]], band: str) -> str:
    """ "not-needed" when some way in needs no degree, else "needed". Routes are (type, level) pairs."""
    routes = list(routes)
    # A degree apprenticeship (level 6 or more) ends in a degree, so it is not a way in without one.
    degree = {kind for kind, level in routes if kind in DEGREE_ROUTES or (level or 0) >= DEGREE_LEVEL}
    without = {kind for kind, level in routes if kind in NO_DEGREE_ROUTES and (level or 0) < DEGREE_LEVEL}
    stepping_stone = any(kind in STEPPING_STONE_ROUTES for kind, _ in routes) and band in BANDS_BELOW_A_DEGREE
    no_degree = without or (not degree and stepping_stone)
    return "not-needed" if no_degree else "needed"


def needs_degree(role: models.Role) -> bool:
    """True when every way into the role goes through a degree (see degree_answer): the one rule search's "without a
    degree" and the matcher's "no uni" limit both follow."""
    routes = [(route.type, route.level) for route in role.entry_routes]
    return degree_answer(routes, band_group(role.pay)) == "needed"


def involves_answer(involves: Iterable[str], driving_licence_needed: bool) -> frozenset[str]:
    # A job that needs a licence involves driving, whatever its list says: the quiz's deal-breaker reads it so too.
    return frozenset(involves) | ({"driving"} if driving_licence_needed else set())


def facet_row(role: models.Role) -> FacetRow:
    return FacetRow(
        slug=role.slug,
        title=role.title,
        values={
            "family": frozenset([role.family_slug]),
            "route": frozenset(route.type for route in role.entry_routes),
            "earn_while_you_learn": frozenset(["yes"] if role.earn_while_you_learn else []),
            "sector": frozenset(role.sector_names),
            "setting": settings_for(role.where_you_work),
            "patient_facing": frozenset(["yes" if role.patient_facing else "no"]),
            "shift": frozenset(role.shift_pattern_names),
            "band": frozenset([band_group(role.pay)]),
            "age": frozenset([age_group(role.minimum_age)]),
            # Hidden answers, only for conditions read from words:
            "involves": involves_answer(role.involves, role.driving_licence_needed),
            "physical": frozenset([role.physical_demand]),
            "emotional": frozenset([role.emotional_demand]),
            "degree": frozenset(["needed" if needs_degree(role) else "not-needed"]),
        },
    )


def load_facet_table(session: Session) -> FacetTable:
    roles = session.scalars(
        select(models.Role).options(
            selectinload(models.Role.entry_routes),
            selectinload(models.Role.sectors),
            selectinload(models.Role.shift_patterns),
        )
    ).all()
    family_names = {f.slug: f.name for f in session.scalars(select(models.Family).order_by(models.Family.position))}
    return FacetTable([facet_row(role) for role in roles], family_names)
