"""The home page: the quiz, a search box, jobs anyone can start, and every family of jobs."""

from __future__ import annotations

from flask import Blueprint

from careercompass.catalogue import queries
from careercompass.catalogue.facets import Selection
from careercompass.events.queries import EventFilter, upcoming
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources

blueprint = Blueprint("home", __name__)

HOME_STARTER_ROLES = 3


@blueprint.get("/")
def home():
    database = db()
    families = queries.families_with_counts(database)
    table = resources().facet_table()
    open_to_all = table.filter(table.alphabetical, Selection.of(route="no-qualifications"))
    # Chosen from plain rows; only the few shown are loaded with the detail their cards need.
    candidates = queries.roles_by_slug(database, open_to_all[:40], detail=False)
    picked = queries.spread_across_families(candidates, HOME_STARTER_ROLES)
    starters = queries.roles_by_slug(database, [role.slug for role in picked])
    return render_page(
        "home/home.html",
        families=families,
        role_count=sum(count for _, count in families),
        no_quals=len(open_to_all),
        starter_roles=starters,
        pay=queries.PayCalculator(database),
        next_events=upcoming(database, EventFilter(), limit=3),
    )
