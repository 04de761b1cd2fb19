"""Filters: "or" inside a filter, "and" between filters, and counts that tell the truth about each choice."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from careercompass.catalogue.facets import Selection, age_group, band_group, load_facet_table, settings_for
from careercompass.catalogue.loader import load_catalogue
from careercompass.catalogue.store import save_catalogue
from careercompass.database import make_engine, make_session_factory, transaction, upgrade_schema
from tests.conftest import CATALOGUE_DIR


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(CATALOGUE_DIR)


@pytest.fixture(scope="module")
def table(module_database_url, catalogue):
    """The tests only read it, so the catalogue is saved once per kind of database."""
    engine = make_engine(module_database_url)
    upgrade_schema(engine)
    factory = make_session_factory(engine)
    with transaction(factory) as session:
        save_catalogue(session, catalogue)
    with factory() as session:
        yield load_facet_table(session)
    engine.dispose()


def test_filters_combine_with_or_inside_and_and_between(table, catalogue):
    by_slug = {role.slug: role for role in catalogue.roles}
    chosen = Selection.of(sector="social-care", route=["no-qualifications", "apprenticeship"], patient_facing="yes")
    found = table.filter(table.alphabetical, chosen)
    assert found and len(found) < len(table.alphabetical)
    for slug in found:
        role = by_slug[slug]
        assert "social-care" in role.sectors and role.patient_facing
        assert {"no-qualifications", "apprenticeship"} & {route.type for route in role.entry_routes}
    expected = [r.slug for r in catalogue.roles if "social-care" in r.sectors and r.patient_facing
                and {"no-qualifications", "apprenticeship"} & {route.type for route in r.entry_routes}]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize("chosen", [
    Selection(),
    Selection.of(route="degree"),
    Selection.of(route=["t-level", "apprenticeship"], shift="nights"),
    Selection.of(band="3", setting="hospital", age="18"),
])
def test_each_count_is_what_ticking_that_box_would_show(table, chosen):
    counts = table.counts(table.alphabetical, chosen)
    for facet in table.facets:
        for value, count in counts[facet.name].items():
            # Ticking a box adds to its facet's "or"; a count ignores the facet's own other choices.
            others = chosen.without(facet.name)
            with_it = Selection({**others.chosen, facet.name: frozenset([value])})
            assert count == len(table.filter(table.alphabetical, with_it)), (facet.name, value)


def test_every_role_has_a_setting_a_band_group_and_an_age_group(table):
    for row in table.rows.values():
        assert row.values["setting"], f"{row.slug}: no setting matched its 'where you work' lines"
        assert len(row.values["band"]) == 1 and len(row.values["age"]) == 1


def test_settings_are_read_from_where_you_work():
    assert settings_for(["Hospital wards at St James's"]) == {"hospital"}
    assert settings_for(["People's own homes across Leeds"]) == {"homes"}
    assert "on-the-road" in settings_for(["On an emergency ambulance across Leeds"])
    assert "office" in settings_for(["Your own home, for part of the week"])


def test_bands_and_ages_are_grouped():
    assert band_group({"scheme": "agenda-for-change", "band_from": "3"}) == "3"
    assert band_group({"scheme": "agenda-for-change", "band_from": "8b"}) == "8-9"
    assert band_group({"scheme": "range", "minimum": 12.6}) == "other"
    assert [age_group(a) for a in (None, 16, 17, 18, 21)] == ["none", "16", "18", "18", "over-18"]


def test_unknown_choices_are_reported_and_left_out(table):
    args = MultiDict([("route", "t-level"), ("route", "wizardry"), ("band", "99"), ("earn_while_you_learn", "1")])
    selection, problems = Selection.from_args(args, table.facets)
    assert selection.chosen == {"route": frozenset(["t-level"]), "earn_while_you_learn": frozenset(["yes"])}
    assert len(problems) == 2 and "wizardry" in problems[0] and "Way in" in problems[0]


def test_a_selection_round_trips_through_the_address_and_can_lose_one_choice(table):
    selection = Selection.of(route=["degree", "t-level"], shift="nights")
    again, problems = Selection.from_args(MultiDict(selection.as_args()), table.facets)
    assert again == selection and not problems
    assert selection.without("route", "degree").chosen == {"route": {"t-level"}, "shift": {"nights"}}
    assert selection.without("shift", "nights").chosen == {"route": {"degree", "t-level"}}
