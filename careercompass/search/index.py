"""The only module that talks to Whoosh.

One writer builds a fresh index in a new folder and then swaps a small pointer file, so web workers that are
reading never see half an index, and pick up a rebuilt one on their next query without a restart. Each
generation folder also holds the names used for as-you-type suggestions and the synonym table it was built
with, so all three always agree.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Iterable
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn, TypeVar

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, TEXT, Schema

from careercompass.search.synonyms import NO_SYNONYMS, Synonyms, words_of

T = TypeVar("T")
log = logging.getLogger(__name__)

POINTER_FILE = "CURRENT"
NAMES_FILE = "names.json"
SYNONYMS_FILE = "synonyms.json"
STAMP_FILE = "STAMP"
LOCK_FILE = ".writer.lock"
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
# Results that match every word are trusted; with fewer than this many, the search widens.
ENOUGH_STRICT_HITS = 3
# When the search widens to "any word", hits far below the best are noise ("after" in "looking after feet").
LOOSE_SCORE_FLOOR = 0.25
SYNONYM_BOOST = 1.5
MIN_CORRECTABLE_LENGTH = 5
ANY_WORD_SCALE = 0.9
EXACT_NAME_WINDOW = 20
SUGGESTION_LIMIT = 8

# Title matches matter most: someone typing "porter" wants the porter role before roles that mention porters.
FIELD_BOOSTS = {"title": 6.0, "other_titles": 4.0, "summary": 1.5, "tasks": 1.0, "skills": 1.0}
NAME_FIELDS = ("title", "other_titles")


class SearchUnavailable(RuntimeError):
    """The search index is missing or cannot be read; `careercompass reindex` (or init) builds it again."""


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
    how: str = "words"  # "words": every word matched; "some words": only some did, or after a spelling fix


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    corrected: str | None = None  # the query with misspelt words fixed, when that differs from what was typed
    # True when some role's title or other titles hold every word: the person typed a job's name, not a wish.
    named: bool = False

    @property
    def strict_hits(self) -> int:
        return sum(hit.how == "words" for hit in self.hits)


@dataclass(frozen=True)
class Suggestion:
    """A role offered as someone types; `matched` is the other title they typed, when it was not the title."""

    type: str
    slug: str
    title: str
    matched: str | None


def _schema() -> Schema:
    stemmed = StemmingAnalyzer()
    return Schema(
        key=ID(unique=True, stored=True),
        type=ID(stored=True),
        slug=ID(stored=True),
        title=TEXT(analyzer=stemmed, stored=True, field_boost=FIELD_BOOSTS["title"]),
        other_titles=TEXT(analyzer=stemmed, field_boost=FIELD_BOOSTS["other_titles"]),
        summary=TEXT(analyzer=stemmed, field_boost=FIELD_BOOSTS["summary"]),
        tasks=TEXT(analyzer=stemmed, field_boost=FIELD_BOOSTS["tasks"]),
        skills=TEXT(analyzer=stemmed, field_boost=FIELD_BOOSTS["skills"]),
        # Every word as written (not stemmed), for spelling fixes: "nurese" is one edit from "nurse".
        spelling=TEXT(analyzer=StandardAnalyzer(stoplist=None, minsize=2)),
        family=KEYWORD(stored=True),
    )


def build_index(directory: Path, documents: Iterable[SearchDocument], synonyms: Synonyms = NO_SYNONYMS,
                stamp: str = "") -> int:
    """Write a complete new index beside the old one, then point readers at it. Returns the document count.

    `stamp` names the data the index was built from, so a writer can tell later whether it is out of date.
    """
    directory.mkdir(parents=True, exist_ok=True)
    # One writer at a time: a second one waits, so neither can remove the folder the other is writing.
    with (directory / LOCK_FILE).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build_locked(directory, documents, synonyms, stamp)


def _build_locked(directory: Path, documents: Iterable[SearchDocument], synonyms: Synonyms, stamp: str) -> int:
    generation = f"gen-{time.time_ns()}"
    target = directory / generation
    target.mkdir()
    ix = whoosh_index.create_in(str(target), _schema())
    names: list[list[str]] = []
    with ix.writer() as writer:
        for doc in documents:
            text_fields = {
                "title": doc.title,
                "other_titles": " | ".join(doc.other_titles),
                "summary": doc.summary,
                "tasks": " ".join(doc.tasks),
                "skills": " ".join(doc.skills),
            }
            writer.add_document(key=f"{doc.type}:{doc.slug}", type=doc.type, slug=doc.slug, family=doc.family,
                                spelling=" ".join(text_fields.values()), **text_fields)
            names += [[doc.type, doc.slug, doc.title, name] for name in (doc.title, *doc.other_titles)]
    (target / NAMES_FILE).write_text(json.dumps(names), encoding="utf-8")
    (target / SYNONYMS_FILE).write_text(json.dumps(synonyms.as_json()), encoding="utf-8")
    (target / STAMP_FILE).write_text(stamp, encoding="utf-8")
    pointer = directory / POINTER_FILE
    temporary = directory / f".{POINTER_FILE}.{os.getpid()}"
    temporary.write_text(generation)
    os.replace(temporary, pointer)  # atomic: readers see the old generation or the new one, never neither
    _remove_old_generations(directory, keep=generation)
    return len({(kind, slug) for kind, slug, _, _ in names})


def _remove_old_generations(directory: Path, keep: str) -> None:
    # Keep the previous generation for readers that opened it a moment ago; remove anything older.
    generations = sorted(p for p in directory.glob("gen-*") if p.is_dir() and p.name != keep)
    for old in generations[:-1]:
        shutil.rmtree(old, ignore_errors=True)


def _open(path: Path):
    return whoosh_index.open_dir(str(path))


def index_exists(directory: Path) -> bool:
    generation = current_generation(directory)
    return bool(generation) and (directory / generation).is_dir()


def current_generation(directory: Path) -> str:
    """The name of the index readers use now; it changes whenever the index is rebuilt ("" if there is none)."""
    try:
        return (directory / POINTER_FILE).read_text().strip()
    except (FileNotFoundError, NotADirectoryError):
        return ""


def built_from(directory: Path) -> str:
    """The stamp of the data the current index was built from ("" if there is no index)."""
    generation = current_generation(directory)  # read the pointer once: a rebuild may move it meanwhile
    stamp = directory / generation / STAMP_FILE
    return stamp.read_text(encoding="utf-8") if generation and stamp.exists() else ""


@dataclass
class _Generation:
    """What one thread holds open for one index generation."""

    name: str
    searcher: object
    queries: _QueryBuilder
    names: list[tuple[str, str, str, str, tuple[str, ...]]]  # type, slug, title, name, words of the name
    stemmed_names: list[frozenset[str]]  # each name's words as the index stores them
    exact_names: dict[tuple[str, ...], set[str]]  # a name's words as typed -> the slugs with that name
    synonyms: Synonyms
    derived: dict[str, object] = field(default_factory=dict)  # see SearchIndex.once_per_build


class SearchIndex:
    """A read-only view of the current index, reopened when a rebuild moves the pointer.

    Each thread keeps its own searcher and name tables for the current generation: opening them per query
    cost more than the search itself.
    """

    def __init__(self, directory: Path):
        self.directory = directory
        self._local = threading.local()

    def _generation(self) -> _Generation:
        """This thread's open generation: the current one, or the last good one while the current cannot be read."""
        name = current_generation(self.directory)
        held: _Generation | None = getattr(self._local, "held", None)
        if held is not None and held.name == name:
            return held
        try:
            fresh = self._open_generation(name)
        except SearchUnavailable:
            if held is not None:
                return held  # deleted or half-copied: keep serving what this thread still has open
            raise
        if held is not None:
            held.searcher.close()
        self._local.held = fresh
        return fresh

    def _open_generation(self, name: str) -> _Generation:
        if not name:
            raise SearchUnavailable(f"there is no search index in {self.directory}")
        folder = self.directory / name
        problem = None
        try:
            ix = _open(folder)
            builder = _QueryBuilder(ix.schema)
            names = [
                (kind, slug, title, text, tuple(words_of(text)))
                for kind, slug, title, text in json.loads((folder / NAMES_FILE).read_text(encoding="utf-8"))
            ]
            synonyms = Synonyms.from_json(json.loads((folder / SYNONYMS_FILE).read_text(encoding="utf-8")))
            searcher = ix.searcher()
        except Exception as error:  # noqa: BLE001 - whoosh reports a damaged index in many ways
            problem = repr(error)
        if problem is not None:
            # Raised outside the except block and logged as text: a traceback kept by the error or a log record
            # would keep Whoosh's half-opened files open.
            log.error("Cannot open the search index %s: %s", folder, problem)
            raise SearchUnavailable(f"the search index {folder} cannot be read")
        return _Generation(
            name=name,
            searcher=searcher,
            queries=builder,
            names=names,
            stemmed_names=[frozenset(builder.terms(name)) for _, _, _, name, _ in names],
            exact_names=_exact_name_table(names),
            synonyms=synonyms,
        )

    def _forget(self, error: Exception) -> NoReturn:
        """The open generation failed while searching (its files were damaged): drop it and say so."""
        held = getattr(self._local, "held", None)
        self._local.held = None
        if held is not None:
            try:
                held.searcher.close()
            except Exception:  # noqa: BLE001 - it is being thrown away
                pass
        log.error("The search index failed while searching: %s", repr(error))
        raise SearchUnavailable("the search index cannot be read") from error

    def search(self, text: str, limit: int = 20, widen: bool = True) -> SearchResult:
        """Roles for what someone typed: every word first, then (if `widen`) any word, fixing spelling on the way.

        Matching any word is the slowest part of a search on long wishes ("helping people with drug problems"),
        so a caller with a better way to widen (closeness in meaning) can turn it off.
        """
        words = words_of(text[:MAX_QUERY_LENGTH])[:MAX_QUERY_WORDS]
        if not words:
            return SearchResult([])
        held = self._generation()
        try:
            return self._search(held, words, limit, widen)
        except SearchUnavailable:
            raise
        except Exception as error:  # noqa: BLE001 - see _forget
            self._forget(error)

    def _search(self, held: _Generation, words: list[str], limit: int, widen: bool) -> SearchResult:
        corrected_words = self._correct(held, words)
        corrected = " ".join(corrected_words) if corrected_words != words else None
        variants = _variants(held.synonyms, words)
        if corrected is not None:
            variants += _variants(held.synonyms, corrected_words)
        named = any(_names_hold(held, variant.required) for variant in variants)
        # Ask for a few more than wanted, so an exact name ranked just below the cut can still come first.
        strict = _exact_names_first(held, words, self._run(held, _combine(held.queries, variants, strict=True),
                                                           max(limit, EXACT_NAME_WINDOW), "words"))
        if len(strict) >= ENOUGH_STRICT_HITS or not widen:
            return SearchResult(strict[:limit], corrected, named)
        loose = self._run(held, _combine(held.queries, variants, strict=False), limit, "some words")
        floor = LOOSE_SCORE_FLOOR * loose[0].score if loose else 0
        seen = {hit.slug for hit in strict}
        extra = [hit for hit in loose if hit.slug not in seen and hit.score >= floor]
        return SearchResult((strict + extra)[:limit], corrected, named)

    def suggest(self, text: str, limit: int = SUGGESTION_LIMIT) -> list[Suggestion]:
        """Roles whose title or other title starts with what has been typed so far, for as-you-type lists.

        Every typed word must begin a word of the name; the last may be half typed ("heal sup" finds
        healthcare support worker). Names that start with the first word come first, then titles, then
        shorter names.
        """
        words = words_of(text[:MAX_QUERY_LENGTH])[:MAX_QUERY_WORDS]
        if not words:
            return []
        held = self._generation()
        ranked = []
        for kind, slug, title, name, name_words in held.names:
            if all(any(nw.startswith(w) for nw in name_words) for w in words):
                starts = bool(name_words) and name_words[0].startswith(words[0])
                ranked.append(((not starts, name != title, len(name)), kind, slug, title, name))
        ranked.sort()
        found: dict[tuple[str, str], Suggestion] = {}
        for _, kind, slug, title, name in ranked:
            if (kind, slug) not in found:
                found[(kind, slug)] = Suggestion(kind, slug, title, None if name == title else name)
            if len(found) == limit:
                break
        return list(found.values())

    def names(self) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
        """Every (type, slug, title, name, words of the name): titles and other titles, for linking job titles."""
        return self._generation().names

    def synonyms(self) -> Synonyms:
        return self._generation().synonyms

    def once_per_build(self, key: str, make: Callable[[list[tuple[str, str, str, str, tuple[str, ...]]]], T]) -> T:
        """Something worked out from this build's names (see `names`), made once and kept until a rebuild."""
        held = self._generation()
        if key not in held.derived:
            held.derived[key] = make(held.names)
        return held.derived[key]  # type: ignore[return-value]

    def corrected(self, text: str) -> str | None:
        """The words with their spelling fixed from the catalogue's own words ("helthcare" is "healthcare"), or None
        when none needed fixing. For searches over other things written in the same words, such as job adverts."""
        words = words_of(text[:MAX_QUERY_LENGTH])[:MAX_QUERY_WORDS]
        if not words:
            return None
        fixed = self._correct(self._generation(), words)
        return " ".join(fixed) if fixed != words else None

    def _correct(self, held: _Generation, words: list[str]) -> list[str]:
        reader = held.searcher.reader()
        known = held.synonyms.known_words
        return [word if self._leave_alone(reader, known, word) else _closest_word(reader, word) or word
                for word in words]

    @staticmethod
    def _leave_alone(reader, known: frozenset[str], word: str) -> bool:
        # Short words have too many near neighbours ("kids" is one edit from "kinds") to be worth fixing.
        parts = [part for part in re.split(r"[&']", word) if len(part) >= MIN_CORRECTABLE_LENGTH]
        return word in known or all(p.isdigit() or ("spelling", p) in reader for p in parts)

    @staticmethod
    def _run(held: _Generation, query, limit: int, how: str) -> list[SearchHit]:
        if query is None:
            return []
        return [
            SearchHit(type=hit["type"], slug=hit["slug"], title=hit["title"], score=round(hit.score, 3), how=how)
            # optimize=False: Whoosh's block-quality skipping can loop forever on some nested queries
            # ("pa stutter" with limit 5 did); scoring every match of 404 roles costs little.
            for hit in held.searcher.search(query, limit=limit, optimize=False)
        ]


def _exact_name_table(names) -> dict[tuple[str, ...], set[str]]:
    table: dict[tuple[str, ...], set[str]] = {}
    for _, slug, _, _, name_words in names:
        table.setdefault(name_words, set()).add(slug)
    return table


def _exact_names_first(held: _Generation, words: list[str], hits: list[SearchHit]) -> list[SearchHit]:
    """Someone who types a job's whole name exactly wants that job first, before longer titles that contain it."""
    exact = held.exact_names.get(tuple(words), set())
    if not exact:
        return hits
    return [hit for hit in hits if hit.slug in exact] + [hit for hit in hits if hit.slug not in exact]


def _closest_word(reader, word: str) -> str | None:
    """The indexed word fewest edits away (one edit for short words, two for longer), most used first."""
    for distance in (1, 2) if len(word) >= 6 else (1,):
        candidates = [c for c in reader.terms_within("spelling", word, distance, prefix=1) if c != word]
        if candidates:
            return max(candidates, key=lambda c: (reader.doc_frequency("spelling", c), c))
    return None


@dataclass(frozen=True)
class _Variant:
    required: str  # all (strict) or some (loose) of these words must match
    optional: str  # these only lift the score
    boost: float
    fields: tuple[str, ...] = tuple(FIELD_BOOSTS)  # where the required words are looked for


def _variants(synonyms: Synonyms, words: list[str]) -> list[_Variant]:
    """The query as typed, plus one per synonym: its phrase required, the other words typed a bonus.

    The other words are only a bonus because they are often a wish around a job ("looking after old
    people"), and requiring them would miss the job the synonym names (care worker).
    """
    variants = [_Variant(" ".join(words), "", 1.0)]
    for expansion in synonyms.expansions(words):
        # A synonym stands for a job's name, so its phrase is looked for in names only: that is what it means,
        # and it keeps common words like "care" from scoring every role.
        variants.append(_Variant(" ".join(expansion.phrase), " ".join(expansion.rest), SYNONYM_BOOST, NAME_FIELDS))
    return variants


class _QueryBuilder:
    """Builds Whoosh queries from plain words directly: no query language, so no syntax to escape, and
    several times quicker than the query parser, which was most of the cost of a search."""

    def __init__(self, schema: Schema):
        self.analyzer = schema["title"].analyzer  # every searched field shares the stemming analyzer

    def terms(self, text: str) -> list[str]:
        return list(dict.fromkeys(token.text for token in self.analyzer(clean_query(text))))

    @staticmethod
    def _word(term: str, fields: tuple[str, ...] = tuple(FIELD_BOOSTS)) -> wq.Query:
        either = wq.Or([wq.Term(field, term) for field in fields])
        # Whoosh would preload every posting into arrays for a small index; walking them is quicker here.
        either.matcher_type = wq.Or.DEFAULT_MATCHER
        return either

    def all_of(self, text: str, fields: tuple[str, ...] = tuple(FIELD_BOOSTS)) -> wq.Query | None:
        words = [self._word(term, fields) for term in self.terms(text)]
        return None if not words else words[0] if len(words) == 1 else wq.And(words)

    def any_of(self, text: str, fields: tuple[str, ...] = tuple(FIELD_BOOSTS)) -> wq.Query | None:
        # scale: a role matching more of the words scores higher than one matching a single word many times
        words = [self._word(term, fields) for term in self.terms(text)]
        return None if not words else words[0] if len(words) == 1 else wq.Or(words, scale=ANY_WORD_SCALE)


def _names_hold(held: _Generation, text: str) -> bool:
    wanted = set(held.queries.terms(text))
    return bool(wanted) and any(wanted <= name for name in held.stemmed_names)


def _combine(builder: _QueryBuilder, variants: list[_Variant], strict: bool):
    queries = []
    for variant in dict.fromkeys(variants):
        required = (builder.all_of if strict else builder.any_of)(variant.required, variant.fields)
        if required is None:
            continue
        optional = builder.any_of(variant.optional) if variant.optional else None
        if optional is not None:
            required = wq.AndMaybe(required, optional)
        queries.append(required.with_boost(variant.boost) if variant.boost != 1.0 else required)
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def clean_query(text: str) -> str:
    """Keep letters, digits and spaces only, so that no user input can be read as query syntax."""
    text = text[:MAX_QUERY_LENGTH].lower()
    return " ".join(re.sub(r"[^\w\s]|_", " ", text).split())


def describe(directory: Path) -> dict[str, object]:
    """A small summary for `careercompass` commands and the health check."""
    if not index_exists(directory):
        return {"exists": False}
    generation = current_generation(directory)
    ix = _open(directory / generation)
    return {"exists": True, "generation": generation, "documents": ix.doc_count()}


__all__ = [
    "SearchDocument", "SearchHit", "SearchIndex", "SearchResult", "SearchUnavailable", "Suggestion", "build_index", "clean_query",
    "current_generation", "describe", "index_exists",
]
