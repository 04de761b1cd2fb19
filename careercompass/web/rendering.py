"""Every URL renders a full page, or just the part htmx asked for (see fragments.py), and the filters templates use."""

from __future__ import annotations

import re
from datetime import datetime

from flask import render_template

from careercompass import vocabulary
from careercompass.catalogue.glossary import explain
from careercompass.catalogue.queries import quickest_route
from careercompass.events.leeds_time import in_leeds
from careercompass.vacancies.pay_text import pay_words
from careercompass.web import easy_read, family_colours, fragments
from careercompass.web.addresses import external_url
from careercompass.web.resources import release_database


def render_page(template: str, fragment: str | None = None, target_id: str | None = None, **context) -> str:
    """The page, or only `fragment` when htmx asks for the element `target_id` (a name from fragments.py)."""
    release_database()
    if fragment and target_id and fragments.wants_fragment(target_id):
        return render_template(fragment, **context)
    return render_template(template, **context)


def labels(values: list[str], names: dict[str, str]) -> str:
    """Turn stored codes (like 'long-days') into the words people read, joined with commas."""
    return ", ".join(names.get(value, value) for value in values)


def opening(text: str, limit: int = 170) -> str:
    """The first whole sentences of a text that fit in `limit` characters (at least one sentence)."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    kept = sentences[0]
    for sentence in sentences[1:]:
        if len(kept) + 1 + len(sentence) > limit:
            break
        kept += " " + sentence
    return kept


# How a result's score (0 to 100) is put into words on the results page, strongest first.
MATCH_STRENGTHS = ((90, "Strong match"), (75, "Good match"), (0, "Worth a look"))


def match_strength(score: float) -> str:
    return next(label for least, label in MATCH_STRENGTHS if score >= least)


def vacancy_pay(vacancy) -> str:
    return pay_words(vacancy.salary_min, vacancy.salary_max, vacancy.salary_period, vacancy.band_from,
                     vacancy.band_to, vacancy.salary_text)


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def event_time(moment: datetime) -> str:
    """'Tuesday 15 December, 4pm' (or 4:30pm), in Leeds time."""
    local = in_leeds(moment)
    return f"{local:%A} {local.day} {local:%B}, {event_clock(moment)}"


def event_clock(moment: datetime) -> str:
    local = in_leeds(moment)
    hour = local.hour % 12 or 12
    return f"{hour}{':' + format(local.minute, '02d') if local.minute else ''}{'am' if local.hour < 12 else 'pm'}"


def init_app(app) -> None:
    fragments.init_app(app)
    easy_read.init_app(app)
    # The words people read for stored codes, the same on every page.
    app.jinja_env.globals.update(external_url=external_url,  # links to copy or write down: the public address
                                 route_names=vocabulary.labels(vocabulary.ROUTE_TYPES),
                                 sector_names=vocabulary.labels(vocabulary.SECTORS),
                                 shift_names=vocabulary.labels(vocabulary.SHIFT_PATTERNS),
                                 family_colours_version=family_colours.stylesheet_version)
    app.add_template_filter(labels)
    app.add_template_filter(opening)
    app.add_template_filter(match_strength)
    app.add_template_filter(explain)
    app.add_template_filter(quickest_route)
    app.add_template_filter(vacancy_pay)
    app.add_template_filter(long_date)
    app.add_template_filter(event_time)
    app.add_template_filter(event_clock)
