"""A request id for every request, and one access line for each, with nothing in it about the person.

The id comes from the proxy in front (nginx's $request_id) when it looks like one, else it is made here; it is sent
back in X-Request-ID and carried by every log record written while the request runs, so an error can be found
from the id a person or the proxy reports.

The access line names the matched route ("/s/<code>"), never the address asked for: addresses carry private
saved codes, and query strings carry the words young people typed. No query string, form, cookie or client
address is logged.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar

from flask import Flask, Response, g, request

HEADER = "X-Request-ID"
# Long enough to be unique, and nothing that could break a log line or pass for another field.
ACCEPTED_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
# A page load fetches several static files, and load balancers poll /livez every few seconds: lines for those
# would bury the requests people made. They are still logged when they fail.
QUIET_ENDPOINTS = frozenset({"static", "health.alive"})

access_log = logging.getLogger("careercompass.access")
_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
_factory_installed = False


def current_route() -> str:
    """The request's route (/s/<code>), never its address: addresses can hold a private saved code or booking
    link, and query strings the words people typed."""
    return request.url_rule.rule if request.url_rule is not None else "(no route)"


def current_request_id() -> str | None:
    return _request_id.get()


def request_id_for(sent: str | None) -> str:
    """The id the proxy sent if it is a plain token, else a new one."""
    if sent and ACCEPTED_ID.fullmatch(sent):
        return sent
    return uuid.uuid4().hex


def _install_record_factory() -> None:
    """Every log record gets `request_id` (None outside a request), whichever logger or handler it meets."""
    global _factory_installed
    if _factory_installed:
        return
    make_record = logging.getLogRecordFactory()

    def with_request_id(*args, **kwargs) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        record.request_id = _request_id.get()
        return record

    logging.setLogRecordFactory(with_request_id)
    _factory_installed = True


def init_app(app: Flask) -> None:
    """Register before every other step: the id is then set first, and the line written last, once the response
    is compressed, so its size is the size sent."""
    _install_record_factory()

    @app.before_request
    def start() -> None:
        g.request_started = time.perf_counter()
        g.request_id_token = _request_id.set(request_id_for(request.headers.get(HEADER)))

    @app.after_request
    def finish(response: Response) -> Response:
        if (request_id := _request_id.get()) is not None:
            response.headers[HEADER] = request_id
        if request.endpoint not in QUIET_ENDPOINTS or response.status_code >= 400:
            _write_line(response)
        return response

    @app.teardown_request
    def forget(_error: BaseException | None) -> None:
        token = g.pop("request_id_token", None)
        if token is not None:
            _request_id.reset(token)


def _write_line(response: Response) -> None:
    started = g.get("request_started")
    route = request.url_rule.rule if request.url_rule is not None else None
    access_log.info("%s %s %s", request.method, route or "(no route)", response.status_code, extra={
        "method": request.method,
        "route": route,
        "endpoint": request.endpoint,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1) if started is not None else None,
        "bytes": response.content_length,
    })
