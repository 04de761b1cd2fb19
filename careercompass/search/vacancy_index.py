"""Words search over vacancies: their titles, employers and summaries, indexed in the database beside the adverts.

The words live in the `vacancy_words` table, written in the same transaction as the adverts they describe, so an
import, a staff edit or a confirmed link is searchable on every node the moment it commits, and a failed import
leaves no words behind. SQLite keeps them in an FTS5 table (Porter stemming, ranked by BM25); PostgreSQL keeps a
weighted `tsvector` per advert under a GIN index. Migration 0025 makes both. The table is not a model: SQLAlchemy
has no type for an FTS5 table, so this module alone reads and writes it, in each database's own SQL.

A feed import changes a few hundred adverts out of tens of thousands, so only those rows are written (`apply`);
`rebuild` makes the whole table again from the adverts (`careercompass reindex`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from careercompass.search.synonyms import words_of

MAX_QUERY_LENGTH = 200
# Beyond this many words a search says no more: a pasted advert is not a search.
MAX_TERMS = 12
TABLE = "vacancy_words"
# How much a word counts in each field: the title most, then the roles it is linked to ("nurse" finds a "Band 5 RGN"
# advert linked to adult nurse), then the employer, then the summary.
FIELD_WEIGHTS = {"title": 3.0, "roles": 2.0, "employer": 1.0, "description": 0.5}
# Words that join a search and name nothing; an advert need not contain them.
STOP_WORDS = frozenset({"a", "an", "and", "the", "in", "of", "for", "to", "at", "with", "on", "or", "near", "me"})


@dataclass(frozen=True)
class VacancyText:
    id: int
    title: str
    employer: str
    description: str
    roles: str  # the titles of the roles it is linked to


@dataclass(frozen=True)
class WordsFound:
    ids: list[int]  # best first
    corrected: str | None = None  # the words as searched, when their spelling was fixed


def search(session: Session, words: str, limit: int = 200,
           spelling: Callable[[str], str | None] = lambda words: None) -> WordsFound:
    """Vacancies for the words, best first.

    Every word must appear somewhere in an advert ("healthcare support worker" means all three). When no advert has
    them all, the words with their spelling fixed (`spelling`: see SearchIndex.corrected) are tried the same way;
    only then does any advert with some of the words count, best first.
    """
    terms = search_terms(words)
    if not terms:
        return WordsFound([])
    dialect = _dialect(session)
    found = dialect.matching(session, terms, True, limit)
    if found:
        return WordsFound(found)
    corrected = spelling(words)
    fixed_terms = search_terms(corrected) if corrected else []
    if fixed_terms and fixed_terms != terms:
        terms = fixed_terms
        found = dialect.matching(session, terms, True, limit)
        if found:
            return WordsFound(found, corrected)
    if len(terms) > 1:
        found = dialect.matching(session, terms, False, limit)
    return WordsFound(found, corrected if terms == fixed_terms else None)


def search_terms(words: str) -> list[str]:
    """The words a search looks for: letters and digits only, so nothing typed can be read as query syntax."""
    found: list[str] = []
    for word in words_of(" ".join(words.split())[:MAX_QUERY_LENGTH]):
        for piece in re.split(r"[&']", word.removesuffix("'s")):  # "a&e" is two words, "children's" is "children"
            if piece and piece not in STOP_WORDS and piece not in found:
                found.append(piece)
    return found[:MAX_TERMS]


def apply(session: Session, changed: Iterable[VacancyText], deleted: Iterable[int]) -> int:
    """Write the words of the adverts an import or an edit changed, and drop those of deleted ones (not committed:
    the caller's transaction holds the adverts too). Returns how many adverts were written."""
    changed = list(changed)
    gone = {*deleted, *(document.id for document in changed)}
    dialect = _dialect(session)
    if gone:
        session.execute(text(f"DELETE FROM {TABLE} WHERE {dialect.id_column} IN :ids")
                        .bindparams(bindparam("ids", expanding=True)), {"ids": sorted(gone)})
    if changed:
        session.execute(text(dialect.insert), [_row(document) for document in changed])
    return len(changed)


def rebuild(session: Session, documents: Iterable[VacancyText]) -> int:
    """The table made to hold exactly `documents` (not committed); returns how many it holds."""
    session.execute(text(f"DELETE FROM {TABLE}"))
    return apply(session, documents, [])


def _row(document: VacancyText) -> dict[str, object]:
    return {"id": document.id, "title": document.title, "roles": document.roles, "employer": document.employer,
            "description": document.description}


class _SQLite:
    id_column = "rowid"
    insert = (f"INSERT INTO {TABLE} (rowid, title, roles, employer, description) "
              "VALUES (:id, :title, :roles, :employer, :description)")
    # bm25() takes one weight per column, in the table's column order; lower scores are better.
    rank = f"bm25({TABLE}, {', '.join(str(weight) for weight in FIELD_WEIGHTS.values())})"

    def matching(self, session: Session, terms: list[str], every_word: bool, limit: int) -> list[int]:
        # Each term quoted: FTS5 then reads it as a plain word, never as an operator or a column name.
        query = (" AND " if every_word else " OR ").join(f'"{term}"' for term in terms)
        return list(session.scalars(text(
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH :query ORDER BY {self.rank}, rowid LIMIT :limit"),
            {"query": query, "limit": limit}))


class _PostgreSQL:
    id_column = "vacancy_id"
    # The weights A–D stand for the fields in FIELD_WEIGHTS' order.
    insert = (f"INSERT INTO {TABLE} (vacancy_id, document) VALUES (:id, "
              "setweight(to_tsvector('english', :title), 'A') || setweight(to_tsvector('english', :roles), 'B') || "
              "setweight(to_tsvector('english', :employer), 'C') || "
              "setweight(to_tsvector('english', :description), 'D'))")
    # ts_rank wants the weights as {D, C, B, A}, each between 0 and 1.
    weights = "{" + ", ".join(str(weight / max(FIELD_WEIGHTS.values())) for weight in
                              reversed(FIELD_WEIGHTS.values())) + "}"

    def matching(self, session: Session, terms: list[str], every_word: bool, limit: int) -> list[int]:
        query = (" & " if every_word else " | ").join(terms)  # letters and digits only: safe in to_tsquery
        return list(session.scalars(text(
            f"SELECT vacancy_id FROM {TABLE}, to_tsquery('english', :query) AS query WHERE document @@ query "
            "ORDER BY ts_rank(CAST(:weights AS real[]), document, query) DESC, vacancy_id LIMIT :limit"),
            {"query": query, "weights": self.weights, "limit": limit}))


_DIALECTS = {"sqlite": _SQLite(), "postgresql": _PostgreSQL()}


def _dialect(session: Session):
    return _DIALECTS[session.get_bind().dialect.name]
