"""Calendar files that a maintained parser reads, and booking emails that a real SMTP server receives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from icalendar import Calendar

from careercompass.events import calendar, messages


def an_event(**changes):
    start = datetime(2027, 6, 15, 15, 0, tzinfo=UTC)  # 4pm in Leeds, in summer time
    values = dict(id=7, title="Have a go: blood pressure, pulse and injections on a practice arm, with the nurses "
                               "and support workers who do it every day", starts_at=start,
                  ends_at=start + timedelta(hours=2), venue="St James's", address="Beckett Street, Leeds LS9 7TF",
                  what_you_do="Try it.", cancelled=False, age_min=14, age_max=19, capacity=20, booked=3,
                  places_left=17, run_by="The Academy", sample=False)
    values.update(changes)
    return SimpleNamespace(**values)


def test_an_event_file_is_valid_icalendar_with_its_time_zone_crlf_and_folding():
    body = calendar.ics([an_event()], lambda e: f"https://example.org/events/{e.id}", "example.org", "Tasters")
    assert b"\r\n" in body and all(len(line) <= 75 for line in body.split(b"\r\n"))  # folded at 75 octets
    parsed = Calendar.from_ical(body)
    [entry] = parsed.walk("VEVENT")
    assert str(entry["UID"]) == "event-7@example.org" and "DTSTAMP" in entry
    assert entry.decoded("DTSTART").tzinfo is not None and entry["DTSTART"].params["TZID"] == "Europe/London"
    assert entry.decoded("DTSTART").hour == 16  # shown in Leeds time
    assert parsed.walk("VTIMEZONE"), "the time zone it names is defined in the file"


def test_a_cancelled_event_says_so_in_the_calendar_and_in_its_json_ld():
    event = an_event(cancelled=True)
    [entry] = Calendar.from_ical(calendar.ics([event], lambda e: "https://x.org", "x.org", "T")).walk("VEVENT")
    assert str(entry["STATUS"]) == "CANCELLED"
    data = calendar.json_ld(event, "https://x.org/events/7", "https://x.org/about")
    assert data["@type"] == "Event" and data["eventStatus"].endswith("EventCancelled")
    assert data["startDate"].endswith("+01:00") and data["remainingAttendeeCapacity"] == 17


def test_the_confirmation_email_reaches_a_real_smtp_server(smtp_server):
    port, received = smtp_server
    made = SimpleNamespace(first_name="Sam", status="booked")
    subject, text = messages.confirmation(made, an_event(), "https://example.org/bookings/abc")
    assert messages.send(messages.Mail("127.0.0.1", port, "Career Compass <no-reply@example.org>"), "sam@example.org",
                         subject, text)
    [mail] = received
    assert mail["To"] == "sam@example.org" and mail["Subject"].startswith("You are booked:")
    body = mail.get_payload(decode=True).decode()
    assert "https://example.org/bookings/abc" in body
    assert "at 16:00" in body  # Leeds time (summer time), not the UTC the event is stored in


def test_no_email_goes_to_a_mobile_number_or_without_a_server(smtp_server):
    port, received = smtp_server
    assert not messages.send(messages.Mail("127.0.0.1", port, "a@b.org"), "07700900123", "Subject", "Text")
    assert not messages.send(messages.Mail("", port, "a@b.org"), "sam@example.org", "Subject", "Text")
    assert received == []
