"""`careercompass serve --production` refuses what would be unsafe with real visitors, each in one line, and the
gunicorn set-up keeps its control socket beside its own data."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from careercompass.cli import main
from careercompass.server import _Server

READY = {"secret_key": "a-long-random-key", "public_url": "https://careers.example.org",
         "ratelimit_storage_uri": "redis://127.0.0.1:6379"}


def _environment(settings) -> dict[str, str]:
    return {key: value for key, value in settings.as_environment().items() if value}


@pytest.mark.parametrize(("change", "workers", "says"), [
    ({"secret_key": ""}, 2, "CAREERCOMPASS_SECRET_KEY"),
    ({"public_url": ""}, 2, "CAREERCOMPASS_PUBLIC_URL"),
    ({"public_url": "http://careers.example.org"}, 2, "https://"),
    ({"ratelimit_storage_uri": "memory://"}, 2, "CAREERCOMPASS_RATELIMIT_STORAGE_URI"),
    ({"web_nodes": 2}, 1, "SQLite serves one machine only"),
])
def test_serve_production_refuses_unsafe_settings_in_one_line(ready_settings, change, workers, says):
    settings = dataclasses.replace(ready_settings, **{**READY, **change})
    environment = _environment(settings)
    for name, value in change.items():  # an emptied setting must not come back from the test's environment
        if value == "":
            environment[settings.ENV_PREFIX + name.upper()] = ""
    result = CliRunner().invoke(main, ["serve", "--production", "--workers", str(workers)], env=environment)
    assert result.exit_code == 1, result.output
    assert says in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_memory_rate_limits_are_allowed_with_one_worker_on_one_node(ready_settings):
    from careercompass.server import check_production

    check_production(dataclasses.replace(ready_settings, **{**READY, "ratelimit_storage_uri": "memory://"}), 1)


def test_gunicorn_uses_threaded_workers_and_a_control_socket_of_its_own(ready_settings):
    server = _Server(ready_settings, workers=2)
    assert server.cfg.worker_class_str == "gthread" and server.cfg.threads >= 2
    assert server.cfg.control_socket.startswith(str(ready_settings.instance_dir))
    other = _Server(dataclasses.replace(ready_settings, port=5001), workers=2)
    assert other.cfg.control_socket != server.cfg.control_socket
