"""Taster events in a real browser at 360 px: a pupil finds a taster near LS9 from a job page and books it; staff
add an event and cancel it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DEVICES, axe_violations

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def server(staff_server):
    return staff_server


def test_a_pupil_goes_from_results_to_a_job_sees_the_route_from_year_10_and_books_a_taster_near_ls9(server, browser):
    context = browser.new_context(**DEVICES["phone"])
    page = context.new_page()
    page.goto(server + "/quiz/1")
    page.get_by_text("Looking after people or animals").click()
    page.get_by_role("button", name="Next").click()
    page.goto(server + "/results")
    page.locator("a[href*='/roles/']").first.click()
    expect(page.get_by_role("heading", name="Your route from here")).to_be_visible()
    page.goto(server + "/roles/healthcare-support-worker")
    plan = page.locator("section[aria-labelledby=plan-heading]")
    plan.get_by_label("In Year 9, 10 or 11 at school").check()
    plan.get_by_label("No, or not yet").check()
    plan.get_by_role("button", name="Show my route").click()
    expect(plan).to_contain_text("Finish Year 11 and take your GCSEs")
    expect(plan.locator(".route-plan__way").first).to_contain_text("Paid while you learn")
    expect(plan).to_contain_text("NHS Cadets")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_label(re.compile("^Near where")).first.fill("LS9")
    page.get_by_role("button", name="Show", exact=True).first.click()
    taster = page.locator("section[aria-labelledby=tasters-heading]")
    expect(taster).to_contain_text("km away")
    taster.get_by_role("link", name=re.compile("Have a go")).first.click()
    expect(page.get_by_role("heading", name="Book a place")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Your first name").fill("Sam")
    page.get_by_label(re.compile("^Email or mobile")).fill("sam@example.org")
    page.get_by_label("16 to 18").check()
    page.get_by_label(re.compile("You may keep my first name")).check()
    page.get_by_role("button", name=re.compile("Book my place|Join the waiting list")).click()
    expect(page.get_by_role("heading", name="Your booking")).to_be_visible()
    expect(page.locator(".notice")).to_contain_text("You have a place")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_staff_add_an_event_and_cancel_it_in_the_browser(server, browser):
    context = browser.new_context(**DEVICES["desktop"])
    page = context.new_page()
    page.goto(server + "/staff/sign-in")
    page.get_by_label("Email").fill("staff@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(server + "/staff/events")
    for label, value in [("Title", "Try radiography"), ("Date (like 2027-01-31)", "2030-05-20"),
                         ("Starts (like 16:00)", "15:30"), ("Ends (like 18:00)", "17:00"), ("Venue", "St James's"),
                         ("Address", "Beckett Street, Leeds"), ("Postcode", "LS9 7TF"), ("Youngest age", "14"),
                         ("Oldest age", "19"), ("Places", "12"), ("Run by", "Leeds Teaching Hospitals")]:
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("What people will do").fill("See an X-ray room and how images are taken.")
    page.get_by_label(re.compile("^Jobs it shows")).select_option("diagnostic-radiographer")
    page.get_by_role("button", name="Add the event").click()
    expect(page.get_by_role("heading", name="Try radiography")).to_be_visible()
    page.get_by_role("link", name="Change this event").click()
    page.get_by_label("Places", exact=True).fill("15")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Save the changes").click()
    expect(page.locator("main")).to_contain_text("0 of 15 places taken")
    page.get_by_role("button", name=re.compile("Cancel this event")).click()
    expect(page.locator("main")).to_contain_text("Cancelled.")
    page.goto(server + "/events")
    expect(page.get_by_role("link", name="Try radiography")).to_have_count(0)
    context.close()


def test_an_adviser_books_places_for_a_class_on_a_phone(server, browser):
    context = browser.new_context(**DEVICES["phone"])
    page = context.new_page()
    page.goto(server + "/events")
    page.locator("main a[href^='/events/']").first.click()
    page.get_by_role("link", name="book places for a group").click()
    page.get_by_label("Email").fill("adviser@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Book places for a group")).to_be_visible()
    page.get_by_label(re.compile("^Name of the group")).fill("Year 9, Leeds East Academy")
    page.get_by_label(re.compile("^How many places")).fill("5")
    page.get_by_label("13 to 15").check()
    page.get_by_role("button", name="Book the places").click()
    page.get_by_label(re.compile("^The school or college knows")).check()  # first try without: refused, kept
    page.get_by_role("button", name="Book the places").click()
    expect(page.locator(".notice")).to_contain_text("Booked: 5 places for Year 9, Leeds East Academy")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
