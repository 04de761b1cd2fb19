"""Every page as a person (or htmx) asks for it: status, title, links, fragments, errors, headers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlparse

import pytest

from careercompass.catalogue.loader import load_catalogue
from tests.conftest import CATALOGUE_DIR

HTMX_HEADERS = {"HX-Request": "true"}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title = ""
        self.links: list[str] = []
        self.ids: list[str] = []
        self.h1_count = 0
        self._in_title = False
        self.has_html = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.has_html |= tag == "html"
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self.h1_count += 1
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if attrs.get("id"):
            self.ids.append(attrs["id"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(response) -> PageParser:
    parser = PageParser()
    parser.feed(response.get_data(as_text=True))
    return parser


def check_page(client, url: str, status: int = 200) -> PageParser:
    response = client.get(url)
    assert response.status_code == status, url
    assert response.mimetype == "text/html"
    page = parse(response)
    assert page.title.strip().endswith("– Career Compass Leeds"), url
    assert page.h1_count == 1, url
    assert len(page.ids) == len(set(page.ids)), f"duplicate ids on {url}"
    return page


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/", "Find your job in health and care"),
        ("/roles", "Find jobs"),
        ("/roles?family=nursing", "Nursing"),
        ("/roles?q=nurse", "nurse – jobs"),
        ("/compare", "Compare jobs"),
        ("/compare?role=porter&role=paramedic", "Compare Porter, Paramedic"),
        ("/roles/porter", "Porter"),
        ("/about", "About this site"),
        ("/families/nursing", "Nursing"),
        ("/glossary", "Words explained"),
    ],
)
def test_each_page_renders_with_its_title(client, url, title):
    assert check_page(client, url).title.startswith(title)


def test_every_role_has_a_page(client):
    for role in load_catalogue(CATALOGUE_DIR).roles:
        page = check_page(client, f"/roles/{role.slug}")
        assert page.title.startswith(role.title)


def test_no_internal_link_is_broken(client):
    """Follow every internal link from the home page, breadth first, and expect each to work."""
    seen: set[str] = set()
    shapes: set[tuple[str, tuple[str, ...]]] = set()
    queue = ["/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        target = urlparse(url)
        if target.query:
            # Every page offers the same switches (?easy=1, ?full=1): each kind of page is checked with each once.
            shape = (target.path.rsplit("/", 1)[0], tuple(sorted(parse_qs(target.query))))
            if shape in shapes:
                continue
            shapes.add(shape)
        response = client.get(url)
        if target.path.startswith("/staff/"):  # public pages link to a few staff pages (advisers booking a group)
            assert response.status_code == 302 and "/staff/sign-in" in response.headers["Location"], url
            continue
        assert response.status_code == 200, f"{url} is broken"
        if response.mimetype != "text/html":
            continue
        for href in parse(response).links:
            target = urlparse(urljoin("http://localhost" + url, href))
            if target.netloc == "localhost" and not target.path.startswith("/static/"):
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    assert len(seen) > 60


def test_the_role_page_shows_every_part_of_a_role(client):
    html = client.get("/roles/healthcare-support-worker").get_data(as_text=True)
    for text in ["The hard parts", "Ways in", "Career ladder", "£25,272 to £27,476 a year", "NHS band 2 to 3",
                 "ST0216", "Health T Level", "Senior healthcare support worker", "Leeds Teaching Hospitals",
                 "Where these facts come from", "Also called"]:
        assert text in html, text


def test_the_ladder_shows_roles_below_and_above(client):
    html = client.get("/roles/senior-care-worker").get_data(as_text=True)
    where_it_leads = html.index("Where it can lead")
    before = html.index("Jobs people do before this")
    assert html.index("Care team leader") > where_it_leads
    assert html.index(">Care worker<") > before


def results_count(html: str) -> int:
    return int(re.search(r'class="results-count">(\d+) job', html).group(1))


def test_browse_filters_narrow_the_list(client):
    everything = results_count(client.get("/roles").get_data(as_text=True))
    no_quals = results_count(client.get("/roles?route=no-qualifications").get_data(as_text=True))
    assert 0 < no_quals < everything


def test_browse_is_split_into_pages_that_keep_the_filters(client):
    first = client.get("/roles?route=no-qualifications").get_data(as_text=True)
    assert first.count('class="card role-card') == 24 and "page 1 of" in first
    second = client.get("/roles?route=no-qualifications&page=2").get_data(as_text=True)
    assert "page 2 of" in second and 'href="/roles?route=no-qualifications"' in second  # back to page 1
    slugs_one = set(re.findall(r'href="/roles/([a-z-]+)"', first))
    slugs_two = set(re.findall(r'href="/roles/([a-z-]+)"', second))
    assert slugs_one.isdisjoint(slugs_two)
    for odd in ("0", "-1", "abc", "999999"):
        assert client.get(f"/roles?page={odd}").status_code == 200


def test_htmx_gets_only_the_results_fragment(client):
    response = client.get("/roles?family=nursing", headers={**HTMX_HEADERS, "HX-Target": "results"})
    html = response.get_data(as_text=True)
    assert "<html" not in html and 'class="card role-card' in html
    assert "HX-Request" in response.headers["Vary"]
    search = client.get("/roles?q=porter", headers={**HTMX_HEADERS, "HX-Target": "results"})
    assert "<html" not in search.get_data(as_text=True) and "Porter" in search.get_data(as_text=True)


def test_a_boosted_or_history_request_gets_the_whole_page(client):
    response = client.get("/roles", headers={**HTMX_HEADERS, "HX-Boosted": "true", "HX-Target": "results"})
    assert "<html" in response.get_data(as_text=True)


@pytest.mark.parametrize("query", ["route=wizardry", "sector=space", "patient_facing=maybe", "family=nope", "band=12"])
def test_unknown_filter_values_are_explained_not_fatal(client, query):
    html = client.get(f"/roles?{query}").get_data(as_text=True)
    assert 'class="notice"' in html and 'class="card role-card' in html


@pytest.mark.parametrize("query", ['"', "nurse AND (", "<script>alert(1)</script>", "🙂🙂", "ä" * 400, "%00"])
def test_odd_search_input_is_handled_safely(client, query):
    response = client.get("/roles", query_string={"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


def test_a_misspelt_search_still_finds_the_role(client):
    html = client.get("/roles?q=physiotherpist").get_data(as_text=True)
    assert "/roles/physiotherapist" in html and "Did you mean" in html and "physiotherapist</a>?" in html


def test_an_unknown_page_is_a_friendly_404(client):
    page = check_page(client, "/roles/astronaut", status=404)
    assert page.title.startswith("We could not find that page")
    check_page(client, "/no/such/page", status=404)


def test_an_unexpected_error_is_a_friendly_500_without_a_stack_trace(app, monkeypatch):
    from careercompass.web import home

    def broken(*_args, **_kwargs):
        raise RuntimeError("database fell over")

    monkeypatch.setattr(home.queries, "families_with_counts", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    try:
        response = app.test_client().get("/")
    finally:
        app.config["PROPAGATE_EXCEPTIONS"] = None
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong on our side" in html and "RuntimeError" not in html


def test_security_headers_are_set_on_every_response(client):
    for url in ["/", "/roles/porter", "/api/v1/roles", "/nope"]:
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "unsafe-inline" not in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_pages_use_no_inline_scripts_or_styles(client):
    for url in ["/", "/roles", "/roles/porter", "/search?q=care"]:
        html = client.get(url).get_data(as_text=True)
        assert "<script>" not in html and "style=" not in html and "<style" not in html


def test_the_health_check_counts_roles_and_indexed_documents(client):
    body = client.get("/healthz").get_json()
    assert body["roles"] == body["search_documents"] == len(load_catalogue(CATALOGUE_DIR).roles)


def test_a_family_page_sums_up_its_jobs(client):
    page = check_page(client, "/families/adult-social-care")
    assert page.title.startswith("Adult social care")
    html = client.get("/families/adult-social-care").get_data(as_text=True)
    assert "No qualifications needed</a>:" in html and "/roles/care-worker" in html
    assert "a year" in html
    check_page(client, "/families/astronauts", status=404)


def test_acronyms_are_explained_where_they_appear(client):
    html = client.get("/roles/healthcare-support-worker").get_data(as_text=True)
    assert '<abbr title="Healthcare assistant, another name for a healthcare support worker.">HCA</abbr>' in html
    assert "Words on this page" in html
    glossary = check_page(client, "/glossary")
    assert glossary.title.startswith("Words explained")


def test_card_summaries_end_on_a_whole_sentence():
    from careercompass.web.rendering import opening

    text = "First sentence here. Second one is here too. A third sentence that is rather long indeed."
    assert opening(text, 50) == "First sentence here. Second one is here too."
    assert opening(text, 10) == "First sentence here."
