"""Run the app under gunicorn from Python, so `careercompass serve` needs no separate config file."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication

from careercompass import create_app
from careercompass.config import Settings


class _Server(BaseApplication):
    def __init__(self, settings: Settings, workers: int):
        self.settings = settings
        self.workers = workers
        super().__init__()

    def load_config(self) -> None:
        self.cfg.set("bind", f"{self.settings.host}:{self.settings.port}")
        self.cfg.set("workers", self.workers)
        self.cfg.set("preload_app", True)  # load once, share memory between workers
        self.cfg.set("accesslog", "-")
        self.cfg.set("post_worker_init", _warm_worker)

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


def run(settings: Settings, workers: int = 2) -> None:
    _Server(settings, workers).run()
