"""Quiz answers are checked strictly; free text is read for likes and for deal-breakers said in words."""

from __future__ import annotations

import pytest

from careercompass.matching.quiz import QUESTIONS, AnswerError, describe_quiz, parse_answers
from careercompass.matching.text import read_text


def test_every_question_can_be_skipped():
    answers = parse_answers({})
    assert answers.choices == {} and answers.text == ""


def test_good_answers_are_kept():
    answers = parse_answers({"activities": ["fixing", "science"], "people": "behind"}, "I like bikes")
    assert answers.choices == {"activities": ("fixing", "science"), "people": ("behind",)}
    assert answers.text == "I like bikes"


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({"activities": ["juggling"]}, "activities", "'juggling' is not allowed"),
        ({"activities": ["fixing", "science", "puzzles", "caring"]}, "activities", "at most 3"),
        ({"people": 3}, "people", "should be an option id"),
        ({"favourite_colour": "blue"}, "favourite_colour", "is not a question"),
        ({"dealbreakers": [None]}, "dealbreakers", "should be an option id"),
    ],
)
def test_bad_answers_name_the_question(raw, field, words):
    with pytest.raises(AnswerError) as caught:
        parse_answers(raw)
    assert caught.value.field == field and words in str(caught.value)


def test_free_text_is_cleaned_and_limited():
    assert parse_answers({}, "  <b>bikes</b>\x00 and 🎮 gaming, 自転車 ").text == "b bikes /b and 🎮 gaming, 自転車"
    with pytest.raises(AnswerError, match="under 500"):
        parse_answers({}, "x" * 501)
    with pytest.raises(AnswerError, match="should be text"):
        parse_answers({}, ["not", "text"])


def test_the_quiz_description_lists_every_question_and_option():
    described = describe_quiz()["questions"]
    assert [q["id"] for q in described] == [q.id for q in QUESTIONS]
    assert 10 <= len(described) <= 14
    assert all(q["options"] or q["kind"] == "text" for q in described)


@pytest.mark.parametrize(
    ("text", "dealbreakers", "likes"),
    [
        ("I like fixing bikes and gaming", set(), ["I like fixing bikes and gaming"]),
        ("needles make me queasy but I love science", {"blood-and-needles"}, ["I love science"]),
        ("I can't do weekends", {"nights-weekends"}, []),
        ("love kids. hate the sight of blood!", {"blood-and-needles"}, ["love kids"]),
        ("I don't want to drive, I like art", {"driving"}, ["I like art"]),
        ("not good with old people; into music", {"older-people"}, ["into music"]),
        ("I hate maths", set(), []),
        ("old people kinda creep me out ngl", {"older-people"}, []),
        ("kids weird me out, i like drawing", {"children"}, ["i like drawing"]),
        ("i like creepy films", set(), ["i like creepy films"]),
    ],
)
def test_negations_become_dealbreakers_not_interests(text, dealbreakers, likes):
    read = read_text(text)
    assert set(read.dealbreakers) == dealbreakers
    assert list(read.likes) == likes
