"""Logs name the request, never the person: a request id on every line, one JSON access line per request with
the route and not the address, and nothing a young person typed."""

from __future__ import annotations

import io
import json
import logging
import re

import pytest

from careercompass import create_app
from careercompass.logs import json_formatter
from careercompass.server import _Server
from careercompass.web.request_log import HEADER

WORDS = "I have epilepsy"
NEW_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def json_log():
    """What the served app would write: every record as a JSON line, read back with .lines() or .text()."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(json_formatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)

    class Log:
        @staticmethod
        def text() -> str:
            return stream.getvalue()

        @staticmethod
        def lines() -> list[dict]:
            return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield Log
    root.removeHandler(handler)
    root.setLevel(level)


def access_lines(log, request_id: str) -> list[dict]:
    return [line for line in log.lines() if line["logger"] == "careercompass.access" and line["request_id"] == request_id]


def test_a_request_is_logged_by_its_route_without_the_words_typed(form_client, json_log):
    request_id = "nginx-0123456789abcdef"
    response = form_client.post("/quiz/11", query_string={"note": WORDS}, data={"interests": WORDS},
                                headers={HEADER: request_id, "Cookie": "seen=I-have-epilepsy"})
    assert response.headers[HEADER] == request_id
    (line,) = access_lines(json_log, request_id)
    assert line["route"] == "/quiz/<int:number>" and line["endpoint"] == "quiz.step"
    assert line["method"] == "POST" and line["status"] == response.status_code and line["level"] == "INFO"
    assert line["duration_ms"] >= 0 and line["bytes"] == len(response.data) and line["timestamp"]
    form_client.get("/roles", query_string={"q": WORDS}, headers={HEADER: "search-0123456789"})
    (search,) = access_lines(json_log, "search-0123456789")
    assert search["route"] == "/roles" and search["status"] == 200
    text = json_log.text()
    assert "epilepsy" not in text.lower() and "127.0.0.1" not in text and "note" not in text


def test_a_saved_code_in_the_address_is_not_logged(client, json_log):
    response = client.get("/s/QX7KZ9")
    line = access_lines(json_log, response.headers[HEADER])[0]
    assert line["route"] == "/s/<code>" and "QX7KZ9" not in json_log.text()


def test_the_size_logged_is_the_size_sent_after_compression(client, json_log):
    response = client.get("/api/v1/roles", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert access_lines(json_log, response.headers[HEADER])[0]["bytes"] == len(response.data)


@pytest.mark.parametrize("sent", [
    "short", "a" * 65, "has spaces in it", "line\nbreak-0123456789", 'x\r\n{"level": "ERROR"}', "ünïcødé-123456",
    "semi;colon-12345", "",
])
def test_an_unsafe_incoming_id_is_replaced_with_a_new_one(client, json_log, sent):
    response = client.get("/", environ_overrides={"HTTP_X_REQUEST_ID": sent})
    made = response.headers[HEADER]
    assert NEW_ID.fullmatch(made) and made != sent
    assert access_lines(json_log, made) and "ERROR" not in json_log.text()


def test_each_request_without_an_id_gets_its_own(client):
    assert client.get("/").headers[HEADER] != client.get("/").headers[HEADER]


def test_an_error_is_logged_as_json_with_the_request_id_of_its_request(ready_settings, json_log, caplog):
    app = create_app(ready_settings)
    app.config.update(TESTING=True)

    @app.get("/broken")
    def broken():
        raise RuntimeError("the disk fell off")

    response = app.test_client().get(f"/broken?q={WORDS}", headers={HEADER: "proxy-id-0001"})
    assert response.status_code == 500 and response.headers[HEADER] == "proxy-id-0001"
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert errors and {record.request_id for record in errors} == {"proxy-id-0001"}
    (error,) = [line for line in json_log.lines() if line["level"] == "ERROR"]
    assert error["request_id"] == "proxy-id-0001" and "the disk fell off" in error["exc_info"]
    assert access_lines(json_log, "proxy-id-0001")[0]["status"] == 500


def test_records_outside_a_request_carry_no_id(client, json_log):
    client.get("/")
    logging.getLogger("careercompass.test").warning("between requests")
    assert json_log.lines()[-1]["request_id"] is None


def test_health_polls_and_static_files_are_not_logged_unless_they_fail(client, json_log):
    alive = client.get("/livez")
    style = client.get("/static/nope-not-here.css")
    assert alive.status_code == 200 and style.status_code == 404
    assert not access_lines(json_log, alive.headers[HEADER])
    assert access_lines(json_log, style.headers[HEADER])[0]["endpoint"] == "static"


def test_gunicorn_writes_no_access_log_of_its_own(ready_settings):
    server = _Server(ready_settings, workers=1)
    assert server.cfg.accesslog is None
    assert server.cfg.logconfig_dict["loggers"]["gunicorn.access"] == {"level": "CRITICAL", "handlers": [],
                                                                       "propagate": False}
