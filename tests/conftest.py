"""Shared fixtures: a real catalogue, real databases (SQLite always, PostgreSQL when configured), a real app."""

from __future__ import annotations

import copy
import os
import shutil
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.orm import Session

from careercompass import create_app
from careercompass.config import PROJECT_ROOT, Settings
from careercompass.pipeline import initialise
from careercompass.tables import load_all

# Tests read the real catalogue; CAREERCOMPASS_TEST_CATALOGUE_DIR points them at another copy while one is being edited.
CATALOGUE_DIR = Path(os.environ.get("CAREERCOMPASS_TEST_CATALOGUE_DIR") or PROJECT_ROOT / "roles_catalogue")
SMALL_CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue" / "fixture_catalogue"
POSTGRES_URL_VARIABLE = "CAREERCOMPASS_TEST_POSTGRES_URL"


# The production set-up (nodes, nginx, Redis: tests/production/) takes a minute to start, so its tests run in one
# test process and share it.
PRODUCTION_TESTS = "tests/production/"


BROWSER_TESTS = "tests/browser/"


def pytest_collection_modifyitems(items):
    # The production tests first in the queue, so they run beside the rest of the suite rather than after it; the
    # browser tests last, so that pages timed out at 30 s never load while the production nodes are starting.
    items.sort(key=lambda item: (0 if item.nodeid.startswith(PRODUCTION_TESTS) else
                                 2 if item.nodeid.startswith(BROWSER_TESTS) else 1))


def pytest_xdist_make_scheduler(config, log):
    """Tests spread one by one over the processes, as with `-n`, except that the production tests go to one.

    (xdist's own `--dist loadgroup` does this by renaming tests, which pytest 9.2 no longer allows.)"""
    from xdist.scheduler import LoadScopeScheduling

    class ProductionTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return PRODUCTION_TESTS if nodeid.startswith(PRODUCTION_TESTS) else nodeid

    return ProductionTestsTogether(config, log)


def pytest_configure(config):
    if hasattr(config, "workerinput"):
        # One test process per core: a second torch thread per process would only fight the other process.
        import torch

        torch.set_num_threads(1)


@pytest.fixture(scope="session")
def shared_models_dir(tmp_path_factory, request) -> Path:
    """Embeddings depend only on the catalogue, so one folder serves every test database.

    Embedding every role takes most of a minute, so it is done once per run: with several test processes
    (pytest -n), each embeds its share of the roles and all of them put the shares together.
    CAREERCOMPASS_TEST_VECTORS may name a role_embeddings.npz made earlier (say, models/ of a working copy) to start
    from. Each role's vectors carry a hash of its words, so a stale file is never trusted: only roles changed since
    are embedded again.
    """
    folder = tmp_path_factory.mktemp("models")
    cache = vectors_cache()
    earlier = Path(os.environ.get("CAREERCOMPASS_TEST_VECTORS", "") or cache or "/nonexistent")
    if earlier.is_file():
        shutil.copy(earlier, folder / "role_embeddings.npz")
    worker = getattr(request.config, "workerinput", None)
    if worker is None:  # one process: ready_settings embeds what is needed
        return folder
    index = int(worker["workerid"].removeprefix("gw"))
    share_vectors(folder / "role_embeddings.npz", tmp_path_factory.getbasetemp().parent, index,
                  int(worker["workercount"]))
    if cache is not None and index == 0:  # one process keeps the joined vectors for the next run
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        shutil.copy(folder / "role_embeddings.npz", partial)
        partial.replace(cache)
    return folder


def vectors_cache() -> Path | None:
    """Where role vectors are kept between runs on this machine, keyed by the model's own files.

    Like pip's cache, it only saves time: each role's vectors carry a hash of its words, so roles edited since are
    embedded again, and another model gets another file. CAREERCOMPASS_TEST_VECTORS_CACHE=off embeds everything.
    """
    if os.environ.get("CAREERCOMPASS_TEST_VECTORS_CACHE", "").lower() == "off":
        return None
    import hashlib

    model = Path(make_settings(Path("."), Path(".")).embedding_model_dir)
    digest = hashlib.sha256()
    for name in ("config.json", "modules.json", "tokenizer.json"):
        if (model / name).is_file():
            digest.update((model / name).read_bytes())
    weights = model / "model.safetensors"
    digest.update(str(weights.stat().st_size if weights.is_file() else 0).encode())
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return home / "careercompass" / f"test-role-vectors-{digest.hexdigest()[:16]}.npz"


def share_vectors(target: Path, run_folder: Path, index: int, count: int, wait_seconds: float = 900) -> None:
    """Embed roles index, index + count, ... into a part file, then join every process's part into `target`."""
    import time

    import numpy as np

    from careercompass.matching import embeddings
    from careercompass.matching.service import refresh_embeddings
    from careercompass.pipeline import checked_catalogue

    roles = sorted(checked_catalogue(CATALOGUE_DIR)[0].roles, key=lambda role: role.slug)
    seed = embeddings.RoleEmbeddings.load(target) if target.exists() else None
    encode = embeddings.CachedEncoder(make_settings(target.parent, target.parent).embedding_model_dir).many
    part, _ = refresh_embeddings(roles[index::count], seed, encode)
    part.save(run_folder / f"vectors-part-{index}.npz")
    paths = [run_folder / f"vectors-part-{n}.npz" for n in range(count)]
    deadline = time.monotonic() + wait_seconds
    while not all(path.exists() for path in paths):
        if time.monotonic() > deadline:  # a process died: embed the rest here rather than wait for ever
            break
        time.sleep(0.2)
    parts = [embeddings.RoleEmbeddings.load(path) for path in paths if path.exists()]
    offsets = np.cumsum([0] + [len(p.slugs) for p in parts])
    joined = embeddings.RoleEmbeddings(
        slugs=[slug for p in parts for slug in p.slugs],
        vectors=np.concatenate([p.vectors for p in parts]),
        text_hashes=[digest for p in parts for digest in p.text_hashes],
        task_vectors=np.concatenate([p.task_vectors for p in parts]),
        task_owner=np.concatenate([p.task_owner + offset for p, offset in zip(parts, offsets)]),
    )
    refresh_embeddings(roles, joined, encode)[0].save(target)


def _postgres_url_in_new_schema() -> Iterator[str]:
    base_url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not base_url:
        pytest.skip(f"set {POSTGRES_URL_VARIABLE} to run the database tests on PostgreSQL")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base_url else "?"
    try:
        yield f"{base_url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty database of each kind the app supports."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
    else:
        yield from _postgres_url_in_new_schema()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_database_url(request, tmp_path_factory) -> Iterator[str]:
    """A fresh, empty database of each kind, shared by the tests of one module that only read it."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('database') / 'test.sqlite3'}"
    else:
        yield from _postgres_url_in_new_schema()


def make_settings(instance_dir: Path, models_dir: Path, database_url: str = "", catalogue_dir: Path = CATALOGUE_DIR):
    return Settings(
        instance_dir=instance_dir,
        models_dir=models_dir,
        database_url=database_url,
        catalogue_dir=catalogue_dir,
        secret_key="test-secret",
    )


@pytest.fixture
def settings_for(tmp_path, shared_models_dir, ready_settings):
    """Settings for one test: its own instance folder and database, the shared embeddings.

    The shared app is set up first, so the embeddings are there to copy whatever order tests run in, and an
    `init` in the test embeds no role afresh (embedding every role takes a minute or more).
    """

    def build(database_url: str = "", catalogue_dir: Path = CATALOGUE_DIR) -> Settings:
        models_dir = tmp_path / "models"
        models_dir.mkdir(exist_ok=True)
        embeddings = shared_models_dir / "role_embeddings.npz"
        if embeddings.exists() and not (models_dir / embeddings.name).exists():
            shutil.copy(embeddings, models_dir / embeddings.name)
        return make_settings(tmp_path / "instance", models_dir, database_url, catalogue_dir)

    return build


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """An empty SQLite database with every migration applied, made once: copying it is quicker than migrating
    (most of a second on SQLite, whose schema changes rebuild tables), and gives the same file."""
    from careercompass.database import make_engine, upgrade_schema

    path = tmp_path_factory.mktemp("migrated") / "migrated.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    engine.dispose()  # the last connection to close writes the journal back into the file
    return path


def migrated_engine(database_url: str, migrated_sqlite: Path):
    """An engine on the empty database at `database_url`, migrated (SQLite: a copy of the migrated file)."""
    from careercompass.database import make_engine, upgrade_schema

    if database_url.startswith("sqlite:///"):
        shutil.copy(migrated_sqlite, database_url.removeprefix("sqlite:///"))
        return make_engine(database_url)
    engine = make_engine(database_url)
    upgrade_schema(engine)
    return engine


@pytest.fixture
def session_factory(database_url, migrated_sqlite):
    """Sessions on a freshly migrated, empty database of each kind."""
    from careercompass.database import make_session_factory

    engine = migrated_engine(database_url, migrated_sqlite)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def ready_settings(tmp_path_factory, shared_models_dir) -> Settings:
    """One fully initialised SQLite app for the page, API and browser tests (read-only tests share it)."""
    instance = tmp_path_factory.mktemp("instance")
    settings = make_settings(instance, shared_models_dir)
    initialise(settings)
    return settings


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Every test client is 127.0.0.1, so without this the whole suite would share one visitor's limit."""
    from careercompass.web.security import limiter

    if limiter.initialized:  # before the first app exists there is nothing to clear
        limiter.reset()


@pytest.fixture(scope="session")
def app(ready_settings):
    return app_for(ready_settings)


@pytest.fixture(scope="session")
def shared_match_data(ready_settings):
    from careercompass.matching.service import load_match_data_from_settings

    return load_match_data_from_settings(ready_settings)


@pytest.fixture
def match_data(shared_match_data):
    """The matcher's data for the shared app: a shallow copy, so a test may swap its re-ranker."""
    return copy.copy(shared_match_data)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def small_catalogue(tmp_path) -> Path:
    """A writable copy of a six-role catalogue made from real files, for tests that break one thing and check
    what is reported: loading it takes a few milliseconds instead of reading every role."""
    target = tmp_path / "small_catalogue"
    shutil.copytree(SMALL_CATALOGUE_DIR, target)
    return target


def dump_database(url: str) -> dict[str, list[tuple]]:
    """Every row of every app table, sorted, so two databases can be compared for equality."""
    engine = create_engine(url)
    try:
        tables = [t for t in load_all().sorted_tables if inspect(engine).has_table(t.name)]
        with engine.connect() as connection:
            return {
                table.name: sorted(tuple(map(repr, row)) for row in connection.execute(select(table)))
                for table in tables
            }
    finally:
        engine.dispose()


def app_for(settings: Settings, csrf: bool = True):
    """An app on these settings for tests; with `csrf=False` a test may post forms without a token."""
    app = create_app(settings)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=csrf)
    return app


@pytest.fixture(scope="session")
def form_app(ready_settings):
    """The shared database served by a second app with CSRF checks off, so tests can post forms directly.

    The shared `app` keeps CSRF on (its tests check that a post without a token is refused), and no test
    changes its config.
    """
    return app_for(ready_settings, csrf=False)


@pytest.fixture
def form_client(form_app):
    """A browser with its own cookie that can post forms without a CSRF token."""
    return form_app.test_client()


STAFF_PASSWORD = "correct horse battery"
STAFF_ACCOUNTS = (("admin@example.org", "admin"), ("staff@example.org", "staff"), ("adviser@example.org", "adviser"),
                  ("locked@example.org", "staff"), ("changed@example.org", "staff"))


@pytest.fixture(scope="session")
def staff_area_template(tmp_path_factory, ready_settings) -> Settings:
    """A copy of the shared app (sample vacancies and events) with an account of each role, made once per test
    process; tests that change things get a copy of this in turn (see staff_area_settings)."""
    from careercompass.staff import accounts

    settings = staff_area_settings(tmp_path_factory, ready_settings)
    engine = create_engine(settings.database_uri)
    try:
        with Session(engine) as session, session.begin():
            for email, role in STAFF_ACCOUNTS:
                accounts.add_user(session, email, role, STAFF_PASSWORD)
    finally:
        engine.dispose()
    return settings


@pytest.fixture(scope="session")
def people_app(tmp_path_factory, staff_area_template):
    """One app (a copy of the staff area's files) for the tests of classroom mode, hand-offs, referrals and route
    changes, made once per test process: each of those writes only rows of its own, so they can share it."""
    return app_for(staff_area_settings(tmp_path_factory, staff_area_template), csrf=False)


def staff_area_settings(tmp_path_factory, template: Settings) -> Settings:
    """A copy of an initialised app's files for one module: relinking, booking or hiding there changes nothing
    elsewhere."""
    import sqlite3

    instance = tmp_path_factory.mktemp("staff-copy-instance")
    models = tmp_path_factory.mktemp("staff-copy-models")
    shutil.copytree(template.models_dir, models, dirs_exist_ok=True)
    source = Path(template.database_uri.removeprefix("sqlite:///"))
    # SQLite's own backup: a consistent copy even while other tests write to the original.
    with sqlite3.connect(source) as original, sqlite3.connect(instance / source.name) as copy:
        original.backup(copy)
    return make_settings(instance, models)


@pytest.fixture
def smtp_server():
    """A real SMTP server on loopback: (port, the messages it received so far)."""
    class Keep(Message):
        def __init__(self):
            super().__init__()
            self.received = []

        def handle_message(self, message):
            self.received.append(message)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, handler.received
    controller.stop()


def signed_in(app, email: str):
    """A test client signed in to the staff area as one of STAFF_ACCOUNTS."""
    client = app.test_client()
    assert client.post("/staff/sign-in", data={"email": email, "password": STAFF_PASSWORD}).status_code == 303
    return client


@pytest.fixture
def small_catalogue_factory(database_url, migrated_sqlite):
    """Sessions on a freshly migrated database (SQLite, or PostgreSQL when set) holding the six-role catalogue."""
    from careercompass.catalogue.loader import load_catalogue
    from careercompass.catalogue.store import save_catalogue
    from careercompass.database import make_session_factory, transaction

    engine = migrated_engine(database_url, migrated_sqlite)
    sessions = make_session_factory(engine)
    with transaction(sessions) as session:
        save_catalogue(session, load_catalogue(SMALL_CATALOGUE_DIR))
    yield sessions
    engine.dispose()
