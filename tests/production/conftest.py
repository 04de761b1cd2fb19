"""The production set-up, started once per test process for the tests that need it: a PostgreSQL schema with the
catalogue loaded, Redis for the rate limits, `serve --production` nodes, and nginx in front of the first."""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis

from careercompass.config import Settings
from careercompass.pipeline import initialise
from tests.conftest import _postgres_url_in_new_schema, make_settings
from tests.production.stack import NGINX, Nginx, Node, free_port, start_nginx, start_node, stop

REDIS_SERVER = "/usr/bin/redis-server"

PUBLIC_URL = "https://careers.test"
# CI sets this, so a missing part fails the run instead of skipping the tests that prove production holds.
REQUIRED = os.environ.get("CAREERCOMPASS_REQUIRE_PRODUCTION_STACK") == "1"


def _missing_part() -> str | None:
    if not NGINX.exists():
        return "nginx is not installed (apt-get install nginx-light)"
    if not os.path.exists(REDIS_SERVER):
        return "redis-server is not installed"
    if not os.environ.get("CAREERCOMPASS_TEST_POSTGRES_URL"):
        return "set CAREERCOMPASS_TEST_POSTGRES_URL to run the production set-up on PostgreSQL"
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=2).close()
    except OSError:
        return "Redis is not running at 127.0.0.1:6379"
    return None


class RedisServer:
    """A Redis of the tests' own on a loopback port (it keeps nothing on disk), so a drill can stop and start it
    without touching the machine's Redis, and no other test meets these counters."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.folder = folder
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder)], stdout=subprocess.DEVNULL, start_new_session=True)
        connection = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                connection.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def production_settings(tmp_path_factory, shared_models_dir, ready_settings, redis_server) -> Iterator[Settings]:
    """Settings as a production node has them, on a freshly loaded PostgreSQL schema of its own."""
    missing = _missing_part()
    if missing:
        if REQUIRED:
            pytest.fail(missing)
        pytest.skip(missing)
    urls = _postgres_url_in_new_schema()
    # Named, so a drill can find (and cut) exactly these nodes' connections on a shared server.
    url = next(urls) + f"&application_name=careercompass_nodes_{os.getpid()}"
    models = tmp_path_factory.mktemp("production-models")
    shutil.copy(shared_models_dir / "role_embeddings.npz", models / "role_embeddings.npz")
    settings = dataclasses.replace(
        make_settings(tmp_path_factory.mktemp("production-instance"), models, url),
        secret_key="the-same-long-random-key-on-every-node", public_url=PUBLIC_URL, trusted_hosts="127.0.0.1",
        proxy_count=1, ratelimit_storage_uri=redis_server.url, web_nodes=2,
    )
    initialise(settings)
    yield settings
    next(urls, None)  # drops the schema


def node_settings(base: Settings, folder: Path) -> Settings:
    """A node of its own: another port and a copy of the instance folder (its own search index)."""
    shutil.copytree(base.instance_dir, folder)
    return dataclasses.replace(base, instance_dir=folder, port=free_port())


@pytest.fixture(scope="session")
def nodes(production_settings, tmp_path_factory) -> Iterator[tuple[Node, Node]]:
    """Two nodes, started side by side (each takes a while to load the model): the first with two workers."""
    def start(name: str, workers: int) -> Node:
        folder = tmp_path_factory.mktemp(name)
        return start_node(node_settings(production_settings, folder / "instance"), workers, folder / "serve.log")

    with ThreadPoolExecutor(max_workers=2) as pool:
        starting = [pool.submit(start, "node-a", 2), pool.submit(start, "node-b", 1)]
    started = [future.result() for future in starting if future.exception() is None]
    if len(started) < 2:
        for node in started:
            node.stop()
        raise next(future.exception() for future in starting if future.exception() is not None)
    yield started[0], started[1]
    for node in started:
        node.stop()


@pytest.fixture(scope="session")
def first_node(nodes) -> Node:
    return nodes[0]


@pytest.fixture(scope="session")
def second_node(nodes) -> Node:
    return nodes[1]


@pytest.fixture(scope="session")
def proxy(first_node, tmp_path_factory) -> Iterator[Nginx]:
    server = start_nginx(tmp_path_factory.mktemp("nginx"), [first_node.settings.port])
    yield server
    server.stop()


@pytest.fixture
def fresh_counters(redis_server):
    """Each test starts with no requests counted against the loopback address."""
    connection = redis.Redis.from_url(redis_server.url)
    connection.flushdb()
    yield
    connection.close()
