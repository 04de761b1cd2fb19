"""Upcoming taster events as pages and the API ask for them: soonest first, or nearest when a place is given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from careercompass.catalogue import models as catalogue
from careercompass.events.models import Event
from careercompass.vacancies.places import Place


@dataclass(frozen=True)
class EventFilter:
    role: str | None = None
    family: str | None = None
    age: int | None = None
    near: Place | None = None
    within_km: float | None = None
    starting: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class FoundEvent:
    event: Event
    distance_km: float | None


def upcoming(session: Session, wanted: EventFilter, limit: int = 50) -> list[FoundEvent]:
    now = datetime.now(UTC)
    query = select(Event).where(Event.cancelled.is_(False), Event.starts_at >= (wanted.starting or now))
    if wanted.until:
        query = query.where(Event.starts_at <= wanted.until)
    if wanted.age is not None:
        query = query.where(Event.age_min <= wanted.age, Event.age_max >= wanted.age)
    events = list(session.scalars(query.order_by(Event.starts_at)))
    if wanted.family:
        events = [e for e in events if wanted.family in (e.families or [])]
    if wanted.role:  # events that show the role itself, or its whole family
        role = session.get(catalogue.Role, wanted.role)
        family = role.family_slug if role else None
        events = [e for e in events if wanted.role in {r.role_slug for r in e.roles} or family in (e.families or [])]
    found = [FoundEvent(e, round(wanted.near.km_to((e.lat, e.lon)), 1) if wanted.near and e.lat is not None else None)
             for e in events]
    if wanted.near is not None and wanted.within_km is not None:
        found = [f for f in found if f.distance_km is not None and f.distance_km <= wanted.within_km]
    return found[:limit]
