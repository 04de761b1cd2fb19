"""One number per source of data ("roles" now; vacancies, events and courses later) that goes up on every write.

The search index, the filters and the matcher each remember the version they were built from and rebuild when
it moves, so an edit reaches search and matching without a restart, whoever made it. The number is bumped by
database triggers rather than by application code, so an edit made with plain SQL counts as well as one made
through the app (and the catalogue loader, which only writes rows that really changed, leaves it alone when
nothing did).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import BigInteger, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from careercompass.database import Base

# Which tables make up each source. A migration that adds a table to a source adds its triggers too
# (see `create_triggers`); tests check that every table listed here has them.
SOURCES: dict[str, tuple[str, ...]] = {
    "roles": (
        "families", "employers", "glossary_terms", "pay_bands", "roles", "role_sectors", "role_shift_patterns",
        "entry_routes", "role_employers", "role_links", "role_former_slugs",
    ),
}


class DataVersion(Base):
    __tablename__ = "data_versions"

    source: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


def current(session: Session, source: str) -> int:
    """The source's version now (0 before anything was written)."""
    return session.scalar(select(DataVersion.version).where(DataVersion.source == source)) or 0


def trigger_statements(dialect: str, source: str, table: str) -> list[str]:
    """SQL that makes every insert, update or delete of a row in `table` bump `source`'s version."""
    bump = f"UPDATE data_versions SET version = version + 1 WHERE source = '{source}'"
    if dialect == "postgresql":
        function = f"bump_{source}_version"
        return [
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$ "
            f"BEGIN {bump}; RETURN NULL; END; $$ LANGUAGE plpgsql",
            f"CREATE TRIGGER {table}_bumps_{source} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        ]
    # SQLite has row triggers only, one per kind of change.
    return [
        f"CREATE TRIGGER {table}_{change}_bumps_{source} AFTER {change.upper()} ON {table} BEGIN {bump}; END"
        for change in ("insert", "update", "delete")
    ]


def drop_statements(dialect: str, source: str, table: str) -> list[str]:
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {table}_bumps_{source} ON {table}"]
    return [f"DROP TRIGGER IF EXISTS {table}_{change}_bumps_{source}" for change in ("insert", "update", "delete")]


class VersionWatch:
    """A worker's view of one source's version, read from the database at most once every `every` seconds.

    Asking on every request would cost a query per page; a second or two of delay after an edit is fine.
    """

    def __init__(self, session_factory: Callable[[], Session], source: str, every: float = 2.0):
        self.session_factory = session_factory
        self.source = source
        self.every = every
        self._lock = threading.Lock()
        self._seen: tuple[float, int] | None = None

    def version(self) -> int:
        now = time.monotonic()
        with self._lock:
            if self._seen is not None and now - self._seen[0] < self.every:
                return self._seen[1]
        with self.session_factory() as session:
            version = current(session, self.source)
        with self._lock:
            self._seen = (now, version)
        return version
