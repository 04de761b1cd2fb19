"""Searching on the find-jobs page in a real browser: the address stays a page's, and wishes show as chips."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, save_screenshot


def test_typing_in_the_search_box_never_puts_the_suggestions_address_in_the_address_bar(live_server, device_page):
    page = device_page
    page.goto(live_server + "/roles")
    box = page.get_by_role("combobox", name="Search by job name or what you like doing")
    box.press_sequentially("nurs", delay=60)
    expect(page.get_by_role("listbox", name="Suggested jobs").get_by_role("option").first).to_be_visible()
    assert "/search/suggest" not in page.url
    page.reload()  # a reload (or the address shared) shows the styled page, not a bare list
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a job in health and care")
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    page.goto(live_server + "/search/suggest?listbox=q-list&q=nurse")  # such an address, from before the fix
    expect(page).to_have_url(re.compile(r"/roles\?q=nurse$"))
    expect(page.locator(".results-count")).to_contain_text("found for")


def test_a_wish_in_the_words_shows_as_a_chip_that_takes_it_off(live_server, device_page):
    page = device_page
    page.goto(live_server + "/roles")
    box = page.get_by_role("combobox", name="Search by job name or what you like doing")
    box.fill("nursing without a degree")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"q=nursing(\+|%20)without(\+|%20)a(\+|%20)degree"))
    chip = page.get_by_role("link", name=re.compile("^Without a degree"))
    expect(chip).to_be_visible()
    expect(page.locator("#results .role-card").first).to_contain_text("Nursing associate")
    chip.click()
    expect(page).to_have_url(re.compile(r"/roles\?q=nursing$"))
    expect(page.get_by_role("link", name=re.compile("^Without a degree"))).to_have_count(0)


def test_chips_work_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/roles?q=paramedic+no+nights+no+degree")
    expect(page.locator(".notice")).to_contain_text("showing ones with nights")
    page.goto(live_server + "/roles?q=nursing+no+nights+without+a+degree")
    page.get_by_role("link", name=re.compile("^Without a degree")).click()
    expect(page).to_have_url(re.compile(r"/roles\?q=nursing\+no\+nights$"))
    expect(page.get_by_role("link", name=re.compile("^No night shifts"))).to_be_visible()
    context.close()


def test_a_search_with_wishes_and_a_dropped_one_has_no_wcag_violations(live_server, device_page, device):
    for name, query in [("wishes", "nursing+without+a+degree"), ("relaxed", "paramedic+no+nights+no+degree")]:
        device_page.goto(f"{live_server}/roles?q={query}")
        assert axe_violations(device_page) == []
        assert device_page.console_errors == []
        save_screenshot(device_page, f"{device}-search-{name}")
