"""Keeping the catalogue true after launch: is its pay current, is every fact sourced, when was each role checked.

`upkeep_problems` is what `check-catalogue` (and the tests) refuse: pay older than the pay year in config,
paid work below the legal minimum, facts cited to a home page or a pinned apprenticeship version, roles with
no stated age or no interest evidence. The app still loads such a catalogue (a new pay year must not take the
site down); the check is for the people who keep it. `review_report` writes the same findings, and when each
role was last checked, as a Markdown page for the Academy's staff.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

from careercompass.catalogue.loader import PAY_FILE, ROLES_SUBDIR, Catalogue, Problem
from careercompass.catalogue.pay import pay_figures
from careercompass.catalogue.schema import Role, Source

# A Skills England address ending -v1-0 names one version of a standard, which goes out of date when the
# standard is revised; the address without it always shows the version open to new starters.
PINNED_STANDARD = re.compile(r"skillsengland\.education\.gov\.uk/apprenticeships/st\d{4}-v\d+-\d+", re.IGNORECASE)


# "You must be 18" in the easy read must agree with the role's minimum age.
STATED_AGE = re.compile(r"\bmust be (\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PayRules:
    current_year: str  # e.g. "2026/27"
    living_wage: float  # the adult legal minimum an hour (National Living Wage) in that year


def upkeep_problems(catalogue: Catalogue, rules: PayRules) -> list[Problem]:
    problems: list[Problem] = []
    if catalogue.pay.year < rules.current_year:
        problems.append(Problem(PAY_FILE, "year", f"the band table is for {catalogue.pay.year}; "
                                                  f"pay in force is {rules.current_year}"))
    for role in catalogue.roles:
        where = f"{ROLES_SUBDIR}/{role.slug}.yaml"
        problems.extend(Problem(where, path, message) for path, message in _role_problems(catalogue, role, rules))
    return problems


def _role_problems(catalogue: Catalogue, role: Role, rules: PayRules) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if role.pay.scheme == "range":
        if role.pay.year < rules.current_year and role.pay.why_older is None:
            found.append(("pay.year", f"pay is for {role.pay.year}; pay in force is {rules.current_year} (update it, "
                                      "or say in 'why_older' why no newer figure can be checked yet)"))
        if role.pay.basis == "wage" and _hourly_minimum(catalogue, role) < rules.living_wage:
            found.append(("pay.minimum", f"£{_hourly_minimum(catalogue, role):.2f} an hour is below the adult legal "
                                         f"minimum of £{rules.living_wage:.2f} (give apprentice rates in the note)"))
    for path, source in _sources(role):
        if problem := _source_problem(source):
            found.append((path, problem))
    if role.minimum_age is None:
        found.append(("minimum_age", "no minimum age: say the youngest age someone can do this job"))
    elif (said := STATED_AGE.search(role.easy_read.way_in)) and int(said.group(1)) != role.minimum_age:
        found.append(("easy_read.way_in", f"says you must be {said.group(1)}, but minimum_age is {role.minimum_age}"))
    if role.onet_code is None and role.onet_none_reason is None:
        found.append(("onet_code", "give the closest O*NET occupation, or 'onet_none_reason' if none fits"))
    if role.last_checked is None:
        found.append(("last_checked", "say when the facts were last checked against their sources"))
    return found


def _hourly_minimum(catalogue: Catalogue, role: Role) -> float:
    return pay_figures(role.pay.model_dump(mode="json"), catalogue.pay.bands, catalogue.pay.year,
                       catalogue.pay.source.model_dump(mode="json")).hourly_minimum


def _sources(role: Role) -> list[tuple[str, Source]]:
    sources = [(f"sources[{i}]", source) for i, source in enumerate(role.sources)]
    if role.pay.scheme == "range":
        sources.append(("pay.source", role.pay.source))
    return sources


def _source_problem(source: Source) -> str | None:
    url = str(source.url)
    if urlparse(url).path.strip("/") == "":
        return f"{url} is a home page: cite the page that states '{source.fact}'"
    if PINNED_STANDARD.search(url):
        return f"{url} pins one version of the standard: link the standard without '-v…'"
    if "wikipedia.org" in url:
        return f"{url} is a wiki: cite a primary source for '{source.fact}'"
    return None


def review_report(catalogue: Catalogue, rules: PayRules, today: date) -> str:
    """A Markdown page for the people who keep the catalogue true: what to check next, and what is missing."""
    problems = upkeep_problems(catalogue, rules)
    by_kind = Counter(_kind(problem) for problem in problems)
    roles = sorted(catalogue.roles, key=lambda r: (r.last_checked or date.min, r.slug))
    lines = [
        "# Catalogue review",
        "",
        f"Made on {today.isoformat()} for the pay year {rules.current_year} "
        f"(adult legal minimum £{rules.living_wage:.2f} an hour). {len(catalogue.roles)} roles.",
        "",
        "## What needs doing",
        "",
    ]
    if problems:
        lines += [f"- {kind}: {count}" for kind, count in sorted(by_kind.items())]
        lines += ["", "| File | Field | Problem |", "|---|---|---|"]
        lines += [f"| {p.file} | {p.field} | {_cell(p.message)} |" for p in problems]
    else:
        lines.append("Nothing: every pay figure is current, every fact has its own page, every role has an age "
                     "and interest evidence.")
    waiting = [role for role in catalogue.roles
               if role.pay.scheme == "range" and role.pay.year < rules.current_year and role.pay.why_older]
    if waiting:
        lines += ["", f"## Older pay kept on purpose ({len(waiting)} roles): check again when the award is published",
                  "", "| Role | Pay year | Why |", "|---|---|---|"]
        lines += [f"| {role.title} (`{role.slug}`) | {role.pay.year} | {_cell(role.pay.why_older or '')} |"
                  for role in waiting]
    lines += ["", "## Roles by the date their facts were last checked, oldest first", "",
              "| Role | Last checked | Days ago | Pay year | Minimum age |", "|---|---|---|---|---|"]
    for role in roles:
        checked = role.last_checked.isoformat() if role.last_checked else "never"
        days = str((today - role.last_checked).days) if role.last_checked else "–"
        pay_year = role.pay.year if role.pay.scheme == "range" else catalogue.pay.year
        age = str(role.minimum_age) if role.minimum_age is not None else "not stated"
        lines.append(f"| {role.title} (`{role.slug}`) | {checked} | {days} | {pay_year} | {age} |")
    return "\n".join(lines) + "\n"


def _kind(problem: Problem) -> str:
    field = problem.field.split("[")[0].split(".")[0]
    return {"sources": "facts without their own page", "pay": "pay out of date or below the legal minimum",
            "year": "pay out of date or below the legal minimum", "minimum_age": "ages not stated",
            "onet_code": "no interest evidence", "last_checked": "never checked"}.get(field, field)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
