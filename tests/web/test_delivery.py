"""Pages travel compressed, and static files are linked by content hash so browsers may keep them for a year."""

from __future__ import annotations

import gzip
import re

import brotli

from careercompass.web.delivery import YEAR_SECONDS


def test_pages_are_compressed_for_browsers_that_ask(client):
    plain = client.get("/roles", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    squeezed = client.get("/roles", headers={"Accept-Encoding": "gzip"})
    assert squeezed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in squeezed.headers["Vary"]
    assert gzip.decompress(squeezed.get_data()) == plain.get_data()
    assert len(squeezed.get_data()) < len(plain.get_data()) / 3
    brotli_page = client.get("/roles", headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert brotli_page.headers["Content-Encoding"] == "br"
    assert brotli.decompress(brotli_page.get_data()) == plain.get_data()


def test_fragments_still_vary_on_htmx_headers_when_compressed(client):
    response = client.get("/roles?q=nurse", headers={"Accept-Encoding": "gzip"})
    assert {"HX-Request", "HX-Target", "Accept-Encoding"} <= {v.strip() for v in response.headers["Vary"].split(",")}


def static_links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_static_files_are_linked_by_content_hash_and_kept_for_a_year(client):
    links = static_links(client.get("/").get_data(as_text=True))
    assert any("htmx" in link for link in links) and any("site.css" in link for link in links)
    for link in links:
        assert re.search(r"\?v=[0-9a-f]{12}$", link), link
        response = client.get(link, headers={"Accept-Encoding": "br"})
        assert response.status_code == 200
        assert response.cache_control.max_age == YEAR_SECONDS and response.cache_control.immutable
        response.close()


def test_an_old_or_missing_hash_gets_only_the_short_lifetime(client):
    [link] = [link for link in static_links(client.get("/").get_data(as_text=True)) if "app.js" in link]
    for stale in (link.split("?")[0], link.split("?")[0] + "?v=000000000000"):
        response = client.get(stale)
        assert response.status_code == 200 and response.cache_control.max_age < YEAR_SECONDS
        assert not response.cache_control.immutable
        response.close()


def test_static_files_travel_compressed(client):
    [link] = [link for link in static_links(client.get("/").get_data(as_text=True)) if "htmx" in link]
    response = client.get(link, headers={"Accept-Encoding": "gzip, deflate, br"})
    body = response.get_data()
    assert response.headers["Content-Encoding"] == "br"
    assert len(body) < 25_000 < len(brotli.decompress(body))
