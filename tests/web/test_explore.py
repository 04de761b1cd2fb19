"""The find-jobs page: words and filters together in the address, counts, suggestions, and comparing jobs."""

from __future__ import annotations

import re

from tests.web.test_pages import HTMX_HEADERS, check_page, results_count


def cards(html: str) -> list[str]:
    return re.findall(r'class="card__title"><a href="/roles/([a-z0-9-]+)"', html)


def test_old_search_links_lead_to_the_same_page_with_the_words_kept(client):
    response = client.get("/search?q=porter&route=no-qualifications")
    assert response.status_code == 301
    assert response.headers["Location"] == "/roles?q=porter&route=no-qualifications"


def test_words_and_filters_combine_and_live_in_the_address(client):
    words_only = client.get("/roles?q=nurse").get_data(as_text=True)
    both = client.get("/roles?q=nurse&route=apprenticeship&shift=nights").get_data(as_text=True)
    assert 0 < results_count(both) < results_count(words_only)
    assert 'value="apprenticeship" checked' in both and 'value="nights" checked' in both
    # Each chosen filter can be taken off with one link that keeps everything else.
    assert 'href="/roles?q=nurse&amp;shift=nights"' in both
    assert 'href="/roles?q=nurse&amp;route=apprenticeship"' in both


def test_each_filter_shows_how_many_jobs_it_would_give(client):
    html = client.get("/roles?route=no-qualifications").get_data(as_text=True)
    shown = int(re.search(r'value="3"> Band 3 <span class="count">\((\d+)', html).group(1))
    assert shown == results_count(client.get("/roles?route=no-qualifications&band=3").get_data(as_text=True))


def test_a_search_with_no_result_says_what_to_try(client):
    html = client.get("/roles?q=qqqqxxxx").get_data(as_text=True)
    assert results_count(html) == 0 and "We could not find a job for" in html and "take the quiz" in html


def test_words_that_match_but_not_the_filters_offer_to_drop_the_filters(client):
    html = client.get("/roles?q=porter&band=8-9").get_data(as_text=True)
    assert results_count(html) == 0 and "Show them without the filters" in html and 'href="/roles?q=porter"' in html


def test_a_description_finds_roles_by_meaning(client):
    html = client.get("/roles?q=looking after people's feet").get_data(as_text=True)
    assert "podiatrist" in cards(html)[:3]


def test_suggestions_are_options_for_a_listbox(client):
    html = client.get("/search/suggest?q=heal+sup&listbox=q-list", headers=HTMX_HEADERS).get_data(as_text=True)
    assert 'role="option" id="q-list-1"' in html and 'data-href="/roles/healthcare-support-worker"' in html
    assert client.get("/search/suggest?q=h", headers=HTMX_HEADERS).get_data(as_text=True).strip() == ""  # too early
    also = client.get("/search/suggest?q=hcsw", headers=HTMX_HEADERS).get_data(as_text=True)
    assert "also called HCSW" in also


def test_a_suggestions_address_opened_as_a_page_shows_the_search_instead(client):
    response = client.get("/search/suggest?listbox=q-list&q=nurse+")
    assert response.status_code == 303 and response.headers["Location"] == "/roles?q=nurse"
    assert client.get("/search/suggest?q=").headers["Location"] == "/roles"


def test_the_search_box_never_puts_the_suggestions_address_in_the_address_bar(client):
    html = client.get("/roles?q=porter").get_data(as_text=True)
    box = re.search(r'<input id="q"[^>]*>', html).group(0)
    assert 'hx-push-url="false"' in box  # the form around it pushes its own address; the box must not inherit it


def test_the_search_box_is_a_combobox_that_works_as_a_plain_form_too(client):
    page = check_page(client, "/roles?q=porter")
    html = client.get("/roles?q=porter").get_data(as_text=True)
    assert 'role="combobox"' in html and 'aria-controls="q-list"' in html and 'aria-expanded="false"' in html
    assert '<form id="explore" class="explore" action="/roles" method="get"' in html
    assert page.title.startswith("porter")


def test_compare_puts_up_to_three_jobs_side_by_side(client):
    page = check_page(client, "/compare?role=porter&role=paramedic&role=adult-nurse")
    html = client.get("/compare?role=porter&role=paramedic&role=adult-nurse").get_data(as_text=True)
    for heading in ("Pay", "Hours", "Ways in", "The hard parts", "How demanding"):
        assert f">{heading}</h2>" in html
    assert html.count("<dt>Porter</dt>") == 9 and "Add another job" not in html
    assert 'href="/compare?role=porter&amp;role=adult-nurse"' in html  # remove the paramedic
    assert page.title.startswith("Compare Porter, Paramedic, Adult nurse")


def test_compare_explains_too_many_or_unknown_jobs(client):
    html = client.get("/compare?role=porter&role=paramedic&role=adult-nurse&role=dentist").get_data(as_text=True)
    assert "up to 3 jobs" in html and "<dt>Dentist</dt>" not in html
    html = client.get("/compare?role=porter&role=astronaut").get_data(as_text=True)
    assert "astronaut" in html and "<dt>Porter</dt>" in html


def test_a_job_can_be_added_to_compare_by_typing_its_name(client):
    response = client.get("/compare?role=porter&add=physiotherapist")
    assert response.status_code == 302
    assert response.headers["Location"] == "/compare?role=porter&role=physiotherapist"
    html = client.get("/compare?role=porter&add=qqqqxxxx").get_data(as_text=True)
    assert "We could not find a job for" in html


def test_results_can_be_ticked_for_comparing_without_javascript(client):
    html = client.get("/roles?q=nurse").get_data(as_text=True)
    assert '<form id="compare-form" class="compare-bar" action="/compare" method="get">' in html
    assert 'name="role" value="adult-nurse" form="compare-form"' in html


def test_htmx_asks_only_for_the_results(client):
    html = client.get("/roles?q=porter&route=no-qualifications",
                      headers={**HTMX_HEADERS, "HX-Target": "results"}).get_data(as_text=True)
    assert "<html" not in html and "/roles/porter" in html


def test_wishes_in_the_words_show_as_chips_that_each_take_one_off(client):
    html = client.get("/roles?q=nursing+no+nights+without+a+degree&sector=nhs").get_data(as_text=True)
    assert "From your words, we looked for jobs:" in html
    # Each chip is a plain link to the same search without its words, keeping the ticked filters.
    assert re.search(r'href="/roles\?q=nursing\+without\+a\+degree&amp;sector=nhs">No night shifts', html)
    assert re.search(r'href="/roles\?q=nursing\+no\+nights&amp;sector=nhs">Without a degree', html)
    assert cards(html) and "nursing-associate" not in cards(html)  # it has night shifts
    assert 'value="nursing no nights without a degree"' in html  # the words stay in the box as typed


def test_a_dropped_wish_is_named_on_the_page(client):
    html = client.get("/roles?q=paramedic+no+nights+no+degree").get_data(as_text=True)
    assert "No paramedic jobs with no nights and without a degree; showing ones with nights." in html
    assert results_count(html) >= 3 and ">Without a degree" in html and ">No night shifts" not in html


def test_a_wish_alone_lists_jobs_rather_than_nothing(client):
    html = client.get("/roles?q=weekday+only+jobs").get_data(as_text=True)
    assert results_count(html) > 24 and "Monday to Friday, daytime" in html
    assert 'href="/roles"' in html  # its chip leads back to every job
