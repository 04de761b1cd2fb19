"""The easy version of each role: checked when the catalogue loads, saved with the role, and short with its pay."""

from __future__ import annotations

from statistics import median

import pytest
import yaml
from pydantic import ValidationError

from careercompass.catalogue import models
from careercompass.catalogue.easy_read import MAX_WORDS, easy_version, plain_pay
from careercompass.catalogue.loader import CatalogueInvalid, load_catalogue
from careercompass.catalogue.pay import PayFigures, pay_figures
from careercompass.catalogue.quality import READING_AGE_TARGET
from careercompass.catalogue.readability import reading_age
from careercompass.catalogue.schema import EASY_READ_MAX_WORDS, EasyRead, Role
from careercompass.catalogue.store import save_catalogue
from careercompass.database import transaction
from tests.conftest import CATALOGUE_DIR

PLAIN = {
    "you_do": "You move patients around the hospital in beds and wheelchairs.",
    "way_in": "You can start with no exams. You learn on the job.",
    "hard_part": "You walk miles every day. Some patients are very ill.",
}


def test_a_short_plain_version_is_accepted():
    assert EasyRead(**PLAIN).word_count <= EASY_READ_MAX_WORDS


def test_a_version_over_the_word_limit_is_refused():
    too_long = {**PLAIN, "you_do": "You move patients around the hospital. " * 6}
    with pytest.raises(ValidationError, match=f"keep all three to {EASY_READ_MAX_WORDS} or fewer"):
        EasyRead(**too_long)


@pytest.mark.parametrize("pay", ["You earn £24,000 a year.", "You get 24k to start with.",
                                 "You are paid 20,000 pounds a year.", "You get 12.50 pounds an hour."])
def test_a_version_that_gives_pay_is_refused(pay):
    with pytest.raises(ValidationError, match="must not give pay"):
        EasyRead(**{**PLAIN, "way_in": pay})


def test_numbers_that_are_not_pay_are_allowed():
    EasyRead(**{**PLAIN, "way_in": "You must be 18. The course takes 3 years.",
                "hard_part": "You work 12 hour shifts. Your heart pounds in an emergency."})


def test_every_role_must_have_one_and_it_is_checked():
    data = yaml.safe_load((CATALOGUE_DIR / "roles" / "porter.yaml").read_text())
    assert Role.model_validate({**data, "easy_read": PLAIN}).easy_read == EasyRead(**PLAIN)
    with pytest.raises(ValidationError, match="easy_read\n  Field required"):
        Role.model_validate({key: value for key, value in data.items() if key != "easy_read"})
    with pytest.raises(ValidationError, match="easy_read.you_do"):
        Role.model_validate({**data, "easy_read": {**PLAIN, "you_do": None}})


def test_a_missing_block_names_the_file_when_the_catalogue_loads(small_catalogue):
    path = small_catalogue / "roles" / "porter.yaml"
    data = yaml.safe_load(path.read_text())
    path.write_text(yaml.safe_dump({k: v for k, v in data.items() if k != "easy_read"}, sort_keys=False))
    with pytest.raises(CatalogueInvalid) as caught:
        load_catalogue(small_catalogue)
    assert "roles/porter.yaml: easy_read: Field required" in [str(p) for p in caught.value.problems]


def test_the_version_is_saved_with_its_role_and_an_edit_replaces_it(session_factory, small_catalogue):
    with transaction(session_factory) as session:
        save_catalogue(session, load_catalogue(small_catalogue))
    path = small_catalogue / "roles" / "porter.yaml"
    data = yaml.safe_load(path.read_text())
    with session_factory() as session:
        assert session.get(models.Role, "porter").easy_read == data["easy_read"]
    path.write_text(yaml.safe_dump({**data, "easy_read": PLAIN}, sort_keys=False))
    with transaction(session_factory) as session:
        assert save_catalogue(session, load_catalogue(small_catalogue)).updated == 1
    with session_factory() as session:
        assert session.get(models.Role, "porter").easy_read == PLAIN


def figures(yearly_minimum: int, yearly_maximum: int | None = None) -> PayFigures:
    return PayFigures(yearly_minimum, yearly_maximum if yearly_maximum is not None else yearly_minimum + 5000,
                      12.0, 15.0, "2025/26", "2", None, "NHS", "https://example.org")


def test_the_pay_line_is_made_from_the_pay_data_in_round_numbers():
    assert plain_pay(figures(24_465)) == "About £24,000 a year to start"
    assert plain_pay(figures(31_049)) == "About £31,000 a year to start"
    assert plain_pay(figures(0, 0)) == "None, this is volunteering"


def test_no_version_is_made_for_a_role_without_one():
    assert easy_version(models.Role(slug="porter", easy_read=None), figures(24_465)) is None


@pytest.fixture(scope="module")
def real_catalogue():
    return load_catalogue(CATALOGUE_DIR)


def test_every_version_with_its_pay_line_fits_the_limit(real_catalogue):
    catalogue = real_catalogue
    source = catalogue.pay.source.model_dump(mode="json")
    for role in catalogue.roles:
        pay = pay_figures(role.pay.model_dump(mode="json"), catalogue.pay.bands, catalogue.pay.year, source)
        row = models.Role(slug=role.slug, easy_read=role.easy_read.model_dump())
        assert easy_version(row, pay).word_count <= MAX_WORDS, role.slug


def test_easy_versions_read_more_easily_than_the_summaries(real_catalogue):
    easy = [reading_age(role.easy_read.text) for role in real_catalogue.roles]
    assert max(easy) <= READING_AGE_TARGET
    assert median(easy) < median(reading_age(role.summary) for role in real_catalogue.roles)
