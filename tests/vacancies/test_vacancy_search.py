"""Words search over vacancies, kept in the database (SQLite's FTS5, PostgreSQL's tsvector): written advert by
advert in the transaction that changes the adverts, ranked by field, and safe whatever is typed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from careercompass.database import downgrade_schema, make_engine, make_session_factory, upgrade_schema
from careercompass.search import vacancy_index
from careercompass.search.vacancy_index import VacancyText
from careercompass.vacancies.models import Vacancy

LEEDS_TEACHING = "Leeds Teaching Hospitals NHS Trust"


def doc(n: int, title: str, roles: str = "", employer: str = LEEDS_TEACHING,
        description: str = "A sample summary.") -> VacancyText:
    return VacancyText(n, title, employer, description, roles)


def found(session, words: str) -> list[int]:
    return vacancy_index.search(session, words).ids


def store(session, *documents: VacancyText) -> None:
    """The adverts themselves: on PostgreSQL each advert's words row points at its advert."""
    now = datetime.now(UTC)
    for d in documents:
        session.merge(Vacancy(id=d.id, dedupe_key=f"key-{d.id}", source="csv", source_id=str(d.id), title=d.title,
                              employer=d.employer, description=d.description, url=f"https://example.org/{d.id}",
                              first_seen=now, last_seen=now, content_hash="x"))
    session.flush()


@pytest.fixture
def session(session_factory):
    with session_factory() as opened:
        yield opened


def test_words_are_written_advert_by_advert_and_rebuilt_whole(session):
    assert found(session, "nurse") == []  # nothing stored yet: no results, not an error
    first = [doc(1, "Staff Nurse - Ward 7", "Adult nurse"), doc(2, "Hospital Porter", "Porter")]
    store(session, *first)
    assert vacancy_index.rebuild(session, first) == 2
    assert found(session, "nurse") == [1]
    changed = [doc(3, "Band 5 RGN", "Adult nurse"), doc(2, "Night Porter", "Porter")]
    store(session, *changed)
    assert vacancy_index.apply(session, changed, deleted=[1]) == 2
    assert found(session, "nurse") == [3]  # found by the role it is linked to
    assert found(session, "porters") == [2]  # a plural finds the singular
    assert found(session, "night") == [2]  # the old title's words went with the update
    assert sorted(found(session, "leeds teaching")) == [2, 3]
    assert vacancy_index.rebuild(session, []) == 0
    assert found(session, "porter") == []


def test_every_word_must_match_before_some_will_and_the_title_counts_most(session):
    adverts = [doc(1, "Healthcare Support Worker", "Healthcare support worker"),
               doc(2, "Support Worker - Supported Living", "Learning disability support worker"),
               doc(3, "Domestic Assistant", "Domestic assistant", description="You will support a healthcare team."),
               doc(4, "Pharmacy Technician", "Pharmacy technician", employer="Worker Healthcare Ltd")]
    store(session, *adverts)
    vacancy_index.apply(session, adverts, [])
    assert found(session, "healthcare support worker") == [1]
    support = found(session, "support")
    assert set(support[:2]) == {1, 2} and support[2:] == [3]  # in the title before in the summary
    # No advert holds both words: those with either come back, best first.
    assert found(session, "porter worker")[:2] in ([1, 2], [2, 1])
    assert found(session, "the and of") == []  # joining words alone ask for nothing


def test_words_written_in_a_transaction_that_is_rolled_back_are_gone(session_factory):
    with session_factory() as session:
        store(session, doc(1, "Hospital Porter"))
        vacancy_index.apply(session, [doc(1, "Hospital Porter")], [])
        assert found(session, "porter") == [1]
        session.rollback()
        assert found(session, "porter") == []


def test_odd_words_do_not_break_the_search(session):
    store(session, doc(1, "Staff Nurse"))
    vacancy_index.apply(session, [doc(1, "Staff Nurse")], [])
    for words in ('"unclosed', "AND OR NOT", "nurse*", "(((", "title:nurse", "x" * 500, "nurse & !porter",
                  "nurse | porter", "NEAR(nurse porter)", "a&e nurse's", "' OR 1=1 --", "\\", "😀", ""):
        assert isinstance(found(session, words), list), words
    assert found(session, "nurse's") == [1]
    assert found(session, "title:nurse") == [1]  # read as two words, never as a column


def test_an_upgrade_fills_the_words_from_the_adverts_already_stored(database_url):
    """A database made before the words moved into it searches its adverts as soon as it is upgraded."""
    engine = make_engine(database_url)
    try:
        upgrade_schema(engine, revision="0024")
        with make_session_factory(engine)() as session:
            store(session, doc(1, "Hospital Porter"), doc(2, "Staff Nurse"))
            session.commit()
        upgrade_schema(engine)
        with make_session_factory(engine)() as session:
            assert found(session, "porter") == [1]
            assert found(session, "nurse") == [2]
        downgrade_schema(engine, "0024")
        with engine.connect() as connection:
            assert "vacancy_words" not in {name for (name,) in connection.execute(text(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                if connection.dialect.name == "postgresql" else "SELECT name FROM sqlite_master"))}
    finally:
        engine.dispose()


def test_words_with_no_advert_are_tried_again_with_their_spelling_fixed(session, ready_settings):
    from careercompass.search.index import SearchIndex

    spelling = SearchIndex(ready_settings.index_dir).corrected
    adverts = [doc(1, "Healthcare Assistant - Ward 7"), doc(2, "Domestic Assistant"), doc(3, "Garforth Nursing Home")]
    store(session, *adverts)
    vacancy_index.apply(session, adverts, [])
    typed = vacancy_index.search(session, "helthcare assistant", spelling=spelling)
    assert typed.ids[:1] == [1] and typed.corrected == "healthcare assistant"
    # Words that find adverts as typed are never "fixed", even when the catalogue does not know them.
    assert vacancy_index.search(session, "garforth", spelling=spelling) == vacancy_index.WordsFound([3])
    assert vacancy_index.search(session, "assistant", spelling=spelling).corrected is None
