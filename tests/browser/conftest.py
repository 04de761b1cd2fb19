"""Browser tests drive Debian's chromium through Playwright against the app served on a local port."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-4.14.1.min.js").read_text()
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DEVICES = {
    "phone": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}


# What a page should come to show is waited for up to 15 s, not Playwright's 5: the suite runs these beside the rest on
# two shared cores, where a suggestion or a redraw has taken longer than 5 s. A page that never shows it still fails.
expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CAREERCOMPASS_REQUIRE_BROWSER"):
            pytest.fail(f"chromium is required but not found at {CHROMIUM}")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        # Quiet flags: this machine has no network, and chromium's background calls would only fail.
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }


def serving(app):
    """The app served on a free loopback port in a thread; yields its address."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_settings(tmp_path_factory, ready_settings):
    """A copy of the ready app's files for the browser tests: what they save or book stays there, and nothing the
    rest of the suite does to the shared database file reaches the pages they load."""
    from tests.conftest import staff_area_settings

    return staff_area_settings(tmp_path_factory, ready_settings)


@pytest.fixture(scope="session")
def browser_app(browser_settings):
    from tests.conftest import app_for

    return app_for(browser_settings)


@pytest.fixture(scope="session")
def live_server(browser_app):
    yield from serving(browser_app)


@pytest.fixture(scope="module")
def staff_server(tmp_path_factory, staff_area_template):
    """A copy of the staff area's files served for one test module, so what it books or changes stays there."""
    from tests.conftest import app_for, staff_area_settings

    yield from serving(app_for(staff_area_settings(tmp_path_factory, staff_area_template)))


@pytest.fixture(params=list(DEVICES))
def device(request) -> str:
    return request.param


@pytest.fixture
def device_page(browser, device):
    context = browser.new_context(**DEVICES[device])
    page = context.new_page()
    page.console_errors = []

    def record(message) -> None:
        # The error page itself answers 404 on purpose; any other failed load or policy violation counts.
        if message.type == "error" and message.location.get("url") != page.url:
            page.console_errors.append(message.text)

    page.on("console", record)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        # Only violations are read, so axe is asked to detail only those: it then skips listing every node that
        # passed, which is most of its time on a long page.
        """async () => await axe.run(document, {
            resultTypes: ['violations'],
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
        })"""
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def save_screenshot(page, name: str) -> None:
    """Screenshots for people to look at, only when CAREERCOMPASS_SCREENSHOTS names a folder."""
    folder = os.environ.get("CAREERCOMPASS_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)
