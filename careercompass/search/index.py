"""The only module that talks to Whoosh.

One writer builds a fresh index in a new folder and then swaps a small pointer file, so web workers that are
reading never see half an index, and pick up a rebuilt one on their next query without a restart.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.qparser.plugins import FuzzyTermPlugin

POINTER_FILE = "CURRENT"
MAX_QUERY_LENGTH = 200
# Short words have too many one-letter neighbours ("care": card, core, cure...) to be worth a fuzzy match.
FUZZY_MIN_LENGTH = 5
ENOUGH_EXACT_HITS = 3

# Title matches matter most: someone typing "porter" wants the porter role before roles that mention porters.
FIELD_BOOSTS = {"title": 6.0, "other_titles": 4.0, "summary": 1.5, "tasks": 1.0, "skills": 1.0}


@dataclass(frozen=True)
class SearchDocument:
    type: str  # "role" now; vacancies, events and courses later
    slug: str
    title: str
    other_titles: list[str]
    summary: str
    tasks: list[str]
    skills: list[str]
    family: str


@dataclass(frozen=True)
class SearchHit:
    type: str
    slug: str
    title: str
    score: float


def _schema() -> Schema:
    analyzer = StemmingAnalyzer()
    return Schema(
        key=ID(unique=True, stored=True),
        type=ID(stored=True),
        slug=ID(stored=True),
        title=TEXT(analyzer=analyzer, stored=True, field_boost=FIELD_BOOSTS["title"]),
        other_titles=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["other_titles"]),
        summary=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["summary"]),
        tasks=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["tasks"]),
        skills=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["skills"]),
        family=KEYWORD(stored=True),
    )


def build_index(directory: Path, documents: Iterable[SearchDocument]) -> int:
    """Write a complete new index beside the old one, then point readers at it. Returns the document count."""
    directory.mkdir(parents=True, exist_ok=True)
    generation = f"gen-{time.time_ns()}"
    target = directory / generation
    target.mkdir()
    ix = whoosh_index.create_in(str(target), _schema())
    count = 0
    with ix.writer() as writer:
        for doc in documents:
            writer.add_document(
                key=f"{doc.type}:{doc.slug}",
                type=doc.type,
                slug=doc.slug,
                title=doc.title,
                other_titles=" | ".join(doc.other_titles),
                summary=doc.summary,
                tasks=" ".join(doc.tasks),
                skills=" ".join(doc.skills),
                family=doc.family,
            )
            count += 1
    pointer = directory / POINTER_FILE
    temporary = directory / f".{POINTER_FILE}.{os.getpid()}"
    temporary.write_text(generation)
    os.replace(temporary, pointer)  # atomic: readers see the old generation or the new one, never neither
    _remove_old_generations(directory, keep=generation)
    return count


def _remove_old_generations(directory: Path, keep: str) -> None:
    # Keep the previous generation for readers that opened it a moment ago; remove anything older.
    generations = sorted(p for p in directory.glob("gen-*") if p.is_dir() and p.name != keep)
    for old in generations[:-1]:
        shutil.rmtree(old, ignore_errors=True)


def _open(path: Path):
    return whoosh_index.open_dir(str(path))


def index_exists(directory: Path) -> bool:
    pointer = directory / POINTER_FILE
    return pointer.exists() and (directory / pointer.read_text().strip()).is_dir()


class SearchIndex:
    """A read-only view of the current index, reopened when a rebuild moves the pointer.

    Each thread keeps its own searcher and parser for the current generation: opening them per query
    cost more than the search itself.
    """

    def __init__(self, directory: Path):
        self.directory = directory
        self._local = threading.local()

    def _searcher(self):
        generation = (self.directory / POINTER_FILE).read_text().strip()
        local = self._local
        if getattr(local, "generation", None) != generation:
            if getattr(local, "searcher", None) is not None:
                local.searcher.close()
            ix = _open(self.directory / generation)
            parser = MultifieldParser(list(FIELD_BOOSTS), schema=ix.schema, group=OrGroup.factory(0.9))
            parser.add_plugin(FuzzyTermPlugin())
            local.searcher, local.parser, local.generation = ix.searcher(), parser, generation
        return local.searcher, local.parser

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        query_text = clean_query(text)
        if not query_text:
            return []
        searcher, parser = self._searcher()
        hits = self._run(searcher, parser.parse(query_text), limit)
        if len(hits) >= ENOUGH_EXACT_HITS:
            return hits
        # Too few exact matches: try again allowing one typo per longer word ("nurese" finds "nurse").
        fuzzy = " ".join(f"{term}~1/2" for term in query_text.split() if len(term) >= FUZZY_MIN_LENGTH)
        if not fuzzy:
            return hits
        return self._run(searcher, parser.parse(f"{query_text} {fuzzy}"), limit)

    @staticmethod
    def _run(searcher, query, limit: int) -> list[SearchHit]:
        return [
            SearchHit(type=hit["type"], slug=hit["slug"], title=hit["title"], score=round(hit.score, 3))
            for hit in searcher.search(query, limit=limit)
        ]


def clean_query(text: str) -> str:
    """Keep letters, digits and spaces only, so that no user input can be read as query syntax."""
    text = text[:MAX_QUERY_LENGTH].lower()
    return " ".join(re.sub(r"[^\w\s]|_", " ", text).split())


def describe(directory: Path) -> dict[str, object]:
    """A small summary for `careercompass` commands and the health check."""
    if not index_exists(directory):
        return {"exists": False}
    generation = (directory / POINTER_FILE).read_text().strip()
    ix = _open(directory / generation)
    return {"exists": True, "generation": generation, "documents": ix.doc_count()}


__all__ = ["SearchDocument", "SearchHit", "SearchIndex", "build_index", "clean_query", "describe", "index_exists"]
