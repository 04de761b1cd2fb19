"""The JSON API checked against its own OpenAPI document."""

from __future__ import annotations

import dataclasses
from urllib.parse import parse_qs, urlsplit

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from sqlalchemy import create_engine

from careercompass import create_app
from careercompass.catalogue.loader import load_catalogue
from careercompass.web.api import ROLES_PER_PAGE, openapi_document
from tests.conftest import CATALOGUE_DIR, staff_area_settings


def response_schema(path: str, status: str) -> Draft202012Validator:
    document = openapi_document()
    schema = document["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    # Refs inside point at #/components/..., so validate against a root that carries the components.
    return Draft202012Validator({**schema, "components": document["components"]})


def test_the_openapi_document_is_valid_and_served(client):
    validate(openapi_document())
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.get_json()["openapi"].startswith("3.1")


def every_page(client, url: str) -> list[dict]:
    """Each page's body, following `next` from `url` until it runs out."""
    bodies = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.get_data(as_text=True)
        bodies.append(response.get_json())
        url = bodies[-1]["next"]
    return bodies


@pytest.mark.parametrize("per_page", [None, 7, 100])
def test_paging_through_the_role_list_gives_every_role_exactly_once(client, per_page):
    first = "/api/v1/roles" + (f"?per_page={per_page}" if per_page else "")
    bodies = every_page(client, first)
    validator = response_schema("/api/v1/roles", "200")
    for body in bodies:
        validator.validate(body)
    catalogue = load_catalogue(CATALOGUE_DIR)
    slugs = [role["slug"] for body in bodies for role in body["roles"]]
    assert len(slugs) == len(set(slugs)) and set(slugs) == {role.slug for role in catalogue.roles}
    size = per_page or ROLES_PER_PAGE
    assert {body["count"] for body in bodies} == {len(catalogue.roles)}
    assert [body["page"] for body in bodies] == list(range(1, bodies[0]["pages"] + 1))
    assert all(len(body["roles"]) == size for body in bodies[:-1]) and 0 < len(bodies[-1]["roles"]) <= size
    assert bodies[0]["previous"] is None and bodies[-1]["next"] is None
    titles = [role["title"] for body in bodies for role in body["roles"]]
    assert titles == sorted(titles)


def test_a_page_says_where_its_neighbours_are_in_the_body_and_the_link_header(client):
    response = client.get("/api/v1/roles?page=2&per_page=10")
    body = response.get_json()
    assert urlsplit(body["next"]).path == "/api/v1/roles"
    assert parse_qs(urlsplit(body["next"]).query) == {"page": ["3"], "per_page": ["10"]}
    assert parse_qs(urlsplit(body["previous"]).query) == {"page": ["1"], "per_page": ["10"]}
    link = response.headers["Link"]
    assert f'<{body["next"]}>; rel="next"' in link and f'<{body["previous"]}>; rel="prev"' in link
    assert 'rel="first"' in link and f'page={body["pages"]}&per_page=10>; rel="last"' in link


def test_the_last_page_is_there_and_one_past_it_is_a_404_that_says_how_many_there_are(client):
    pages = client.get("/api/v1/roles?per_page=100").get_json()["pages"]
    assert client.get(f"/api/v1/roles?per_page=100&page={pages}").status_code == 200
    response = client.get(f"/api/v1/roles?per_page=100&page={pages + 1}")
    assert response.status_code == 404
    response_schema("/api/v1/roles", "404").validate(response.get_json())
    assert f"there are {pages} pages" in response.get_json()["error"]["message"]


@pytest.mark.parametrize(("query", "field"), [
    ("page=0", "page"), ("page=-1", "page"), ("page=two", "page"), ("page=", "page"), ("page=1.5", "page"),
    ("page=%C2%B2", "page"), ("page=100001", "page"),
    ("per_page=0", "per_page"), ("per_page=101", "per_page"), ("per_page=ten", "per_page"),
    ("limit=10", "limit"),
])
def test_bad_paging_parameters_get_a_400_that_names_them(client, query, field):
    response = client.get(f"/api/v1/roles?{query}")
    assert response.status_code == 400
    response_schema("/api/v1/roles", "400").validate(response.get_json())
    message = response.get_json()["error"]["message"]
    assert message.startswith(f"{field}:")
    assert "Cache-Control" not in response.headers and "ETag" not in response.headers


@pytest.mark.parametrize("url", ["/api/v1/roles?page=2&per_page=20", "/api/v1/roles/porter"])
@pytest.mark.parametrize("encoding", [None, "gzip", "br"])
def test_a_copy_still_current_is_revalidated_with_a_304(client, url, encoding):
    headers = {"Accept-Encoding": encoding} if encoding else {}
    first = client.get(url, headers=headers)
    tag = first.headers["ETag"]
    assert first.status_code == 200 and not tag.startswith("W/")
    assert first.headers.get("Content-Encoding") == encoding and (encoding is None or tag.endswith(f':{encoding}"'))
    assert first.headers["Cache-Control"] == "public, max-age=60"
    again = client.get(url, headers={**headers, "If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == tag and again.headers["Cache-Control"] == "public, max-age=60"
    assert "Accept-Encoding" in again.headers["Vary"]
    # The plain tag is good for a compressed request, and the compressed one for a plain request.
    plain = tag.rsplit(":", 1)[0] + '"' if encoding else tag
    assert client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": plain}).status_code == 304
    assert client.get(url, headers={"If-None-Match": f'"other", {tag}'}).status_code == 304


def test_each_page_and_size_has_its_own_etag_and_a_stranger_one_gets_the_body(client):
    tags = {client.get(url).headers["ETag"] for url in
            ["/api/v1/roles", "/api/v1/roles?page=2", "/api/v1/roles?per_page=10", "/api/v1/roles/porter"]}
    assert len(tags) == 4
    for sent in ['"roles-1-nothing"', "*", 'W/"x"']:
        assert client.get("/api/v1/roles", headers={"If-None-Match": sent}).status_code == 200
    assert client.get("/api/v1/roles/astronaut", headers={"If-None-Match": "*"}).status_code == 404


def test_the_etag_changes_when_a_role_is_edited_in_the_database(tmp_path_factory, ready_settings):
    settings = staff_area_settings(tmp_path_factory, ready_settings)
    app = create_app(settings)
    app.config.update(TESTING=True)
    client = app.test_client()
    page = client.get("/api/v1/roles?per_page=100")
    role = client.get("/api/v1/roles/porter")
    engine = create_engine(settings.database_uri)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE roles SET summary = 'Porters move patients and kit about the hospital.' "
                                   "WHERE slug = 'porter'")
    engine.dispose()
    for before, url in [(page, "/api/v1/roles?per_page=100"), (role, "/api/v1/roles/porter")]:
        after = client.get(url, headers={"If-None-Match": before.headers["ETag"]})
        assert after.status_code == 200 and after.headers["ETag"] != before.headers["ETag"]
        assert client.get(url, headers={"If-None-Match": after.headers["ETag"]}).status_code == 304
    assert b"Porters move patients and kit about the hospital." in client.get("/api/v1/roles/porter").data


def test_next_and_previous_use_the_public_address_whatever_the_host_header_says(ready_settings):
    public = "https://careers.example.org"
    app = create_app(dataclasses.replace(ready_settings, public_url=public, trusted_hosts="node1.internal"))
    app.config.update(TESTING=True)
    response = app.test_client().get("/api/v1/roles?page=2&per_page=10", base_url="http://node1.internal")
    body = response.get_json()
    assert body["next"].startswith(f"{public}/api/v1/roles?") and body["previous"].startswith(f"{public}/api/v1/")
    assert all(role["url"].startswith(public) for role in body["roles"])
    assert "node1.internal" not in response.headers["Link"] and response.headers["Link"].count(public) == 4


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
    response = client.put("/api/v1/roles")
    assert response.status_code == 405 and response.get_json()["error"]["status"] == 405


def post_schema(path: str, status: str) -> Draft202012Validator:
    document = openapi_document()
    schema = document["paths"][path]["post"]["responses"][status]["content"]["application/json"]["schema"]
    return Draft202012Validator({**schema, "components": document["components"]})


def test_the_quiz_is_described(client):
    body = client.get("/api/v1/quiz").get_json()
    response_schema("/api/v1/quiz", "200").validate(body)
    assert body["questions"][0]["options"]


def test_a_match_returns_explained_results_that_respect_dealbreakers(client):
    body = client.post("/api/v1/match", json={
        "answers": {"activities": ["caring"], "dealbreakers": ["driving"]},
        "interests": "I like helping people but I can't do weekends",
        "limit": 5,
    }).get_json()
    post_schema("/api/v1/match", "200").validate(body)
    assert len(body["results"]) == 5 and all(r["reasons"] for r in body["results"])
    assert body["dealbreakers"] == ["driving", "nights-weekends"]
    assert body["understood"]["dealbreakers_from_text"] == ["nights-weekends"]


def test_a_match_says_how_strong_each_result_is_and_what_was_understood(client):
    body = client.post("/api/v1/match", json={
        "interests": "i want to be a nurce but blood makes me dizzy, im in year 10", "limit": 5}).get_json()
    post_schema("/api/v1/match", "200").validate(body)
    assert all(r["strength"] in {"Strong match", "Good match", "Worth a look"} and r["strength_why"]
               for r in body["results"])
    understood = body["understood"]
    assert {"typed": "nurce", "read_as": "nurse"} in understood["spelling"]
    assert [said["dealbreaker"] for said in understood["said_no_to"]] == ["blood-and-needles"]
    assert understood["stage"] == "pupil" and understood["no_meaning"] is False


def test_a_match_on_words_without_meaning_says_so(client):
    body = client.post("/api/v1/match", json={"interests": "idk"}).get_json()
    assert body["understood"]["no_meaning"] is True
    assert {r["strength"] for r in body["results"]} == {"Worth a look"}


def test_a_wish_with_no_job_here_is_named(client):
    body = client.post("/api/v1/match", json={"interests": "i love animals"}).get_json()
    assert body["understood"]["wishes_with_no_job_here"] == ["animals"]


def test_a_match_with_nothing_answered_still_works(client):
    body = client.post("/api/v1/match", json={}).get_json()
    assert len(body["results"]) == 10


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"answers": {"activities": ["juggling"]}}, "activities"),
        ({"answers": {"people": ["lots", "some"]}}, "people"),
        ({"answers": "lots"}, "answers"),
        ({"limit": 0}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"interests": "x" * 600}, "interests"),
        ({"exclude": "porter"}, "exclude"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_a_bad_match_request_is_a_400_naming_the_field(client, payload, field):
    response = client.post("/api/v1/match", json=payload)
    assert response.status_code == 400
    post_schema("/api/v1/match", "400").validate(response.get_json())
    assert response.get_json()["error"]["message"].startswith(field)


@pytest.mark.parametrize("body", ["not json", "[1, 2]", ""])
def test_a_match_request_that_is_not_an_object_is_a_400(client, body):
    response = client.post("/api/v1/match", data=body, content_type="application/json")
    assert response.status_code == 400 and "JSON object" in response.get_json()["error"]["message"]


@pytest.mark.parametrize("text", ["<script>alert(1)</script> I like art", "🎨🎶 drawing", "Я люблю рисовать",
                                  "' OR 1=1 --", "\u0001\u0007 caring"])
def test_odd_free_text_is_handled_safely(client, text):
    response = client.post("/api/v1/match", json={"interests": text})
    assert response.status_code == 200 and len(response.get_json()["results"]) == 10


def test_a_nul_character_is_refused_with_a_message(client):
    response = client.post("/api/v1/match", json={"interests": "\u0000 caring"})
    assert response.status_code == 400 and "NUL" in response.get_json()["error"]["message"]


def test_search_finds_roles_with_scores_facets_and_a_spelling_suggestion(client):
    body = client.get("/api/v1/search?q=nurese&route=degree").get_json()
    response_schema("/api/v1/search", "200").validate(body)
    assert body["suggestion"] == "nurse" and body["total"] == len(body["results"]) or body["total"] > 20
    assert all(result["matched_by"] in ("words", "some words", "meaning") for result in body["results"])
    assert body["results"][0]["score"] == 1.0
    assert body["facets"]["route"]["degree"] == body["total"]


def test_search_with_filters_only_lists_a_to_z(client):
    body = client.get("/api/v1/search?route=no-qualifications&shift=nights&limit=50").get_json()
    response_schema("/api/v1/search", "200").validate(body)
    titles = [result["title"] for result in body["results"]]
    assert titles == sorted(titles, key=str.casefold) and all(r["matched_by"] == "filters" for r in body["results"])


@pytest.mark.parametrize(("query", "field"), [
    ("route=wizardry", "“wizardry”"),
    ("colour=blue", "colour"),
    ("limit=0", "limit"),
    ("limit=abc", "limit"),
    ("offset=-1", "offset"),
    ("q=" + "a" * 201, "q"),
])
def test_bad_search_parameters_get_a_400_that_names_them(client, query, field):
    response = client.get(f"/api/v1/search?{query}")
    assert response.status_code == 400
    response_schema("/api/v1/search", "400").validate(response.get_json())
    assert field in response.get_json()["error"]["message"]


@pytest.mark.parametrize("text", ['"', "nurse AND (", "title:porter*", "~~~", "🙂", "   ", "%00"])
def test_query_syntax_in_a_search_is_never_an_error(client, text):
    response = client.get("/api/v1/search", query_string={"q": text})
    assert response.status_code == 200
    response_schema("/api/v1/search", "200").validate(response.get_json())


def test_search_reports_the_wishes_it_read_and_any_it_dropped(client):
    body = client.get("/api/v1/search", query_string={"q": "nursing without a degree", "limit": 50}).get_json()
    response_schema("/api/v1/search", "200").validate(body)
    assert body["words"] == "nursing" and body["relaxed"] is None
    assert body["understood"] == [{"wish": "no-degree", "label": "Without a degree", "query_without": "nursing",
                                   "filters": [{"filter": "degree", "values": ["not-needed"], "exclude": False}]}]
    for result in body["results"]:
        role = client.get(f"/api/v1/roles/{result['slug']}").get_json()
        assert not role["needs_a_degree"]
    dropped = client.get("/api/v1/search?q=paramedic+no+nights+no+degree").get_json()
    response_schema("/api/v1/search", "200").validate(dropped)
    assert dropped["relaxed"]["wish"] == "no-nights" and "showing ones with nights" in dropped["relaxed"]["message"]
    assert dropped["total"] >= 3 and [u["wish"] for u in dropped["understood"]] == ["no-degree"]


def test_no_nights_said_in_words_is_kept_by_every_result(client):
    body = client.get("/api/v1/search?q=nights+free+jobs&limit=50").get_json()
    assert body["total"] >= 3
    for result in body["results"]:
        role = client.get(f"/api/v1/roles/{result['slug']}").get_json()
        assert not {"nights", "on-call"} & set(role["shift_patterns"])


def test_a_role_in_full_carries_every_fact_a_filter_or_wish_rests_on(client):
    body = client.get("/api/v1/roles/phlebotomist").get_json()
    assert "blood-and-needles" in body["involves"]
    assert {"entry_routes", "shift_patterns", "driving_licence_needed", "minimum_age", "earn_while_you_learn",
            "patient_facing", "sector", "settings", "nhs_band_group", "needs_a_degree"} <= set(body)
    assert body["settings"] and body["nhs_band_group"] in {"2", "3", "4"} and body["needs_a_degree"] is False


def test_lookup_links_an_employers_job_title_to_a_role(client):
    body = client.get("/api/v1/roles/lookup", query_string={"title": "Band 6 Sister - Ward 7"}).get_json()
    response_schema("/api/v1/roles/lookup", "200").validate(body)
    assert body["role"]["slug"] == "ward-manager" and body["band"] == 6 and body["confidence"] >= 0.7
    assert body["understood"] == "sister" and body["alternatives"]


def test_lookup_of_nonsense_has_low_or_no_confidence(client):
    body = client.get("/api/v1/roles/lookup?title=qqqq+xxxx").get_json()
    response_schema("/api/v1/roles/lookup", "200").validate(body)
    assert body["role"] is None and body["confidence"] == 0.0


@pytest.mark.parametrize("query", ["", "title=", "title=" + "a" * 201])
def test_lookup_without_a_usable_title_is_a_400(client, query):
    response = client.get(f"/api/v1/roles/lookup?{query}")
    assert response.status_code == 400 and "title" in response.get_json()["error"]["message"]
