"""The quiz pages and the results: one question per screen, with or without JavaScript, no account.

Answers live in the signed session cookie, so Back shows what was chosen and nothing is stored on the
server. With htmx the next question swaps in place; without it every answer is an ordinary form post.
"""

from __future__ import annotations

import secrets

from flask import Blueprint, Response, abort, redirect, request, session, url_for

from careercompass.catalogue import queries
from careercompass.matching import feedback
from careercompass.matching.engine import match as run_match
from careercompass.matching.quiz import QUESTIONS, QUESTIONS_BY_ID, AnswerError, parse_answers
from careercompass.web.rendering import render_page, wants_fragment
from careercompass.web.resources import db, resources

blueprint = Blueprint("quiz", __name__)

ANSWERS_KEY = "quiz_answers"
DISMISSED_KEY = "not_for_me"
EASY_KEY = "easy_read"
FEEDBACK_KEY = "feedback_ref"
# One tap on "why not?" can teach the quiz something it did not ask.
WHY_NOT = {
    "not-my-thing": ("It's just not my thing", None),
    "study": ("Too much study", ("study", "asap")),
    "blood": ("Blood or needles", ("dealbreakers", "blood-and-needles")),
    "shifts": ("Nights or weekends", ("dealbreakers", "nights-weekends")),
    "care": ("Washing or toileting people", ("dealbreakers", "personal-care")),
}


def _answers_raw() -> dict:
    return dict(session.get(ANSWERS_KEY, {}))


def _step_url(number: int) -> str:
    return url_for("quiz.step", number=number)


@blueprint.get("/quiz")
def start():
    if "easy" in request.args:
        session[EASY_KEY] = request.args.get("easy") == "1"
    return render_page("quiz/start.html", easy=session.get(EASY_KEY, False), question_count=len(QUESTIONS),
                       started=bool(session.get(ANSWERS_KEY)))


@blueprint.route("/quiz/<int:number>", methods=["GET", "POST"])
def step(number: int):
    if not 1 <= number <= len(QUESTIONS):
        abort(404)
    question = QUESTIONS[number - 1]
    error = None
    if request.method == "POST":
        raw = _answers_raw()
        if "skip" in request.form:
            raw.pop(question.id, None)
        else:
            value = (request.form.get(question.id, "") if question.kind in ("one", "text")
                     else request.form.getlist(question.id))
            try:
                if question.kind == "text":
                    checked = parse_answers({}, value)
                else:
                    checked = parse_answers({question.id: value})
            except AnswerError as problem:
                error = problem.message
            else:
                if question.kind == "text":
                    raw[question.id] = checked.text
                elif question.id not in checked.choices:
                    raw.pop(question.id, None)
                elif question.kind == "one":
                    raw[question.id] = checked.choices[question.id][0]
                else:
                    raw[question.id] = list(checked.choices[question.id])
        if error is None:
            session[ANSWERS_KEY] = raw
            if number == len(QUESTIONS):
                return _go(url_for("quiz.results"))
            return _go(_step_url(number + 1), render_next=number + 1)
    return _render_step(number, error)


def _render_step(number: int, error: str | None = None):
    question = QUESTIONS[number - 1]
    raw = _answers_raw()
    current = raw.get(question.id, [] if question.kind == "many" else "")
    body = render_page(
        "quiz/step.html",
        fragment="quiz/_step.html",
        target_id="quiz",
        question=question,
        number=number,
        total=len(QUESTIONS),
        current=current,
        error=error,
        easy=session.get(EASY_KEY, False),
    )
    return body, (400 if error else 200)


def _go(url: str, render_next: int | None = None):
    """After an answer: htmx gets the next screen at once; a plain browser is redirected to it."""
    if render_next is not None and wants_fragment("quiz"):
        body, status = _render_step(render_next)
        response = Response(body, status=status)
        response.headers["HX-Push-Url"] = url
        return response
    if wants_fragment("quiz"):
        response = Response(status=204)
        response.headers["HX-Redirect"] = url
        return response
    return redirect(url, code=303)


@blueprint.post("/quiz/restart")
def restart():
    session.pop(ANSWERS_KEY, None)
    session.pop(DISMISSED_KEY, None)
    return redirect(url_for("quiz.step", number=1), code=303)


@blueprint.get("/results")
def results():
    return _render_results(asked_why=request.args.get("why"))


def feedback_reference() -> str:
    """A random reference for this browser's results, so feedback events can be joined. Not a person's ID."""
    if FEEDBACK_KEY not in session:
        session[FEEDBACK_KEY] = secrets.token_hex(8)
    return session[FEEDBACK_KEY]


def current_result():
    """The person's results from the answers in their session, or None if those answers no longer parse."""
    raw = _answers_raw()
    try:
        answers = parse_answers({k: v for k, v in raw.items() if k != "interests"}, raw.get("interests"))
    except AnswerError:  # answers saved by an older quiz: start again rather than fail
        session.pop(ANSWERS_KEY, None)
        return None
    dismissed = list(session.get(DISMISSED_KEY, []))
    return raw, dismissed, run_match(resources().matcher.data(), answers, limit=10, exclude=dismissed)


def _render_results(asked_why: str | None = None):
    current = current_result()
    if current is None:
        return redirect(url_for("quiz.start"), code=303)
    raw, dismissed, result = current
    session_ = db()
    reference = feedback_reference()
    for rank, m in enumerate(result.matches, start=1):
        feedback.record(session_, reference, "impression", m.slug, rank=rank, features=list(m.features))
    session_.commit()
    roles = {r.slug: r for r in queries.roles_by_slug(session_, [m.slug for m in result.matches])}
    asked_role = queries.get_role(session_, asked_why) if asked_why else None
    return render_page(
        "quiz/results.html",
        fragment="quiz/_results.html",
        target_id="results-list",
        result=result,
        roles=roles,
        pay=queries.PayCalculator(session_),
        answered=bool(raw),
        dismissed_count=len(dismissed),
        why_not=WHY_NOT,
        asked_role=asked_role,
        dealbreaker_step=[q.id for q in QUESTIONS].index("dealbreakers") + 1,
    )


@blueprint.post("/results/not-for-me")
def not_for_me():
    slug = request.form.get("slug", "")
    if queries.get_role(db(), slug) is None:
        abort(400, description="That job is not in our list.")
    session[DISMISSED_KEY] = list(dict.fromkeys([*session.get(DISMISSED_KEY, []), slug]))[-100:]
    feedback.record(db(), feedback_reference(), "not_for_me", slug)
    db().commit()
    if wants_fragment("results-list"):
        return _render_results(asked_why=slug)
    return redirect(url_for("quiz.results", why=slug) + "#results-list", code=303)


@blueprint.post("/results/why-not")
def why_not():
    reason = request.form.get("reason", "")
    if reason not in WHY_NOT:
        abort(400, description="Please choose one of the reasons.")
    change = WHY_NOT[reason][1]
    if change is not None:
        raw = _answers_raw()
        question_id, value = change
        if QUESTIONS_BY_ID[question_id].kind == "many":
            raw[question_id] = sorted({*raw.get(question_id, []), value})
        else:
            raw[question_id] = value
        session[ANSWERS_KEY] = raw
    if wants_fragment("results-list"):
        return _render_results()
    return redirect(url_for("quiz.results") + "#results-list", code=303)
