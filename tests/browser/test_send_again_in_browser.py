"""A quiz step left open until its form token ran out, on a small phone: the answer is kept, the page that asks
for one more press is accessible, and that press carries on."""

from __future__ import annotations

import time

import pytest

from tests.browser.conftest import DEVICES, axe_violations, save_screenshot, serving
from tests.conftest import app_for


@pytest.fixture(scope="module")
def short_token_app(browser_settings):
    app = app_for(browser_settings)
    app.config.update(WTF_CSRF_TIME_LIMIT=1)
    return app


@pytest.fixture(scope="module")
def short_token_server(short_token_app):
    yield from serving(short_token_app)


def test_a_stale_quiz_step_on_a_phone_keeps_the_answer_and_carries_on(browser, short_token_app,
                                                                       short_token_server):
    context = browser.new_context(**DEVICES["phone"])
    page = context.new_page()
    page.goto(f"{short_token_server}/quiz/1")
    page.get_by_label("Science", exact=False).first.check()
    time.sleep(2.1)
    page.get_by_role("button", name="Next").click()
    page.get_by_role("heading", name="Please press the button once more").wait_for()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "send-again-phone")
    # The page's own fresh token must not run out while it is checked on a busy machine (axe can take seconds), so
    # from here tokens last as long as they usually do.
    short_token_app.config.update(WTF_CSRF_TIME_LIMIT=3600)
    page.get_by_role("button", name="Carry on").click()
    page.wait_for_url("**/quiz/2")
    page.goto(f"{short_token_server}/quiz/1")
    assert page.get_by_label("Science", exact=False).first.is_checked()
    context.close()
