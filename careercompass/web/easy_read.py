"""Easy read beyond the quiz: the visitor's choice reaches every page, and a plain link switches it.

`?easy=1` (or `?easy=0`) on any page switches easy read on (or off) for this visitor, the same link the quiz
has always used, so the switch works without JavaScript. Templates read the choice as `easy_read`.
"""

from __future__ import annotations

from dataclasses import replace

from flask import Flask, has_request_context, request, url_for

from careercompass.catalogue.easy_read import easy_version
from careercompass.web import visitor

SWITCH_ARG = "easy"


def switch_from_link() -> None:
    choice = request.args.get(SWITCH_ARG)
    if request.method != "GET" or choice not in ("0", "1") or request.blueprint in (None, "api"):
        return
    person = visitor.current()
    if person.easy_read != (choice == "1"):
        visitor.remember(replace(person, easy_read=choice == "1"))


def switch_link(on: bool) -> str:
    """This page with easy read switched on or off (one-off parts of its address, like ?from=, are dropped)."""
    return url_for(request.endpoint, **(request.view_args or {}), **{SWITCH_ARG: "1" if on else "0"})


def init_app(app: Flask) -> None:
    app.before_request(switch_from_link)
    app.add_template_filter(easy_version)

    @app.context_processor
    def easy_read_choice() -> dict:
        if not has_request_context():
            return {}
        return {"easy_read": visitor.current().easy_read, "easy_read_link": switch_link}
