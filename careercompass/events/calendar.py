"""Events as iCalendar (RFC 5545), one file per event or a feed of many, and as schema.org Event JSON-LD."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from careercompass.events.leeds_time import in_leeds
from careercompass.events.models import Event

PRODUCT = "-//Career Compass Leeds//Taster events//EN"


def ics(events: Iterable[Event], url_for_event, domain: str, name: str) -> bytes:
    """An iCalendar file: UID, DTSTAMP, DTSTART and DTEND with the Europe/London time zone; CRLF and folding are the
    library's (icalendar), so long lines fold as the standard asks."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = datetime.now(UTC)
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.id}@{domain}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", in_leeds(event.starts_at))
        entry.add("dtend", in_leeds(event.ends_at))
        entry.add("summary", event.title)
        entry.add("location", f"{event.venue}, {event.address}")
        entry.add("description", event.what_you_do)
        entry.add("url", url_for_event(event))
        if event.cancelled:
            entry.add("status", "CANCELLED")
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def json_ld(event: Event, url: str, organiser_url: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": in_leeds(event.starts_at).isoformat(),
        "endDate": in_leeds(event.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventCancelled" if event.cancelled else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": event.venue,
                     "address": {"@type": "PostalAddress", "streetAddress": event.address, "addressLocality": "Leeds",
                                 "addressCountry": "GB"}},
        "description": event.what_you_do,
        "organizer": {"@type": "Organization", "name": event.run_by, "url": organiser_url},
        "isAccessibleForFree": True,
        "typicalAgeRange": f"{event.age_min}-{event.age_max}",
        "maximumAttendeeCapacity": event.capacity,
        "remainingAttendeeCapacity": event.places_left,
        "url": url,
    }


