"""What the site is, what it can't tell you, where its facts come from, and privacy."""

from __future__ import annotations

from flask import Blueprint

from careercompass.web.rendering import render_page

blueprint = Blueprint("about", __name__)


@blueprint.get("/about")
def about():
    return render_page("about/about.html")
