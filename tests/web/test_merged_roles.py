"""A role merged into another keeps its old address: links, bookmarks and saved codes still lead somewhere."""

from __future__ import annotations

from careercompass.advisers.shortlists import save_shortlist
from careercompass.web.resources import resources


def test_an_old_role_address_leads_to_the_role_it_was_merged_into(client):
    response = client.get("/roles/night-care-worker?from=results")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/roles/care-worker?from=results")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Night care worker" in page and "sleep-in" in page


def test_an_address_that_never_was_a_role_is_still_not_found(client):
    assert client.get("/roles/night-care-workers").status_code == 404


def test_a_saved_code_that_lists_a_merged_role_shows_the_role_it_became(form_client, form_app):
    match = {"slug": "night-care-worker", "title": "Night care worker", "label": "Good match",
             "reasons": ["You said you like helping people."]}
    with form_app.app_context(), resources().session_factory() as database:
        code = save_shortlist(database, answers={}, matches=[match], not_for_me=[]).code
        database.commit()
    page = form_client.get(f"/s/{code}").get_data(as_text=True)
    assert 'href="/roles/care-worker"' in page and "night-care-worker" not in page


def test_the_role_page_says_where_employers_differ_on_age(client):
    page = client.get("/roles/care-worker").get_data(as_text=True)
    assert "16 or over" in page and "From 16 with some employers, often as an apprentice, but most ask for 18." in page


def test_a_cadet_programme_says_it_is_unpaid(client):
    page = client.get("/roles/nhs-cadet").get_data(as_text=True)
    assert "This is a cadet programme, so it is unpaid." in page and "14 or over" in page
