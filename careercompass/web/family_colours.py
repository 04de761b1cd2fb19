"""Each job family's colour, as data: a stripe on its cards and pages, served as one small stylesheet.

The colours mark cards only (a border, never text), so the text contrast rules are kept whatever they are.
A test checks that every family in the catalogue has exactly one colour here.
"""

from __future__ import annotations

from functools import cache

from flask import Blueprint, Response

blueprint = Blueprint("family_colours", __name__)

FAMILY_COLOURS = {
    "adult-social-care": "#b3261e",
    "children-and-families": "#c05600",
    "healthcare-support": "#00796b",
    "nursing": "#1565c0",
    "midwifery": "#ad1457",
    "allied-health-professions": "#2e7d32",
    "ambulance": "#f9a825",
    "healthcare-science": "#6a1b9a",
    "pharmacy": "#00838f",
    "dental": "#0277bd",
    "doctors": "#283593",
    "medical-associate-professions": "#4527a0",
    "psychological-therapies": "#8e24aa",
    "public-health": "#558b2f",
    "management": "#37474f",
    "digital-and-data": "#0d47a1",
    "wider-healthcare-team": "#795548",
    "eye-care": "#9e9d24",
}
CACHE_SECONDS = 3600


@cache
def stylesheet_text() -> str:
    rules = (f".fam-{slug} {{ --fam: {colour}; }}" for slug, colour in FAMILY_COLOURS.items())
    return "/* Colours per job family, made from careercompass/web/family_colours.py. */\n" + "\n".join(rules) + "\n"


@blueprint.get("/family-colours.css")
def stylesheet():
    response = Response(stylesheet_text(), mimetype="text/css")
    response.cache_control.public = True
    response.cache_control.max_age = CACHE_SECONDS
    return response
