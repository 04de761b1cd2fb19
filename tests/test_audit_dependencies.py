"""scripts/audit-dependencies: a known vulnerability fails CI; no reachable database says NOT AUDITED and passes.

No vulnerability database is reachable offline, so the vulnerable and clean cases run pip-audit for real against a
small OSV service on loopback that answers with a sample advisory (the real PYSEC-2018-28 for requests 2.19.1).
The PyPI service's behaviour when its JSON API is blocked (a 404 for every package, each then skipped) is checked
with a sample of the JSON pip-audit printed on such a machine.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path

import pytest

from careercompass.config import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "scripts" / "audit-dependencies"


def _load_script():
    """The script as a module (it has no .py suffix), to check how it reads pip-audit's JSON."""
    loader = SourceFileLoader("audit_dependencies", str(SCRIPT))
    module = module_from_spec(spec_from_loader(loader.name, loader))
    sys.modules[loader.name] = module  # dataclasses look their module up by name
    loader.exec_module(module)
    return module


audit = _load_script()

ADVISORY = {
    "id": "PYSEC-2018-28",
    "aliases": ["CVE-2018-18074", "GHSA-x84v-xcm2-53pg"],
    "summary": "Requests sends an HTTP Authorization header to an http URI upon receiving a same-hostname "
               "https-to-http redirect.",
    "affected": [{"package": {"name": "requests", "ecosystem": "PyPI"},
                  "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.20.0"}]}]}],
}


@pytest.fixture
def osv_url():
    """A loopback OSV query service that knows one advisory: requests 2.19.1."""

    class Answer(BaseHTTPRequestHandler):
        def do_POST(self):
            query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            known = query["package"]["name"] == "requests" and query["version"] == "2.19.1"
            body = json.dumps({"vulns": [ADVISORY]} if known else {}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1/query"
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=120, check=False)


def requirements(tmp_path: Path, text: str) -> str:
    path = tmp_path / "requirements.txt"
    path.write_text(text)
    return str(path)


def test_no_reachable_database_says_not_audited_and_lets_ci_go_on():
    done = run_script("--service", "osv", "--osv-url", f"http://127.0.0.1:{closed_port()}/v1/query", "--timeout", "2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("NOT AUDITED: ")
    assert len(done.stdout.strip().splitlines()) == 1
    assert "connection was refused" in done.stdout
    assert "No known vulnerabilities" not in done.stdout


def test_a_known_vulnerability_fails_and_is_listed(tmp_path, osv_url):
    done = run_script("--service", "osv", "--osv-url", osv_url,
                      "-r", requirements(tmp_path, "requests==2.19.1\nidna==3.10\n"))
    assert done.returncode == 1, done.stderr
    assert "Found 1 known vulnerability in 1 of 2 packages" in done.stdout
    assert "requests 2.19.1: PYSEC-2018-28 (CVE-2018-18074, GHSA-x84v-xcm2-53pg), fixed in 2.20.0." in done.stdout
    assert "NOT AUDITED" not in done.stdout


def test_the_installed_packages_without_a_known_vulnerability_pass(osv_url):
    done = run_script("--service", "osv", "--osv-url", osv_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("No known vulnerabilities in ")
    assert "careercompass" not in done.stdout  # the project itself is not audited


def test_a_failure_that_is_not_the_network_fails(tmp_path, osv_url):
    # An unpinned requirement cannot be audited without resolving it: pip-audit stops, and so must CI.
    done = run_script("--service", "osv", "--osv-url", osv_url, "-r", requirements(tmp_path, "requests\n"))
    assert done.returncode == 2
    assert "for a reason other than the network" in done.stderr


def test_every_package_skipped_is_not_a_clean_audit():
    # What pip-audit printed (with status 0 and "No known vulnerabilities found") where PyPI's JSON API answers 404.
    report = {"dependencies": [
        {"name": "flask", "skip_reason": "Dependency not found on PyPI and could not be audited: flask (3.1.3)"},
        {"name": "torch", "skip_reason": "Dependency not found on PyPI and could not be audited: torch (2.13.0+cpu)"},
    ], "fixes": []}
    outcome = audit.read_report("pypi", report)
    assert not outcome.reached
    assert outcome.why.startswith("all 2 packages were skipped")


def test_some_packages_skipped_still_counts_the_rest():
    report = {"dependencies": [
        {"name": "flask", "version": "3.1.3", "vulns": []},
        {"name": "jinja2", "version": "3.1.2", "vulns": [{"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"],
                                                           "aliases": ["CVE-2024-22195"], "description": "XSS"}]},
        {"name": "torch", "skip_reason": "Dependency not found on PyPI and could not be audited: torch (2.13.0+cpu)"},
    ], "fixes": []}
    outcome = audit.read_report("pypi", report)
    assert outcome.reached and outcome.audited == 2
    assert [d["name"] for d in outcome.vulnerable] == ["jinja2"]
    assert [d["name"] for d in outcome.skipped] == ["torch"]
