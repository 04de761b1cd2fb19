"""The quiz and results on a 360-pixel phone: limits said at once, and focus kept after "Not for me"."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DEVICES, axe_violations, save_screenshot

PHONE = DEVICES["phone"]
FOUR = ["Fixing or building things", "Being active and on the move", "Solving puzzles and problems",
        "Computers, gaming and tech"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_javascript(browser):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def tick(page, labels: list[str]) -> None:
    for label in labels:
        page.get_by_text(label).click()


def test_a_fourth_tick_is_refused_and_the_page_says_why_at_once(live_server, phone):
    page = phone
    page.goto(live_server + "/quiz/1")
    tick(page, FOUR)
    expect(page.get_by_label(FOUR[3])).not_to_be_checked()
    message = page.get_by_role("status").filter(has_text="up to 3")
    expect(message).to_be_visible()
    expect(message).to_contain_text("You can pick up to 3. To pick this one, untick another first.")
    assert axe_violations(page) == []
    save_screenshot(page, "phone-quiz-fourth-tick")
    page.get_by_text(FOUR[0]).click()  # untick one: the message goes, and the fourth can be picked
    expect(message).to_have_count(0)
    page.get_by_text(FOUR[3]).click()
    expect(page.get_by_label(FOUR[3])).to_be_checked()
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(re.compile(r"/quiz/2$"))


def test_the_servers_check_is_shown_in_place_when_javascript_is_on(live_server, phone):
    """If four ticks reach the server anyway, its answer (a 400 naming the problem) is shown, not dropped."""
    page = phone
    page.goto(live_server + "/quiz/1")
    page.evaluate("document.querySelector('[data-most]').removeAttribute('data-most')")  # as an old page might
    tick(page, FOUR)
    expect(page.get_by_label(FOUR[3])).to_be_checked()
    page.get_by_role("button", name="Next").click()
    problem = page.locator(".error-summary")
    expect(problem).to_contain_text("You can pick up to 3. Untick some, then press Next.")
    expect(problem).to_be_focused()
    expect(page).to_have_url(re.compile(r"/quiz/1$"))
    expect(page.get_by_label(FOUR[3])).not_to_be_checked()  # nothing was saved


def test_without_javascript_next_explains_the_limit(live_server, phone_without_javascript):
    page = phone_without_javascript
    page.goto(live_server + "/quiz/1")
    tick(page, FOUR)
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".error-summary")).to_contain_text("You can pick up to 3")


def answer_and_open_results(page, live_server) -> None:
    page.goto(live_server + "/quiz/1")
    page.get_by_text("Fixing or building things").click()
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(re.compile(r"/quiz/2$"))
    page.goto(live_server + "/results")


def in_view(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => { const box = document.querySelector(selector).getBoundingClientRect();
                          return box.top >= 0 && box.top < window.innerHeight; }""", selector)


def test_after_not_for_me_focus_moves_to_the_question_why_and_it_is_in_view(live_server, phone):
    page = phone
    answer_and_open_results(page, live_server)
    seventh = page.locator(".result").nth(6)
    gone = seventh.locator("h2").inner_text()
    seventh.get_by_role("button", name=re.compile("Not for me")).click()
    why = page.get_by_role("group", name=re.compile("Can you tell us why"))
    expect(why).to_be_focused()
    assert in_view(page, ".why-not")
    assert gone not in page.locator(".result h2").all_inner_texts()
    page.keyboard.press("Tab")  # the next Tab goes to the reasons, not past the ten results
    expect(why.get_by_role("button").first).to_be_focused()
    save_screenshot(page, "phone-why-not")


def test_a_reason_taken_is_confirmed_on_screen_and_announced(live_server, phone):
    page = phone
    answer_and_open_results(page, live_server)
    page.locator(".result").nth(4).get_by_role("button", name=re.compile("Not for me")).click()
    page.get_by_role("button", name="Nights or weekends").click()
    thanks = page.locator("#why-not-thanks")
    expect(thanks).to_have_text("Thanks. We have taken away jobs with nights or weekends.")
    expect(thanks).to_be_focused()
    assert in_view(page, "#why-not-thanks")
    announcer = page.locator("#announcer")
    expect(announcer).to_have_text("Thanks. We have taken away jobs with nights or weekends.")
    assert announcer.get_attribute("aria-live") == "polite"
    assert page.locator(".result").count() == 10
    assert axe_violations(page) == []
    save_screenshot(page, "phone-why-not-thanks")


def test_not_for_me_and_a_reason_work_without_javascript(live_server, phone_without_javascript):
    page = phone_without_javascript
    page.goto(live_server + "/results")
    page.locator(".result").nth(6).get_by_role("button", name=re.compile("Not for me")).click()
    expect(page).to_have_url(re.compile(r"why=.+#why-not$"))
    page.get_by_role("button", name="Blood or needles").click()
    expect(page).to_have_url(re.compile(r"taken=blood#why-not-thanks$"))
    expect(page.locator("#why-not-thanks")).to_have_text("Thanks. We have taken away jobs with blood or needles.")



@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_saved_words_are_shown_on_request_and_a_code_can_be_deleted(live_server, browser, javascript):
    context = browser.new_context(**PHONE, java_script_enabled=javascript)
    page = context.new_page()

    def accessible() -> bool:  # axe needs the page's JavaScript
        return not javascript or axe_violations(page) == []

    page.goto(live_server + "/quiz/11")
    page.get_by_label("What are you into? Tell us in your own words.").fill("I have asthma and I like fixing bikes")
    page.get_by_role("button", name="See my jobs").click()
    page.wait_for_url(re.compile(r"/results$"), timeout=120_000)  # the first words matched load the model
    page.get_by_label(re.compile("Also keep what I wrote")).check()
    page.get_by_role("button", name="Save my jobs").click()
    expect(page.get_by_role("heading", name="Your saved jobs")).to_be_visible()
    assert "asthma" not in page.content()
    page.get_by_role("link", name="See what you wrote").click()
    expect(page.locator(".own-words")).to_have_text("I have asthma and I like fixing bikes")
    assert accessible()
    page.get_by_role("link", name="Back to your saved jobs").click()
    page.get_by_role("link", name=re.compile("Delete this code")).click()
    expect(page.get_by_role("button", name="Yes, delete it")).to_be_visible()  # the new page, before axe reads it
    assert accessible()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.locator("p.notice[role=status]")).to_contain_text("We have deleted that code")
    context.close()
