"""What every request shares: the database engine, one database session per request, and the search index."""

from __future__ import annotations

import threading

from flask import Flask, current_app, g
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from careercompass.catalogue.facets import FacetTable, load_facet_table
from careercompass.config import Settings
from careercompass.data_versions import VersionWatch
from careercompass.database import make_engine, make_session_factory
from careercompass.matching.engine import closest_in_meaning
from careercompass.matching.service import DATA_SOURCE, EmbeddingsMissing, Matcher
from careercompass.search.explore import MEANING_CANDIDATES
from careercompass.search.index import SearchIndex

EXTENSION_KEY = "careercompass"


class Resources:
    def __init__(self, settings: Settings):
        self.settings = settings
        # create=False: a missing SQLite file is an error (503), never a new empty database.
        self.engine = make_engine(settings.database_uri, create=False)
        self.session_factory = make_session_factory(self.engine)
        self.search_index = SearchIndex(settings.index_dir)
        self.roles_version = VersionWatch(self.session_factory, DATA_SOURCE)
        self.matcher = Matcher(settings, self.session_factory, self.roles_version)
        self._facets: tuple[int, FacetTable] | None = None
        self._facets_lock = threading.Lock()

    def facet_table(self) -> FacetTable:
        """The roles' filter values, reloaded whenever the roles' data version moves."""
        version = self.roles_version.version()
        with self._facets_lock:
            if self._facets is None or self._facets[0] != version:
                with self.session_factory() as database:
                    self._facets = (version, load_facet_table(database))
            return self._facets[1]

    def similar(self, text: str) -> list[tuple[str, float]]:
        """Roles closest in meaning to the text; empty (keyword search only) if the embeddings are not built."""
        try:
            return closest_in_meaning(self.matcher.data(), text, limit=MEANING_CANDIDATES)
        except EmbeddingsMissing:
            return []


def init_app(app: Flask, settings: Settings) -> None:
    app.extensions[EXTENSION_KEY] = Resources(settings)

    @app.teardown_appcontext
    def close_database(_error: BaseException | None) -> None:
        release_database()


def resources() -> Resources:
    return current_app.extensions[EXTENSION_KEY]


def release_database() -> None:
    """Close the request's database session before a template runs.

    Templates then see plain loaded data and cannot start queries of their own (a lazy load there raises
    DetachedInstanceError in the tests instead of quietly costing a query per row). It also works around a
    crash: on Python 3.11, rendering nested Jinja macros over objects still attached to a session can
    segfault the worker during garbage collection (reproduced on 3.11.2 and 3.11.7, not on 3.12).
    """
    database = g.pop("database", None)
    if database is not None:
        try:
            database.close()
        except DBAPIError:  # its connection was cut under it (PostgreSQL restarted): nothing is left to undo
            database.invalidate()


def db() -> Session:
    """The request's database session, opened on first use and closed when the request ends.

    Views call it `database`: `session` always means Flask's cookie session.
    """
    if "database" not in g:
        g.database = resources().session_factory()
    return g.database
