"""The quiz as a browser without JavaScript uses it: form posts, redirects, Back, results, not for me."""

from __future__ import annotations

import re
from html import unescape

import pytest

from careercompass.matching.quiz import QUESTIONS

HTMX = {"HX-Request": "true"}


def test_forms_carry_a_csrf_token_and_posts_without_one_are_refused(client):
    html = client.get("/quiz/1").get_data(as_text=True)
    assert 'name="csrf_token"' in html
    assert client.post("/quiz/1", data={"activities": "fixing"}).status_code == 400


def test_answering_every_question_leads_to_ten_explained_results(form_client):
    answers = {"activities": ["fixing", "computers"], "people": "behind", "study": "asap",
               "interests": "I like fixing bikes and gaming"}
    for number, question in enumerate(QUESTIONS, start=1):
        data = {question.id: answers[question.id]} if question.id in answers else {"skip": "1"}
        response = form_client.post(f"/quiz/{number}", data=data)
        assert response.status_code == 303
        expected = f"/quiz/{number + 1}" if number < len(QUESTIONS) else "/results"
        assert response.headers["Location"].endswith(expected)
    html = form_client.get("/results").get_data(as_text=True)
    assert html.count('class="card result') == 10
    assert "You wrote “I like fixing bikes and gaming”" in html
    assert "What this can't tell you" in html


def test_back_shows_the_answer_already_given(form_client):
    form_client.post("/quiz/1", data={"activities": ["science", "puzzles"]})
    html = form_client.get("/quiz/1").get_data(as_text=True)
    assert re.search(r'value="science" checked', html) and re.search(r'value="puzzles" checked', html)
    assert "Question 1 of" in html


def test_back_shows_a_single_choice_already_given(form_client):
    form_client.post("/quiz/3", data={"people": "behind"})
    html = form_client.get("/quiz/3").get_data(as_text=True)
    assert re.search(r'value="behind" checked', html)


def test_a_bad_answer_is_explained_on_the_same_screen(form_client):
    response = form_client.post("/quiz/1", data={"activities": ["juggling"]})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "There is a problem" in html
    assert "'juggling' is not allowed" in unescape(html)


def test_htmx_gets_the_next_question_in_place(form_client):
    response = form_client.post("/quiz/1", data={"activities": "fixing"}, headers={**HTMX, "HX-Target": "quiz"})
    assert response.status_code == 200
    assert response.headers["HX-Push-Url"].endswith("/quiz/2")
    html = response.get_data(as_text=True)
    assert "<html" not in html and "Question 2 of" in html


def test_not_for_me_swaps_the_role_and_asks_why(form_client):
    form_client.post("/quiz/1", data={"activities": "caring"})
    first = re.search(r'name="slug" value="([a-z-]+)"', form_client.get("/results").get_data(as_text=True)).group(1)
    response = form_client.post("/results/not-for-me", data={"slug": first},
                                headers={**HTMX, "HX-Target": "results-list"})
    html = response.get_data(as_text=True)
    assert f'value="{first}"' not in html and "Can you tell us why" in html
    assert html.count('class="card result') == 10
    form_client.post("/results/why-not", data={"reason": "blood"})
    assert "You said you like looking after people" in form_client.get("/results").get_data(as_text=True)


def test_why_not_adds_a_dealbreaker(form_client):
    form_client.post("/results/why-not", data={"reason": "shifts"})
    with form_client.session_transaction() as session:
        assert session["quiz_answers"]["dealbreakers"] == ["nights-weekends"]


@pytest.mark.parametrize(("url", "data"), [("/results/not-for-me", {"slug": "astronaut"}),
                                          ("/results/why-not", {"reason": "aliens"})])
def test_odd_posts_get_a_clear_400(form_client, url, data):
    response = form_client.post(url, data=data)
    assert response.status_code == 400 and "<html" in response.get_data(as_text=True)


def test_restart_clears_the_answers(form_client):
    form_client.post("/quiz/1", data={"activities": "caring"})
    assert form_client.post("/quiz/restart").status_code == 303
    assert " checked>" not in form_client.get("/quiz/1").get_data(as_text=True)


def test_easy_read_uses_fewer_words(client):
    client.get("/quiz?easy=1")
    html = client.get("/quiz/1").get_data(as_text=True)
    assert "What do you like doing?" in html and 'class="quiz-step easy"' in html


def test_an_unknown_step_is_a_404(client):
    assert client.get(f"/quiz/{len(QUESTIONS) + 1}").status_code == 404
    assert client.get("/quiz/0").status_code == 404
