"""The whole API fuzzed against its own OpenAPI document: every operation, with requests that keep to the document
and requests that break it, checked for server errors and for status codes, content types, headers and bodies the
document does not describe."""

from __future__ import annotations

import json
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from careercompass import create_app
from careercompass.web.api import OPENAPI_FILE
from careercompass.web.security import limiter
from tests.conftest import staff_area_settings

# Not checked: that every request the document allows is answered 2xx. A string the document cannot narrow (a role
# or family slug, a Leeds place, stage without role) rightly gets the 400 it documents.

# Read from the file at collection so each operation is a test of its own; the run loads what the app serves.
OPERATIONS = [(method.upper(), path) for path, item in json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))["paths"].items()
              for method in item if method in ("get", "post", "put", "patch", "delete")]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, ready_settings):
    # A copy of the shared database: valid booking requests really book places, which other tests must not see.
    app = create_app(staff_area_settings(tmp_path_factory, ready_settings))
    app.config.update(TESTING=True)
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


@pytest.fixture
def no_rate_limits(monkeypatch):
    # Every case comes from 127.0.0.1: the booking limit (20 a minute) would turn the run into a run of 429s.
    monkeypatch.setattr(limiter, "enabled", False)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda mode: mode.value)
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_operation_keeps_to_the_document(api_schema, no_rate_limits, method, path, mode):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=10, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        # Uncompressed, so the checks read the body the document describes.
        case.call_and_validate(headers={"Accept-Encoding": "identity"}, excluded_checks=[positive_data_acceptance])

    try:
        run()
    except Unsatisfiable:
        if mode is GenerationMode.POSITIVE:
            raise
        pytest.skip("nothing this operation takes can be made invalid")


@pytest.mark.parametrize(("path", "send"), [
    ("/api/v1/events/{id}/bookings", lambda client: client.post("/api/v1/events/999999/bookings", json={})),
    ("/api/v1/match", lambda client: client.post("/api/v1/match", data=b'{"interests": "' + b"a" * 70_000 + b'"}',
                                                 content_type="application/json")),
])
def test_refusals_keep_to_the_document(api_schema, path, send):
    client = api_schema.app.test_client()
    response = send(client)
    while response.status_code == 404:  # the booking limit is 20 a minute
        response = send(client)
    assert response.status_code in (413, 429)
    api_schema[path]["POST"].validate_response(response)


def test_the_document_names_every_api_route(api_schema):
    def shape(path: str) -> str:  # parameter names may differ between the document and the app
        return re.sub(r"[{<][^}>]*[}>]", "{}", path)

    served = {(method, shape(rule.rule)) for rule in api_schema.app.url_map.iter_rules()
              if rule.rule.startswith("/api/") for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert served == {(method, shape(path)) for method, path in OPERATIONS}


@pytest.mark.parametrize("path", ["/api/v1/roles", "/api/v1/roles/paramedic"])
def test_an_empty_weak_etag_is_not_a_server_error(client, path):
    # Werkzeug reads W/"" as a tag of None, which the revalidation once fed to a regular expression.
    response = client.get(path, headers={"If-None-Match": 'W/"", "x"'})
    assert response.status_code == 200
