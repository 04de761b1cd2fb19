"""Saving results under a short code, and opening them again: for the person, or for their adviser."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, request, url_for
from markupsafe import Markup

from careercompass.advisers.shortlists import find_shortlist, normalise_code, qr_svg, save_shortlist
from careercompass.catalogue import queries
from careercompass.matching import feedback
from careercompass.web import visitor
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources

blueprint = Blueprint("shortlists", __name__)


@blueprint.post("/results/save")
def save():
    current = visitor.current_result(resources().matcher.data())
    limit = resources().settings.feedback_events_per_reference
    database = db()
    reference = visitor.record_shown(database, current, limit)  # what the person was looking at
    shortlist = save_shortlist(
        database,
        answers=current.visitor.answers.to_stored(),
        matches=[{"slug": m.slug, "title": m.title, "reasons": list(m.reasons)} for m in current.result.matches],
        not_for_me=list(current.visitor.dismissed),
    )
    for m in current.result.matches:
        feedback.record(database, reference, "save", m.slug, limit=limit)
    database.commit()
    return redirect(url_for("shortlists.show", code=shortlist.code), code=303)


@blueprint.get("/s")
def find():
    raw = request.args.get("code", "")
    code = normalise_code(raw)
    if code is None or find_shortlist(db(), code) is None:
        message = ("Please type the code from your results page." if not raw.strip()
                   else "We could not find that code. Check it and try again: codes are 6 letters and numbers.")
        return render_page("shortlists/find.html", message=message, code=raw[:20]), (400 if raw.strip() else 200)
    return redirect(url_for("shortlists.show", code=code), code=303)


@blueprint.get("/s/<code>")
def show(code: str):
    database = db()
    shortlist = find_shortlist(database, code)
    if shortlist is None:
        abort(404)
    roles = {r.slug: r for r in queries.roles_by_slug(database, [m["slug"] for m in shortlist.matches])}
    link = url_for("shortlists.show", code=shortlist.code, _external=True)
    return render_page(
        "shortlists/show.html",
        shortlist=shortlist,
        matches=[m for m in shortlist.matches if m["slug"] in roles],
        roles=roles,
        pay=queries.PayCalculator(database),
        link=link,
        qr=Markup(qr_svg(link)),
    )


@blueprint.post("/s/<code>/continue")
def carry_on(code: str):
    shortlist = find_shortlist(db(), code)
    if shortlist is None:
        abort(404)
    visitor.remember(visitor.restored(shortlist.answers, shortlist.not_for_me))
    return redirect(url_for("results.show"), code=303)
