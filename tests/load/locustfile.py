"""A day's traffic, as locust users: young people on phones browsing, searching and taking the quiz; programs using
the API; and classes in a careers lesson, 30 pupils from one school address joining a session whose board an adviser
projects and polls.

Run by tests/load/run.py (figures at several user counts) and tests/production/test_load_mix.py (a short smoke
run). Settings come from the environment:

    LOAD_ADVISER_EMAIL, LOAD_ADVISER_PASSWORD  an adviser account; without it pupils take the quiz alone
    LOAD_CLASS_SIZE                            pupils per class (30)
    LOAD_SUMMARY                               a JSON file to write exact pages/API figures to at the end
    LOAD_THINK                                 a factor on every wait (1); the smoke test keeps it, run.py too

Request names: every HTML page is named by its route ("/roles/[slug]"); every API call starts with "/api/". The
runner reports the two groups apart by that prefix.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
import uuid

import gevent
from gevent.event import Event
from gevent.lock import Semaphore
from locust import HttpUser, between, events, task
from locust.clients import HttpSession
from requests.cookies import RequestsCookieJar

THINK = float(os.environ.get("LOAD_THINK", "1"))
CLASS_SIZE = int(os.environ.get("LOAD_CLASS_SIZE", "30"))
ADVISER = (os.environ.get("LOAD_ADVISER_EMAIL", ""), os.environ.get("LOAD_ADVISER_PASSWORD", ""))
BOARD_POLL_SECONDS = 5  # as classroom.BOARD_REFRESH_SECONDS: the projected board's htmx polling

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
CHOICE = re.compile(r'<input type="(checkbox|radio)" name="([a-z_]+)" value="([^"]+)"')
TEXTAREA = re.compile(r'<textarea[^>]* name="([a-z_]+)"')
MOST = re.compile(r'data-most="(\d+)"')
ROLE_LINK = re.compile(r'href="/roles/([a-z0-9-]+)[?"]')
SHOWN = re.compile(r'"shown": "([^"]+)"')
CLASS_CODE = re.compile(r'class="board__code">([A-Z0-9]{3}-[A-Z0-9]{3})<')

# What people really type: vague, misspelt, a wish rather than a job title.
SEARCH_WORDS = [
    "nurse", "helping old people", "no uni", "nursing without a degree", "idk", "paramedic", "nurce", "ambulance",
    "working with kids", "science lab", "dentist", "physio", "pharmacy", "mental health", "computers", "care home",
    "midwife", "blood", "fixing machines", "apprenticeship", "good pay", "i like football", "doctor", "carer",
    "social worker", "jobs at 16", "hospital porter", "something with animals", "make people feel better", "admin",
]
# What they write in the quiz's last box; an empty box is common.
OWN_WORDS = [
    "", "", "idk", "i like helping people and football", "science but needles make me queasy", "gaming and computers",
    "looking after my nan", "i want to be a nurse but not uni", "art and drama", "fixing bikes", "dunno, sport?",
    "i like kids and animals", "not blood", "i want good money", "talking to people, music",
]
NICKNAMES = ["Fox", "Owl", "Star", "Wolf", "Bee", "Moon", "Cat", "Hawk", "Lion", "Frog"]
NEAR = ["LS9", "LS11", "LS8", "LS6", "LS14", "LS1", "LS12", "LS27", "Armley", "Harehills"]
AGE_BANDS = ["13-15", "16-18", "16-18", "19-24"]
FILTERS = [
    {"route": "apprenticeship"}, {"route": "t-level"}, {"earn_while_you_learn": "yes"}, {"setting": "hospital"},
    {"setting": "community"}, {"patient_facing": "no"}, {"shift": "office-hours"}, {"age": "16"},
    {"route": ["apprenticeship", "t-level"], "patient_facing": "yes"},
]


class _LoopbackCookies(RequestsCookieJar):
    # The app marks its cookie Secure (its public address is https); here nginx is plain http on loopback, so the
    # client keeps sending it, as a browser behind a load balancer that ends TLS would.
    def make_cookies(self, response, request):
        made = super().make_cookies(response, request)
        for cookie in made:
            cookie.secure = False
        return made


# Filled once at the start from the API, so role pages, filters and bookings use what the database holds.
catalogue: dict[str, list] = {"slugs": [], "families": [], "events": []}
_addresses = itertools.count(1)
_pupils = itertools.count(0)


def _address(n: int) -> str:
    # 100.64.0.0/10 is the carrier-grade NAT range phones on mobile data really come from.
    return f"100.{64 + (n >> 16) % 64}.{(n >> 8) % 256}.{n % 256}"


def _token(html: str) -> str:
    found = CSRF.search(html)
    return found.group(1) if found else ""


def _think(low: float, high: float) -> None:
    gevent.sleep(random.uniform(low, high) * THINK)


@events.test_start.add_listener
def _read_catalogue(environment, **_) -> None:
    import requests

    headers = {"X-Forwarded-For": "192.0.2.250"}
    base = environment.host.rstrip("/")
    page, slugs, families = 1, [], set()
    while page:
        body = requests.get(f"{base}/api/v1/roles", params={"page": page, "per_page": 100}, headers=headers,
                            timeout=30).json()
        slugs += [role["slug"] for role in body["roles"]]
        families |= {role["family"] for role in body["roles"]}
        page = page + 1 if body.get("next") else 0
    catalogue["slugs"], catalogue["families"] = slugs, sorted(families)
    found = requests.get(f"{base}/api/v1/events", headers=headers, timeout=30).json()
    catalogue["events"] = [event["id"] for event in found.get("events", [])]
    summary.started = time.monotonic()


class Summary:
    """Every response time, pages and API apart, so the runner's percentiles are exact rather than merged."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {"pages": [], "api": []}
        self.errors: dict[str, int] = {"pages": 0, "api": 0}
        self.failures: dict[str, int] = {}
        self.started = time.monotonic()

    def add(self, name: str, response_time: float, exception) -> None:
        group = "api" if name.startswith("/api/") else "pages"
        self.times[group].append(response_time)
        if exception is not None:
            self.errors[group] += 1
            key = f"{name}: {str(exception)[:120]}"
            self.failures[key] = self.failures.get(key, 0) + 1

    def write(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as out:
            json.dump({"seconds": time.monotonic() - self.started, "times": self.times, "errors": self.errors,
                       "failures": self.failures}, out)


summary = Summary()


@events.request.add_listener
def _count(name, response_time, exception, **_) -> None:
    summary.add(name, response_time, exception)


@events.test_stop.add_listener
def _write_summary(**_) -> None:
    for greenlet in _boards:
        greenlet.kill(block=False)
    if os.environ.get("LOAD_SUMMARY"):
        summary.write(os.environ["LOAD_SUMMARY"])


class Visitor(HttpUser):
    """Shared by every kind of person: their own address, a browser's cookies, and the page helpers."""

    abstract = True
    address = ""

    def on_start(self) -> None:
        self.address = self.address or _address(next(_addresses))
        self.client.headers["X-Forwarded-For"] = self.address
        self.client.cookies = _LoopbackCookies()

    def page(self, path: str, name: str, **kwargs):
        with self.client.get(path, name=name, catch_response=True, **kwargs) as response:
            if response.status_code >= 400:
                response.failure(f"{response.status_code}")
            return response

    def post_form(self, path: str, name: str, data: dict, **kwargs):
        with self.client.post(path, name=name, data=data, allow_redirects=False, catch_response=True,
                              **kwargs) as response:
            if response.status_code >= 400:
                # A 400 here is usually the "send it again" page of a stale CSRF token: say which.
                why = "stale form" if "csrf" in response.text.lower() else ""
                response.failure(f"{response.status_code} {why}".strip())
            return response

    def role_slug(self) -> str:
        return random.choice(catalogue["slugs"]) if catalogue["slugs"] else "nurse"

    def take_quiz(self, htmx: bool, words: str | None = None) -> str:
        """The quiz as a browser takes it: each step's form posted with its token, then the results page."""
        html = self.page("/quiz/1", "/quiz/[step]").text
        number = 1
        while True:
            _think(2, 7)  # reading a question and tapping an answer
            data = _answer(html, words)
            headers = {"HX-Request": "true", "HX-Target": "quiz"} if htmx else {}
            answered = self.post_form(f"/quiz/{number}", "/quiz/[step] (answer)", data, headers=headers)
            if answered.status_code >= 400:
                return ""
            redirect = answered.headers.get("HX-Redirect") or answered.headers.get("Location") or ""
            if "/results" in redirect:
                break
            number += 1
            html = answered.text if htmx else self.page(f"/quiz/{number}", "/quiz/[step]").text
        results = self.page("/results", "/results")
        if htmx and (shown := SHOWN.search(results.text)):  # the beacon the page sends once it has loaded
            self.post_form("/results/shown", "/results/shown", {"shown": shown.group(1),
                                                                "csrf_token": _token(results.text)})
        return results.text

    def read_results(self, html: str) -> None:
        slugs = list(dict.fromkeys(ROLE_LINK.findall(html)))
        for slug in random.sample(slugs, min(len(slugs), random.randint(1, 3))):
            _think(4, 12)
            self.page(f"/roles/{slug}?from=results", "/roles/[slug]")
        if slugs and random.random() < 0.3:
            self.post_form("/results/not-for-me", "/results/not-for-me",
                           {"slug": random.choice(slugs), "csrf_token": _token(html)})


def _answer(html: str, words: str | None) -> dict:
    data: dict = {"csrf_token": _token(html)}
    boxes = CHOICE.findall(html)
    textarea = TEXTAREA.search(html)
    if random.random() < 0.1:  # every question can be skipped, and some are
        data["skip"] = "1"
    elif textarea:
        data[textarea.group(1)] = random.choice(OWN_WORDS) if words is None else words
    elif boxes:
        kind, name = boxes[0][0], boxes[0][1]
        values = [value for _, _, value in boxes]
        if kind == "radio":
            data[name] = random.choice(values)
        else:
            most = int(found.group(1)) if (found := MOST.search(html)) else len(values)
            data[name] = random.sample(values, random.randint(0, min(most, 3, len(values))))
    return data


class YoungPerson(Visitor):
    """Someone aged 14 to 24 on a phone, browsing between other things: each page is read for a while."""

    weight = 6
    wait_time = between(3 * THINK, 12 * THINK)

    @task(3)
    def home(self) -> None:
        self.page("/", "/")

    @task(4)
    def find_jobs(self) -> None:
        params = dict(random.choice(FILTERS))
        if catalogue["families"] and random.random() < 0.4:
            params["family"] = random.choice(catalogue["families"])
        self.page("/roles", "/roles (filters)", params=params)
        if random.random() < 0.3:
            _think(3, 8)
            self.page("/roles", "/roles (filters)", params={**params, "page": 2})

    @task(4)
    def search(self) -> None:
        self.page("/roles", "/roles?q=", params={"q": random.choice(SEARCH_WORDS)})

    @task(6)
    def role_page(self) -> None:
        self.page(f"/roles/{self.role_slug()}", "/roles/[slug]")

    @task(2)
    def quiz(self) -> None:
        self.page("/quiz", "/quiz")
        self.read_results(self.take_quiz(htmx=random.random() < 0.8))

    @task(1)
    def vacancies_near(self) -> None:
        self.page("/vacancies", "/vacancies?near=", params={"near": random.choice(NEAR)})

    @task(1)
    def events_near(self) -> None:
        self.page("/events", "/events?near=", params={"near": random.choice(NEAR)})
        if catalogue["events"]:
            _think(3, 8)
            self.page(f"/events/{random.choice(catalogue['events'])}", "/events/[id]")


class AppClient(Visitor):
    """A program using the API for a person on their phone: a school's site, a youth service's app."""

    weight = 2
    wait_time = between(2 * THINK, 8 * THINK)

    def api(self, method: str, path: str, name: str, **kwargs):
        with self.client.request(method, path, name=name, catch_response=True, **kwargs) as response:
            if response.status_code >= 400:
                response.failure(f"{response.status_code}")
            return response

    @task(4)
    def match(self) -> None:
        answers = {"activities": random.sample(["caring", "science", "computers", "active", "talking"], 2),
                   "study": random.choice(["asap", "some", "university", "unsure"])}
        self.api("POST", "/api/v1/match", "/api/v1/match",
                 json={"answers": answers, "interests": random.choice(OWN_WORDS), "limit": 10})

    @task(2)
    def roles(self) -> None:
        self.api("GET", "/api/v1/roles", "/api/v1/roles", params={"page": random.randint(1, 5)})

    @task(3)
    def role(self) -> None:
        self.api("GET", f"/api/v1/roles/{self.role_slug()}", "/api/v1/roles/[slug]")

    @task(3)
    def search(self) -> None:
        self.api("GET", "/api/v1/search", "/api/v1/search?q=", params={"q": random.choice(SEARCH_WORDS)})

    @task(1)
    def vacancies_near(self) -> None:
        self.api("GET", "/api/v1/vacancies", "/api/v1/vacancies?near=", params={"near": "LS9"})

    @task(1)
    def events_near(self) -> None:
        self.api("GET", "/api/v1/events", "/api/v1/events?near=", params={"near": "LS11"})

    @task(1)
    def book(self) -> None:
        if not catalogue["events"]:
            return
        event_id = random.choice(catalogue["events"])
        self.api("POST", f"/api/v1/events/{event_id}/bookings", "/api/v1/events/[id]/bookings", json={
            "first_name": random.choice(["Sam", "Aisha", "Kai", "Maya", "Leo"]),
            "contact": f"load-{uuid.uuid4().hex[:12]}@example.org",
            "age_band": random.choice(AGE_BANDS), "consent": True})


class Classroom:
    """One class session: the adviser signs in, starts it and projects the board, which polls until the end."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.address = f"198.51.100.{number % 250 + 1}"  # the school's one address, shared by its pupils
        self.code = ""
        self.ready = Event()
        self.nicknames = itertools.count(1)

    def run_adviser(self, user: HttpUser) -> None:
        client = HttpSession(user.host, request_event=user.environment.events.request, user=None)
        client.headers["X-Forwarded-For"] = self.address
        client.cookies = _LoopbackCookies()
        try:
            self.code, session_id = _start_session(client)
        finally:
            self.ready.set()
        if not session_id:
            return
        board = f"/adviser/sessions/{session_id}/board"
        client.get(board, name="/adviser/sessions/[id]/board")
        while True:  # the projector's htmx poll, for as long as the lesson lasts
            gevent.sleep(BOARD_POLL_SECONDS)
            client.get(board, name="/adviser/sessions/[id]/board (poll)",
                       headers={"HX-Request": "true", "HX-Target": "class-board"})


def _start_session(client: HttpSession) -> tuple[str, int]:
    email, password = ADVISER
    if not email:
        return "", 0
    form = client.get("/staff/sign-in", name="/staff/sign-in").text
    signed = client.post("/staff/sign-in", name="/staff/sign-in", allow_redirects=False,
                         data={"email": email, "password": password, "csrf_token": _token(form)})
    if signed.status_code != 303:
        return "", 0
    form = client.get("/adviser/sessions", name="/adviser/sessions").text
    made = client.post("/adviser/sessions", name="/adviser/sessions", allow_redirects=False,
                       data={"name": "Year 10 careers hour", "csrf_token": _token(form)})
    if made.status_code != 303:
        return "", 0
    session_id = int(made.headers["Location"].rsplit("/", 1)[1])
    view = client.get(f"/adviser/sessions/{session_id}", name="/adviser/sessions/[id]").text
    found = CLASS_CODE.search(view)
    return (found.group(1), session_id) if found else ("", 0)


_classes: dict[int, Classroom] = {}
_classes_lock = Semaphore()
_boards: list[gevent.Greenlet] = []


def _classroom(number: int, user: HttpUser) -> Classroom:
    with _classes_lock:
        if number not in _classes:
            _classes[number] = Classroom(number)
            _boards.append(gevent.spawn(_classes[number].run_adviser, user))
    return _classes[number]


class Pupil(Visitor):
    """A pupil in a careers lesson on a school Chromebook: joins the class with the code on the board, takes the quiz,
    reads the jobs that came up, then browses until the bell."""

    weight = 4
    wait_time = between(4 * THINK, 15 * THINK)

    def on_start(self) -> None:
        self.room = _classroom(next(_pupils) // CLASS_SIZE, self)
        self.address = self.room.address
        super().on_start()
        self.results = ""
        self.room.ready.wait(timeout=60)
        if self.room.code:
            _think(1, 20)  # typing the code from the board, not all at the same second
            form = self.page(f"/join?code={self.room.code}", "/join")
            nickname = f"{random.choice(NICKNAMES)} {next(self.room.nicknames)}"
            self.post_form("/join", "/join", {"code": self.room.code, "nickname": nickname,
                                              "csrf_token": _token(form.text)})
        self.results = self.take_quiz(htmx=True)
        self.read_results(self.results)

    @task(4)
    def role_page(self) -> None:
        self.page(f"/roles/{self.role_slug()}", "/roles/[slug]")

    @task(2)
    def search(self) -> None:
        self.page("/roles", "/roles?q=", params={"q": random.choice(SEARCH_WORDS)})

    @task(2)
    def back_to_results(self) -> None:
        self.read_results(self.page("/results", "/results").text)

    @task(1)
    def events(self) -> None:
        self.page("/events", "/events?near=", params={"near": random.choice(NEAR)})
