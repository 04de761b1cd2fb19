"""The results: ten explained jobs, "not for me" (which swaps a job at once) and one tap to say why.

Showing results writes nothing. What a person was shown is recorded by a POST: a beacon the page sends once
it has loaded (with JavaScript), or the next form the person sends from the page ("not for me", save).
Each result set is recorded once, however often it is shown.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from flask import Blueprint, abort, redirect, render_template, request, url_for

from careercompass import vocabulary
from careercompass.catalogue import queries
from careercompass.matching import feedback
from careercompass.matching.quiz import QUESTIONS, QUESTIONS_BY_ID, Answers
from careercompass.pathway import best_ways, route_ids_needed
from careercompass.vacancies.queries import open_counts
from careercompass.web import class_seat, fragments, visitor
from careercompass.web.events import next_for_results
from careercompass.web.fragments import fragment_view, wants_fragment
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources
from careercompass.web.security import match_limit

blueprint = Blueprint("results", __name__)

# One tap on "why not?" can teach the quiz something it did not ask.
WHY_NOT = {
    "not-my-thing": ("It's just not my thing", None),
    "study": ("Too much study", ("study", "asap")),
    "blood": ("Blood or needles", ("dealbreakers", "blood-and-needles")),
    "shifts": ("Nights or weekends", ("dealbreakers", "nights-weekends")),
    "care": ("Washing or toileting people", ("dealbreakers", "personal-care")),
}
# What the page says (and a screen reader announces) once a reason is taken.
WHY_NOT_THANKS = {
    "not-my-thing": "Thanks for telling us.",
    "study": "Thanks. We now put jobs you can start sooner first.",
    "blood": "Thanks. We have taken away jobs with blood or needles.",
    "shifts": "Thanks. We have taken away jobs with nights or weekends.",
    "care": "Thanks. We have taken away jobs where you wash people or help them use the toilet.",
}


@blueprint.get("/results")
@match_limit
@fragment_view
def show():
    return _render_results(asked_why=request.args.get("why"), reason_taken=request.args.get("taken"))


def current_result() -> visitor.VisitorResult:
    return visitor.current_result(resources().matcher.data())


def events_limit() -> int:
    return resources().settings.feedback_events_per_reference


def _render_results(asked_why: str | None = None, reason_taken: str | None = None):
    visitor.with_feedback_reference()  # in the cookie only, so a job opened from here can be counted later
    current = current_result()
    result = current.result
    database = db()
    roles = {r.slug: r for r in queries.roles_by_slug(database, [m.slug for m in result.matches])}
    asked_role = queries.get_role(database, asked_why) if asked_why else None
    where = current.visitor.where_now
    ways_for_you = {}
    if where is not None:  # they told a job page where they are: each card says their own first way in
        needed = set().union(*(route_ids_needed(role.entry_routes) for role in roles.values()))
        ways_for_you = best_ways(where, list(roles.values()), queries.routes_by_id(database, needed))
    return render_page(
        "results/results.html",
        fragment="results/_list.html",
        target_id=fragments.RESULTS_LIST,
        result=result,
        roles=roles,
        pay=queries.PayCalculator(database),
        answered=current.visitor.started,
        dismissed_count=len(current.visitor.dismissed),
        why_not=WHY_NOT,
        thanks=WHY_NOT_THANKS.get(reason_taken or ""),
        asked_role=asked_role,
        shown_key=current.shown_key,
        dealbreaker_step=[q.id for q in QUESTIONS].index("dealbreakers") + 1,
        words_step=[q.id for q in QUESTIONS].index("interests") + 1,
        answers_text=current.visitor.answers.text,
        answered_quiz=bool(current.visitor.answers.choices),
        dealbreaker_labels=vocabulary.labels(vocabulary.DEALBREAKERS),
        jobs_open=open_counts(database, [m.slug for m in result.matches], date.today()),
        ways_for_you=ways_for_you,
        # The tasters sit outside the list htmx swaps after "not for me": looked up only for the whole page.
        tasters=[] if wants_fragment(fragments.RESULTS_LIST)
        else next_for_results(database, [(m.slug, m.family) for m in result.matches]),
    )


@blueprint.post("/results/shown")
def seen():
    """The page's beacon: it names the result set it shows, which is recorded if it is still this visitor's."""
    current = current_result()
    if request.form.get("shown") == current.shown_key:
        visitor.record_shown(db(), current, events_limit())
    return "", 204


@blueprint.post("/results/not-for-me")
@fragment_view
def not_for_me():
    slug = request.form.get("slug", "")
    database = db()
    if queries.get_role(database, slug) is None:
        abort(400, description="That job is not in our list.")
    reference = visitor.record_shown(database, current_result(), events_limit())  # what they were looking at
    visitor.remember(visitor.current().dismissing(slug))
    class_seat.note_not_for_me(slug)
    feedback.record(database, reference, "not_for_me", slug, limit=events_limit())
    database.commit()
    if wants_fragment(fragments.RESULTS_LIST):
        return _render_results(asked_why=slug)
    return redirect(url_for("results.show", why=slug) + "#why-not", code=303)


@blueprint.post("/results/why-not")
@fragment_view
def why_not():
    reason = request.form.get("reason", "")
    if reason not in WHY_NOT:
        abort(400, description="Please choose one of the reasons.")
    change = WHY_NOT[reason][1]
    if change is not None:
        person = visitor.current()
        stored = person.answers.to_stored()
        question_id, value = change
        if QUESTIONS_BY_ID[question_id].kind == "many":
            stored[question_id] = sorted({*stored.get(question_id, []), value})
        else:
            stored[question_id] = value
        visitor.remember(replace(person, answers=Answers.from_stored(stored)))
    if wants_fragment(fragments.RESULTS_LIST):
        return _render_results(reason_taken=reason)
    return redirect(url_for("results.show", taken=reason) + "#why-not-thanks", code=303)


@blueprint.post("/results/understood")
@fragment_view
def understood():
    """Take back something read in the person's words (a deal-breaker, the stage, a spelling fix), or put it back."""
    key = request.form.get("set_aside") or request.form.get("put_back") or ""
    if not visitor.SET_ASIDE_PATTERN.fullmatch(key):
        abort(400, description="Please choose something from what we understood.")
    visitor.remember(visitor.current().setting_aside(key, put_back="put_back" in request.form))
    if wants_fragment(fragments.RESULTS_LIST):
        return _render_results() + render_template("results/_understood.html", result=current_result().result,
                                                   oob=True)
    return redirect(url_for("results.show") + "#understood", code=303)
