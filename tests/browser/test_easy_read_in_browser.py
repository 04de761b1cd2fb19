"""Easy read in a real browser on a 360-pixel phone: accessible, read aloud where the browser can speak, and
switched on and off by a link that works without JavaScript."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import DEVICES, axe_violations, save_screenshot

ROLE = "/roles/midwife"


def test_the_easy_role_page_on_a_phone_is_accessible_and_offers_reading_aloud(live_server, browser):
    context = browser.new_context(**DEVICES["phone"])
    page = context.new_page()
    page.goto(live_server + ROLE + "?easy=1")
    expect(page.get_by_role("heading", name="This job in short")).to_be_visible()
    expect(page.get_by_role("button", name="Read aloud")).to_be_visible()  # chromium can speak
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "phone-role-easy-read")
    page.get_by_role("link", name="Read the full page").click()
    expect(page.get_by_role("heading", name="The hard parts")).to_be_visible()
    context.close()


def test_easy_read_is_switched_on_and_off_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + ROLE)
    page.get_by_role("link", name="Switch to easy read: short and simple").click()
    expect(page.get_by_role("heading", name="This job in short")).to_be_visible()
    expect(page.get_by_role("button", name="Read aloud")).to_be_hidden()  # it needs JavaScript to speak
    page.goto(live_server + ROLE)
    expect(page.get_by_role("heading", name="This job in short")).to_be_visible()  # the choice is kept
    page.get_by_role("link", name="Switch to the standard text").click()
    expect(page.get_by_role("heading", name="The hard parts")).to_be_visible()
    expect(page.get_by_role("heading", name="This job in short")).to_have_count(0)
    context.close()


def test_easy_results_on_a_phone_are_accessible_and_each_can_be_read_aloud(live_server, browser):
    context = browser.new_context(**DEVICES["phone"])
    page = context.new_page()
    page.goto(live_server + "/results?easy=1")
    results = page.locator(".result")
    expect(results).to_have_count(10)
    expect(results.locator(".easy-facts")).to_have_count(10)
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "phone-results-easy-read")
    # The card is one large link, so its own button and link must sit above it to be tapped.
    results.first.get_by_role("button", name="Read aloud").click()
    expect(page).to_have_url(re.compile(r"/results\?easy=1$"))
    results.first.get_by_role("link", name=re.compile("^How to get in")).click()
    expect(page.locator(".easy-facts")).to_contain_text("The hard part")
    context.close()


def test_easy_results_are_no_longer_to_scroll_than_the_standard_ones(live_server, browser):
    context = browser.new_context(**DEVICES["phone"])
    page = context.new_page()
    heights = {}
    for easy in ("0", "1"):
        page.goto(f"{live_server}/results?easy={easy}")
        expect(page.locator(".result")).to_have_count(10)
        heights[easy] = page.evaluate("document.documentElement.scrollHeight")
    assert heights["1"] <= heights["0"], heights
    context.close()
