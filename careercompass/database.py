"""Engine, sessions and migrations. The same code serves SQLite (the embedded default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, MetaData, create_engine, event, exc, text
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Stable constraint names, so Alembic migrations read the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DatabaseUnavailable(Exception):
    """The database cannot be used; the message says what is wrong and what to do, in one line."""


def make_engine(url: str, create: bool = True) -> Engine:
    """An engine for the URL. With `create=False` (the web app) a missing SQLite file is an error when a
    connection is opened, instead of a new empty database that would quietly serve nothing."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            url = f"sqlite:///file:{path}?mode=rw&uri=true"
        engine = create_engine(url)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - exercised by every SQLite test
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")  # readers (web workers) never block the init writer
            cursor.close()

        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except (ImportError, exc.NoSuchModuleError) as error:
        raise DatabaseUnavailable(
            f"The database driver for {url.split(':', 1)[0]} is not installed ({error}). "
            "For PostgreSQL run: .venv/bin/pip install -e '.[postgres]'"
        ) from None


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: everything commits together, or nothing does."""
    with factory() as session, session.begin():
        yield session


@contextmanager
def open_session(url: str) -> Iterator[Session]:
    """A session of its own for a command: its engine is closed again when the block ends."""
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to the newest Alembic revision (or to `revision`, for testing an upgrade)."""
    from alembic import command

    _migrate(engine, command.upgrade, revision)


def downgrade_schema(engine: Engine, revision: str) -> None:
    """Take the schema back to `revision` (the tests check that each downgrade undoes its upgrade)."""
    from alembic import command

    _migrate(engine, command.downgrade, revision)


def _migrate(engine: Engine, step, revision: str) -> None:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        step(config, revision)


def describe_failure(error: exc.DBAPIError) -> str:
    """One line for a database error a command could not get past."""
    reason = str(error.orig).strip().splitlines()[0] if error.orig is not None else type(error).__name__
    return (f"The database failed: {reason}. Check CAREERCOMPASS_DATABASE_URL and that the database server is "
            "running, then try again.")


def newest_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() or ""


def check_ready(url: str) -> None:
    """Raise DatabaseUnavailable unless the database exists, answers, and has the newest schema."""
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
        raise DatabaseUnavailable(f"There is no database at {url.removeprefix('sqlite:///')}. "
                                  "Run `careercompass init` to create it.")
    engine = make_engine(url, create=False)
    where = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else engine.url.render_as_string()
    try:
        with engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except exc.OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        if "no such table" in reason or "does not exist" in reason:
            raise DatabaseUnavailable(f"The database at {where} is empty. Run `careercompass init`.") from None
        raise DatabaseUnavailable(f"Cannot reach the database at {where} ({reason}). Check "
                                  "CAREERCOMPASS_DATABASE_URL and that the database server is running.") from None
    except exc.ProgrammingError:  # PostgreSQL: no alembic_version table
        raise DatabaseUnavailable(f"The database at {where} is empty. Run `careercompass init`.") from None
    except exc.DatabaseError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseUnavailable(f"The database at {where} is damaged ({reason}). Move it aside and run "
                                  "`careercompass init` to build a new one.") from None
    finally:
        engine.dispose()
    newest = newest_revision()
    if revision != newest:
        raise DatabaseUnavailable(f"The database at {where} is at schema {revision}, not the newest ({newest}). "
                                  "Run `careercompass init` to upgrade it.")
