"""Feedback from the results page: showing results writes nothing, each list shown is recorded once, and
one reference can add only so many events. Old events are deleted after the retention period."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from careercompass.database import make_engine, make_session_factory, transaction, upgrade_schema
from careercompass.matching import feedback
from careercompass.matching.feedback import FeedbackEvent
from careercompass.web import fragments, visitor
from careercompass.web.resources import resources

HTMX = {"HX-Request": "true", "HX-Target": fragments.RESULTS_LIST}


def events(app, reference: str | None = None) -> list[FeedbackEvent]:
    with app.app_context(), resources().session_factory() as database:
        query = select(FeedbackEvent).order_by(FeedbackEvent.id)
        if reference is not None:
            query = query.where(FeedbackEvent.reference == reference)
        return list(database.scalars(query))


def reference_of(client) -> str:
    with client.session_transaction() as session:
        return session[visitor.FEEDBACK_KEY]


def beacon_key(html: str) -> str:
    """The result set the page's beacon names."""
    return re.search(r'hx-vals=\'\{[^}]*"shown": "([0-9a-f]{16})"', html).group(1)


@pytest.fixture
def answered(form_client):
    form_client.post("/quiz/1", data={"activities": "caring"})
    return form_client


def test_showing_and_reloading_results_adds_no_rows(answered, form_app):
    before = len(events(form_app))
    for _ in range(3):
        assert answered.get("/results").status_code == 200
    assert len(events(form_app)) == before


def test_the_beacon_records_the_list_shown_once(answered, form_app):
    html = answered.get("/results").get_data(as_text=True)
    assert 'hx-trigger="load"' in html
    shown = beacon_key(html)
    for _ in range(3):  # the page reloaded, or sent twice
        assert answered.post("/results/shown", data={"shown": shown}).status_code == 204
    recorded = events(form_app, reference_of(answered))
    assert [e.kind for e in recorded] == ["impression"] * 10
    assert [e.rank for e in recorded] == list(range(1, 11))
    assert {e.result_set for e in recorded} == {shown}


def test_a_beacon_for_a_list_this_visitor_was_not_shown_records_nothing(answered, form_app):
    answered.get("/results")
    assert answered.post("/results/shown", data={"shown": "0123456789abcdef"}).status_code == 204
    assert events(form_app, reference_of(answered)) == []


def test_without_javascript_the_next_form_records_what_was_shown(answered, form_app):
    html = answered.get("/results").get_data(as_text=True)
    first = re.search(r'name="slug" value="([a-z-]+)"', html).group(1)
    answered.post("/results/not-for-me", data={"slug": first})
    answered.get(f"/results?why={first}")
    answered.get("/results")
    recorded = events(form_app, reference_of(answered))
    kinds = [e.kind for e in recorded]
    assert kinds == ["impression"] * 10 + ["not_for_me"]
    assert recorded[0].role_slug == first  # the list as it was when the person said no
    # Saving records the list now shown (without the dismissed job) and the saves.
    answered.post("/results/save")
    kinds = [e.kind for e in events(form_app, reference_of(answered))]
    assert kinds.count("impression") == 20 and kinds.count("save") == 10


def test_a_not_for_me_with_htmx_records_the_old_list_and_the_page_offers_the_new_one(answered, form_app):
    html = answered.get("/results").get_data(as_text=True)
    first = re.search(r'name="slug" value="([a-z-]+)"', html).group(1)
    swapped = answered.post("/results/not-for-me", data={"slug": first}, headers=HTMX).get_data(as_text=True)
    assert 'hx-post="/results/shown"' in swapped
    assert [e.kind for e in events(form_app, reference_of(answered))] == ["impression"] * 10 + ["not_for_me"]


def test_one_reference_can_add_only_so_many_events(answered, form_app):
    limit = form_app.config["CAREERCOMPASS"].feedback_events_per_reference
    answered.get("/results")
    reference = reference_of(answered)
    with form_app.app_context(), transaction(resources().session_factory) as database:
        for n in range(limit - 1):
            assert feedback.record(database, reference, "open", f"role-{n}", limit=limit)
    html = answered.get("/results").get_data(as_text=True)
    slugs = re.findall(r'name="slug" value="([a-z-]+)"', html)
    for slug in slugs[:3]:
        answered.post("/results/not-for-me", data={"slug": slug})
    answered.post("/results/save")
    recorded = events(form_app, reference)
    assert len(recorded) == limit
    assert [e.kind for e in recorded][-1] == "not_for_me"  # ten impressions did not fit; one event did


@pytest.fixture
def feedback_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'feedback.sqlite3'}")
    upgrade_schema(engine)
    yield make_session_factory(engine)
    engine.dispose()


def test_the_cap_holds_for_every_kind_of_event(feedback_database):
    with transaction(feedback_database) as database:
        added = [feedback.record(database, "ref", "open", f"role-{n}", limit=5) for n in range(8)]
        assert added == [True] * 5 + [False] * 3
        assert feedback.record_shown(database, "other", [("porter", [1.0])] * 3, limit=2) == 0
    with feedback_database() as database:
        assert database.scalar(select(func.count()).select_from(FeedbackEvent)) == 5


def test_reloading_a_job_opened_from_the_results_adds_no_rows(answered, form_app):
    answered.get("/results")
    reference = reference_of(answered)
    slug = re.findall(r'name="slug" value="([a-z-]+)"', answered.get("/results").get_data(as_text=True))[0]
    for _ in range(3):
        assert answered.get(f"/roles/{slug}?from=results").status_code == 200
    opened = [e for e in events(form_app, reference) if e.kind == "open"]
    assert [(e.kind, e.role_slug) for e in opened] == [("open", slug)]


def test_the_same_list_is_recorded_once_and_a_different_one_again(feedback_database):
    with feedback_database() as database:
        shown = [("porter", [1.0, 2.0]), ("care-worker", [0.5, 0.1])]
        assert feedback.record_shown(database, "ref", shown) == 2
        assert feedback.record_shown(database, "ref", shown) == 0
        assert feedback.record_shown(database, "ref", shown[::-1]) == 2
        assert feedback.record_shown(database, "other", shown) == 2


def test_events_older_than_the_retention_period_are_deleted(feedback_database):
    now = datetime(2026, 6, 1, tzinfo=UTC)
    with transaction(feedback_database) as database:
        for age in (1, 364, 366, 800):
            database.add(FeedbackEvent(created_at=now - timedelta(days=age), reference=f"r{age}", kind="open",
                                       role_slug="porter"))
    with transaction(feedback_database) as database:
        assert feedback.delete_older_than(database, 365, now=now) == 2
    with feedback_database() as database:
        assert sorted(database.scalars(select(FeedbackEvent.reference))) == ["r1", "r364"]


def test_the_retention_period_and_the_cap_are_settings():
    from careercompass.config import Settings

    settings = Settings.from_environment({"CAREERCOMPASS_FEEDBACK_RETENTION_DAYS": "30",
                                          "CAREERCOMPASS_FEEDBACK_EVENTS_PER_REFERENCE": "50"})
    assert (settings.feedback_retention_days, settings.feedback_events_per_reference) == (30, 50)
    assert (Settings().feedback_retention_days, Settings().feedback_events_per_reference) == (365, 200)
