"""Open vacancies as pages and the API ask for them: for a role, near a place, filtered, newest first."""

from __future__ import annotations

import math
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
    ranked_ids: Sequence[int] | None = None  # adverts a words search found, best first (see search.vacancy_index)


def _linked_to(slugs):
    """Vacancies with a certain link (not one waiting for review) to any of these roles."""
    return Vacancy.id.in_(select(VacancyRole.vacancy_id).where(VacancyRole.role_slug.in_(slugs),
                                                               VacancyRole.status == "linked"))


def find(session: Session, wanted: VacancyFilter, today: date, limit: int = 20, offset: int = 0) -> tuple[int, list[Found]]:
    """(how many match, the page of them): nearest first when a place is given, else the newest first.

    Distances are worked out from a light query of ids and points, so only the page shown loads whole adverts.
    """
    conditions = _conditions(wanted, today)
    newest = (Vacancy.posted.desc().nulls_last(), Vacancy.id.desc())
    if wanted.ranked_ids is not None and wanted.near is None:  # best match first, as the words search ranked them
        rank = {vid: position for position, vid in enumerate(wanted.ranked_ids)}
        matching = sorted(session.scalars(select(Vacancy.id).where(*conditions)), key=rank.__getitem__)
        page = matching[offset:offset + limit]
        loaded = {row.id: row for row in session.scalars(select(Vacancy).where(Vacancy.id.in_(page)))}
        return len(matching), [Found(loaded[vid], None) for vid in page]
    if wanted.near is None:
        total = session.scalar(select(func.count()).select_from(Vacancy).where(*conditions)) or 0
        rows = session.scalars(select(Vacancy).where(*conditions).order_by(*newest).limit(limit).offset(offset))
        return total, [Found(row, None) for row in rows]
    if wanted.within_km is not None:  # a box around the place first, so the database drops the far ones
        lat_step = wanted.within_km / 111.0
        lon_step = wanted.within_km / (111.0 * max(math.cos(math.radians(wanted.near.lat)), 0.1))
        conditions += [Vacancy.lat.between(wanted.near.lat - lat_step, wanted.near.lat + lat_step),
                       Vacancy.lon.between(wanted.near.lon - lon_step, wanted.near.lon + lon_step)]
    points = session.execute(select(Vacancy.id, Vacancy.lat, Vacancy.lon).where(*conditions).order_by(*newest)).all()
    distances = [(vid, _km(wanted.near, lat, lon)) for vid, lat, lon in points]
    if wanted.within_km is not None:
        distances = [(vid, km) for vid, km in distances if km is not None and km <= wanted.within_km]
    distances.sort(key=lambda pair: (pair[1] is None, pair[1] or 0.0))  # stable: newest first at equal distance
    page = distances[offset:offset + limit]
    loaded = {row.id: row for row in session.scalars(select(Vacancy).where(Vacancy.id.in_([vid for vid, _ in page])))}
    return len(distances), [Found(loaded[vid], km) for vid, km in page]


def _conditions(wanted: VacancyFilter, today: date) -> list:
    conditions = [is_open(today)]
    if wanted.ranked_ids is not None:
        conditions.append(Vacancy.id.in_(list(wanted.ranked_ids)))
    if wanted.role:
        conditions.append(_linked_to([wanted.role]))
    if wanted.family:
        conditions.append(_linked_to(select(catalogue.Role.slug).where(catalogue.Role.family_slug == wanted.family)))
    if wanted.band:
        conditions.append(or_(Vacancy.band_from == wanted.band, Vacancy.band_to == wanted.band))
    if wanted.apprenticeship is not None:
        conditions.append(Vacancy.apprenticeship.is_(wanted.apprenticeship))
    if wanted.contract:
        conditions.append(func.lower(Vacancy.contract).contains(wanted.contract.lower()))
    return conditions


def open_counts(session: Session, slugs: Sequence[str], today: date) -> dict[str, int]:
    """How many open vacancies are linked to each role (roles with none are left out)."""
    if not slugs:
        return {}
    query = (select(VacancyRole.role_slug, func.count())
             .join(Vacancy, Vacancy.id == VacancyRole.vacancy_id)
             .where(VacancyRole.role_slug.in_(slugs), VacancyRole.status == "linked", is_open(today))
             .group_by(VacancyRole.role_slug))
    return {slug: count for slug, count in session.execute(query)}


def _km(near: Place, lat: float | None, lon: float | None) -> float | None:
    return None if lat is None or lon is None else round(near.km_to((lat, lon)), 1)
