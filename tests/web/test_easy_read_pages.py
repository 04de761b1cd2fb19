"""Easy read beyond the quiz: role pages and results show each job's easy version, read aloud, switched by a link."""

from __future__ import annotations

import re

from tests.web.test_pages import check_page

ROLE = "midwife"  # a role whose file has an easy version


def easy_version(client, slug: str) -> dict | None:
    return client.get(f"/api/v1/roles/{slug}").get_json()["easy_read"]


def test_the_role_page_shows_the_full_text_when_easy_read_is_off(client):
    html = client.get(f"/roles/{ROLE}").get_data(as_text=True)
    assert "This job in short" not in html and 'class="easy-facts"' not in html
    assert "The hard parts" in html and "Ways in" in html
    assert f'href="/roles/{ROLE}?easy=1"' in html  # the switch is a plain link


def test_the_switch_link_turns_easy_read_on_for_the_next_pages_and_off_again(client):
    easy = easy_version(client, ROLE)
    check_page(client, f"/roles/{ROLE}?easy=1")
    html = client.get(f"/roles/{ROLE}").get_data(as_text=True)  # no link needed now: the choice is kept
    assert "This job in short" in html
    for part in ("you_do", "way_in", "hard_part"):
        assert easy[part].replace("'", "&#39;") in html
    assert re.search(r"<dt>Pay</dt><dd>About £[\d,]+ a year to start</dd>", html)
    assert "The hard parts" not in html  # the long text is one link away
    assert f'href="/roles/{ROLE}?full=1"' in html and f'href="/roles/{ROLE}?easy=0"' in html
    assert 'class="read-aloud" hidden' in html and "data-read-aloud=" in html
    full = client.get(f"/roles/{ROLE}?full=1").get_data(as_text=True)
    assert "This job in short" in full and "The hard parts" in full
    client.get(f"/roles/{ROLE}?easy=0")
    assert "This job in short" not in client.get(f"/roles/{ROLE}").get_data(as_text=True)


def test_the_spoken_text_says_every_part_with_the_pay(client):
    easy = easy_version(client, ROLE)
    html = client.get(f"/roles/{ROLE}?easy=1").get_data(as_text=True)
    spoken = re.search(r'data-read-aloud="([^"]+)"', html).group(1).replace("&#39;", "'")
    assert easy["you_do"] in spoken and easy["hard_part"] in spoken and f"Pay: {easy['pay']}." in spoken


def test_results_show_each_jobs_easy_version_only_when_easy_read_is_on(client):
    standard = client.get("/results").get_data(as_text=True)
    assert 'class="easy-facts"' not in standard and 'href="/results?easy=1"' in standard
    html = client.get("/results?easy=1").get_data(as_text=True)
    assert 'href="/results?easy=0"' in html
    shown = list(dict.fromkeys(re.findall(r'href="/roles/([a-z0-9-]+)\?from=results"', html)))
    assert len(shown) == 10
    written = {slug: version for slug in shown if (version := easy_version(client, slug))}
    assert html.count('class="easy-facts"') == len(written)
    for version in written.values():
        assert version["you_do"].replace("'", "&#39;") in html


def test_the_api_gives_the_easy_version_with_its_pay_line(client):
    easy = easy_version(client, ROLE)
    assert set(easy) == {"you_do", "pay", "way_in", "hard_part"}
    assert easy["pay"].startswith("About £") and "£" not in easy["you_do"] + easy["way_in"] + easy["hard_part"]
