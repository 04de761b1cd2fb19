"""Words search over vacancies: a Whoosh index of their titles, employers and summaries, kept up to date advert by
advert.

A feed import changes a few hundred adverts out of tens of thousands, so the index is never rebuilt for it: the
import names the adverts it added, changed or deleted, and only those documents are written (`apply`). `rebuild`
makes it whole again (`careercompass reindex`, or when the folder is missing or damaged). The database stays the
truth: a search returns ids, and the pages read the adverts (and whether they are still open) from there.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.index import LockError
from whoosh.qparser import AndGroup, MultifieldPlugin, OrGroup, QueryParser

MAX_QUERY_LENGTH = 200
SEARCHED_FIELDS = ("title", "roles", "employer", "description")


@dataclass(frozen=True)
class VacancyText:
    id: int
    title: str
    employer: str
    description: str
    roles: str  # the titles of the roles it is linked to: "nurse" finds a "Band 5 RGN" advert linked to adult nurse


def _schema() -> Schema:
    stemmed = StemmingAnalyzer()
    return Schema(
        id=ID(unique=True, stored=True),
        title=TEXT(analyzer=stemmed, field_boost=3.0),
        roles=TEXT(analyzer=stemmed, field_boost=2.0),
        employer=TEXT(analyzer=stemmed),
        description=TEXT(analyzer=stemmed, field_boost=0.5),
    )


def rebuild(directory: Path, documents: Iterable[VacancyText]) -> int:
    """A new index holding exactly `documents`, swapped in whole; returns how many it holds."""
    building = directory.with_name(directory.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    index = whoosh_index.create_in(str(building), _schema())
    writer = index.writer()
    count = 0
    for document in documents:
        writer.add_document(**_fields(document))
        count += 1
    writer.commit()
    old = directory.with_name(directory.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if directory.exists():
        directory.rename(old)
    building.rename(directory)
    shutil.rmtree(old, ignore_errors=True)
    return count


def apply(directory: Path, changed: Iterable[VacancyText], deleted: Iterable[int]) -> None:
    """Write only what an import changed. Raises VacancyIndexUnavailable when there is no index to add to."""
    if not whoosh_index.exists_in(str(directory)):
        raise VacancyIndexUnavailable(f"there is no vacancy index in {directory}")
    index = whoosh_index.open_dir(str(directory))
    writer = _locked_writer(index)
    for vacancy_id in deleted:
        writer.delete_by_term("id", str(vacancy_id))
    for document in changed:
        writer.update_document(**_fields(document))
    writer.commit()


def search(directory: Path, words: str, limit: int = 200) -> list[int] | None:
    """Vacancy ids for the words, best first; None when there is no index to search (the page says so).

    Every word must appear somewhere in an advert ("healthcare support worker" means all three); only when no advert
    has them all does any advert with some of them count, best first.
    """
    index = _opened(directory)
    if index is None:
        return None
    text = " ".join(words.split())[:MAX_QUERY_LENGTH]
    with index.searcher() as searcher:
        for group in (AndGroup, OrGroup.factory(0.9)):
            parser = QueryParser("title", index.schema, group=group)
            parser.add_plugin(MultifieldPlugin(list(SEARCHED_FIELDS)))
            found = [int(hit["id"]) for hit in searcher.search(parser.parse(text), limit=limit)]
            if found:
                return found
    return []


_open: dict[Path, object] = {}


def _opened(directory: Path):
    """The index, opened once per process and refreshed only when an import has written to it since."""
    held = _open.get(directory)
    try:
        if held is None:
            if not whoosh_index.exists_in(str(directory)):
                return None
            held = whoosh_index.open_dir(str(directory))
        elif not held.up_to_date():
            held = held.refresh()
    except (OSError, whoosh_index.EmptyIndexError):  # rebuilt or removed under us: open afresh next time
        _open.pop(directory, None)
        return None
    _open[directory] = held
    return held


class VacancyIndexUnavailable(RuntimeError):
    """No vacancy index to write to yet (`careercompass init` or `reindex` makes it), or another writer holds it."""


def _fields(document: VacancyText) -> dict[str, str]:
    return {"id": str(document.id), "title": document.title, "roles": document.roles,
            "employer": document.employer, "description": document.description}


def _locked_writer(index):
    """A writer that waits (up to 30 s) for another process's import to finish writing, rather than failing."""
    try:
        return index.writer(timeout=30.0)
    except LockError as error:
        raise VacancyIndexUnavailable(f"the vacancy index is busy: {error}") from None
