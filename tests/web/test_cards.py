"""Cards for jobs: one macro for every list, the family colours as data, the match label worked out in Python."""

from __future__ import annotations

import re

import pytest

from careercompass.catalogue.loader import load_catalogue
from careercompass.config import PROJECT_ROOT
from careercompass.web.rendering import match_strength
from tests.conftest import CATALOGUE_DIR

TEMPLATES = PROJECT_ROOT / "templates"


def test_every_family_has_its_own_colour_in_the_catalogue():
    catalogue = load_catalogue(CATALOGUE_DIR)
    colours = [family.colour for family in catalogue.families]
    assert {role.family for role in catalogue.roles} <= {family.slug for family in catalogue.families}
    assert all(re.fullmatch(r"#[0-9a-f]{6}", colour) for colour in colours)
    assert len(set(colours)) == len(colours)


def test_the_colours_are_served_as_one_stylesheet_linked_from_every_page(client):
    response = client.get("/family-colours.css")
    assert response.mimetype == "text/css" and response.cache_control.max_age
    css = response.get_data(as_text=True)
    assert css.count(".fam-eye-care {") == 1 and css.count(".fam-ambulance {") == 1
    assert 'href="/family-colours.css?v=' in client.get("/about").get_data(as_text=True)
    assert ".fam-" not in (PROJECT_ROOT / "static" / "css" / "site.css").read_text()


def test_every_list_of_jobs_uses_the_one_card_macro():
    for path in TEMPLATES.rglob("*.html"):
        if path.name == "macros.html":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'class="card (?:result|role-card)', text), path
        assert "facts__label" not in text, path


@pytest.mark.parametrize(("score", "label"), [(100, "Strong match"), (90, "Strong match"), (89.9, "Good match"),
                                             (75, "Good match"), (74.9, "Worth a look"), (0, "Worth a look")])
def test_the_match_label_is_worked_out_in_python(score, label):
    assert match_strength(score) == label


def test_the_results_show_each_jobs_match_label(form_client):
    form_client.post("/quiz/1", data={"activities": "caring"})
    html = form_client.get("/results").get_data(as_text=True)
    labels = re.findall(r'class="match-strength">([^<]+)<', html)
    assert len(labels) == 10 and set(labels) <= {"Strong match", "Good match", "Worth a look"}
