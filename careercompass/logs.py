"""How the served app logs: one JSON object per line on standard error, each with the request it belongs to.

`careercompass serve` hands `serving_config()` to gunicorn, so gunicorn's own lines come out the same way as the
app's. gunicorn's access log stays off: it prints whole addresses, query strings and all, and those carry the
words young people typed. The app writes its own line per request instead (careercompass/web/request_log.py).
"""

from __future__ import annotations

from typing import Any

from pythonjsonlogger.json import JsonFormatter

FIELDS = ["levelname", "name", "message", "request_id"]


def json_formatter() -> JsonFormatter:
    # The timestamp is set last by the formatter; a default of None puts its key first in each line.
    return JsonFormatter(FIELDS, rename_fields={"levelname": "level", "name": "logger"}, timestamp=True,
                         defaults={"timestamp": None})


def serving_config(level: str = "INFO") -> dict[str, Any]:
    """A logging.config.dictConfig for the served app, gunicorn's master and its workers."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": json_formatter}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {
            "gunicorn.error": {"level": level, "handlers": [], "propagate": True},
            "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
            # Its INFO lines name the client address that went over a limit; a warning says the store is down.
            "flask-limiter": {"level": "WARNING"},
        },
    }
