"""Booking places at a taster event: the last places under a crowd, repeats, the waiting list, deleting details.

Run on SQLite and PostgreSQL: 30 people booking the last 5 places at once get exactly 5 places and 25 waiting-list
places.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from careercompass.database import transaction
from careercompass.events import booking, messages
from careercompass.events.models import Booking, Event

NOW = datetime.now(UTC)


@pytest.fixture
def factory(small_catalogue_factory):
    return small_catalogue_factory


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
        assert cancelled.status == "cancelled" and [m.id for m in moved] == [second.id]
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


def group(places: str = "12", **changes) -> booking.GroupRequest:
    values = {"group_name": "Year 10, Park View", "places": places, "age_band": "13-15", "access_needs": "",
              "consent": True}
    values.update(changes)
    return booking.GroupRequest(**values)


def test_a_group_takes_all_its_places_or_none_and_is_told_how_many_are_left(factory):
    event_id = add_event(factory, capacity=20)
    with factory() as session:
        made = booking.book_group(session, event_id, group("12"), adviser_id=None, adviser_email="adviser@school.org")
        assert (made.status, made.places, made.contact) == ("booked", 12, "adviser@school.org")
        with pytest.raises(booking.NotEnoughPlaces) as short:
            booking.book_group(session, event_id, group("9"), adviser_id=None, adviser_email="other@school.org")
        assert short.value.left == 8
        with pytest.raises(booking.AlreadyBooked):
            booking.book_group(session, event_id, group("2"), adviser_id=None, adviser_email="adviser@school.org")
    with factory() as session:
        assert session.get(Event, event_id).booked == 12  # the refused group took nothing


BAD_GROUPS = [({"places": "1"}, "places"), ({"places": "41"}, "places"), ({"places": "ten"}, "places"),
              ({"group_name": ""}, "group_name"), ({"group_name": "sam@example.org"}, "group_name"),
              ({"consent": False}, "consent"), ({"age_band": "5-9"}, "age_band")]


def test_a_bad_group_booking_names_the_field_and_takes_no_place(factory):
    event_id = add_event(factory, capacity=50)
    with factory() as session:
        for changes, field in BAD_GROUPS:  # one database for all the cases: each is refused before anything is written
            with pytest.raises(booking.BookingProblem) as problem:
                booking.book_group(session, event_id, group(**changes), adviser_id=None, adviser_email="a@school.org")
            assert problem.value.field == field, changes
        assert session.get(Event, event_id).booked == 0


def test_a_group_that_gives_up_its_places_moves_up_as_many_people_as_fit(factory):
    event_id = add_event(factory, capacity=5)
    with factory() as session:
        made = booking.book_group(session, event_id, group("4"), adviser_id=None, adviser_email="a@school.org")
        booking.book(session, event_id, request(1))
        waiting = [booking.book(session, event_id, request(n)) for n in (2, 3)]
        assert [w.status for w in waiting] == ["waiting-list", "waiting-list"]
        _, moved = booking.cancel(session, made.token)
        assert sorted(m.id for m in moved) == sorted(w.id for w in waiting)
    with factory() as session:
        assert session.get(Event, event_id).booked == 3  # 1 + the 2 who moved up; the other 2 places are free


def test_reminders_are_due_once_for_places_at_events_starting_soon(factory):
    soon, later = add_event(factory, capacity=1, days=1), add_event(factory, days=5)
    with factory() as session:
        placed = booking.book(session, soon, request(1))
        booking.book(session, soon, request(2))  # waiting list: no reminder
        booking.book(session, soon, request(3, contact="07700 900123"))  # waiting, and a mobile: no email to send
        booking.book(session, later, request(4))  # too far off
        assert [b.id for b in booking.due_reminders(session, within_hours=48)] == [placed.id]
        placed.reminded_at = NOW
        session.commit()
        assert booking.due_reminders(session, within_hours=48) == []


def test_reminder_emails_reach_a_real_smtp_server_once_and_a_failed_send_is_tried_again(factory, smtp_server):
    port, received = smtp_server
    event_id = add_event(factory, days=1)
    with factory() as session:
        made = booking.book(session, event_id, request(1))
        nowhere = messages.Mail("127.0.0.1", free_port(), "Career Compass <no-reply@example.org>")
        assert messages.send_reminders(session, nowhere, "https://careers.example.org", 48) == (0, 1)
        mail = messages.Mail("127.0.0.1", port, "Career Compass <no-reply@example.org>")
        assert messages.send_reminders(session, mail, "https://careers.example.org/", 48) == (1, 0)
        assert messages.send_reminders(session, mail, "https://careers.example.org/", 48) == (0, 0)
    [sent] = received
    assert sent["To"] == "person1@example.org" and sent["Subject"].startswith("See you soon:")
    assert f"https://careers.example.org/bookings/{made.token}" in sent.get_payload(decode=True).decode()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
