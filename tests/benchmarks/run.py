"""Benchmarks for the budgets in the README. Prints figures; never fails on timing (timed tests flake).

Run with:  .venv/bin/python -m tests.benchmarks.run
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml
from sqlalchemy import select

from careercompass import create_app
from careercompass.catalogue.facets import Selection, load_facet_table
from careercompass.config import PROJECT_ROOT, Settings
from careercompass.database import open_session
from careercompass.matching.engine import closest_in_meaning
from careercompass.matching.quiz import QUESTIONS
from careercompass.matching.service import load_match_data_from_settings
from careercompass.pipeline import initialise
from careercompass.search.explore import MEANING_CANDIDATES, explore
from careercompass.search.index import SearchIndex
from careercompass.search.lookup import lookup
from careercompass.web.security import limiter

REPEATS = 200
LAST_QUIZ_STEP = len(QUESTIONS)  # the words question
SEARCH_QUERIES = ["nurse", "nurese", "blood", "porter", "looking after children", "physio", "care home", "lab"]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(action, repeats: int = REPEATS) -> tuple[float, float]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        samples.append((time.perf_counter() - started) * 1000)
        # A refused request (a rate limit, say) answers in a fraction of the time: never count it as a figure.
        if getattr(result, "status_code", 200) != 200:
            raise RuntimeError(f"a timed request answered {result.status_code}, so its timing would mean nothing")
    return statistics.median(samples), percentile(samples, 0.95)


def report(name: str, p50: float, p95: float, budget: str) -> None:
    print(f"{name:<34} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   budget {budget}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pss_mb(pid: int) -> float:
    """Proportional set size: memory shared with the master after fork is split between the sharers."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="cc-bench-"))
    settings = Settings(instance_dir=workdir / "instance", models_dir=workdir / "models", secret_key="bench")
    try:
        started = time.perf_counter()
        summary = initialise(settings)
        print(f"careercompass init (fresh, {summary.roles} roles, embeddings built): "
              f"{time.perf_counter() - started:.1f} s   budget 60 s")
        started = time.perf_counter()
        initialise(settings)
        print(f"careercompass init (again, nothing changed): {time.perf_counter() - started:.1f} s")

        client = create_app(settings).test_client()
        # Rate limits off (after the app set them up): hundreds of requests a minute from one client is the point.
        limiter.enabled = False
        for name, url, budget in [
            ("home page", "/", "-"),
            ("browse all roles", "/roles", "-"),
            ("role page", "/roles/healthcare-support-worker", "30 ms"),
            ("search page", "/roles?q=nurse", "-"),
            ("search page, words and filters", "/roles?q=care&route=apprenticeship&shift=nights", "-"),
            ("suggestions as you type", "/search/suggest?q=heal", "-"),
            ("API: search", "/api/v1/search?q=blood+test", "-"),
            ("API: job title lookup", "/api/v1/roles/lookup?title=Band+6+Sister+-+Ward+7", "-"),
            ("API: all roles", "/api/v1/roles", "-"),
        ]:
            # The suggestions are only ever asked for by the page's script (htmx); opened as a page they redirect.
            headers = {"HX-Request": "true"} if url.startswith("/search/suggest") else {}
            report(name, *timed(lambda url=url, headers=headers: client.get(url, headers=headers)), budget)

        index = SearchIndex(settings.index_dir)
        queries = iter(SEARCH_QUERIES * REPEATS)
        report("search index query", *timed(lambda: index.search(next(queries))), "p95 20 ms")
        search_latency(settings, index)

        first_page_sizes(client)
        fragment = client.get("/roles?family=nursing", headers={"HX-Request": "true", "HX-Target": "results",
                                                                "Accept-Encoding": "br"})
        print(f"a filtered results fragment, as sent (brotli): {len(fragment.get_data()) / 1024:.1f} KB")

        match_latency(client, settings)
        vacancy_import(settings)
        report("vacancies page near LS9", *timed(lambda: client.get("/vacancies?near=LS9&within=10")), "-")
        report("vacancies page, words search", *timed(lambda: client.get("/vacancies?q=healthcare+support+worker")),
               "-")
        report("API: vacancies for a role", *timed(lambda: client.get("/api/v1/vacancies?role=phlebotomist&near=LS9")),
               "p95 20 ms")
        serve_and_measure(settings)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


VACANCY_RECORDS = 15_000
ADVERT_WORDS = ("patients", "ward", "team", "support", "care", "clinic", "community", "training", "shifts", "nights",
                "weekends", "hospital", "leeds", "nurse", "healthcare", "worker", "band", "experience", "service",
                "people", "skills", "role", "working", "staff", "apply", "hours", "rota", "caring", "friendly", "busy")


def vacancy_import(settings: Settings) -> None:
    """Import 15,000 JobPosting records (JSON Lines) in one transaction: the scale of a real national feed."""
    import json
    import random

    from careercompass.database import make_engine, make_session_factory, transaction
    from careercompass.vacancies.importer import Area
    from careercompass.vacancies.service import ImportRequest, run_import

    titles = [entry["title"] for entry in yaml.safe_load(
        (Path(__file__).resolve().parent.parent / "vacancies" / "advert_titles.yaml").read_text(encoding="utf-8"))]
    districts = [f"LS{n}" for n in range(1, 29)]
    rng = random.Random(7)
    lines = []
    for n in range(VACANCY_RECORDS):
        lines.append(json.dumps({
            "@context": "https://schema.org", "@type": "JobPosting", "title": rng.choice(titles),
            "identifier": {"@type": "PropertyValue", "name": "ref", "value": f"BENCH-{n}"},
            "hiringOrganization": {"@type": "Organization", "name": f"Employer {n % 400}"},
            "url": f"https://www.example.org/bench/{n}", "datePosted": "2026-11-20", "validThrough": "2027-01-31",
            # Common advert words, so a search for one of them matches thousands of adverts, as it would in a real feed.
            "description": "SAMPLE ADVERT: not a real vacancy. " + " ".join(rng.choices(ADVERT_WORDS, k=40)),
            "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Leeds",
                                                          "postalCode": f"{rng.choice(districts)} 1AA"}},
            "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP",
                           "value": {"@type": "QuantitativeValue", "minValue": 25272, "maxValue": 27476,
                                     "unitText": "YEAR"}},
        }))
    data = "\n".join(lines).encode()
    engine = make_engine(settings.database_uri)
    try:
        started = time.perf_counter()
        with transaction(make_session_factory(engine)) as session:
            summary = run_import(session, SearchIndex(settings.index_dir),
                                 ImportRequest("bench.jsonl", "jobposting", Area(settings.vacancy_area_km), 365),
                                 files=[("bench.jsonl", data)])
        took = time.perf_counter() - started
    finally:
        engine.dispose()
    print(f"vacancy import, {VACANCY_RECORDS:,} JobPosting records: {took:.1f} s, {VACANCY_RECORDS / took:,.0f} records "
          f"a second ({summary.line})   budget under 60 s")
    from careercompass.search import vacancy_index
    from careercompass.vacancies.service import search_documents, update_search

    engine = make_engine(settings.database_uri)
    try:
        with make_session_factory(engine)() as session:
            started = time.perf_counter()
            held = vacancy_index.rebuild(session, search_documents(session))
            session.commit()
            print(f"vacancy words rebuilt whole: {held:,} adverts in {time.perf_counter() - started:.1f} s")
        extra = [line.replace("BENCH-", "BENCH-EXTRA-").replace("/bench/", "/bench/extra-") for line in lines[:300]]
        with transaction(make_session_factory(engine)) as session:
            summary = run_import(session, SearchIndex(settings.index_dir),
                                 ImportRequest("extra.jsonl", "jobposting", Area(settings.vacancy_area_km), 365),
                                 files=[("extra.jsonl", "\n".join(extra).encode())])
        with make_session_factory(engine)() as session:
            started = time.perf_counter()
            update_search(session, summary.changed_ids, summary.deleted_ids)
            session.commit()
            print(f"vacancy words after an import of 300 more: {len(summary.changed_ids)} adverts written in "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms, not rebuilt")
        words = iter(["nurse", "healthcare support worker", "porter nights", "band 5 physiotherapist", "apprentice"]
                     * 40)
        with make_session_factory(engine)() as session:
            report("vacancy words search (15,300 adverts)",
                   *timed(lambda: vacancy_index.search(session, next(words)).ids), "p95 20 ms")
    finally:
        engine.dispose()


MATCH_TEXTS = [f"I like {a} and {b}" for a in ("fixing bikes", "art", "science", "football", "music", "babies",
                                                   "computers", "cooking", "animals", "reading")
               for b in ("gaming", "helping my nan", "chemistry", "running", "drawing", "talking to people",
                         "puzzles", "being outdoors", "driving", "dancing")]


def first_page_sizes(client) -> None:
    """The home page and everything it links, as the app sends them: plain, and compressed as a browser asks."""
    html = client.get("/", headers={"Accept-Encoding": "identity"}).get_data(as_text=True)
    urls = ["/", *re.findall(r'(?:href|src)="(/(?:static/|family-colours)[^"]+)"', html)]
    sizes = {}
    for encoding in ("identity", "gzip", "br"):
        total = 0
        for url in urls:
            response = client.get(url, headers={"Accept-Encoding": encoding})
            total += len(response.get_data())
            response.close()
        sizes[encoding] = total
    print(f"first page and its {len(urls) - 1} files: {sizes['identity'] / 1024:.1f} KB plain, "
          f"{sizes['gzip'] / 1024:.1f} KB gzip, {sizes['br'] / 1024:.1f} KB brotli   budget 100 KB")


# A phone on a poor mobile signal: 400 kilobits a second each way, 400 ms before anything comes back.
SLOW_PHONE = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}


def first_visit_on_a_slow_phone(port: int) -> None:
    """A first visit (nothing cached) to the home page in Chromium with its network slowed, then the next page.

    Bytes on the wire are what Chromium received (headers and bodies, as compressed). "Asking for no
    compression" is the same visit with Accept-Encoding: identity, which is what every response was before.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("first visit on a slow phone: skipped (playwright is not installed)")
        return
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        print("first visit on a slow phone: skipped (chromium is not installed)")
        return
    base = f"http://127.0.0.1:{port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            warm = browser.new_page()  # both workers render these pages once before anything is timed
            for url in ["/", "/roles"] * 4:
                warm.goto(base + url)
            warm.close()
            for label, headers in [("asking for no compression", {"Accept-Encoding": "identity"}), ("compressed", {}),
                                   ("asking for no compression", {"Accept-Encoding": "identity"}), ("compressed", {})]:
                context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
                page = context.new_page()
                network = context.new_cdp_session(page)
                received = [0]
                network.on("Network.loadingFinished", lambda event: received.__setitem__(
                    0, received[0] + int(event["encodedDataLength"])))
                network.send("Network.enable")
                network.send("Network.emulateNetworkConditions", SLOW_PHONE)
                if headers:
                    network.send("Network.setExtraHTTPHeaders", {"headers": headers})
                for step, url in [("first visit, home page", "/"), ("then a second page", "/roles")]:
                    received[0] = 0
                    started = time.perf_counter()
                    page.goto(base + url, wait_until="load")
                    took = time.perf_counter() - started
                    page.wait_for_timeout(200)  # the last loadingFinished events
                    print(f"slow phone (400 kbps, 400 ms), {label}, {step}: {received[0] / 1024:.1f} KB "
                          f"on the wire, loaded in {took:.1f} s")
                context.close()
        finally:
            browser.close()


def search_latency(settings: Settings, index: SearchIndex) -> None:
    """The labelled queries through the whole search (words, filters, meaning), split by which path they took."""
    labelled = yaml.safe_load((PROJECT_ROOT / "tests/search/labelled_queries.yaml").read_text())["queries"]
    titles = yaml.safe_load((PROJECT_ROOT / "tests/search/vacancy_titles.yaml").read_text())["titles"]
    data = load_match_data_from_settings(settings)
    with open_session(settings.database_uri) as session:
        table = load_facet_table(session)

    def similar(text):
        return closest_in_meaning(data, text, MEANING_CANDIDATES)

    similar("warm the model up")
    words_only, with_meaning, found = [], [], 0
    for _ in range(3):
        for case in labelled:
            started = time.perf_counter()
            result = explore(table, index, case["q"], Selection(), similar)
            took = (time.perf_counter() - started) * 1000
            (with_meaning if result.used_meaning else words_only).append(took)
            found += bool(set(case["expect"]) & set(result.slugs[:5]))
    everything = words_only + with_meaning
    print(f"labelled queries: {found // 3}/{len(labelled)} have a right role in the top five")
    report(f"search, all {len(labelled)} labelled queries", percentile(everything, 0.5), percentile(everything, 0.95),
           "p95 20 ms")
    report(f"  answered by words alone ({len(words_only) // 3})", percentile(words_only, 0.5),
           percentile(words_only, 0.95), "-")
    report(f"  helped by meaning ({len(with_meaning) // 3})", percentile(with_meaning, 0.5),
           percentile(with_meaning, 0.95), "-")
    suggest_words = iter([case["q"][:n] for case in labelled for n in (2, 4, 6)] * 2)
    report("suggestions (index only)", *timed(lambda: index.suggest(next(suggest_words))), "-")
    top, timings = 0, []
    for case in titles:
        started = time.perf_counter()
        result = lookup(index, case["title"])
        timings.append((time.perf_counter() - started) * 1000)
        top += bool(result.best) and result.best.slug in {case["role"], *case.get("also", [])}
    print(f"job title lookup: {top}/{len(titles)} linked to the right role first")
    report("job title lookup", percentile(timings, 0.5), percentile(timings, 0.95), "-")


def match_latency(client, settings: Settings) -> None:
    """A match against the time to embed its text alone (new text each time, so no cache helps either)."""
    from careercompass.matching.embeddings import encode

    encode(settings.embedding_model_dir, ["warm up"])
    client.post("/api/v1/match", json={"interests": "warm up"})
    texts = iter(MATCH_TEXTS)
    embed = timed(lambda: encode(settings.embedding_model_dir, [next(texts) + " alone"]), repeats=len(MATCH_TEXTS))
    texts = iter(MATCH_TEXTS)
    answers = {"activities": ["caring", "science"], "people": "lots", "study": "some"}
    matched = timed(lambda: client.post("/api/v1/match", json={"answers": answers, "interests": next(texts)}),
                    repeats=len(MATCH_TEXTS))
    report("embed one text alone", *embed, "-")
    report("match (quiz + new text, via the API)", *matched, "p95 60 ms")
    print(f"match / embed at p95: {matched[1] / embed[1]:.1f}x   budget under 3x")


def class_of_thirty(port: int) -> None:
    """Thirty pupils press 'See my jobs' at the same moment."""
    import json
    from concurrent.futures import ThreadPoolExecutor

    def one(i: int) -> float:
        body = json.dumps({"answers": {"activities": ["caring"]}, "interests": MATCH_TEXTS[i]}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/match", data=body,
                                         headers={"Content-Type": "application/json"})
        started = time.perf_counter()
        urllib.request.urlopen(request, timeout=30).read()
        return time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=30) as pool:
        latencies = sorted(pool.map(one, range(30)))
    print(f"a class of 30 matching at once: slowest {latencies[-1]:.2f} s, median {latencies[15]:.2f} s"
          f"   budget every result within 1.5 s")


BENCH_PASSWORD = "benchmark password 1"


def add_bench_adviser(settings: Settings) -> None:
    from careercompass.staff import accounts

    with open_session(settings.database_uri) as session:
        if session.scalar(select(accounts.StaffUser).where(accounts.StaffUser.email == "bench@example.org")) is None:
            accounts.add_user(session, "bench@example.org", "adviser", BENCH_PASSWORD)
            session.commit()


def class_session_under_load(port: int) -> None:
    """A class of 30 joins a session and finishes the quiz within the same minute, through the real forms (CSRF
    tokens, cookies), while the projector polls the board every 2 seconds. Every request is timed."""
    import http.cookiejar
    import threading
    import urllib.parse
    from concurrent.futures import ThreadPoolExecutor

    base = f"http://127.0.0.1:{port}"
    token_pattern = re.compile(r'name="csrf_token" value="([^"]+)"')
    timings: list[float] = []
    lock = threading.Lock()

    def browser():
        return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def fetch(opener, path: str, form: dict | None = None) -> str:
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        started = time.perf_counter()
        with opener.open(base + path, data=data, timeout=30) as response:
            body = response.read().decode()
        with lock:
            timings.append(time.perf_counter() - started)
        return body

    def form_token(opener, path: str) -> str:
        return token_pattern.search(fetch(opener, path)).group(1)

    adviser = browser()
    fetch(adviser, "/staff/sign-in", {"csrf_token": form_token(adviser, "/staff/sign-in"),
                                      "email": "bench@example.org", "password": BENCH_PASSWORD})
    page = fetch(adviser, "/adviser/sessions", {"csrf_token": form_token(adviser, "/adviser/sessions"),
                                                "name": "Benchmark class"})
    code = re.search(r'class="board__code">([A-Z0-9-]{7})<', page).group(1)
    session_path = re.search(r'href="(/adviser/sessions/\d+)/board"', page).group(1)
    timings.clear()
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            fetch(adviser, session_path + "/board.json")
            done.wait(2)

    def pupil(number: int) -> None:
        me = browser()
        fetch(me, "/join", {"csrf_token": form_token(me, "/join"), "code": code, "nickname": f"Bench {number}"})
        step = f"/quiz/{LAST_QUIZ_STEP}"
        fetch(me, step, {"csrf_token": form_token(me, step), "interests": MATCH_TEXTS[number]})

    poller = threading.Thread(target=poll)
    poller.start()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=30) as pool:
        list(pool.map(pupil, range(30)))
    took = time.perf_counter() - started
    done.set()
    poller.join()
    finished = json.loads(fetch(adviser, session_path + "/board.json"))["finished"]
    ordered = sorted(timings)
    print(f"a class session, 30 pupils joining and finishing at once with the board polled: {len(ordered)} requests "
          f"in {took:.1f} s, slowest {ordered[-1]:.2f} s, p95 {percentile(ordered, 0.95):.2f} s, {finished} finished"
          f"   budget every request within 1.5 s")


def serve_and_measure(settings: Settings) -> None:
    add_bench_adviser(settings)
    port = free_port()
    environment = {
        **os.environ,
        "CAREERCOMPASS_INSTANCE_DIR": str(settings.instance_dir),
        "CAREERCOMPASS_MODELS_DIR": str(settings.models_dir),
        "CAREERCOMPASS_PORT": str(port),
    }
    executable = Path(sys.executable).with_name("careercompass")
    started = time.perf_counter()
    server = subprocess.Popen([str(executable), "serve"], env=environment, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        ready = None
        while time.perf_counter() - started < 60:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                    if response.status == 200:
                        ready = time.perf_counter() - started
                        break
            except OSError:
                time.sleep(0.1)
        print(f"app ready to serve: {ready:.1f} s   budget 10 s" if ready else "app did not start within 60 s")
        for url in ["/", "/roles", "/roles/porter", "/roles?q=care"] * 10:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=5).read()
        class_of_thirty(port)  # warms both workers' matchers too
        class_of_thirty(port)
        class_session_under_load(port)
        first_visit_on_a_slow_phone(port)
        children = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
        workers = [rss_mb(int(pid)) for pid in children]
        shared = [pss_mb(int(pid)) for pid in children]
        print(f"two workers, resident memory (RSS, counts shared pages twice): {sum(workers):.0f} MB "
              f"({', '.join(f'{w:.0f}' for w in workers)}); master {rss_mb(server.pid):.0f} MB")
        print(f"two workers, proportional memory (PSS): {sum(shared):.0f} MB; with the master "
              f"{sum(shared) + pss_mb(server.pid):.0f} MB   budget 800 MB for two workers")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
