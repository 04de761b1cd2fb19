"""Classroom mode: an adviser starts a session, a class of 30 joins with a code and nicknames, the board counts
them without naming anyone, and nobody but the adviser who runs it (or an admin) can see it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from careercompass.classroom import sessions
from careercompass.classroom.models import ClassSession
from careercompass.database import make_engine, make_session_factory, transaction, upgrade_schema
from careercompass.matching.quiz import QUESTIONS
from tests.conftest import signed_in

LAST_STEP = len(QUESTIONS)
LIKES = ["i like helping people and science", "science and animals", "helping people, football", "art and helping",
         "i am being bullied and like computers"]  # the last is private and said by one pupil only


@pytest.mark.parametrize("nickname", ["Blue Fox", "sam", "Star 7", "GamerGirl", "x_x"])
def test_made_up_nicknames_are_welcome(nickname):
    assert sessions.check_nickname(nickname) == nickname


@pytest.mark.parametrize("nickname", ["Jordan Smith", "Amelia Rose Hughes", "sam@example.org", "07700 900123",
                                      "www.me.com", "x", "a" * 21])
def test_full_names_contacts_and_odd_lengths_are_refused_kindly(nickname):
    with pytest.raises(sessions.JoinProblem) as problem:
        sessions.check_nickname(nickname)
    assert problem.value.field == "nickname" and "Please" in str(problem.value) or "2 to 20" in str(problem.value)


def test_codes_have_no_look_alike_characters_and_forgive_how_they_are_typed():
    assert not set("BGILOQSZ012589") & set(sessions.CODE_ALPHABET)
    assert sessions.typed_code(" ktp-49x ") == "KTP49X" and sessions.shown_code("KTP49X") == "KTP-49X"


@pytest.fixture
def factory(database_url):
    engine = make_engine(database_url)
    upgrade_schema(engine)
    yield make_session_factory(engine)
    engine.dispose()


def test_joining_names_each_problem_and_a_closed_or_old_session_is_gone(factory):
    with transaction(factory) as database:
        made = sessions.start(database, "Year 10", adviser_id=None)
        code = made.code
    with factory() as database:
        with pytest.raises(sessions.JoinProblem, match="could not find"):
            sessions.join(database, "AAAAAA" if code != "AAAAAA" else "CCCCCC", "Blue Fox")
        sessions.join(database, code.lower(), "Blue Fox")
        with pytest.raises(sessions.JoinProblem, match="already has that nickname"):
            sessions.join(database, code, "blue fox")
        sessions.close(database, database.get(ClassSession, made.id))
        database.commit()
        with pytest.raises(sessions.JoinProblem, match="has finished"):
            sessions.join(database, code, "Red Owl")
    with transaction(factory) as database:
        assert sessions.delete_older_than(database, 30, now=datetime.now(UTC) + timedelta(days=31)) == 1


@pytest.fixture
def class_app(people_app):
    return people_app



def start_session(app, email="adviser@example.org") -> tuple[object, int, str]:
    adviser = signed_in(app, email)
    made = adviser.post("/adviser/sessions", data={"name": "10K careers hour"})
    assert made.status_code == 303
    session_id = int(made.headers["Location"].rsplit("/", 1)[1])
    code = re.search(r'class="board__code">([A-Z0-9]{3}-[A-Z0-9]{3})<', adviser.get(made.headers["Location"])
                     .get_data(as_text=True)).group(1)
    return adviser, session_id, code


def pupil_joins_and_finishes(app, code: str, nickname: str, likes: str):
    pupil = app.test_client()
    joined = pupil.post("/join", data={"code": code, "nickname": nickname})
    assert joined.status_code == 303 and "/quiz/1" in joined.headers["Location"]
    pupil.post("/quiz/2", data={"skip": "1"})
    assert pupil.post(f"/quiz/{LAST_STEP}", data={"interests": likes}).status_code == 303
    return pupil


def test_a_class_of_thirty_lands_on_the_board_with_no_names_shown(class_app):
    adviser, session_id, code = start_session(class_app)
    pupils = [pupil_joins_and_finishes(class_app, code, f"Pupil {n}", LIKES[min(n, 4)] if n < 4 else
                                       (LIKES[4] if n == 4 else LIKES[n % 4])) for n in range(30)]
    figures = adviser.get(f"/adviser/sessions/{session_id}/board.json").get_json()
    assert figures["code"] == code.replace("-", "") and figures["joined"] == 30 and figures["finished"] == 30
    assert set(figures) == {"code", "joined", "finished", "families", "roles", "dealbreakers"}
    assert max(figures["roles"].values()) <= 30 and sum(figures["families"].values()) >= 30
    board = adviser.get(f"/adviser/sessions/{session_id}/board").get_data(as_text=True)
    assert "30</strong> joined" in board and "<svg" in board and "The figures as a table" in board
    assert f"QR code to join with the code {code}" in board  # to project: it opens /join with the code filled in
    assert f'value="{code}"' in class_app.test_client().get(f"/join?code={code}").get_data(as_text=True)
    assert "Pupil 1" not in board and "bullied" not in board  # no nickname, and no words only one pupil used
    assert "helping" in board and "science" in board  # words many pupils used make the word picture
    fragment = adviser.get(f"/adviser/sessions/{session_id}/board",
                           headers={"HX-Request": "true", "HX-Target": "class-board"}).get_data(as_text=True)
    assert "<html" not in fragment and "30</strong> joined" in fragment
    mine = adviser.get(f"/adviser/sessions/{session_id}").get_data(as_text=True)
    assert "Pupil 29" in mine  # the adviser's own view names nicknames, to talk about why a job came up
    csv = adviser.get(f"/adviser/sessions/{session_id}/participation.csv").get_data(as_text=True)
    assert csv.count("\n") == 31 and "Pupil 0," in csv and ",yes," in csv
    pupils[1].post("/results/save")
    csv = adviser.get(f"/adviser/sessions/{session_id}/participation.csv").get_data(as_text=True)
    assert "Lists saved,Tasters booked" in csv and re.search(r"Pupil 1,.*,1,0\r?\n", csv)
    assert adviser.get(f"/adviser/sessions/{session_id}/summary").status_code == 200
    pupils[0].post("/results/not-for-me", data={"slug": figures and next(iter(figures["roles"]))})
    adviser.post(f"/adviser/sessions/{session_id}/close")
    assert class_app.test_client().post("/join", data={"code": code, "nickname": "Late One"}).status_code == 400


def test_nobody_else_sees_a_session(class_app):
    _, session_id, _ = start_session(class_app)
    paths = [f"/adviser/sessions/{session_id}", f"/adviser/sessions/{session_id}/board",
             f"/adviser/sessions/{session_id}/board.json", f"/adviser/sessions/{session_id}/participation.csv",
             f"/adviser/sessions/{session_id}/summary"]
    pupil = class_app.test_client()
    somebody_else, admin = signed_in(class_app, "staff@example.org"), signed_in(class_app, "admin@example.org")
    for path in paths:
        assert pupil.get(path).status_code == 302  # to sign in: a pupil or visitor never sees a board
        assert somebody_else.get(path).status_code == 404  # another member of staff: not theirs, and not told so
        assert admin.get(path).status_code == 200
    assert somebody_else.post(f"/adviser/sessions/{session_id}/close").status_code == 404
    assert pupil.post(f"/adviser/sessions/{session_id}/close").status_code == 302
    other = somebody_else.get("/adviser/sessions").get_data(as_text=True)
    assert "10K careers hour" not in other


def test_a_pupil_who_joins_starts_a_fresh_quiz_and_a_bad_join_keeps_what_was_typed(class_app):
    _, _, code = start_session(class_app)
    pupil = class_app.test_client()
    with pupil.session_transaction() as cookie:
        cookie["quiz_answers"] = {"interests": "my own earlier words"}
    refused = pupil.post("/join", data={"code": code, "nickname": "Jordan Smith"})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "looks like a real name" in html and code in html
    pupil.post("/join", data={"code": code, "nickname": "Blue Fox"})
    with pupil.session_transaction() as cookie:
        assert "quiz_answers" not in cookie and "class_seat" in cookie


def test_the_board_shows_as_surprises_the_jobs_nobody_named_in_the_starter(class_app):
    adviser, session_id, code = start_session(class_app)
    for n in range(3):
        pupil_joins_and_finishes(class_app, code, f"Owl {n}", "science and helping people")
    adviser.post(f"/adviser/sessions/{session_id}/named", data={"named": "doctors, nurse\nparamedic"})
    board = adviser.get(f"/adviser/sessions/{session_id}/board").get_data(as_text=True)
    assert "Surprises: jobs that came up that nobody named" in board
    surprises = re.search(r'id="surprises-title">(.*?)</title>', board, re.S).group(1)
    assert "nurse" not in surprises.lower() and "doctor" not in surprises.lower()
    assert "doctors, nurse, paramedic" in adviser.get(f"/adviser/sessions/{session_id}").get_data(as_text=True)
