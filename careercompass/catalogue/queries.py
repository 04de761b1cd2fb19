"""Reading the catalogue back out of the database: the questions pages and the API ask of it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, selectinload

from careercompass.catalogue import models
from careercompass.catalogue.pay import PayFigures, pay_figures
from careercompass.catalogue.schema import RouteType, Sector

SECTOR_NAMES: dict[str, str] = {
    "nhs": "NHS",
    "social-care": "Social care",
    "primary-care": "GP practices, pharmacies and dentists",
    "public-health": "Public health",
    "local-authority": "Leeds City Council",
    "third-sector": "Charities",
    "private": "Private companies",
}
ROUTE_NAMES: dict[str, str] = {
    "no-qualifications": "No qualifications needed",
    "t-level": "T Level",
    "apprenticeship": "Apprenticeship",
    "college-course": "College course",
    "degree": "Degree",
    "postgraduate": "Further study after a degree",
    "experience": "Experience in another job first",
}
SHIFT_NAMES: dict[str, str] = {
    "office-hours": "Office hours",
    "day-shifts": "Day shifts",
    "long-days": "Long days (about 12 hours)",
    "nights": "Nights",
    "weekends": "Weekends",
    "on-call": "On call",
    "part-time-possible": "Part time possible",
}
# From quickest to longest: the first of these a role offers is its "quickest way in".
QUICKEST_FIRST = ("no-qualifications", "apprenticeship", "t-level", "college-course", "degree", "experience",
                  "postgraduate")
QUICKEST_LABELS = {
    "no-qualifications": "No qualifications needed",
    "apprenticeship": "An apprenticeship",
    "t-level": "A T Level",
    "college-course": "A college course",
    "degree": "A degree",
    "experience": "Experience in another job",
    "postgraduate": "Further study after a degree",
}


def quickest_route(role: models.Role) -> str:
    types = {route.type for route in role.entry_routes}
    return QUICKEST_LABELS[next((t for t in QUICKEST_FIRST if t in types), "postgraduate")]


assert set(SECTOR_NAMES) == set(Sector.__args__) and set(ROUTE_NAMES) == set(RouteType.__args__)

_ROLE_DETAIL = (
    selectinload(models.Role.family),
    selectinload(models.Role.sectors),
    selectinload(models.Role.shift_patterns),
    selectinload(models.Role.entry_routes),
    selectinload(models.Role.employer_links),
    selectinload(models.Role.links),
)


@dataclass(frozen=True)
class RoleFilters:
    """The filters a person can set on the browse page or the API. Empty means 'any'."""

    family: str = ""
    sector: str = ""
    route: str = ""
    patient_facing: str = ""  # "yes", "no" or ""
    earn_while_you_learn: bool = False

    @classmethod
    def from_args(cls, args: Any) -> tuple[RoleFilters, list[str]]:
        """Read filters from query-string arguments; unknown values are dropped and reported, never fatal."""
        problems: list[str] = []
        values: dict[str, Any] = {}
        for name, allowed in (("sector", SECTOR_NAMES), ("route", ROUTE_NAMES)):
            value = args.get(name, "").strip()
            if value and value not in allowed:
                problems.append(f"'{value}' is not a {name} we know, so it was ignored.")
                value = ""
            values[name] = value
        values["family"] = args.get("family", "").strip()[:80]
        patient = args.get("patient_facing", "").strip()
        if patient not in ("", "yes", "no"):
            problems.append("Patient-facing must be yes or no, so it was ignored.")
            patient = ""
        values["patient_facing"] = patient
        values["earn_while_you_learn"] = args.get("earn_while_you_learn", "") in ("1", "yes", "on", "true")
        return cls(**values), problems

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def _filtered(query, filters: RoleFilters):
    if filters.family:
        query = query.where(models.Role.family_slug == filters.family)
    if filters.sector:
        query = query.where(
            exists().where(models.RoleSector.role_slug == models.Role.slug, models.RoleSector.sector == filters.sector)
        )
    if filters.route:
        query = query.where(
            exists().where(models.EntryRoute.role_slug == models.Role.slug, models.EntryRoute.type == filters.route)
        )
    if filters.patient_facing:
        query = query.where(models.Role.patient_facing == (filters.patient_facing == "yes"))
    if filters.earn_while_you_learn:
        query = query.where(models.Role.earn_while_you_learn.is_(True))
    return query


def list_roles(session: Session, filters: RoleFilters | None = None, limit: int | None = None,
               offset: int = 0) -> list[models.Role]:
    query = _filtered(select(models.Role), filters or RoleFilters())
    query = query.options(*_ROLE_DETAIL).order_by(models.Role.title).offset(offset).limit(limit)
    return list(session.scalars(query))


def count_roles(session: Session, filters: RoleFilters | None = None) -> int:
    return session.scalar(_filtered(select(func.count(models.Role.slug)), filters or RoleFilters())) or 0


def spread_across_families(roles: list[models.Role], count: int) -> list[models.Role]:
    """Pick up to `count` roles, one per family first, so a short list shows the breadth of the sector."""
    picked: list[models.Role] = []
    families: set[str] = set()
    for role in roles:
        if role.family_slug not in families:
            picked.append(role)
            families.add(role.family_slug)
    picked += [role for role in roles if role not in picked]
    return picked[:count]


def get_role(session: Session, slug: str) -> models.Role | None:
    return session.scalars(select(models.Role).options(*_ROLE_DETAIL).where(models.Role.slug == slug)).first()


def get_family(session: Session, slug: str) -> models.Family | None:
    return session.get(models.Family, slug)


def families_with_counts(session: Session) -> list[tuple[models.Family, int]]:
    query = (
        select(models.Family, func.count(models.Role.slug))
        .outerjoin(models.Role)
        .group_by(models.Family.slug)
        .order_by(models.Family.position)
    )
    return [(family, count) for family, count in session.execute(query)]


def roles_by_slug(session: Session, slugs: list[str], detail: bool = True) -> list[models.Role]:
    """Roles in the order of `slugs`; `detail=False` loads only the role rows (enough for a link)."""
    if not slugs:
        return []
    query = select(models.Role).where(models.Role.slug.in_(slugs))
    if detail:
        query = query.options(*_ROLE_DETAIL)
    found = {r.slug: r for r in session.scalars(query)}
    return [found[s] for s in slugs if s in found]


@dataclass(frozen=True)
class Ladder:
    """Where a role sits: the roles people step up from, and the roles it leads to."""

    below: list[models.Role]
    above: list[models.Role]
    related: list[models.Role]


def ladder_for(session: Session, role: models.Role) -> Ladder:
    incoming = session.execute(
        select(models.RoleLink.from_slug, models.RoleLink.kind)
        .where(models.RoleLink.to_slug == role.slug)
        .order_by(models.RoleLink.from_slug)
    ).all()
    below = [slug for slug, kind in incoming if kind == "next_step"]
    above = role.linked_slugs("next_step")
    related = list(dict.fromkeys([*role.linked_slugs("related"), *(s for s, k in incoming if k == "related")]))
    by_slug = {r.slug: r for r in roles_by_slug(session, [*below, *above, *related], detail=False)}
    return Ladder(
        below=[by_slug[s] for s in below],
        above=[by_slug[s] for s in above],
        related=[by_slug[s] for s in related],
    )


def glossary(session: Session) -> dict[str, str]:
    return dict(session.execute(select(models.GlossaryTerm.term, models.GlossaryTerm.meaning)).all())


@dataclass(frozen=True)
class FamilyOverview:
    family: models.Family
    roles: list[models.Role]
    pay_low: int
    pay_high: int
    routes: dict[str, int]  # route type -> how many roles in the family it leads into

    @property
    def starter_roles(self) -> list[models.Role]:
        return [r for r in self.roles if any(route.type == "no-qualifications" for route in r.entry_routes)]


def family_overview(session: Session, slug: str) -> FamilyOverview | None:
    family = get_family(session, slug)
    if family is None:
        return None
    roles = list_roles(session, RoleFilters(family=slug))
    routes = {name: sum(any(r.type == name for r in role.entry_routes) for role in roles) for name in ROUTE_NAMES}
    return FamilyOverview(
        family=family,
        roles=roles,
        pay_low=min((r.pay_yearly_minimum for r in roles), default=0),
        pay_high=max((r.pay_yearly_maximum for r in roles), default=0),
        routes={name: count for name, count in routes.items() if count},
    )


class PayCalculator:
    """Turns a role's stored pay into figures, using the newest Agenda for Change table in the database."""

    def __init__(self, session: Session):
        year = session.scalar(select(func.max(models.PayBand.year)))
        self.year = year or ""
        self.bands = {
            b.band: b for b in session.scalars(select(models.PayBand).where(models.PayBand.year == self.year))
        }
        any_band = next(iter(self.bands.values()), None)
        self.source = {"name": any_band.source_name, "url": any_band.source_url} if any_band else {}

    def figures(self, role: models.Role) -> PayFigures:
        return pay_figures(role.pay, self.bands, self.year, self.source)
