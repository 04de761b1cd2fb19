"""A job's own page, a family of jobs, and the words explained."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, request, url_for

from careercompass.catalogue import queries
from careercompass.catalogue.easy_read import easy_version
from careercompass.catalogue.glossary import reader_texts, terms_used
from careercompass.matching import feedback
from careercompass.web import events, vacancies, visitor
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources

blueprint = Blueprint("roles", __name__)


@blueprint.get("/roles/<slug>")
def role(slug: str):
    database = db()
    found = queries.get_role(database, slug)
    if found is None:
        if moved := queries.moved_slugs(database, [slug]).get(slug):  # merged or renamed: links must keep working
            return redirect(url_for("roles.role", slug=moved, **request.args), code=301)
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
    )


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
