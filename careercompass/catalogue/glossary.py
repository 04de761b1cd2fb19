"""Acronyms and short forms: finding them in role text, so every one can be explained to the reader."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from markupsafe import Markup, escape

# Two or more capitals (A&E counts), optionally followed by a plural "s": GCSEs, GPs, ECGs.
ACRONYM = re.compile(r"\b([A-Z][A-Z&]*[A-Z])(s?)\b")
# A-level grade strings such as BBB or A*AA are grades, not acronyms.
GRADES = re.compile(r"(?<![\w*])[A-E*]{3,4}(?![\w*])")
# Fields whose text a reader sees on the role page. riasec, slugs, codes and source names are not prose.
READER_FIELDS = ("title", "other_titles", "summary", "day_to_day", "where_you_work", "hours", "skills",
                 "interests", "hard_parts")
ROUTE_FIELDS = ("title", "description", "entry_requirements", "duration", "t_level", "specialism")


def acronyms_in(text: str) -> Iterator[str]:
    for match in ACRONYM.finditer(GRADES.sub(" ", text)):
        yield match.group(1)


def reader_texts(role: Any) -> Iterator[tuple[str, str]]:
    """(field path, text) for every piece of a role a reader sees, from a schema Role or a database row."""
    for name in READER_FIELDS:
        value = getattr(role, name)
        for i, text in enumerate([value] if isinstance(value, str) else value):
            yield (name if isinstance(value, str) else f"{name}[{i}]"), text
    for i, route in enumerate(role.entry_routes):
        for name in ROUTE_FIELDS:
            if text := getattr(route, name):
                yield f"entry_routes[{i}].{name}", text
    note = role.pay.get("note") if isinstance(role.pay, dict) else role.pay.note
    if note:
        yield "pay.note", note


def terms_used(texts: Iterable[str], glossary: dict[str, str]) -> list[str]:
    found = {term for text in texts for term in acronyms_in(text) if term in glossary}
    return sorted(found)


def explain(text: str, glossary: dict[str, str]) -> Markup:
    """Escape text and mark each known acronym with <abbr>, whose title gives its meaning."""

    def replace(match: re.Match[str]) -> str:
        term = match.group(1)
        if term not in glossary:
            return str(escape(match.group(0)))
        return f'<abbr title="{escape(glossary[term])}">{escape(term)}</abbr>{match.group(2)}'

    pieces = []
    position = 0
    for match in ACRONYM.finditer(text):
        pieces.append(str(escape(text[position:match.start()])))
        pieces.append(replace(match))
        position = match.end()
    pieces.append(str(escape(text[position:])))
    return Markup("".join(pieces))
