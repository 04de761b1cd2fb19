"""A job's own page, a family of jobs, and the words explained."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, redirect, request, url_for

from careercompass import vocabulary
from careercompass.catalogue import queries
from careercompass.catalogue.easy_read import easy_version
from careercompass.catalogue.glossary import reader_texts, terms_used
from careercompass.matching import feedback
from careercompass.pathway import RouteFromHere, Where, route_from_here, route_ids_needed
from careercompass.web import events, vacancies, visitor
from careercompass.web.addresses import same_query
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources

blueprint = Blueprint("roles", __name__)


@blueprint.get("/roles/<slug>")
def role(slug: str):
    database = db()
    found = queries.get_role(database, slug)
    if found is None:
        if moved := queries.moved_slugs(database, [slug]).get(slug):  # merged or renamed: links must keep working
            return redirect(same_query(url_for("roles.role", slug=moved)), code=301)
        abort(404)
    reference = visitor.current().feedback_reference if request.args.get("from") == "results" else None
    if reference:  # opened from a results page whose list was recorded: a good pick, for the ranking to learn
        feedback.record(database, reference, "open", slug, limit=resources().settings.feedback_events_per_reference)
        database.commit()
    terms = queries.glossary(database)
    pay = queries.PayCalculator(database).figures(found)
    # With easy read on, the short version comes first and the full text is one link away (?full=1).
    easy = easy_version(found, pay) if visitor.current().easy_read else None
    place, place_problem = vacancies.chosen_place()
    jobs_count, jobs = vacancies.open_for_role(database, slug, place)
    tasters = events.next_for_role(database, slug)
    where = chosen_where()
    plan = None
    if where is not None:
        plan = route_from_here(where, found.entry_routes,
                               queries.routes_by_id(database, route_ids_needed(found.entry_routes)), found.minimum_age)
    return render_page(
        "roles/role.html",
        role=found,
        glossary=terms,
        terms_used=terms_used((text for _, text in reader_texts(found)), terms),
        ladder=queries.ladder_for(database, found),
        pay=pay,
        easy=easy,
        full=easy is None or request.args.get("full") == "1",
        jobs_count=jobs_count,
        jobs=jobs,
        place=place,
        place_problem=place_problem,
        tasters=tasters,
        samples=resources().settings.embedded_default,
        plan=plan,
        apprenticeships_open=_apprenticeships_open(database, slug, plan),
        stages=vocabulary.STAGES,
    )


def chosen_where() -> Where | None:
    """Where the visitor is now, for "your route from here": from the one-tap form when sent (then remembered),
    else from the cookie."""
    current = visitor.current()
    if "stage" not in request.args:
        return current.where_now
    where = Where.chosen(request.args.get("stage"), request.args.get("english_maths"))
    visitor.remember(replace(current, where=where))
    return where


def _apprenticeships_open(database, slug: str, plan: RouteFromHere | None) -> int:
    if plan is None or not any(way.apprenticeship_adverts for way in plan.ways):
        return 0
    return vacancies.open_apprenticeships(database, slug)


@blueprint.get("/families/<slug>")
def family(slug: str):
    database = db()
    overview = queries.family_overview(database, slug)
    if overview is None:
        abort(404)
    return render_page("roles/family.html", overview=overview, pay=queries.PayCalculator(database))


@blueprint.get("/glossary")
def glossary():
    return render_page("roles/glossary.html", terms=sorted(queries.glossary(db()).items()))
