"""The reason rules, one test each, and the same rules seen through the matcher on the real catalogue."""

from __future__ import annotations

import numpy as np
import pytest

from careercompass import vocabulary
from careercompass.matching import explain
from careercompass.matching.engine import (
    _as_you_clause,
    _only_another_job_in_common,
    _same_kind_of_work,
    _stands_out,
    match,
    stepping_stones,
)
from careercompass.matching.quiz import parse_answers
from careercompass.matching.wording import meaning


def view(**changes) -> explain.RoleView:
    facts = dict(title="Care worker", riasec="SR", patient_facing=True, by_phone=False, physical="high",
                 earn_while_you_learn=True, kinds=frozenset({"no-qualifications", "apprenticeship"}),
                 minimum_age=18, unpaid=False)
    return explain.RoleView(**{**facts, **changes})


@pytest.mark.parametrize("text", ["idk", "IDK", "dunno", "i dont know", "asdf", "asdfgh", "nothing", "lol",
                                  "😀👍", "??", "no idea tbh", "jjjjjj", "", "   "])
def test_text_with_no_meaning_is_recognised(text):
    assert explain.carries_no_meaning(text)


@pytest.mark.parametrize("text", ["i like fixing bikes", "nursing", "i love animals", "art", "helping my nan",
                                  "I want to be a nurse"])
def test_text_with_meaning_is_kept(text):
    assert not explain.carries_no_meaning(text)


@pytest.mark.parametrize(("clause", "topic"), [("i love animals", "animals"), ("dogs", "animals"),
                                               ("i like cars", "cars"), ("football", "sport"),
                                               ("i like playing football", "sport"), ("fashion and outfits", "fashion"),
                                               ("hair and nails is my thing", "beauty"), ("makeup", "beauty"),
                                               ("gaming", "gaming"), ("i like art", "art"),
                                               ("i want to work with animals", "animals"),
                                               ("want to be a vet", "animals"),
                                               ("snakes and bearded dragons", "animals"),
                                               ("sunday league", "sport"),
                                               ("something with cars", "cars")])
def test_a_clause_only_about_a_wish_topic_is_named(clause, topic):
    assert explain.topic_named(clause).id == topic


@pytest.mark.parametrize("clause", ["I play football and want to help people recover from injuries",
                                    "I like fixing bikes and gaming", "i want to be a nurse"])
def test_a_clause_that_says_more_than_a_topic_is_judged_by_its_meaning(clause):
    assert explain.topic_named(clause) is None


def test_every_wish_topic_names_roles_in_the_catalogue(match_data):
    for topic in vocabulary.WISH_TOPICS:
        assert topic.roles and all(slug in match_data.index for slug in topic.roles), topic.id


def test_words_are_quoted_only_when_close_enough():
    assert explain.words_reason("i like art", explain.WORDS_CLOSE - 0.01, view(), "make art") is None
    reason = explain.words_reason("i like art", explain.WORDS_CLOSE, view(title="Art therapist"), "make art")
    assert reason == "You wrote “i like art”, and as an art therapist you make art."


def test_the_quote_threshold_separates_real_wishes_from_unrelated_words(match_data):
    """The calibration behind WORDS_CLOSE, on persona sentences and clearly unrelated text."""
    from careercompass.matching.engine import _closeness

    related = {"I'd like to work with teeth": "dentist", "I want to care for people at the end of their lives":
               "palliative-care-nurse", "I like being outdoors and gardening": "gardener",
               "I'm interested in eyes and how glasses work": "optometrist"}
    vectors = match_data.encode(list(related))
    closeness = _closeness(match_data, vectors)
    for row, slug in enumerate(related.values()):
        assert closeness[row, match_data.index[slug]] >= explain.WORDS_CLOSE, slug
    unrelated = ["i love animals", "my favourite colour is blue", "tiktok", "i like dogs", "idk", "lol",
                 "i want to be famous", "horses"]
    closeness = _closeness(match_data, match_data.encode(unrelated))
    assert np.all(closeness.max(axis=1) < explain.WORDS_CLOSE)


def test_a_phone_job_is_never_called_face_to_face():
    answers = parse_answers({"people": "lots"})
    assert "face to face" in explain.people_reason(answers, view())
    phone = explain.people_reason(answers, view(by_phone=True))
    assert "face to face" not in phone and "phone" in phone
    assert explain.people_reason(answers, view(patient_facing=False)) is None


def test_phone_work_is_the_catalogue_s_fact(match_data):
    def by_phone(slug):
        return match_data.roles[match_data.index[slug]].by_phone

    assert by_phone("switchboard-operator") and by_phone("nhs-111-health-adviser")
    assert not by_phone("care-worker") and not by_phone("it-field-technician")  # goes out to fix things on site


def test_a_degree_only_job_is_never_offered_as_a_year_or_two():
    answers = parse_answers({"study": "some"})
    degree_only = view(kinds=explain.ways_in([("degree", None, False), ("apprenticeship", 6, False)]))
    reason = explain.study_reason(answers, degree_only)
    assert reason.startswith(explain.LONGER_START) and "degree" in reason
    assert explain.study_fit("some", None, degree_only.kinds) < 0


def test_an_apprenticeship_only_for_people_in_post_is_no_quick_start(match_data):
    # "A paid level 5 apprenticeship for people who manage care services" needs a job in care first.
    in_post = view(kinds=explain.ways_in([("apprenticeship", 5, True), ("experience", None, False)]))
    assert in_post.kinds == {"experience"}
    for study in ("asap", "some"):
        answers = parse_answers({"study": study, "stage": "16-18"})
        assert "apprentice" not in (explain.study_reason(answers, in_post) or "")
        assert explain.study_fit(study, "16-18", in_post.kinds) < 0
    assert match_data.roles[match_data.index["supported-living-manager"]].ways_in() == {"experience", "college-course"}
    assert "apprenticeship" in match_data.roles[match_data.index["nursing-associate"]].ways_in()  # open to new starters


def test_the_study_reason_matches_the_answer_given():
    some = explain.study_reason(parse_answers({"study": "some"}), view())
    assert some.startswith("You'd study for a year or two") and "soon" not in some
    soon = explain.study_reason(parse_answers({"study": "asap"}), view())
    assert soon.startswith("You want to start work soon")
    pupil = explain.study_reason(parse_answers({"study": "asap", "stage": "pupil"}),
                                 view(kinds=frozenset({"t-level", "apprenticeship"})))
    assert "at 16" in pupil and "T Level" in pupil


def test_a_pupil_starting_soon_is_steered_to_t_levels_and_apprenticeships():
    t_level = explain.study_fit("asap", "pupil", {"t-level"})
    straight_in = explain.study_fit("asap", "pupil", {"no-qualifications"})
    assert t_level > straight_in
    assert explain.study_fit("asap", "16-18", {"no-qualifications"}) > explain.study_fit("asap", "16-18", {"t-level"})


def test_an_answer_is_quoted_only_when_a_fact_of_the_role_bears_it_out():
    answers = parse_answers({"values": ["excitement"]})
    assert explain.answer_reason(answers, view(), {"excitement": 0.2}) is None
    assert "no two days" in explain.answer_reason(answers, view(), {"excitement": explain.LEANS})
    caring = parse_answers({"activities": ["caring"]})
    assert "helping and looking after people" in explain.answer_reason(caring, view(), {})
    assert explain.answer_reason(caring, view(riasec="CI"), {}) is None
    # A payroll officer's second letter is S, for helping staff: that is not looking after people.
    assert explain.answer_reason(caring, view(riasec="CS", patient_facing=False), {}) is None
    assert "helping and looking after people" in explain.answer_reason(caring, view(riasec="RS"), {})


def test_volunteering_leads_only_when_asked_for_or_too_young_for_paid_work():
    assert not explain.volunteering_welcome(parse_answers({"stage": "16-18"}, "i like helping"))
    assert explain.volunteering_welcome(parse_answers({"stage": "pupil"}))
    assert explain.volunteering_welcome(parse_answers({}, "I want to volunteer"))
    # A pupil who wants a wage, or a job they can start at 16, is looking for paid work.
    assert not explain.volunteering_welcome(parse_answers({"stage": "pupil", "values": ["earn"]}))
    assert not explain.volunteering_welcome(parse_answers({"stage": "pupil"}), dealbreakers={"over-16"})
    assert explain.volunteering_welcome(parse_answers({"stage": "pupil", "values": ["earn"]}, "or volunteer"))
    # Naming volunteering to say no to it is not asking for it.
    no_volunteering = parse_answers({"stage": "pupil"}, "need paid work not volunteering")
    assert not explain.volunteering_welcome(no_volunteering, dealbreakers={"unpaid"})


def test_strength_bands_need_evidence():
    assert explain.strength(5.0, True, 2)[0] == "Strong match"
    assert explain.strength(5.0, False, 0)[0] == "Worth a look"
    assert explain.strength(explain.GOOD_AT, False, 1)[0] == "Good match"
    assert explain.strength(explain.GOOD_AT - 0.1, True, 1)[0] == "Worth a look"
    assert explain.strength(5.0, True, 2, unpaid=True)[0] == "Good match"
    topic = vocabulary.WISH_TOPICS_BY_ID["cars"]
    label, why = explain.strength(5.0, False, 1, topic)
    assert label == "Worth a look" and "cars" in why


# --- through the matcher ---------------------------------------------------------------------------------


def test_idk_goes_on_the_quiz_answers_alone(match_data):
    result = match(match_data, parse_answers({}, "idk"))
    assert result.words.no_meaning
    reasons = [r for m in result.matches for r in m.reasons]
    assert not any("idk" in r for r in reasons)
    assert {m.strength for m in result.matches} == {"Worth a look"}
    # Nothing to go on: the jobs most people start in come first, saying so, not a learned score's whim.
    assert [m.slug for m in result.matches[:3]] == ["care-worker", "healthcare-support-worker", "porter"]
    assert result.matches[0].reasons == (
        "Lots of people start out in health and care in this job, and you need no qualifications for it.",)
    pupil = match(match_data, parse_answers({"stage": "pupil"}, "dunno tbh"))
    assert {"nhs-cadet", "hospital-volunteer"} <= {m.slug for m in pupil.matches[:5]}  # too young for paid work
    with_answers = match(match_data, parse_answers({"activities": ["fixing"]}, "dunno lol"))
    plain = match(match_data, parse_answers({"activities": ["fixing"]}))
    assert [m.slug for m in with_answers.matches] == [m.slug for m in plain.matches]


@pytest.mark.parametrize(("text", "topic", "expected"), [
    ("i love animals", "animals", {"care-worker", "healthcare-support-worker", "dementia-support-worker"}),
    ("i like cars", "cars", {"ambulance-vehicle-technician", "ambulance-care-assistant", "hospital-driver"}),
    ("i like football", "sport", {"therapy-assistant", "sports-rehabilitator", "clinical-exercise-physiologist"}),
    ("hair n nails is my thing", "beauty", {"care-worker", "podiatry-assistant", "dispensing-optician"}),
])
def test_a_wish_with_no_job_here_is_answered_honestly(match_data, text, topic, expected):
    result = match(match_data, parse_answers({}, text))
    assert [t.id for t, _ in result.words.topics] == [topic]
    top = [m.slug for m in result.matches[:5]]
    assert len(expected & set(top)) >= 2, top
    assert not any("You wrote" in r for m in result.matches for r in m.reasons)
    assert not any(m.strength == "Strong match" for m in result.matches)


def test_art_finds_the_jobs_that_use_art_never_a_chance_near_miss(match_data):
    # "art" alone is near "plastic surgeon" in meaning; the jobs that really use art come first, saying why.
    art = vocabulary.WISH_TOPICS_BY_ID["art"]
    for words in ("i like art", "art", "drawing"):
        result = match(match_data, parse_answers({}, words))
        shown = [m.slug for m in result.matches]
        assert set(shown[:5]) <= set(art.roles) and "art-therapist" in shown[:5], shown
        assert not {"plastic-surgeon", "software-developer"} & set(shown)
        assert all(m.reasons[0].startswith(art.link) for m in result.matches if m.slug in art.roles)


def test_a_typical_page_shows_a_mix_of_strengths(match_data):
    result = match(match_data, parse_answers({"activities": ["fixing", "computers"], "people": "behind",
                                              "study": "asap"}, "I like fixing bikes and gaming"))
    assert len({m.strength for m in result.matches}) >= 2
    assert all(m.strength_why for m in result.matches)


def test_unpaid_roles_do_not_lead_paid_work(match_data):
    unpaid = {r.slug for r in match_data.roles if r.unpaid}
    assert unpaid
    older = match(match_data, parse_answers({"activities": ["caring"], "stage": "19-plus", "study": "asap"}))
    assert not unpaid & {m.slug for m in older.matches[:5]}
    asked = match(match_data, parse_answers({"activities": ["caring"], "stage": "19-plus"},
                                            "i want to volunteer in my community"))
    shown = [m for m in asked.matches if m.unpaid]
    assert shown and all(explain.UNPAID_REASON in m.reasons for m in shown)


def test_no_reason_contradicts_the_answers(match_data):
    answers = parse_answers({"people": "lots", "study": "some", "values": ["excitement"], "physical": "yes"})
    result = match(match_data, answers, limit=30)
    for m in result.matches:
        role = match_data.roles[match_data.index[m.slug]]
        for reason in m.reasons:
            assert "start soon" not in reason and "start work soon" not in reason
            if "face to face" in reason:
                assert role.patient_facing and not role.by_phone, m.slug
            if "moving about most of the day" in reason:
                assert role.physical == "high", m.slug
            if reason.startswith("You'd study for a year or two"):
                assert role.ways_in() & {"apprenticeship", "t-level", "college-course", "no-qualifications"}


def test_a_job_named_outright_comes_near_the_top_saying_so(match_data):
    # "physio" is what people call a physiotherapist; the rest of the words ("leeds united", "MOT") are near nothing.
    result = match(match_data, parse_answers({}, "physio for leeds united 😍⚽ MOT"))
    top = {m.slug: m for m in result.matches[:3]}
    assert "physiotherapist" in top, list(top)
    assert top["physiotherapist"].reasons[0] == "You wrote “physio”, which is another name for this job."
    others = [m for m in result.matches if m.slug != "physiotherapist"]
    assert all("your answers" not in reason for m in others for reason in m.reasons)  # no quiz was answered


def test_a_job_named_by_where_it_is_done_is_read_as_that_job(match_data):
    result = match(match_data, parse_answers({}, "reception or summat would be sound"))
    top = result.matches[0]
    assert top.slug == "hospital-receptionist"
    assert top.reasons[0] == "You wrote “reception”, and this job is working on reception."
    # Below the job named, nothing else was said: the jobs most people start in, never a random list.
    assert {m.slug for m in result.matches[1:6]} <= set(vocabulary.STARTING_JOBS)
    chatty = match(match_data, parse_answers({}, "i can chat to anyone me. reception or summat would be sound"))
    assert "hospital-receptionist" in [m.slug for m in chatty.matches[:3]]


def test_practical_answers_alone_start_from_the_jobs_most_people_start_in(match_data):
    # Wanting to start soon and needing a wage say how someone can get in, not which work they would like.
    result = match(match_data, parse_answers({"study": "asap", "stage": "16-18"}, "need a job asap, need money"))
    assert {m.slug for m in result.matches[:5]} <= set(vocabulary.STARTING_JOBS)
    assert all("start" in m.reasons[0] for m in result.matches[:5])  # and the reason says why: starting soon


def test_the_longest_name_said_is_the_one_read(match_data):
    from careercompass.matching.engine import named_roles

    lift, said, _ = named_roles(match_data, ["i want to be a mental health nurse"])
    named = {match_data.roles[i].slug for i in lift.nonzero()[0]}
    assert named == {"mental-health-nurse"} and set(said.values()) == {"mental health nurse"}
    assert not named_roles(match_data, ["i like helping people"])[0].any()


def test_a_wish_the_person_s_own_no_rules_out_is_never_quoted_for_other_jobs(match_data):
    # Every nursing job involves blood and needles: "want to be a nurse" must not become the reason for whatever
    # job is nearest among those left (it was a software developer's).
    result = match(match_data, parse_answers({}, "kinda want to be a nurse but also scared of blood?? i do really "
                                                 "care about people tho"))
    assert result.words.blocked == (("kind of want to be a nurse", "blood-and-needles"),)
    assert not any("nurse”" in reason for m in result.matches for reason in m.reasons)
    # A no that rules out most jobs anyway (nights and weekends) blocks nothing by chance.
    science = match(match_data, parse_answers({}, "no nights or weekends, i like science"))
    assert science.words.blocked == () and science.words.clauses == ("i like science",)


@pytest.mark.parametrize(("text", "dealbreaker", "kin"), [
    # Nursing is ruled out, but caring work without blood or needles is not.
    ("i want to help people n maybe be a nurse?? but i passed out at my jabs", "blood-and-needles",
     {"care-worker", "senior-care-worker", "complex-care-support-worker", "mental-health-support-worker",
      "care-team-leader", "carers-support-worker"}),
    # Every paramedic drives; the emergency department and the ambulance control room do not.
    ("i want to be a paramedic but i cant drive", "driving",
     {"emergency-department-nurse", "emergency-department-support-worker", "emergency-call-handler", "clinical-adviser",
      "emergency-medicine-doctor"}),
])
def test_the_work_a_ruled_out_wish_points_to_ranks_what_the_limit_allows(match_data, text, dealbreaker, kin):
    result = match(match_data, parse_answers({}, text))
    assert [limit for _, limit in result.words.blocked] == [dealbreaker]
    top = result.matches[:5]
    assert len({m.slug for m in top} & kin) >= 2, [m.slug for m in top]
    like = [m for m in top if m.reasons[0].startswith("It is like the jobs your words pointed to, but ")]
    assert like and all(explain.FREE_OF[dealbreaker] in m.reasons[0] for m in like)
    assert not any(match_data.roles[match_data.index[m.slug]].rules_out(dealbreaker) for m in result.matches)


def test_every_deal_breaker_says_how_a_job_is_free_of_it():
    assert set(explain.FREE_OF) == {d.id for d in vocabulary.DEALBREAKERS}


@pytest.mark.parametrize(("task", "clause"), [
    ("Help patients wash and dress.", "help patients wash and dress"),
    ("On a hospital ward, go through patients' medicines with doctors and nurses.",
     "go through patients' medicines with doctors and nurses on a hospital ward"),
    ("With extra training, give injections into the eye.", "give injections into the eye with extra training"),
    ("Check the drugs, then sign for them.", "check the drugs, then sign for them"),
])
def test_a_task_reads_on_from_as_a_nurse_you(task, clause):
    from careercompass.matching.engine import _as_you_clause

    assert _as_you_clause(task) == clause


def test_good_pay_said_in_words_names_the_pay_and_does_not_bring_managers_first(match_data):
    # The quiz's "Good pay" box also counts as leaning towards leading; "bare money" in words is only about pay, so
    # chief executives and managers do not come first for a teenager who wants an active job without university.
    result = match(match_data, parse_answers({}, "ngl just want bare money n summat where im not sat down all day. "
                                                 "deffo not doin uni"))
    assert result.read.values == ("pay",)
    top = [m.slug for m in result.matches[:5]]
    assert not [slug for slug in top if any(word in slug for word in ("manager", "chief", "director", "supervisor"))]
    for m in result.matches:
        role = match_data.roles[match_data.index[m.slug]]
        for reason in m.reasons:
            if "you can earn up to" in reason:
                assert f"£{int(role.pay_max):,} a year" in reason and role.pay_max >= explain.GOOD_PAY_FROM


def test_being_active_or_sitting_is_a_reason_only_where_the_job_bears_it_out():
    active, sitting = parse_answers({"physical": "yes"}), parse_answers({"physical": "sitting"})
    assert explain.physical_reason(active, view(physical="high")).startswith("You want to be on your feet")
    assert explain.physical_reason(active, view(physical="medium")) is None
    assert explain.physical_reason(sitting, view(physical="low")).endswith("this job is not physical.")
    assert explain.physical_reason(sitting, view(physical="high")) is None
    assert explain.physical_reason(parse_answers({"physical": "mix"}), view(physical="high")) is None


def test_words_that_name_a_job_are_quoted_only_for_jobs_in_its_family(match_data):
    # "You wrote 'i want to b a paramedic', and as a physiotherapist you..." would say they asked for a physio.
    result = match(match_data, parse_answers({"activities": ["caring"], "stage": "pupil", "study": "asap"},
                                             "i want to b a paramedic"))
    quoted = {m.slug for m in result.matches if any("“i want to b a paramedic”" in r for r in m.reasons)}
    assert "paramedic" in quoted
    families = {match_data.roles[match_data.index[slug]].family for slug in quoted}
    assert families == {match_data.roles[match_data.index["paramedic"]].family}
    assert {m.family for m in result.matches} - families  # jobs of other families are shown, and not quoted


def test_good_pay_is_a_value_not_an_interest_in_leading(match_data):
    # "Good pay" once counted as an enterprising interest, so a pupil who wanted a wage soon got managers' jobs.
    answers = parse_answers({"values": ["earn", "pay"], "setting": ["hospital"], "study": "asap", "stage": "pupil"})
    top = match(match_data, answers, limit=5).matches
    assert not any("manager" in m.title.lower() or m.slug == "matron" for m in top), [m.slug for m in top]


def test_when_the_evidence_rates_jobs_alike_the_ones_most_people_start_in_come_first(match_data):
    answers = parse_answers({"activities": ["caring"], "values": ["earn"], "study": "asap"})
    top = [m.slug for m in match(match_data, answers, limit=5).matches]
    assert {"care-worker", "healthcare-support-worker"} <= set(top), top


@pytest.mark.parametrize("text", ["health", "the health t level"])
def test_health_alone_names_the_whole_field_and_picks_no_job(text):
    assert explain.carries_no_meaning(text.replace("t level", ""))


def test_a_t_level_that_leads_on_to_a_degree_is_not_a_year_or_two_into_the_job(match_data):
    physio = match_data.roles[match_data.index["physiotherapist"]]
    assert physio.needs_degree and "t-level" not in physio.ways_in()
    assert physio.rules_out("degree")  # "no uni" leaves it out, as search's "without a degree" does
    answers = parse_answers({"study": "some"})
    reason = explain.study_reason(answers, physio.view())
    assert reason is not None and reason.startswith(explain.LONGER_START)
    care = match_data.roles[match_data.index["care-worker"]]
    assert not care.needs_degree and not care.rules_out("degree")


def test_someone_in_a_person_s_life_is_not_a_job_they_name(match_data):
    # "my sisters prom" once read "sister" (a ward manager's old title) as a job the person named.
    result = match(match_data, parse_answers({}, "makeup n nails, did my sisters prom glam"))
    assert not any("another name for this job" in r for m in result.matches for r in m.reasons)
    named = match(match_data, parse_answers({}, "i want to be a ward sister"))
    assert named.matches[0].slug == "ward-manager"


def test_a_named_job_the_person_s_own_limit_rules_out_brings_up_the_jobs_that_lead_to_it(match_data):
    result = match(match_data, parse_answers({}, "i want to be a midwife but no degree"))
    by_slug = {m.slug: m for m in result.matches}
    assert "midwife" not in by_slug
    stone = by_slug["maternity-support-worker"]  # its next step is midwife, and you can start it without a degree
    assert "This job can lead on to working as a midwife, and you can get in without a degree." in stone.reasons
    assert result.matches.index(stone) < 3


def test_the_jobs_that_lead_to_a_named_job_are_lifted_only_when_it_is_ruled_out(match_data):
    named = np.zeros(len(match_data.roles), dtype=bool)
    named[match_data.index["midwife"]] = True
    nothing_ruled_out = np.zeros(len(match_data.roles), dtype=bool)
    assert not stepping_stones(match_data, named, nothing_ruled_out).any()
    lifted = stepping_stones(match_data, named, named.copy())
    assert lifted[match_data.index["maternity-support-worker"]] == 1


def test_a_job_is_called_a_little_like_the_words_only_when_they_are_near_it(match_data):
    result = match(match_data, parse_answers({}, "i want to be a midwife but no degree"))
    for m in result.matches:
        if m.slug == "estates-plumber":
            assert not any("a little like what you wrote" in r for r in m.reasons)


@pytest.mark.parametrize("text", ["FORENSIC SCIENTIST", "want to be a therapist", "arabic speaker",
                                  "wanted to be a surgeon since i was 8", "i like computing and sorting things out"])
def test_a_quote_names_only_a_task_close_to_the_words_quoted(match_data, text):
    result = match(match_data, parse_answers({}, text), limit=10)
    words = {clause: match_data.encode([meaning(clause)])[0] for clause in result.words.clauses}
    quoted = 0
    for m in result.matches:
        index = match_data.index[m.slug]
        for reason in m.reasons:
            if not reason.startswith("You wrote"):
                continue
            quoted += 1
            rows = np.flatnonzero(match_data.task_owner == index)
            named = [row for position, row in enumerate(rows)
                     if f"you {_as_you_clause(match_data.roles[index].tasks[position])}." in reason]
            assert named, reason
            assert max(float(match_data.task_vectors[named[0]] @ vector) for vector in words.values()) \
                >= explain.TASK_QUOTE_CLOSE, reason
    assert quoted  # the words are still quoted where a task is close to them


@pytest.mark.parametrize(("answers", "text", "not_quoted_for"), [
    ({"activities": ["talking", "tidy"], "values": ["helping", "calm"], "people": "lots",
      "setting": ["hospital", "office"], "pace": "mix", "feelings": "fine", "physical": "sitting", "study": "asap",
      "stage": "16-18"},
     "i have to cover my eyes at the gory bits on casualty so nothing with blood pls. i like organising stuff n "
     "chatting to people tho", "switchboard-operator"),
    ({"activities": ["active", "caring"], "values": ["earn", "pay"], "study": "asap", "stage": "16-18"},
     "no cap i just need p's, gotta help mi mam wi bills. owt thats decent money quick", "emergency-care-assistant"),
])
def test_words_are_quoted_only_for_a_job_they_stand_out_for(match_data, answers, text, not_quoted_for):
    """A task close to the words is not enough: the job as a whole must be nearer the words than most jobs are.
    "You wrote 'have to help my mum with bills', and as an emergency care assistant you drive to 999 calls" was not."""
    result = match(match_data, parse_answers(answers, text), limit=10)
    assert not_quoted_for in {m.slug for m in result.matches}
    for m in result.matches:
        if any(reason.startswith("You wrote") for reason in m.reasons):
            assert _stands_out(result.words.closeness, match_data.index[m.slug]), m.slug
        if m.slug == not_quoted_for:
            assert not any(reason.startswith("You wrote") for reason in m.reasons), m.reasons


@pytest.mark.parametrize(("answers", "text", "not_quoted_for"), [
    ({"activities": ["caring", "active"], "setting": ["hospital"], "stage": "pupil"}, "nurse", "it-field-technician"),
    ({}, "teeth lol", "maxillofacial-prosthetist"),
])
def test_words_are_quoted_only_for_the_kind_of_work_they_are_about(match_data, answers, text, not_quoted_for):
    """A word shared by chance is not evidence: "You wrote 'nurse', and as an IT field technician you fix the computers
    on wheels that nurses use" was shown. A quote is only for a job in a family of the jobs closest to the words."""
    result = match(match_data, parse_answers(answers, text), limit=10)
    assert len(result.words.clauses) == 1 and not_quoted_for in {m.slug for m in result.matches}
    quoted = 0
    for m in result.matches:
        said = any(reason.startswith("You wrote") and "another name" not in reason for reason in m.reasons)
        quoted += said
        if said:
            assert _same_kind_of_work(match_data, result.words.closeness[0], match_data.index[m.slug]), m.slug
        if m.slug == not_quoted_for:
            assert not said, m.reasons
    assert quoted  # the words are still quoted for the work they are about


def test_words_near_a_job_only_through_another_job_s_name_are_not_quoted_for_it(match_data):
    """'You wrote "Doctor", and as a medical secretary you manage a doctor's diary' was shown."""
    result = match(match_data, parse_answers({"study": "university", "stage": "16-18"}, "Doctor"), limit=10)
    by_slug = {m.slug: m for m in result.matches}
    assert "medical-secretary" in by_slug
    assert not any(reason.startswith("You wrote") for reason in by_slug["medical-secretary"].reasons)
    assert any(reason.startswith("You wrote") for m in result.matches if "doctor" in m.slug for reason in m.reasons)
    secretary, associate = match_data.index["medical-secretary"], match_data.index["nursing-associate"]
    assert _only_another_job_in_common(match_data, secretary, "Doctor", "Manage a doctor's diary.")
    assert not _only_another_job_in_common(match_data, associate, "nurse", "Plan care with the registered nurse.")
    assert not _only_another_job_in_common(match_data, secretary, "typing letters", "Type letters for doctors.")
    # A place shared is no more evidence: "in my gcses at leeds east" was quoted for planning services across Leeds.
    consultant = match_data.index["consultant-allied-health-professional"]
    assert _only_another_job_in_common(match_data, consultant, "in my gcses at leeds east",
                                       "Work with managers and doctors to plan services across Leeds or the region.")
