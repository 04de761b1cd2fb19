"""The production set-up on loopback, for tests: `careercompass serve --production` nodes (gunicorn, threaded
workers) sharing PostgreSQL and Redis, with nginx in front using the repository's own proxy settings."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx

from careercompass.config import PROJECT_ROOT, Settings

NGINX = Path("/usr/sbin/nginx")
PROXY_SETTINGS = PROJECT_ROOT / "deploy" / "nginx" / "proxy.conf"
CLIENT_SETTINGS = PROJECT_ROOT / "deploy" / "nginx" / "clients.conf"
SITE_CONFIG = PROJECT_ROOT / "deploy" / "nginx" / "careercompass.conf"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, log: Path, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} stopped before it answered:\n{tail(log)}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds:g} s:\n{tail(log)}")


def tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else "(no log)"


def stop(process: subprocess.Popen) -> None:
    """Stop a process and everything it started (gunicorn's workers, the index writer), without the graceful
    wait a real restart would want."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=3)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@dataclass
class Node:
    """One web node: `careercompass serve --production` on its own port with its own instance folder."""

    settings: Settings
    process: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.settings.port}"

    def stop(self) -> None:
        stop(self.process)


def start_node(settings: Settings, workers: int, log: Path) -> Node:
    environment = {**os.environ, **settings.as_environment()}
    with log.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "careercompass.cli", "serve", "--production", "--workers", str(workers)],
            env=environment, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    node = Node(settings, process, log)
    try:
        wait_until_answering(f"{node.url}/livez", process, log)
    except RuntimeError:
        node.stop()
        raise
    return node


@dataclass
class Nginx:
    port: int
    process: subprocess.Popen
    folder: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        stop(self.process)


def _main_config(folder: Path, http_block: str) -> str:
    # Run as root (as CI does), nginx would hand requests to workers running as "nobody", who cannot enter the
    # test's private temporary folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                            "scgi"))
    return (f"{user}daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
            f"error_log {folder / 'error.log'} warn;\nevents {{ worker_connections 512; }}\n"
            f"http {{\n    access_log off;\n{temp}\n{http_block}\n}}\n")


def start_nginx(folder: Path, upstream_ports: list[int]) -> Nginx:
    """nginx on a loopback port in front of the given nodes, with deploy/nginx/clients.conf and proxy.conf as they
    are deployed."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=2 fail_timeout=10s;" for p in upstream_ports)
    http_block = (f"    upstream careercompass {{\n{servers}\n        keepalive 16;\n"
                  f"        keepalive_timeout 4s;  # as in careercompass.conf\n    }}\n"
                  f"    server {{\n        listen 127.0.0.1:{port};\n        server_name _;\n"
                  f"        include {CLIENT_SETTINGS};\n"
                  f"        error_page 502 504 /try-again.html;\n"
                  f"        location = /try-again.html {{ root {CLIENT_SETTINGS.parent}; internal; }}\n"
                  f"        location / {{\n            include {PROXY_SETTINGS};\n"
                  f"            proxy_pass http://careercompass;\n        }}\n    }}")
    config = folder / "nginx.conf"
    config.write_text(_main_config(folder, http_block))
    log = folder / "error.log"
    process = subprocess.Popen([str(NGINX), "-e", str(log), "-p", str(folder), "-c", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    server = Nginx(port, process, folder)
    try:
        wait_until_answering(f"{server.url}/livez", process, log, seconds=30)
    except RuntimeError:
        server.stop()
        raise
    return server


def check_site_config(folder: Path, certificate: Path, key: Path) -> subprocess.CompletedProcess:
    """`nginx -t` on deploy/nginx/careercompass.conf as shipped, with only its paths pointed at this checkout."""
    folder.mkdir(parents=True, exist_ok=True)
    site = SITE_CONFIG.read_text()
    site = site.replace("/srv/careercompass/", f"{PROJECT_ROOT}/")
    site = site.replace("/etc/ssl/careercompass/fullchain.pem", str(certificate))
    site = site.replace("/etc/ssl/careercompass/privkey.pem", str(key))
    (folder / "site.conf").write_text(site)
    config = folder / "nginx.conf"
    config.write_text(_main_config(folder, f"    include {folder / 'site.conf'};"))
    return subprocess.run([str(NGINX), "-t", "-e", str(folder / "error.log"), "-p", str(folder), "-c", str(config)],
                          check=False, capture_output=True, text=True, timeout=30)


class Traffic:
    """Requests sent one after another from a few threads until stopped; every answer's status is kept."""

    def __init__(self, url: str, threads: int = 4):
        self.url = url
        self.answers: list[tuple[float, int, str]] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, daemon=True) for _ in range(threads)]

    def _run(self) -> None:
        with httpx.Client(timeout=30) as client:
            while not self._stop.is_set():
                try:
                    answer = client.get(self.url)
                    self.answers.append((time.monotonic(), answer.status_code, answer.text[:2000]))
                except httpx.HTTPError as error:
                    self.answers.append((time.monotonic(), 0, type(error).__name__))

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def statuses(self, after: float = 0.0) -> Counter:
        return Counter(status for moment, status, _ in self.answers if moment >= after)
