"""The fragment contract: which parts of a page htmx may ask for, named once for Python and for templates.

A URL that can answer with a fragment answers with the whole page unless htmx names one of these ids in
`HX-Target`. Fragment templates are named `_name.html` and sit beside their page's template. Every response
of such a URL carries `Vary: HX-Request, HX-Target`, so a cache never serves a fragment as a page.
"""

from __future__ import annotations

from functools import wraps
from types import SimpleNamespace

from flask import Flask, Response, g, request

QUIZ = "quiz"  # the question on a quiz step
RESULTS_LIST = "results-list"  # the explained results, swapped after "not for me" or "why not"
BROWSE_RESULTS = "results"  # the jobs found on the find-jobs page
FACETS = "facets"  # the filters with their counts, refreshed out of band beside the jobs found
CLASS_BOARD = "class-board"  # a class session's figures on the projector, polled every few seconds

# For templates: `hx-target="#{{ fragments.QUIZ }}"`.
TEMPLATE_NAMES = SimpleNamespace(QUIZ=QUIZ, RESULTS_LIST=RESULTS_LIST, BROWSE_RESULTS=BROWSE_RESULTS, FACETS=FACETS,
                                 CLASS_BOARD=CLASS_BOARD)
ALL = frozenset(vars(TEMPLATE_NAMES).values())

VARY_HEADERS = ("HX-Request", "HX-Target")


def may_answer_with_fragment() -> None:
    """Mark this request's URL as one that can answer with a fragment, so its response varies on htmx headers."""
    g.answers_with_fragments = True


def wants_fragment(target_id: str) -> bool:
    """True when htmx is asking to swap only the element with this id (not for boosted full-page loads)."""
    if target_id not in ALL:
        raise ValueError(f"{target_id!r} is not a fragment id; add it to careercompass/web/fragments.py")
    may_answer_with_fragment()
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Boosted") != "true"
        and request.headers.get("HX-Target") == target_id
    )


def fragment_view(view):
    """For a view whose URL can answer with a fragment: every response it gives, redirects too, varies."""

    @wraps(view)
    def marked(*args, **kwargs):
        may_answer_with_fragment()
        return view(*args, **kwargs)

    return marked


def init_app(app: Flask) -> None:
    app.jinja_env.globals["fragments"] = TEMPLATE_NAMES

    @app.after_request
    def vary_on_htmx(response: Response) -> Response:
        if g.get("answers_with_fragments"):
            for header in VARY_HEADERS:
                response.vary.add(header)
        return response
