"""Words as young people type them: typos, text-speak, limits said in passing, and negations that are not a no."""

from __future__ import annotations

from collections import Counter
from html import unescape

import pytest

from careercompass.matching import explain
from careercompass.matching.engine import match
from careercompass.matching.quiz import QUESTIONS, Answers, parse_answers
from careercompass.matching.text import dealbreaker_key, read_text
from careercompass.matching.wording import Fix, Spelling, as_typed, edit_distance, meaning, tidy
from careercompass.web import visitor

# A small word table, as a catalogue of a few roles would give.
ROLE_TEXTS = [
    ("Nurse", "Adult nurse", "Look after patients on a ward", "Caring", "Helping people"),
    ("Nurse", "Children's nurse", "Give medicines and injections", "Science"),
    ("Doctor", "Hospital doctor", "Find out what is wrong with patients", "Science"),
    ("Pharmacist", "Check medicines are safe", "Chemistry"),
    ("Physiotherapist", "Help people move again after an injury", "Sport and exercise"),
]


@pytest.fixture(scope="module")
def spelling() -> Spelling:
    return Spelling.from_texts(ROLE_TEXTS)


@pytest.mark.parametrize(("typed", "meant"), [
    ("nurce", "nurse"), ("docter", "doctor"), ("pharmasist", "pharmacist"), ("hopsital", "hospital"),
    ("peple", "people"), ("anamals", "animals"), ("physiotherapst", "physiotherapist"), ("neeldes", "needles"),
])
def test_spelling_mistakes_are_read_as_the_catalogue_word_meant(spelling, typed, meant):
    assert spelling.correct(typed) == meant


@pytest.mark.parametrize("word", [
    "nurse", "gaming", "nursery", "kidney", "football", "carrots", "advance",  # real words are left alone
    "shuts", "hates",  # a four-letter word with an "s": "her nursery shuts at 6" was read as "sheets"
    "mehndi",  # henna, not "mend"
    "nurs", "docs",  # short words have too many neighbours to guess
    "zzzzzzzz", "qwertyuiop",  # nothing close
])
def test_real_words_short_words_and_nonsense_are_not_changed(spelling, word):
    assert spelling.correct(word) is None


def test_a_fix_keeps_the_first_letter_and_is_one_edit_for_short_words():
    spelling = Spelling(Counter({"nurse": 3, "purse": 9}))
    assert spelling.correct("nurce") == "nurse"  # "purse" is used more, but does not start with n
    assert edit_distance("hopsital", "hospital", 2) == 1  # two letters swapped is one edit
    assert edit_distance("abcdef", "uvwxyz", 2) == 3  # gives up past the limit


@pytest.mark.parametrize(("typed", "meant"), [
    ("brane", "brain"),  # "brace" is one letter away, but does not sound the same
    ("komputerz", "computers"),  # a different first letter, the same sound
    ("demensha", "dementia"),
    ("wierd", "weird"),
    ("sience", "science"),  # one letter off, and "sense" sounds the same but loses a consonant
])
def test_a_word_spelt_the_way_it_sounds_is_read_as_the_word_that_sounds_the_same(spelling, typed, meant):
    assert spelling.correct(typed) == meant


def test_a_sound_alike_spelt_too_far_off_is_not_guessed():
    spelling = Spelling(Counter({"burst": 4}))
    assert spelling.correct("barista") is None  # sounds like "burst" to the sound key, but three letters off


def test_a_sound_spelt_another_way_must_lead_to_a_word_that_starts_with_it():
    spelling = Spelling(Counter({"passing": 5, "pharmacist": 2}))
    assert spelling.correct("farmacist") == "pharmacist"
    assert spelling.correct("fasting") != "passing"  # "phasting" is near "passing", which does not start with "ph"


@pytest.mark.parametrize("word", ["chacha", "grime", "shabbat"])
def test_words_from_young_people_s_own_faiths_and_languages_are_left_as_typed(word):
    spelling = Spelling.from_texts([("Coach", "Crime scene", "Guitar", "Language", "Shabby")])
    assert spelling.correct(word) is None


def test_the_word_most_roles_use_wins():
    spelling = Spelling(Counter({"caring": 5, "carrying": 2}))
    assert spelling.correct("carring") == "caring"


@pytest.mark.parametrize(("typed", "read"), [
    ("i wanna help ppl", "i want to help people"),
    ("u r gonna luv it", "you are going to love it"),
    ("im kinda into science tbh", "i'm kind of into science to be honest"),
    ("dont cant ive", "don't can't i've"),
    ("bc i like it rn", "because i like it right now"),
    ("i wanna be an rn", "i want to be an rn"),  # after "an", "rn" is a registered nurse
    ("lol omg kids", "kids"),
    ("summat like a&e", "something like emergency department"),  # accident and emergency, written with a sign
    ("working in a and e", "working in emergency department"),
    ("me mum sez im good wi kids", "my mum says i'm good with kids"),  # "me" before family is "my"
    ("help me", "help me"),
    ("i had camhs for 2 yrs", "i had children's mental health service for 2 years"),
    ("i wont to wurk at specsavers", "i want to work at specsavers"),  # "wont to" is never "won't to"
    ("i wont do nights", "i won't do nights"),
    ("im donezo wiv late nights, want sumn wiv da machines",
     "i'm done with late nights, want something with the machines"),
    ("lifting our kid in n out his chair, mi mam says", "lifting my brother in and out his chair, my mum says"),
    ("owt going at jimmys", "anything going at st james's hospital"),  # Leeds hospitals by their everyday names
    ("a nurse at the LGI", "a nurse at the lgi hospital"),
])
def test_text_speak_is_spelled_out(typed, read):
    assert tidy(typed)[0] == read


@pytest.mark.parametrize(("typed", "read"), [
    ("sooo into science", "so into science"),
    ("goood with kids", "good with kids"),  # "god" is a word too, but not one the catalogue uses
    ("i loooove helping lmaooo", "i love helping"),
    ("nooooo blood", "no blood"),
])
def test_letters_held_for_effect_are_read_as_the_word(spelling, typed, read):
    assert tidy(typed, spelling)[0] == read


def test_a_word_the_person_kept_is_not_fixed(spelling):
    assert tidy("i want to be a nurce", spelling) == ("i want to be a nurse", tidy("nurce", spelling)[1])
    assert tidy("i want to be a nurce", spelling, keep=["nurce"]) == ("i want to be a nurce", ())


# --- deal-breakers and limits said in words -------------------------------------------------------------

@pytest.mark.parametrize(("text", "dealbreakers"), [
    ("want to help old people but not wash them", {"personal-care"}),
    ("blood makes me dizzy", {"blood-and-needles"}),
    ("ive got kids so no nights", {"nights-weekends"}),
    ("i've got 2 kids so i cant do nights", {"nights-weekends"}),
    ("nothing too intense", {"stress"}),
    ("nothing stressful, no emergencies", {"stress"}),
    ("i get stressed easily", {"stress"}),
    ("havent passed my test", {"driving"}),
    ("cant drive", {"driving"}),
    ("no kids", {"children"}),
    ("working with kids not old people", {"older-people"}),
    ("ngl i luv helping ppl but needles r gross", {"blood-and-needles"}),
    ("NO NIGHTS!!!", {"nights-weekends"}),
    ("i wouldnt want to do weekends", {"nights-weekends"}),
    ("i dont mind blood", set()),
    ("needles dont bother me", set()),
    ("i dont panic in emergencies", set()),
    ("not bad at science", set()),
    ("i love kids", set()),
    ("ive got kids", set()),
    ("idk i like kids", set()),
    ("i want a job with no two days the same", set()),
    ("i like carrots and my advanced driving game", set()),  # "car" inside "carrots", and no "no" anywhere
    ("i hate maths", set()),
    ("hospitals scare me, the blood and stuff", {"blood-and-needles"}),  # "the blood" goes on from the no
    ("needles make me dizzy, kids are fine", {"blood-and-needles"}),
    ("mum of 2, need school hours", {"nights-weekends", "full-time"}),  # said without a "no"; shorter than full time
    ("monday to friday only pls", {"nights-weekends"}),
    ("im too young to drive", {"driving"}),
    ("dont want uni deffo not", {"degree"}),  # limits said only in words: no degree, part-time hours
    ("uni isnt for me", {"degree"}),
    ("no degree pls", {"degree"}),
    ("i want to go to uni", set()),  # an answer to the study question, not a limit
    ("maybe a part time thing alongside a levels", {"full-time"}),
    ("i want to work part time in a hospital", {"full-time"}),
    ("i work part time at tesco", set()),  # a job they have now, not a wish
    # A no said as a verdict or a feeling.
    ("i am DONE with kids for life", {"children"}),
    ("im fed up of lifting heavy boxes at the warehouse", {"heavy-lifting"}),
    ("needles 🤢 anything else is fine", {"blood-and-needles"}),
    # "like" as a filler in a story does not make the no a mixed feeling.
    ("they tried to take my blood like 6 times. so needles n blood are a hard no", {"blood-and-needles"}),
    ("i like blood tests, but needles in my own arm are a no", set()),  # a mixed feeling stays one
    # An example given with "like" is not a liking that makes the no a mixed feeling.
    ("i love little kids but i couldnt cope with the really poorly ones, like the cancer ward", {"stress"}),
    ("id just cry the whole shift", {"stress"}),
    ("I want a job I can start without exams.", {"degree"}),
    ("my nan had cancer and the nurses were amazing", set()),
    # Seeing patients is a limit only when the patients are the no.
    ("i do wanna help somehow but not face to face with patients", {"patients"}),
    ("no patient contact pls, more behind the scenes", {"patients"}),
    # Patients as the people a different limit happens to, or "patient" as a word for calm: not this limit.
    ("seeing patients bleed makes me faint", {"blood-and-needles"}),
    ("i dont want to help old people, im not patient enough", {"older-people"}),
    ("i love the patients, i just want to do less lifting", set()),
    # Voice typing catches what is said to someone in the room: not a no to stress.
    ("no not you Tyler this is for the careers thing our Tyler is on the Xbox and he's screaming at it", set()),
    ("no not anything stressful", {"stress"}),
])
def test_deal_breakers_said_in_words_read_the_negation_properly(text, dealbreakers):
    assert set(read_text(text).dealbreakers) == dealbreakers


@pytest.mark.parametrize(("text", "likes"), [
    ("i love kids", ["i love kids"]),
    ("i dont mind blood", []),  # put up with, not liked: blood-taking jobs must not come first
    ("not bothered bout blood n that either", []),
    ("i dont mind hard work and i love helping people", ["i love helping people"]),
    ("i can handle blood", []),
    ("not bad at science", ["not bad at science"]),
    ("working with kids not old people", ["working with kids"]),
    ("ive got kids so no nights", []),  # a fact about them, not something they want to do
    ("summat where im not sat down all day", []),
    ("idk maybe summat wiv computers", ["something with computers"]),  # a hedge says nothing about what they like
    # A condition is a fact about them, never an interest to quote back ("You wrote 'i'm autistic'...").
    ("im autistic and like routine", ["like routine"]),
    ("i have epilepsy and i like helping people", ["i like helping people"]),
    ("i get panic attacks so nothing stressful", []),
    ("i wanna be a dentist but im rubbish at science", ["i want to be a dentist"]),  # a weakness, not a liking
    ("not bad at science", ["not bad at science"]),  # being active is an answer; "something where" says nothing
    ("im 15", []),
    ("idk", []),
    ("dunno lol", []),
    ("🤷‍♀️🤷‍♀️", []),
    # A no said as a feeling or a verdict, not a liking.
    ("loud places r a no from me. spreadsheets tho", ["spreadsheets"]),
    ("the call centre job did my head in", []),
    ("office work is boring, i like being outside", ["i like being outside"]),
    ("i am DONE with kids for life", []),
    ("had an awful time at the LGI", []),
    ("i want blue lights no cap", ["i want blue lights"]),  # "no cap" is "honestly", not a no
    ("maths is crap", []),
    # The study answer before a no to more study, and leaving school soon, are answers and facts, not likes.
    ("yr 11 leavin in june, want an apprenticeship not sixth form", []),
    ("i do have a car", []),  # a way to get to work, not a love of cars
    # What they live with and use is a fact about them: "I use a screen reader" found eye clinic jobs.
    ("I'm registered partially sighted and I use a screen reader but I love chatting to people",
     ["I love chatting to people"]),
    ("i love cars", ["i love cars"]),
])
def test_what_is_a_like(text, likes):
    assert list(read_text(text).likes) == likes


@pytest.mark.parametrize(("text", "stage", "left"), [
    ("im in year 10", "pupil", False),
    ("i passed out at my jabs in yr 8 lol", None, False),  # told as the past: not where they are now
    ("back in year 9 i did work experience. im 17 now", "16-18", False),
    ("when i was in year 7", None, False),
    ("wanted to be a surgeon since year 7", None, False),
    ("i'm in year 12, i was in year 11 at a different school", "16-18", False),
    ("year 11 and i love art", "pupil", False),
    ("im 15", "pupil", False),
    ("i am 17 years old", "16-18", False),
    ("im 19", "19-plus", False),
    ("i left school", "16-18", True),
    ("not in college rn", "16-18", True),
    ("i left school and im 20", "19-plus", True),
    ("i'm at college doing health and social care", "16-18", False),
    ("i want to work 12 hours a day", None, False),
    ("i am 5 foot tall", None, False),
    ("i like kids", None, False),
    ("16 in march. i need something part time", "16-18", False),  # turning 16 soon
    ("21, got a 2 yr old n on UC", "19-plus", False),  # said first on its own; "a 2 yr old" is their child
    ("just turned 16, left school in june", "16-18", True),
    ("im 20, dropped out of nursing at uni last year", "19-plus", True),
    ("dropped out of uni in 2nd year", "19-plus", True),
])
def test_the_stage_is_read_from_words(text, stage, left):
    read = read_text(text)
    assert (read.stage, read.left_education) == (stage, left)


@pytest.mark.parametrize(("text", "people"), [
    ("dont want to deal with patients", "behind"),
    ("behind the scenes pls", "behind"),
    ("i like talking to patients", None),
    ("i dont mind patients", None),
    ("phones all day 🤮 face to face im grand tho", "lots"),
    ("im a proper people person", "lots"),
])
def test_wanting_to_be_away_from_patients_is_read_as_the_quiz_answer(text, people):
    assert read_text(text).people == people
    if people:
        assert read_text(text).filling_in(Answers()).one("people") == people
        assert read_text(text, set_aside={"people"}).people is None


@pytest.mark.parametrize(("text", "study"), [
    ("doing a t level in health", "some"),
    ("want to earn while i learn, apprenticeship maybe", "some"),
    ("no uni for me, i want a btec", "some"),
    ("want to go to uni and be a doctor", "university"),
    ("i dont want to go to uni", None),  # a no says nothing about which other way they would go
    ("nursing without a degree", None),
    ("i like helping people", None),
])
def test_how_long_someone_wants_to_study_is_read_from_words(text, study):
    assert read_text(text).study == study
    if study:
        _fills_the_skipped_question(text, "study", study, quiz_answer="asap", label="How long you want to study")


def _fills_the_skipped_question(text: str, question: str, value: str, quiz_answer: str, label: str) -> None:
    """An answer said in words fills its quiz question when skipped, never one answered, and can be taken back."""
    read = read_text(text)
    assert read.filling_in(Answers()).one(question) == value
    assert read.filling_in(Answers(choices={question: (quiz_answer,)})).one(question) == quiz_answer  # the quiz wins
    taken = read_text(text, set_aside={question})
    assert getattr(taken, question) is None and [name for _, name in taken.taken_back] == [label]


@pytest.mark.parametrize(("text", "likes"), [
    ("want to earn while i learn, apprenticeship maybe", []),
    ("i wanna get paid while i train. i like art", ["i like art"]),
    ("i need to keep earnin, got rent", ["got rent"]),  # needing a wage now, said other ways
    ("need money now cos my family need it", ["because my family need it"]),
    ("cant afford uni, i like helping", ["i like helping"]),
    ("i cannot stop work, i need keep money coming while i study", []),  # said by someone learning English
    ("something with kids as long as its paid", ["something with kids"]),
])
def test_earning_while_learning_said_in_words_is_the_quiz_value_not_an_interest(text, likes):
    read = read_text(text)
    assert read.values == ("earn",) and list(read.likes) == likes  # never quoted as "You wrote 'want to earn...'"
    assert read.filling_in(Answers(choices={"values": ("helping",)})).choices["values"] == ("helping", "earn")
    assert read_text(text, set_aside={"earn"}).values == ()
    assert read_text("i like learning new things").values == ()


@pytest.mark.parametrize(("text", "likes"), [
    ("ngl just want bare money", []),
    ("summat that pays well, i like fixing things", ["i like fixing things"]),
    ("good money and working with my hands", ["working with my hands"]),
    ("want to be rich lol", []),
    ("summat that makes bank", []),
    ("dunno about care, pays crap innit", []),
])
def test_wanting_good_pay_said_in_words_is_the_quiz_value_not_an_interest(text, likes):
    read = read_text(text)
    assert read.values == ("pay",) and list(read.likes) == likes
    assert read.filling_in(Answers()).choices["values"] == ("pay",)
    assert read_text(text, set_aside={"pay"}).values == ()
    assert read_text("i like paying attention to detail").values == ()


def test_a_stage_in_words_fills_in_a_skipped_question_but_never_overrides_an_answer():
    read = read_text("im in year 9")
    assert read.filling_in(Answers()).one("stage") == "pupil"
    assert read.filling_in(Answers(choices={"stage": ("19-plus",)})).one("stage") == "19-plus"


def test_what_the_person_took_back_is_left_out():
    text = "no blood and im 15"
    assert read_text(text).dealbreakers == {"blood-and-needles"}
    taken = read_text(text, set_aside={"no:blood-and-needles", "stage"})
    assert taken.dealbreakers == set() and taken.stage is None
    assert [label for _, label in taken.taken_back] == ["No to: blood and needles", "Your age or school year"]


@pytest.mark.parametrize("text", [
    "我喜欢照顾别人",  # another script: kept as it is, never "fixed"
    "أحب مساعدة الناس",
    "j'aime aider les gens",
    "❤️❤️ helping ppl 💉🚫",
    "a" * 5000,
    "no " * 800,
    "nurce " * 400,
    "\u200b\u202e weird spaces \ufeff",
])
def test_odd_text_is_read_without_failing_or_slowing(spelling, text):
    read = read_text(text, spelling)
    assert isinstance(read.likes, tuple)


def test_other_scripts_are_kept_as_likes(spelling):
    assert read_text("我喜欢照顾别人", spelling).likes == ("我喜欢照顾别人",)
    assert read_text("❤️❤️ helping ppl", spelling).likes == ("❤️❤️ helping people",)


# --- through the matcher, on the real catalogue ---------------------------------------------------------

def _top(match_data, text: str, limit: int = 10, **choices) -> list[str]:
    answers = Answers(choices={k: (v,) for k, v in choices.items()}, text=text)
    return [m.slug for m in match(match_data, answers, limit=limit).matches]


JOB_NAMES = ("Paramedic", "Midwife", "Phlebotomist", "Occupational therapist", "Caretaker", "Radiographer",
             "Dependency nurse", "Nutrition assistant")


@pytest.mark.parametrize(("heard", "read", "fix"), [
    ("Para medic", "paramedic", None),  # one word typed with a space, or heard as two by voice typing
    ("i want to be a mid wife", "i want to be a midwife", None),
    ("occupational the rapist", "occupational therapist", None),
    ("flebottom mist at the lgi", "phlebotomist at the lgi hospital", Fix("flebottom mist", "phlebotomist")),
    ("radio grafer", "radiographer", Fix("radio grafer", "radiographer")),
])
def test_a_job_name_heard_as_separate_words_is_put_back_together(heard, read, fix):
    spelling = Spelling.from_texts([], job_names=JOB_NAMES)
    tidied, fixes = tidy(heard, spelling)
    assert tidied == read
    assert fixes == ((fix,) if fix else ())
    assert tidy(heard, spelling, keep=[fix.typed])[0] != read if fix else True  # undone like any other fix


@pytest.mark.parametrize("words", [
    "i like his tory and maths",  # real words, not a job's sound
    "pulled a kid out the deep end once",  # three real words that sound like "dependency"
    "a friday night rush n gobby customers",  # text-speak is no part of a name ("nutrition")
    "care home work",  # "carehome" is no job's name
    "para",  # one word alone
    "the\nrapist",  # not one run of words
])
def test_everyday_words_are_not_joined_into_a_job(words):
    spelling = Spelling.from_texts([], job_names=JOB_NAMES)
    tidied = tidy(words, spelling)[0]
    assert not [name for name in JOB_NAMES if name.split()[0].lower() in tidied.split()], tidied


def test_a_councillor_is_read_as_the_counsellor_meant_and_can_be_undone(spelling):
    assert tidy("Councillor", spelling) == ("counsellor", (Fix("councillor", "counsellor"),))
    assert tidy("Councillor", spelling, keep=["councillor"])[0] == "Councillor"


def test_a_misspelt_wish_still_finds_it(match_data):
    top = _top(match_data, "i want to be a nurce", limit=5)
    assert any("nurse" in slug for slug in top), top
    result = match(match_data, Answers(text="i wanna be a docter tbh"))
    assert ("docter", "doctor") in [(fix.typed, fix.read_as) for fix in result.read.fixes]
    assert any("doctor" in m.slug or "physician" in m.slug for m in result.matches[:5])


def test_a_limit_in_everyday_words_is_a_hard_filter(match_data):
    for text in ("nothing stressful, no emergencies", "i want to help people but nothing too intense"):
        result = match(match_data, Answers(text=text), limit=10)
        assert "stress" in result.dealbreakers
        slugs = [m.slug for m in result.matches]
        for never in ("emergency-call-handler", "intensive-care-doctor", "critical-care-paramedic"):
            assert never not in slugs
        assert all(match_data.roles[match_data.index[s]].emotional != "high" for s in slugs)


def test_deal_breakers_in_words_rule_out_the_same_roles_as_the_quiz(match_data):
    in_words = match(match_data, Answers(text="blood makes me dizzy, ive got kids so no nights"), limit=40)
    ticked = match(match_data, Answers(choices={"dealbreakers": ("blood-and-needles", "nights-weekends")}), limit=40)
    assert in_words.dealbreakers == ticked.dealbreakers == {"blood-and-needles", "nights-weekends"}
    assert in_words.excluded_by_dealbreakers == ticked.excluded_by_dealbreakers
    for m in in_words.matches:
        role = match_data.roles[match_data.index[m.slug]]
        assert not role.rules_out("blood-and-needles") and not role.rules_out("nights-weekends")


def test_a_deal_breaker_taken_back_no_longer_filters(match_data):
    text = "no kids, i like helping people"
    kept = match(match_data, Answers(text=text), limit=40)
    taken = match(match_data, Answers(text=text), limit=40, set_aside={"no:children"})
    assert "children" in kept.dealbreakers and "children" not in taken.dealbreakers
    assert taken.excluded_by_dealbreakers < kept.excluded_by_dealbreakers


def test_the_spelling_table_is_built_once_per_data(match_data):
    assert match_data.spelling is match_data.spelling
    assert match_data.spelling.correct("nurce") == "nurse"



# --- the results page: what was understood, and taking it back ------------------------------------------

HTMX_LIST = {"HX-Request": "true", "HX-Target": "results-list"}


def _write(form_client, text: str) -> None:
    number = [q.id for q in QUESTIONS].index("interests") + 1
    assert form_client.post(f"/quiz/{number}", data={"interests": text}).status_code == 303


def test_the_results_page_shows_what_was_understood_and_a_deal_breaker_can_be_taken_away(form_client):
    _write(form_client, "i want to be a nurce but blood makes me dizzy, im 15")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "What we understood from your words" in html
    assert "“nurce” → “nurse”" in html
    assert 'name="set_aside" value="no:blood-and-needles"' in html
    assert "You told us you are at school, aged 11 to 16." in html

    response = form_client.post("/results/understood", data={"set_aside": "no:blood-and-needles"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/results#understood")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert 'name="set_aside" value="no:blood-and-needles"' not in html
    assert 'name="put_back" value="no:blood-and-needles"' in html

    form_client.post("/results/understood", data={"put_back": "no:blood-and-needles"})
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert 'name="set_aside" value="no:blood-and-needles"' in html


def test_the_page_says_which_words_jobs_were_looked_for_with_as_typed(form_client):
    # It said 'You like: "got rent"', and quoted what was read ("right now"), not what was typed ("rn").
    _write(form_client, "qwertyuiop zxcvbnm poiuy. i wanna work wiv kids rn")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "We looked for jobs close to: “i wanna work wiv kids rn”." in html
    assert "You like:" not in html and "right now" not in html
    _write(form_client, "i like pizza. i wanna work wiv kids")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "No job here is close to: “i like pizza”." in html


def test_study_and_earning_said_in_words_are_shown_and_can_be_taken_back(form_client):
    _write(form_client, "doing a t level in health")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert ("You told us you want to study for a year or two, at college or on an apprenticeship, so we put first "
            "the jobs you can start that way.") in html
    assert form_client.post("/results/understood", data={"set_aside": "study"}).status_code == 303
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "You told us you want to study" not in html and 'name="put_back" value="study"' in html

    _write(form_client, "want to earn while i learn")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "You told us you want to earn money while you learn" in html and "You wrote" not in html
    form_client.post("/results/understood", data={"set_aside": "earn"})
    assert 'name="put_back" value="earn"' in unescape(form_client.get("/results").get_data(as_text=True))

    _write(form_client, "bare money n summat active")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "You told us good pay matters to you" in html and 'name="set_aside" value="pay"' in html
    form_client.post("/results/understood", data={"set_aside": "pay"})
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "You told us good pay matters to you" not in html and 'name="put_back" value="pay"' in html


def test_the_page_says_when_a_wish_is_ruled_out_by_the_person_s_own_no(form_client):
    _write(form_client, "i want to be a paramedic but i cant drive")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert ("You wrote “i want to be a paramedic”. Most jobs like that were left out, because of a “definite no” "
            "you gave: driving as part of the job.") in html


def test_being_active_and_limits_said_only_in_words_are_shown_and_can_be_taken_back(form_client):
    _write(form_client, "need a saturday job where im on my feet, no uni for me")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "You like to be on your feet and moving, so we put active jobs first." in html
    assert "Jobs you cannot start at 16" in html and "Jobs you can only get with a university degree" in html
    for key in ("physical", "no:over-16", "no:degree"):
        assert form_client.post("/results/understood", data={"set_aside": key}).status_code == 303
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "You like to be on your feet" not in html
    for key in ("physical", "no:over-16", "no:degree"):
        assert f'name="put_back" value="{key}"' in html


@pytest.mark.parametrize(("text", "physical"), [
    ("i like bein busy n on my feet", "yes"),
    ("just want summat where im not sat down all day", "yes"),
    ("i hate sitting at a desk", "yes"),
    ("sat at a desk all day id go mad no cap", "yes"),
    ("i want a desk job", "sitting"),
    ("dont want to be on my feet all day", "sitting"),
    ("nothing physical pls", "sitting"),
    ("i like helping people", None),
])
def test_being_active_or_sitting_said_in_words_fills_the_physical_question(text, physical):
    assert read_text(text).physical == physical
    if physical:
        _fills_the_skipped_question(text, "physical", physical, quiz_answer="mix", label="Being active or sitting down")


def test_with_htmx_the_list_and_the_understood_box_are_swapped_together(form_client):
    _write(form_client, "no kids, i like helping people")
    response = form_client.post("/results/understood", data={"set_aside": "no:children"}, headers=HTMX_LIST)
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and "<html" not in html
    assert 'id="understood"' in html and 'hx-swap-oob="true"' in html
    assert 'name="put_back" value="no:children"' in html
    assert 'class="card result' in html


def test_a_spelling_fix_can_be_undone(form_client):
    _write(form_client, "i want to be a nurce")
    form_client.post("/results/understood", data={"set_aside": "word:nurce"})
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "“nurce” → “nurse”" not in html
    assert "Your spelling of “nurce”" in html


def test_new_words_start_afresh(form_client):
    _write(form_client, "no kids")
    form_client.post("/results/understood", data={"set_aside": "no:children"})
    _write(form_client, "no kids at all")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert 'name="set_aside" value="no:children"' in html


def test_taking_back_needs_a_csrf_token_and_a_known_choice(client, form_client):
    assert client.post("/results/understood", data={"set_aside": "stage"}).status_code == 400
    assert form_client.post("/results/understood", data={"set_aside": "<script>"}).status_code == 400
    assert form_client.post("/results/understood", data={}).status_code == 400


def test_cookies_from_before_words_could_be_taken_back_still_read(app):
    with app.test_request_context():
        old = visitor._read({visitor.ANSWERS_KEY: {"interests": "no kids"}})
        assert old.words_set_aside == frozenset() and old.answers.text == "no kids"
        with pytest.raises(visitor.UnexpectedCookie):
            visitor._read({visitor.SET_ASIDE_KEY: {"for": "x", "keys": ["drop table"]}})


def test_a_dropped_g_is_read_as_the_word_meant(spelling):
    assert tidy("always fixin stuff and helpin my nan", Spelling.from_texts([("Fixing", "Helping people")]))[0] == (
        "always fixing stuff and helping my nan")


@pytest.mark.parametrize("text", ["i like fixing things", "mad about fixin stuff, always taking things apart"])
def test_liking_fixing_things_finds_jobs_that_fix_things_not_surgeons(match_data, text):
    result = match(match_data, Answers(text=text), limit=5)
    assert not any(m.slug.endswith("surgeon") for m in result.matches)
    assert result.matches[0].slug == "estates-maintenance-technician"
    assert result.matches[0].strength_why == "You said you like fixing things, and this job uses that."


def test_having_left_school_brings_jobs_you_can_start_now_higher_without_claiming_you_asked(match_data):
    def start_now_share(text: str) -> float:
        found = match(match_data, Answers(text=text), limit=10).matches
        roles = {r.slug: r for r in match_data.roles}
        return sum(bool({"no-qualifications", "apprenticeship"} & set(roles[m.slug].route_types)) for m in found) / 10

    assert start_now_share("i like science and helping people, i left school") > start_now_share(
        "i like science and helping people")
    result = match(match_data, Answers(text="i like science and helping people, i left school"), limit=10)
    assert not any("start soon" in reason for m in result.matches for reason in m.reasons)


def test_a_vowel_put_for_a_vowel_decides_between_words_one_letter_away():
    spelling = Spelling(Counter({"teach": 9, "teeth": 2, "nervous": 5, "nerves": 1}))
    assert spelling.correct("teath") == "teeth"  # "teach" is used more, but a vowel slip is the likelier mistake
    assert spelling.correct("nervus") == "nervous"  # a letter left out still wins over a vowel changed


@pytest.mark.parametrize(("text", "limit"), [
    ("need PAID work not volunteering", "unpaid"),
    ("im not working for free", "unpaid"),
    ("im not doin like 5 more yrs of school", "degree"),
    ("im only 14 but i wanna start doin summat now like on saturdays", "over-16"),
    ("i am 16, want job for weekend now", "over-16"),
    ("yr 11 leavin in june, want an apprenticeship not sixth form", "over-16"),  # they will start it at 16
    ("year 11, dont want sixth form, want an NHS apprenticeship straight after summer", "over-16"),
])
def test_limits_said_the_way_people_say_them_are_read(text, limit):
    assert limit in read_text(text).dealbreakers


@pytest.mark.parametrize("text", ["i am 19, want a job now", "im 14 and i like science", "i want to volunteer",
                                  "year 10, want an apprenticeship one day", "im in year 11 and want a t level"])
def test_an_age_or_a_wish_alone_is_not_a_limit(text):
    assert not read_text(text).dealbreakers & {"over-16", "unpaid"}


def test_saying_no_to_volunteering_leaves_unpaid_roles_out_even_for_a_pupil(match_data):
    result = match(match_data, Answers(choices={"stage": ("pupil",)}, text="need PAID work not volunteering"), 30)
    assert "unpaid" in result.dealbreakers
    assert not any(m.unpaid for m in result.matches)


@pytest.mark.parametrize("text", ["want a proper career now", "need to get paid while i train",
                                  "is that even possible in the nhs"])
def test_words_about_wanting_any_career_say_nothing_about_which(text):
    assert all(explain.carries_no_meaning(like) for like in read_text(text).likes)


def test_a_question_about_the_nhs_is_never_quoted_as_a_reason(match_data):
    text = "i need to be out and about. is that even possible in the nhs if ur not a doctor"
    result = match(match_data, Answers(text=text), limit=10)
    assert not any("possible" in reason for m in result.matches for reason in m.reasons)


def test_not_sitting_all_day_is_said_once_when_ticked_and_said_in_words(match_data):
    answers = Answers(choices={"values": ("active",)}, text="i hate being stuck inside, i need to be out and about")
    for found in match(match_data, answers, limit=10).matches:
        assert sum("on your feet" in reason for reason in found.reasons) <= 1, found.reasons


@pytest.mark.parametrize("text", ["i want to help people", "i do wanna help somehow"])
def test_wanting_to_help_is_read_as_helping_people_not_as_a_helpdesk(match_data, text):
    top = [m.slug for m in match(match_data, Answers(text=text), limit=5).matches]
    assert not any("helpdesk" in slug or "service-desk" in slug for slug in top), top


def test_a_job_with_a_uniform_is_a_frontline_job_not_mending_uniforms(match_data):
    text = "want a job wiv a uniform ppl actually respect"
    top = [m.slug for m in match(match_data, Answers(text=text), limit=5).matches]
    assert "linen-and-laundry-assistant" not in top and {"healthcare-support-worker", "nursing-associate",
                                                          "associate-ambulance-practitioner", "paramedic"} & set(top)


def test_blue_lights_and_sirens_mean_the_ambulance_service(match_data):
    text = "i want summat wiv blue lights n sirens, adrenaline junkie innit"
    top = [m.slug for m in match(match_data, Answers(text=text), limit=5).matches]
    assert {"paramedic", "emergency-care-assistant"} & set(top), top


def test_a_no_to_seeing_patients_leaves_out_every_job_that_sees_them(match_data):
    text = "im quiet n not great with loads of ppl. i do wanna help somehow but not face to face with patients"
    result = match(match_data, Answers(text=text), limit=10)
    assert "patients" in result.dealbreakers and len(result.matches) == 10
    facing = {r.slug for r in match_data.roles if r.patient_facing}
    assert not {m.slug for m in result.matches} & facing
    kept = match(match_data, Answers(text=text), limit=10, set_aside={dealbreaker_key("patients")})
    assert {m.slug for m in kept.matches} & facing  # taken back with the chip, the leaning alone remains


@pytest.mark.parametrize(("text", "fact"), [
    ("19 n 6 months pregnant", "pregnant"),
    ("want summat for after the baby", "baby"),
    ("finished my level 2 health n social at college in june", "level 2"),
    ("been on UC since", "UC"),
    ("18, just left care n got my own flat in seacroft", "left care"),
    ("22 just come out after 14 month, on licence", "licence"),
    ("i care for my mum at home so i know im good at it", "my mum"),
    ("got a 2 year old so no nights", "2 year old"),
    # A job they have now, and how they get about.
    ("work in primark, pay is pants but its easy", "primark"),
    ("been at costa in kirkstall 3 yrs", "costa"),
    ("needs to be on the bus route from armley", "bus route"),
    ("i get the bus everywhere", "bus"),
    # A course left, where they live and how they came here, their own operation, their children's nursery.
    ("im 20, dropped out of nursing at uni last year", "nursing"),
    ("dropped out of uni in 2nd year (biology at beckett)", "beckett"),
    ("back at me mums in bramley now", "bramley"),
    ("I come to UK 8 month ago from Syria, now live in Beeston", "syria"),
    ("now live in Beeston", "beeston"),
    ("I study ESOL at college", "esol"),
    ("had an op on my spine last year (scoliosis) so cant lift", "spine"),
    ("mental health wasnt great so i left", "mental health"),
    ("got twins who are 2, they start nursery in september", "nursery"),
    ("got a little girl so i do the school runs", "little girl"),
    ("im proper shy", "shy"),
    ("i have 5 little brothers and sisters", "brothers"),
    ("my grandad died in a care home last year", "died"),
    ("need school hours cos no childcare", "childcare"),
    ("left school in june with mostly 4s", "4s"),
    ("single dad, 21, my daughter is 3", "single dad"),
    ("cant do weekends, her nursery shuts at 6", "her nursery shuts at 6"),
    ("23, 2 kids, been at home with them 4 yrs", "2 kids"),
    ("youngest starts reception in sept so i can work", "youngest starts reception"),
    ("my lil man starts nursery in sept, i love kids", "my lil man starts nursery"),
    ("19, in a supported hostel in chapeltown since i left care", "supported hostel"),
    ("on the youth employment programme, need a paid job", "youth employment programme"),
    ("im 23 with two kids, 4 and 1, been at home with them in holbeck since i was 18", "with two kids, 4 and 1"),
    ("im 23 with two kids, 4 and 1, been at home with them in holbeck since i was 18", "in holbeck since i was 18"),
    ("mi mams poorly again so im off today", "mams poorly again"),
    ("my dad is in hospital", "dad is in hospital"),
    ("so i'm doing functional skills at the library in bramley right now", "functional skills at the library"),
])
def test_facts_about_someone_s_life_are_set_aside_not_matched_as_likes(text, fact):
    read = read_text(text)
    assert not any(fact.lower() in like.lower() for like in read.likes)
    assert any(fact.lower() in said.lower() for said in read.about_me)


def test_helping_other_people_with_their_fears_is_a_liking_not_a_no():
    read = read_text("i wanna help ppl that are scared of the dentist")
    assert read.likes and not read.dislikes
    assert read_text("i want to help pregnant women").likes  # someone else's pregnancy is an interest


def test_fixing_things_in_the_quiz_brings_the_jobs_that_fix_things_up(match_data):
    answers = Answers(choices={"activities": ("fixing", "active"), "physical": ("yes",), "study": ("asap",)})
    top = [m.slug for m in match(match_data, answers, limit=5).matches]
    assert {"estates-maintenance-technician", "caretaker", "estates-plumber", "joiner"} & set(top), top


@pytest.mark.parametrize(("text", "value"), [
    ("want more money", "pay"), ("work in primark, pay is pants", "pay"), ("i need paid work", "earn"),
])
def test_wanting_more_pay_than_now_is_read_as_the_quiz_s_values(text, value):
    assert value in read_text(text).values


def test_a_shop_s_name_is_not_spelled_as_another_word(match_data):
    assert match_data.spelling.correct("primark") is None


def test_where_someone_studies_said_first_is_their_stage_not_a_liking():
    read = read_text("at leeds city college 3 days a week so part time only")
    assert read.stage == "16-18" and "full-time" in read.dealbreakers
    assert not any("college" in like for like in read.likes)


@pytest.mark.parametrize(("text", "limit"), [
    ("i like helping ppl but what if someone dies in front of me??", "stress"),
])
def test_a_worry_said_as_what_if_is_a_no(text, limit):
    assert limit in read_text(text).dealbreakers


def test_sick_said_of_something_liked_is_slang_for_great():
    read = read_text("the gory bits r sick")
    assert read.likes and not read.dislikes


def test_a_wish_topic_named_among_other_words_no_job_is_close_to_is_answered_as_that_topic(match_data):
    text = "makeup n nails 💅💄 did my sisters prom glam n it went viral on my tiktok"
    result = match(match_data, Answers(choices={"activities": ("creative",)}, text=text), limit=10)
    [(topic, _)] = result.words.topics
    assert topic.id == "beauty"
    assert {m.slug for m in result.matches[:3]} & set(topic.roles)


def test_handling_samples_in_a_lab_is_not_personal_care(match_data):
    for slug in ("laboratory-technician", "healthcare-science-assistant", "mortuary-assistant"):
        assert not match_data.roles[match_data.index[slug]].rules_out("personal-care"), slug
    assert match_data.roles[match_data.index["care-worker"]].rules_out("personal-care")


@pytest.mark.parametrize("text", ["i get panic attacks when stuff kicks off", "i get anxious when people shout",
                                  "i get panic attacks when its loud n everyone shouting"])
def test_panic_at_busy_or_tense_times_is_a_no_to_the_most_stressful_work(text):
    read = read_text(text)
    assert "stress" in read.dealbreakers
    assert not read.likes  # "stuff kicks off" is not something they like


def test_liking_busy_times_is_not_a_limit():
    assert not read_text("i love it when things get busy").dealbreakers


def test_british_words_missing_from_the_model_s_list_are_not_spelled_as_others():
    assert tidy("paramedic looks mint on telly")[0] == "paramedic looks mint on television"



@pytest.mark.parametrize(("text", "limit"), [
    ("i have to be done for 3 to get her from nursery", "nights-weekends"),
    ("i hated sixth form, dont want to be sat in a classroom again", "degree"),
    # Said as a judgement, or as hours.
    ("my mum says uni is a waste of money", "degree"),
    ("need school hours only", "full-time"),
])
def test_limits_said_through_daily_life_are_read(text, limit):
    assert limit in read_text(text).dealbreakers


def test_on_licence_is_not_a_driving_licence():
    assert "driving" not in read_text("22 just come out after 14 month, on licence").dealbreakers


def test_a_course_done_keeps_its_subject_as_a_liking():
    read = read_text("did level 1 catering and food hygiene inside")
    assert any("catering" in like for like in read.likes)
    assert not any("level 1" in like for like in read.likes)


@pytest.mark.parametrize(("typed", "read"), [
    ("helpin yutes wiv their heads", "helping young people with their mental health"),
    ("my mandem r goin thru it", "my friends are having a hard time"),
    ("level 2 health n social", "level 2 health and social care"),
])
def test_slang_for_common_situations_is_read_as_meant(typed, read):
    assert tidy(typed)[0] == read


def test_choosing_school_options_is_not_a_liking():
    assert not read_text("yr 9, we pick options next wk n i aint got a clue wat to pick").likes


def test_a_known_word_with_an_ending_is_not_spelled_as_another_word(match_data):
    assert match_data.spelling.correct("fainted") is None  # once read as "painter"
    assert match_data.spelling.correct("carring") == "caring"  # a short stem ("carr") does not count


def test_a_young_person_s_wish_to_work_now_is_a_limit_not_a_liking():
    read = read_text("im only 14 but i wanna start doin summat now like on saturdays")
    assert "over-16" in read.dealbreakers
    assert not any("saturdays" in like or "start" in like for like in read.likes), read.likes


@pytest.mark.parametrize("text", ["yr 10, picking what to do after. because i dont know", "at 16 n that"])
def test_words_that_say_nothing_are_never_shown_as_likes(text):
    assert not read_text(text).likes


@pytest.mark.parametrize(("text", "liked"), [
    ("i wana help peple who cant walk get ther legs workin agen like rehab", "walk"),
    ("wanna help peeple wiv there mentle helth like anxity", "anxiety"),
])
def test_other_people_s_difficulties_they_want_to_help_with_are_likes_not_limits(match_data, text, liked):
    read = read_text(text, match_data.spelling)
    assert not read.dealbreakers and not read.dislikes
    assert any(liked in like for like in read.likes), read.likes


def test_a_no_to_more_college_is_a_no_to_degrees():
    assert "degree" in read_text("want a job now not more college").dealbreakers


def test_panic_at_busy_times_stands_even_beside_a_liking_for_that_work(match_data):
    text = "i want something exciting like a&e or ambulances but i get panic attacks when its loud n everyone shouting"
    result = match(match_data, Answers(text=text))
    assert "stress" in result.dealbreakers
    assert not any(match_data.roles[match_data.index[m.slug]].rules_out("stress") for m in result.matches)


@pytest.mark.parametrize(("text", "limit"), [
    ("cant stand sick or poo, i literally gag", "personal-care"),
    ("placements on the wards were too much for me, proper stressful", "stress"),
    ("maybe not the most full on one", "stress"),
])
def test_more_ways_of_saying_no_are_read(text, limit):
    read = read_text(text)
    assert limit in read.dealbreakers
    assert not read.likes  # "i literally gag" and "proper stressful" are not things they like


@pytest.mark.parametrize(("text", "near", "not_near"), [
    ("im good with my hands", {"sterile-services-technician", "prosthetic-and-orthotic-technician",
                               "dental-technician", "estates-maintenance-technician", "joiner"}, "surgeon"),
    ("im a good listener, everyone tells me their problems",
     {"mental-health-support-worker", "advocacy-worker", "counsellor", "community-alarm-responder"}, "radiographer"),
    ("organised ✅", {"health-records-clerk", "booking-coordinator", "medical-secretary", "administrative-assistant"},
     "surgeon"),
])
def test_sayings_about_yourself_are_matched_on_what_they_mean_and_quoted_as_written(match_data, text, near, not_near):
    result = match(match_data, Answers(text=text), limit=5)
    assert near & {m.slug for m in result.matches[:3]}
    assert not any(not_near in m.slug for m in result.matches)
    quoted = " ".join(result.matches[0].reasons)
    assert "You wrote" in quoted and "tools and equipment" not in quoted and "supporting them" not in quoted


def test_helping_chosen_beside_behind_the_scenes_does_not_pull_towards_patients(match_data):
    answers = Answers(choices={"people": ("behind",), "values": ("helping",)})
    top = match(match_data, answers, limit=10).matches
    assert not any(match_data.roles[match_data.index[m.slug]].patient_facing for m in top[:5])


def test_a_course_left_is_not_an_answer_to_the_study_question():
    assert read_text("dropped out of uni in 2nd year, want summat steadier").study is None


@pytest.mark.parametrize(("text", "limit"), [
    ("im 17, left sixth form after a term. me mum says get an apprenticeship", "over-17"),
    ("left school last summer been doin nowt. 17 now", "over-17"),
    ("im 17 need a job asap", "over-17"),
    ("im 15 need a job asap", "over-16"),
    ("just turned 16, left school in june", "over-16"),
])
def test_someone_too_young_for_most_care_jobs_who_wants_work_now_gets_jobs_open_at_their_age(match_data, text, limit):
    result = match(match_data, Answers(text=text))
    assert limit in result.dealbreakers
    oldest = 16 if limit == "over-16" else 17
    assert all((match_data.roles[match_data.index[m.slug]].minimum_age or 99) <= oldest for m in result.matches)


@pytest.mark.parametrize("text", ["im 17 and i love science", "im 17, at college doing a levels"])
def test_an_age_of_17_alone_leaves_jobs_open_from_18_in(text):
    assert not read_text(text).dealbreakers


@pytest.mark.parametrize("text", [
    "work coach said fill this in so. here u go", "work coach says i gotta be applyin for stuff",
    "dunno what im even good at tbh", "cant afford that either",
    "left school last summer been doin nowt", "mams on at me to get a job", "me mum says get a job",
    "left sixth form after a term cos it wasnt for me. not doin owt now", "if that helps",
])
def test_why_someone_is_filling_this_in_is_not_a_liking(text):
    assert not read_text(text).likes


@pytest.mark.parametrize("text", ["im proper shy, hate talkin to strangers", "im quiet n not great with loads of ppl"])
def test_shy_or_quiet_said_of_yourself_is_the_quiz_s_behind_the_scenes(text):
    read = read_text(text)
    assert read.people == "behind" and not read.likes


def test_working_a_few_days_a_week_asks_for_part_time_hours():
    assert "full-time" in read_text("so i can finally work a few days a week").dealbreakers


def test_a_wish_ruled_out_by_the_person_s_own_no_is_never_quoted_for_a_near_miss(match_data):
    text = "wanna be a nurse like my auntie at the LGI but i literally pass out when i see a needle"
    result = match(match_data, Answers(text=text))
    assert result.words.blocked  # the page says nursing was left out because of their no
    assert not any("You wrote" in reason for m in result.matches for reason in m.reasons)


def test_emoji_closing_a_no_end_it_and_elsewhere_stay_in_their_clause():
    read = read_text("not anything with kids PLEASE 😭 i like science and looking after ppl tho")
    assert "children" in read.dealbreakers and read.likes == ("i like science and looking after people",)
    assert read_text("the gory bits r sick 💀 i watch 24 hrs in a&e").likes == (
        "the gory bits are sick 💀 i watch 24 hrs in emergency department",)


def test_a_short_name_of_a_job_carries_meaning():
    assert read_text("doctor. like a gp.").likes == ("doctor", "like a gp")


def test_needing_a_job_alone_answers_the_study_question_and_at_16_asks_for_jobs_open_at_16():
    read = read_text("16, need a job")
    assert read.study == "asap" and "over-16" in read.dealbreakers


@pytest.mark.parametrize(("text", "topic"), [
    ("i cut all the lads hair on my estate, skin fades", "beauty"),
    ("i do makeup looks on tiktok", "beauty"),
])
def test_a_wish_topic_named_in_a_sentence_only_loosely_like_any_job_is_answered_as_that_topic(match_data, text, topic):
    result = match(match_data, Answers(text=text))
    assert topic in {found.id for found, _ in result.words.topics}
    assert "nhs-trust-chief-executive" not in {m.slug for m in result.matches}


def test_a_condition_named_is_left_as_typed_and_kept_as_a_fact(match_data):
    assert match_data.spelling.correct("crohns") is None  # once read as "crowns", which found dentists
    read = read_text("got crohns, has to be part time", match_data.spelling)
    assert "got crohns" in read.about_me and not any("crown" in like for like in read.likes)


def test_a_verdict_on_its_own_says_no_to_the_clause_before_it():
    read = read_text("me mam is a carer n ive watched her wash n change people for years. not for me, no chance. "
                     "but id do the cooking side no bother")
    assert "personal-care" in read.dealbreakers
    assert read.likes == ("i'd do the cooking side no bother",)
    assert "personal-care" not in read_text("i love washing people's hair. i'd do it for free").dealbreakers


@pytest.mark.parametrize(("text", "stress"), [
    ("can bang out 200 covers on a sat no stress 🔥", False),  # easily
    ("i could do it all day no stress", False),
    ("i can do anything, no stress pls", True),
    ("no stress please", True),
])
def test_no_stress_after_what_someone_can_do_means_easily(text, stress):
    assert ("stress" in read_text(text).dealbreakers) is stress


def test_a_question_ending_or_nah_is_not_a_no():
    read = read_text("do hospital kitchens pay more or nah")
    assert read.likes and not read.dislikes and not read.dealbreakers


def test_a_record_and_the_worker_who_helped_are_read_as_a_fact_and_a_wish(match_data):
    text = ("got nicked at 16 for daft stuff. my yos worker proper turned it round for me fr. wanna b that for the "
            "yunguns on my estate innit")
    result = match(match_data, Answers(text=text), limit=5)
    assert any("arrested" in fact for fact in result.read.about_me)
    assert not any("knocked" in like or "arrested" in like for like in result.read.likes)
    assert result.matches[0].slug == "youth-justice-officer"


@pytest.mark.parametrize("text", ["arabic speaker", "speak urdu n punjabi tho if that helps"])
def test_speaking_another_language_points_to_interpreting(match_data, text):
    assert match(match_data, Answers(text=text), limit=3).matches[0].slug == "healthcare-interpreter"


@pytest.mark.parametrize("text", ["honestly dogs are better, people do my head in", "i hate people tbh",
                                  "im not a people person"])
def test_a_no_to_people_themselves_is_the_quiz_s_behind_the_scenes(text):
    assert read_text(text).people == "behind"
    assert read_text("i like kids but not old people").people is None


@pytest.mark.parametrize("text", ["im a people person but the call centre job did my head in",
                                  "phone calls in English scare me, face to face is ok",
                                  "i cannot do another headset"])
def test_a_no_to_phone_work_leaves_out_the_jobs_done_on_the_phone(match_data, text):
    result = match(match_data, Answers(text=text), limit=30)
    assert "phones" in result.dealbreakers
    assert not any(match_data.roles[match_data.index[m.slug]].by_phone for m in result.matches)
    assert "phones" not in read_text("im always on my phone lol").dealbreakers
    assert "phones" not in read_text("no on call please").dealbreakers  # that is nights and weekends


@pytest.mark.parametrize(("text", "fact"), [
    ("been at home with them 4 yrs", "been at home with them 4 years"),
    ("only ever worked at greggs when i was 17", "only ever worked at greggs when i was 17"),
    ("I am 17 and autistic", "and autistic"),
])
def test_time_at_home_an_old_job_and_a_condition_after_an_age_are_facts(text, fact):
    read = read_text(text)
    assert any(fact in said for said in read.about_me) and not read.likes


def test_someone_else_s_condition_stays_in_the_words_as_the_reason_for_the_wish():
    read = read_text("my little brother is autistic and i can always tell what he wants")
    assert any("autistic" in like for like in read.likes)


def test_a_bit_of_training_answers_the_study_question():
    read = read_text("can do a bit of training but not uni")
    assert read.study == "some" and "degree" in read.dealbreakers and not read.likes


def test_the_results_page_says_which_way_the_people_answer_was_read(form_client):
    _write(form_client, "im a proper people person, face to face im grand")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "You like meeting and talking with people" in html and "behind the scenes, away from patients" not in html
    _write(form_client, "im proper shy, hate talkin to strangers")
    html = unescape(form_client.get("/results").get_data(as_text=True))
    assert "You would rather work behind the scenes" in html and "You like meeting and talking" not in html


def test_the_cause_of_a_limit_is_not_a_wish(match_data):
    result = match(match_data, Answers(text="want to work with kids, i cant do weekends cos of football"), limit=10)
    assert result.read.likes == ("want to work with kids",) and "nights-weekends" in result.dealbreakers
    assert not result.words.topics  # never "there are no jobs playing sport here"


@pytest.mark.parametrize(("text", "liked", "limit"), [
    # "Want to work with" is a liking, so a nursery they want to leave is not a no to children.
    ("want to work with poorly kids in hospital next not be in a nursery forever", "kids", None),
    ("and uni's not happening either", None, "degree"),  # a no with "either" after it
])
def test_a_liking_said_as_wanting_to_work_with_and_a_no_with_either(text, liked, limit):
    read = read_text(text)
    assert (limit in read.dealbreakers) if limit else not read.dealbreakers
    assert (liked in read.likes_text) if liked else read.study is None


@pytest.mark.parametrize(("text", "fact"), [
    ("21, 3 yrs in care, got my level 3", None),  # years in care work, not growing up in care
    ("level 2 early years apprentice at a nursery in morley", "apprentice"),
])
def test_care_work_done_is_a_liking_and_an_apprenticeship_now_is_a_fact(text, fact):
    read = read_text(text)
    if fact:
        assert any(fact in said for said in read.about_me) and not read.likes
    else:
        assert "3 years in care" in read.likes


def test_cosmetic_treatments_are_matched_as_the_nursing_and_medicine_they_are(match_data):
    result = match(match_data, Answers(text="aesthetics nurse is the dream, botox n fillers"), limit=5)
    assert not result.read.fixes  # "fillers" is not spelt "fills"
    assert "plastic-surgeon" in [m.slug for m in result.matches]
    assert all("cosmetic" not in reason for m in result.matches for reason in m.reasons)  # quoted as written


@pytest.mark.parametrize(("text", "stage", "fact"), [
    ("my son is 17, doing chemistry at notre dame and loves it, but hes got ADHD", "16-18", "hes got ADHD"),
    ("shes in year 9. she has cerebral palsy and uses a wheelchair, top set science", "pupil",
     "she has cerebral palsy and uses a wheelchair"),
    ("im his leaving care PA. hes 18 and good with people", "16-18", "hes 18"),
])
def test_written_for_someone_else_their_age_and_condition_are_facts_about_them(match_data, text, stage, fact):
    read = read_text(text, match_data.spelling)
    assert read.stage == stage and fact in read.about_me
    assert not any(word in like for like in read.likes for word in ("adhd", "wheelchair", "palsy", "18"))


def test_a_writer_who_wants_the_work_themselves_keeps_their_family_s_condition_as_the_reason():
    read = read_text("my brother is autistic and the lady that helps him with his speech is great. "
                     "i want to do her job")
    assert any("autistic" in like for like in read.likes) and not read.about_me


def test_a_worry_about_the_work_is_not_a_liking_for_it():
    read = read_text("wants something medical but worried its all running about on your feet")
    assert read.physical == "sitting" and "worried its all running about on your feet" in read.dislikes


def test_work_only_at_weekends_is_part_time_work():
    assert "full-time" in read_text("only weekends cos of school obvs").dealbreakers
    assert "full-time" in read_text("i want a saturday job").dealbreakers


def test_a_verdict_on_one_thing_then_another_splits_a_run_on_sentence():
    read = read_text("bio is alright chem is killin me")
    assert read.likes == ("bio is alright",) and read.dislikes == ("chem is killing me",)
    assert "nights-weekends" in read_text("love my patients but the night shifts r killin me").dealbreakers


def test_the_words_that_give_a_limit_its_cause_are_not_a_liking():
    read = read_text("my back is bad from liftin our kid in n out his chair")
    assert "heavy-lifting" in read.dealbreakers and not read.likes
    # "our kid" is a brother or sister in Yorkshire: not a child to work with
    assert "brother" in dict(read.said)["heavy-lifting"]


def test_a_thing_said_to_be_fine_at_the_end_is_put_up_with_not_liked():
    assert read_text("or maybe with them hoist things its fine").likes == ()
    assert read_text("i like being on my feet, hoists its fine").likes == ("i like being on my feet",)
    assert read_text("biology is ok").likes  # a subject said to be ok is a mild liking


@pytest.mark.parametrize(("text", "kept"), [
    ("not blood tho. or maybe blood is ok i dunno", set()),  # the no is taken back
    ("no nights. actually nights are fine", set()),
    ("no nights, maybe weekends are ok", {"nights-weekends"}),  # a change of mind about something else
    ("no blood. maybe kids are ok", {"blood-and-needles"}),
    ("blood is fine i guess, but surgery n guts no way", {"blood-and-needles"}),  # the no comes after
])
def test_a_later_change_of_mind_about_the_same_thing_takes_a_no_back(text, kept):
    read = read_text(text)
    assert read.dealbreakers == kept
    assert not any("ok" in like or "fine" in like for like in read.likes)  # put up with, not liked


def test_a_verdict_typed_by_voice_ends_its_thought_and_a_licence_is_a_fact():
    read = read_text("i dont want to do the personal care stuff i know someone has to do it but not me i'm happy to "
                     "help in other ways like chatting or driving people about i've got my license")
    assert read.dealbreakers == {"personal-care"}  # driving was liked, not ruled out
    assert any("driving people about" in like for like in read.likes)
    assert "i've got my license" in read.about_me


@pytest.mark.parametrize("text", ["i haven't got my licence", "havent got my license yet", "i cant drive"])
def test_no_licence_is_still_a_no_to_driving(text):
    assert "driving" in read_text(text).dealbreakers


@pytest.mark.parametrize("text", ["cant afford uni either", "i cant afford university"])
def test_no_money_for_university_is_a_wish_to_earn_and_a_no_to_a_degree(text):
    read = read_text(text)
    assert read.dealbreakers == {"degree"} and read.values == ("earn",)
    assert not read_text("i can afford uni").dealbreakers


def test_a_school_s_name_after_the_year_is_where_they_are_and_pe_is_sport():
    read = read_text("year 10 at cockburn, like science n pe")
    assert read.stage == "pupil" and "year 10 at cockburn" in read.about_me
    assert read.likes == ("like science and pe",)
    assert read_text("year 10 at the hospital for work experience").about_me == ("year 10",)
    assert "sport" in meaning("like science and pe") and "sport" not in meaning("i like peas")


@pytest.mark.parametrize(("text", "dealbreakers"), [
    ("got the worst blister on my heel from saturday and now i cant even get my trainers on", set()),
    ("working saturdays is the worst", {"nights-weekends"}),
    ("i hate hospitals since my grandma was in one for ages", set()),  # their own grandma, not older people
    ("i hate grandmas lol", {"older-people"}),
])
def test_a_bad_day_and_a_relative_are_not_limits(text, dealbreakers):
    assert read_text(text).dealbreakers == dealbreakers


@pytest.mark.parametrize(("text", "fact", "likes"), [
    ("bus was late AGAIN and they still gave me a detention", "bus was late", ()),
    ("bus drove straight past me on roundhay rd AGAIN", "drove straight past", ()),
    ("bus was late again so i want a job near home", "bus was late again", ("i want a job near home",)),
    ("dropped out of my level 3 health n social at leeds city college in 2nd year, mental health",
     "level 3 health and social care at leeds city college in 2nd year, mental health", ()),
    ("quit my course cos of my anxiety", "quit my course because of my anxiety", ()),
])
def test_a_bad_day_with_the_buses_and_a_course_left_are_facts_not_wishes(text, fact, likes):
    read = read_text(text)
    assert any(fact in said for said in read.about_me) and read.likes == likes
    assert read_text("i want to drive a bus").likes == ("i want to drive a bus",)


def test_full_time_study_is_not_full_time_work():
    read = read_text("want to finish summat but earning at the same time, not another full time course")
    assert read.dealbreakers == frozenset() and read.values == ("earn",)
    assert read_text("i dont want a full time job").dealbreakers == {"full-time"}


@pytest.mark.parametrize(("text", "likes", "dealbreakers"), [
    ("im not doing personal care, washing ppl n that", (), {"personal-care"}),  # examples of the no
    ("no personal care, i like chatting with people", ("i like chatting with people",), {"personal-care"}),
    ("no nights, weekends are fine", ("weekends are fine",), {"nights-weekends"}),
])
def test_examples_after_a_no_are_part_of_it(text, likes, dealbreakers):
    read = read_text(text)
    assert read.likes == likes and read.dealbreakers == dealbreakers


@pytest.mark.parametrize(("text", "likes", "dealbreakers"), [
    # Being bad at a subject is a no to that subject, not to the wish before it (it had ruled out every baby job).
    ("lowkey wanna work w babies 🥹 is that delulu if im rubbish at science? what jobs r there",
     ("want to work with babies 🥹", "what jobs are there"), set()),
    # Not squeamish is not a no: the phone game and the nights were read as limits.
    ("i play operate now on my phone every night n i dont get squeamish at all",
     ("i play operate now on my phone every night and i don't get squeamish at all",), set()),
    # Something offered instead is not more of the no before it.
    ("what if i freeze when someones really hurt 😬 maybe the 999 calls side instead? idk",
     ("the 999 calls side instead",), set()),
])
def test_a_wish_next_to_a_doubt_is_still_a_wish(text, likes, dealbreakers):
    read = read_text(text)
    assert read.likes == likes and read.dealbreakers == dealbreakers


def test_metal_put_in_a_back_is_an_injury_not_a_liking():
    read = read_text("had a rod put in my back for scoliosis so i cant lift anything heavy, doctors orders")
    assert read.dealbreakers == {"heavy-lifting"} and read.likes == ()


@pytest.mark.parametrize(("text", "fact", "likes"), [
    ("im 25 n work in a warehouse in cross green. always wanted to be a paramedic",
     "work in a warehouse in cross green", ("always wanted to be a paramedic",)),
    ("been working in a bar in town since a levels", "been working in a bar in town since a levels", ()),
])
def test_where_someone_works_now_is_a_fact_not_a_wish(text, fact, likes):
    read = read_text(text)
    assert fact in read.about_me and read.likes == likes
    assert read_text("i want to work in a warehouse").likes == ("i want to work in a warehouse",)
    assert "phones" in read_text("worked in a call centre for 2 years and hated it").dealbreakers


def test_a_people_person_is_offered_work_meeting_people_not_a_doctor_s_talking_therapy(match_data):
    top = [m.slug for m in match(match_data, Answers(text="people person")).matches[:5]]
    assert "medical-psychotherapist" not in top  # a doctor's specialty had come second
    assert {"activities-coordinator", "social-prescribing-link-worker"} & set(top)


def test_people_who_are_ill_are_not_a_feeling_of_being_sick():
    read = read_text("I like help sick people but also I need work, my family need money")
    assert read.likes == ("I like help sick people",) and not read.dealbreakers and read.values == ("earn",)
    assert read_text("caring for the sick").likes == ("caring for the sick",)
    assert "blood-and-needles" in read_text("blood makes me sick").dealbreakers
    assert "blood-and-needles" in read_text("i feel sick when i see blood").dealbreakers


def test_a_racing_heart_at_sirens_is_a_no_to_emergencies():
    read = read_text("when I hear siren I remember Khartoum and my heart go very fast")
    assert read.dealbreakers == {"stress"} and not read.likes
    assert "stress" not in read_text("i want to be on the blue lights").dealbreakers


@pytest.mark.parametrize("text", ["I will write here after", "brb", "ok what is next", "ill finish this later",
                                  "Doing this at the kitchen table in Chapeltown with J, sorry if it goes funny",
                                  "doing this in my free period lol"])
def test_words_about_filling_in_the_box_are_not_likes(text):
    assert not read_text(text).likes
    assert read_text("i love doing this kind of thing with kids").likes  # the work, not the form


def test_patient_the_trait_is_not_read_as_patients():
    assert "patient and kind" in meaning("ppl always say ur so patient")
    assert "patient and kind" in meaning("im patient n good at listenin")
    assert meaning("patient transport driver") == "patient transport driver"


@pytest.mark.parametrize("text", ["care", "care work", "i want care work", "care jobs", "a job in care",
                                  "working in care"])
def test_care_work_said_in_words_is_a_liking(text):
    """'care' was a filler word (for "i don't care"), so "care work" alone was read as saying nothing, and "a job in
    care" as having grown up in care."""
    read = read_text(text)
    assert read.likes and not read.about_me
    assert not explain.carries_no_meaning(text)


@pytest.mark.parametrize("text", ["i dont care", "idc", "who cares lol", "dunno about care, pays crap innit"])
def test_not_caring_or_doubting_is_not_a_liking_for_care_work(text):
    assert not any("care" in like for like in read_text(text).likes)


def test_growing_up_in_care_is_still_a_fact():
    assert "in care" in read_text("i was in care til 16").about_me


@pytest.mark.parametrize(("text", "stage", "fact"), [
    ("Lad is 17, failed his maths GCSE and is resitting at college", "16-18",
     "failed his maths GCSE and is resitting at college"),
    ("the young person is 15 and loves animals", "pupil", "the young person is 15"),
    ("failed my english gcse, i like kids", None, "failed my english gcse"),
])
def test_an_adult_typing_for_a_young_person_gives_their_age_and_resits_as_facts(text, stage, fact):
    read = read_text(text)
    assert read.stage == stage and fact in read.about_me
    assert not any("gcse" in like.lower() or like.lower().startswith(("lad", "the young")) for like in read.likes)


def test_good_with_their_hands_means_practical_work_whoever_says_it():
    assert "hands-on work" in meaning("she is good with her hands")


def test_the_magic_sponge_is_matched_as_a_sports_physio_and_poorly_as_ill():
    assert "sports physiotherapist" in meaning("like the fella who runs on with the magic sponge")
    assert meaning("helping people who are poorly") == "helping people who are ill"


def test_a_quote_shows_the_words_as_typed_and_what_the_spelling_fix_read_them_as(match_data):
    """'injera' (a bread) was read as 'injury', and the page said 'You wrote "... find good injury"'. Quoted as typed
    alone, the ambulance job the misreading found made no sense, so the quote says how the word was read."""
    result = match(match_data, parse_answers({}, "i want to be a nurce"), limit=5)
    quotes = [r for m in result.matches for r in m.reasons if r.startswith("You wrote")]
    assert quotes and all(quote.startswith("You wrote “i want to be a nurce” (we read “nurce” as “nurse”), and ")
                          for quote in quotes), quotes
    assert [fix.read_as for fix in result.read.fixes] == ["nurse"]  # matched on the word as read
    fix = Fix("injera", "injury")
    assert as_typed("find good injury", [fix], "find good injera") == ("find good injera", (fix,))
    assert as_typed("in leeds", [fix], "in leeds, good injera") == ("in leeds", ())  # not in this clause
    # Where the word the fix gave was also typed, either could be meant: left as it is.
    assert as_typed("injury and injury", [fix], "injury and injera") == ("injury and injera", ())


def test_a_quote_shows_text_speak_and_local_names_as_typed(match_data):
    """'You wrote "the physio at st james's hospital were good"' was shown to someone who typed "Jimmy's"."""
    original = "the physio at Jimmy's were good with me. working in a chicken shop in harehills rn. want more"
    assert as_typed("the physio at st james's hospital were good with me", [], original)[0] == \
        "the physio at Jimmy's were good with me"
    assert as_typed("working in a chicken shop in harehills right now", [], original)[0] == \
        "working in a chicken shop in harehills rn"
    assert as_typed("nothing like this at all", [], original)[0] == "nothing like this at all"  # not found: as read
    # The words of a limit, taken out of what they like, stay out of the quote.
    assert as_typed("need a … where i'm on my feet", [], "need a job with no nights where im on my feet")[0] == \
        "need a … where im on my feet"
    result = match(match_data, parse_answers({}, "i wanna b a nurse at jimmys tbh"), limit=5)
    quotes = [r for m in result.matches for r in m.reasons if r.startswith("You wrote")]
    assert quotes and all("jimmys" in quote and "james" not in quote for quote in quotes), quotes
