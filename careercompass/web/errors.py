"""Friendly error pages for people, JSON errors for the API. Never a stack trace."""

from __future__ import annotations

import logging
import time

from flask import Flask, Response, current_app, g, jsonify, render_template, request
from sqlalchemy.exc import DBAPIError, OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError, ServiceUnavailable

from careercompass.matching.service import EmbeddingsMissing
from careercompass.search.index import SearchUnavailable
from careercompass.web.request_log import current_route
from careercompass.web.resources import release_database

log = logging.getLogger(__name__)

# A read whose database went away is tried again after each of these pauses: about the length of a restart.
READ_AGAIN_AFTER_SECONDS = (0.0, 0.5, 1.0, 2.0)

PLAIN_MESSAGES = {
    400: "Something in that request was not right.",
    404: "We could not find that page.",
    405: "That page cannot be used that way.",
    413: "That was too much to send at once. Please send less.",
    429: "Too many requests at once. Please wait a minute and try again.",
    500: "Something went wrong on our side.",
    503: "This part of the site is not working just now. Please try again in a few minutes.",
}


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return _respond(error)

    # A Host header this site does not answer to: no page can be built (its links would need that host).
    @app.errorhandler(SecurityError)
    def untrusted_host(error: SecurityError):
        return Response("This site does not answer to that address.\n", status=400, mimetype="text/plain")

    # A part the site depends on is down (database, search index, role vectors): a 503 says "try again soon",
    # which is true, where a 500 would say the site is broken.
    @app.errorhandler(DBAPIError)
    def database_error(error: DBAPIError):
        return _read_again(error) or dependency_down(error)

    @app.errorhandler(SearchUnavailable)
    @app.errorhandler(EmbeddingsMissing)
    def dependency_down(error: Exception):
        log.error("Answering 503 on %s: %s", current_route(), repr(error))
        return _respond(ServiceUnavailable(PLAIN_MESSAGES[503]))

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        log.exception("Unhandled error on %s", current_route())
        return _respond(InternalServerError())


def _read_again(error: DBAPIError) -> Response | None:
    """The database went away under a read (PostgreSQL restarting, or a failover): read again on a new
    connection, after short pauses that cover a restart, before answering 503.

    Only for GET and HEAD, which change nothing, so doing one twice is safe; a form sent at that moment gets the
    plain 503 and is sent again by the person."""
    if not _database_away(error) or request.method not in ("GET", "HEAD") or g.get("reading_again"):
        return None
    g.reading_again = True
    log.warning("The database went away on %s; reading again on a new connection", current_route())
    for pause in READ_AGAIN_AFTER_SECONDS:
        time.sleep(pause)
        release_database()
        try:
            return current_app.make_response(current_app.dispatch_request())
        except DBAPIError as again:
            if not _database_away(again):
                return current_app.make_response(current_app.handle_user_exception(again))
        except Exception as other:  # noqa: BLE001 - answered as the first try would have been
            return current_app.make_response(current_app.handle_user_exception(other))
    return None


def _database_away(error: DBAPIError) -> bool:
    """A dropped connection, or one PostgreSQL refused (down, or still starting): not a fault in the query.
    (psycopg's errors carry a SQL state, none when the server could not be reached; SQLite's carry none.)

    On SQLite, an I/O error: the file or its write-ahead log was changed under this connection (another process
    checkpointed it, say), and a new connection reads it afresh."""
    if error.connection_invalidated:
        return True
    if getattr(error.orig, "sqlite_errorname", "").startswith("SQLITE_IOERR"):
        return True
    state = getattr(error.orig, "sqlstate", "not postgresql")
    return isinstance(error, OperationalError) and (state is None or state.startswith(("08", "57P")))


def _respond(error: HTTPException):
    code = error.code or 500
    if request.path.startswith("/api/"):
        message = error.description if code != 500 else PLAIN_MESSAGES[500]
        if code == 429:  # the limiter's own description is only the limit ("20 per 1 minute")
            message = f"{PLAIN_MESSAGES[429]} The limit is {error.description}."
        return jsonify({"error": {"status": code, "message": message}}), code
    return render_template("error.html", code=code, message=PLAIN_MESSAGES.get(code, PLAIN_MESSAGES[400])), code
