"""The catalogue loader: the real catalogue loads, and every kind of broken file is reported by file and field.

Broken files are tried on a small catalogue made from six real roles (tests/catalogue/fixture_catalogue), so each
case reads a handful of files; the real catalogue is read once for the whole module.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from careercompass.catalogue import loader
from careercompass.catalogue.loader import STANDARDS_FILE, Catalogue, CatalogueInvalid, load_catalogue
from careercompass.catalogue.schema import Role
from tests.conftest import CATALOGUE_DIR, SMALL_CATALOGUE_DIR

REAL = CATALOGUE_DIR


@pytest.fixture(scope="module")
def real_catalogue() -> Catalogue:
    return load_catalogue(REAL)


def edit_role(catalogue: Path, file_slug: str, **changes) -> Path:
    path = catalogue / "roles" / f"{file_slug}.yaml"
    data = yaml.safe_load(path.read_text())
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def problems_for(catalogue: Path) -> list[str]:
    with pytest.raises(CatalogueInvalid) as caught:
        load_catalogue(catalogue)
    return [str(p) for p in caught.value.problems]


def read_standards_table(catalogue: Path) -> dict[str, str]:
    """Code to level as written in the table, read without the loader."""
    with (catalogue / STANDARDS_FILE).open(newline="", encoding="utf-8") as handle:
        return {row["ref"].strip(): row["level"].strip() for row in csv.DictReader(handle)}


def write_standards_table(catalogue: Path, levels: dict[str, str]) -> None:
    path = catalogue / STANDARDS_FILE
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["ref"] in levels]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({**row, "level": levels[row["ref"]]} for row in rows)


def test_the_catalogue_is_read_with_libyaml_when_it_is_installed():
    # Several times faster than the pure-Python reader; a timed test would flake, so the choice is checked.
    assert loader.YAML_LOADER is (yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


def test_the_small_catalogue_loads_as_it_is():
    catalogue = load_catalogue(SMALL_CATALOGUE_DIR)
    assert {role.slug for role in catalogue.roles} == {
        "porter", "domestic-assistant", "care-worker", "senior-care-worker", "healthcare-support-worker",
        "nursing-associate",
    }


def test_the_real_catalogue_loads_with_enough_roles_and_families(real_catalogue):
    catalogue = real_catalogue
    assert len(catalogue.roles) >= 40
    assert len({role.family for role in catalogue.roles}) >= 10
    assert sum("social-care" in role.sectors for role in catalogue.roles) >= 10


def test_the_real_catalogue_has_roles_anyone_can_start(real_catalogue):
    open_to_all = {r.slug for r in real_catalogue.roles if any(x.type == "no-qualifications" for x in r.entry_routes)}
    assert {"porter", "care-worker", "healthcare-support-worker", "domestic-assistant"} <= open_to_all


def test_every_real_apprenticeship_route_is_in_the_standards_table_at_its_level(real_catalogue):
    table = read_standards_table(REAL)
    routes = [(role.slug, route) for role in real_catalogue.roles for route in role.entry_routes
              if route.type == "apprenticeship"]
    assert len(routes) >= 20
    for slug, route in routes:
        assert route.standard_code in table, slug
        level = table[route.standard_code]
        assert not level.isdigit() or int(level) == route.level, slug


def test_a_standard_dropped_or_relevelled_in_the_table_is_caught_in_the_roles_that_name_it(small_catalogue):
    levels = read_standards_table(small_catalogue)
    del levels["ST0005"]  # care worker's apprenticeship
    levels["ST0006"] = "4"  # senior care worker's is level 3
    write_standards_table(small_catalogue, levels)
    problems = problems_for(small_catalogue)
    assert any(p.startswith("roles/care-worker.yaml: entry_routes[") and
               p.endswith(".standard_code: 'ST0005' is not in apprenticeship_standards.csv") for p in problems)
    assert any(p.startswith("roles/senior-care-worker.yaml: entry_routes[") and
               p.endswith(".level: ST0006 is level 4, not 3") for p in problems)
    assert len(problems) == 2


def test_ladders_link_both_ways_across_health_and_social_care(real_catalogue):
    up = {role.slug: set(role.next_steps) for role in real_catalogue.roles}
    assert "senior-care-worker" in up["care-worker"]
    assert "nursing-associate" in up["senior-care-worker"]
    assert "adult-nurse" in up["nursing-associate"]


def test_a_missing_required_field_names_the_file_and_field(small_catalogue):
    edit_role(small_catalogue, "porter", summary=None)
    assert "roles/porter.yaml: summary: Field required" in problems_for(small_catalogue)


def test_a_wrong_band_is_reported_with_the_allowed_values(small_catalogue):
    edit_role(small_catalogue, "porter", pay={"scheme": "agenda-for-change", "band_from": "11"})
    [problem] = problems_for(small_catalogue)
    assert problem.startswith("roles/porter.yaml: pay.agenda-for-change.band_from: Input should be '2'")


def test_an_apprenticeship_without_a_standard_code_is_refused(small_catalogue):
    edit_role(
        small_catalogue,
        "porter",
        entry_routes=[{"type": "apprenticeship", "title": "Porter apprenticeship", "description": "Learn on the job, paid.",
                       "earn_while_you_learn": True}],
    )
    [problem] = problems_for(small_catalogue)
    assert "roles/porter.yaml: entry_routes.0" in problem and "standard_code" in problem


def test_an_unknown_apprenticeship_code_or_wrong_level_is_refused(small_catalogue):
    route = {"type": "apprenticeship", "title": "Made-up apprenticeship", "description": "This one does not exist.",
             "standard_code": "ST9999", "level": 2, "earn_while_you_learn": True}
    wrong_level = {**route, "standard_code": "ST0216", "level": 5}
    edit_role(small_catalogue, "porter", entry_routes=[route, wrong_level])
    problems = problems_for(small_catalogue)
    assert "roles/porter.yaml: entry_routes[0].standard_code: 'ST9999' is not in apprenticeship_standards.csv" in problems
    assert "roles/porter.yaml: entry_routes[1].level: ST0216 is level 2, not 5" in problems


def test_a_misspelt_field_is_refused_not_ignored(small_catalogue):
    edit_role(small_catalogue, "porter", hard_part=["Typo in the field name."])
    assert "roles/porter.yaml: hard_part: Extra inputs are not permitted" in problems_for(small_catalogue)


def test_broken_yaml_gives_the_line(small_catalogue):
    (small_catalogue / "roles" / "porter.yaml").write_text("slug: porter\ntitle: [unclosed\n")
    [problem] = problems_for(small_catalogue)
    assert problem.startswith("roles/porter.yaml: is not valid YAML (line 3")


def test_links_to_unknown_roles_families_and_employers_are_named(small_catalogue):
    edit_role(small_catalogue, "porter", next_steps=["brain-surgeon"], family="astronauts",
              leeds_employers=["nasa"])
    problems = problems_for(small_catalogue)
    assert "roles/porter.yaml: next_steps[0]: no role has the slug 'brain-surgeon'" in problems
    assert "roles/porter.yaml: family: unknown family 'astronauts' (see families.yaml)" in problems
    assert "roles/porter.yaml: leeds_employers[0]: unknown employer 'nasa' (see employers.yaml)" in problems


def test_a_slug_that_does_not_match_its_file_name_is_refused(small_catalogue):
    edit_role(small_catalogue, "porter", slug="hospital-porter")
    assert "roles/porter.yaml: slug: 'hospital-porter' does not match the file name 'porter'" in problems_for(
        small_catalogue
    )


def test_two_roles_with_one_title_are_refused(small_catalogue):
    edit_role(small_catalogue, "porter", title="Care worker")
    problems = problems_for(small_catalogue)
    assert any("title: 'Care worker' is already the title of" in p for p in problems)


def test_a_ladder_that_loops_back_is_refused(small_catalogue):
    edit_role(small_catalogue, "senior-care-worker", next_steps=["care-worker"])
    problems = problems_for(small_catalogue)
    assert "roles/care-worker.yaml: next_steps: following next_steps leads back to this role (a ladder must go up)" in problems


def test_every_problem_in_every_file_is_reported_at_once(small_catalogue):
    edit_role(small_catalogue, "porter", riasec="XYZ")
    edit_role(small_catalogue, "care-worker", patient_facing=None)
    problems = problems_for(small_catalogue)
    assert any(p.startswith("roles/porter.yaml: riasec") for p in problems)
    assert "roles/care-worker.yaml: patient_facing: Field required" in problems


def test_an_empty_or_non_mapping_file_is_explained(small_catalogue):
    (small_catalogue / "roles" / "porter.yaml").write_text("")
    (small_catalogue / "roles" / "care-worker.yaml").write_text("- just a list\n")
    problems = problems_for(small_catalogue)
    assert "roles/porter.yaml: the file is empty" in problems
    assert any(p.startswith("roles/care-worker.yaml: should be a set of 'field: value' lines") for p in problems)


def test_the_schema_refuses_a_pay_range_in_the_wrong_unit():
    data = yaml.safe_load((REAL / "roles" / "care-worker.yaml").read_text())
    data["pay"] = {**data["pay"], "scheme": "range", "period": "hour", "minimum": 24000, "maximum": 26000}
    with pytest.raises(ValueError, match="looks like a yearly figure"):
        Role.model_validate(data)


def test_an_unexplained_acronym_is_refused(small_catalogue):
    edit_role(small_catalogue, "porter", hours="You work shifts on the XQZ rota, days and nights.")
    assert "roles/porter.yaml: hours: 'XQZ' is not explained in glossary.yaml" in problems_for(small_catalogue)


def test_grades_and_known_short_forms_are_not_flagged():
    from careercompass.catalogue.glossary import acronyms_in

    assert list(acronyms_in("Usually BBB or A*AA at A level, plus GCSEs and a DBS check.")) == ["GCSE", "DBS"]


def test_a_summary_far_above_the_reading_age_is_refused(small_catalogue):
    hard = ("Practitioners operationalise multidisciplinary interprofessional collaborative frameworks "
            "facilitating comprehensive biopsychosocial rehabilitation interventions, notwithstanding "
            "organisational infrastructure constraints and considerable administrative responsibilities.")
    edit_role(small_catalogue, "porter", summary=hard)
    assert any(p.startswith("roles/porter.yaml: summary: reading age") for p in problems_for(small_catalogue))


def test_reading_age_ranks_plain_text_below_hard_text():
    from careercompass.catalogue.readability import reading_age

    assert reading_age("You help people. You make tea. You chat.") < 8
    assert reading_age("Comprehensive multidisciplinary rehabilitation necessitates considerable "
                       "interprofessional collaboration.") > 15
