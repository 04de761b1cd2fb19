"""The JSON API, version 1. Its contract is careercompass/web/openapi.json, served at /api/v1/openapi.json."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, request
from sqlalchemy.orm import Session

from careercompass import data_versions, vocabulary
from careercompass.catalogue import facets, models, queries
from careercompass.catalogue.easy_read import easy_version
from careercompass.catalogue.facets import Condition, Selection, degree_answer
from careercompass.catalogue.pay import PayFigures
from careercompass.events import booking
from careercompass.events.models import Event
from careercompass.events.queries import EventFilter, FoundEvent, upcoming
from careercompass.matching.engine import match as run_match
from careercompass.matching.quiz import AnswerError, describe_quiz, parse_answers
from careercompass.matching.service import DATA_SOURCE
from careercompass.pathway import Where, route_from_here, route_ids_needed
from careercompass.search import vacancy_index
from careercompass.search.explore import explore
from careercompass.search.index import MAX_QUERY_LENGTH
from careercompass.search.lookup import lookup as lookup_title
from careercompass.vacancies import places
from careercompass.vacancies.queries import Found, VacancyFilter, open_counts
from careercompass.vacancies.queries import find as find_vacancies
from careercompass.web.addresses import external_url
from careercompass.web.resources import db, resources
from careercompass.web.security import booking_limit, csrf, match_limit, search_limit

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(blueprint)  # a JSON API for other programs: no cookies, no forms

OPENAPI_FILE = Path(__file__).with_name("openapi.json")


@cache
def openapi_document() -> dict[str, Any]:
    return json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))


@blueprint.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())


ROLES_PER_PAGE = 50
MAX_ROLES_PER_PAGE = 100
MAX_PAGE = 100_000
# The catalogue is public and the same for everyone: any cache may keep it for a minute, then revalidate it.
CATALOGUE_CACHE = "public, max-age=60"
# Compression turns a strong ETag "abc" into "abc:gzip" (or :br ...); a client revalidates with that form.
ENCODING_SUFFIX = re.compile(r":(?:br|gzip|deflate|zstd)$")


@blueprint.get("/roles")
def roles():
    """Every role by title, a page at a time (?page=&per_page=). A client that has a page revalidates it with its
    ETag, which is worked out from the roles' data version before any role is read."""
    _only_parameters({"page", "per_page"})
    page = _whole_number("page", 1, 1, MAX_PAGE)
    per_page = _whole_number("per_page", ROLES_PER_PAGE, 1, MAX_ROLES_PER_PAGE)
    database = db()
    version = data_versions.current(database, DATA_SOURCE)
    tag = _catalogue_etag(version, "roles", page, per_page)
    if (unchanged := _not_modified(tag)) is not None:
        return unchanged
    count = queries.count_roles(database)
    pages = max(1, -(-count // per_page))
    if page > pages:
        abort(404, description=f"page: there are {pages} pages of {per_page} roles; ask for a page from 1 to {pages}.")
    pay = queries.PayCalculator(database)
    found = queries.list_roles(database, limit=per_page, offset=(page - 1) * per_page)

    def page_url(number: int) -> str:
        return external_url("api.roles", page=number, per_page=per_page)

    following = page_url(page + 1) if page < pages else None
    previous = page_url(page - 1) if page > 1 else None
    response = jsonify({
        "count": count, "page": page, "per_page": per_page, "pages": pages, "next": following, "previous": previous,
        "roles": [role_summary(role, pay.figures(role)) for role in found],
    })
    links = [("first", page_url(1)), ("prev", previous), ("next", following), ("last", page_url(pages))]
    response.headers["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links if url)
    return _cacheable(response, database, version, tag)


@blueprint.get("/roles/<slug>")
def role(slug: str):
    database = db()
    version = data_versions.current(database, DATA_SOURCE)
    # Open vacancies are not part of the roles' data version, so their count (one small query) goes in the ETag.
    vacancies = open_counts(database, [slug], date.today()).get(slug, 0)
    tag = _catalogue_etag(version, "role", slug, vacancies)
    if (unchanged := _not_modified(tag)) is not None:
        return unchanged
    found = queries.get_role(database, slug)
    if found is None:
        abort(404, description=f"No role has the slug '{slug}'.")
    pay = queries.PayCalculator(database).figures(found)
    detail = role_detail(found, pay, queries.ladder_for(database, found))
    detail["open_vacancies"] = vacancies
    return _cacheable(jsonify(detail), database, version, tag)


@cache
def _contract_digest() -> str:
    """Changes with the OpenAPI document, so a release that reshapes the bodies does not answer 304 to old ones."""
    return hashlib.sha256(OPENAPI_FILE.read_bytes()).hexdigest()


def _catalogue_etag(version: int, *request_parts: object) -> str:
    # The links in a body start with the public address (or, without one, the request's host).
    base = current_app.config["CAREERCOMPASS"].public_url or request.host_url
    digest = hashlib.sha256(repr((_contract_digest(), base, request_parts)).encode()).hexdigest()[:20]
    return f"{DATA_SOURCE}-{version}-{digest}"


def _not_modified(tag: str) -> Response | None:
    """A 304 when the client already holds this body, in whichever encoding it was sent. `*` is not honoured:
    answering the whole body instead is always allowed, and it must not say that a missing role exists."""
    for sent in request.if_none_match.as_set(include_weak=True):
        # Werkzeug reads an empty weak tag (W/"") as None; no tag of ours is empty.
        if sent and ENCODING_SUFFIX.sub("", sent) == tag:
            response = Response(status=304)
            response.set_etag(sent)
            response.headers["Cache-Control"] = CATALOGUE_CACHE
            return response
    return None


def _cacheable(response: Response, database: Session, version: int, tag: str) -> Response:
    response.headers["Cache-Control"] = CATALOGUE_CACHE
    # A body built while an edit was committed may be half old, half new: it gets no ETag to be revalidated with.
    if data_versions.current(database, DATA_SOURCE) == version:
        response.set_etag(tag)
    return response


MAX_EXCLUDE = 500
MAX_LIMIT = 50


@blueprint.get("/search")
@search_limit
def search():
    """Roles for words and filters. Filters are the browse page's: repeat a name for "or" (route=t-level&route=degree)."""
    query = request.args.get("q", "")
    if len(query) > MAX_QUERY_LENGTH:
        abort(400, description=f"q: should be at most {MAX_QUERY_LENGTH} characters.")
    limit, offset = _whole_number("limit", 20, 1, MAX_LIMIT), _whole_number("offset", 0, 0, 10_000)
    table = resources().facet_table()
    unknown = sorted(set(request.args) - {"q", "limit", "offset"} - {facet.name for facet in table.facets})
    if unknown:
        abort(400, description=f"{unknown[0]}: not a parameter; use q, limit, offset or a filter: "
                               + ", ".join(facet.name for facet in table.facets) + ".")
    selection, problems = Selection.from_args(request.args, table.facets)
    if problems:
        abort(400, description=problems[0])
    found = explore(table, resources().search_index, query, selection, resources().similar)
    shown = found.slugs[offset:offset + limit]
    roles = {role.slug: role for role in queries.roles_by_slug(db(), shown, detail=False)}
    return jsonify({
        "query": found.query,
        "total": found.total,
        "results": [
            {"type": "role", "slug": slug, "title": roles[slug].title, "family": roles[slug].family_slug,
             "score": found.scores.get(slug), "matched_by": found.how.get(slug, "filters"),
             "url": external_url("roles.role", slug=slug)}
            for slug in shown if slug in roles
        ],
        "suggestion": found.corrected,
        "facets": found.counts,
        "words": found.reading.words if found.reading and found.reading.said else found.query,
        "understood": [
            {"wish": wish.id, "label": wish.label, "filters": [_condition(c) for c in wish.conditions],
             "query_without": found.reading.without(wish)}
            for wish in found.wishes
        ],
        "relaxed": {"wish": found.relaxed.id, "label": found.relaxed.label, "message": found.relaxed_message}
        if found.relaxed else None,
    })


def _condition(condition: Condition) -> dict[str, Any]:
    return {"filter": condition.facet, "values": sorted(condition.values), "exclude": condition.exclude}


@blueprint.get("/roles/lookup")
def lookup():
    """The catalogue role a job title (as an employer writes it) most likely means, with other candidates."""
    title = request.args.get("title", "").strip()
    if not title:
        abort(400, description="title: give a job title, for example ?title=Band 3 Healthcare Assistant.")
    if len(title) > MAX_QUERY_LENGTH:
        abort(400, description=f"title: should be at most {MAX_QUERY_LENGTH} characters.")
    found = lookup_title(resources().search_index, title)

    def candidate(c):
        return {"slug": c.slug, "title": c.title, "confidence": c.confidence,
                "url": external_url("roles.role", slug=c.slug)}

    return jsonify({
        "title": found.title,
        "understood": found.understood,
        "band": found.band,
        "role": candidate(found.best) if found.best else None,
        "confidence": found.best.confidence if found.best else 0.0,
        "alternatives": [candidate(c) for c in found.alternatives],
    })


def _whole_number(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        abort(400, description=f"{name}: should be a whole number from {low} to {high}.")
    return int(raw)


@blueprint.get("/vacancies")
def vacancies():
    """Open vacancies: ?role=&family=&near=&within_km=&band=&limit=&offset= (near is a Leeds district or ward)."""
    _only_parameters({"q", "role", "family", "near", "within_km", "band", "limit", "offset"})
    limit, offset = _whole_number("limit", 20, 1, MAX_LIMIT), _whole_number("offset", 0, 0, 100_000)
    database = db()
    role = request.args.get("role") or None
    if role is not None and queries.get_role(database, role) is None:
        abort(400, description=f"role: no role has the slug '{role}'.")
    family = request.args.get("family") or None
    if family is not None and queries.get_family(database, family) is None:
        abort(400, description=f"family: no family has the slug '{family}'.")
    band = request.args.get("band") or None
    if band is not None and band not in vocabulary.ids(vocabulary.BANDS):
        abort(400, description=f"band: should be one of {', '.join(vocabulary.ids(vocabulary.BANDS))}.")
    near = _near_parameter()
    within = request.args.get("within_km")
    if within is not None:
        if near is None:
            abort(400, description="within_km: give near as well, so there is somewhere to measure from.")
        try:
            within_km = float(within)
        except ValueError:
            within_km = -1.0
        if not 0 < within_km <= 100:
            abort(400, description="within_km: should be a number of kilometres above 0 and at most 100.")
    words = request.args.get("q", "").strip()
    if len(words) > vacancy_index.MAX_QUERY_LENGTH:
        abort(400, description=f"q: should be at most {vacancy_index.MAX_QUERY_LENGTH} characters.")
    searched = vacancy_index.search(database, words, spelling=resources().search_index.corrected) if words else None
    ranked = searched.ids if searched else None
    wanted = VacancyFilter(role=role, family=family, band=band, near=near,
                           within_km=float(within) if within is not None else None, ranked_ids=ranked)
    count, found = find_vacancies(database, wanted, date.today(), limit=limit, offset=offset)
    corrected = {"corrected": searched.corrected} if searched and searched.corrected else {}
    return jsonify({"count": count, **corrected, "vacancies": [vacancy_json(item) for item in found]})


def vacancy_json(item: Found) -> dict[str, Any]:
    v = item.vacancy
    return {
        "id": v.id,
        "title": v.title,
        "employer": v.employer,
        "roles": [{"slug": link.role_slug, "confidence": link.confidence} for link in v.links],
        "link_status": v.link_status,
        "pay_text": v.salary_text,
        "band": v.band_from,
        "salary_min": v.salary_min,
        "salary_max": v.salary_max,
        "closing_date": v.closing.isoformat() if v.closing else None,
        "location": {"postcode_district": v.postcode_district, "ward": v.ward, "lat": v.lat, "lon": v.lon},
        "distance_km": item.distance_km,
        "url": v.url,
    }


@blueprint.get("/events")
def events():
    """Upcoming taster events: ?role=&family=&near=&from=&to= (dates as YYYY-MM-DD)."""
    _only_parameters({"role", "family", "near", "from", "to"})
    near = _near_parameter()
    bounds = {}
    for name in ("from", "to"):
        if request.args.get(name):
            try:
                day = date.fromisoformat(request.args[name])
            except ValueError:
                abort(400, description=f"{name}: should be a date like 2027-01-31.")
            bounds[name] = datetime.combine(day, time(0 if name == "from" else 23, 59 if name == "to" else 0),
                                            tzinfo=UTC)
    wanted = EventFilter(role=request.args.get("role") or None, family=request.args.get("family") or None, near=near,
                         starting=bounds.get("from"), until=bounds.get("to"))
    found = upcoming(db(), wanted, limit=200)
    return jsonify({"count": len(found), "events": [event_json(item) for item in found]})


def event_json(item: FoundEvent) -> dict[str, Any]:
    e = item.event
    return {
        "id": e.id, "title": e.title, "start": _utc(e.starts_at), "end": _utc(e.ends_at), "venue": e.venue,
        "ward": e.ward, "postcode_district": e.postcode_district, "age_min": e.age_min, "age_max": e.age_max,
        "capacity": e.capacity, "places_left": e.places_left, "roles": [r.role_slug for r in e.roles],
        "distance_km": item.distance_km, "sample": e.sample,
        "url": external_url("events.show", event_id=e.id),
        "ics_url": external_url("events.event_ics", event_id=e.id),
    }


@blueprint.get("/routes")
def routes():
    """Shared routes in: ?role= (the routes its ways in follow), ?type=, and ?stage=&english_maths= with a role for
    that role's route from here, step by step."""
    _only_parameters({"role", "type", "stage", "english_maths"})
    route_type = request.args.get("type") or None
    if route_type is not None and route_type not in vocabulary.ROUTE_KINDS_BY_ID:
        abort(400, description=f"type: not a route type; use {', '.join(vocabulary.ids(vocabulary.ROUTE_KINDS))}.")
    slug = request.args.get("role") or None
    role = None
    if slug is not None and (role := queries.get_role(db(), slug)) is None:
        abort(400, description=f"role: no role has the slug '{slug}'.")
    where = None
    if request.args.get("stage"):
        where = Where.chosen(request.args["stage"], request.args.get("english_maths"))
        if where is None:
            abort(400, description=f"stage: use {', '.join(vocabulary.ids(vocabulary.STAGES))}.")
        if role is None:
            abort(400, description="stage: give a role too, to get the route from that stage to it.")
    found = queries.shared_routes(db(), route_type, slug)
    body: dict[str, Any] = {"count": len(found), "routes": [route_json(route) for route in found]}
    if where is not None and role is not None:
        plan = route_from_here(where, role.entry_routes,
                               queries.routes_by_id(db(), route_ids_needed(role.entry_routes)), role.minimum_age)
        body["from_here"] = [{"title": way.title, "type": way.type, "paid_while_learning": way.paid,
                              "years": way.years,
                              "steps": [{"title": step.title, "time": step.time, "money": step.money,
                                         "detail": step.detail, "route": step.route_id} for step in way.steps]}
                             for way in plan.ways]
    return jsonify(body)


def route_json(route) -> dict[str, Any]:
    return {"id": route.id, "type": route.type, "title": route.title, "summary": route.summary,
            "level": route.level, "length": route.length, "minimum_age": route.minimum_age, "entry": route.entry,
            "cost": route.cost, "starts": route.starts, "providers": route.providers, "employers": route.employers,
            "sources": route.sources}


@blueprint.post("/events/<int:event_id>/bookings")
@booking_limit
def book_event(event_id: int):
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, description='Send a JSON object: {"first_name", "contact", "age_band", "consent": true}.')
    unknown = sorted(set(body) - {"first_name", "contact", "age_band", "access_needs", "consent"})
    if unknown:
        abort(400, description=f"{unknown[0]}: not a field; the fields are first_name, contact, age_band, "
                               "access_needs and consent.")
    texts = {name: body.get(name, "") for name in ("first_name", "contact", "age_band", "access_needs")}
    for name, value in texts.items():
        if not isinstance(value, str):
            abort(400, description=f"{name}: should be text.")
    if db().get(Event, event_id) is None:
        abort(404, description=f"No event has the id {event_id}.")
    try:
        made = booking.book(db(), event_id, booking.Request(consent=body.get("consent") is True, **texts))
    except booking.BookingProblem as problem:
        abort(400, description=f"{problem.field}: {problem}")
    except booking.AlreadyBooked:
        abort(409, description="contact: already booked on this event; use the link sent when it was booked.")
    return jsonify({"status": made.status,
                    "cancel_url": external_url("events.my_booking", token=made.token)}), 201


def _only_parameters(known: set[str]) -> None:
    unknown = sorted(set(request.args) - known)
    if unknown:
        abort(400, description=f"{unknown[0]}: not a parameter; use {', '.join(sorted(known))}.")


def _near_parameter() -> places.Place | None:
    if not request.args.get("near"):
        return None
    near = places.find_place(request.args["near"])
    if near is None:
        abort(400, description="near: not a Leeds postcode district (like LS9), postcode or ward name.")
    return near


def _utc(moment: datetime) -> str:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


@blueprint.get("/quiz")
def quiz():
    return jsonify(describe_quiz())


@blueprint.post("/match")
@match_limit
def match():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, description="Send a JSON object, for example {\"answers\": {}, \"interests\": \"I like science\"}.")
    unknown = sorted(set(body) - {"answers", "interests", "limit", "exclude"})
    if unknown:
        abort(400, description=f"{unknown[0]}: not a field; the fields are answers, interests, limit and exclude.")
    limit = body.get("limit", 10)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        abort(400, description=f"limit: should be a whole number from 1 to {MAX_LIMIT}.")
    exclude = body.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(s, str) for s in exclude):
        abort(400, description="exclude: should be a list of role slugs.")
    if len(exclude) > MAX_EXCLUDE:  # more than there are roles: nothing useful, only work
        abort(400, description=f"exclude: at most {MAX_EXCLUDE} role slugs.")
    try:
        answers = parse_answers(body.get("answers") or {}, body.get("interests"))
    except AnswerError as error:
        abort(400, description=str(error))
    result = run_match(resources().matcher.data(), answers, limit=limit, exclude=exclude)
    read, words = result.read, result.words
    return jsonify({
        "results": [
            {"slug": m.slug, "title": m.title, "family": m.family, "score": m.score, "reasons": list(m.reasons),
             "strength": m.strength, "strength_why": m.strength_why, "unpaid": m.unpaid,
             "url": external_url("roles.role", slug=m.slug)}
            for m in result.matches
        ],
        "dealbreakers": sorted(result.dealbreakers),
        "excluded_by_dealbreakers": result.excluded_by_dealbreakers,
        # What was read in the person's words, as the results page shows it, so a person can correct it.
        "understood": {
            "likes": list(read.likes),
            "dealbreakers_from_text": sorted(read.dealbreakers),
            "said_no_to": [{"dealbreaker": name, "words": said} for name, said in read.said],
            "spelling": [{"typed": fix.typed, "read_as": fix.read_as} for fix in read.fixes],
            "stage": read.stage,
            "behind_the_scenes": read.people == "behind",
            "wishes_with_no_job_here": [topic.id for topic, _ in words.topics if not topic.jobs_about_it]
                                       if words else [],
            "no_meaning": bool(words and words.no_meaning),
        },
    })


def _route(route: models.EntryRoute) -> dict[str, Any]:
    return {
        "type": route.type,
        "title": route.title,
        "description": route.description,
        "entry_requirements": route.entry_requirements,
        "duration": route.duration,
        "earn_while_you_learn": route.earn_while_you_learn,
        "for_people_in_post": route.for_people_in_post,
        "apprenticeship_standard": route.standard_code,
        "level": route.level,
        "t_level": route.t_level,
        "specialism": route.specialism,
    }


def role_summary(role: models.Role, pay: PayFigures) -> dict[str, Any]:
    return {
        "slug": role.slug,
        "title": role.title,
        "family": role.family_slug,
        "sector": role.sector_names,
        "summary": role.summary,
        "pay": pay.as_json(),
        "entry_routes": sorted({route.type for route in role.entry_routes}),
        "earn_while_you_learn": role.earn_while_you_learn,
        "patient_facing": role.patient_facing,
        "minimum_age": role.minimum_age,
        "kind": role.kind,
        "url": external_url("roles.role", slug=role.slug),
    }


def role_detail(role: models.Role, pay: PayFigures, ladder: queries.Ladder) -> dict[str, Any]:
    def refs(roles: list[models.Role]) -> list[dict[str, str]]:
        return [{"slug": r.slug, "title": r.title, "url": external_url("api.role", slug=r.slug)} for r in roles]

    return {
        **role_summary(role, pay),
        "family_name": role.family.name,
        "other_titles": role.other_titles,
        "day_to_day": role.day_to_day,
        "where_you_work": role.where_you_work,
        "hours": role.hours,
        "shift_patterns": role.shift_pattern_names,
        "entry_routes": [_route(route) for route in role.entry_routes],
        "driving_licence_needed": role.driving_licence_needed,
        "age_note": role.age_note,
        "involves": list(role.involves),
        "onet_code": role.onet_code,
        "soc_code": role.soc_code,
        "last_checked": role.last_checked.isoformat() if role.last_checked else None,
        # Worked out from the fields above, as the filters and the wishes read from search words see them.
        "settings": sorted(facets.settings_for(role.where_you_work)),
        "nhs_band_group": facets.band_group(role.pay),
        "needs_a_degree": degree_answer([(r.type, r.level) for r in role.entry_routes],
                                        facets.band_group(role.pay)) == "needed",
        "skills": role.skills,
        "interests": role.interests,
        "riasec": role.riasec,
        "demands": {"physical": role.physical_demand, "emotional": role.emotional_demand},
        "hard_parts": role.hard_parts,
        "career_ladder": {"comes_after": refs(ladder.below), "leads_to": refs(ladder.above)},
        "related": refs(ladder.related),
        "leeds_employers": [
            {"slug": e.slug, "name": e.name, "kind": e.kind, "website": e.website} for e in role.employers
        ],
        "sources": role.sources,
        "easy_read": easy.as_json() if (easy := easy_version(role, pay)) else None,
    }
