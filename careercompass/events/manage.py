"""What staff do with events: add one, cancel one (telling everyone booked), and the register for the day."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from careercompass.catalogue.models import Role
from careercompass.events.booking import AGE_BANDS, BOOKED, CANCELLED, WAITING
from careercompass.events.leeds_time import LEEDS, in_leeds
from careercompass.events.models import Booking, Event, EventRole
from careercompass.problems import FieldProblem
from careercompass.vacancies.places import find_place

ACCESS_FEATURE_IDS = ("step-free", "quiet-space", "bsl-on-request")


class EventProblem(FieldProblem):
    """A field of the staff form for an event that needs putting right."""


@dataclass(frozen=True)
class NewEvent:
    title: str
    day: str  # YYYY-MM-DD, Leeds time
    starts: str  # HH:MM
    ends: str  # HH:MM
    venue: str
    address: str
    postcode: str
    what_you_do: str
    age_min: str
    age_max: str
    capacity: str
    run_by: str
    roles: list[str]
    accessibility: list[str]


def add_event(session: Session, new: NewEvent, now: datetime | None = None) -> Event:
    """Check every field, then add the event. Raises EventProblem naming the first field that is wrong."""
    fields, roles = _checked(session, new, now or datetime.now(UTC))
    event = Event(**fields, booked=0, cancelled=False, sample=False, created_at=now or datetime.now(UTC))
    event.roles = [EventRole(role_slug=role.slug, position=i) for i, role in enumerate(roles)]
    session.add(event)
    session.flush()
    return event


def update_event(session: Session, event: Event, new: NewEvent, now: datetime | None = None) -> list[Booking]:
    """Change an event; returns the bookings to tell when its time or place changed. Flushes.

    Places can be added but not taken below those already booked: nobody loses a place they were given.
    """
    fields, roles = _checked(session, new, now or datetime.now(UTC))
    if event.cancelled:
        raise EventProblem("title", "This event is cancelled, so it cannot be changed. Copy it to run it again.")
    if fields["capacity"] < event.booked:
        raise EventProblem("capacity", f"{event.booked} places are already taken, so give at least {event.booked}.")
    moved = any(fields[name] != _aware(getattr(event, name)) for name in ("starts_at", "ends_at")) or any(
        fields[name] != getattr(event, name) for name in ("venue", "address"))
    for name, value in fields.items():
        setattr(event, name, value)
    event.roles = [EventRole(role_slug=role.slug, position=i) for i, role in enumerate(roles)]
    session.flush()
    return list(session.scalars(select(Booking).where(Booking.event_id == event.id, Booking.status != CANCELLED))) \
        if moved else []


def _checked(session: Session, new: NewEvent, now: datetime) -> tuple[dict, list[Role]]:
    """The event's columns from the form, each checked; raises EventProblem naming the first field that is wrong."""
    for name in ("title", "venue", "address", "what_you_do", "run_by"):
        if not getattr(new, name).strip():
            raise EventProblem(name, f"Fill in the {name.replace('_', ' ')}.")
    try:
        day = datetime.strptime(new.day, "%Y-%m-%d").date()
        starts = datetime.combine(day, datetime.strptime(new.starts, "%H:%M").time(), tzinfo=LEEDS)
        ends = datetime.combine(day, datetime.strptime(new.ends, "%H:%M").time(), tzinfo=LEEDS)
    except ValueError:
        raise EventProblem("day", "Give the date as 2027-01-31 and the times as 16:00.") from None
    if ends <= starts:
        raise EventProblem("ends", "The event must end after it starts.")
    if starts <= now:
        raise EventProblem("day", "The event must be in the future.")
    place = find_place(new.postcode)
    if place is None:
        raise EventProblem("postcode", "Give a Leeds postcode, like LS9 7TF.")
    try:
        age_min, age_max, capacity = int(new.age_min), int(new.age_max), int(new.capacity)
    except ValueError:
        raise EventProblem("capacity", "Ages and places must be whole numbers.") from None
    if not 11 <= age_min <= age_max <= 99:
        raise EventProblem("age_min", "Give an age range between 11 and 99, youngest first.")
    if not 1 <= capacity <= 1000:
        raise EventProblem("capacity", "Give between 1 and 1,000 places.")
    roles = list(session.scalars(select(Role).where(Role.slug.in_(new.roles))))
    fields = {"title": new.title.strip()[:200], "starts_at": starts.astimezone(UTC), "ends_at": ends.astimezone(UTC),
              "venue": new.venue.strip()[:200], "address": new.address.strip()[:300],
              "postcode_district": place.district, "ward": place.ward, "lat": place.lat, "lon": place.lon,
              "what_you_do": new.what_you_do.strip(), "age_min": age_min, "age_max": age_max, "capacity": capacity,
              "accessibility": [a for a in new.accessibility if a in ACCESS_FEATURE_IDS],
              "run_by": new.run_by.strip()[:200], "families": sorted({r.family_slug for r in roles})}
    return fields, roles


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def cancel_event(session: Session, event: Event) -> list[Booking]:
    """Cancel an event; returns the bookings to tell (their places are given up). Flushes."""
    event.cancelled = True
    told = list(session.scalars(select(Booking).where(Booking.event_id == event.id, Booking.status != CANCELLED)))
    for item in told:
        item.status = CANCELLED
    event.booked = 0
    session.flush()
    return told


def bookings_for(session: Session, event_id: int) -> tuple[list[Booking], list[Booking]]:
    """(places, waiting list), each in the order they booked."""
    rows = list(session.scalars(select(Booking).where(Booking.event_id == event_id)
                                .order_by(Booking.created_at, Booking.id)))
    return [b for b in rows if b.status == BOOKED], [b for b in rows if b.status == WAITING]


def register_csv(event: Event, places: list[Booking]) -> str:
    """The register for the day: first names, age bands and access needs; contacts are left off the printout."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"{event.title}", in_leeds(event.starts_at).strftime("%d %B %Y %H:%M")])
    writer.writerow(["First name", "Age", "Access needs", "Here"])
    for item in places:
        writer.writerow([item.first_name, AGE_BANDS.get(item.age_band, item.age_band), item.access_needs, ""])
    return out.getvalue()


def mark_attendance(session: Session, event_id: int, came: set[int]) -> int:
    """Tick who came (booking ids in `came`) and untick everyone else with a place; returns how many came."""
    places, _ = bookings_for(session, event_id)
    for item in places:
        item.attended = item.id in came
    session.flush()
    return sum(item.attended for item in places)


def form_of(event: Event) -> NewEvent:
    """The event's form filled in from the event, to change it."""
    local_start, local_end = in_leeds(event.starts_at), in_leeds(event.ends_at)
    return NewEvent(title=event.title, day=f"{local_start:%Y-%m-%d}", starts=f"{local_start:%H:%M}",
                    ends=f"{local_end:%H:%M}", venue=event.venue, address=event.address,
                    postcode=event.postcode_district or "", what_you_do=event.what_you_do, age_min=str(event.age_min),
                    age_max=str(event.age_max), capacity=str(event.capacity), run_by=event.run_by,
                    roles=[r.role_slug for r in event.roles], accessibility=list(event.accessibility or []))


def copy_of(event: Event) -> NewEvent:
    """A new event's form filled in from an old one, for staff to choose the date and save."""
    return replace(form_of(event), day="")
