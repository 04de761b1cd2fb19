"""The quiz pages: one question per screen, with or without JavaScript, no account.

Answers live in the visitor's signed cookie (see visitor.py), so Back shows what was chosen and nothing is
stored on the server. With htmx the next question swaps in place; without it every answer is an ordinary
form post.
"""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, Response, abort, redirect, request, url_for

from careercompass import usage
from careercompass.matching.quiz import QUESTIONS, AnswerError, Answers, parse_answers
from careercompass.web import class_seat, fragments, visitor
from careercompass.web.fragments import fragment_view, wants_fragment
from careercompass.web.rendering import render_page
from careercompass.web.resources import db

blueprint = Blueprint("quiz", __name__)


def _step_url(number: int) -> str:
    return url_for("quiz.step", number=number)


@blueprint.get("/quiz")
def start():
    person = visitor.current()
    if "easy" in request.args:
        person = visitor.remember(replace(person, easy_read=request.args.get("easy") == "1"))
    return render_page("quiz/start.html", easy=person.easy_read, question_count=len(QUESTIONS),
                       started=person.started)


@blueprint.route("/quiz/<int:number>", methods=["GET", "POST"])
@fragment_view
def step(number: int):
    if not 1 <= number <= len(QUESTIONS):
        abort(404)
    question = QUESTIONS[number - 1]
    error = None
    if request.method == "POST":
        stored = visitor.current().answers.to_stored()
        if "skip" in request.form:
            stored.pop(question.id, None)
        else:
            value = (request.form.get(question.id, "") if question.kind in ("one", "text")
                     else request.form.getlist(question.id))
            try:
                if question.kind == "many" and len(set(value)) > question.most:
                    raise AnswerError(question.id, f"You can pick up to {question.most}. Untick some, then press "
                                                   f"{'See my jobs' if number == len(QUESTIONS) else 'Next'}.")
                if question.kind == "text":
                    checked = parse_answers({}, value)
                else:
                    checked = parse_answers({question.id: value})
            except AnswerError as problem:
                error = problem.message
            else:
                if question.kind == "text":
                    stored[question.id] = checked.text
                elif question.id not in checked.choices:
                    stored.pop(question.id, None)
                elif question.kind == "one":
                    stored[question.id] = checked.choices[question.id][0]
                else:
                    stored[question.id] = list(checked.choices[question.id])
        if error is None:
            beginning = not visitor.current().started
            person = visitor.remember(replace(visitor.current(), answers=Answers.from_stored(stored)))
            if beginning and person.started:  # the first answer: a bare count, by the area they chose if any
                usage.add_one(db(), "quiz_started", person.near)
            if number == len(QUESTIONS):
                class_seat.note_results()  # a pupil in a class session: their results reach the adviser's board
                return _go(url_for("results.show"))
            return _go(_step_url(number + 1), render_next=number + 1)
    return _render_step(number, error)


def _render_step(number: int, error: str | None = None):
    question = QUESTIONS[number - 1]
    person = visitor.current()
    current = person.answers.to_stored().get(question.id, [] if question.kind == "many" else "")
    body = render_page(
        "quiz/step.html",
        fragment="quiz/_step.html",
        target_id=fragments.QUIZ,
        question=question,
        number=number,
        total=len(QUESTIONS),
        current=current,
        error=error,
        easy=person.easy_read,
    )
    return body, (400 if error else 200)


def _go(url: str, render_next: int | None = None):
    """After an answer: htmx gets the next screen at once; a plain browser is redirected to it."""
    if render_next is not None and wants_fragment(fragments.QUIZ):
        body, status = _render_step(render_next)
        response = Response(body, status=status)
        response.headers["HX-Push-Url"] = url
        return response
    if wants_fragment(fragments.QUIZ):
        response = Response(status=204)
        response.headers["HX-Redirect"] = url
        return response
    return redirect(url, code=303)


@blueprint.post("/quiz/restart")
def restart():
    visitor.remember(replace(visitor.current(), answers=Answers(), dismissed=()))
    return redirect(url_for("quiz.step", number=1), code=303)
