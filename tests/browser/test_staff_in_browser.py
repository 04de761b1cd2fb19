"""A member of staff reviews an unsure vacancy link from start to finish in a real browser, on a phone."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import DEVICES, axe_violations

PASSWORD = "correct horse battery"


def test_staff_sign_in_and_confirm_a_link_and_the_job_page_then_shows_the_advert(staff_server, browser):
    context = browser.new_context(**DEVICES["phone"])
    page = context.new_page()
    page.goto(staff_server + "/staff/review")
    expect(page.get_by_role("heading", name="Staff sign in")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Email").fill("staff@example.org")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("do not match an account")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Links to check")).to_be_visible()
    assert axe_violations(page) == []
    title = page.get_by_role("heading", name="Qualified Dental Nurse")
    expect(title).to_be_visible()
    item = page.locator("li.panel", has=title)
    item.get_by_label("Which job is this?").select_option("dental-nurse")
    item.get_by_role("button", name="Save").click()
    expect(page.locator(".notice[role=status]")).to_contain_text("Saved")
    expect(page.get_by_role("heading", name="Qualified Dental Nurse")).to_have_count(0)

    page.goto(staff_server + "/vacancies?role=dental-nurse")
    expect(page.get_by_role("link", name="Qualified Dental Nurse").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.goto(staff_server + "/staff")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Staff sign in")).to_be_visible()
    context.close()
