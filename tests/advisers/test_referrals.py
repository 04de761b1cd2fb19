"""Referral to one-to-one support: a young person asks in one short form, gets a reference and a private link, and
can withdraw (deleting everything); under-16s are pointed to school and nothing is kept; only Academy staff see the
hub's queue, where they route, update and close each request."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from careercompass.advisers.referrals import Referral
from careercompass.web.resources import resources
from tests.conftest import signed_in

FORM = {"first_name": "Kai", "contact": "kai@example.org", "area": "LS9", "age_band": "16-18",
        "help_with": "apprenticeship", "more": "I want to be a nurse one day", "needs": "", "consent": "yes"}


@pytest.fixture
def app(people_app):
    return people_app


def stored_count(app) -> int:
    with app.app_context(), resources().session_factory() as database:
        return database.scalar(select(func.count()).select_from(Referral))



def test_asking_gives_a_reference_and_a_private_link_and_withdrawing_deletes_everything(app):
    person = app.test_client()
    before = stored_count(app)
    asked = person.post("/help", data=FORM)
    assert asked.status_code == 303
    page = person.get(asked.headers["Location"]).get_data(as_text=True)
    assert re.search(r"Your reference is <strong>R-[A-Z0-9]{6}</strong>", page)
    assert page.count("kai@example.org") == 0  # the page shows the request, not the contact
    assert stored_count(app) == before + 1
    token = asked.headers["Location"].rsplit("/", 1)[1]
    assert "withdrawn" in person.post(f"/help/{token}/withdraw").get_data(as_text=True)
    assert stored_count(app) == before and person.get(f"/help/{token}").status_code == 404


def test_under_16s_are_pointed_to_school_and_nothing_is_kept(app):
    before = stored_count(app)
    page = app.test_client().post("/help", data=FORM | {"age_band": "under-16"}).get_data(as_text=True)
    assert "careers adviser at your school" in page and "We have not kept anything" in page
    assert stored_count(app) == before


@pytest.mark.parametrize(("changes", "message"), [
    ({"first_name": ""}, "Type your first name"),
    ({"contact": "my house"}, "Type an email address, or a mobile number"),
    ({"area": "12 Acacia Avenue"}, "first part of your postcode"),
    ({"help_with": "money"}, "Choose what you would like help with."),
    ({"consent": ""}, "Tick the box"),
    ({"age_band": ""}, "Choose your age."),
    ({"more": "x" * 501}, "500 letters"),
])
def test_a_bad_request_names_the_problem_keeps_what_was_typed_and_stores_nothing(app, changes, message):
    before = stored_count(app)
    response = app.test_client().post("/help", data=FORM | changes)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and message in html and 'aria-describedby="ask-problem"' in html
    assert stored_count(app) == before


def test_staff_route_a_request_to_a_partner_and_close_it_with_an_outcome(app):
    person = app.test_client()
    token = person.post("/help", data=FORM).headers["Location"].rsplit("/", 1)[1]
    staff = signed_in(app, "staff@example.org")
    queue = staff.get("/staff/referrals").get_data(as_text=True)
    referral_id = int(re.findall(r'href="/staff/referrals/(\d+)"', queue)[-1])
    page = f"/staff/referrals/{referral_id}"
    assert "kai@example.org" in staff.get(page).get_data(as_text=True)  # staff need the contact to help
    refused = staff.post(page, data={"status": "routed", "spoke": "", "outcome": ""})
    assert refused.status_code == 400 and "Choose the partner" in refused.get_data(as_text=True)
    assert staff.post(page, data={"status": "routed", "spoke": "talent-hub", "outcome": ""}).status_code == 303
    assert "Passed to a partner" in person.get(f"/help/{token}").get_data(as_text=True)
    no_outcome = staff.post(page, data={"status": "closed", "spoke": "talent-hub", "outcome": ""})
    assert no_outcome.status_code == 400
    staff.post(page, data={"status": "closed", "spoke": "talent-hub", "outcome": "Started an apprenticeship"})
    assert "updated a referral" in signed_in(app, "admin@example.org").get("/staff/log").get_data(as_text=True)


def test_only_academy_staff_see_requests_for_help(app):
    app.test_client().post("/help", data=FORM)
    visitor, adviser = app.test_client(), signed_in(app, "adviser@example.org")
    for path in ("/staff/referrals", "/staff/referrals/1"):
        assert visitor.get(path).status_code == 302
        assert adviser.get(path).status_code == 403
        assert adviser.post(path, data={"status": "closed", "outcome": "x"}).status_code in (403, 405)
    assert app.test_client().get("/help/not-a-real-token").status_code == 404
