"""Faults beyond the app, on the production set-up: the database's connections cut (as a PostgreSQL restart cuts
them), Redis stopped and started, and a worker killed in the middle of requests. Each says what a person sees.
(The mail server down and a feed that hangs are in tests/web/test_event_pages.py and tests/vacancies/test_sources.py.)
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

from tests.production.stack import Traffic


def test_cut_database_connections_are_replaced_and_no_request_fails(first_node, production_settings):
    """A restart of PostgreSQL ends every connection the pool holds; pre-ping finds each dead one before use."""
    engine = create_engine(production_settings.database_uri)
    with Traffic(f"{first_node.url}/roles/adult-nurse") as traffic:
        time.sleep(2)
        with engine.begin() as connection:
            cut = connection.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = :name AND pid <> pg_backend_pid()"),
                {"name": production_settings.database_uri.rsplit("application_name=", 1)[1]}).scalar()
        cut_at = time.monotonic()
        time.sleep(3)
    engine.dispose()
    assert cut >= 1  # the node's pooled connections were there to cut
    assert traffic.statuses(after=cut_at)[200] > 10
    assert set(traffic.statuses()) == {200}, traffic.statuses()


def test_with_redis_down_pages_are_served_without_limits_and_health_says_so(first_node, redis_server,
                                                                           fresh_counters):
    redis_server.stop()
    try:
        pages = [httpx.get(f"{first_node.url}/roles", timeout=30).status_code for _ in range(3)]
        posts = [httpx.post(f"{first_node.url}/api/v1/events/1/bookings", json={}, timeout=30).status_code
                 for _ in range(24)]  # over the booking limit of 20, which cannot be counted now
        health = httpx.get(f"{first_node.url}/healthz", timeout=30)
    finally:
        redis_server.start()
    assert pages == [200] * 3 and 429 not in posts
    assert health.status_code == 200 and health.json()["rate_limits"].startswith("not counting")
    assert "rate limit" in first_node.log.read_text(errors="replace").lower()  # and it was logged
    # Back again: counted from the next request, with no restart.
    deadline = time.monotonic() + 15
    while httpx.get(f"{first_node.url}/healthz", timeout=30).json()["rate_limits"] != "ok":
        assert time.monotonic() < deadline, "limits did not come back"
        time.sleep(0.5)
    again = [httpx.post(f"{first_node.url}/api/v1/events/1/bookings", json={}, timeout=30).status_code
             for _ in range(21)]
    assert again.count(429) == 1


def _workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children
            if b"reindex" not in Path(f"/proc/{pid}/cmdline").read_bytes()]  # the index writer is a child too


def test_a_worker_killed_mid_request_is_replaced_and_people_see_a_plain_page(first_node, proxy, fresh_counters):
    before = _workers(first_node.process.pid)
    assert len(before) == 2
    with Traffic(f"{proxy.url}/healthz", threads=6) as traffic:
        time.sleep(2)
        os.kill(before[0], signal.SIGKILL)
        killed_at = time.monotonic()
        deadline = killed_at + 30
        while len(set(_workers(first_node.process.pid)) - set(before)) < 1:
            assert time.monotonic() < deadline, "gunicorn did not start a new worker"
            time.sleep(0.2)
        replaced_at = time.monotonic()
        time.sleep(4)
    failed = [(status, body if status == 0 else "Sorry, that did not load" in body)
              for moment, status, body in traffic.answers if status != 200]
    # Only what the killed worker was holding fails: its requests, and nginx's idle connections to it. Those nginx
    # can still answer get our plain page; an answer the worker had begun to send when it died can only be cut off
    # (nginx has passed its first lines on already), which the client sees as the connection closing early.
    assert len(failed) <= 12, failed
    cut_off = [answer for answer in failed if answer == (0, "RemoteProtocolError")]
    assert len(cut_off) <= 2, failed
    assert all(answer == (502, True) for answer in failed if answer not in cut_off), failed
    settled = traffic.statuses(after=replaced_at + 2)
    assert settled[200] > 0 and set(settled) == {200}, settled
    assert len(_workers(first_node.process.pid)) == 2
