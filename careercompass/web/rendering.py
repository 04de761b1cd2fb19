"""Every URL renders a full page, or just the part htmx asked for."""

from __future__ import annotations

import re

from flask import render_template, request

from careercompass.catalogue.glossary import explain
from careercompass.catalogue.facets import ROUTE_NAMES, SECTOR_NAMES, SHIFT_NAMES
from careercompass.catalogue.queries import quickest_route
from careercompass.web.resources import release_session


def wants_fragment(target_id: str) -> bool:
    """True when htmx is asking to swap only the element with this id (not for boosted full-page loads)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Boosted") != "true"
        and request.headers.get("HX-Target") == target_id
    )


def render_page(template: str, fragment: str | None = None, target_id: str | None = None, **context) -> str:
    release_session()
    if fragment and target_id and wants_fragment(target_id):
        return render_template(fragment, **context)
    return render_template(template, **context)


def labels(values: list[str], names: dict[str, str]) -> str:
    """Turn stored codes (like 'long-days') into the words people read, joined with commas."""
    return ", ".join(names.get(value, value) for value in values)


def opening(text: str, limit: int = 170) -> str:
    """The first whole sentences of a text that fit in `limit` characters (at least one sentence)."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    kept = sentences[0]
    for sentence in sentences[1:]:
        if len(kept) + 1 + len(sentence) > limit:
            break
        kept += " " + sentence
    return kept


def init_app(app) -> None:
    # The words people read for stored codes, the same on every page.
    app.jinja_env.globals.update(route_names=ROUTE_NAMES, sector_names=SECTOR_NAMES, shift_names=SHIFT_NAMES)
    app.add_template_filter(labels)
    app.add_template_filter(opening)
    app.add_template_filter(explain)
    app.add_template_filter(quickest_route)
