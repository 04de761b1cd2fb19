"""Run the app under gunicorn from Python, so `careercompass serve` needs no separate config file."""

from __future__ import annotations

import os
import subprocess
import sys

from gunicorn.app.base import BaseApplication

from careercompass import create_app
from careercompass.config import Settings
from careercompass.logs import serving_config

# Threads let a worker go on serving while one request waits on a slow client; the proxy in front (deploy/nginx)
# buffers whole requests, so no client can pin a worker. Two workers for two cores; the model is shared.
THREADS_PER_WORKER = 4
REQUEST_TIMEOUT_SECONDS = 30


class _Server(BaseApplication):
    def __init__(self, settings: Settings, workers: int, threads: int = THREADS_PER_WORKER):
        self.settings = settings
        self.workers = workers
        self.threads = threads
        super().__init__()

    def load_config(self) -> None:
        self.cfg.set("bind", f"{self.settings.host}:{self.settings.port}")
        self.cfg.set("workers", self.workers)
        self.cfg.set("worker_class", "gthread")
        self.cfg.set("threads", self.threads)
        self.cfg.set("timeout", REQUEST_TIMEOUT_SECONDS)
        self.cfg.set("graceful_timeout", REQUEST_TIMEOUT_SECONDS)
        self.cfg.set("keepalive", 5)  # deploy/nginx keeps idle connections 4 s, less, so it never reuses a closed one
        self.cfg.set("limit_request_line", 4094)
        self.cfg.set("limit_request_fields", 60)
        # gunicorn's control socket defaults to one path in the home folder, so a second instance on the same
        # machine would take over the first's: each instance keeps its own beside its data.
        self.cfg.set("control_socket", str(self.settings.instance_dir / f"gunicorn-{self.settings.port}.ctl"))
        self.cfg.set("preload_app", True)  # load once, share memory between workers
        # JSON lines, gunicorn's own too; its access log prints query strings (people's words), so the app's line
        # (careercompass/web/request_log.py) stands in for it.
        self.cfg.set("accesslog", None)
        self.cfg.set("logconfig_dict", serving_config())
        self.cfg.set("post_worker_init", _warm_worker)
        self.cfg.set("when_ready", _start_index_writer)
        self.cfg.set("on_exit", _stop_index_writer)

    def load(self):
        app = create_app(self.settings)
        app.extensions["careercompass"].matcher.warm_up()  # the model's memory is then shared by the workers
        return app


def _warm_worker(worker) -> None:
    """In each worker, before it takes requests: one thread for the model (a worker per core), and the
    matcher's data loaded, so the first class to press 'See my jobs' does not wait for it."""
    import torch

    torch.set_num_threads(1)
    matcher = worker.wsgi.extensions["careercompass"].matcher
    try:
        matcher.data()
    except Exception:  # noqa: BLE001 - a missing index must not stop the site; the match API reports it
        worker.log.exception("Could not load the matcher's data")


# Workers only read the search index. One process writes it: this one, started beside the workers, which
# rebuilds the index whenever the database changes, so edits reach search and filters without a restart.
INDEX_CHECK_SECONDS = 5
_index_writer: list[subprocess.Popen] = []


def _start_index_writer(server) -> None:
    settings: Settings = server.app.settings
    _index_writer.append(subprocess.Popen(
        [sys.executable, "-m", "careercompass.cli", "reindex", "--follow", str(INDEX_CHECK_SECONDS)],
        stdout=subprocess.DEVNULL, env={**os.environ, **settings.as_environment()},
    ))


def _stop_index_writer(server) -> None:
    for process in _index_writer:
        process.terminate()
        process.wait(timeout=10)


def check_can_serve(settings: Settings) -> None:
    """Refuse to start, with one line saying what to do, rather than start a site that can only fail."""
    from careercompass.database import check_ready
    from careercompass.matching.embeddings import EmbeddingsUnreadable, RoleEmbeddings, load_model
    from careercompass.matching.service import EmbeddingsMissing
    from careercompass.search.index import SearchUnavailable, index_exists

    check_ready(settings.database_uri)
    load_model(settings.embedding_model_dir)  # checks the weights' hash; kept for the workers, so it is done once
    try:
        stored = RoleEmbeddings.load(settings.role_embeddings_path)
    except EmbeddingsUnreadable as error:
        raise EmbeddingsMissing(f"{error}. Run `careercompass init` to build it again.") from None
    if stored is None:
        raise EmbeddingsMissing(f"There are no role embeddings in {settings.models_dir}. Run `careercompass init`.")
    if not index_exists(settings.index_dir):
        raise SearchUnavailable(f"There is no search index in {settings.index_dir}. Run `careercompass init`.")


class NotForProduction(RuntimeError):
    """A setting that would be unsafe or wrong with real visitors; the message says which and what to do."""


def check_production(settings: Settings, workers: int) -> None:
    """What `serve --production` refuses, each with one line."""
    if not settings.secret_key:
        raise NotForProduction("Set CAREERCOMPASS_SECRET_KEY (the same on every node): a generated key is not "
                               "shared between machines and is lost with the instance folder.")
    if not settings.served_over_https:
        raise NotForProduction("Set CAREERCOMPASS_PUBLIC_URL to the site's https:// address: links, QR codes "
                               "and trusted hosts come from it.")
    if settings.ratelimit_storage_uri.startswith("memory://") and (workers > 1 or settings.web_nodes > 1):
        raise NotForProduction("Set CAREERCOMPASS_RATELIMIT_STORAGE_URI to Redis (redis://127.0.0.1:6379): with "
                               "memory:// each worker counts on its own, so every limit is multiplied.")
    if settings.embedded_default and settings.web_nodes > 1:
        raise NotForProduction("SQLite serves one machine only: set CAREERCOMPASS_DATABASE_URL to PostgreSQL "
                               "for more than one node.")


def run(settings: Settings, workers: int = 2) -> None:
    _Server(settings, workers).run()
