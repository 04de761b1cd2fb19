"""Taster events: the list (soonest or nearest first), each event's page with its booking form, calendar files,
and a person's own booking link, where they can cancel or have their details deleted at once."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from flask import Blueprint, Response, abort, redirect, request, url_for
from markupsafe import Markup
from sqlalchemy import select

from careercompass.catalogue import queries as catalogue_queries
from careercompass.events import booking, calendar, messages
from careercompass.events.models import Booking, Event
from careercompass.events.queries import EventFilter, upcoming
from careercompass.web import class_seat
from careercompass.web.addresses import external_url, site_host
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources
from careercompass.web.security import booking_limit
from careercompass.web.vacancies import chosen_place

blueprint = Blueprint("events", __name__)

ACCESS_FEATURES = {"step-free": "Step-free access", "quiet-space": "A quiet space if you need a break",
                   "bsl-on-request": "British Sign Language interpreter if you ask when you book"}
T_LEVEL_NOTE = ("If you are doing a T Level, a taster can count towards your placement hours when your college "
                "agrees: ask them first.")


@blueprint.get("/events")
def listing():
    database = db()
    place, place_problem = chosen_place()
    family = request.args.get("family") or None
    age = request.args.get("age", type=int)
    found = upcoming(database, EventFilter(family=family, age=age if age and 11 <= age <= 99 else None, near=place))
    if place is not None:
        found.sort(key=lambda f: (f.distance_km is None, f.distance_km or 0.0))
    return render_page("events/list.html", found=found, place=place, place_problem=place_problem, family=family,
                       age=age, families=catalogue_queries.families_with_counts(database), samples=_samples(found),
                       note=T_LEVEL_NOTE)


@blueprint.get("/events/<int:event_id>")
def show(event_id: int):
    event = _event(event_id)
    place, _ = chosen_place()
    distance = round(place.km_to((event.lat, event.lon)), 1) if place and event.lat is not None else None
    return _event_page(event, distance=distance)


@blueprint.post("/events/<int:event_id>/book")
@booking_limit
def book(event_id: int):
    database = db()
    event = _event(event_id)
    form = booking.Request(first_name=request.form.get("first_name", "")[:100],
                           contact=request.form.get("contact", "")[:254], age_band=request.form.get("age_band", ""),
                           access_needs=request.form.get("access_needs", "")[:1000],
                           consent=request.form.get("consent") == "yes")
    try:
        made = booking.book(database, event_id, form)
    except booking.BookingProblem as problem:
        return _event_page(event, problem=problem, form=form), 400
    except booking.AlreadyBooked:
        problem = booking.BookingProblem("contact", "You have already booked this event with that email or number. "
                                                    "Use the link in your confirmation to see or cancel it.")
        return _event_page(event, problem=problem, form=form), 409
    sent = email_confirmation(made, event)
    class_seat.note_follow_up("booked")
    return redirect(url_for("events.my_booking", token=made.token, sent="1" if sent else "0"), code=303)


@blueprint.get("/bookings/<token>")
def my_booking(token: str):
    found = db().scalar(select(Booking).where(Booking.token == token))
    if found is None:
        abort(404)
    return render_page("events/booking.html", booking=found, event=db().get(Event, found.event_id),
                       sent=request.args.get("sent") == "1", age_bands=booking.AGE_BANDS)


@blueprint.post("/bookings/<token>/cancel")
def cancel(token: str):
    database = db()
    cancelled, moved_up = booking.cancel(database, token)
    if cancelled is None:
        abort(404)
    event = database.get(Event, cancelled.event_id)
    for person in moved_up:
        send_email(person.contact, messages.moved_up(person, event, cancel_url(person)))
    return redirect(url_for("events.my_booking", token=token), code=303)


@blueprint.post("/bookings/<token>/delete")
def forget(token: str):
    if not booking.forget(db(), token):
        abort(404)
    return render_page("events/deleted.html")


@blueprint.get("/events/<int:event_id>.ics")
def event_ics(event_id: int):
    event = _event(event_id)
    return _ics([event], event.title)


@blueprint.get("/events.ics")
def feed_ics():
    family = request.args.get("family") or None
    found = upcoming(db(), EventFilter(family=family), limit=500)
    return _ics([f.event for f in found], "Career Compass Leeds taster events")


def next_for_role(database, slug: str, limit: int = 3):
    """The next tasters for a role or its family, nearest first when the visitor gave a place."""
    place, _ = chosen_place()
    found = upcoming(database, EventFilter(role=slug, near=place))
    if place is not None:
        found.sort(key=lambda f: (f.distance_km is None, f.distance_km or 0.0))
    return found[:limit]


def next_for_results(database, matches: list[tuple[str, str]], limit: int = 3):
    """The next tasters that show a job from the results (slug, family), best-placed job first, then nearest (when
    the visitor gave a place) or soonest."""
    place, _ = chosen_place()
    rank = {}
    for position, (slug, family) in enumerate(matches):
        rank.setdefault(slug, position)
        rank.setdefault(family, position + 0.5)  # an event for the whole family comes after one for the job itself
    found = []
    for item in upcoming(database, EventFilter(near=place)):
        shown = [rank[r.role_slug] for r in item.event.roles if r.role_slug in rank]
        shown += [rank[f] for f in item.event.families or [] if f in rank]
        if shown:
            found.append((min(shown), item.distance_km if place is not None else 0.0, item))
    found.sort(key=lambda entry: (entry[0], entry[1] or 0.0))
    return [item for *_, item in found[:limit]]


def _event(event_id: int) -> Event:
    event = db().get(Event, event_id)
    if event is None:
        abort(404)
    return event


def _event_page(event: Event, problem=None, form=None, distance=None):
    url = external_url("events.show", event_id=event.id)
    data = calendar.json_ld(event, url, external_url("about.about"))
    roles = catalogue_queries.roles_by_slug(db(), [r.role_slug for r in event.roles], detail=False)
    return render_page("events/event.html", event=event, roles=roles, problem=problem, form=form,
                       distance=distance, json_ld=Markup(json.dumps(data).replace("<", "\\u003c")),
                       access=ACCESS_FEATURES, age_bands=booking.AGE_BANDS, note=T_LEVEL_NOTE,
                       started=event.starts_at.replace(tzinfo=event.starts_at.tzinfo or UTC) <= datetime.now(UTC))


def _ics(events: list[Event], name: str) -> Response:
    body = calendar.ics(events, lambda e: external_url("events.show", event_id=e.id),
                        site_host(), name)
    return Response(body, mimetype="text/calendar", headers={"Content-Disposition": "inline; filename=events.ics"})


def cancel_url(made: Booking) -> str:
    """The private link where a person sees, gives up or deletes their booking; no account needed."""
    return external_url("events.my_booking", token=made.token)


def email_confirmation(made: Booking, event: Event) -> bool:
    """Send the confirmation; if the mail server is down, the booking stands and `send-reminders` sends it later."""
    mail = messages.Mail.from_settings(resources().settings)
    if messages.send(mail, made.contact, *messages.confirmation(made, event, cancel_url(made))):
        return True
    if messages.can_email(mail, made.contact):
        made.confirmation_due = True
        db().commit()
    return False


def send_email(to: str, message: tuple[str, str]) -> bool:
    """Send a (subject, text) message through the SMTP server in config; False if none is set or it failed."""
    return messages.send(messages.Mail.from_settings(resources().settings), to, *message)


def _samples(found) -> bool:
    return any(f.event.sample for f in found)
