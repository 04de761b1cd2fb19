"""What the site is, what it can't tell you, where its facts come from, and privacy."""

from __future__ import annotations

from flask import Blueprint

from careercompass.web.rendering import render_page
from careercompass.web.resources import resources

blueprint = Blueprint("about", __name__)


@blueprint.get("/about")
def about():
    return render_page("about/about.html")


@blueprint.get("/privacy")
def privacy():
    """What is kept, why, and for how long, in plain words; the times come from the settings in use."""
    return render_page("about/privacy.html", settings=resources().settings)
