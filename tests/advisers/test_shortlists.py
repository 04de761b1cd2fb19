"""Saving results as a short code and QR, finding them again, and carrying on from them; and what a code
keeps private: the person's own words only if they ask, never on the printable page; codes that expire and
can be deleted by whoever holds them."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from careercompass.advisers.shortlists import (CODE_ALPHABET, CODE_PATTERN, Shortlist, delete_expired,
                                               find_shortlist, normalise_code, repeats_words, save_shortlist)
from careercompass.web.resources import resources

WORDS = "I have epilepsy and I like fixing bikes"


def save(form_client, words: str = "I like fixing bikes", keep_words: bool = False) -> str:
    form_client.post("/quiz/1", data={"activities": ["fixing"]})
    form_client.post("/quiz/11", data={"interests": words})
    response = form_client.post("/results/save", data={"keep_words": "yes"} if keep_words else {})
    assert response.status_code == 303
    return response.headers["Location"].rsplit("/", 1)[1]


def stored(app, code: str) -> Shortlist | None:
    with app.app_context(), resources().session_factory() as session:
        return session.get(Shortlist, code)


def csrf_token(client, url: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(url).get_data(as_text=True)).group(1)


def test_saving_gives_a_short_code_with_a_qr_and_the_jobs(form_client):
    code = save(form_client)
    assert CODE_PATTERN.match(code)
    html = form_client.get(f"/s/{code}").get_data(as_text=True)
    assert f"{code[:3]} {code[3:]}" in html
    assert "<svg" in html and "QR code for this shortlist" in html
    assert html.count('class="card result') == 10
    assert "This code works until" in html


def test_a_code_typed_loosely_still_finds_the_list(form_client):
    code = save(form_client)
    loose = f" {code[:3].lower()}-{code[3:]} "
    response = form_client.get("/s", query_string={"code": loose})
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/s/{code}")


@pytest.mark.parametrize("typed", ["ABC", "!!!!!!", "ABCDEFGH", "OOOOOO"])
def test_a_wrong_code_gets_a_clear_message(client, typed):
    response = client.get("/s", query_string={"code": typed})
    assert response.status_code == 400
    assert "We could not find that code" in response.get_data(as_text=True)


def test_an_unknown_code_page_is_a_404(client):
    assert client.get("/s/ZZZZZZ").status_code == 404


def test_carrying_on_restores_the_answers_on_another_device(form_client, form_app):
    code = save(form_client, keep_words=True)
    other_device = form_app.test_client()
    assert other_device.post(f"/s/{code}/continue").status_code == 303
    html = other_device.get("/results").get_data(as_text=True)
    assert "You wrote “I like fixing bikes”" in html


def test_words_are_not_kept_unless_the_person_ticks_that_they_want_them_kept(form_client, form_app):
    code = save(form_client, words=WORDS)
    shortlist = stored(form_app, code)
    assert shortlist.own_words is None
    assert set(shortlist.answers) == {"activities"}
    assert "epilepsy" not in repr((shortlist.answers, shortlist.matches))
    assert all(set(m) == {"slug", "title", "reasons"} for m in shortlist.matches)
    html = form_client.get(f"/s/{code}").get_data(as_text=True)
    assert "epilepsy" not in html and "We did not keep what you wrote" in html
    assert form_client.get(f"/s/{code}/words").status_code == 404


def test_kept_words_are_shown_only_when_asked_for_never_on_the_printable_page(form_client, form_app):
    code = save(form_client, words=WORDS, keep_words=True)
    assert stored(form_app, code).own_words == WORDS
    printable = form_client.get(f"/s/{code}").get_data(as_text=True)
    assert "epilepsy" not in printable and "fixing bikes" not in printable
    assert f'href="/s/{code}/words"' in printable
    adviser = form_app.test_client()  # another device, holding only the code
    words_page = adviser.get(f"/s/{code}/words").get_data(as_text=True)
    assert WORDS in words_page and "You wrote “" in words_page


def test_the_words_of_one_code_cannot_be_read_with_another(form_client, form_app):
    private = save(form_client, words=WORDS, keep_words=True)
    stranger = form_app.test_client()
    theirs = save(stranger, words="I like drawing")
    for url in (f"/s/{theirs}", f"/s/{theirs}/words", f"/s/{private.lower()}/words", "/s/ZZZZZZ/words",
                f"/s/{private}%2F..%2F{theirs}/words"):
        assert "epilepsy" not in stranger.get(url).get_data(as_text=True)
    assert stranger.get(f"/s/{theirs}/words").status_code == 404


def test_limits_said_in_words_still_hold_when_the_words_are_not_kept(form_client, form_app):
    form_client.post("/quiz/11", data={"interests": "needles make me queasy"})
    code = form_client.post("/results/save").headers["Location"].rsplit("/", 1)[1]
    shortlist = stored(form_app, code)
    assert shortlist.own_words is None and "queasy" not in repr((shortlist.answers, shortlist.matches))
    assert shortlist.answers == {"dealbreakers": ["blood-and-needles"]}


def test_a_reason_that_repeats_the_words_is_kept_off_the_printable_page():
    words = "I love animals and drawing"
    assert repeats_words("You wrote “I love animals”, and this job is close.", words)
    assert repeats_words("You love animals, and vets are not here.", words)
    assert not repeats_words("You want to start soon, and there is a paid apprenticeship into this job.", words)


def test_a_code_holder_can_delete_it_after_a_confirmation(client, app):
    with app.app_context(), resources().session_factory() as session:
        code = save_shortlist(session, answers={"activities": ["fixing"]}, matches=[], not_for_me=[]).code
        session.commit()
    page = client.get(f"/s/{code}/delete")
    assert page.status_code == 200 and "Yes, delete it" in page.get_data(as_text=True)
    assert stored(app, code) is not None  # showing the question deletes nothing
    assert client.post(f"/s/{code}/delete").status_code == 400  # no CSRF token: refused
    assert stored(app, code) is not None
    response = client.post(f"/s/{code}/delete", data={"csrf_token": csrf_token(client, f"/s/{code}/delete")})
    assert response.status_code == 303
    assert "We have deleted that code" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert stored(app, code) is None
    assert client.get(f"/s/{code}").status_code == 404


def test_deleting_needs_the_code(form_client):
    code = save(form_client)
    for wrong in ("ZZZZZZ", code[::-1] if code[::-1] != code else "ZZZZZ2", "all", "*"):
        assert form_client.post(f"/s/{wrong}/delete").status_code == 404
    assert form_client.get(f"/s/{code}").status_code == 200


def test_an_expired_code_works_no_more_and_init_deletes_it(form_client, form_app):
    code = save(form_client, keep_words=True)
    keep_days = form_app.config["CAREERCOMPASS"].shortlist_retention_days
    with form_app.app_context(), resources().session_factory() as session:
        shortlist = session.get(Shortlist, code)
        shortlist.created_at = datetime.now(UTC) - timedelta(days=keep_days, minutes=1)
        session.commit()
    for url in (f"/s/{code}", f"/s/{code}/words", f"/s/{code}/delete"):
        assert form_client.get(url).status_code == 404
    assert form_client.post(f"/s/{code}/continue").status_code == 404
    assert form_client.get("/s", query_string={"code": code}).status_code == 400
    with form_app.app_context(), resources().session_factory() as session:
        assert find_shortlist(session, code, keep_days) is None
        assert delete_expired(session, keep_days) >= 1
        session.commit()
        assert session.scalars(select(Shortlist).where(Shortlist.code == code)).first() is None


def test_a_fresh_code_is_not_deleted_as_expired(form_client, form_app):
    code = save(form_client)
    with form_app.app_context(), resources().session_factory() as session:
        delete_expired(session, form_app.config["CAREERCOMPASS"].shortlist_retention_days)
        session.commit()
    assert form_client.get(f"/s/{code}").status_code == 200


@pytest.mark.parametrize("url", ["/s/{code}", "/s/{code}/words", "/results", "/quiz", "/quiz/1", "/s"])
def test_pages_with_someones_answers_are_never_cached(form_client, url):
    code = save(form_client, keep_words=True)
    response = form_client.get(url.format(code=code))
    assert response.headers["Cache-Control"] == "no-store"


def test_public_pages_may_still_be_cached(client):
    assert "no-store" not in client.get("/roles/porter").headers.get("Cache-Control", "")


def test_codes_avoid_look_alike_characters():
    assert normalise_code("abc 234") == "ABC234"
    assert normalise_code("ABC0O1") is None  # 0, O and 1 are never used in codes
    assert not set("01ILO") & set(CODE_ALPHABET)
