"""Feeds fetched from a web address (a real HTTP server on loopback), with timeouts and retries, or read from disk."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from careercompass.vacancies.sources import SourceUnavailable, read_source

FIXTURES = Path(__file__).with_name("fixtures")


class Feeds(BaseHTTPRequestHandler):
    """Serves the fixture files; /flaky fails twice with 503 before it answers; /missing is a 404; /silent never
    answers; /trickle answers a byte at a time, for ever."""

    calls: dict[str, int] = {}

    def do_GET(self):  # noqa: N802 (the name http.server asks for)
        Feeds.calls[self.path] = Feeds.calls.get(self.path, 0) + 1
        if self.path == "/flaky" and Feeds.calls[self.path] <= 2:
            self.send_response(503)
            self.end_headers()
            return
        if self.path == "/silent":
            time.sleep(5)
            return
        if self.path == "/trickle":
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:  # the importer gave up and went
                pass
            return
        if self.path == "/missing":
            self.send_response(404)
            self.end_headers()
            return
        body = (FIXTURES / "nhs_jobs_search.xml").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("X-Accept-Seen", self.headers.get("Accept", ""))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Feeds.calls = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Feeds)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_feed_is_fetched_from_a_web_address(server):
    [(name, data)] = read_source(f"{server}/feed", "nhs-jobs-xml")
    assert name.endswith("/feed") and data.startswith(b"<?xml")


def test_a_server_error_is_tried_again(server):
    [(_, data)] = read_source(f"{server}/flaky", "nhs-jobs-xml", pause=0.01)
    assert data.startswith(b"<?xml") and Feeds.calls["/flaky"] == 3


def test_a_missing_feed_is_not_asked_for_again_and_says_why(server):
    with pytest.raises(SourceUnavailable, match="answered 404"):
        read_source(f"{server}/missing", "nhs-jobs-xml", pause=0.01)
    assert Feeds.calls["/missing"] == 1


def test_a_server_that_is_not_there_fails_cleanly():
    with pytest.raises(SourceUnavailable, match="after 2 tries"):
        read_source("http://127.0.0.1:9/feed", "nhs-jobs-xml", attempts=2, pause=0.01)


def test_a_folder_gives_its_files_of_the_format_and_a_bad_path_is_named(tmp_path):
    assert [Path(name).name for name, _ in read_source(str(FIXTURES), "csv")] == ["bad_columns.csv",
                                                                                  "employer_template.csv"]
    with pytest.raises(SourceUnavailable, match="is not a file, a folder or a web address"):
        read_source(str(tmp_path / "nowhere.xml"), "nhs-jobs-xml")
    with pytest.raises(SourceUnavailable, match="holds no .xml files"):
        read_source(str(tmp_path), "nhs-jobs-xml")


def test_a_feed_that_never_answers_is_given_up_after_the_timeout(server):
    started = time.monotonic()
    with pytest.raises(SourceUnavailable, match="ReadTimeout.*after 2 tries"):
        read_source(f"{server}/silent", "nhs-jobs-xml", attempts=2, pause=0.01, timeout=0.5)
    assert time.monotonic() - started < 4


def test_a_feed_that_trickles_bytes_is_given_up_at_the_deadline_and_not_asked_again(server):
    started = time.monotonic()
    with pytest.raises(SourceUnavailable, match="still sending after 1 s"):
        read_source(f"{server}/trickle", "nhs-jobs-xml", pause=0.01, timeout=0.5, deadline=1)
    assert time.monotonic() - started < 4 and Feeds.calls["/trickle"] == 1
