"""Real pages in a real browser, on a 360-pixel phone and on a desktop: accessible, usable, with and without JS."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, save_screenshot

PAGES = {
    "home": "/",
    "browse": "/roles",
    "browse-filtered": "/roles?family=adult-social-care&route=no-qualifications",
    "role": "/roles/healthcare-support-worker",
    "role-social-care": "/roles/senior-care-worker",
    "search": "/search?q=blood",
    "about": "/about",
    "not-found": "/roles/astronaut",
    "family": "/families/adult-social-care",
    "glossary": "/glossary",
    "quiz-start": "/quiz",
    "quiz-question": "/quiz/1",
    "quiz-text": "/quiz/11",
    "results": "/results",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_wcag_violations(live_server, device_page, device, name):
    device_page.goto(live_server + PAGES[name])
    assert axe_violations(device_page) == []
    assert device_page.console_errors == []  # includes any content security policy violation
    save_screenshot(device_page, f"{device}-{name}")


@pytest.mark.parametrize("name", ["home", "browse", "role", "search"])
def test_nothing_is_wider_than_a_small_phone(live_server, browser, name):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server + PAGES[name])
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_filters_update_results_in_place_and_survive_a_reload(live_server, device_page):
    page = device_page
    page.goto(live_server + "/roles")
    total = count_in_heading(page)
    page.get_by_text("Filter jobs").click()
    page.get_by_label("Way in").select_option("no-qualifications")
    expect(page).to_have_url(re.compile(r"route=no-qualifications"))
    expect(page.locator(".results-count")).to_contain_text("match")
    filtered = count_in_heading(page)
    assert 0 < filtered < total
    page.reload()
    expect(page.get_by_label("Way in")).to_have_value("no-qualifications")
    assert count_in_heading(page) == filtered
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"route=no-qualifications.*page=2"))
    expect(page.locator(".results-count")).to_contain_text("page 2 of")


def count_in_heading(page) -> int:
    return int(re.match(r"\d+", page.locator(".results-count").inner_text()).group(0))


def test_search_shows_results_as_you_type(live_server, device_page):
    page = device_page
    page.goto(live_server + "/search")
    page.get_by_label("What job or kind of work?").press_sequentially("portre", delay=40)
    expect(page.locator("#search-results .role-card").first).to_contain_text("Porter")
    expect(page).to_have_url(re.compile(r"q=portre"))


def test_forms_work_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_server + "/roles")
    page.get_by_text("Filter jobs").click()
    page.get_by_label("Type of work").select_option("ambulance")
    page.get_by_role("button", name="Show jobs").click()
    expect(page).to_have_url(re.compile(r"family=ambulance"))
    expect(page.locator("h1")).to_have_text("Ambulance service")
    page.goto(live_server + "/")
    page.get_by_label("Search for a job").fill("dentist")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("link", name="Dentist", exact=True)).to_be_visible()
    context.close()


def test_keyboard_users_can_skip_to_the_content(live_server, device_page):
    page = device_page
    page.goto(live_server + "/roles/porter")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_the_quiz_on_a_phone_from_start_to_not_for_me(live_server, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server + "/quiz")
    page.get_by_role("link", name="Start the quiz").click()
    page.get_by_text("Fixing or building things").click()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 2 of")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/quiz/2$"))
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("Fixing or building things")).to_be_checked()
    page.get_by_role("button", name="Next").click()
    for _ in range(9):
        page.get_by_role("button", name="Skip").click()
    page.get_by_label("What are you into? Tell us in your own words.").fill("I like fixing bikes, but not needles")
    page.get_by_role("button", name="See my jobs").click()
    expect(page.get_by_role("heading", name="Jobs that could suit you")).to_be_visible()
    assert page.locator(".result").count() == 10
    assert axe_violations(page) == []
    first = page.locator(".result h2").first.inner_text()
    page.locator(".result").first.get_by_role("button", name=re.compile("Not for me")).click()
    expect(page.get_by_text("Can you tell us why?")).to_be_visible()
    assert page.locator(".result h2").first.inner_text() != first
    assert page.locator(".result").count() == 10
    page.get_by_role("button", name="Save my jobs").click()
    expect(page.get_by_role("heading", name="Your saved jobs")).to_be_visible()
    assert re.search(r"/s/[A-Z2-9]{6}$", page.url)
    assert page.locator(".qr svg").count() == 1
    assert axe_violations(page) == []
    save_screenshot(page, "phone-shortlist")
    context.close()


def test_the_quiz_works_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/quiz/1")
    page.get_by_text("Solving puzzles and problems").click()
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(re.compile(r"/quiz/2$"))
    page.goto(live_server + "/results")
    assert page.locator(".result").count() == 10
    context.close()
