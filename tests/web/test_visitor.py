"""The visitor's cookie: answers kept in their stored form, and any unexpected shape starts a fresh visit."""

from __future__ import annotations

import pytest

from careercompass.matching.quiz import AnswerError, Answers, parse_answers
from careercompass.web import visitor


def test_answers_survive_their_stored_form():
    answers = parse_answers({"activities": ["fixing", "computers"], "people": "behind"}, "I like bikes")
    stored = answers.to_stored()
    assert stored == {"activities": ["fixing", "computers"], "people": "behind", "interests": "I like bikes"}
    assert Answers.from_stored(stored) == answers
    assert Answers.from_stored({}) == Answers()


@pytest.mark.parametrize("stored", [
    ["activities"], "fixing", 7, None,
    {"activities": "fixing"},  # a pick-many answer kept as one id
    {"people": ["lots"]},  # a pick-one answer kept as a list
    {"activities": [1, 2]}, {"activities": ["juggling"]}, {"wizardry": "yes"}, {"interests": ["bikes"]},
])
def test_an_unexpected_stored_form_is_an_answer_error(stored):
    with pytest.raises(AnswerError):
        Answers.from_stored(stored)


BAD_COOKIES = {
    "answers as a list": {visitor.ANSWERS_KEY: ["activities", "fixing"]},
    "answers of an older quiz": {visitor.ANSWERS_KEY: {"hobbies": ["football"]}},
    "an answer of the wrong type": {visitor.ANSWERS_KEY: {"activities": {"fixing": True}}},
    "dismissed as a number": {visitor.DISMISSED_KEY: 3},
    "dismissed holding numbers": {visitor.DISMISSED_KEY: [1, 2]},
    "easy read as a dict": {visitor.EASY_KEY: {"on": True}},
    "easy read as text": {visitor.EASY_KEY: "yes"},
    "a reference that is not one of ours": {visitor.FEEDBACK_KEY: ["ab"]},
    "a reference with odd letters": {visitor.FEEDBACK_KEY: "<script>"},
    "a place that is not text": {visitor.NEAR_KEY: ["LS9"]},
    "a place far too long": {visitor.NEAR_KEY: "LS9" * 40},
}
VISITOR_PAGES = [
    ("get", "/quiz"), ("get", "/quiz?easy=1"), ("get", "/quiz/1"), ("post", "/quiz/1"), ("post", "/quiz/restart"),
    ("get", "/results"), ("post", "/results/not-for-me"), ("post", "/results/why-not"), ("post", "/results/shown"),
    ("post", "/results/save"), ("get", "/roles/porter?from=results"), ("get", "/vacancies"),
]
FORMS = {"/quiz/1": {"activities": "caring"}, "/results/not-for-me": {"slug": "porter"},
         "/results/why-not": {"reason": "shifts"}, "/results/shown": {"shown": "0" * 16}}


@pytest.mark.parametrize("cookie", list(BAD_COOKIES))
@pytest.mark.parametrize(("method", "url"), VISITOR_PAGES)
def test_a_cookie_of_an_unexpected_shape_starts_a_fresh_visit(form_client, cookie, method, url):
    with form_client.session_transaction() as session:
        session.update({"csrf_token": "kept", **BAD_COOKIES[cookie]})
    response = getattr(form_client, method)(url, data=FORMS.get(url.split("?")[0]))
    assert response.status_code in (200, 204, 303), response.status_code
    with form_client.session_transaction() as session:
        for key, value in BAD_COOKIES[cookie].items():
            assert session.get(key) != value
        assert session["csrf_token"] == "kept"  # only the visitor's own keys are dropped


def test_a_fresh_visit_after_a_bad_cookie_works_as_for_a_newcomer(form_client):
    with form_client.session_transaction() as session:
        session[visitor.ANSWERS_KEY] = ["not", "a", "dict"]
    html = form_client.get("/results").get_data(as_text=True)
    assert "You have not answered any questions yet" in html
    assert form_client.post("/quiz/1", data={"activities": "caring"}).status_code == 303
    assert "You said you like looking after people" in form_client.get("/results").get_data(as_text=True)


def test_an_older_versions_good_cookie_still_reads(form_client):
    """Cookies written before the visitor had its own module keep their answers."""
    with form_client.session_transaction() as session:
        session.update({"quiz_answers": {"activities": ["caring"], "interests": "I like fixing bikes"},
                        "not_for_me": ["porter"], "easy_read": True, "feedback_ref": "0123456789abcdef"})
    html = form_client.get("/results").get_data(as_text=True)
    assert 'value="porter"' not in html and 'class="easy-facts"' in html  # dismissed jobs and easy read kept
    assert 'class="quiz-intro easy"' in form_client.get("/quiz").get_data(as_text=True)
    standard = form_client.get("/results?easy=0").get_data(as_text=True)
    assert "I like fixing bikes" in standard  # the words were kept and read


def test_a_shortlist_saved_by_an_older_quiz_carries_on_without_its_odd_answers(form_client, form_app):
    from careercompass.advisers.shortlists import save_shortlist
    from careercompass.web.resources import resources

    with form_app.app_context(), resources().session_factory() as database:
        code = save_shortlist(database, answers={"hobbies": ["football"]}, matches=[], not_for_me=[5]).code
        database.commit()
    assert form_client.post(f"/s/{code}/continue").status_code == 303
    assert form_client.get("/results").status_code == 200
