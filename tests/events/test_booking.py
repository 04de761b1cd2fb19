"""Booking places at a taster event: the last places under a crowd, repeats, the waiting list, deleting details.

Run on SQLite and PostgreSQL: 30 people booking the last 5 places at once get exactly 5 places and 25 waiting-list
places.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from careercompass.catalogue.loader import load_catalogue
from careercompass.catalogue.store import save_catalogue
from careercompass.database import make_engine, make_session_factory, transaction, upgrade_schema
from careercompass.events import booking
from careercompass.events.models import Booking, Event
from tests.conftest import SMALL_CATALOGUE_DIR

NOW = datetime.now(UTC)


@pytest.fixture
def factory(database_url):
    engine = make_engine(database_url)
    upgrade_schema(engine)
    sessions = make_session_factory(engine)
    with transaction(sessions) as session:
        save_catalogue(session, load_catalogue(SMALL_CATALOGUE_DIR))
    yield sessions
    engine.dispose()


def add_event(factory, capacity: int = 5, days: int = 7, booked: int = 0) -> int:
    with transaction(factory) as session:
        event = Event(title="Have a go: taking blood pressure", starts_at=NOW + timedelta(days=days),
                      ends_at=NOW + timedelta(days=days, hours=2), venue="St James's", address="Beckett Street",
                      postcode_district="LS9", ward=None, lat=53.79, lon=-1.51, what_you_do="Try it.", age_min=14,
                      age_max=19, capacity=capacity, booked=booked, accessibility=[], run_by="The Academy",
                      families=["nursing"], cancelled=False, sample=False, created_at=NOW)
        session.add(event)
        session.flush()
        return event.id


def request(n: int = 0, **changes) -> booking.Request:
    values = dict(first_name="Sam", contact=f"person{n}@example.org", age_band="16-18", access_needs="",
                  consent=True)
    values.update(changes)
    return booking.Request(**values)


def statuses(factory, event_id: int) -> list[str]:
    with factory() as session:
        return [b.status for b in session.scalars(select(Booking).where(Booking.event_id == event_id))]


def test_thirty_people_booking_the_last_five_places_at_once(factory):
    event_id = add_event(factory, capacity=5)
    start = threading.Barrier(30)
    errors: list[BaseException] = []

    def one(n: int) -> None:
        try:
            start.wait()
            with factory() as session:
                booking.book(session, event_id, request(n))
        except BaseException as error:  # noqa: BLE001 - reported below, so a failure shows what happened
            errors.append(error)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    found = statuses(factory, event_id)
    assert found.count("booked") == 5 and found.count("waiting-list") == 25
    with factory() as session:
        assert session.get(Event, event_id).booked == 5


def test_the_same_contact_cannot_book_twice_in_any_spelling(factory):
    event_id = add_event(factory)
    with factory() as session:
        booking.book(session, event_id, request(contact="07700 900123"))
        with pytest.raises(booking.AlreadyBooked):
            booking.book(session, event_id, request(contact="+447700900123"))
        booking.book(session, event_id, request(contact="Sam@Example.org"))
        with pytest.raises(booking.AlreadyBooked):
            booking.book(session, event_id, request(contact="sam@example.org"))
    assert statuses(factory, event_id).count("booked") == 2


def test_a_place_given_up_goes_to_the_first_person_waiting(factory):
    event_id = add_event(factory, capacity=1)
    with factory() as session:
        first = booking.book(session, event_id, request(1))
        second = booking.book(session, event_id, request(2))
        third = booking.book(session, event_id, request(3))
        assert (first.status, second.status, third.status) == ("booked", "waiting-list", "waiting-list")
        cancelled, moved = booking.cancel(session, first.token)
        assert cancelled.status == "cancelled" and moved.id == second.id
    assert sorted(statuses(factory, event_id)) == ["booked", "cancelled", "waiting-list"]
    with factory() as session:
        assert session.get(Event, event_id).booked == 1


def test_a_person_can_delete_their_details_at_once_and_the_place_is_freed(factory):
    event_id = add_event(factory, capacity=2)
    with factory() as session:
        made = booking.book(session, event_id, request(1))
        assert booking.forget(session, made.token)
        assert session.scalar(select(func.count()).select_from(Booking)) == 0
        assert session.get(Event, event_id).booked == 0
        assert not booking.forget(session, made.token)


def test_bookings_are_deleted_after_the_event_and_its_retention_period(factory):
    event_id = add_event(factory, days=1)
    with factory() as session:
        booking.book(session, event_id, request(1))
    with transaction(factory) as session:
        assert booking.delete_after_events(session, 30, now=NOW + timedelta(days=20)) == 0
        assert booking.delete_after_events(session, 30, now=NOW + timedelta(days=40)) == 1


@pytest.mark.parametrize(("changes", "field"), [
    ({"first_name": ""}, "first_name"), ({"first_name": "Sam 07700900123"}, "first_name"),
    ({"contact": "sam at home"}, "contact"), ({"contact": "0113 222 3333"}, "contact"),
    ({"age_band": "12"}, "age_band"), ({"consent": False}, "consent"), ({"access_needs": "x" * 501}, "access_needs"),
])
def test_a_bad_booking_names_the_field(factory, changes, field):
    event_id = add_event(factory)
    with factory() as session, pytest.raises(booking.BookingProblem) as caught:
        booking.book(session, event_id, request(**changes))
    assert caught.value.field == field
    assert statuses(factory, event_id) == []


def test_a_started_or_cancelled_event_cannot_be_booked(factory):
    started = add_event(factory, days=-1)
    with factory() as session, pytest.raises(booking.BookingProblem, match="already started"):
        booking.book(session, started, request())
    cancelled = add_event(factory)
    with transaction(factory) as session:
        session.get(Event, cancelled).cancelled = True
    with factory() as session, pytest.raises(booking.BookingProblem, match="cancelled"):
        booking.book(session, cancelled, request())
