"""The shared vocabulary: each list is sound, and the schema, filters, quiz, matcher and API all read the same ids."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest
from pydantic import TypeAdapter, ValidationError

import careercompass
from careercompass import vocabulary
from careercompass.catalogue import facets, queries, schema
from careercompass.matching import engine, text
from careercompass.matching.engine import RoleFacts
from careercompass.matching.quiz import QUESTIONS, QUESTIONS_BY_ID, RIASEC

LISTS = {
    "sectors": vocabulary.SECTORS,
    "route types": vocabulary.ROUTE_TYPES,
    "shift patterns": vocabulary.SHIFT_PATTERNS,
    "bands": vocabulary.BANDS,
    "band groups": vocabulary.BAND_GROUPS,
    "riasec letters": vocabulary.RIASEC_LETTERS,
    "involvements": vocabulary.INVOLVEMENTS,
    "deal-breakers": vocabulary.DEALBREAKERS,
}


@pytest.mark.parametrize("terms", LISTS.values(), ids=LISTS.keys())
def test_every_list_has_unique_ids_and_labels(terms):
    assert terms
    assert len(set(vocabulary.ids(terms))) == len(terms)
    assert len(set(vocabulary.labels(terms).values())) == len(terms)
    assert all(term.id.strip() == term.id and term.label.strip() for term in terms)


def test_lookups_and_helpers_keep_the_list_order():
    assert vocabulary.ids(vocabulary.SECTORS)[0] == "nhs"
    assert list(vocabulary.labels(vocabulary.SHIFT_PATTERNS)) == list(vocabulary.ids(vocabulary.SHIFT_PATTERNS))
    assert vocabulary.ROUTE_TYPES_BY_ID["t-level"].label == "T Level"
    assert vocabulary.riasec_string() == "RIASEC"
    assert vocabulary.ids(vocabulary.routes_quickest_first())[:2] == ("no-qualifications", "apprenticeship")


@pytest.mark.parametrize(("literal", "terms"), [
    (schema.Sector, vocabulary.SECTORS),
    (schema.ShiftPattern, vocabulary.SHIFT_PATTERNS),
    (schema.Involvement, vocabulary.INVOLVEMENTS),
    (schema.Band, vocabulary.BANDS),
    (schema.RouteType, vocabulary.ROUTE_TYPES),
], ids=["sector", "shift pattern", "involvement", "band", "route type"])
def test_the_catalogue_schema_accepts_exactly_the_vocabulary(literal, terms):
    assert get_args(literal) == vocabulary.ids(terms)


def test_bands_and_interest_letters_in_the_schema_come_from_the_vocabulary():
    assert schema.BAND_ORDER == vocabulary.ids(vocabulary.BANDS)
    assert schema.RIASEC_LETTERS == RIASEC == vocabulary.riasec_string()
    code = TypeAdapter(schema.RiasecCode)
    for letter in vocabulary.RIASEC_LETTERS:
        assert code.validate_python(letter.id) == letter.id
    with pytest.raises(ValidationError):
        code.validate_python("X")


def test_the_filters_show_the_vocabulary_in_its_order():
    options = {facet.name: facet.options for facet in facets.facets({})}
    assert options["sector"] == facets.SECTOR_NAMES == vocabulary.labels(vocabulary.SECTORS)
    assert options["route"] == facets.ROUTE_NAMES == vocabulary.labels(vocabulary.ROUTE_TYPES)
    assert options["shift"] == facets.SHIFT_NAMES == vocabulary.labels(vocabulary.SHIFT_PATTERNS)
    assert list(options["band"]) == [*vocabulary.ids(vocabulary.BAND_GROUPS), "other"]


def test_every_band_falls_in_one_band_filter_and_every_band_filter_has_a_band():
    groups = vocabulary.ids(vocabulary.BAND_GROUPS)
    assert [band.group for band in vocabulary.BANDS if band.group not in groups] == []
    assert {band.group for band in vocabulary.BANDS} == set(groups)
    for band in vocabulary.BANDS:
        assert facets.band_group({"scheme": "agenda-for-change", "band_from": band.id}) == band.group


def test_every_way_in_has_a_place_in_the_quickest_first_order():
    assert sorted(route.quickness for route in vocabulary.ROUTE_TYPES) == list(range(len(vocabulary.ROUTE_TYPES)))
    assert set(queries.QUICKEST_FIRST) == set(queries.QUICKEST_LABELS) == set(vocabulary.ids(vocabulary.ROUTE_TYPES))


def test_the_quiz_offers_exactly_the_vocabulary_dealbreakers():
    offered = [(o.id, o.label, o.easy, o.icon) for o in QUESTIONS_BY_ID["dealbreakers"].options]
    assert offered == [(d.id, d.label, d.easy, d.icon) for d in vocabulary.QUIZ_DEALBREAKERS]
    # Understood in words only
    words_only = ["stress", "phones", "degree", "full-time", "over-16", "over-17", "patients", "unpaid"]
    assert [d.id for d in vocabulary.DEALBREAKERS if not d.in_quiz] == words_only
    assert QUESTIONS_BY_ID["dealbreakers"].most >= len(vocabulary.QUIZ_DEALBREAKERS)


def test_every_quiz_answer_points_only_to_known_interest_letters():
    letters = set(vocabulary.riasec_string())
    for question in QUESTIONS:
        for option in question.options:
            assert set(option.riasec) <= letters, f"{question.id}.{option.id}"
            assert len(set(option.riasec)) == len(option.riasec), f"{question.id}.{option.id}"


def test_the_matcher_weighs_only_known_ways_in():
    route_ids = set(vocabulary.ids(vocabulary.ROUTE_TYPES))
    study_options = {o.id for o in QUESTIONS_BY_ID["study"].options}
    for study, fit in engine.STUDY_ROUTE_FIT.items():
        assert study in study_options
        assert set(fit) <= route_ids


def test_free_text_reads_exactly_the_vocabulary_dealbreakers():
    assert text.DEALBREAKER_WORDS == {d.id: d.cues for d in vocabulary.DEALBREAKERS}


@pytest.mark.parametrize("dealbreaker", vocabulary.DEALBREAKERS, ids=vocabulary.ids(vocabulary.DEALBREAKERS))
def test_each_word_for_a_dealbreaker_is_understood_when_said_as_a_no(dealbreaker):
    # A limit only ever said without a "no" ("a job i can start at 16") is read from its phrases instead.
    assert dealbreaker.cues or dealbreaker.id in text.LIMIT_PHRASES
    assert len(set(dealbreaker.cues)) == len(dealbreaker.cues)
    for cue in dealbreaker.cues:
        assert dealbreaker.id in text.read_text(f"I don't want {cue}").dealbreakers, cue


def role_facts(involves=(), shift_patterns=("day-shifts", "part-time-possible"), driving_licence_needed=False,
               emotional="low", title="Test role", route_types=("degree", "apprenticeship"), needs_degree=False,
               minimum_age=16, unpaid=False, patient_facing=False) -> RoleFacts:
    return RoleFacts(
        slug="test-role", title=title, family="test", riasec="S", patient_facing=patient_facing, physical="low",
        emotional=emotional, route_types=frozenset(route_types), earn_while_you_learn=False, pay_max=30000,
        needs_degree=needs_degree,
        shift_patterns=frozenset(shift_patterns), driving_licence_needed=driving_licence_needed,
        involves=frozenset(involves), minimum_age=minimum_age, tasks=(), unpaid=unpaid,
    )


@pytest.mark.parametrize("dealbreaker", vocabulary.DEALBREAKERS, ids=vocabulary.ids(vocabulary.DEALBREAKERS))
def test_every_dealbreaker_rules_out_something_a_role_can_have(dealbreaker):
    involvement_ids = vocabulary.ids(vocabulary.INVOLVEMENTS)
    assert dealbreaker.involvement is None or dealbreaker.involvement in involvement_ids
    assert dealbreaker.shift_patterns <= set(vocabulary.ids(vocabulary.SHIFT_PATTERNS))
    assert dealbreaker.needs_shift is None or dealbreaker.needs_shift in vocabulary.ids(vocabulary.SHIFT_PATTERNS)
    assert (dealbreaker.involvement or dealbreaker.shift_patterns or dealbreaker.driving_licence
            or dealbreaker.emotional_demand or dealbreaker.title_words or dealbreaker.needs_degree
            or dealbreaker.needs_shift or dealbreaker.oldest_start or dealbreaker.unpaid or dealbreaker.patient_facing)

    assert not role_facts().rules_out(dealbreaker.id)
    if dealbreaker.involvement:
        assert role_facts(involves=[dealbreaker.involvement]).rules_out(dealbreaker.id)
    for shift in dealbreaker.shift_patterns:
        assert role_facts(shift_patterns=[shift]).rules_out(dealbreaker.id)
    if dealbreaker.driving_licence:
        assert role_facts(driving_licence_needed=True).rules_out(dealbreaker.id)
    if dealbreaker.emotional_demand:
        assert role_facts(emotional=dealbreaker.emotional_demand).rules_out(dealbreaker.id)
    for word in dealbreaker.title_words:
        assert role_facts(title=f"Senior {word.title()} worker").rules_out(dealbreaker.id)
    if dealbreaker.needs_degree:
        assert role_facts(needs_degree=True).rules_out(dealbreaker.id)
    if dealbreaker.needs_shift:
        assert role_facts(shift_patterns=["day-shifts"]).rules_out(dealbreaker.id)
    if dealbreaker.oldest_start:
        assert role_facts(minimum_age=dealbreaker.oldest_start + 1).rules_out(dealbreaker.id)
    if dealbreaker.unpaid:
        assert role_facts(unpaid=True).rules_out(dealbreaker.id)
    if dealbreaker.patient_facing:
        assert role_facts(patient_facing=True).rules_out(dealbreaker.id)


def test_every_involvement_can_be_said_no_to():
    said_no_to = {d.involvement for d in vocabulary.DEALBREAKERS}
    assert set(vocabulary.ids(vocabulary.INVOLVEMENTS)) <= said_no_to
    assert set(get_args(schema.Involvement)) <= said_no_to


def test_nights_weekends_and_on_call_rule_out_a_role_but_day_shifts_do_not():
    assert role_facts(shift_patterns=["on-call"]).rules_out("nights-weekends")
    assert not role_facts(shift_patterns=["day-shifts", "part-time-possible"]).rules_out("nights-weekends")
    assert role_facts(driving_licence_needed=True).rules_out("driving")
    with pytest.raises(KeyError):
        role_facts().rules_out("spiders")


def openapi_document() -> dict:
    (path,) = Path(careercompass.__file__).parent.rglob("openapi.json")
    return json.loads(path.read_text())


def test_the_api_contract_lists_the_vocabulary():
    document = openapi_document()
    search = {p["name"]: p["schema"]["items"]["enum"] for p in document["paths"]["/api/v1/search"]["get"]["parameters"]
              if "enum" in p.get("schema", {}).get("items", {})}
    schemas = document["components"]["schemas"]
    routes = list(vocabulary.ids(vocabulary.ROUTE_TYPES))
    sectors = list(vocabulary.ids(vocabulary.SECTORS))
    assert search["route"] == schemas["EntryRoute"]["properties"]["type"]["enum"] == routes
    assert schemas["RoleSummary"]["properties"]["entry_routes"]["items"]["enum"] == routes
    assert search["sector"] == schemas["RoleSummary"]["properties"]["sector"]["items"]["enum"] == sectors
    assert schemas["RoleDetail"]["properties"]["sector"]["items"]["enum"] == sectors
    assert search["shift"] == list(vocabulary.ids(vocabulary.SHIFT_PATTERNS))
    assert search["band"] == list(facets.BAND_GROUPS)
