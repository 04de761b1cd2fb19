"""Open vacancies as pages and the API ask for them: for a role, near a place, filtered, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from careercompass.catalogue import models as catalogue
from careercompass.vacancies.importer import is_open
from careercompass.vacancies.models import Vacancy, VacancyRole
from careercompass.vacancies.places import Place

# How far away is "near": the bands a person can pick, in kilometres.
DISTANCE_BANDS = (2, 5, 10, 20, 30)


@dataclass(frozen=True)
class Found:
    vacancy: Vacancy
    distance_km: float | None  # from the person's place, when they gave one and the advert has one


@dataclass(frozen=True)
class VacancyFilter:
    role: str | None = None
    family: str | None = None
    band: str | None = None
    apprenticeship: bool | None = None
    contract: str | None = None  # a word the contract must contain: "permanent", "bank", "part time"
    near: Place | None = None
    within_km: float | None = None


def _linked_to(slugs: Sequence[str]):
    """Vacancies with a certain link (not one waiting for review) to any of these roles."""
    return Vacancy.id.in_(select(VacancyRole.vacancy_id).where(VacancyRole.role_slug.in_(slugs),
                                                               VacancyRole.status == "linked"))


def find(session: Session, wanted: VacancyFilter, today: date, limit: int = 20, offset: int = 0) -> tuple[int, list[Found]]:
    """(how many match, the page of them): nearest first when a place is given, else the newest first."""
    query = select(Vacancy).where(is_open(today))
    if wanted.role:
        query = query.where(_linked_to([wanted.role]))
    if wanted.family:
        in_family = select(catalogue.Role.slug).where(catalogue.Role.family_slug == wanted.family)
        query = query.where(_linked_to(in_family))  # type: ignore[arg-type]
    if wanted.band:
        query = query.where(or_(Vacancy.band_from == wanted.band, Vacancy.band_to == wanted.band))
    if wanted.apprenticeship is not None:
        query = query.where(Vacancy.apprenticeship.is_(wanted.apprenticeship))
    if wanted.contract:
        query = query.where(func.lower(Vacancy.contract).contains(wanted.contract.lower()))
    rows = list(session.scalars(query.order_by(Vacancy.posted.desc().nulls_last(), Vacancy.id.desc())))
    found = [Found(row, _distance(row, wanted.near)) for row in rows]
    if wanted.near is not None and wanted.within_km is not None:
        found = [f for f in found if f.distance_km is not None and f.distance_km <= wanted.within_km]
    if wanted.near is not None:
        found.sort(key=lambda f: (f.distance_km is None, f.distance_km or 0.0))
    return len(found), found[offset:offset + limit]


def open_counts(session: Session, slugs: Sequence[str], today: date) -> dict[str, int]:
    """How many open vacancies are linked to each role (roles with none are left out)."""
    if not slugs:
        return {}
    query = (select(VacancyRole.role_slug, func.count())
             .join(Vacancy, Vacancy.id == VacancyRole.vacancy_id)
             .where(VacancyRole.role_slug.in_(slugs), VacancyRole.status == "linked", is_open(today))
             .group_by(VacancyRole.role_slug))
    return {slug: count for slug, count in session.execute(query)}


def _distance(row: Vacancy, near: Place | None) -> float | None:
    if near is None or row.lat is None or row.lon is None:
        return None
    return round(near.km_to((row.lat, row.lon)), 1)
