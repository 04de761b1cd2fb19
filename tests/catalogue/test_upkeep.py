"""Keeping the catalogue true: the pay year, the legal minimum, a page for every fact, ages, interest evidence.

The failure cases run on the six-role fixture catalogue; one test holds the real catalogue to every rule, which is
what `careercompass check-catalogue` does.
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from careercompass.catalogue.loader import load_catalogue
from careercompass.catalogue.upkeep import PayRules, review_report, upkeep_problems
from careercompass.config import Settings
from tests.catalogue.test_loader import edit_role, problems_for
from tests.conftest import CATALOGUE_DIR

RULES = PayRules(current_year="2026/27", living_wage=12.71)


def rules_from_settings() -> PayRules:
    settings = Settings()
    return PayRules(current_year=settings.current_pay_year, living_wage=settings.national_living_wage)


def problems(catalogue_dir, rules: PayRules = RULES) -> list[str]:
    return [str(p) for p in upkeep_problems(load_catalogue(catalogue_dir), rules)]


def test_the_real_catalogue_is_current_and_sourced():
    found = problems(CATALOGUE_DIR, rules_from_settings())
    assert found == [], f"{len(found)} problems, first: {found[:10]}"


def test_the_default_pay_year_and_living_wage_are_the_ones_in_force_now():
    assert rules_from_settings() == PayRules(current_year="2026/27", living_wage=12.71)


def test_pay_from_last_year_is_refused(small_catalogue):
    found = problems(small_catalogue)
    assert any(p.startswith("roles/care-worker.yaml: pay.year: pay is for 2025/26; pay in force is 2026/27") for p in found)
    assert any(p.startswith("pay_agenda_for_change.yaml: year: the band table is for 2025/26") for p in found)
    assert not any("pay.year" in p for p in problems(small_catalogue, PayRules("2025/26", 12.21)))


def test_a_paid_role_below_the_legal_minimum_is_refused(small_catalogue):
    assert ("roles/care-worker.yaml: pay.minimum: £12.21 an hour is below the adult legal minimum of £12.71 "
            "(give apprentice rates in the note)") in problems(small_catalogue)
    assert not any("pay.minimum" in p for p in problems(small_catalogue, PayRules("2025/26", 12.21)))


@pytest.mark.parametrize(("url", "complaint"), [
    ("https://www.skillsforcare.org.uk/", "is a home page"),
    ("https://www.skillsforcare.org.uk", "is a home page"),
    ("https://skillsengland.education.gov.uk/apprenticeships/st0005-v1-2", "pins one version of the standard"),
    ("https://en.wikipedia.org/wiki/Caregiver", "is a wiki"),
])
def test_a_fact_must_cite_the_page_that_states_it(small_catalogue, url, complaint):
    path = small_catalogue / "roles" / "porter.yaml"
    data = yaml.safe_load(path.read_text())
    data["sources"][0]["url"] = url
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert any(p.startswith("roles/porter.yaml: sources[0]:") and complaint in p for p in problems(small_catalogue))


def test_unstated_ages_missing_interest_evidence_and_unchecked_files_are_listed(small_catalogue):
    edit_role(small_catalogue, "porter", minimum_age=None, onet_code=None, onet_none_reason=None, last_checked=None)
    found = [p for p in problems(small_catalogue) if p.startswith("roles/porter.yaml")]
    assert any("minimum_age: no minimum age" in p for p in found)
    assert any("onet_code: give the closest O*NET occupation" in p for p in found)
    assert any("last_checked: say when" in p for p in found)
    edit_role(small_catalogue, "porter", minimum_age=18, onet_none_reason="No O*NET job matches this UK job.",
              last_checked="2026-12-06")
    assert not [p for p in problems(small_catalogue) if p.startswith("roles/porter.yaml") and "sources" not in p]


def test_the_easy_read_must_not_give_a_different_age(small_catalogue):
    edit_role(small_catalogue, "porter", minimum_age=16)
    assert ("roles/porter.yaml: easy_read.way_in: says you must be 18, but minimum_age is 16"
            in problems(small_catalogue))


def test_an_unknown_onet_code_is_refused(small_catalogue):
    edit_role(small_catalogue, "porter", onet_code="99-9999.00")
    assert ("roles/porter.yaml: onet_code: '99-9999.00' is not an occupation in onet_interests.csv"
            in problems_for(small_catalogue))


def test_a_first_letter_that_differs_from_onet_needs_a_reason(small_catalogue):
    # O*NET's strongest interest for orderlies (31-1132.00) is Realistic; a porter coded S first must say why.
    edit_role(small_catalogue, "porter", onet_code="31-1132.00", riasec="SR", riasec_note=None)
    assert any("roles/porter.yaml: riasec: O*NET's strongest interest for Orderlies is R, not S" in p
               for p in problems_for(small_catalogue))
    edit_role(small_catalogue, "porter", riasec_note="In the NHS porters spend much of the day with patients.")
    load_catalogue(small_catalogue)


def test_a_former_slug_must_not_belong_to_a_live_role_or_two_roles(small_catalogue):
    edit_role(small_catalogue, "porter", former_slugs=["care-worker"])
    assert "roles/porter.yaml: former_slugs[0]: 'care-worker' is still the slug of a role" in problems_for(small_catalogue)
    edit_role(small_catalogue, "porter", former_slugs=["hospital-porter"])
    edit_role(small_catalogue, "domestic-assistant", former_slugs=["hospital-porter"])
    assert any("'hospital-porter' already leads to" in p for p in problems_for(small_catalogue))


@pytest.mark.parametrize(("kind", "pay", "message"), [
    ("job", {"scheme": "volunteer", "note": "You are not paid, but travel costs are covered."},
     "unpaid (volunteer) pay needs kind 'volunteering' or 'cadets'"),
    ("cadets", None, "a role of kind 'cadets' is unpaid: use 'scheme: volunteer' pay"),
])
def test_kind_and_pay_must_agree(small_catalogue, kind, pay, message):
    edit_role(small_catalogue, "porter", kind=kind, **({"pay": pay} if pay else {}))
    assert any(message in p for p in problems_for(small_catalogue))


def test_the_review_report_lists_problems_and_the_oldest_checked_roles_first(small_catalogue):
    edit_role(small_catalogue, "porter", last_checked="2024-01-15")
    edit_role(small_catalogue, "care-worker", last_checked="2026-11-30")
    report = review_report(load_catalogue(small_catalogue), RULES, date(2026, 12, 6))
    assert report.startswith("# Catalogue review")
    assert "pay out of date or below the legal minimum:" in report
    rows = [line for line in report.splitlines() if line.startswith("| ") and "`" in line]
    checked = [row for row in rows if "never" not in row]
    assert "`porter`" in checked[0] and "| 2024-01-15 | 1056 |" in checked[0]
    assert "`care-worker`" in checked[1] and "| 6 |" in checked[1]
