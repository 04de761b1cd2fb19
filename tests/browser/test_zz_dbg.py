import re
from playwright.sync_api import expect
from tests.browser.test_interaction import answer_and_open_results, phone  # noqa

def test_dbg(live_server, phone):
    page = phone
    answer_and_open_results(page, live_server)
    page.locator(".result").nth(6).get_by_role("button", name=re.compile("Not for me")).click()
    expect(page.get_by_role("group", name=re.compile("Can you tell us why"))).to_be_focused()
    for _ in range(3):
        print(page.evaluate("[document.querySelector('.why-not').getBoundingClientRect().top, window.scrollY, window.innerHeight, document.activeElement.tagName]"))
        page.wait_for_timeout(300)
