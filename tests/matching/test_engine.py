"""The matcher on the real catalogue: deal-breakers hold, results vary, reasons quote the person."""

from __future__ import annotations

import pytest

from careercompass.matching.engine import MAX_PER_FAMILY, match
from careercompass.matching.quiz import parse_answers


@pytest.fixture
def data(match_data):
    return match_data


def facts(data, slug):
    return data.roles[data.index[slug]]


@pytest.mark.parametrize("dealbreaker", ["blood-and-needles", "personal-care", "nights-weekends", "driving",
                                         "heavy-lifting", "children", "older-people"])
def test_a_dealbreaker_is_never_broken(data, dealbreaker):
    result = match(data, parse_answers({"activities": ["caring", "active"], "dealbreakers": [dealbreaker]}), limit=30)
    assert result.matches
    assert not any(facts(data, m.slug).rules_out(dealbreaker) for m in result.matches)


def test_a_dealbreaker_said_in_words_is_respected(data):
    result = match(data, parse_answers({}, "I love science but needles make me queasy"), limit=20)
    assert "blood-and-needles" in result.dealbreakers
    assert "phlebotomist" not in [m.slug for m in result.matches]
    assert not any(facts(data, m.slug).rules_out("blood-and-needles") for m in result.matches)


def test_results_span_several_families(data):
    result = match(data, parse_answers({"activities": ["caring"], "values": ["helping"]}))
    families = [m.family for m in result.matches]
    assert len(result.matches) == 10
    assert len(set(families)) >= 4
    assert max(families.count(f) for f in families) <= MAX_PER_FAMILY


HANDS_ON_FIXING = {
    "clinical-engineering-technologist", "estates-maintenance-technician", "ambulance-vehicle-technician",
    "wheelchair-technician", "joiner", "hospital-electrician", "estates-plumber", "care-home-maintenance-worker",
    "prosthetic-and-orthotic-technician", "dental-technician", "it-field-technician", "it-service-desk-analyst",
    "rehabilitation-engineer", "decontamination-engineer", "renal-technologist",
}


def test_free_text_finds_the_fixing_jobs(data):
    result = match(data, parse_answers({"people": "behind"}, "i like fixing bikes and gaming"))
    top = [m.slug for m in result.matches[:5]]
    assert len(HANDS_ON_FIXING & set(top)) >= 3, top


def test_every_result_has_a_reason_that_quotes_the_person(data):
    result = match(data, parse_answers({"activities": ["fixing"]}, "I like fixing bikes"))
    for m in result.matches:
        assert m.reasons
    quoted = [r for m in result.matches for r in m.reasons]
    assert any("You wrote “I like fixing bikes”" in r for r in quoted)
    assert any(r.startswith("You said you like fixing or building things") for r in quoted)


def test_not_for_me_removes_a_role_and_another_takes_its_place(data):
    answers = parse_answers({"activities": ["science"]})
    first = match(data, answers)
    gone = first.matches[0].slug
    second = match(data, answers, exclude=[gone])
    assert gone not in [m.slug for m in second.matches]
    assert len(second.matches) == len(first.matches)


def test_wanting_to_start_soon_favours_jobs_with_no_qualifications(data):
    result = match(data, parse_answers({"study": "asap"}))
    quick = [m for m in result.matches[:5] if {"no-qualifications", "apprenticeship"} & facts(data, m.slug).route_types]
    assert len(quick) == 5


def test_no_answers_still_gives_a_broad_list(data):
    result = match(data, parse_answers({}))
    assert len(result.matches) == 10 and len({m.family for m in result.matches}) >= 5


def test_a_pupil_is_told_when_a_job_starts_at_eighteen(data):
    result = match(data, parse_answers({"activities": ["caring"], "stage": "pupil"}), limit=20)
    reasons = [r for m in result.matches for r in m.reasons]
    assert any(r.startswith("You can start this job from 18") for r in reasons)


def test_a_calm_pace_and_a_calm_day_count_as_one_wish_not_a_pull_towards_desk_jobs(data):
    answers = parse_answers({"activities": ["caring", "talking"], "values": ["helping", "calm"], "people": "some",
                             "setting": ["homes", "community"], "pace": "calm", "feelings": "fine",
                             "dealbreakers": ["nights-weekends", "driving"], "study": "asap", "stage": "19-plus"})
    top = [m.slug for m in match(data, answers, limit=5).matches]
    assert not {"payroll-officer", "facilities-helpdesk-advisor", "finance-assistant"} & set(top)


def test_keeping_things_in_order_in_a_hospital_brings_up_wards_stores_and_records_not_only_desk_jobs(data):
    answers = parse_answers({"activities": ["tidy"], "values": ["calm", "earn"], "people": "behind",
                             "setting": ["hospital"], "pace": "calm", "physical": "mix", "study": "asap",
                             "stage": "16-18"})
    top = {m.slug for m in match(data, answers, limit=5).matches}
    assert top & {"health-records-clerk", "ward-housekeeper", "stores-and-logistics-assistant", "domestic-assistant",
                  "linen-and-laundry-assistant", "sterile-services-technician"}
