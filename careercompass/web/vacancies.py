"""Jobs in Leeds now: the list of open vacancies with its filters, and "near me" kept in the visitor's cookie."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from flask import Blueprint, abort, request, url_for
from sqlalchemy.orm import Session

from careercompass import usage, vocabulary
from careercompass.catalogue import queries as catalogue_queries
from careercompass.search import vacancy_index
from careercompass.vacancies import places
from careercompass.vacancies.models import Vacancy
from careercompass.vacancies.queries import DISTANCE_BANDS, Found, VacancyFilter, find
from careercompass.web import visitor
from careercompass.web.addresses import same_query
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources
from careercompass.web.security import limiter

blueprint = Blueprint("vacancies", __name__)

PER_PAGE = 20
MAX_PAGE = 5_000  # past every advert there could be; a longer number would overflow the database's offset
ROLE_PAGE_SHOWS = 3


def chosen_place() -> tuple[places.Place | None, str | None]:
    """The visitor's place for "near me": from `?near=` when given (then remembered), else from the cookie.

    Returns (the place, a message when what they typed is not a Leeds place). Only the postcode district or ward
    is kept; the rest of a full postcode is dropped at once.
    """
    current = visitor.current()
    if "near" in request.args:
        typed = request.args.get("near", "").strip()[:visitor.MAX_NEAR_LENGTH]
        if not typed:
            visitor.remember(replace(current, near=None))
            return None, None
        place = places.find_place(typed)
        if place is None:
            return None, (f"We could not find “{typed}” in Leeds. Type a Leeds postcode area like LS9, or a ward "
                          "name like Harehills.")
        visitor.remember(replace(current, near=place.label))
        return place, None
    return (places.find_place(current.near) if current.near else None), None


def open_apprenticeships(database: Session, slug: str) -> int:
    """How many apprenticeships for the role are open now, for the apprenticeship step of a route from here."""
    count, _ = find(database, VacancyFilter(role=slug, apprenticeship=True), date.today(), limit=0)
    return count


def open_for_role(database: Session, slug: str, place: places.Place | None) -> tuple[int, list[Found]]:
    """How many jobs are open for the role, and the first few (nearest first when the visitor gave a place)."""
    return find(database, VacancyFilter(role=slug, near=place), date.today(), limit=ROLE_PAGE_SHOWS)


@blueprint.get("/vacancies")
def listing():
    database = db()
    place, place_problem = chosen_place()
    within = request.args.get("within", type=float)
    wanted = VacancyFilter(
        role=request.args.get("role") or None,
        family=request.args.get("family") or None,
        band=request.args.get("band") if request.args.get("band") in vocabulary.ids(vocabulary.BANDS) else None,
        apprenticeship=True if request.args.get("apprenticeship") == "yes" else None,
        near=place,
        within_km=within if place is not None and within in DISTANCE_BANDS else None,
    )
    words = request.args.get("q", "").strip()[:vacancy_index.MAX_QUERY_LENGTH]
    searched = vacancy_index.search(database, words, spelling=resources().search_index.corrected) if words else None
    if searched:
        wanted = replace(wanted, ranked_ids=searched.ids)
    page = min(max(request.args.get("page", 1, type=int), 1), MAX_PAGE)
    count, found = find(database, wanted, date.today(), limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    role = catalogue_queries.get_role(database, wanted.role) if wanted.role else None
    return render_page(
        "vacancies/list.html",
        found=found,
        count=count,
        wanted=wanted,
        words=words,
        corrected=searched.corrected if searched else None,
        role=role,
        page=page,
        pages=max((count + PER_PAGE - 1) // PER_PAGE, 1),
        page_url=lambda number: same_query(url_for("vacancies.listing"), page=number),
        place=place,
        place_problem=place_problem,
        distance_bands=DISTANCE_BANDS,
        families=catalogue_queries.families_with_counts(database),
        bands=vocabulary.BANDS,
        samples=resources().settings.embedded_default,
    )


@blueprint.post("/vacancies/<int:vacancy_id>/went")
@limiter.limit("60 per minute")
def went(vacancy_id: int):
    """The page's beacon when someone follows a link to an advert: a bare count for the Academy, nothing more."""
    if db().get(Vacancy, vacancy_id) is None:
        abort(404)
    usage.add_one(db(), "vacancy_clicks", visitor.current().near)
    return "", 204
