"""The health check that load balancers and operators ask: can this worker serve pages, search and match?

Each part is tried for real (a query, a search, a match), so "ok" means what it says; 503 when any fails.
"""

from __future__ import annotations

import logging

from flask import Blueprint

from careercompass.catalogue import queries
from careercompass.matching.engine import match
from careercompass.matching.quiz import parse_answers
from careercompass.search.index import describe as describe_index
from careercompass.web.resources import db, resources
from careercompass.web.security import rate_limits_working

log = logging.getLogger(__name__)
blueprint = Blueprint("health", __name__)

PROBE_SEARCH = "nurse"
PROBE_ANSWERS = {"activities": ["caring"]}


@blueprint.get("/healthz")
def health():
    checks: dict[str, object] = {}
    figures: dict[str, int] = {}
    try:
        figures["roles"] = sum(count for _, count in queries.families_with_counts(db()))
        checks["database"] = "ok" if figures["roles"] else "no roles: run careercompass init"
    except Exception as error:  # noqa: BLE001 - reported, not raised: this page says what is wrong
        checks["database"] = _failed("database", error)
    try:
        figures["search_documents"] = int(describe_index(resources().settings.index_dir).get("documents", 0))
        figures["search_hits"] = len(resources().search_index.search(PROBE_SEARCH, limit=5).hits)
        checks["search"] = "ok" if figures["search_hits"] else f"no results for {PROBE_SEARCH!r}"
    except Exception as error:  # noqa: BLE001
        checks["search"] = _failed("search", error)
    try:
        data = resources().matcher.data()
        result = match(data, parse_answers(PROBE_ANSWERS), limit=3)
        figures["match_roles"] = len(data.roles)
        checks["match"] = "ok" if result.matches else "a match found no roles"
    except Exception as error:  # noqa: BLE001
        checks["match"] = _failed("match", error)
    healthy = all(value == "ok" for value in checks.values())
    # Not a failure of this node (every node shares the store), so not a 503: pages are served without limits.
    limits = "ok" if rate_limits_working() else "not counting: the rate-limit store cannot be reached"
    return ({"status": "ok" if healthy else "failing", "checks": checks, "rate_limits": limits, **figures},
            (200 if healthy else 503))


@blueprint.get("/livez")
def alive():
    """For a process supervisor: this worker answers. /healthz says whether it can do its job."""
    return {"status": "ok"}


def _failed(part: str, error: Exception) -> str:
    log.error("Health check: %s failed: %r", part, error)
    return f"failed ({type(error).__name__})"
