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

    def load(self):
        app = create_app(self.settings)
        app.extensions["careercompass"].matcher.warm_up()  # the model's memory is then shared by the workers
        return app


def run(settings: Settings, workers: int = 2) -> None:
    _Server(settings, workers).run()
