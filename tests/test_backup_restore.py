"""scripts/backup-postgres and scripts/restore-postgres on a real PostgreSQL database filled as the app fills it.

Runs only when CAREERCOMPASS_TEST_POSTGRES_URL is set: each run makes scratch databases named cc_backup_* and
drops them after.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from careercompass import pipeline
from careercompass.config import PROJECT_ROOT
from careercompass.database import make_engine, make_session_factory, transaction
from careercompass.events import booking
from careercompass.events.models import Event
from careercompass.events.samples import load_sample_events
from tests.conftest import POSTGRES_URL_VARIABLE, SMALL_CATALOGUE_DIR, make_settings

BACKUP = PROJECT_ROOT / "scripts" / "backup-postgres"
RESTORE = PROJECT_ROOT / "scripts" / "restore-postgres"


def scratch_url(base_url: str, name: str) -> str:
    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def databases():
    """Makes scratch databases on the test server (each name starting cc_backup_) and drops them all after."""
    base_url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not base_url:
        pytest.skip(f"set {POSTGRES_URL_VARIABLE} to test the PostgreSQL backup and restore scripts")
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def new(create: bool = True) -> str:
        name = f"cc_backup_{uuid.uuid4().hex[:10]}"
        made.append(name)
        if create:
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        return scratch_url(base_url, name)

    yield new
    with admin.connect() as connection:
        for name in made:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Every table's row count and a checksum of all its rows, in a fixed order."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table: tuple(connection.execute(text(
                    f'SELECT count(*), coalesce(md5(string_agg(t::text, \'|\' ORDER BY t::text)), \'\') '
                    f'FROM "{table}" t')).one())
                for table in sorted(inspect(connection).get_table_names())
            }
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def filled(databases, tmp_path_factory) -> tuple[str, dict]:
    """A database set up as `careercompass init` does it (the six-role catalogue), with the sample events and
    vacancies and one person's booking; and its fingerprint."""
    url = databases()
    folder = tmp_path_factory.mktemp("app")
    settings = make_settings(folder / "instance", folder / "models", url, SMALL_CATALOGUE_DIR)
    with pytest.MonkeyPatch.context() as patch:
        # The role vectors are a file beside the database, not in it; making them would load the model (~20 s).
        patch.setattr(pipeline, "store_embeddings", lambda settings, session: 0)
        pipeline.initialise(settings)
    engine = make_engine(url)
    try:
        sessions = make_session_factory(engine)
        with transaction(sessions) as session:
            load_sample_events(session)
        pipeline.load_sample_vacancies(settings, sessions)
        with Session(engine) as session:
            event_id = session.query(Event.id).order_by(Event.starts_at).first()[0]
            booking.book(session, event_id, booking.Request("Sam", "sam@example.org", "16-18", "step-free", True))
    finally:
        engine.dispose()
    before = fingerprint(url)
    assert before["bookings"][0] == 1 and before["vacancies"][0] > 0 and before["roles"][0] == 6
    return url, before


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=60, check=False)


def backup(url: str, folder: Path) -> Path:
    done = run(BACKUP, url, folder)
    assert done.returncode == 0, done.stderr
    (made,) = folder.glob("cc_backup_*.dump")
    assert done.stdout.startswith(f"Backed up {made.name.split('-')[0]} to {made} (")
    assert [p.name for p in folder.iterdir()] == [made.name]  # no partial file left beside it
    return made


def test_a_damaged_database_is_restored_to_every_row(filled, tmp_path):
    url, before = filled
    dump = backup(url, tmp_path)

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM bookings"))
        connection.execute(text("DROP TABLE vacancies CASCADE"))
    engine.dispose()
    damaged = fingerprint(url)
    assert damaged != before

    refused = run(RESTORE, dump, url)
    assert refused.returncode == 1
    assert "is not empty" in refused.stderr and "--replace" in refused.stderr
    assert fingerprint(url) == damaged  # nothing was changed

    done = run(RESTORE, "--replace", dump, url)
    assert done.returncode == 0, done.stderr
    assert "replacing what was there" in done.stdout
    assert fingerprint(url) == before


def test_a_backup_restores_into_a_new_database(filled, databases, tmp_path):
    url, before = filled
    dump = backup(url, tmp_path)
    target = databases(create=False)
    done = run(RESTORE, dump, target)
    assert done.returncode == 0, done.stderr
    assert "Made the database" in done.stdout
    assert fingerprint(target) == before


def test_bad_inputs_are_refused_plainly(filled, databases, tmp_path):
    url, before = filled
    missing = run(RESTORE, tmp_path / "nothing.dump", databases(create=False))
    assert missing.returncode == 1 and "No backup file at" in missing.stderr

    not_a_dump = tmp_path / "notes.dump"
    not_a_dump.write_text("not a backup")
    unreadable = run(RESTORE, not_a_dump, databases(create=False))
    assert unreadable.returncode == 1 and "is not a backup pg_restore can read" in unreadable.stderr

    no_folder = run(BACKUP, url, tmp_path / "no-such-folder")
    assert no_folder.returncode == 1 and "does not exist" in no_folder.stderr

    for script, args in ((BACKUP, ("sqlite:///instance/careercompass.sqlite3", tmp_path)),
                         (RESTORE, (not_a_dump, "sqlite:///instance/careercompass.sqlite3"))):
        done = run(script, *args)
        assert done.returncode == 1 and "Not a PostgreSQL database URL" in done.stderr

    failed = run(BACKUP, scratch_url(url, "cc_backup_no_such_database"), tmp_path)
    assert failed.returncode == 1 and "nothing was kept" in failed.stderr
    assert list(tmp_path.glob("*.dump*")) == [not_a_dump]
    assert fingerprint(url) == before
