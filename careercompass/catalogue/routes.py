"""Shared routes: the ways in that many jobs share, as data rather than as words in each role file.

Two kinds come from two places. T Levels, courses, short courses, cadets and volunteering are written by hand in
routes.yaml, each fact with its source. Apprenticeships are made from the standards table
(apprenticeship_standards.csv) and from what the role files that use each standard say about it (how long it takes,
which Leeds employers take apprentices), so a standard's facts live in one place each.

A role's entry route follows a shared route: the one it names (`route:`), the T Level of its `t_level`, or the
apprenticeship of its `standard_code`. `route_id_for` works out which; the loader refuses a role whose way in
follows a route that does not exist.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from careercompass.catalogue.schema import EntryRoute, Role, SharedRoute, Source

ROUTES_FILE = "routes.yaml"

# Facts every apprenticeship shares, from the page that states them.
APPRENTICESHIP_PAY = Source(fact="Apprentices are paid a wage and do not pay for their training",
                            name="GOV.UK, become an apprentice", url="https://www.gov.uk/become-apprentice")
LEVEL_7_FUNDING = Source(fact="From January 2026 government funding for level 7 apprenticeships is for people who "
                              "start them aged 16 to 21",
                         name="GOV.UK, apprenticeship funding rules",
                         url="https://www.gov.uk/government/publications/apprenticeship-funding-rules")
APPRENTICESHIP_MINIMUM_AGE = 16
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "a": "1"}
_YEARS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:to\s*(\d+(?:\.\d+)?)\s*)?(year|month|week)s?", re.I)


def route_id_for(entry: EntryRoute, t_levels: dict[str, str]) -> str | None:
    """The shared route an entry route follows: named outright, or found from its T Level name or standard code.
    `t_levels` maps a T Level's name to its route id. None when it follows none (a job you apply for)."""
    if entry.route is not None:
        return entry.route
    if entry.type == "t-level" and entry.t_level is not None:
        return t_levels.get(entry.t_level, f"t-level:{entry.t_level}")  # an unknown name stays visibly dangling
    if entry.type == "apprenticeship" and entry.standard_code is not None:
        return apprenticeship_route_id(entry.standard_code)
    return None


def apprenticeship_route_id(standard_code: str) -> str:
    return f"apprenticeship-{standard_code.lower()}"


def years_in(length: str | None) -> float | None:
    """How long a length in words is, in years: "About 12 months" is 1.0; "3 to 4 years" is 3.0 (the shorter end)."""
    if not length:
        return None
    words = " ".join(_NUMBER_WORDS.get(word, word) for word in length.lower().split())
    found = _YEARS.search(words)
    if found is None:
        return None
    amount = float(found.group(1))
    unit = found.group(3).lower()
    return round(amount / {"year": 1, "month": 12, "week": 52}[unit], 2)


def apprenticeship_routes(roles: Iterable[Role], standards: dict[str, tuple[str, int | None]]) -> list[SharedRoute]:
    """One shared route per standard that some role's way in uses. `standards` maps a code to (name, level)."""
    used: dict[str, list[tuple[Role, EntryRoute]]] = {}
    for role in roles:
        for entry in role.entry_routes:
            if entry.type == "apprenticeship" and entry.standard_code in standards:
                used.setdefault(entry.standard_code, []).append((role, entry))
    routes = []
    for code, uses in sorted(used.items()):
        name, level = standards[code]
        length = _most_said(entry.duration for _, entry in uses)
        level = level or uses[0][1].level
        # The Leeds employers of the jobs it leads to, most often named first.
        employers = _most_said_all(slug for role, _ in uses for slug in role.leeds_employers)
        cost = "Free to you: you are paid a wage while you train, and the employer and the government pay for it."
        sources = [Source(fact=f"The {code} standard, its name and level", name=f"Skills England, {name} standard",
                          url=f"https://skillsengland.education.gov.uk/apprenticeships/{code.lower()}"),
                   APPRENTICESHIP_PAY]
        if level == 7:
            cost += (" From January 2026 the government pays for level 7 training only for people who start aged 16 "
                     "to 21, so older people need an employer willing to pay.")
            sources.append(LEVEL_7_FUNDING)
        routes.append(SharedRoute(
            id=apprenticeship_route_id(code), type="apprenticeship", title=f"{name} apprenticeship",
            summary=f"A paid job with training, at level {level}. At least one day a week, or the same in blocks, "
                    "is set aside for learning." if level else "A paid job with training.",
            level=level, length=length or "Ask the employer", years=years_in(length) or 1.0,
            minimum_age=APPRENTICESHIP_MINIMUM_AGE,
            entry="Each employer sets its own. Levels 4 and up usually ask for a level 3 course first, such as A "
                  "levels or a T Level." if (level or 0) >= 4 else "Each employer sets its own; many ask for GCSE "
                                                                     "English and maths, or let you take them as "
                                                                     "part of it.",
            needs_english_maths=(level or 0) >= 4, cost=cost,
            employers=employers, sources=sources))
    return routes


def _most_said(values: Iterable[str | None]) -> str | None:
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else None


def _most_said_all(values: Iterable[str]) -> list[str]:
    return [value for value, _ in Counter(values).most_common()]
