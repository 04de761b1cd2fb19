"""Finding jobs: words and filters on one page (all of it in the address), suggestions as you type, comparing."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import Blueprint, redirect, request, url_for

from careercompass.catalogue import queries
from careercompass.catalogue.facets import Selection
from careercompass.search.explore import explore
from careercompass.web import fragments
from careercompass.web.addresses import same_query
from careercompass.web.fragments import fragment_view
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources
from careercompass.web.security import search_limit

blueprint = Blueprint("explore", __name__)

ROLES_PER_PAGE = 24
MAX_COMPARE = 3
MIN_SUGGEST_LETTERS = 2


@blueprint.get("/roles")
@search_limit
@fragment_view
def browse():
    """Every job, narrowed by what was typed and the filters chosen; all of it lives in the address."""
    table = resources().facet_table()
    selection, problems = Selection.from_args(request.args, table.facets)
    found = explore(table, resources().search_index, request.args.get("q", ""), selection, resources().similar)
    pages = max(1, -(-found.total // ROLES_PER_PAGE))
    page = min(_page_number(request.args.get("page")), pages)
    database = db()
    shown = found.slugs[(page - 1) * ROLES_PER_PAGE: page * ROLES_PER_PAGE]
    families = sorted(selection.chosen.get("family", ()))
    return render_page(
        "explore/browse.html",
        fragment="explore/_results.html",
        target_id=fragments.BROWSE_RESULTS,
        found=found,
        roles=queries.roles_by_slug(database, shown),
        ideas=queries.roles_by_slug(database, found.ideas, detail=False),
        page=page,
        pages=pages,
        page_url=lambda number: _explore_url(found, page=number),
        remove_url=lambda facet, value: _explore_url(found, selection=selection.without(facet, value)),
        without_wish_url=lambda wish: _explore_url(found, query=found.reading.without(wish)),
        words_only_url=_explore_url(found, selection=Selection()),
        query_url=lambda text: _explore_url(found, query=text),
        facets=table.facets,
        oob_facets=True,  # a results fragment also refreshes the filter counts around it
        family=queries.get_family(database, families[0]) if len(families) == 1 else None,
        problems=problems,
        pay=queries.PayCalculator(database),
    )


def _explore_url(found, query: str | None = None, selection: Selection | None = None, page: int = 1) -> str:
    text = found.query if query is None else query
    args = [("q", text)] if text else []
    args += (selection if selection is not None else found.selection).as_args()
    if page > 1:
        args.append(("page", str(page)))
    return url_for("explore.browse") + ("?" + urlencode(args) if args else "")


def _page_number(raw: str | None) -> int:
    """Page numbers from the address: anything odd means the first page, never an error."""
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 10_000 else 1


@blueprint.get("/search")
def search():
    # Search and browse are one page now; old links and bookmarks keep working.
    return redirect(same_query(url_for("explore.browse")), code=301)


@blueprint.get("/search/suggest")
@fragment_view
def suggest():
    """Job names that start with what has been typed, for the list under the search box (only ever a fragment)."""
    text = request.args.get("q", "")
    if request.headers.get("HX-Request") != "true":
        # Opened as a page (a bookmark, a shared link, a reload): show the search for those words, not a bare list.
        return redirect(url_for("explore.browse", q=" ".join(text.split())[:200] or None), code=303)
    suggestions = resources().search_index.suggest(text) if len(text.strip()) >= MIN_SUGGEST_LETTERS else []
    listbox = re.sub(r"[^a-z-]", "", request.args.get("listbox", ""))[:40] or "suggestion"
    return render_page("explore/_suggestions.html", suggestions=suggestions, listbox_id=listbox)


@blueprint.get("/compare")
def compare():
    """Up to three jobs side by side. The address lists them, so a comparison can be shared or bookmarked."""
    wanted = list(dict.fromkeys(s.strip()[:80] for s in request.args.getlist("role") if s.strip()))
    problems = []
    if len(wanted) > MAX_COMPARE:
        problems.append(f"You can compare up to {MAX_COMPARE} jobs at once, so we show the first {MAX_COMPARE}.")
        wanted = wanted[:MAX_COMPARE]
    database = db()
    roles = queries.roles_by_slug(database, wanted)
    missing = [slug for slug in wanted if slug not in {role.slug for role in roles}]
    if missing:
        problems.append(f"We could not find a job called “{missing[0]}”, so it is not shown.")
    adding = request.args.get("add", "").strip()
    if adding and len(roles) < MAX_COMPARE:
        hit = next(iter(resources().search_index.search(adding, limit=1).hits), None)
        if hit is None:
            problems.append(f"We could not find a job for “{adding[:80]}”. Try another name.")
        elif hit.slug not in wanted:
            return redirect(url_for("explore.compare", role=[*wanted, hit.slug]))
    pay = queries.PayCalculator(database)
    return render_page(
        "explore/compare.html",
        roles=roles,
        pay={role.slug: pay.figures(role) for role in roles},
        problems=problems,
        max_compare=MAX_COMPARE,
        without_url=lambda slug: url_for("explore.compare", role=[r.slug for r in roles if r.slug != slug]),
    )
