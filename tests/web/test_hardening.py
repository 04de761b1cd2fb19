"""What an attacker or a careless proxy found, each fixed: a readable cookie, a reflected Host header, huge or
deep bodies, limits counted per route, and an expired form losing a quiz answer."""

from __future__ import annotations

import base64
import json
import re
import time
import zlib
from dataclasses import replace

import pytest
from itsdangerous import BadSignature, URLSafeTimedSerializer

from careercompass import create_app

PUBLIC = "https://careers.example.org"
SECRET_WORDS = "I am being bullied and like computers"


@pytest.fixture(scope="module")
def public_app(ready_settings):
    """The shared data served as in production: a public https address, behind one proxy."""
    app = create_app(replace(ready_settings, public_url=PUBLIC, proxy_count=1, trusted_hosts="node1.internal"))
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    return app


def _cookie(client) -> str:
    return client.get_cookie("session").value


def test_the_cookie_alone_reveals_nothing_of_what_a_person_wrote(form_client, app):
    form_client.post("/quiz/11", data={"interests": SECRET_WORDS})
    sealed = _cookie(form_client)
    assert "bullied" not in sealed
    padded = sealed + "=" * (-len(sealed) % 4)
    for part in [padded, *sealed.split(".")]:  # nothing readable in any piece, decoded or inflated
        try:
            raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            continue
        assert b"bullied" not in raw
        with pytest.raises(zlib.error):
            zlib.decompress(raw)
    # Flask's usual signed cookie could be read by anyone; this one cannot be opened even with the key that way.
    with pytest.raises(BadSignature):
        URLSafeTimedSerializer(app.secret_key, salt="cookie-session").loads(sealed)
    assert SECRET_WORDS in form_client.get("/quiz/11").get_data(as_text=True)  # the app itself still reads it


def test_a_tampered_or_foreign_cookie_starts_a_fresh_visit(client):
    client.set_cookie("session", "gAAAAABnot-a-real-token")
    assert client.get("/results").status_code in (200, 302, 303)
    forged = URLSafeTimedSerializer("test-secret", salt="cookie-session",
                                    signer_kwargs={"key_derivation": "hmac", "digest_method": "sha1"})
    client.set_cookie("session", forged.dumps({"quiz_answers": {"activities": ["caring"]}}))
    page = client.get("/quiz/1")
    assert page.status_code == 200 and 'checked' not in page.get_data(as_text=True).split("caring")[0][-80:]


def test_the_cookie_is_samesite_lax_and_secure_with_hsts_over_https(client, public_app):
    plain = client.get("/quiz/1")
    assert "SameSite=Lax" in plain.headers["Set-Cookie"] and "Secure" not in plain.headers["Set-Cookie"]
    assert "Strict-Transport-Security" not in plain.headers
    served = public_app.test_client().get("/quiz/1", base_url=PUBLIC)
    assert "Secure" in served.headers["Set-Cookie"] and "SameSite=Lax" in served.headers["Set-Cookie"]
    assert served.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "frame-ancestors 'none'" in served.headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/quiz/1", "/results", "/adviser/sessions", "/help", "/join", "/bookings/x"])
def test_every_personal_page_is_never_stored(client, path):
    assert client.get(path).headers.get("Cache-Control") == "no-store"


def test_a_forged_host_is_refused_and_links_use_the_public_address(public_app):
    client = public_app.test_client()
    assert client.get("/", base_url="http://evil.example").status_code == 400
    assert client.get("/", headers={"X-Forwarded-Host": "evil.example"}, base_url=PUBLIC).status_code == 400
    assert client.get("/healthz", base_url="http://node1.internal").status_code == 200
    role = client.get("/api/v1/roles/adult-nurse", base_url=PUBLIC).get_json()
    assert role["url"] == f"{PUBLIC}/roles/adult-nurse"
    # Behind the proxy, the site is asked for over http; the address given out is still the public one.
    internal = client.get("/api/v1/roles/adult-nurse", base_url="http://node1.internal").get_json()
    assert internal["url"] == f"{PUBLIC}/roles/adult-nurse"


def test_without_a_public_address_any_host_is_answered_for_use_on_a_laptop(client):
    assert client.get("/", base_url="http://laptop.local").status_code == 200


def test_a_huge_body_is_refused_with_413_and_a_plain_message(client):
    huge = json.dumps({"answers": {}, "exclude": ["adult-nurse"] * 2_000_000})
    answer = client.post("/api/v1/match", data=huge, content_type="application/json")
    assert answer.status_code == 413 and "error" in answer.get_json()
    page = client.post("/quiz/11", data={"interests": "x" * 100_000})
    assert page.status_code == 413 and "too much to send" in page.get_data(as_text=True)


@pytest.mark.parametrize("body", ["[" * 1000 + "]" * 1000, '{"answers": ' + '{"a": ' * 500 + "1" + "}" * 501,
                                  '{"answers": {}, "exclude": ' + "[" * 30 + "]" * 30 + "}"])
def test_json_nested_deep_is_refused_with_400_not_a_500(client, body):
    answer = client.post("/api/v1/match", data=body, content_type="application/json")
    assert answer.status_code == 400 and "nested" in answer.get_json()["error"]["message"]


def test_brackets_inside_strings_do_not_count_as_nesting(client):
    text = "[[[[" * 10 + " I like science"
    answer = client.post("/api/v1/match", json={"answers": {}, "interests": text})
    assert answer.status_code == 200


def test_a_long_exclude_list_is_refused(client):
    answer = client.post("/api/v1/match", json={"answers": {}, "exclude": ["adult-nurse"] * 501})
    assert answer.status_code == 400 and "at most 500" in answer.get_json()["error"]["message"]


def test_a_strict_limit_is_shared_by_the_page_and_the_api_and_by_client_behind_the_proxy(ready_settings):
    from careercompass.web.security import limiter

    app = create_app(replace(ready_settings, proxy_count=1))
    app.config.update(TESTING=True)
    client = app.test_client()
    limiter.reset()
    one = {"X-Forwarded-For": "203.0.113.7"}
    statuses = [client.post("/api/v1/match", json={"answers": {}}, headers=one).status_code for _ in range(120)]
    statuses += [client.get("/results", headers=one).status_code for _ in range(120)]
    assert 429 not in statuses
    assert client.post("/api/v1/match", json={"answers": {}}, headers=one).status_code == 429
    assert client.get("/results", headers=one).status_code == 429
    page = client.get("/results", headers=one)
    assert "Please wait a minute" in page.get_data(as_text=True) and page.headers.get("Retry-After")
    # Another pupil behind the same proxy has a count of their own.
    assert client.post("/api/v1/match", json={"answers": {}}, headers={"X-Forwarded-For": "203.0.113.8"}
                       ).status_code == 200
    limiter.reset()


def test_a_search_for_words_has_the_strict_limit_and_a_filtered_list_only_the_site_wide_one(client):
    assert client.get("/roles?q=nurse").headers["X-RateLimit-Limit"] == "600"
    assert client.get("/api/v1/search?q=nurse").headers["X-RateLimit-Limit"] == "600"
    assert client.get("/roles?family=nursing").headers.get("X-RateLimit-Limit") != "600"


def test_without_a_proxy_a_forwarded_address_is_not_believed(ready_settings):
    from careercompass.web.security import limiter

    app = create_app(ready_settings)
    app.config.update(TESTING=True)
    client = app.test_client()
    limiter.reset()
    for n in range(240):
        client.post("/api/v1/match", json={"answers": {}}, headers={"X-Forwarded-For": f"198.51.100.{n % 250}"})
    assert client.post("/api/v1/match", json={"answers": {}},
                       headers={"X-Forwarded-For": "198.51.100.251"}).status_code == 429
    limiter.reset()


def test_rate_limits_fail_open_when_their_store_is_down_and_health_says_so(ready_settings):
    from careercompass.web.security import limiter

    app = create_app(replace(ready_settings, ratelimit_storage_uri="redis://127.0.0.1:1"))
    app.config.update(TESTING=True)
    client = app.test_client()
    assert client.get("/").status_code == 200
    assert client.post("/api/v1/match", json={"answers": {}}).status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 200 and health.get_json()["rate_limits"].startswith("not counting")
    create_app(ready_settings)  # the shared limiter back on memory for the tests after this one
    limiter.reset()


def _token(page_text: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page_text).group(1)


@pytest.fixture(scope="module")
def stale_form(ready_settings):
    """A browser whose form token has run out (tokens here last one second): (client, the old token)."""
    app = create_app(ready_settings)
    app.config.update(TESTING=True, WTF_CSRF_TIME_LIMIT=1)
    client = app.test_client()
    token = _token(client.get("/quiz/1").get_data(as_text=True))
    time.sleep(2.1)
    return client, token


def test_an_expired_form_keeps_the_answer_and_one_press_carries_on(stale_form):
    client, token = stale_form
    stale = client.post("/quiz/1", data={"csrf_token": token, "activities": ["science", "caring"]},
                        headers={"Origin": "http://localhost"})
    text = stale.get_data(as_text=True)
    assert stale.status_code == 400 and "press the button once more" in text
    kept = re.findall(r'<input type="hidden" name="activities" value="([^"]+)">', text)
    assert kept == ["science", "caring"]
    fresh = _token(text)
    assert fresh != token
    carried = client.post("/quiz/1", data={"csrf_token": fresh, "activities": kept},
                          headers={"Origin": "http://localhost"})
    assert carried.status_code in (302, 303)
    assert re.search(r'value="science"[^>]*checked', client.get("/quiz/1").get_data(as_text=True))


def test_an_expired_form_from_another_site_is_refused_and_nothing_is_echoed(stale_form):
    client, token = stale_form
    forged = client.post("/quiz/1", data={"csrf_token": token, "activities": ["science"]},
                         headers={"Origin": "https://evil.example"})
    assert forged.status_code == 400 and 'name="activities"' not in forged.get_data(as_text=True)
    missing = client.post("/quiz/1", data={"activities": ["science"]})  # no token, no origin
    assert missing.status_code == 400 and "press the button once more" not in missing.get_data(as_text=True)


def test_an_expired_token_on_a_form_sent_from_inside_the_page_shows_the_form_in_its_place(stale_form):
    client, token = stale_form
    answer = client.post("/results/not-for-me", data={"csrf_token": token, "slug": "adult-nurse"},
                         headers={"Origin": "http://localhost", "HX-Request": "true"})
    text = answer.get_data(as_text=True)
    assert answer.status_code == 200 and "<html" not in text  # htmx swaps a 200 into the page
    assert '<input type="hidden" name="slug" value="adult-nurse">' in text and _token(text) != token
    assert 'action="/results/not-for-me"' in text and "hx-post" not in text


@pytest.mark.parametrize("send", [
    lambda c: c.get("/roles?route=degree&q=nurse%00"),
    lambda c: c.post("/quiz/1", data={"activities": ["caring", "x\x00"]}),
    lambda c: c.post("/api/v1/match", json={"interests": "I like \u0000 science"}),
])
def test_a_nul_character_anywhere_is_refused_with_a_plain_400(form_client, send):
    answer = send(form_client)
    assert answer.status_code == 400
    assert "NUL" in answer.get_data(as_text=True) or "not right" in answer.get_data(as_text=True)
