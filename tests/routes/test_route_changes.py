"""Staff put right a route's start dates, cost, entry and Leeds providers; the change holds through `init` until the
catalogue file changes that fact; bad input is named; only staff may do it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from careercompass.catalogue import route_changes
from careercompass.catalogue.loader import load_catalogue
from careercompass.catalogue.models import Route, RouteChange
from careercompass.catalogue.store import save_catalogue
from careercompass.database import transaction
from tests.conftest import SMALL_CATALOGUE_DIR, signed_in

COLLEGE = {"name": "Leeds City College", "place": "Quarry Hill", "url": "https://example.ac.uk/health-t-level"}
PAGE = "https://example.ac.uk/health-t-level"


@pytest.fixture
def factory(small_catalogue_factory):
    return small_catalogue_factory


def test_a_change_holds_through_a_reload_until_the_file_changes_that_fact(factory):
    catalogue = load_catalogue(SMALL_CATALOGUE_DIR)
    with transaction(factory) as session:
        changed = route_changes.change_route(session, "t-level-health", {"starts": "September 2027",
                                                                         "providers": [COLLEGE]}, PAGE, by="s@x.org")
        assert changed == ["providers", "starts"]
    with transaction(factory) as session:
        save_catalogue(session, catalogue)  # init again, files unchanged: staff's facts stay
    with factory() as session:
        route = session.get(Route, "t-level-health")
        assert route.starts == "September 2027" and route.providers == [COLLEGE]
        assert [s["url"] for s in route.sources].count(PAGE) == 2  # one source line per changed fact, not repeated
    edited = catalogue.routes["t-level-health"].model_copy(update={"starts": "January"})
    with transaction(factory) as session:
        save_catalogue(session, replace(catalogue, routes=catalogue.routes | {"t-level-health": edited}))
    with factory() as session:
        route = session.get(Route, "t-level-health")
        assert route.starts == "January"  # the file was edited since: it takes over
        assert route.providers == [COLLEGE]  # the provider change still holds: the file did not touch providers
        assert [c.field for c in session.query(RouteChange)] == ["providers"]


BAD_CHANGES = [({"starts": "May"}, "", "source_url"), ({"starts": "May"}, "http://example.org/x", "source_url"),
               ({"cost": "x"}, PAGE, "cost"), ({"starts": "y" * 201}, PAGE, "starts"),
               ({"summary": "New words"}, PAGE, "summary")]


def test_a_bad_change_is_named_and_changes_nothing(factory):
    with factory() as session:
        before = session.get(Route, "t-level-health").starts
        for values, source, field in BAD_CHANGES:  # one database for all the cases
            with pytest.raises(route_changes.RouteChangeProblem) as problem:
                route_changes.change_route(session, "t-level-health", values, source, by="s@x.org")
            assert problem.value.field == field, values
            session.rollback()
            assert session.get(Route, "t-level-health").starts == before and session.query(RouteChange).count() == 0


@pytest.mark.parametrize("text", ["Leeds City College | Quarry Hill", "A | B | www.example.org",
                                  "A | | https://example.org", "\n".join(["A | B | https://e.org"] * 13)])
def test_provider_lines_must_each_have_a_name_a_place_and_a_secure_address(text):
    with pytest.raises(route_changes.RouteChangeProblem):
        route_changes.read_providers(text)


def test_provider_lines_read_back_to_the_same_text():
    text = "Leeds City College | Quarry Hill | https://example.ac.uk/a\nNotre Dame | Woodhouse | https://nd.ac.uk/b"
    assert route_changes.providers_text(route_changes.read_providers(text + "\n\n")) == text


@pytest.fixture
def routes_app(people_app):
    return people_app



def test_staff_change_a_provider_in_the_browser_form_and_the_job_pages_show_it(routes_app):
    client = signed_in(routes_app, "staff@example.org")
    assert "Health T Level" in client.get("/staff/routes").get_data(as_text=True)
    form = {"starts": "September 2027", "cost": "Free if you start at 16, 17 or 18.",
            "entry": "Most colleges ask for five GCSEs at grade 4 or above, including English and maths.",
            "providers": "Leeds City College | Quarry Hill | https://example.ac.uk/health-t-level",
            "source_url": PAGE}
    saved = client.post("/staff/routes/t-level-health", data=form)
    assert saved.status_code == 303
    assert "Saved: When it starts, Who runs it in Leeds" in client.get(saved.headers["Location"]).get_data(as_text=True)
    [route] = [r for r in routes_app.test_client().get("/api/v1/routes?role=care-worker&type=t-level").get_json()["routes"]
               if r["id"] == "t-level-health"]
    assert route["starts"] == "September 2027" and route["providers"][0]["place"] == "Quarry Hill"
    assert PAGE in [s["url"] for s in route["sources"]]
    log = signed_in(routes_app, "admin@example.org").get("/staff/log").get_data(as_text=True)
    assert "changed a route" in log


def test_a_bad_provider_line_is_named_on_the_form_and_keeps_what_was_typed(routes_app):
    client = signed_in(routes_app, "staff@example.org")
    response = client.post("/staff/routes/t-level-health", data={"starts": "", "cost": "Free.", "entry": "Five GCSEs.",
                                                                 "providers": "Just a name", "source_url": PAGE})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "Line 1: write the name, the place and the web address" in html
    assert "Just a name" in html and 'aria-invalid="true"' in html


@pytest.mark.parametrize("path", ["/staff/routes", "/staff/routes/t-level-health"])
def test_only_staff_change_routes(routes_app, path):
    assert routes_app.test_client().get(path).status_code == 302
    assert routes_app.test_client().post(path, data={"cost": "Free."}).status_code in (302, 405)
    adviser = signed_in(routes_app, "adviser@example.org")
    assert adviser.get(path).status_code == 403
    assert adviser.post("/staff/routes/t-level-health", data={"cost": "Free.", "source_url": PAGE}).status_code == 403
