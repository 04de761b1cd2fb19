"""Jobs in Leeds now: on each role page, on their own page and in the API, with "near me" kept in the cookie.

The shared test app is the embedded default, so `init` loaded the sample vacancies, and every page says they are
samples.
"""

from __future__ import annotations

import re
from html import unescape

from tests.web.test_api import response_schema

SAMPLE_NOTICE = "These are sample vacancies, not real jobs."


def test_a_role_page_shows_its_open_jobs_nearest_to_ls9_first(client):
    html = client.get("/roles/phlebotomist?near=LS9").get_data(as_text=True)
    section = html[html.index('id="jobs-heading"'):html.index('id="tasters-heading"')]
    assert SAMPLE_NOTICE in section
    assert re.search(r"\d+ jobs? (is|are) open now\. Nearest to LS9 first\.", section)
    distances = [int(km) for km in re.findall(r"about (\d+) km", section)]
    assert distances and distances == sorted(distances)
    assert 'rel="external noopener"' in section and "opens the advert on another website" in section


def test_the_place_is_remembered_in_the_cookie_and_can_be_cleared(client):
    client.get("/roles/phlebotomist?near=ls9%207tf")  # a full postcode: only its district is kept
    with client.session_transaction() as cookie:
        assert cookie["near"] == "LS9"
    assert "Nearest to LS9 first" in client.get("/roles/phlebotomist").get_data(as_text=True)
    client.get("/vacancies?near=")
    with client.session_transaction() as cookie:
        assert "near" not in cookie


def test_a_place_that_is_not_in_leeds_is_explained_not_an_error(client):
    response = client.get("/vacancies?near=Narnia")
    assert response.status_code == 200
    assert "We could not find “Narnia” in Leeds" in response.get_data(as_text=True)


def test_a_role_with_no_open_jobs_points_to_the_ways_in(client):
    html = client.get("/roles/neurosurgeon").get_data(as_text=True)
    assert "No brain surgeon jobs are open in Leeds right now" in html and "ways in above" in html


def test_the_jobs_page_filters_and_says_every_job_is_a_sample(client):
    html = client.get("/vacancies?role=phlebotomist").get_data(as_text=True)
    assert SAMPLE_NOTICE in html and "Phlebotomist jobs in Leeds now" in html
    assert "Phlebotomist" in html
    apprenticeships = client.get("/vacancies?apprenticeship=yes").get_data(as_text=True)
    assert "Apprenticeship: earn while you learn" in apprenticeships
    nothing = client.get("/vacancies?role=neurosurgeon").get_data(as_text=True)
    assert "No jobs open right now for brain surgeon" in nothing


def test_the_vacancies_api_matches_its_schema_and_sorts_by_distance(client):
    body = client.get("/api/v1/vacancies?near=LS9&within_km=10&limit=50").get_json()
    response_schema("/api/v1/vacancies", "200").validate(body)
    distances = [v["distance_km"] for v in body["vacancies"]]
    assert body["count"] > 0 and distances == sorted(distances) and max(distances) <= 10
    assert all(v["url"].startswith("https://www.example.org/sample-vacancies/") for v in body["vacancies"])


def test_the_role_api_counts_open_vacancies(client):
    assert client.get("/api/v1/roles/phlebotomist").get_json()["open_vacancies"] >= 1
    assert client.get("/api/v1/roles/neurosurgeon").get_json()["open_vacancies"] == 0


def test_bad_vacancy_parameters_are_named(client):
    for query, field in [("band=12", "band"), ("role=astronaut", "role"), ("near=Narnia", "near"),
                         ("within_km=5", "within_km"), ("near=LS9&within_km=-1", "within_km"), ("colour=red", "colour"),
                         ("limit=0", "limit")]:
        response = client.get(f"/api/v1/vacancies?{query}")
        assert response.status_code == 400 and response.get_json()["error"]["message"].startswith(f"{field}:"), query


def test_results_say_how_many_jobs_are_open_for_each_role(form_client):
    with form_client.session_transaction() as cookie:
        cookie["quiz_answers"] = {"interests": "taking blood from people, like a phlebotomist"}
    html = form_client.get("/results").get_data(as_text=True)
    shown = re.findall(r'href="/roles/([a-z0-9-]+)\?from=results"', html)
    assert "phlebotomist" in shown
    phlebotomist = html[html.index('href="/roles/phlebotomist?from=results"'):]
    phlebotomist = phlebotomist[:phlebotomist.index("result__dismiss")]
    api = form_client.get("/api/v1/roles/phlebotomist").get_json()["open_vacancies"]
    assert f"{api} job{'s' if api != 1 else ''} open in Leeds now" in phlebotomist and api >= 1


def test_words_search_the_jobs_best_match_first(client):
    html = client.get("/vacancies?q=phlebotomist").get_data(as_text=True)
    assert "for “phlebotomist”" in html
    titles = re.findall(r'rel="external noopener"[^>]*>([^<]+)<', html)
    assert titles and all("phlebotom" in t.lower() for t in titles[:3])
    body = client.get("/api/v1/vacancies?q=porter").get_json()
    assert body["count"] >= 1 and "porter" in body["vacancies"][0]["title"].lower()
    assert client.get("/api/v1/vacancies?q=" + "x" * 201).status_code == 400


def test_a_misspelt_search_is_fixed_from_the_catalogue_words_and_says_so(client):
    html = unescape(client.get("/vacancies?q=phlebotimist").get_data(as_text=True))
    assert "No job had all the words “phlebotimist”, so we looked for “phlebotomist”." in html
    titles = re.findall(r'rel="external noopener"[^>]*>([^<]+)<', html)
    assert titles and "phlebotom" in titles[0].lower()
    body = client.get("/api/v1/vacancies?q=phlebotimist").get_json()
    response_schema("/api/v1/vacancies", "200").validate(body)
    assert body["corrected"] == "phlebotomist" and body["count"] >= 1
    assert "corrected" not in client.get("/api/v1/vacancies?q=phlebotomist").get_json()
