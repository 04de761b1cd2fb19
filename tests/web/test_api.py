"""The JSON API checked against its own OpenAPI document."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from careercompass.catalogue.loader import load_catalogue
from careercompass.web.api import openapi_document
from tests.conftest import CATALOGUE_DIR


def response_schema(path: str, status: str) -> Draft202012Validator:
    document = openapi_document()
    schema = document["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    # Refs inside point at #/components/..., so validate against a root that carries the components.
    return Draft202012Validator({**schema, "components": document["components"]})


def test_the_openapi_document_is_valid_and_served(client):
    validate(openapi_document())
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.get_json()["openapi"].startswith("3.1")


def test_the_role_list_matches_its_schema_and_has_every_role(client):
    body = client.get("/api/v1/roles").get_json()
    response_schema("/api/v1/roles", "200").validate(body)
    catalogue = load_catalogue(CATALOGUE_DIR)
    assert body["count"] == len(body["roles"]) == len(catalogue.roles)
    assert {role["slug"] for role in body["roles"]} == {role.slug for role in catalogue.roles}


def test_every_role_in_full_matches_its_schema(client):
    validator = response_schema("/api/v1/roles/{slug}", "200")
    for role in load_catalogue(CATALOGUE_DIR).roles:
        body = client.get(f"/api/v1/roles/{role.slug}").get_json()
        validator.validate(body)
        assert body["title"] == role.title


def test_a_role_in_full_carries_its_ladder_and_sources(client):
    body = client.get("/api/v1/roles/senior-care-worker").get_json()
    assert "care-worker" in [r["slug"] for r in body["career_ladder"]["comes_after"]]
    assert "care-team-leader" in [r["slug"] for r in body["career_ladder"]["leads_to"]]
    assert body["sources"] and body["pay"]["year"]


@pytest.mark.parametrize("slug", ["astronaut", "PORTER", "porter%00", "a" * 300])
def test_an_unknown_role_is_a_json_404(client, slug):
    response = client.get(f"/api/v1/roles/{slug}")
    assert response.status_code == 404
    body = response.get_json()
    response_schema("/api/v1/roles/{slug}", "404").validate(body)
    assert body["error"]["status"] == 404


def test_an_unknown_api_path_is_json_too(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.is_json


def test_a_wrong_method_is_a_json_405(client):
    response = client.post("/api/v1/roles")
    assert response.status_code == 405 and response.get_json()["error"]["status"] == 405
