"""Loading the sample taster events (sample_data/events.yaml) into the embedded default, dated from today."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from careercompass.catalogue.models import Role
from careercompass.events.leeds_time import LEEDS
from careercompass.events.models import Booking, Event, EventRole
from careercompass.vacancies.places import advert_place

SAMPLE_EVENTS_FILE = Path(__file__).resolve().parent.parent.parent / "sample_data" / "events.yaml"


def load_sample_events(session: Session, today: datetime | None = None, path: Path = SAMPLE_EVENTS_FILE) -> int:
    """Replace the sample events with fresh ones counted from today; real events are never touched. Flushes."""
    today = today or datetime.now(UTC)
    slugs = set(session.scalars(select(Role.slug)))
    stale = select(Event.id).where(Event.sample.is_(True), Event.starts_at < today)
    session.execute(delete(Booking).where(Booking.event_id.in_(stale)))
    session.execute(delete(Event).where(Event.sample.is_(True), Event.starts_at < today))
    current = {e.title for e in session.scalars(select(Event).where(Event.sample.is_(True)))}
    added = 0
    for item in yaml.safe_load(path.read_text(encoding="utf-8"))["events"]:
        if item["title"] in current:
            continue
        hour, minute = map(int, item["starts"].split(":"))
        day = (today.astimezone(LEEDS) + timedelta(days=item["days_from_now"])).date()
        starts = datetime.combine(day, time(hour, minute), tzinfo=LEEDS).astimezone(UTC)  # stored as UTC everywhere
        place = advert_place(item["postcode"], item["address"], None, None)
        event = Event(title=item["title"], starts_at=starts, ends_at=starts + timedelta(hours=item["hours"]),
                      venue=item["venue"], address=item["address"], postcode_district=place.district if place else None,
                      ward=place.ward if place else None, lat=place.lat if place else None,
                      lon=place.lon if place else None, what_you_do=" ".join(item["what_you_do"].split()),
                      age_min=item["age_min"], age_max=item["age_max"], capacity=item["capacity"], booked=0,
                      accessibility=item["accessibility"], run_by=item["run_by"], families=item["families"],
                      cancelled=False, sample=True, created_at=today)
        event.roles = [EventRole(role_slug=slug, position=i) for i, slug in enumerate(item["roles"]) if slug in slugs]
        session.add(event)
        added += 1
    session.flush()
    return added
