"""Hand-off: a young person gives their code to an adviser, who adds notes and next steps they then see; only that
adviser (or an admin) sees the notes page, and bad input is named."""

from __future__ import annotations

import re

import pytest

from tests.conftest import signed_in


@pytest.fixture
def app(people_app):
    return people_app



def saved_code(app, words="i like helping people and science", keep_words=False) -> tuple[object, str]:
    person = app.test_client()
    with person.session_transaction() as cookie:
        cookie["quiz_answers"] = {"activities": ["caring"], "stage": "16-18", "interests": words}
    response = person.post("/results/save", data={"keep_words": "yes"} if keep_words else {})
    return person, response.headers["Location"].rsplit("/", 1)[1]


def test_an_adviser_adds_notes_and_steps_that_the_person_then_sees_and_prints_a_plan(app):
    person, code = saved_code(app, keep_words=True)
    adviser = signed_in(app, "adviser@example.org")
    opened = adviser.post("/adviser/codes", data={"code": f" {code[:3].lower()} {code[3:]} "})
    assert opened.status_code == 303 and opened.headers["Location"].endswith(f"/adviser/codes/{code}")
    page = adviser.get(f"/adviser/codes/{code}").get_data(as_text=True)
    assert "i like helping people and science" in page  # they chose to share their words
    saved = adviser.post(f"/adviser/codes/{code}", data={"notes": "You were great today. Try the blood test taster.",
                                                         "what-1": "Book the taster at the Academy",
                                                         "by-1": "2027-01-15", "what-2": "Ask college about the Health T Level"})
    assert saved.status_code == 303
    mine = person.get(f"/s/{code}").get_data(as_text=True)
    assert "From your careers adviser" in mine and "Book the taster at the Academy, by 2027-01-15" in mine
    plan = adviser.get(f"/adviser/codes/{code}/plan").get_data(as_text=True)
    assert "My action plan" in plan and "2027-01-15" in plan and "A taster to book" in plan
    assert re.search(r"Jobs I am looking at.*?<li><strong>", plan, re.S)


def test_words_not_shared_stay_hidden_from_the_adviser(app):
    _, code = saved_code(app, words="my private words about home")
    adviser = signed_in(app, "adviser@example.org")
    adviser.post("/adviser/codes", data={"code": code})
    page = adviser.get(f"/adviser/codes/{code}").get_data(as_text=True)
    assert "my private words" not in page and "did not choose to share" in page


@pytest.mark.parametrize(("form", "message"), [
    ({"what-1": "Book a taster", "by-1": "next week"}, "Step 1: give the date as 2027-01-31."),
    ({"by-2": "2027-01-01"}, "Step 2: say what to do"),
    ({"notes": "x" * 2001}, "Keep the notes to 2,000 letters."),
])
def test_bad_notes_are_named_and_nothing_is_saved(app, form, message):
    person, code = saved_code(app)
    adviser = signed_in(app, "staff@example.org")
    adviser.post("/adviser/codes", data={"code": code})
    response = adviser.post(f"/adviser/codes/{code}", data=form)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert "From your careers adviser" not in person.get(f"/s/{code}").get_data(as_text=True)


def test_only_the_adviser_given_the_code_sees_its_notes_page(app):
    _, code = saved_code(app)
    adviser = signed_in(app, "adviser@example.org")
    adviser.post("/adviser/codes", data={"code": code})
    someone_else, admin, visitor = signed_in(app, "staff@example.org"), signed_in(app, "admin@example.org"), \
        app.test_client()
    for path in (f"/adviser/codes/{code}", f"/adviser/codes/{code}/plan"):
        assert someone_else.get(path).status_code == 404  # until they are given the code and type it in
        assert admin.get(path).status_code == 200
        assert visitor.get(path).status_code == 302
    assert someone_else.post(f"/adviser/codes/{code}", data={"notes": "mine now"}).status_code == 404
    assert f"/adviser/codes/{code}" not in someone_else.get("/adviser/codes").get_data(as_text=True)
    wrong = adviser.post("/adviser/codes", data={"code": "ZZZZZZ"})
    assert wrong.status_code == 400 and "could not find that code" in wrong.get_data(as_text=True)
