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
    "search": "/roles?q=blood",
    "search-none": "/roles?q=qqqqxxxx",
    "search-filtered": "/roles?q=nurse&route=apprenticeship&shift=nights",
    "compare": "/compare?role=porter&role=paramedic&role=adult-nurse",
    "compare-empty": "/compare",
    "about": "/about",
    "not-found": "/roles/astronaut",
    "family": "/families/adult-social-care",
    "glossary": "/glossary",
    "quiz-start": "/quiz",
    "quiz-question": "/quiz/1",
    "quiz-text": "/quiz/11",
    "results": "/results",
    "vacancies-near": "/vacancies?near=LS9&within=10",
    "vacancies-bad-place": "/vacancies?near=Narnia",
    "role-with-jobs": "/roles/phlebotomist?near=LS9",
    "events": "/events?near=LS9",
    "event": "/events/1",
    "ask-for-help": "/help",
    "privacy": "/privacy",
    "join-a-class": "/join",
}


# Every page on a small phone, where most people use it; on a wide screen, the pages whose layout changes there
# (columns, tables, filters beside results). The text-only pages share their parts with these.
WIDE_TOO = ("home", "browse", "browse-filtered", "role", "role-with-jobs", "search-filtered", "compare",
            "quiz-question", "results", "vacancies-near", "events", "family")
AXE_CASES = [("phone", name) for name in PAGES] + [("desktop", name) for name in WIDE_TOO]


@pytest.mark.parametrize(("device", "name"), AXE_CASES, ids=[f"{device}-{name}" for device, name in AXE_CASES])
def test_page_has_no_wcag_violations(live_server, device_page, device, name):
    device_page.goto(live_server + PAGES[name])
    assert axe_violations(device_page) == []
    assert device_page.console_errors == []  # includes any content security policy violation
    save_screenshot(device_page, f"{device}-{name}")


@pytest.mark.parametrize("name", ["home", "browse", "role", "search", "compare"])
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
    page.get_by_role("group", name="Way in").get_by_label(re.compile("No qualifications needed")).check()
    expect(page).to_have_url(re.compile(r"route=no-qualifications"))
    expect(page.locator(".results-count")).to_contain_text("match")
    filtered = count_in_heading(page)
    assert 0 < filtered < total
    page.get_by_role("group", name="Hours").get_by_label(re.compile("Nights")).check()
    expect(page).to_have_url(re.compile(r"route=no-qualifications.*shift=nights"))
    expect(page.locator(".chosen")).to_contain_text("Nights")
    both = count_in_heading(page)
    assert 0 < both < filtered
    page.reload()
    expect(page.locator(".chosen")).to_contain_text("Nights")  # the choices show above the results
    page.get_by_text("Filter jobs").click()  # the long list of filters stays folded away on a new page
    expect(page.get_by_role("group", name="Hours").get_by_label(re.compile("Nights"))).to_be_checked()
    assert count_in_heading(page) == both
    page.get_by_role("link", name=re.compile("^Nights")).click()  # take one filter off
    expect(page).not_to_have_url(re.compile(r"shift=nights"))
    assert count_in_heading(page) == filtered
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"route=no-qualifications.*page=2"))
    expect(page.locator(".results-count")).to_contain_text("page 2 of")


def count_in_heading(page) -> int:
    return int(re.match(r"\d+", page.locator(".results-count").inner_text()).group(0))


def test_suggestions_appear_as_you_type_and_work_with_the_keyboard(live_server, device_page):
    page = device_page
    page.goto(live_server + "/roles")
    box = page.get_by_role("combobox", name="Search by job name or what you like doing")
    box.press_sequentially("phleb", delay=60)
    options = page.get_by_role("listbox", name="Suggested jobs").get_by_role("option")
    expect(options.first).to_contain_text("Phlebotomist")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#q-status")).to_contain_text("suggested")
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", "q-list-1")
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/roles/phlebotomist$"))


def test_a_short_form_is_suggested_under_its_full_name_and_a_tap_opens_it(live_server, device_page):
    page = device_page
    page.goto(live_server + "/")
    page.get_by_role("combobox", name="Search for a job").press_sequentially("hcsw", delay=60)
    option = page.get_by_role("option", name=re.compile("Healthcare support worker"))
    expect(option).to_contain_text("also called HCSW")
    option.click()
    expect(page).to_have_url(re.compile(r"/roles/healthcare-support-worker$"))


def test_searching_shows_did_you_mean_and_results(live_server, device_page):
    page = device_page
    page.goto(live_server + "/roles")
    page.get_by_role("combobox").fill("nurese")
    page.get_by_role("combobox").press("Enter")
    expect(page).to_have_url(re.compile(r"q=nurese"), timeout=20_000)  # a search on a busy machine can take a while
    expect(page.locator(".did-you-mean")).to_contain_text("Did you mean nurse?")
    expect(page.locator("#results .role-card").first).to_contain_text("nurse")


def test_compare_three_jobs_picked_from_the_results(live_server, device_page, device):
    page = device_page
    page.goto(live_server + "/roles?q=nurse")
    boxes = page.locator("input[form=compare-form]")
    for i in range(4):
        boxes.nth(i).check() if i < 3 else boxes.nth(i).click()
    expect(boxes.nth(3)).not_to_be_checked()  # a fourth is refused, and the page says why
    expect(page.locator("#compare-status")).to_contain_text("up to 3")
    page.get_by_role("button", name="Compare ticked jobs").click()
    expect(page).to_have_url(re.compile(r"/compare\?role=.+&role=.+&role=.+"))
    expect(page.locator(".compare__heads li")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    save_screenshot(page, f"{device}-compare-picked")


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
    for number in range(2, 11):
        # Wait for each question before skipping it: a tap during the swap would land on the old screen.
        expect(page.get_by_text(f"Question {number} of")).to_be_visible()
        page.get_by_role("button", name="Skip").click()
    page.get_by_label("What are you into? Tell us in your own words.").fill("I like fixing bikes, but not needles")
    page.get_by_role("button", name="See my jobs").click()
    # The first words matched in this process load the sentence model, which takes a while on a busy machine.
    expect(page.get_by_role("heading", name="Jobs that could suit you")).to_be_visible(timeout=120_000)
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


def test_results_say_once_what_they_showed_after_loading(live_server, browser, browser_app):
    """With JavaScript the results page sends one beacon (a POST with its CSRF token); a reload adds nothing."""
    from sqlalchemy import select

    from careercompass.matching.feedback import FeedbackEvent
    from careercompass.web.resources import resources

    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server + "/quiz/1")
    page.get_by_text("Solving puzzles and problems").click()
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(re.compile(r"/quiz/2$"))

    def impressions() -> int:
        with browser_app.app_context(), resources().session_factory() as database:
            return len(database.scalars(select(FeedbackEvent).where(FeedbackEvent.kind == "impression")).all())

    before = impressions()
    for _ in range(2):
        with page.expect_response(lambda r: r.url.endswith("/results/shown")) as beacon:
            page.goto(live_server + "/results")
        assert beacon.value.status == 204
    assert impressions() == before + 10
    context.close()
