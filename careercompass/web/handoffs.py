"""Hand-off: an adviser types in the code a young person gave them, sees what they saved, adds notes and next steps,
and prints an action plan. Only the adviser the code was handed to (or an admin) sees their notes page."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, request, url_for
from sqlalchemy import select

from careercompass.advisers import handoffs
from careercompass.advisers.handoffs import Handoff
from careercompass.advisers.shortlists import find_shortlist, normalise_code
from careercompass.catalogue import queries
from careercompass.matching.quiz import Answers
from careercompass.pathway import best_ways, route_ids_needed
from careercompass.web.events import next_for_results
from careercompass.web.rendering import render_page
from careercompass.web.resources import db
from careercompass.web.shortlists import keep_days
from careercompass.web.staff import me, signed_in_user, staff_only
from careercompass.web.visitor import where_from_answers

blueprint = Blueprint("handoffs", __name__, url_prefix="/adviser/codes")


@blueprint.get("")
@staff_only("classroom")
def codes():
    return render_page("handoffs/codes.html", user=me(), rows=handoffs.mine(db(), signed_in_user().id),
                       problem=None, code="")


@blueprint.post("")
@staff_only("classroom")
def take_code():
    database = db()
    typed = request.form.get("code", "")[:20]
    code = normalise_code(typed)
    shortlist = find_shortlist(database, code, keep_days()) if code else None
    if shortlist is None:
        return render_page("handoffs/codes.html", user=me(), rows=handoffs.mine(database, signed_in_user().id),
                           problem="We could not find that code. Check it with the young person: codes are 6 letters "
                                   f"and numbers, and are deleted after {keep_days()} days.", code=typed), 400
    handoffs.take(database, shortlist, signed_in_user().id)
    database.commit()
    return redirect(url_for("handoffs.notes", code=shortlist.code), code=303)


@blueprint.route("/<code>", methods=["GET", "POST"])
@staff_only("classroom")
def notes(code: str):
    database = db()
    handoff, shortlist = _handed_to_me(code)
    problem, saved = None, request.args.get("saved") == "1"
    if request.method == "POST":
        steps = [handoffs.StepForm(request.form.get(f"what-{n}", ""), request.form.get(f"by-{n}", ""))
                 for n in range(1, handoffs.MOST_STEPS + 1)]
        try:
            handoffs.save_notes(handoff, request.form.get("notes", ""), steps)
        except handoffs.HandoffProblem as error:
            problem = error
        else:
            database.commit()
            return redirect(url_for("handoffs.notes", code=code, saved=1), code=303)
    answers = Answers.from_stored(shortlist.answers_to_carry_on()).in_words()
    page = render_page("handoffs/notes.html", user=me(), handoff=handoff, shortlist=shortlist, problem=problem,
                       answers=answers,
                       saved=saved, titles=queries.role_titles(database), most=handoffs.MOST_STEPS,
                       form=request.form if problem else None)
    return page, (400 if problem else 200)


@blueprint.get("/<code>/plan")
@staff_only("classroom")
def action_plan(code: str):
    """One printed page: the agreed targets with dates, the way in from their stage, the next taster, who to ask."""
    database = db()
    handoff, shortlist = _handed_to_me(code)
    slugs = [m["slug"] for m in shortlist.matches][:3]
    roles = queries.roles_by_slug(database, slugs)
    where = where_from_answers(Answers.from_stored(shortlist.answers_to_carry_on()))
    ways = {}
    if where is not None:
        needed = set().union(*(route_ids_needed(role.entry_routes) for role in roles))
        ways = best_ways(where, roles, queries.routes_by_id(database, needed))
    return render_page("handoffs/plan.html", handoff=handoff, shortlist=shortlist, roles=roles, ways=ways,
                       where=where, tasters=next_for_results(database, [(r.slug, r.family_slug) for r in roles], 1),
                       adviser=me())


def _handed_to_me(code: str) -> tuple[Handoff, object]:
    """This adviser's hand-off of the code and its shortlist, or a 404: a code typed in by another adviser, or one
    that has expired, shows nothing."""
    user = signed_in_user()
    shortlist = find_shortlist(db(), normalise_code(code) or "", keep_days())
    query = select(Handoff).where(Handoff.shortlist_code == (shortlist.code if shortlist else ""))
    if user.role != "admin":
        query = query.where(Handoff.adviser_id == user.id)
    handoff = db().scalars(query).first()
    if shortlist is None or handoff is None:
        abort(404)
    return handoff, shortlist
