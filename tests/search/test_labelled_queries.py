"""The labelled sets: what young people type, and job titles as employers write them, with the right roles.

Every query must have one of its right roles in the top five; every job title must link to its role, or
at worst name it among the alternatives.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from careercompass.catalogue import models
from careercompass.catalogue.facets import Selection, load_facet_table
from careercompass.database import open_session
from careercompass.matching.engine import closest_in_meaning
from careercompass.search.explore import MEANING_CANDIDATES, explore
from careercompass.search.index import SearchIndex, build_index
from careercompass.search.lookup import lookup
from careercompass.search.sources import role_document
from tests.conftest import CATALOGUE_DIR

HERE = Path(__file__).parent
QUERIES = yaml.safe_load((HERE / "labelled_queries.yaml").read_text(encoding="utf-8"))["queries"]
TITLES = yaml.safe_load((HERE / "vacancy_titles.yaml").read_text(encoding="utf-8"))["titles"]
ROLE_SLUGS = {path.stem for path in (CATALOGUE_DIR / "roles").glob("*.yaml")}


@pytest.fixture(scope="module")
def search_parts(ready_settings, shared_match_data):
    with open_session(ready_settings.database_uri) as session:
        table = load_facet_table(session)
    return table, SearchIndex(ready_settings.index_dir), lambda text: closest_in_meaning(
        shared_match_data, text, MEANING_CANDIDATES)


def test_the_labelled_sets_are_big_and_name_real_roles():
    assert len(QUERIES) >= 100 and len(TITLES) >= 50
    kinds = {q["kind"] for q in QUERIES}
    assert {"misspelling", "abbreviation", "slang", "description"} <= kinds
    named = {slug for q in QUERIES for slug in q["expect"]} | {t["role"] for t in TITLES}
    named |= {slug for t in TITLES for slug in t.get("also", [])}
    assert named <= ROLE_SLUGS, sorted(named - ROLE_SLUGS)


@pytest.mark.parametrize("case", QUERIES, ids=[q["q"] for q in QUERIES])
def test_a_right_role_is_in_the_top_five(search_parts, case):
    table, index, similar = search_parts
    top = explore(table, index, case["q"], Selection(), similar).slugs[:5]
    assert set(case["expect"]) & set(top), f"{case['q']!r} ({case['kind']}): top five were {top}"


@pytest.mark.parametrize("case", TITLES, ids=[t["title"] for t in TITLES])
def test_a_job_title_links_to_its_role(search_parts, case):
    _, index, _ = search_parts
    found = lookup(index, case["title"])
    right = {case["role"], *case.get("also", [])}
    named = [found.best.slug] + [c.slug for c in found.alternatives] if found.best else []
    assert right & set(named), f"{case['title']!r}: got {named}"


def test_nine_in_ten_job_titles_link_to_their_role_first(search_parts):
    _, index, _ = search_parts
    first = sum(
        (found := lookup(index, case["title"])).best is not None
        and found.best.slug in {case["role"], *case.get("also", [])}
        for case in TITLES
    )
    assert first / len(TITLES) >= 0.9, f"{first} of {len(TITLES)} linked to the right role first"


@pytest.mark.parametrize(("text", "limit"), [("pa stutter", 5), ("geriatric palliative medical addicts", 60)])
def test_queries_that_once_made_whoosh_loop_forever_now_return(ready_settings, tmp_path, text, limit):
    """Whoosh's block-quality skipping looped forever on these (on the index without the word table)."""
    with open_session(ready_settings.database_uri) as session:
        roles = session.scalars(select(models.Role)).all()
        build_index(tmp_path, map(role_document, roles))
    answered: list[int] = []
    worker = threading.Thread(target=lambda: answered.append(len(SearchIndex(tmp_path).search(text, limit).hits)),
                              daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert answered, f"searching {text!r} did not return within 30 s"
