"""Booking a place at a taster event, and giving it up, safely when many people book at once.

A place is taken by one conditional UPDATE (`booked = booked + 1 WHERE booked < capacity`): the database lets only
as many through as there are places, on SQLite (one writer at a time) and PostgreSQL (a row lock) alike. Everyone
after that goes on the waiting list, and the first of them moves up when someone with a place cancels.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from careercompass.events.models import Booking, Event
from careercompass.problems import FieldProblem

AGE_BANDS = {"13-15": "13 to 15", "16-18": "16 to 18", "19-24": "19 to 24", "25+": "25 or over"}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
MOBILE = re.compile(r"^(?:\+44|0044|0)7\d{9}$")
BOOKED, WAITING, CANCELLED = "booked", "waiting-list", "cancelled"
BOOKING_PATH = "/bookings/{token}"  # the private page to see, give up or delete a booking (the web app serves it)


class BookingProblem(FieldProblem):
    """What is wrong with a booking, said so a person can put it right; `field` names the form field."""


class AlreadyBooked(Exception):
    """This contact already has a place (or a waiting-list place) at this event."""


class NotEnoughPlaces(Exception):
    """A group asked for more places than are left; groups are not put on the waiting list."""

    def __init__(self, left: int):
        super().__init__(f"{left} places left")
        self.left = left


@dataclass(frozen=True)
class Request:
    first_name: str
    contact: str
    age_band: str
    access_needs: str
    consent: bool


@dataclass(frozen=True)
class GroupRequest:
    """Places for a class or group, booked by a signed-in adviser: the group's name stands in for the names."""

    group_name: str
    places: str
    age_band: str
    access_needs: str
    consent: bool


MOST_GROUP_PLACES = 40


def contact_key(contact: str) -> str | None:
    """The contact in one form, to spot the same person booking twice; None if it is not an email or UK mobile."""
    text = contact.strip()
    if EMAIL.match(text):
        return text.lower()
    digits = re.sub(r"[\s\-()]", "", text)
    if MOBILE.match(digits):
        return "07" + digits[-9:]
    return None


def check(request: Request, event: Event | None, now: datetime) -> None:
    if event is None:
        raise BookingProblem("event", "That event is not on our list.")
    if event.cancelled:
        raise BookingProblem("event", "Sorry, this event has been cancelled.")
    if _aware(event.starts_at) <= now:
        raise BookingProblem("event", "This event has already started, so it can no longer be booked.")
    name = request.first_name.strip()
    if not name or len(name) > 60 or not re.fullmatch(r"[^\d@<>{}]{1,60}", name):
        raise BookingProblem("first_name", "Type your first name (only your first name), in 60 letters or fewer.")
    if contact_key(request.contact) is None:
        raise BookingProblem("contact", "Type an email address, or a mobile number starting 07.")
    if request.age_band not in AGE_BANDS:
        raise BookingProblem("age_band", "Choose your age.")
    if len(request.access_needs) > 500:
        raise BookingProblem("access_needs", "Please keep access needs to 500 letters or fewer.")
    if not request.consent:
        raise BookingProblem("consent", "Tick the box to say we may keep these details until after the event.")


def book(session: Session, event_id: int, request: Request, now: datetime | None = None) -> Booking:
    """A place (or a waiting-list place) for one person. Commits. Raises BookingProblem or AlreadyBooked."""
    now = now or datetime.now(UTC)
    check(request, session.get(Event, event_id), now)
    key = contact_key(request.contact)
    _refuse_repeat(session, event_id, key)
    took_place = _take_places(session, event_id, 1)
    booking = Booking(event_id=event_id, token=secrets.token_urlsafe(24), first_name=request.first_name.strip(),
                      contact=request.contact.strip(), contact_key=key, age_band=request.age_band,
                      access_needs=request.access_needs.strip(), status=BOOKED if took_place else WAITING,
                      places=1, created_at=now)
    return _save(session, booking)


def book_group(session: Session, event_id: int, request: GroupRequest, adviser_id: int | None, adviser_email: str,
               now: datetime | None = None) -> Booking:
    """Places for a group, all or none: a group that does not fit is told how many are left. Commits.

    The adviser's work email is the contact, so no pupil's details are kept; one group per adviser per event.
    """
    now = now or datetime.now(UTC)
    event = session.get(Event, event_id)
    check(Request(first_name="Group", contact=adviser_email, age_band=request.age_band,
                  access_needs=request.access_needs, consent=request.consent), event, now)
    name = request.group_name.strip()
    if not name or len(name) > 60 or re.search(r"[@<>{}]", name):
        raise BookingProblem("group_name", "Name the group, like 'Year 10, Park View', in 60 letters or fewer.")
    if not request.places.strip().isdigit() or not 2 <= int(request.places) <= MOST_GROUP_PLACES:
        raise BookingProblem("places", f"Give a number of places from 2 to {MOST_GROUP_PLACES}.")
    places = int(request.places)
    key = contact_key(adviser_email)
    _refuse_repeat(session, event_id, key)
    if not _take_places(session, event_id, places):
        session.rollback()
        raise NotEnoughPlaces(session.get(Event, event_id).places_left)
    booking = Booking(event_id=event_id, token=secrets.token_urlsafe(24), first_name=name, contact=adviser_email,
                      contact_key=key, age_band=request.age_band, access_needs=request.access_needs.strip(),
                      status=BOOKED, places=places, booked_by=adviser_id, created_at=now)
    return _save(session, booking)


def _refuse_repeat(session: Session, event_id: int, key: str | None) -> None:
    if session.scalar(select(Booking.id).where(Booking.event_id == event_id, Booking.contact_key == key,
                                               Booking.status != CANCELLED)) is not None:
        raise AlreadyBooked
    session.execute(delete(Booking).where(Booking.event_id == event_id, Booking.contact_key == key,
                                          Booking.status == CANCELLED))  # a person who cancelled may book again


def _take_places(session: Session, event_id: int, places: int) -> bool:
    """Take places if that many are left, in one conditional UPDATE so that concurrent bookings cannot overfill."""
    return session.execute(update(Event).where(Event.id == event_id, Event.booked + places <= Event.capacity,
                                               Event.cancelled.is_(False))
                           .values(booked=Event.booked + places)).rowcount == 1


def _save(session: Session, booking: Booking) -> Booking:
    session.add(booking)
    try:
        session.commit()
    except IntegrityError:  # the same person, booking twice at the same moment: the places taken above are undone
        session.rollback()
        raise AlreadyBooked from None
    return booking


def cancel(session: Session, token: str) -> tuple[Booking | None, list[Booking]]:
    """Give up a booking's places; the first people waiting move up into them. Returns (the booking, who moved
    up). Commits."""
    booking = session.scalar(select(Booking).where(Booking.token == token).with_for_update())
    if booking is None or booking.status == CANCELLED:
        return booking, []
    moved_up: list[Booking] = []
    if booking.status == BOOKED:
        freed = booking.places
        moved_up = list(session.scalars(select(Booking).where(Booking.event_id == booking.event_id,
                                                              Booking.status == WAITING)
                                        .order_by(Booking.created_at, Booking.id).limit(freed).with_for_update()))
        for person in moved_up:
            person.status = BOOKED  # the place passes straight to them: only places nobody takes are given back
        if len(moved_up) < freed:
            session.execute(update(Event).where(Event.id == booking.event_id)
                            .values(booked=Event.booked - (freed - len(moved_up))))
    booking.status = CANCELLED
    session.commit()
    return booking, moved_up


def forget(session: Session, token: str) -> bool:
    """Delete a person's booking and details at once (after giving up any place). Commits."""
    cancel(session, token)
    deleted = session.execute(delete(Booking).where(Booking.token == token)).rowcount
    session.commit()
    return bool(deleted)


def delete_after_events(session: Session, keep_days: int, now: datetime | None = None) -> int:
    """Bookings for events that ended more than `keep_days` ago: deleted. Does not commit."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=keep_days)
    ended = select(Event.id).where(Event.ends_at < cutoff)
    return session.execute(delete(Booking).where(Booking.event_id.in_(ended))).rowcount or 0


def due_reminders(session: Session, within_hours: int, now: datetime | None = None) -> list[Booking]:
    """Bookings with a place at an event starting within `within_hours` that have not had a reminder yet."""
    now = now or datetime.now(UTC)
    soon = select(Event.id).where(Event.starts_at > now, Event.starts_at <= now + timedelta(hours=within_hours),
                                  Event.cancelled.is_(False))
    return list(session.scalars(select(Booking).where(Booking.event_id.in_(soon), Booking.status == BOOKED,
                                                      Booking.reminded_at.is_(None),
                                                      Booking.contact_key.contains("@"))  # texts are not sent yet
                                .order_by(Booking.id)))


def due_confirmations(session: Session, now: datetime | None = None) -> list[Booking]:
    """Bookings whose confirmation email could not be sent, for events that have not started or been called off."""
    now = now or datetime.now(UTC)
    ahead = select(Event.id).where(Event.starts_at > now, Event.cancelled.is_(False))
    return list(session.scalars(select(Booking).where(Booking.event_id.in_(ahead), Booking.confirmation_due.is_(True),
                                                      Booking.status != CANCELLED).order_by(Booking.id)))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
