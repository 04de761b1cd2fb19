"""The fragment contract: htmx target ids are named once, and every URL that can answer with a fragment varies."""

from __future__ import annotations

import re

import pytest

from careercompass.config import PROJECT_ROOT
from careercompass.web import fragments

TEMPLATES = PROJECT_ROOT / "templates"
HTMX = {"HX-Request": "true"}


def vary(response) -> set[str]:
    return {value.strip() for value in response.headers.get("Vary", "").split(",")}


@pytest.mark.parametrize("headers", [{}, {**HTMX, "HX-Target": fragments.QUIZ}])
def test_a_quiz_step_varies_on_htmx_headers(client, headers):
    assert {"HX-Request", "HX-Target"} <= vary(client.get("/quiz/1", headers=headers))


@pytest.mark.parametrize("headers", [{}, {**HTMX, "HX-Target": fragments.RESULTS_LIST}])
def test_the_results_vary_on_htmx_headers(client, headers):
    assert {"HX-Request", "HX-Target"} <= vary(client.get("/results", headers=headers))


@pytest.mark.parametrize("headers", [{}, {**HTMX, "HX-Target": fragments.BROWSE_RESULTS}])
def test_find_jobs_varies_on_htmx_headers(client, headers):
    assert {"HX-Request", "HX-Target"} <= vary(client.get("/roles?q=porter", headers=headers))


def test_posts_that_answer_with_fragments_vary_too(form_client):
    headers = {**HTMX, "HX-Target": fragments.QUIZ}
    assert {"HX-Request", "HX-Target"} <= vary(form_client.post("/quiz/1", data={"skip": "1"}, headers=headers))
    assert {"HX-Request", "HX-Target"} <= vary(form_client.post("/quiz/1", data={"skip": "1"}))  # the redirect
    assert {"HX-Request", "HX-Target"} <= vary(form_client.post("/results/why-not", data={"reason": "study"}))


def test_a_page_that_never_answers_with_a_fragment_does_not_vary(client):
    assert "HX-Target" not in vary(client.get("/about"))


def test_fragment_ids_come_from_one_place():
    """Templates and scripts never write a fragment id themselves: they read it from fragments.py."""
    ids = "|".join(re.escape(name) for name in fragments.ALL)
    literal = re.compile(rf'(hx-target="#(?:{ids})"|id="(?:{ids})"|show:#(?:{ids}):)')
    offenders = [str(path.relative_to(PROJECT_ROOT)) for path in [*TEMPLATES.rglob("*.html"),
                                                                   PROJECT_ROOT / "static" / "js" / "app.js"]
                 if literal.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
    script = (PROJECT_ROOT / "static" / "js" / "app.js").read_text(encoding="utf-8")
    assert not re.search(rf'["\'](?:{ids})["\']', script)


def test_an_unknown_fragment_id_is_a_mistake_caught_at_once(app):
    with app.test_request_context("/"), pytest.raises(ValueError):
        fragments.wants_fragment("not-a-fragment")


def test_fragment_templates_follow_one_naming_rule():
    """A fragment is `_name.html` beside its page; shared templates are the only files at the top."""
    at_top = sorted(path.name for path in TEMPLATES.glob("*.html"))
    assert at_top == ["error.html", "layout.html", "macros.html", "send_again.html"]
    for path in TEMPLATES.rglob("_*.html"):
        assert path.parent != TEMPLATES, path
    assert not (TEMPLATES / "partials").exists()
