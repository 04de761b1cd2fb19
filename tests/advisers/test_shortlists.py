"""Saving results as a short code and QR, finding them again, and carrying on from them."""

from __future__ import annotations


import pytest

from careercompass.advisers.shortlists import CODE_ALPHABET, CODE_PATTERN, normalise_code


def save(form_client) -> str:
    form_client.post("/quiz/1", data={"activities": ["fixing"]})
    form_client.post("/quiz/11", data={"interests": "I like fixing bikes"})
    response = form_client.post("/results/save")
    assert response.status_code == 303
    return response.headers["Location"].rsplit("/", 1)[1]


def test_saving_gives_a_short_code_with_a_qr_and_the_jobs(form_client):
    code = save(form_client)
    assert CODE_PATTERN.match(code)
    html = form_client.get(f"/s/{code}").get_data(as_text=True)
    assert f"{code[:3]} {code[3:]}" in html
    assert "<svg" in html and "QR code for this shortlist" in html
    assert html.count('class="card result') == 10
    assert "You wrote “I like fixing bikes”" in html


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
    code = save(form_client)
    other_device = form_app.test_client()
    assert other_device.post(f"/s/{code}/continue").status_code == 303
    html = other_device.get("/results").get_data(as_text=True)
    assert "You wrote “I like fixing bikes”" in html


def test_nothing_personal_is_stored(form_client, app):
    code = save(form_client)
    from careercompass.advisers.shortlists import find_shortlist
    from careercompass.web.resources import resources

    with app.app_context():
        with resources().session_factory() as session:
            stored = find_shortlist(session, code)
            assert set(stored.answers) <= {"activities", "interests"}
            assert all(set(m) == {"slug", "title", "reasons"} for m in stored.matches)


def test_codes_avoid_look_alike_characters():
    assert normalise_code("abc 234") == "ABC234"
    assert normalise_code("ABC0O1") is None  # 0, O and 1 are never used in codes
    assert not set("01ILO") & set(CODE_ALPHABET)
