"""HTML pages. Each view reads the request, asks the catalogue or search modules, and renders."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, redirect, request, url_for
from flask import session as flask_session

from careercompass.catalogue import queries
from careercompass.catalogue.facets import Selection
from careercompass.catalogue.glossary import reader_texts, terms_used
from careercompass.matching import feedback
from careercompass.web.quiz import FEEDBACK_KEY
from careercompass.search.explore import explore
from careercompass.search.index import describe as describe_index
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources

blueprint = Blueprint("pages", __name__)

ROLES_PER_PAGE = 24
MAX_COMPARE = 3
MIN_SUGGEST_LETTERS = 2
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
    table = resources().facet_table()
    open_to_all = table.filter(table.alphabetical, Selection.of(route="no-qualifications"))
    starters = queries.roles_by_slug(session, open_to_all[:40])
    return render_page(
        "home.html",
        families=families,
        role_count=sum(count for _, count in families),
        no_quals=len(open_to_all),
        starter_roles=queries.spread_across_families(starters, HOME_STARTER_ROLES),
        pay=queries.PayCalculator(session),
    )


@blueprint.get("/roles")
def browse():
    """Every job, narrowed by what was typed and the filters chosen; all of it lives in the address."""
    table = resources().facet_table()
    selection, problems = Selection.from_args(request.args, table.facets)
    found = explore(table, resources().search_index, request.args.get("q", ""), selection, resources().similar)
    pages = max(1, -(-found.total // ROLES_PER_PAGE))
    page = min(_page_number(request.args.get("page")), pages)
    session = db()
    shown = found.slugs[(page - 1) * ROLES_PER_PAGE: page * ROLES_PER_PAGE]
    families = sorted(selection.chosen.get("family", ()))
    return render_page(
        "browse.html",
        fragment="partials/browse_results.html",
        target_id="results",
        found=found,
        roles=queries.roles_by_slug(session, shown),
        ideas=queries.roles_by_slug(session, found.ideas, detail=False),
        page=page,
        pages=pages,
        page_url=lambda number: _explore_url(found, page=number),
        remove_url=lambda facet, value: _explore_url(found, selection=selection.without(facet, value)),
        words_only_url=_explore_url(found, selection=Selection()),
        query_url=lambda text: _explore_url(found, query=text),
        facets=table.facets,
        oob_facets=True,  # a results fragment also refreshes the filter counts around it
        family=queries.get_family(session, families[0]) if len(families) == 1 else None,
        problems=problems,
        pay=queries.PayCalculator(session),
    )


def _explore_url(found, query: str | None = None, selection: Selection | None = None, page: int = 1) -> str:
    text = found.query if query is None else query
    args = [("q", text)] if text else []
    args += (selection if selection is not None else found.selection).as_args()
    if page > 1:
        args.append(("page", str(page)))
    return url_for("pages.browse") + ("?" + urlencode(args) if args else "")


def _page_number(raw: str | None) -> int:
    """Page numbers from the address: anything odd means the first page, never an error."""
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 10_000 else 1


@blueprint.get("/search")
def search():
    # Search and browse are one page now; old links and bookmarks keep working.
    return redirect(url_for("pages.browse", **request.args.to_dict(flat=False)), code=301)


@blueprint.get("/search/suggest")
def suggest():
    """Job names that start with what has been typed, for the list under the search box (an htmx fragment)."""
    text = request.args.get("q", "")
    suggestions = resources().search_index.suggest(text) if len(text.strip()) >= MIN_SUGGEST_LETTERS else []
    listbox = re.sub(r"[^a-z-]", "", request.args.get("listbox", ""))[:40] or "suggestion"
    return render_page("partials/suggestions.html", suggestions=suggestions, listbox_id=listbox)


@blueprint.get("/compare")
def compare():
    """Up to three jobs side by side. The address lists them, so a comparison can be shared or bookmarked."""
    wanted = list(dict.fromkeys(s.strip()[:80] for s in request.args.getlist("role") if s.strip()))
    problems = []
    if len(wanted) > MAX_COMPARE:
        problems.append(f"You can compare up to {MAX_COMPARE} jobs at once, so we show the first {MAX_COMPARE}.")
        wanted = wanted[:MAX_COMPARE]
    session = db()
    roles = queries.roles_by_slug(session, wanted)
    missing = [slug for slug in wanted if slug not in {role.slug for role in roles}]
    if missing:
        problems.append(f"We could not find a job called “{missing[0]}”, so it is not shown.")
    adding = request.args.get("add", "").strip()
    if adding and len(roles) < MAX_COMPARE:
        hit = next(iter(resources().search_index.search(adding, limit=1).hits), None)
        if hit is None:
            problems.append(f"We could not find a job for “{adding[:80]}”. Try another name.")
        elif hit.slug not in wanted:
            return redirect(url_for("pages.compare", role=[*wanted, hit.slug]))
    pay = queries.PayCalculator(session)
    return render_page(
        "compare.html",
        roles=roles,
        pay={role.slug: pay.figures(role) for role in roles},
        problems=problems,
        max_compare=MAX_COMPARE,
        without_url=lambda slug: url_for("pages.compare", role=[r.slug for r in roles if r.slug != slug]),
    )


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
    )


@blueprint.get("/families/<slug>")
def family(slug: str):
    session = db()
    overview = queries.family_overview(session, slug)
    if overview is None:
        abort(404)
    return render_page("family.html", overview=overview, pay=queries.PayCalculator(session))


@blueprint.get("/glossary")
def glossary():
    return render_page("glossary.html", terms=sorted(queries.glossary(db()).items()))


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
