"""The staff area (/staff): sign in, review unsure vacancy links, run an import, hide a vacancy, read the log.

Only Academy staff and admins use it; advisers have accounts for classroom mode but no access here. A sign-in is kept
in the signed cookie (the account id, its session version and when it began) and ends after
`staff_session_hours`, at sign-out, or when the password changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import wraps

from flask import Blueprint, Response, abort, g, redirect, request, session, url_for
from sqlalchemy import select

from careercompass import usage, vocabulary
from careercompass.advisers import referrals
from careercompass.catalogue import queries as catalogue_queries
from careercompass.catalogue import route_changes
from careercompass.catalogue.models import Route, RouteChange
from careercompass.events import booking, manage, messages
from careercompass.events.models import Event
from careercompass.search.index import SearchIndex
from careercompass.staff import accounts
from careercompass.vacancies import review
from careercompass.vacancies.edits import VacancyEdit
from careercompass.vacancies.feeds import FORMATS, FeedUnreadable
from careercompass.vacancies.importer import Area
from careercompass.vacancies.models import Vacancy
from careercompass.vacancies.service import ImportRequest, run_import, update_search
from careercompass.vacancies.sources import MAX_BYTES, SourceUnavailable
from careercompass.web.events import cancel_url, email_confirmation, send_email
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources
from careercompass.web.security import sign_in_limit

blueprint = Blueprint("staff", __name__, url_prefix="/staff")

STAFF_KEYS = ("staff_id", "staff_version", "staff_since")
MAY_USE = {"vacancies": ("admin", "staff"), "events": ("admin", "staff"), "routes": ("admin", "staff"),
           "log": ("admin",), "group-bookings": ("admin", "staff", "adviser"),
           "classroom": ("admin", "staff", "adviser"), "referrals": ("admin", "staff"),
           "home": ("admin", "staff", "adviser"), "usage": ("admin", "staff")}


def signed_in_user() -> accounts.StaffUser | None:
    """The member of staff this browser is signed in as, if the sign-in is still good."""
    if "staff_user" in g:
        return g.staff_user
    user = None
    staff_id, version, since = (session.get(key) for key in STAFF_KEYS)
    hours = resources().settings.staff_session_hours
    if isinstance(staff_id, int) and isinstance(since, (int, float)) and time.time() - since < hours * 3600:
        found = db().get(accounts.StaffUser, staff_id)
        if found is not None and not found.disabled and found.session_version == version:
            user = found
    if user is None:
        for key in STAFF_KEYS:
            session.pop(key, None)
    g.staff_user = user
    return user


@dataclass(frozen=True)
class Me:
    """What the staff pages show of the signed-in account, read before the page lets its database session go."""

    email: str
    role: str


def me() -> Me:
    user = signed_in_user()
    assert user is not None  # only called from pages behind staff_only
    return Me(user.email, user.role)


def staff_only(area: str) -> Callable:
    """Pages for signed-in staff whose role may use `area`; anyone else is sent to sign in, or refused."""

    def wrap(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            user = signed_in_user()
            if user is None:
                return redirect(url_for("staff.sign_in", next=request.path))
            if user.role not in MAY_USE[area]:
                abort(403)
            return view(*args, **kwargs)

        return guarded

    return wrap


@blueprint.get("/sign-in")
def sign_in():
    return render_page("staff/sign_in.html", problem=None, email="", next=_safe_next())


@blueprint.post("/sign-in")
@sign_in_limit
def sign_in_post():
    database = db()
    email = request.form.get("email", "")[:254]
    result = accounts.sign_in(database, email, request.form.get("password", "")[:500])
    database.commit()
    if result.user is None:
        return render_page("staff/sign_in.html", problem=result.problem, email=email, next=_safe_next()), 400
    session.update({"staff_id": result.user.id, "staff_version": result.user.session_version,
                    "staff_since": int(time.time())})
    return redirect(_safe_next() or url_for("staff.home"), code=303)


@blueprint.post("/sign-out")
def sign_out():
    user = signed_in_user()
    if user is not None:
        accounts.log(db(), user, "signed out")
        db().commit()
    for key in STAFF_KEYS:
        session.pop(key, None)
    return redirect(url_for("staff.sign_in"), code=303)


@blueprint.get("")
@staff_only("home")
def home():
    """Where every account lands after signing in; it offers only what that account may use."""
    user = me()
    waiting = len(review.queue(db(), date.today())) if user.role in MAY_USE["vacancies"] else 0
    return render_page("staff/home.html", user=user, waiting=waiting)


@blueprint.get("/review")
@staff_only("vacancies")
def review_queue():
    database = db()
    return render_page("staff/review.html", user=me(), waiting=review.queue(database, date.today()),
                       families=catalogue_queries.families_with_counts(database),
                       roles=catalogue_queries.list_roles(database), done=request.args.get("done"))


@blueprint.post("/review")
@staff_only("vacancies")
def decide():
    database = db()
    key = request.form.get("key", "")[:300]
    choice = request.form.get("role", "")
    if not key or not choice:
        abort(400, description="Choose a job, or 'No job fits', for this title.")
    role = None if choice == "none" else choice
    if role is not None and catalogue_queries.get_role(database, role) is None:
        abort(400, description="That job is not in the catalogue.")
    changed = review.decide(database, key, role)
    accounts.log(database, signed_in_user(), "linked a title", f"'{key}' to {role or 'no job'} ({len(changed)} adverts)")
    update_search(database, changed, [])
    database.commit()
    return redirect(url_for("staff.review_queue", done=key), code=303)


@blueprint.get("/import")
@staff_only("vacancies")
def import_form():
    return render_page("staff/import.html", user=me(), formats=FORMATS, summary=None, problem=None)


@blueprint.post("/import")
@staff_only("vacancies")
def import_run():
    database = db()
    settings = resources().settings
    feed_format = request.form.get("format", "")
    if feed_format not in FORMATS:
        abort(400, description="Choose the format of the feed.")
    upload = request.files.get("file")
    url = request.form.get("url", "").strip()
    files = None
    if upload is not None and upload.filename:
        data = upload.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return _import_problem("That file is too large.")
        files, source = [(upload.filename, data)], upload.filename
    elif url.startswith(("http://", "https://")):
        source = url
    else:
        return _import_problem("Give a web address starting with https://, or choose a file.")
    request_ = ImportRequest(source, feed_format, Area(settings.vacancy_area_km), settings.vacancy_retention_days)
    try:
        summary = run_import(database, SearchIndex(settings.index_dir), request_, files=files)
    except (SourceUnavailable, FeedUnreadable) as error:
        database.rollback()
        return _import_problem(f"{error}. Nothing was changed.")
    accounts.log(database, signed_in_user(), "ran an import", f"{source}: {summary.line}")
    update_search(database, summary.changed_ids, summary.deleted_ids)
    database.commit()
    return render_page("staff/import.html", user=me(), formats=FORMATS, summary=summary, problem=None,
                       source=source)


@blueprint.post("/vacancies/<int:vacancy_id>/hide")
@staff_only("vacancies")
def hide(vacancy_id: int):
    database = db()
    vacancy = row_or_404(Vacancy, vacancy_id)
    vacancy.hidden = request.form.get("hidden", "1") == "1"
    accounts.log(database, signed_in_user(), "hid a vacancy" if vacancy.hidden else "showed a vacancy",
                 f"{vacancy.id}: {vacancy.title}")
    database.commit()
    return redirect(url_for("staff.vacancies"), code=303)


@blueprint.get("/vacancies/<int:vacancy_id>")
@staff_only("vacancies")
def vacancy(vacancy_id: int):
    found = row_or_404(Vacancy, vacancy_id)
    return render_page("staff/vacancy.html", user=me(), vacancy=found, problem=None)


@blueprint.post("/vacancies/<int:vacancy_id>")
@staff_only("vacancies")
def edit_vacancy(vacancy_id: int):
    """Put right what a feed got wrong: the title, employer, pay words or closing date. The next import of the same
    advert only changes it again if the feed itself changes."""
    database = db()
    found = row_or_404(Vacancy, vacancy_id)
    try:
        edited = VacancyEdit.from_form(request.form)
    except ValueError as problem:
        return render_page("staff/vacancy.html", user=me(), vacancy=found, problem=str(problem)), 400
    edited.apply(found)
    accounts.log(database, signed_in_user(), "edited a vacancy", f"{found.id}: {found.title}")
    update_search(database, [found.id], [])
    database.commit()
    return redirect(url_for("staff.vacancies"), code=303)


@blueprint.get("/vacancies")
@staff_only("vacancies")
def vacancies():
    rows = db().scalars(select(Vacancy).order_by(Vacancy.id.desc()).limit(200)).all()
    return render_page("staff/vacancies.html", user=me(), rows=rows)


@blueprint.get("/log")
@staff_only("log")
def action_log():
    return render_page("staff/log.html", user=me(), actions=accounts.recent_actions(db()))


@blueprint.get("/events")
@staff_only("events")
def events():
    database = db()
    rows = database.scalars(select(Event).order_by(Event.starts_at.desc()).limit(100)).all()
    return render_page("staff/events.html", user=me(), rows=rows, roles=catalogue_queries.list_roles(database),
                       access=manage.ACCESS_FEATURE_IDS, problem=None, form=None)


@blueprint.post("/events")
@staff_only("events")
def add_event():
    database = db()
    form = _event_form()
    try:
        event = manage.add_event(database, form)
    except manage.EventProblem as problem:
        rows = database.scalars(select(Event).order_by(Event.starts_at.desc()).limit(100)).all()
        return render_page("staff/events.html", user=me(), rows=rows, roles=catalogue_queries.list_roles(database),
                           access=manage.ACCESS_FEATURE_IDS, problem=problem, form=form), 400
    accounts.log(database, signed_in_user(), "added an event", f"{event.id}: {event.title}")
    database.commit()
    return redirect(url_for("staff.event", event_id=event.id), code=303)


@blueprint.get("/events/<int:event_id>")
@staff_only("events")
def event(event_id: int):
    database = db()
    found = row_or_404(Event, event_id)
    places, waiting = manage.bookings_for(database, event_id)
    return render_page("staff/event.html", user=me(), event=found, places=places, waiting=waiting,
                       age_bands=booking.AGE_BANDS, saved=request.args.get("saved"))


@blueprint.post("/events/<int:event_id>/attendance")
@staff_only("events")
def attendance(event_id: int):
    database = db()
    found = row_or_404(Event, event_id)
    came = {int(value) for value in request.form.getlist("came") if value.isdigit()}
    count = manage.mark_attendance(database, event_id, came)
    accounts.log(database, signed_in_user(), "marked attendance", f"{found.id}: {count} came")
    database.commit()
    return redirect(url_for("staff.event", event_id=event_id, saved=1), code=303)


@blueprint.get("/events/<int:event_id>/edit")
@staff_only("events")
def edit_event_form(event_id: int):
    found = row_or_404(Event, event_id)
    return render_page("staff/event_edit.html", user=me(), event=found, form=manage.form_of(found),
                       roles=catalogue_queries.list_roles(db()), access=manage.ACCESS_FEATURE_IDS, problem=None)


@blueprint.post("/events/<int:event_id>/edit")
@staff_only("events")
def edit_event(event_id: int):
    database = db()
    found = row_or_404(Event, event_id)
    form = _event_form()
    try:
        told = manage.update_event(database, found, form)
    except manage.EventProblem as problem:  # raised before anything is changed
        return render_page("staff/event_edit.html", user=me(), event=found, form=form,
                           roles=catalogue_queries.list_roles(database), access=manage.ACCESS_FEATURE_IDS,
                           problem=problem), 400
    accounts.log(database, signed_in_user(), "changed an event", f"{found.id}: {found.title} ({len(told)} told)")
    database.commit()
    for item in told:
        send_email(item.contact, messages.event_changed(item, found, cancel_url(item)))
    return redirect(url_for("staff.event", event_id=event_id), code=303)


@blueprint.route("/events/<int:event_id>/group", methods=["GET", "POST"])
@staff_only("group-bookings")
def group_booking(event_id: int):
    """An adviser books places for a class: the group's name and size only, with their own email as the contact."""
    database = db()
    found = row_or_404(Event, event_id)
    user = signed_in_user()
    form = booking.GroupRequest(group_name=request.form.get("group_name", ""), places=request.form.get("places", ""),
                                age_band=request.form.get("age_band", ""),
                                access_needs=request.form.get("access_needs", ""),
                                consent=request.form.get("consent") == "yes")
    page = {"user": me(), "event": found, "form": form, "age_bands": booking.AGE_BANDS,
            "most": booking.MOST_GROUP_PLACES, "made": None, "sent": False, "problem": None}
    if request.method == "GET":
        return render_page("staff/group_booking.html", **page)
    try:
        made = booking.book_group(database, event_id, form, adviser_id=user.id, adviser_email=user.email)
    except booking.BookingProblem as problem:
        return render_page("staff/group_booking.html", **page | {"problem": problem}), 400
    except booking.NotEnoughPlaces as short:
        problem = booking.BookingProblem("places", f"Only {short.left} places are left. Book {short.left} or fewer, "
                                                   "or choose another event.")
        return render_page("staff/group_booking.html", **page | {"problem": problem, "event": db().get(Event, event_id)}), 409
    except booking.AlreadyBooked:
        problem = booking.BookingProblem("group_name", "You have already booked a group for this event. Give up "
                                                       "those places first to book a different number.")
        return render_page("staff/group_booking.html", **page | {"problem": problem}), 409
    accounts.log(database, user, "booked for a group", f"{found.id}: {made.places} places")
    database.commit()
    sent = email_confirmation(made, found)
    return render_page("staff/group_booking.html", **page | {"made": made, "sent": sent})


@blueprint.get("/events/<int:event_id>/copy")
@staff_only("events")
def copy_event(event_id: int):
    database = db()
    form = manage.copy_of(row_or_404(Event, event_id))
    rows = database.scalars(select(Event).order_by(Event.starts_at.desc()).limit(100)).all()
    return render_page("staff/events.html", user=me(), rows=rows, roles=catalogue_queries.list_roles(database),
                       access=manage.ACCESS_FEATURE_IDS, problem=None, form=form)


@blueprint.get("/events/<int:event_id>/register.csv")
@staff_only("events")
def register(event_id: int):
    database = db()
    found = row_or_404(Event, event_id)
    places, _ = manage.bookings_for(database, event_id)
    accounts.log(database, signed_in_user(), "downloaded a register", f"{found.id}: {found.title}")
    database.commit()
    return Response(manage.register_csv(found, places), mimetype="text/csv",
                    headers={"Content-Disposition": f"attachment; filename=register-{event_id}.csv"})


@blueprint.post("/events/<int:event_id>/cancel")
@staff_only("events")
def cancel_event(event_id: int):
    database = db()
    found = row_or_404(Event, event_id)
    told = manage.cancel_event(database, found)
    accounts.log(database, signed_in_user(), "cancelled an event", f"{found.id}: {found.title} ({len(told)} told)")
    database.commit()
    for item in told:
        send_email(item.contact, messages.event_cancelled(item, found))
    return redirect(url_for("staff.event", event_id=event_id), code=303)


@blueprint.get("/routes")
@staff_only("routes")
def routes():
    database = db()
    changed = {change.route_id for change in database.scalars(select(RouteChange))}
    return render_page("staff/routes.html", user=me(), routes=catalogue_queries.shared_routes(database),
                       changed=changed, kinds=vocabulary.ROUTE_KINDS_BY_ID)


@blueprint.route("/routes/<route_id>", methods=["GET", "POST"])
@staff_only("routes")
def route(route_id: str):
    """Put right a route's start dates, cost, entry or Leeds providers, with the page that states the new facts."""
    database = db()
    found = row_or_404(Route, route_id)
    form = {field: request.form.get(field, "") for field in (*route_changes.EDITABLE, "source_url")}
    saved = request.args.get("saved", "")
    page = {"user": me(), "route": found, "editable": route_changes.EDITABLE, "problem": None,
            "saved": [label for field, label in route_changes.EDITABLE.items() if field in saved.split(",")],
            "saved_nothing": saved == "nothing", "changes": route_changes.changes_for(database, route_id)}
    if request.method == "GET":
        form = {"starts": found.starts or "", "cost": found.cost, "entry": found.entry,
                "providers": route_changes.providers_text(found.providers), "source_url": ""}
        return render_page("staff/route.html", form=form, **page)
    try:
        values = {"starts": form["starts"], "cost": form["cost"], "entry": form["entry"],
                  "providers": route_changes.read_providers(form["providers"])}
        saved = route_changes.change_route(database, route_id, values, form["source_url"].strip(),
                                           by=signed_in_user().email)
    except route_changes.RouteChangeProblem as problem:  # raised before anything is changed
        return render_page("staff/route.html", form=form, **page | {"problem": problem}), 400
    if saved:
        accounts.log(database, signed_in_user(), "changed a route", f"{route_id}: {', '.join(saved)}")
    database.commit()
    return redirect(url_for("staff.route", route_id=route_id, saved=",".join(saved) or "nothing"), code=303)


@blueprint.get("/usage")
@staff_only("usage")
def usage_page():
    figures = usage.usage(db())
    return render_page("staff/usage.html", user=me(), figures=figures, measures=usage.MEASURES,
                       statuses=referrals.STATUSES,
                       chart=[(m, n) for m, n in figures.totals() if n >= usage.SMALLEST_SHOWN])


@blueprint.get("/usage.csv")
@staff_only("usage")
def usage_csv():
    return Response(usage.usage_csv(usage.usage(db())), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=usage.csv"})


def _event_form() -> manage.NewEvent:
    return manage.NewEvent(**{name: request.form.get(name, "") for name in (
        "title", "day", "starts", "ends", "venue", "address", "postcode", "what_you_do", "age_min", "age_max",
        "capacity", "run_by")}, roles=request.form.getlist("roles"), accessibility=request.form.getlist("accessibility"))


def row_or_404(model, row_id: int):
    """The row with this id, or a 404 page."""
    row = db().get(model, row_id)
    if row is None:
        abort(404)
    return row


def _import_problem(message: str):
    return render_page("staff/import.html", user=me(), formats=FORMATS, summary=None,
                       problem=message), 400


def _safe_next() -> str | None:
    """Where to go after signing in: only a staff page on this site, never an address someone slipped in."""
    wanted = request.values.get("next", "")
    return wanted if wanted.startswith("/staff") and "//" not in wanted and "\\" not in wanted else None
