"""Taster events on the web: the list, an event's page and booking without JavaScript, a person's own link, the API,
calendar files, and the staff pages. On a database of their own (sample events loaded), so bookings made here
change nothing for other tests."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from icalendar import Calendar

from careercompass import create_app
from tests.conftest import signed_in, staff_area_settings
from tests.web.test_api import response_schema

PASSWORD = "correct horse battery"
SAMPLE = "These are sample events, not real ones."


@pytest.fixture(scope="module")
def events_app(tmp_path_factory, staff_area_template):
    app = create_app(staff_area_settings(tmp_path_factory, staff_area_template))
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    return app


@pytest.fixture
def visitor(events_app):
    return events_app.test_client()


def first_event_id(client) -> int:
    return int(re.search(r'href="/events/(\d+)"', client.get("/events").get_data(as_text=True)).group(1))


def book(client, event_id: int, **changes):
    form = {"first_name": "Sam", "contact": "sam@example.org", "age_band": "16-18", "consent": "yes"}
    form.update(changes)
    return client.post(f"/events/{event_id}/book", data=form)


def test_the_list_says_its_events_are_samples_and_sorts_by_distance(visitor):
    html = visitor.get("/events?near=LS14").get_data(as_text=True)
    assert SAMPLE in html and "nearest to LS14 first" in html
    distances = [int(km) for km in re.findall(r"about (\d+) km away", html)]
    assert distances == sorted(distances)


def test_an_event_page_has_event_json_ld(visitor):
    event_id = first_event_id(visitor)
    html = visitor.get(f"/events/{event_id}").get_data(as_text=True)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event" and data["url"].endswith(f"/events/{event_id}")
    assert "T Level" in html and SAMPLE in html


def test_booking_without_javascript_then_cancelling_from_the_link(visitor):
    event_id = first_event_id(visitor)
    response = book(visitor, event_id, contact="alex@example.org")
    assert response.status_code == 303
    page = visitor.get(response.headers["Location"])
    assert page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert "You have a place" in html and "Keep this page's address" in html  # no mail server: the link is shown
    token = response.headers["Location"].split("/bookings/")[1].split("?")[0]
    assert book(visitor, event_id, contact="ALEX@example.org").status_code == 409
    visitor.post(f"/bookings/{token}/cancel")
    assert "This booking is cancelled" in visitor.get(f"/bookings/{token}").get_data(as_text=True)
    assert "Your details are deleted" in visitor.post(f"/bookings/{token}/delete").get_data(as_text=True)
    assert visitor.get(f"/bookings/{token}").status_code == 404


def test_a_bad_booking_is_explained_and_keeps_what_was_typed(visitor):
    response = book(visitor, first_event_id(visitor), contact="not a contact", first_name="Jo")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "Type an email address, or a mobile number starting 07." in html
    assert 'value="Jo"' in html and 'aria-invalid="true"' in html


def test_the_events_api_and_booking_by_api(visitor):
    body = visitor.get("/api/v1/events?near=LS9").get_json()
    response_schema("/api/v1/events", "200").validate(body)
    event_id = body["events"][0]["id"]
    made = visitor.post(f"/api/v1/events/{event_id}/bookings",
                        json={"first_name": "Kim", "contact": "07700 900456", "age_band": "13-15", "consent": True})
    assert made.status_code == 201 and made.get_json()["status"] == "booked"
    again = visitor.post(f"/api/v1/events/{event_id}/bookings",
                         json={"first_name": "Kim", "contact": "+447700900456", "age_band": "13-15", "consent": True})
    assert again.status_code == 409
    bad = visitor.post(f"/api/v1/events/{event_id}/bookings",
                       json={"first_name": "Kim", "contact": "kim@example.org", "age_band": "13-15"})
    assert bad.status_code == 400 and bad.get_json()["error"]["message"].startswith("consent:")
    assert visitor.post("/api/v1/events/99999/bookings", json={}).status_code in (400, 404)
    assert visitor.get("/api/v1/events?from=soon").status_code == 400


def test_calendar_files_for_one_event_and_for_all(visitor):
    event_id = first_event_id(visitor)
    one = Calendar.from_ical(visitor.get(f"/events/{event_id}.ics").data)
    assert len(one.walk("VEVENT")) == 1
    feed = Calendar.from_ical(visitor.get("/events.ics").data)
    assert len(feed.walk("VEVENT")) >= 4


def test_a_role_page_and_the_home_page_show_the_next_tasters(visitor):
    assert "Have a go: blood pressure" in visitor.get("/roles/healthcare-support-worker").get_data(as_text=True)
    assert "Have a go: taster events" in visitor.get("/").get_data(as_text=True)


def staff(app, email="staff@example.org"):
    return signed_in(app, email)


def test_staff_add_an_event_see_bookings_export_the_register_and_cancel_it(events_app):
    client = staff(events_app)
    form = {"title": "Try physiotherapy", "day": "2030-03-14", "starts": "16:00", "ends": "17:30",
            "venue": "Chapel Allerton Hospital", "address": "Chapeltown Road, Leeds", "postcode": "LS7 4SA",
            "what_you_do": "Try the exercises physiotherapists use.", "age_min": "14", "age_max": "19",
            "capacity": "2", "run_by": "Leeds Teaching Hospitals", "roles": ["physiotherapist"],
            "accessibility": ["step-free"]}
    made = client.post("/staff/events", data=form)
    assert made.status_code == 303
    event_id = int(made.headers["Location"].rsplit("/", 1)[1])
    public = events_app.test_client()
    book(public, event_id, contact="one@example.org", access_needs="wheelchair user")
    book(public, event_id, contact="two@example.org")
    book(public, event_id, contact="three@example.org")
    page = client.get(f"/staff/events/{event_id}").get_data(as_text=True)
    assert "2 of 2 places taken; 1 on the waiting list" in page
    register = client.get(f"/staff/events/{event_id}/register.csv").get_data(as_text=True)
    assert "wheelchair user" in register and "@" not in register  # contacts stay off the printout
    client.post(f"/staff/events/{event_id}/cancel")
    assert "This event has been cancelled." in public.get(f"/events/{event_id}").get_data(as_text=True)
    assert book(public, event_id, contact="four@example.org").status_code == 400


def test_a_new_event_with_a_mistake_is_refused_with_the_field_named(events_app):
    client = staff(events_app)
    response = client.post("/staff/events", data={"title": "X", "day": "2030-03-14", "starts": "16:00",
                                                  "ends": "15:00", "venue": "V", "address": "A", "postcode": "LS7",
                                                  "what_you_do": "W", "age_min": "14", "age_max": "19",
                                                  "capacity": "2", "run_by": "R"})
    assert response.status_code == 400 and "The event must end after it starts." in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/staff/events", "/staff/events/1", "/staff/events/1/register.csv"])
def test_only_staff_see_event_bookings(events_app, path):
    assert events_app.test_client().get(path).status_code == 302
    assert staff(events_app, "adviser@example.org").get(path).status_code == 403


def test_staff_tick_who_came_and_copy_an_event(events_app):
    client = staff(events_app)
    public = events_app.test_client()
    event_id = first_event_id(public)
    book(public, event_id, contact="came@example.org", first_name="Ali")
    page = client.get(f"/staff/events/{event_id}").get_data(as_text=True)
    booking_id = int(re.search(r'name="came" value="(\d+)"', page).group(1))
    client.post(f"/staff/events/{event_id}/attendance", data={"came": [str(booking_id)]})
    assert re.search(rf'value="{booking_id}" checked', client.get(f"/staff/events/{event_id}").get_data(as_text=True))
    copy = client.get(f"/staff/events/{event_id}/copy").get_data(as_text=True)
    assert "Have a go" in copy and 'name="day" value=""' in copy


@pytest.fixture
def mailing_app(tmp_path_factory, staff_area_template, smtp_server):
    """An app of its own that sends its emails to a real SMTP server on loopback: (app, what the server received)."""
    port, received = smtp_server
    settings = replace(staff_area_settings(tmp_path_factory, staff_area_template), smtp_host="127.0.0.1",
                       smtp_port=port)
    app = create_app(settings)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    return app, received


def test_staff_change_an_event_and_everyone_booked_is_told_the_new_time(mailing_app):
    app, received = mailing_app
    client, public = staff(app), app.test_client()
    event_id = first_event_id(public)
    book(public, event_id, contact="booked@example.org")
    received.clear()
    form = client.get(f"/staff/events/{event_id}/edit").get_data(as_text=True)
    values = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
    values.update(starts="17:00", ends="18:30", what_you_do="Try it, then ask the team anything.",
                  roles=re.findall(r'<option value="([\w-]+)" selected', form))
    assert client.post(f"/staff/events/{event_id}/edit", data=values).status_code == 303
    page = public.get(f"/events/{event_id}").get_data(as_text=True)
    assert "5pm" in page and "ask the team anything" in page
    [told] = received
    assert told["To"] == "booked@example.org" and "Changed:" in told["Subject"]
    assert "at 17:00" in told.get_payload(decode=True).decode()
    too_few = client.post(f"/staff/events/{event_id}/edit", data=values | {"capacity": "0"})
    assert too_few.status_code == 400 and 'aria-invalid="true"' in too_few.get_data(as_text=True)


def test_an_adviser_books_a_class_with_no_pupils_details_and_gets_the_email(mailing_app):
    app, received = mailing_app
    adviser, public = staff(app, "adviser@example.org"), app.test_client()
    event_id = first_event_id(public)
    assert f"/staff/events/{event_id}/group" in public.get(f"/events/{event_id}").get_data(as_text=True)
    form = {"group_name": "Year 10, Park View", "places": "6", "age_band": "13-15", "consent": "yes"}
    made = adviser.post(f"/staff/events/{event_id}/group", data=form)
    html = made.get_data(as_text=True)
    assert made.status_code == 200 and "Booked: 6 places for Year 10, Park View" in html
    [mail] = received
    assert mail["To"] == "adviser@example.org" and "Year 10, Park View" in mail.get_payload(decode=True).decode()
    assert adviser.post(f"/staff/events/{event_id}/group", data=form).status_code == 409  # one group each
    too_many = staff(app).post(f"/staff/events/{event_id}/group", data=form | {"places": "40"})
    assert too_many.status_code == 409 and "places are left" in too_many.get_data(as_text=True)
    page = staff(app).get(f"/staff/events/{event_id}").get_data(as_text=True)
    assert "Year 10, Park View (6 places)" in page


def test_group_booking_is_for_signed_in_staff_and_advisers_only(events_app):
    event_id = first_event_id(events_app.test_client())
    path = f"/staff/events/{event_id}/group"
    assert events_app.test_client().get(path).status_code == 302
    assert events_app.test_client().post(path, data={"group_name": "X", "places": "3"}).status_code == 302
    adviser = staff(events_app, "adviser@example.org")
    assert adviser.get(path).status_code == 200
    assert adviser.get(f"/staff/events/{event_id}/edit").status_code == 403  # an adviser cannot change events
    assert adviser.post(f"/staff/events/{event_id}/edit", data={}).status_code == 403
    assert adviser.get(f"/staff/events/{event_id}").status_code == 403  # nor see who else booked


def test_results_show_the_next_tasters_for_the_jobs_found(visitor):
    with visitor.session_transaction() as cookie:
        cookie["quiz_answers"] = {"activities": ["caring"], "interests": "helping people who are ill"}
    html = visitor.get("/results").get_data(as_text=True)
    section = re.search(r'<section aria-labelledby="tasters-heading">.*?</section>', html, re.S).group(0)
    assert 'href="/events/' in section and SAMPLE in section


def test_with_the_mail_server_down_a_booking_stands_and_its_email_is_sent_later(tmp_path_factory, staff_area_template,
                                                                               smtp_server):
    from click.testing import CliRunner
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from careercompass.cli import main
    from careercompass.events.models import Booking
    from tests.production.stack import free_port

    down = replace(staff_area_settings(tmp_path_factory, staff_area_template), smtp_host="127.0.0.1",
                   smtp_port=free_port(), public_url="https://careers.example.org",  # nothing listens there
                   trusted_hosts="localhost")
    app = create_app(down)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    visitor = app.test_client()
    made = book(visitor, first_event_id(visitor), contact="late@example.org")
    assert made.status_code == 303
    page = visitor.get(made.headers["Location"]).get_data(as_text=True)
    assert "You have a place" in page and "We could not send the email" in page and "try again" in page
    engine = create_engine(down.database_uri)
    with Session(engine) as session:
        assert session.scalar(select(Booking.confirmation_due).where(Booking.contact == "late@example.org"))

    port, received = smtp_server
    environment = {k: v for k, v in replace(down, smtp_port=port).as_environment().items() if v}
    first = CliRunner().invoke(main, ["send-reminders"], env=environment)
    assert first.exit_code == 0, first.output
    assert "missed at booking time: 1 sent" in first.output
    [email] = received
    assert email["To"] == "late@example.org" and "https://careers.example.org/bookings/" in email.get_payload(decode=True).decode()
    again = CliRunner().invoke(main, ["send-reminders"], env=environment)
    assert again.exit_code == 0 and len(received) == 1  # never twice
    with Session(engine) as session:
        assert not session.scalar(select(Booking.confirmation_due).where(Booking.contact == "late@example.org"))
    engine.dispose()
