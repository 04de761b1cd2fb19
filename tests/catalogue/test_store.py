"""Saving the catalogue into a real database (SQLite and PostgreSQL): idempotent, all or nothing, links kept.

The whole real catalogue is saved where every row matters (saving twice); edits are tried on the small one.
"""

from __future__ import annotations

import pytest
import yaml
from sqlalchemy import select

from careercompass.catalogue import models, queries
from careercompass.catalogue.loader import load_catalogue
from careercompass.catalogue.store import save_catalogue
from careercompass.database import transaction
from tests.conftest import CATALOGUE_DIR, SMALL_CATALOGUE_DIR, dump_database


@pytest.fixture(scope="module")
def real_catalogue():
    return load_catalogue(CATALOGUE_DIR)


def test_saving_twice_leaves_the_database_unchanged(database_url, session_factory, real_catalogue):
    catalogue = real_catalogue
    with transaction(session_factory) as session:
        first = save_catalogue(session, catalogue)
    before = dump_database(database_url)
    with transaction(session_factory) as session:
        second = save_catalogue(session, catalogue)
    assert first.added == len(catalogue.roles) and first.unchanged == 0
    assert (second.added, second.updated, second.removed, second.unchanged) == (0, 0, 0, len(catalogue.roles))
    assert dump_database(database_url) == before


def test_an_edited_role_is_updated_in_place_and_links_to_it_survive(session_factory, small_catalogue):
    with transaction(session_factory) as session:
        save_catalogue(session, load_catalogue(small_catalogue))
    path = small_catalogue / "roles" / "senior-care-worker.yaml"
    data = yaml.safe_load(path.read_text())
    data["hours"] = "A changed description of the hours for this test."
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with transaction(session_factory) as session:
        summary = save_catalogue(session, load_catalogue(small_catalogue))
    assert summary.updated == 1
    with session_factory() as session:
        role = queries.get_role(session, "senior-care-worker")
        assert role.hours == "A changed description of the hours for this test."
        ladder = queries.ladder_for(session, role)
        assert "care-worker" in [r.slug for r in ladder.below]


def test_a_role_removed_from_the_files_leaves_the_database(session_factory, small_catalogue):
    with transaction(session_factory) as session:
        save_catalogue(session, load_catalogue(small_catalogue))
    links_to_it = select(models.RoleLink).where(models.RoleLink.to_slug == "domestic-assistant")
    with session_factory() as session:
        assert session.scalars(links_to_it).all() != []
    (small_catalogue / "roles" / "domestic-assistant.yaml").unlink()
    for path in (small_catalogue / "roles").glob("*.yaml"):  # drop links to it, as an editor would
        data = yaml.safe_load(path.read_text())
        for key in ("related", "next_steps"):
            data[key] = [s for s in data.get(key, []) if s != "domestic-assistant"]
        path.write_text(yaml.safe_dump(data, sort_keys=False))
    with transaction(session_factory) as session:
        summary = save_catalogue(session, load_catalogue(small_catalogue))
    assert summary.removed == 1
    with session_factory() as session:
        assert session.get(models.Role, "domestic-assistant") is None
        assert session.scalars(links_to_it).all() == []


def test_a_failed_save_writes_nothing(database_url, session_factory):
    catalogue = load_catalogue(SMALL_CATALOGUE_DIR)
    before = dump_database(database_url)
    with pytest.raises(RuntimeError):
        with transaction(session_factory) as session:
            save_catalogue(session, catalogue)
            raise RuntimeError("power cut half way")
    assert dump_database(database_url) == before


def test_pay_is_worked_out_from_the_band_table(session_factory):
    with transaction(session_factory) as session:
        save_catalogue(session, load_catalogue(SMALL_CATALOGUE_DIR))
    with session_factory() as session:
        role = queries.get_role(session, "healthcare-support-worker")
        figures = queries.PayCalculator(session).figures(role)
        assert (figures.yearly_minimum, figures.yearly_maximum, figures.bands) == (24465, 26598, "2 to 3")
        assert figures.year == "2025/26"
