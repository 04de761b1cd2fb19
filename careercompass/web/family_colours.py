"""Each job family's colour (catalogue data, in families.yaml) as one small stylesheet: a stripe on its cards.

The colours mark cards only (a border, never text), so text contrast holds whatever they are. The page links
the sheet with the roles' data version in its address, so browsers keep it for a long time and still see an edit.
"""

from __future__ import annotations

from flask import Blueprint, Response
from sqlalchemy.exc import DBAPIError

from careercompass.catalogue import queries
from careercompass.web.resources import db, resources

blueprint = Blueprint("family_colours", __name__)

CACHE_SECONDS = 7 * 24 * 3600


def stylesheet_text(colours: dict[str, str]) -> str:
    rules = (f".fam-{slug} {{ --fam: {colour}; }}" for slug, colour in colours.items())
    return "/* The colour of each job family, from roles_catalogue/families.yaml. */\n" + "\n".join(rules) + "\n"


@blueprint.get("/family-colours.css")
def stylesheet():
    response = Response(stylesheet_text(queries.family_colours(db())), mimetype="text/css")
    response.cache_control.public = True
    response.cache_control.max_age = CACHE_SECONDS
    return response


def stylesheet_version() -> int:
    """For the stylesheet's address: it changes whenever the catalogue data does. Every page asks, error pages
    included, so a database that cannot answer gives 0 here rather than a second error."""
    try:
        return resources().roles_version.version()
    except DBAPIError:
        return 0
