"""Hostile input in every page and API route: markup, script, SQL, 100 KB strings, NUL and control characters, bad
percent-encoding, right-to-left overrides and emoji, wrong JSON types, deep nesting and repeated parameters.

Whatever is sent, the answer is a 4xx or a normal page, never a server error, and nothing sent comes back unescaped.
Routes are read from the app's URL map, so a new page is fuzzed as soon as it exists.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careercompass import create_app
from careercompass.matching.quiz import QUESTIONS
from careercompass.web.addresses import same_query
from careercompass.web.security import limiter
from tests.conftest import STAFF_PASSWORD, app_for, make_settings, staff_area_settings

PROBE = "<script>cc_probe()</script>"
ATTRIBUTE_PROBE = '"><img src=x onerror=cc_probe()>'
SINGLE_QUOTE_PROBE = "'><svg onload=cc_probe()>"
PROBES = (PROBE, ATTRIBUTE_PROBE, SINGLE_QUOTE_PROBE)

HOSTILE = [
    *PROBES,
    "javascript:cc_probe()",
    "' OR 1=1--",
    "1; DROP TABLE roles;--",
    "{{7*7}}${7*7}",
    "\x00",
    "nurse\x00<script>cc_probe()</script>",
    "\x01\x02\x08\x0b\x0c\x1b[31m\x7f\x85",
    "\r\nSet-Cookie: cc=1",
    "%zz",
    "%",
    "%00",
    "\u202egnp.exe",
    "\u200f\u0645\u0631\u062d\u0628\u0627 \U0001f9d1\u200d\u2695\ufe0f\U0001f489",
    "\ufeff\ufffd\uffff",
    "9" * 400,
    "-1",
    "-99999999999999999999999",
    "1e308",
    "NaN",
    "../../etc/passwd",
    " ",
    "",
]
# Raw query strings a browser would never send: bad percent-escapes, invalid UTF-8, a lone surrogate (CESU-8).
RAW_QUERIES = [b"q=%zz&near=%&page=%G1", b"q=%ff%fe%fd&role=%c0%af", b"q=%ED%A0%80&family=%ED%B0%80",
               b"q=%00%01&near=LS9%00", b"&&==&q&=x&%3D=%3D", b"easy=1&easy=0&page=1&page=2&page=-3",
               b"q=" + b"%41" * 30_000]
# Parameters the pages read (careercompass/web/*.py), fuzzed on every page; unknown names are drawn too.
PAGE_PARAMETERS = ["q", "near", "easy", "page", "from", "full", "stage", "english_maths", "saved", "done", "sent",
                   "next", "code", "why", "taken", "deleted", "role", "family", "band", "age", "within",
                   "apprenticeship", "listbox", "add", "v", "joined"]
# Names that once reached url_for as keyword arguments: a page must not build links from them.
BUILDER_NAMES = ["endpoint", "_external", "_scheme", "_anchor", "_method", "slug", "values"]
API_PARAMETERS = {
    "api.roles": ["page", "per_page"],
    "api.lookup": ["title"],
    "api.search": ["q", "limit", "offset", "family", "route", "earn_while_you_learn", "sector", "setting",
                   "patient_facing", "shift", "band", "age"],
    "api.vacancies": ["q", "role", "family", "near", "within_km", "band", "limit", "offset"],
    "api.events": ["role", "family", "near", "from", "to"],
    "api.routes": ["role", "type", "stage", "english_maths"],
}
EVENT_FIELDS = ["title", "day", "starts", "ends", "venue", "address", "postcode", "what_you_do", "age_min", "age_max",
                "capacity", "run_by", "roles", "accessibility"]
FORM_FIELDS = {
    "classroom.close": [],
    "classroom.join": ["code", "nickname"],
    "classroom.named_jobs": ["named"],
    "classroom.start_session": ["name"],
    "events.book": ["first_name", "contact", "age_band", "access_needs", "consent"],
    "events.cancel": [],
    "events.forget": [],
    "handoffs.notes": ["notes", "what-1", "by-1", "what-2", "by-2"],
    "handoffs.take_code": ["code"],
    "quiz.restart": [],
    "quiz.step": [question.id for question in QUESTIONS] + ["skip"],
    "referrals.ask": ["first_name", "contact", "area", "age_band", "help_with", "more", "needs", "consent"],
    "referrals.hub_referral": ["status", "spoke", "outcome"],
    "referrals.withdraw": [],
    "results.not_for_me": ["slug"],
    "results.seen": ["shown"],
    "results.understood": ["set_aside", "put_back"],
    "results.why_not": ["reason"],
    "shortlists.carry_on": [],
    "shortlists.delete": [],
    "shortlists.save": ["keep_words"],
    "staff.add_event": EVENT_FIELDS,
    "staff.attendance": ["came"],
    "staff.cancel_event": [],
    "staff.decide": ["key", "role"],
    "staff.edit_event": EVENT_FIELDS,
    "staff.edit_vacancy": ["title", "employer", "salary_text", "closing"],
    "staff.group_booking": ["group_name", "places", "age_band", "access_needs", "consent"],
    "staff.hide": ["hidden"],
    "staff.import_run": ["format", "url"],
    "staff.route": ["starts", "cost", "entry", "providers", "source_url"],
    "staff.sign_in_post": ["email", "password", "next"],
    "staff.sign_out": [],
    "vacancies.went": [],
}
# Real values mixed in, so hostile ones also reach the code behind the first check.
REAL_FORM_VALUES = {
    "age_band": ["16-18", "19-24"], "consent": ["yes"], "format": ["csv", "jobposting"], "reason": ["study", "blood"],
    "status": ["routed", "closed"], "spoke": ["college"], "help_with": ["apprenticeship"], "role": ["paramedic", "none"],
    "slug": ["paramedic"], "set_aside": ["stage", "no:blood-and-needles"], "day": ["2031-05-01"], "starts": ["10:00"],
    "ends": ["12:00"], "capacity": ["10"], "places": ["2"], "hidden": ["0", "1"], "came": ["1"], "activities": ["caring"],
}

# Not fuzzed, and why.
EXCLUDED = {
    "static": "files from disk through Werkzeug's safe_join; no app code runs",
}

ALL_FIELDS = sorted({name for fields in FORM_FIELDS.values() for name in fields})
JSON_FIELDS = {"api.match": ["answers", "interests", "limit", "exclude"],
               "api.book_event": ["first_name", "contact", "age_band", "access_needs", "consent"]}

FUZZ = settings(max_examples=6, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.large_base_example, HealthCheck.data_too_large])


def _routes() -> list[tuple[str, str, str, dict[str, str]]]:
    """(rule, endpoint, method, converter of each path variable) for every route the app answers."""
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(make_settings(Path(folder), Path(folder)))
        return sorted((rule.rule, rule.endpoint, method, {name: type(c).__name__ for name, c in rule._converters.items()})
                      for rule in app.url_map.iter_rules() for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
                      if rule.endpoint not in EXCLUDED)


ROUTES = _routes()
GETS = [route for route in ROUTES if route[2] == "GET"]
FORMS = [route for route in ROUTES if route[2] == "POST" and not route[0].startswith("/api/")]
JSON_POSTS = [route for route in ROUTES if route[2] == "POST" and route[0].startswith("/api/")]


def _id(route) -> str:
    return f"{route[2]} {route[0]}"


hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.builds(lambda: "A" * 100_000),  # built, not listed: Hypothesis would print it in every strategy's repr
    st.text(max_size=40),
    st.builds(lambda a, b: a + b, st.sampled_from(HOSTILE[:12]), st.text(max_size=10)),
)


@pytest.fixture(scope="module")
def abuse_settings(tmp_path_factory, staff_area_template):
    # A copy of the staff area (accounts, sample vacancies and events): posts here book, hide and edit for real.
    return staff_area_settings(tmp_path_factory, staff_area_template)


@pytest.fixture(scope="module")
def abuse_app(abuse_settings):
    return app_for(abuse_settings, csrf=False)


@pytest.fixture(scope="module")
def guarded_app(abuse_settings):
    return app_for(abuse_settings)


@pytest.fixture(autouse=True)
def no_rate_limits(monkeypatch):
    # Every request comes from 127.0.0.1; a 429 would be a pass that tested nothing.
    monkeypatch.setattr(limiter, "enabled", False)


def _signed_in_admin(app):
    client = app.test_client()
    assert client.post("/staff/sign-in", data={"email": "admin@example.org", "password": STAFF_PASSWORD}).status_code == 303
    return client


@pytest.fixture(scope="module")
def real(abuse_app):
    """Real values for every path variable, made through the app itself."""
    limiter.enabled, was = False, limiter.enabled
    try:
        visitor, admin = abuse_app.test_client(), _signed_in_admin(abuse_app)
        role = visitor.get("/api/v1/roles/paramedic").get_json()
        event = visitor.get("/api/v1/events").get_json()["events"][0]["id"]
        booked = visitor.post(f"/api/v1/events/{event}/bookings", json={
            "first_name": "Kai", "contact": "kai@example.org", "age_band": "16-18", "consent": True}).get_json()
        asked = visitor.post("/help", data={"first_name": "Kai", "contact": "kai@example.org", "area": "LS9",
                                            "age_band": "16-18", "help_with": "apprenticeship", "consent": "yes"})
        code = visitor.post("/results/save").headers["Location"].rsplit("/", 1)[-1]
        admin.post("/adviser/codes", data={"code": code})
        started = admin.post("/adviser/sessions", data={"name": "Year 10"}).headers["Location"]
        referral = admin.get("/staff/referrals").get_data(as_text=True)
    finally:
        limiter.enabled = was
    booking = booked["cancel_url"].rsplit("/", 1)[-1]
    return {
        # night-care-worker was merged into another role: its old address redirects.
        "slug": {"roles.family": [role["family"]], "roles.role": ["paramedic", "night-care-worker"],
                 "default": ["paramedic"]},
        "event_id": {"default": [str(event)]},
        "vacancy_id": {"default": [str(visitor.get("/api/v1/vacancies").get_json()["vacancies"][0]["id"])]},
        "token": {"events.my_booking": [booking], "events.cancel": [booking], "events.forget": [booking],
                  "default": [asked.headers["Location"].rsplit("/", 1)[-1]]},
        "code": {"default": [code]},
        "session_id": {"default": [started.rsplit("/", 1)[-1]]},
        "referral_id": {"default": [re.search(r"/staff/referrals/(\d+)", referral).group(1)]},
        "route_id": {"default": [visitor.get("/api/v1/routes").get_json()["routes"][0]["id"]]},
        "number": {"default": ["1", "3", "11"]},
    }


@pytest.fixture(scope="module")
def admin(abuse_app):
    return _signed_in_admin(abuse_app)


def _client_for(app, admin, rule: str):
    # Staff and adviser pages are fuzzed signed in as an admin, who may use all of them; signing in and out are
    # fuzzed from a fresh browser, so the shared sign-in lasts.
    if rule.startswith(("/staff", "/adviser")) and rule not in ("/staff/sign-in", "/staff/sign-out"):
        return admin
    return app.test_client()


def _path(data, rule: str, endpoint: str, converters: dict[str, str], real: dict) -> str:
    def fill(match: re.Match) -> str:
        name = match.group(1).split(":")[-1]
        known = data.draw(st.sampled_from(real[name].get(endpoint, real[name]["default"])))
        if converters[name] == "IntegerConverter":
            value = data.draw(st.sampled_from([known, known, "0", "00" + known, "9" * 30, "2147483648"]))
        else:
            value = data.draw(st.one_of(st.just(known), hostile_text.filter(bool)))
            if data.draw(st.booleans()):  # sent raw: bad escapes reach the router as they are
                return value.replace("/", "%2F").replace("?", "%3F").replace("#", "%23")
        return quote(value, safe="")
    return re.sub(r"<([^>]+)>", fill, rule)


def _check(response) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    body = response.get_data().decode("utf-8", "replace")
    if response.mimetype == "application/json":
        # Data, not a page: quotes in it are JSON-escaped, and nosniff stops a browser reading it as HTML.
        json.loads(body)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    else:
        for probe in PROBES:
            assert probe not in body, f"{probe!r} came back unescaped"
    for name, value in response.headers.items():
        assert "cc_probe" not in value or name == "Location", f"{name}: {value[:200]}"
    if response.mimetype == "text/html":
        assert "Content-Security-Policy" in response.headers


def _htmx_headers(data) -> dict[str, str]:
    target = data.draw(st.sampled_from([None, "quiz", "results-list", "results", "class-board", PROBE]))
    return {} if target is None else {"HX-Request": "true", "HX-Target": target}


def test_every_route_is_fuzzed_or_excluded_with_a_reason(real):
    for rule, endpoint, method, converters in ROUTES:
        for name in converters:
            assert name in real, f"{rule}: add a real value for <{name}> to the real fixture"
        if method == "POST" and not rule.startswith("/api/"):
            assert endpoint in FORM_FIELDS, f"{rule}: add its form fields to FORM_FIELDS"
        if method == "POST" and rule.startswith("/api/"):
            assert endpoint in JSON_FIELDS, f"{rule}: add its JSON fields to JSON_FIELDS"
    assert len(ROUTES) > 90


@pytest.mark.parametrize(("rule", "endpoint", "method", "converters"), GETS, ids=[_id(r) for r in GETS])
@FUZZ
@given(data=st.data())
def test_hostile_addresses_never_break_a_page(abuse_app, admin, real, rule, endpoint, method, converters, data):
    client = _client_for(abuse_app, admin, rule)
    path = _path(data, rule, endpoint, converters, real)
    names = API_PARAMETERS.get(endpoint, PAGE_PARAMETERS)
    name = st.one_of(st.sampled_from(names), st.sampled_from(BUILDER_NAMES), st.text(min_size=1, max_size=8))
    pairs = data.draw(st.lists(st.tuples(name, hostile_text), max_size=6))
    query = urlencode(pairs, quote_via=quote).encode()
    if data.draw(st.booleans()):
        query = data.draw(st.sampled_from(RAW_QUERIES))
    # The query string as a server hands it over: its bytes, undecoded (WSGI keeps them as latin-1).
    _check(client.get(path, headers=_htmx_headers(data), environ_overrides={"QUERY_STRING": query.decode("latin-1")}))


@pytest.mark.parametrize(("rule", "endpoint", "method", "converters"), FORMS, ids=[_id(r) for r in FORMS])
@FUZZ
@given(data=st.data())
def test_hostile_forms_never_break_a_page(abuse_app, admin, real, rule, endpoint, method, converters, data):
    client = _client_for(abuse_app, admin, rule)
    path = _path(data, rule, endpoint, converters, real)
    fields = FORM_FIELDS.get(endpoint, [])
    name = st.one_of(st.sampled_from(fields or ALL_FIELDS), st.sampled_from(ALL_FIELDS), st.text(min_size=1, max_size=8))
    pairs = data.draw(st.lists(st.tuples(name, hostile_text), max_size=8))
    pairs += [(field, data.draw(st.sampled_from(REAL_FORM_VALUES[field]))) for field in fields
              if field in REAL_FORM_VALUES and data.draw(st.booleans())]
    pairs = [(key, value) for key, value in pairs if not value.startswith("http")]  # the import fetches addresses
    body = urlencode(pairs, quote_via=quote, encoding="utf-8", errors="surrogatepass").encode()
    response = client.post(path, data=body, content_type="application/x-www-form-urlencoded",
                           headers=_htmx_headers(data))
    _check(response)


@pytest.mark.parametrize(("rule", "endpoint", "method", "converters"), FORMS, ids=[_id(r) for r in FORMS])
@settings(FUZZ, max_examples=3)
@given(data=st.data())
def test_hostile_forms_without_a_token_are_refused_or_sent_again(guarded_app, real, rule, endpoint, method, converters,
                                                                   data):
    client = guarded_app.test_client()  # the token is checked before anything else, signed in or not
    path = _path(data, rule, endpoint, converters, real)
    fields = FORM_FIELDS.get(endpoint) or ALL_FIELDS
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(fields), hostile_text), min_size=1, max_size=4))
    headers = _htmx_headers(data)
    headers["Origin"] = data.draw(st.sampled_from(["http://localhost", "null", "https://elsewhere.example"]))
    response = client.post(path, data=urlencode(pairs, quote_via=quote), headers=headers,
                           content_type="application/x-www-form-urlencoded")
    _check(response)
    # From this site, htmx gets the form to send again as a fragment (200); otherwise a 400, or before the token is
    # read, a 404 for an address that is no page and a 413 for a body too large.
    assert response.status_code in (400, 404, 413) or (response.status_code == 200 and "HX-Request" in headers)


json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=10**30),
                         st.floats(allow_nan=False), hostile_text)


def json_values(field_names: list[str]):
    return st.recursive(json_scalars, lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(field_names), st.text(max_size=6)), children, max_size=4)),
        max_leaves=12)


@pytest.mark.parametrize(("rule", "endpoint", "method", "converters"), JSON_POSTS, ids=[_id(r) for r in JSON_POSTS])
@settings(FUZZ, max_examples=25)
@given(data=st.data())
def test_hostile_json_never_breaks_the_api(abuse_app, real, rule, endpoint, method, converters, data):
    fields = JSON_FIELDS.get(endpoint, [])
    if data.draw(st.booleans()):
        body = data.draw(st.dictionaries(st.sampled_from(fields), json_values(fields), max_size=len(fields)))
    else:
        body = data.draw(json_values(fields))
    response = abuse_app.test_client().post(_path(data, rule, endpoint, converters, real),
                                            data=json.dumps(body), content_type="application/json")
    _check(response)
    assert response.mimetype == "application/json"


@pytest.mark.parametrize("body", [
    b"[" * 21 + b"]" * 21,
    b'{"answers": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
    b'{"exclude": ' + json.dumps(["paramedic"] * 501).encode() + b"}",
    b'{"interests": "' + b"a" * 70_000 + b'"}',
    b'{"interests": "\\ud800 nurse"}',
    b'{"interests": "\xff\xfe nurse"}',
    b'{"interests": ' + b"9" * 5000 + b"}",
    b'{"limit": 1e999}',
    b'{"limit": NaN}',
    b'{"answers": {"activities": "' + PROBE.encode() + b'"}}',
    b'{"answers": {"' + PROBE.encode() + b'": "x"}}',
    b"\x00",
    b"",
], ids=["deep", "deeper", "too-many-excluded", "too-large", "lone-surrogate", "bad-utf8", "long-number", "infinity",
        "nan", "markup-answer", "markup-question", "nul", "empty"])
@pytest.mark.parametrize("path", ["/api/v1/match", "/api/v1/events/1/bookings"])
def test_the_api_refuses_bodies_past_its_limits(abuse_app, path, body):
    response = abuse_app.test_client().post(path, data=body, content_type="application/json")
    _check(response)
    assert response.mimetype == "application/json"


# Regressions: each of these was a server error.

@pytest.mark.parametrize("path", ["/events/99999999999999999999", "/quiz/2147483648", "/api/v1/events/9" + "9" * 30
                                  + "/bookings", "/staff/vacancies/99999999999999999999"])
def test_a_number_too_long_for_the_database_is_not_found(abuse_app, admin, path):
    # SQLite could not bind it (OverflowError), PostgreSQL's integer ids would refuse it.
    client = admin if path.startswith("/staff") else abuse_app.test_client()
    response = client.post(path, json={}) if "bookings" in path else client.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/search", "/roles/night-care-worker"])
def test_a_redirect_keeps_the_query_but_builds_no_link_from_its_names(client, path):
    query = "q=nurse&endpoint=x&_external=1&_scheme=javascript&_anchor=x&slug=x&family=a&family=b"
    response = client.get(f"{path}?{query}")
    assert response.status_code == 301
    location = response.headers["Location"]
    assert location.startswith("/roles") and "#" not in location and location.endswith("?" + query)


def test_the_vacancy_pages_keep_every_filter_and_never_overflow(app, client):
    assert client.get("/vacancies?page=" + "9" * 40 + "&endpoint=x&role=&_scheme=javascript").status_code == 200
    with app.test_request_context("/vacancies?band=3&endpoint=x&band=4&page=1"):
        assert same_query("/vacancies", page=2) == "/vacancies?band=3&band=4&endpoint=x&page=2"
