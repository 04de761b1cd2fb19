"""Faults the house survives: a lost or damaged search index, role vectors or database, and two index writers.

Each test breaks a copy of a ready app the way a disk, an operator or a crash would, and checks that people get
the last good answers or a plain 503, never a 500, and that the site heals without a restart.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import shutil
import threading
import time

import pytest
from click.testing import CliRunner

from careercompass import create_app, data_versions
from careercompass.cli import main
from careercompass.config import Settings
from careercompass.database import DatabaseUnavailable, check_ready, make_engine
from careercompass.pipeline import follow, reindex
from careercompass.search.index import SearchDocument, SearchIndex, build_index, current_generation
from careercompass.server import check_can_serve

# Whoosh leaves a file open when it meets a damaged index; each test collects its own leftovers, so the warning
# about that file stays in this module instead of failing whichever test happens to run next.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture(autouse=True)
def collect_leftovers():
    yield
    gc.collect()


MATCH = {"answers": {"activities": ["caring"]}, "interests": "I like helping people"}


@pytest.fixture
def own_settings(ready_settings, tmp_path) -> Settings:
    """A private copy of the ready app's database, index and vectors, free to be broken."""
    shutil.copytree(ready_settings.instance_dir, tmp_path / "instance")
    shutil.copytree(ready_settings.models_dir, tmp_path / "models")
    return dataclasses.replace(ready_settings, instance_dir=tmp_path / "instance", models_dir=tmp_path / "models")


def client_for(settings: Settings):
    app = create_app(settings)
    app.config.update(TESTING=True)
    return app.test_client()


def assert_plain_503(response) -> None:
    assert response.status_code == 503
    assert b"Traceback" not in response.data
    assert b"not working just now" in response.data


# The search index


def test_a_deleted_index_keeps_serving_the_last_good_one_until_reindex_rebuilds_it(own_settings):
    client = client_for(own_settings)
    assert b"Nurse" in client.get("/roles?q=nurse").data
    shutil.rmtree(own_settings.index_dir)
    page = client.get("/roles?q=nurse")
    assert page.status_code == 200 and b"Nurse" in page.data  # this worker still holds the old generation
    assert client.get("/roles?q=porter").status_code == 200
    reindex(own_settings)
    assert b"Porter" in client.get("/roles?q=porter").data


def test_a_new_worker_with_a_damaged_index_answers_503_then_heals_after_reindex(own_settings):
    generation = own_settings.index_dir / current_generation(own_settings.index_dir)
    for part in generation.iterdir():
        part.write_bytes(b"\0not an index\0" * 10)
    client = client_for(own_settings)
    assert_plain_503(client.get("/roles?q=nurse"))
    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json()["checks"]["search"].startswith("failed")
    reindex(own_settings)
    assert b"Nurse" in client.get("/roles?q=nurse").data  # the same worker, no restart
    assert client.get("/healthz").status_code == 200


def test_an_index_damaged_while_serving_gives_503_not_500(own_settings):
    index = SearchIndex(own_settings.index_dir)
    assert index.search("nurse").hits
    generation = own_settings.index_dir / current_generation(own_settings.index_dir)
    # A new pointer to a damaged generation: the open one is kept.
    (own_settings.index_dir / "gen-9999999999999999999").mkdir()
    (own_settings.index_dir / "CURRENT").write_text("gen-9999999999999999999")
    assert index.search("nurse").hits
    # A worker starting now has nothing good to keep.
    from careercompass.search.index import SearchUnavailable

    with pytest.raises(SearchUnavailable):
        SearchIndex(own_settings.index_dir).search("nurse")
    (own_settings.index_dir / "CURRENT").write_text(generation.name)
    assert SearchIndex(own_settings.index_dir).search("nurse").hits


def test_two_index_writers_at_once_do_not_remove_each_others_work(tmp_path):
    started = threading.Event()
    failures: list[BaseException] = []

    def slow_documents():
        for number in range(3):
            yield SearchDocument("role", f"slow-{number}", f"Slow job {number}", [], "A slow job.", ["Waits."], [], "x")
            started.set()
            time.sleep(0.4)

    def slow_writer():
        try:
            build_index(tmp_path, slow_documents())
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    writer = threading.Thread(target=slow_writer)
    writer.start()
    started.wait(5)
    quick = [SearchDocument("role", "quick", "Quick job", [], "A quick job.", ["Hurries."], [], "x")]
    build_index(tmp_path, quick)
    build_index(tmp_path, quick)
    writer.join(30)
    assert not failures, failures
    assert SearchIndex(tmp_path).search("quick").hits


def test_the_index_writer_logs_a_failed_round_and_carries_on(own_settings, caplog):
    broken = dataclasses.replace(own_settings, database_url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    with caplog.at_level(logging.ERROR):
        follow(broken, every=0.01, rounds=2)
    assert caplog.text.count("Could not rebuild the search index") == 2


# The role vectors


def test_vectors_deleted_or_damaged_while_serving_keep_the_last_good_ones(own_settings):
    client = client_for(own_settings)
    first = client.post("/api/v1/match", json=MATCH).get_json()
    own_settings.role_embeddings_path.unlink()
    assert client.post("/api/v1/match", json=MATCH).get_json() == first
    own_settings.role_embeddings_path.write_bytes(b"PK\3\4 damaged")
    assert client.post("/api/v1/match", json=MATCH).get_json() == first
    assert client.get("/healthz").status_code == 200


def test_without_vectors_the_match_answers_503_and_serve_says_to_run_init(own_settings):
    own_settings.role_embeddings_path.unlink()
    client = client_for(own_settings)
    response = client.post("/api/v1/match", json=MATCH)
    assert response.status_code == 503 and response.get_json()["error"]["status"] == 503
    assert client.get("/healthz").status_code == 503
    result = CliRunner().invoke(main, ["serve"], env=environment(own_settings))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [result.output.strip()]  # one line
    assert "careercompass init" in result.output


# The database


def environment(settings: Settings) -> dict[str, str]:
    return {key: value for key, value in settings.as_environment().items() if value}


def test_serve_refuses_a_missing_sqlite_database_without_creating_one(own_settings, tmp_path):
    missing = dataclasses.replace(own_settings, instance_dir=tmp_path / "empty")
    result = CliRunner().invoke(main, ["serve"], env=environment(missing))
    assert result.exit_code == 1
    assert "There is no database" in result.output and "careercompass init" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "empty" / "careercompass.sqlite3").exists()


def test_serve_refuses_a_damaged_or_unreachable_database_in_one_line(own_settings):
    database = own_settings.instance_dir / "careercompass.sqlite3"
    for extra in ("-wal", "-shm"):
        database.with_name(database.name + extra).unlink(missing_ok=True)
    database.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseUnavailable, match="damaged"):
        check_ready(own_settings.database_uri)
    away = dataclasses.replace(own_settings, database_url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    result = CliRunner().invoke(main, ["serve"], env=environment(away))
    assert result.exit_code == 1 and "Cannot reach the database" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_database_that_goes_away_while_serving_gives_503_pages(own_settings):
    away = dataclasses.replace(own_settings, database_url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    client = client_for(away)
    assert_plain_503(client.get("/"))
    assert_plain_503(client.get("/roles/porter"))
    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json()["checks"]["database"].startswith("failed")


def test_a_missing_driver_or_bad_model_is_one_clear_line(own_settings, tmp_path):
    no_driver = dataclasses.replace(own_settings, database_url="postgresql+pg8000://nobody@127.0.0.1/none")
    result = CliRunner().invoke(main, ["init"], env=environment(no_driver))
    assert result.exit_code == 1 and "driver" in result.output and "Traceback" not in result.output
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "model.safetensors").write_bytes(b"not the model")
    bad_model = dataclasses.replace(own_settings, embedding_model_dir=str(tmp_path / "model"))
    result = CliRunner().invoke(main, ["serve"], env=environment(bad_model))
    assert result.exit_code == 1 and "The embedding model cannot be used" in result.output


def test_check_can_serve_passes_on_a_ready_app(own_settings):
    check_can_serve(own_settings)


def test_health_tries_the_database_a_search_and_a_match(client):
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": "ok", "search": "ok", "match": "ok"}


# One data version that search, filters and matching follow


def test_every_write_to_a_roles_table_bumps_the_version_and_an_unchanged_init_does_not(own_settings):
    from careercompass.pipeline import initialise

    engine = make_engine(own_settings.database_uri)
    initialise(own_settings)  # brings the copy up to the catalogue as it is now
    with engine.connect() as connection:
        before = connection.exec_driver_sql("SELECT version FROM data_versions").scalar()
    initialise(own_settings)
    with engine.begin() as connection:
        assert connection.exec_driver_sql("SELECT version FROM data_versions").scalar() == before
        connection.exec_driver_sql("UPDATE roles SET hours = hours || ' ' WHERE slug = 'porter'")
        assert connection.exec_driver_sql("SELECT version FROM data_versions").scalar() == before + 1
        connection.exec_driver_sql("DELETE FROM role_links WHERE from_slug = 'porter'")
        assert connection.exec_driver_sql("SELECT version FROM data_versions").scalar() > before + 1
    engine.dispose()


def test_every_table_of_a_source_has_its_triggers(own_settings):
    engine = make_engine(own_settings.database_uri)
    with engine.connect() as connection:
        triggers = {row[0] for row in connection.exec_driver_sql("SELECT tbl_name FROM sqlite_master "
                                                                 "WHERE type = 'trigger'")}
    engine.dispose()
    assert set(data_versions.SOURCES["roles"]) <= triggers


def test_a_database_edit_reaches_filters_and_matching_without_a_restart(own_settings, monkeypatch):
    monkeypatch.setattr(data_versions.VersionWatch, "__init__", _watch_every_request)
    client = client_for(own_settings)
    wish = {"interests": "I love zebras, giraffes and lions at the zoo"}
    # Not one of the jobs most people start in, which are shown when words match nothing: only the edit lifts it.
    assert "car-park-officer" not in _slugs(client.post("/api/v1/match", json=wish).get_json())
    assert client.get("/roles?shift=nights&q=car+park").status_code == 200
    engine = make_engine(own_settings.database_uri)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE roles SET title = 'Zoo keeper', summary = 'You look after zebras, giraffes and lions at the zoo, "
            "feeding them and keeping their homes clean.' WHERE slug = 'car-park-officer'")
        connection.exec_driver_sql("DELETE FROM role_shift_patterns WHERE role_slug = 'car-park-officer'")
        connection.exec_driver_sql("INSERT INTO role_shift_patterns (role_slug, pattern, position) "
                                   "VALUES ('car-park-officer', 'nights', 0)")
    engine.dispose()
    found = client.post("/api/v1/match", json=wish).get_json()
    assert "car-park-officer" in _slugs(found)[:3]  # embedded in memory at once, not dropped
    nights = client.get("/api/v1/search?shift=nights&q=zoo").get_json()  # the filters follow the same version
    reindex(own_settings)
    results = client.get("/api/v1/search?shift=nights&q=zoo").get_json()["results"]
    assert "car-park-officer" in [hit["slug"] for hit in results]
    assert nights is not None


def _watch_every_request(self, session_factory, source, every=0.0):
    self.session_factory, self.source, self.every = session_factory, source, 0.0
    self._lock, self._seen = threading.Lock(), None


def _slugs(body) -> list[str]:
    return [match["slug"] for match in body["results"]]


def test_only_a_database_gone_away_is_read_again_not_a_fault_in_the_query():
    import sqlite3

    import psycopg
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from careercompass.web.errors import _database_away

    refused = OperationalError("SELECT 1", {}, psycopg.OperationalError("connection refused"))
    assert _database_away(refused)  # PostgreSQL down or restarting: no SQL state at all
    cut = OperationalError("SELECT 1", {}, psycopg.errors.AdminShutdown("terminating connection"))
    assert _database_away(cut)
    assert not _database_away(ProgrammingError("SELECT", {}, psycopg.errors.UndefinedTable("no such table")))
    assert not _database_away(OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked")))
    # SQLite's I/O errors (its write-ahead log reset under a connection): a new connection reads the file afresh.
    io_error = sqlite3.OperationalError("disk I/O error")
    io_error.sqlite_errorname = "SQLITE_IOERR_SHORT_READ"
    assert _database_away(OperationalError("SELECT", {}, io_error))
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorname = "SQLITE_BUSY"
    assert not _database_away(OperationalError("SELECT", {}, busy))
