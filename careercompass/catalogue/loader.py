"""Read every file in roles_catalogue/, check it, and return the whole catalogue or a list of problems.

A catalogue is all or nothing: if any file is broken, `load_catalogue` raises `CatalogueInvalid` naming every
broken file and field, and nothing is returned to be half-loaded.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from careercompass.catalogue.glossary import acronyms_in, reader_texts
from careercompass.catalogue.onet import ONET_FILE, InterestProfile, agreement, load_profiles
from careercompass.catalogue.readability import reading_age
from careercompass.catalogue.routes import ROUTES_FILE, apprenticeship_routes, route_id_for
from careercompass.catalogue.schema import (
    BAND_ORDER,
    Employer,
    Family,
    Glossary,
    PayBand,
    Role,
    RoutesFile,
    SharedRoute,
    Source,
)

ROLES_SUBDIR = "roles"
FAMILIES_FILE = "families.yaml"
EMPLOYERS_FILE = "employers.yaml"
PAY_FILE = "pay_agenda_for_change.yaml"
STANDARDS_FILE = "apprenticeship_standards.csv"
GLOSSARY_FILE = "glossary.yaml"
# libyaml's safe loader reads the catalogue several times faster; the pure-Python one only where it is missing.
YAML_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
# Summaries are written for a reading age of 9 to 11; above this the catalogue refuses to load.
READING_AGE_LIMIT = 15.0

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the catalogue, said so that the person editing the file can fix it."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class CatalogueInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"The catalogue has {count} problem{'s' if count != 1 else ''}:\n{lines}")


@dataclass(frozen=True)
class ApprenticeshipStandard:
    code: str
    name: str
    level: int | None  # None where the level is not yet known


@dataclass(frozen=True)
class PayTable:
    year: str
    source: Source
    bands: dict[str, PayBand]


@dataclass
class Catalogue:
    families: list[Family]
    employers: list[Employer]
    pay: PayTable
    standards: dict[str, ApprenticeshipStandard]
    glossary: dict[str, str]
    roles: list[Role] = field(default_factory=list)
    onet: dict[str, InterestProfile] = field(default_factory=dict)
    routes: dict[str, SharedRoute] = field(default_factory=dict)  # by id: routes.yaml's and the apprenticeships

    @property
    def t_level_routes(self) -> dict[str, str]:
        """A T Level's name, as role files give it, to its route id."""
        return {route.t_level: route.id for route in self.routes.values() if route.t_level}

    def route_id_for(self, entry) -> str | None:
        return route_id_for(entry, self.t_level_routes)

    @property
    def fingerprint(self) -> str:
        """Changes whenever any role's content changes; derived artefacts (embeddings, index) are keyed on it."""
        digest = hashlib.sha256()
        for role in sorted(self.roles, key=lambda r: r.slug):
            digest.update(role_content_hash(role).encode())
        return digest.hexdigest()


def role_content_hash(role: Role) -> str:
    return hashlib.sha256(json.dumps(role.model_dump(mode="json"), sort_keys=True).encode()).hexdigest()


def load_catalogue(directory: Path) -> Catalogue:
    problems: list[Problem] = []
    families = _load_list(directory / FAMILIES_FILE, Family, problems)
    employers = _load_list(directory / EMPLOYERS_FILE, Employer, problems)
    pay = _load_pay_table(directory / PAY_FILE, problems)
    standards = _load_standards(directory / STANDARDS_FILE, problems)
    glossary = _validate(Glossary, _read_yaml(directory / GLOSSARY_FILE, problems, GLOSSARY_FILE), GLOSSARY_FILE,
                         problems)
    onet = _load_onet(directory / ONET_FILE, problems)
    routes_file = _validate(RoutesFile, _read_yaml(directory / ROUTES_FILE, problems, ROUTES_FILE), ROUTES_FILE,
                            problems)
    roles = [role for path in sorted((directory / ROLES_SUBDIR).glob("*.y*ml")) if (role := _load_role(path, problems))]
    if not roles and not problems:
        problems.append(Problem(f"{ROLES_SUBDIR}/", "", "there are no role files (*.yaml)"))
    if problems:
        raise CatalogueInvalid(problems)
    assert pay is not None
    assert glossary is not None
    assert routes_file is not None
    made = apprenticeship_routes(roles, {code: (s.name, s.level) for code, s in standards.items()})
    catalogue = Catalogue(families=families, employers=employers, pay=pay, standards=standards,
                          glossary=dict(glossary.terms), roles=roles, onet=onet,
                          routes={route.id: route for route in [*routes_file.routes, *made]})
    problems.extend(_route_problems(routes_file.routes, catalogue))
    problems.extend(cross_check(catalogue))
    if problems:
        raise CatalogueInvalid(problems)
    return catalogue


def cross_check(catalogue: Catalogue) -> list[Problem]:
    """Checks that need more than one file: links resolve, names are unique, codes are real."""
    problems: list[Problem] = []
    family_slugs = {f.slug for f in catalogue.families}
    employer_slugs = {e.slug for e in catalogue.employers}
    role_slugs: dict[str, str] = {}
    titles: dict[str, str] = {}

    for role in catalogue.roles:
        where = f"{ROLES_SUBDIR}/{role.slug}.yaml"
        if role.slug in role_slugs:
            problems.append(Problem(where, "slug", f"'{role.slug}' is used by another file too"))
        role_slugs[role.slug] = where
        title = role.title.casefold()
        if title in titles:
            problems.append(Problem(where, "title", f"'{role.title}' is already the title of {titles[title]}"))
        titles[title] = where

    for role in catalogue.roles:
        where = f"{ROLES_SUBDIR}/{role.slug}.yaml"
        # Another name for this role must not be the title of a different role, or search and vacancy
        # linking could not tell the two apart.
        for i, other in enumerate(role.other_titles):
            owner = titles.get(other.casefold())
            if owner is not None and owner != where:
                problems.append(Problem(where, f"other_titles[{i}]", f"'{other}' is the title of {owner}"))
        if role.family not in family_slugs:
            problems.append(Problem(where, "family", f"unknown family '{role.family}' (see {FAMILIES_FILE})"))
        for i, employer in enumerate(role.leeds_employers):
            if employer not in employer_slugs:
                problems.append(
                    Problem(where, f"leeds_employers[{i}]", f"unknown employer '{employer}' (see {EMPLOYERS_FILE})")
                )
        for name in ("related", "next_steps"):
            for i, slug in enumerate(getattr(role, name)):
                if slug not in role_slugs:
                    problems.append(Problem(where, f"{name}[{i}]", f"no role has the slug '{slug}'"))
        for i, route in enumerate(role.entry_routes):
            followed = catalogue.route_id_for(route)
            # An apprenticeship's route comes from its standard code, which is checked just below.
            by_standard = route.type == "apprenticeship" and route.route is None
            if followed is not None and followed not in catalogue.routes and not by_standard:
                field_name = "t_level" if route.type == "t-level" and route.route is None else "route"
                problems.append(Problem(where, f"entry_routes[{i}].{field_name}",
                                        f"'{route.route or route.t_level}' is not a route in {ROUTES_FILE}"))
            if route.standard_code is None:
                continue
            standard = catalogue.standards.get(route.standard_code)
            if standard is None:
                problems.append(
                    Problem(where, f"entry_routes[{i}].standard_code",
                            f"'{route.standard_code}' is not in {STANDARDS_FILE}")
                )
            elif standard.level is not None and standard.level != route.level:
                problems.append(
                    Problem(where, f"entry_routes[{i}].level",
                            f"{route.standard_code} is level {standard.level}, not {route.level}")
                )
        for path, text in reader_texts(role):
            for term in sorted(set(acronyms_in(text)) - catalogue.glossary.keys()):
                problems.append(Problem(where, path, f"'{term}' is not explained in {GLOSSARY_FILE}"))
        problems.extend(_interest_evidence_problems(role, catalogue.onet, where))
        age = reading_age(role.summary)
        if age > READING_AGE_LIMIT:
            problems.append(Problem(where, "summary", f"reading age {age} is above {READING_AGE_LIMIT}: "
                                                      "use shorter sentences and everyday words"))
    problems.extend(_ladder_cycles(catalogue.roles))
    problems.extend(_former_slug_clashes(catalogue.roles))
    return problems


def _route_problems(written: list[SharedRoute], catalogue: Catalogue) -> list[Problem]:
    """Ids used once, T Level names used once, employers that exist, summaries a young reader can follow."""
    problems = []
    employer_slugs = {e.slug for e in catalogue.employers}
    seen: set[str] = set()
    names: set[str] = set()
    for i, route in enumerate(written):
        where = f"routes[{i}]"
        if route.id in seen:
            problems.append(Problem(ROUTES_FILE, f"{where}.id", f"'{route.id}' is used by another route too"))
        seen.add(route.id)
        if route.t_level in names:
            problems.append(Problem(ROUTES_FILE, f"{where}.t_level", f"'{route.t_level}' is named by another route"))
        names.add(route.t_level or "")
        for j, slug in enumerate(route.employers):
            if slug not in employer_slugs:
                problems.append(Problem(ROUTES_FILE, f"{where}.employers[{j}]", f"unknown employer '{slug}'"))
        age = reading_age(route.summary)
        if age > READING_AGE_LIMIT:
            problems.append(Problem(ROUTES_FILE, f"{where}.summary", f"reading age {age} is above {READING_AGE_LIMIT}"))
    return problems


def _interest_evidence_problems(role: Role, onet: dict[str, InterestProfile], where: str) -> list[Problem]:
    if role.onet_code is None:
        return []
    profile = onet.get(role.onet_code)
    if profile is None:
        return [Problem(where, "onet_code", f"'{role.onet_code}' is not an occupation in {ONET_FILE}")]
    agrees = agreement(role.riasec, profile)
    if agrees is not None and not agrees.first_letter and role.riasec_note is None:
        return [Problem(where, "riasec", f"O*NET's strongest interest for {profile.title} is "
                                         f"{profile.strongest(1)}, not {role.riasec[0]}: change the code or say "
                                         "why the UK job differs in 'riasec_note'")]
    return []


def _former_slug_clashes(roles: list[Role]) -> list[Problem]:
    """An old address must lead to exactly one role, and never hide a role that still has it."""
    current = {role.slug for role in roles}
    claimed: dict[str, str] = {}
    problems = []
    for role in roles:
        where = f"{ROLES_SUBDIR}/{role.slug}.yaml"
        for i, old in enumerate(role.former_slugs):
            if old in current:
                problems.append(Problem(where, f"former_slugs[{i}]", f"'{old}' is still the slug of a role"))
            elif old in claimed:
                problems.append(Problem(where, f"former_slugs[{i}]", f"'{old}' already leads to {claimed[old]}"))
            claimed[old] = role.slug
    return problems


def _ladder_cycles(roles: list[Role]) -> list[Problem]:
    """A career ladder only goes up: following next_steps must never lead back to where it started."""
    graph = {role.slug: role.next_steps for role in roles}
    problems = []
    for start in graph:
        seen: set[str] = set()
        stack = list(graph[start])
        while stack:
            slug = stack.pop()
            if slug == start:
                problems.append(Problem(f"{ROLES_SUBDIR}/{start}.yaml", "next_steps",
                                        "following next_steps leads back to this role (a ladder must go up)"))
                break
            if slug in seen:
                continue
            seen.add(slug)
            stack.extend(graph.get(slug, []))
    return problems


def _read_yaml(path: Path, problems: list[Problem], label: str) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except FileNotFoundError:
        problems.append(Problem(label, "", "the file is missing"))
    except UnicodeDecodeError:
        problems.append(Problem(label, "", "the file is not UTF-8 text"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problems.append(Problem(label, "", f"is not valid YAML{at}: {getattr(error, 'problem', error)}"))
    return None


def _validation_problems(label: str, error: ValidationError, prefix: str = "") -> list[Problem]:
    problems = []
    for detail in error.errors():
        path = prefix + ".".join(str(part) for part in detail["loc"] if not str(part).startswith("function-"))
        problems.append(Problem(label, path or "(whole file)", detail["msg"]))
    return problems


def _validate(model: type[ModelT], data: Any, label: str, problems: list[Problem], prefix: str = "") -> ModelT | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems.extend(_validation_problems(label, error, prefix))
        return None


def _load_list(path: Path, model: type[ModelT], problems: list[Problem]) -> list[ModelT]:
    data = _read_yaml(path, problems, path.name)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(Problem(path.name, "", "should be a list of entries"))
        return []
    items = [_validate(model, item, path.name, problems, prefix=f"[{i}].") for i, item in enumerate(data)]
    valid = [item for item in items if item is not None]
    slugs = [item.slug for item in valid]  # every catalogue list (families, employers) is keyed by slug
    for slug in {s for s in slugs if slugs.count(s) > 1}:
        problems.append(Problem(path.name, "slug", f"'{slug}' appears more than once"))
    return valid


def _load_onet(path: Path, problems: list[Problem]) -> dict[str, InterestProfile]:
    try:
        return load_profiles(path)
    except FileNotFoundError:
        problems.append(Problem(ONET_FILE, "", "the file is missing (make it with scripts/onet-interests)"))
    except (KeyError, ValueError) as error:
        problems.append(Problem(ONET_FILE, "", f"cannot be read: {error}"))
    return {}


def _load_pay_table(path: Path, problems: list[Problem]) -> PayTable | None:
    data = _read_yaml(path, problems, path.name)
    if not isinstance(data, dict):
        if data is not None:
            problems.append(Problem(path.name, "", "should have 'year', 'source' and 'bands'"))
        return None
    source = _validate(Source, data.get("source"), path.name, problems, prefix="source.")
    bands_data = data.get("bands") or []
    bands = [_validate(PayBand, b, path.name, problems, prefix=f"bands[{i}].") for i, b in enumerate(bands_data)]
    by_band = {b.band: b for b in bands if b is not None}
    missing = [b for b in BAND_ORDER if b not in by_band]
    if missing:
        problems.append(Problem(path.name, "bands", f"missing band(s): {', '.join(missing)}"))
    year = str(data.get("year", ""))
    if source is None or missing or not year:
        return None
    return PayTable(year=year, source=source, bands=by_band)


def _load_standards(path: Path, problems: list[Problem]) -> dict[str, ApprenticeshipStandard]:
    standards: dict[str, ApprenticeshipStandard] = {}
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                level = row.get("level", "").strip()
                standards[row["ref"].strip()] = ApprenticeshipStandard(
                    code=row["ref"].strip(),
                    name=row["standard_name_as_listed"].strip(),
                    level=int(level) if level.isdigit() else None,
                )
    except FileNotFoundError:
        problems.append(Problem(path.name, "", "the file is missing"))
    except (KeyError, csv.Error) as error:
        problems.append(Problem(path.name, "", f"cannot be read as the standards table: {error}"))
    return standards


def _load_role(path: Path, problems: list[Problem]) -> Role | None:
    label = f"{ROLES_SUBDIR}/{path.name}"
    data = _read_yaml(path, problems, label)
    if data is None:
        if path.exists() and not any(p.file == label for p in problems):
            problems.append(Problem(label, "", "the file is empty"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(label, "", "should be a set of 'field: value' lines, one role per file"))
        return None
    role = _validate(Role, data, label, problems)
    if role is not None and path.stem != role.slug:
        problems.append(Problem(label, "slug", f"'{role.slug}' does not match the file name '{path.stem}'"))
        return None
    return role
