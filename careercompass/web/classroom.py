"""Classroom mode: pupils join with a code and a nickname; the adviser starts, projects, reads and closes a session.

What a pupil does after joining reaches their seat through web/class_seat.py.

Only the adviser who runs a session (or an admin) can see its board, its figures or its pupils.
"""

from __future__ import annotations

import json
from dataclasses import replace

from flask import Blueprint, Response, abort, redirect, request, url_for
from markupsafe import Markup

from careercompass import vocabulary
from careercompass.advisers.shortlists import qr_svg
from careercompass.catalogue import queries as catalogue_queries
from careercompass.classroom import sessions
from careercompass.classroom.board import board_for
from careercompass.classroom.models import ClassSession
from careercompass.events.queries import EventFilter, upcoming
from careercompass.matching.quiz import Answers
from careercompass.web import fragments, visitor
from careercompass.web.addresses import external_url
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources
from careercompass.web.security import limiter
from careercompass.web.staff import me, signed_in_user, staff_only

blueprint = Blueprint("classroom", __name__)
BOARD_REFRESH_SECONDS = 5


@blueprint.get("/join")
def join_form():
    return render_page("classroom/join.html", problem=None, code=request.args.get("code", ""), nickname="")


@blueprint.post("/join")
@limiter.limit("120 per minute")  # a whole class shares one school address: a few classes a minute must get in
def join():
    code, nickname = request.form.get("code", "")[:20], request.form.get("nickname", "")[:40]
    try:
        pupil = sessions.join(db(), code, nickname)
    except sessions.JoinProblem as problem:
        return render_page("classroom/join.html", problem=problem, code=code, nickname=nickname), 400
    # A fresh quiz for the lesson: their earlier answers on this device are not the class's business.
    visitor.remember(replace(visitor.current(), answers=Answers(), dismissed=(), class_seat=pupil.seat))
    return redirect(url_for("quiz.step", number=1, joined=1), code=303)


@blueprint.get("/adviser/sessions")
@staff_only("classroom")
def session_list():
    user = signed_in_user()
    return render_page("classroom/sessions.html", user=me(),
                       rows=sessions.for_adviser(db(), user.id, every_one=user.role == "admin"))


@blueprint.post("/adviser/sessions")
@staff_only("classroom")
def start_session():
    database = db()
    made = sessions.start(database, request.form.get("name", ""), signed_in_user().id)
    database.commit()
    return redirect(url_for("classroom.session_view", session_id=made.id), code=303)


@blueprint.get("/adviser/sessions/<int:session_id>")
@staff_only("classroom")
def session_view(session_id: int):
    """The adviser's own view (not for the projector): each nickname's results, answers and "not for me"."""
    found = _own(session_id)
    titles = _titles()
    return render_page("classroom/session.html", user=me(), found=found, code=sessions.shown_code(found.code),
                       titles=titles, join_url=external_url("classroom.join_form", code=found.code),
                       dealbreaker_names=_dealbreaker_names(),
                       retention_days=resources().settings.class_session_retention_days)


@blueprint.get("/adviser/sessions/<int:session_id>/board")
@staff_only("classroom")
def board(session_id: int):
    """The projector page; its figures refresh by htmx polling, which works behind school proxies."""
    found = _own(session_id)
    code = sessions.shown_code(found.code)
    names = catalogue_queries.role_names(db())
    qr = None
    if not fragments.wants_fragment(fragments.CLASS_BOARD):  # the code and QR are drawn once, not on every poll
        qr = Markup(qr_svg(external_url("classroom.join_form", code=code),
                           title=f"QR code to join with the code {code}"))
    return render_page("classroom/board.html", fragment="classroom/_board.html", target_id=fragments.CLASS_BOARD,
                       found=found, figures=board_for(found, names), code=code, titles=_titles(names),
                       families=_family_names(), dealbreaker_names=_dealbreaker_names(),
                       join_url=external_url("classroom.join_form"), refresh=BOARD_REFRESH_SECONDS, qr=qr)


@blueprint.get("/adviser/sessions/<int:session_id>/board.json")
@staff_only("classroom")
def board_json(session_id: int):
    response = Response(_json(board_for(_own(session_id)).as_json()), mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.post("/adviser/sessions/<int:session_id>/close")
@staff_only("classroom")
def close(session_id: int):
    database = db()
    sessions.close(database, _own(session_id))
    database.commit()
    return redirect(url_for("classroom.session_view", session_id=session_id), code=303)


@blueprint.post("/adviser/sessions/<int:session_id>/named")
@staff_only("classroom")
def named_jobs(session_id: int):
    """The jobs the class named in the starter: the board then shows which jobs that came up are surprises."""
    database = db()
    sessions.set_named_jobs(_own(session_id), request.form.get("named", "")[:3000])
    database.commit()
    return redirect(url_for("classroom.session_view", session_id=session_id) + "#named-heading", code=303)


@blueprint.get("/adviser/sessions/<int:session_id>/participation.csv")
@staff_only("classroom")
def participation(session_id: int):
    found = _own(session_id)
    return Response(sessions.participation_csv(found, _titles()), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=class-session-{session_id}.csv", "Cache-Control": "no-store"})


@blueprint.get("/adviser/sessions/<int:session_id>/summary")
@staff_only("classroom")
def summary(session_id: int):
    """One printable page for the school's careers leader: totals only, and the next tasters."""
    found = _own(session_id)
    names = catalogue_queries.role_names(db())
    return render_page("classroom/summary.html", user=me(), found=found, figures=board_for(found, names),
                       titles=_titles(names), families=_family_names(), dealbreaker_names=_dealbreaker_names(),
                       tasters=upcoming(db(), EventFilter(), limit=3))


@blueprint.get("/adviser/lesson-plan")
@staff_only("classroom")
def lesson_plan():
    return render_page("classroom/lesson_plan.html", user=me(), tasters=upcoming(db(), EventFilter(), limit=3))


def _own(session_id: int) -> ClassSession:
    """The session, if the signed-in adviser runs it (or is an admin); otherwise a 404, so ids reveal nothing."""
    found = db().get(ClassSession, session_id)
    user = signed_in_user()
    if found is None or (found.adviser_id != user.id and user.role != "admin"):
        abort(404)
    return found


def _titles(names: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Each role's title by slug; from `names` (title first, then other titles) when they are already loaded."""
    return {slug: titles[0] for slug, titles in names.items()} if names else catalogue_queries.role_titles(db())


def _family_names() -> dict[str, str]:
    return catalogue_queries.family_names(db())


def _dealbreaker_names() -> dict[str, str]:
    return {item.id: item.label for item in vocabulary.DEALBREAKERS}


def _json(value) -> str:
    return json.dumps(value, sort_keys=True)
