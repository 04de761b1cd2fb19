"""The load test's mix (tests/load/locustfile.py), run briefly behind nginx, so it keeps working as the app changes:
every page, form and API call it makes must still succeed. Figures come from tests/load/run.py, not from here."""

from __future__ import annotations

import csv
import json
import os
import secrets
import subprocess
import sys

import pytest
from sqlalchemy import text

from careercompass.database import make_engine, make_session_factory, transaction
from careercompass.events.samples import load_sample_events
from careercompass.staff.accounts import add_user
from tests.load.run import LOCUSTFILE


@pytest.fixture
def tasters_and_adviser(production_settings):
    """Events to book and an adviser to run the class session; both gone afterwards."""
    engine = make_engine(production_settings.database_uri)
    email, password = f"load-{secrets.token_hex(4)}@example.org", secrets.token_urlsafe(16)
    with transaction(make_session_factory(engine)) as session:
        load_sample_events(session)
        adviser_id = add_user(session, email, "adviser", password).id
    yield email, password
    with engine.begin() as connection:  # bookings, event roles and pupils go with them (ON DELETE CASCADE)
        connection.execute(text("DELETE FROM events WHERE sample"))
        connection.execute(text("DELETE FROM class_sessions WHERE adviser_id = :id"), {"id": adviser_id})
    engine.dispose()


def test_the_load_mix_runs_without_a_failure(proxy, tasters_and_adviser, fresh_counters, tmp_path):
    email, password = tasters_and_adviser
    # Ten people from one address (this node believes only nginx), waits cut to a tenth so that a class joins and
    # finishes the quiz within the run, and still far under the site's per-address limits.
    environment = {**os.environ, "LOAD_ADVISER_EMAIL": email, "LOAD_ADVISER_PASSWORD": password,
                   "LOAD_CLASS_SIZE": "4", "LOAD_THINK": "0.1", "LOAD_SUMMARY": str(tmp_path / "summary.json")}
    finished = subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", proxy.url, "-u", "10",
         "-r", "5", "-t", "12s", "--csv", str(tmp_path / "mix"), "--only-summary", "--loglevel", "WARNING"],
        env=environment, capture_output=True, text=True, timeout=90, check=False)
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["failures"] == {}, summary["failures"]
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    with (tmp_path / "mix_stats.csv").open() as handle:
        routes = {f"{row['Type']} {row['Name']}" for row in csv.DictReader(handle)}
    assert {"GET /", "POST /join", "POST /quiz/[step] (answer)", "POST /staff/sign-in"} <= routes, routes
    assert summary["times"]["pages"] and summary["times"]["api"]
