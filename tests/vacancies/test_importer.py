"""Imports are safe: one transaction, the same advert once, re-runs change nothing, nothing lost to an empty feed.

Run against SQLite and PostgreSQL, on a database holding the six-role fixture catalogue.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from careercompass.database import transaction
from careercompass.vacancies.feeds import Feed, FeedUnreadable, read_feed
from careercompass.vacancies.importer import Area, Link, dedupe_key, import_adverts
from careercompass.vacancies.models import Vacancy, VacancyRole
from tests.conftest import dump_database

FIXTURES = Path(__file__).with_name("fixtures")
TODAY = date(2026, 12, 6)
LEEDS = Area(30)


def linker(advert):
    title = advert.title.lower()
    if "porter" in title:
        return [Link("porter", 0.9, "linked")]
    if "support worker" in title or "healthcare assistant" in title:
        return [Link("healthcare-support-worker", 0.6, "review")]
    return []


@pytest.fixture
def factory(small_catalogue_factory):
    return small_catalogue_factory


def feed(name: str, feed_format: str) -> tuple[str, Feed]:
    return feed_format, read_feed((FIXTURES / name).read_bytes(), feed_format, name)


def run(factory, *feeds, area=LEEDS, today=TODAY, retention_days=365):
    with transaction(factory) as session:
        return import_adverts(session, list(feeds), linker, area, today, retention_days,
                              now=datetime(2026, 12, 6, 9, tzinfo=UTC))


def count(factory) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(Vacancy))


def test_an_import_counts_what_it_did_and_a_rerun_changes_nothing(factory, database_url):
    first = run(factory, feed("nhs_jobs_search.xml", "nhs-jobs-xml"))
    assert (first.new, first.updated, first.unchanged, first.outside_area) == (10, 0, 0, 2)
    assert first.expired == 2  # two adverts had already closed: stored, not shown
    before = dump_database(database_url)
    again = run(factory, feed("nhs_jobs_search.xml", "nhs-jobs-xml"))
    assert (again.new, again.updated, again.unchanged) == (0, 0, 10)
    assert dump_database(database_url) == before


def test_the_same_advert_from_two_feeds_is_stored_once_and_never_flips(factory):
    run(factory, feed("nhs_jobs_search.xml", "nhs-jobs-xml"))
    other = run(factory, feed("jobposting_array.json", "jobposting"))
    assert (other.new, other.updated + other.unchanged) == (4, 1)
    with factory() as session:
        rows = session.scalars(select(Vacancy).where(Vacancy.reference == "C9344-26-0412")).all()
        assert len(rows) == 1 and rows[0].source == "nhs-jobs-xml"
    assert run(factory, feed("nhs_jobs_search.xml", "nhs-jobs-xml")).updated == 0
    assert run(factory, feed("jobposting_array.json", "jobposting")).updated == 0


def test_an_empty_or_failed_feed_loses_nothing(factory):
    run(factory, feed("nhs_jobs_search.xml", "nhs-jobs-xml"))
    stored = count(factory)
    empty = run(factory, ("nhs-jobs-xml", Feed()))
    assert (empty.new, empty.updated, empty.expired) == (0, 0, 0)
    assert count(factory) == stored
    with pytest.raises(FeedUnreadable):
        read_feed((FIXTURES / "broken.xml").read_bytes(), "nhs-jobs-xml", "broken.xml")
    assert count(factory) == stored


def test_an_import_that_fails_half_way_writes_nothing(factory):
    class Boom(Exception):
        pass

    def failing(advert):
        if "Ward Clerk" in advert.title:
            raise Boom
        return []

    with pytest.raises(Boom), transaction(factory) as session:
        import_adverts(session, [feed("nhs_jobs_search.xml", "nhs-jobs-xml")], failing, LEEDS, TODAY, 365)
    assert count(factory) == 0


def test_the_area_keeps_leeds_and_all_keeps_everything(factory):
    assert run(factory, feed("nhs_jobs_search.xml", "nhs-jobs-xml"), area=None).new == 12


def test_links_are_stored_with_their_status(factory):
    run(factory, feed("nhs_jobs_search.xml", "nhs-jobs-xml"))
    with factory() as session:
        statuses = {v.title: v.link_status for v in session.scalars(select(Vacancy))}
        assert statuses["Healthcare Support Worker - Respiratory Ward"] == "review"
        assert "unlinked" in statuses.values()
        assert session.scalar(select(func.count()).select_from(VacancyRole)) >= 1


def test_closed_adverts_are_deleted_after_the_retention_period(factory):
    run(factory, feed("nhs_jobs_search.xml", "nhs-jobs-xml"))
    later = run(factory, ("nhs-jobs-xml", Feed()), today=date(2028, 6, 1), retention_days=365)
    assert later.deleted == 10 and count(factory) == 0


def test_the_dedupe_key_ignores_case_spacing_and_punctuation():
    _, parsed = feed("nhs_jobs_search.xml", "nhs-jobs-xml")
    advert = parsed.adverts[0]
    from dataclasses import replace
    assert dedupe_key(advert) == dedupe_key(replace(advert, employer=advert.employer.upper() + " ",
                                                    reference=advert.reference.lower()))
