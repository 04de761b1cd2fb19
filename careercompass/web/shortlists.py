"""Saving results under a short code, and opening them again: for the person, or for their adviser.

The printable page never shows the person's own words. They are kept only if the person ticked that they want
them kept, and then shown on a page of their own, asked for with the code (so an adviser holding it sees them
too). Whoever holds a code can delete it; a code past the retention period works no more.
"""

from __future__ import annotations

from flask import Blueprint, abort, redirect, request, url_for
from markupsafe import Markup

from careercompass.advisers import handoffs
from careercompass.advisers.shortlists import (
    Shortlist,
    delete_shortlist,
    find_shortlist,
    normalise_code,
    qr_svg,
    save_shortlist,
)
from careercompass.catalogue import queries
from careercompass.matching import feedback
from careercompass.web import class_seat, visitor
from careercompass.web.addresses import external_url
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources
from careercompass.web.security import save_limit

blueprint = Blueprint("shortlists", __name__)


def keep_days() -> int:
    return resources().settings.shortlist_retention_days


def held_shortlist(code: str) -> Shortlist:
    """The shortlist for a code in the address; a 404 (the same for unknown and expired codes) otherwise."""
    shortlist = find_shortlist(db(), code, keep_days())
    if shortlist is None:
        abort(404)
    return shortlist


@blueprint.post("/results/save")
@save_limit
def save():
    current = visitor.current_result(resources().matcher.data())
    limit = resources().settings.feedback_events_per_reference
    database = db()
    reference = visitor.record_shown(database, current, limit)  # what the person was looking at
    keep_words = request.form.get("keep_words") == "yes"
    shortlist = save_shortlist(
        database,
        answers=current.visitor.answers.to_stored(),
        matches=[{"slug": m.slug, "title": m.title, "reasons": list(m.reasons)} for m in current.result.matches],
        not_for_me=list(current.visitor.dismissed),
        own_words=current.visitor.answers.text if keep_words else None,
        limits_from_words=current.result.dealbreakers,
    )
    for m in current.result.matches:
        feedback.record(database, reference, "save", m.slug, limit=limit)
    database.commit()
    class_seat.note_follow_up("saved")
    return redirect(url_for("shortlists.show", code=shortlist.code), code=303)


@blueprint.get("/s")
def find():
    if request.args.get("deleted"):
        return render_page("shortlists/find.html", deleted=True, code="")
    raw = request.args.get("code", "")
    code = normalise_code(raw)
    if code is None or find_shortlist(db(), code, keep_days()) is None:
        message = ("Please type the code from your results page." if not raw.strip()
                   else "We could not find that code. Check it and try again: codes are 6 letters and numbers. "
                        f"Codes are deleted after {keep_days()} days.")
        return render_page("shortlists/find.html", message=message, code=raw[:20]), (400 if raw.strip() else 200)
    return redirect(url_for("shortlists.show", code=code), code=303)


def _page(template: str, shortlist: Shortlist, with_words: bool):
    database = db()
    moved = queries.moved_slugs(database, [m["slug"] for m in shortlist.matches])
    saved = [{**m, "slug": moved.get(m["slug"], m["slug"])} for m in shortlist.matches]
    roles = {r.slug: r for r in queries.roles_by_slug(database, [m["slug"] for m in saved])}
    matches = [m for m in saved if m["slug"] in roles]
    if with_words:
        matches = [{**m, "reasons": m.get("reasons_with_words", m["reasons"])} for m in matches]
    link = external_url("shortlists.show", code=shortlist.code)
    return render_page(
        template,
        shortlist=shortlist,
        matches=matches,
        roles=roles,
        pay=queries.PayCalculator(database),
        link=link,
        qr=Markup(qr_svg(link)),
        expires_at=shortlist.expires_at(keep_days()),
        adviser_notes=handoffs.for_person(database, shortlist.code),
    )


@blueprint.get("/s/<code>")
def show(code: str):
    return _page("shortlists/show.html", held_shortlist(code), with_words=False)


@blueprint.get("/s/<code>/words")
def own_words(code: str):
    shortlist = held_shortlist(code)
    if not shortlist.own_words:
        abort(404)
    return _page("shortlists/words.html", shortlist, with_words=True)


@blueprint.get("/s/<code>/delete")
def confirm_delete(code: str):
    return render_page("shortlists/delete.html", shortlist=held_shortlist(code))


@blueprint.post("/s/<code>/delete")
def delete(code: str):
    database = db()
    if not delete_shortlist(database, held_shortlist(code).code):
        abort(404)
    database.commit()
    return redirect(url_for("shortlists.find", deleted=1), code=303)


@blueprint.post("/s/<code>/continue")
def carry_on(code: str):
    shortlist = held_shortlist(code)
    visitor.remember(visitor.restored(shortlist.answers_to_carry_on(), shortlist.not_for_me))
    return redirect(url_for("results.show"), code=303)
