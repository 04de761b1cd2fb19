"""What paging and ETags save on GET /api/v1/roles: the old body with every role, one page, and a 304 revalidation,
measured in the same run through the whole app (security headers, compression). Prints figures; never fails on
timing.

Run with:  .venv/bin/python -m pytest -p no:cacheprovider -q -m benchmark tests/benchmarks/test_roles_api.py
"""

from __future__ import annotations

import pytest
from flask import jsonify

from careercompass import create_app
from careercompass.catalogue import queries
from careercompass.web.api import role_summary
from careercompass.web.resources import db
from tests.benchmarks.run import timed

pytestmark = pytest.mark.benchmark


@pytest.fixture(autouse=True)
def only_when_asked(request):
    if "benchmark" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("a benchmark: run it with -m benchmark")


def every_role_in_one_body():
    """The list as it was before paging: all roles in one body."""
    database = db()
    pay = queries.PayCalculator(database)
    found = queries.list_roles(database)
    return jsonify({"count": len(found), "roles": [role_summary(role, pay.figures(role)) for role in found]})


def test_a_page_and_a_revalidation_against_the_whole_list(ready_settings, capsys):
    app = create_app(ready_settings)
    app.add_url_rule("/bench/all-roles", view_func=every_role_in_one_body)
    client = app.test_client()
    page = "/api/v1/roles?page=3"
    figures = []
    for encoding in ("identity", "gzip"):
        headers = {"Accept-Encoding": encoding}
        whole = client.get("/bench/all-roles", headers=headers)
        first = client.get(page, headers=headers)
        revalidate = {**headers, "If-None-Match": first.headers["ETag"]}
        assert client.get(page, headers=revalidate).status_code == 304
        figures += [
            (f"all roles in one body ({encoding})", len(whole.data),
             timed(lambda h=headers: client.get("/bench/all-roles", headers=h), repeats=20)),
            (f"one page of 50 ({encoding})", len(first.data),
             timed(lambda h=headers: client.get(page, headers=h), repeats=100)),
            (f"304 revalidation ({encoding})", 0,
             timed(lambda h=revalidate: client.get(page, headers=h), repeats=300)),
        ]
    with capsys.disabled():
        print()
        for name, size, (p50, p95) in figures:
            print(f"API roles: {name:<32} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   {size / 1024:6.1f} KB sent")
