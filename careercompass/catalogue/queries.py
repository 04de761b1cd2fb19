"""Reading the catalogue back out of the database: the questions pages and the API ask of it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from careercompass import vocabulary
from careercompass.catalogue import models
from careercompass.catalogue.pay import PayFigures, pay_figures

# From quickest to longest: the first of these a role offers is its "quickest way in".
QUICKEST_FIRST = vocabulary.ids(vocabulary.routes_quickest_first())
QUICKEST_LABELS = {route.id: route.quickest_label for route in vocabulary.ROUTE_TYPES}


def quickest_route(role: models.Role) -> str:
    types = {route.type for route in role.entry_routes}
    return QUICKEST_LABELS[next((t for t in QUICKEST_FIRST if t in types), QUICKEST_FIRST[-1])]


_ROLE_DETAIL = (
    selectinload(models.Role.family),
    selectinload(models.Role.sectors),
    selectinload(models.Role.shift_patterns),
    selectinload(models.Role.entry_routes),
    selectinload(models.Role.employer_links),
    selectinload(models.Role.links),
)


def list_roles(session: Session, family: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[models.Role]:
    query = select(models.Role)
    if family:
        query = query.where(models.Role.family_slug == family)
    # The slug breaks ties between equal titles, so pages of the list never overlap or skip a role.
    query = query.options(*_ROLE_DETAIL).order_by(models.Role.title, models.Role.slug).limit(limit).offset(offset)
    return list(session.scalars(query))


def count_roles(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(models.Role)) or 0


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


def moved_slugs(session: Session, slugs: list[str]) -> dict[str, str]:
    """Old addresses among `slugs` (of roles since merged or renamed) and the slug each now leads to."""
    if not slugs:
        return {}
    query = select(models.FormerSlug.old_slug, models.FormerSlug.role_slug).where(models.FormerSlug.old_slug.in_(slugs))
    return {old: new for old, new in session.execute(query)}


def get_family(session: Session, slug: str) -> models.Family | None:
    return session.get(models.Family, slug)


def role_titles(session: Session) -> dict[str, str]:
    """Every role's title by slug, in one light query."""
    return dict(session.execute(select(models.Role.slug, models.Role.title)).all())


def role_names(session: Session) -> dict[str, list[str]]:
    """Every role's title and other titles by slug, in one light query."""
    return {slug: [title, *(others or [])] for slug, title, others in
            session.execute(select(models.Role.slug, models.Role.title, models.Role.other_titles))}


def family_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(models.Family.slug, models.Family.name)).all())


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
    roles = list_roles(session, family=slug)
    routes = {name: sum(any(r.type == name for r in role.entry_routes) for role in roles)
              for name in vocabulary.ids(vocabulary.ROUTE_TYPES)}
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


def data_stamp(session: Session) -> str:
    """A digest of every role row and the rows that filters read, so any edit to them changes it."""
    digest = hashlib.sha256()
    for model in (models.Role, models.RoleSector, models.RoleShiftPattern, models.EntryRoute):
        columns = [column for column in model.__table__.columns]
        for row in session.execute(select(*columns).order_by(*model.__table__.primary_key.columns)):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def family_colours(session: Session) -> dict[str, str]:
    """Each family's colour, in the order families are listed."""
    return dict(session.execute(select(models.Family.slug, models.Family.colour).order_by(models.Family.position)).all())


def shared_routes(session: Session, route_type: str | None = None,
                  role_slug: str | None = None) -> list[models.Route]:
    """Shared routes in catalogue order: all, one type's, or those a role's ways in follow (or both)."""
    query = select(models.Route).order_by(models.Route.position)
    if route_type:
        query = query.where(models.Route.type == route_type)
    if role_slug:
        query = query.where(models.Route.id.in_(select(models.EntryRoute.route_id)
                                                .where(models.EntryRoute.role_slug == role_slug)))
    return list(session.scalars(query))


def routes_by_id(session: Session, ids: set[str]) -> dict[str, models.Route]:
    return {route.id: route for route in session.scalars(select(models.Route).where(models.Route.id.in_(ids)))}
