"""Two web nodes on different ports sharing one PostgreSQL database and one Redis, as they would sit behind a load
balancer on two machines: each has its own search index (rebuilt by its own writer when the data version moves)
and its own matcher, and nothing a visitor does depends on which node answers."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from careercompass.events.models import Booking, Event

ANSWERS = {"answers": {"activities": ["caring"]}, "limit": 3}


def _at_once(calls) -> list[httpx.Response]:
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(lambda call: call(), calls))


def test_rate_limits_are_shared_by_both_nodes(first_node, second_node, fresh_counters):
    # The booking limit is 20 a minute for one address; 13 posts to each node at once make 26.
    calls = [lambda node=node: httpx.post(f"{node.url}/api/v1/events/1/bookings", json={}, timeout=30)
             for node in (first_node, second_node) for _ in range(13)]
    statuses = [answer.status_code for answer in _at_once(calls)]
    assert statuses.count(429) == 6, sorted(statuses)


@pytest.fixture
def small_event(production_settings):
    engine = create_engine(production_settings.database_uri)
    starts = datetime.now(UTC) + timedelta(days=10)
    with Session(engine) as session, session.begin():
        event = Event(title="Hospital ward taster (test)", starts_at=starts, ends_at=starts + timedelta(hours=2),
                      venue="St James's University Hospital", address="Beckett Street, Leeds",
                      postcode_district="LS9", what_you_do="See a ward at work.", age_min=14, age_max=19,
                      capacity=3, booked=0, run_by="Test", created_at=datetime.now(UTC))
        session.add(event)
        session.flush()
        event_id = event.id
    yield engine, event_id
    with Session(engine) as session, session.begin():
        session.execute(text("DELETE FROM events WHERE id = :id"), {"id": event_id})
    engine.dispose()


def test_a_booking_race_across_both_nodes_never_overbooks(first_node, second_node, small_event, fresh_counters):
    engine, event_id = small_event

    def book(node, name: str):
        return lambda: httpx.post(f"{node.url}/api/v1/events/{event_id}/bookings", timeout=30, json={
            "first_name": name, "contact": f"{name.lower()}@example.org", "age_band": "16-18", "consent": True})

    names = ["Amara", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Hamza", "Isla", "Jack", "Kai", "Lena",
             "Mo", "Nia", "Oscar", "Priya"]
    answers = _at_once([book((first_node, second_node)[n % 2], name) for n, name in enumerate(names)])
    assert [answer.status_code for answer in answers] == [201] * 16, [a.text for a in answers if a.status_code != 201]
    statuses = sorted(answer.json()["status"] for answer in answers)
    with Session(engine) as session:
        booked = session.scalar(select(func.count()).select_from(Booking)
                                .where(Booking.event_id == event_id, Booking.status == "booked"))
        event = session.get(Event, event_id)
        assert booked == 3 and event.booked == 3
    assert statuses.count("booked") == 3 and len(statuses) == 16


def _wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    pytest.fail(f"{what} within {seconds:g} s")


def test_an_edit_in_the_shared_database_reaches_search_and_matching_on_both_nodes(first_node, second_node,
                                                                                fresh_counters,
                                                                                production_settings):
    """Roles change in the database (the catalogue loader or a fix made there), never on one node's disk: each
    node's matcher follows the data version within seconds, and each node's writer rebuilds its own index."""
    top = httpx.post(f"{second_node.url}/api/v1/match", json=ANSWERS, timeout=30).json()["results"][0]
    engine = create_engine(production_settings.database_uri)
    new_title = f"{top['title']} (Zephyrwood unit)"
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE roles SET title = :title WHERE slug = :slug"),
                               {"title": new_title, "slug": top["slug"]})

        def matched_title(node):
            return lambda: httpx.post(f"{node.url}/api/v1/match", json=ANSWERS, timeout=30).json()["results"][0][
                "title"] == new_title

        def searched(node):
            return lambda: any(hit["slug"] == top["slug"] for hit in httpx.get(
                f"{node.url}/api/v1/search", params={"q": "zephyrwood"}, timeout=30).json()["results"])

        for node in (second_node, first_node):
            _wait_for(matched_title(node), 30, f"the matcher on :{node.settings.port} did not show the new title")
            _wait_for(searched(node), 90, f"search on :{node.settings.port} did not find the new word")
    finally:
        with engine.begin() as connection:
            connection.execute(text("UPDATE roles SET title = :title WHERE slug = :slug"),
                               {"title": top["title"], "slug": top["slug"]})
        engine.dispose()
