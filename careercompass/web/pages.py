"""HTML pages. Each view reads the request, asks the catalogue or search modules, and renders."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, Response, abort, request
from flask import session as flask_session

from careercompass.catalogue import queries
from careercompass.catalogue.glossary import reader_texts, terms_used
from careercompass.matching import feedback
from careercompass.web.quiz import FEEDBACK_KEY
from careercompass.search.index import describe as describe_index
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources

blueprint = Blueprint("pages", __name__)

MAX_SEARCH_RESULTS = 30
ROLES_PER_PAGE = 24
HOME_STARTER_ROLES = 3


@blueprint.after_request
def vary_on_htmx(response: Response) -> Response:
    # The same URL answers with a whole page or a fragment, so caches must key on these headers.
    response.vary.add("HX-Request")
    response.vary.add("HX-Target")
    return response


@blueprint.get("/")
def home():
    session = db()
    families = queries.families_with_counts(session)
    role_count = sum(count for _, count in families)
    open_to_all = queries.RoleFilters(route="no-qualifications")
    return render_page(
        "home.html",
        families=families,
        role_count=role_count,
        no_quals=queries.count_roles(session, open_to_all),
        starter_roles=queries.spread_across_families(queries.list_roles(session, open_to_all, limit=40),
                                                     HOME_STARTER_ROLES),
        pay=queries.PayCalculator(session),
    )


@blueprint.get("/roles")
def browse():
    session = db()
    filters, problems = queries.RoleFilters.from_args(request.args)
    family = queries.get_family(session, filters.family) if filters.family else None
    if filters.family and family is None:
        problems.append(f"We could not find the job family '{filters.family}', so we show every family.")
        filters = replace(filters, family="")
    total = queries.count_roles(session, filters)
    pages = max(1, -(-total // ROLES_PER_PAGE))
    page = min(_page_number(request.args.get("page")), pages)
    roles = queries.list_roles(session, filters, limit=ROLES_PER_PAGE, offset=(page - 1) * ROLES_PER_PAGE)
    return render_page(
        "browse.html",
        fragment="partials/browse_results.html",
        target_id="results",
        roles=roles,
        total=total,
        page=page,
        pages=pages,
        filters=filters,
        family=family,
        problems=problems,
        family_choices=[(f.slug, f"{f.name} ({count})") for f, count in queries.families_with_counts(session) if count],
        pay=queries.PayCalculator(session),
        sector_names=queries.SECTOR_NAMES,
        route_names=queries.ROUTE_NAMES,
    )


def _page_number(raw: str | None) -> int:
    """Page numbers from the address: anything odd means the first page, never an error."""
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 10_000 else 1


@blueprint.get("/roles/<slug>")
def role(slug: str):
    session = db()
    found = queries.get_role(session, slug)
    if found is None:
        abort(404)
    if request.args.get("from") == "results" and FEEDBACK_KEY in flask_session:
        feedback.record(session, flask_session[FEEDBACK_KEY], "open", slug)
        session.commit()
    terms = queries.glossary(session)
    return render_page(
        "role.html",
        role=found,
        glossary=terms,
        terms_used=terms_used((text for _, text in reader_texts(found)), terms),
        ladder=queries.ladder_for(session, found),
        pay=queries.PayCalculator(session).figures(found),
        sector_names=queries.SECTOR_NAMES,
        route_names=queries.ROUTE_NAMES,
        shift_names=queries.SHIFT_NAMES,
    )


@blueprint.get("/families/<slug>")
def family(slug: str):
    session = db()
    overview = queries.family_overview(session, slug)
    if overview is None:
        abort(404)
    return render_page("family.html", overview=overview, pay=queries.PayCalculator(session),
                       route_names=queries.ROUTE_NAMES)


@blueprint.get("/glossary")
def glossary():
    return render_page("glossary.html", terms=sorted(queries.glossary(db()).items()))


@blueprint.get("/search")
def search():
    text = request.args.get("q", "")
    hits = resources().search_index.search(text, limit=MAX_SEARCH_RESULTS) if text.strip() else []
    session = db()
    roles = queries.roles_by_slug(session, [hit.slug for hit in hits if hit.type == "role"])
    return render_page(
        "search.html",
        fragment="partials/search_results.html",
        target_id="search-results",
        query=text[:200],
        roles=roles,
        pay=queries.PayCalculator(session),
    )


@blueprint.get("/about")
def about():
    return render_page("about.html")


@blueprint.get("/healthz")
def health():
    session = db()
    index = describe_index(resources().settings.index_dir)
    return {
        "status": "ok",
        "roles": sum(count for _, count in queries.families_with_counts(session)),
        "search_documents": index.get("documents", 0),
    }
