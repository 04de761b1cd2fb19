"""Finding jobs: words typed, filters chosen, or both. Used by the browse page, search and the API alike.

Keyword search comes first because it is exact and quick. When it finds little that matches every word,
meaning takes over: the query is embedded and compared with every role and every task, so "looking after
people's feet" reaches the podiatrist even though no role says it that way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from careercompass.catalogue.facets import FacetTable, Selection
from careercompass.search.index import ENOUGH_STRICT_HITS, MAX_QUERY_LENGTH, SearchIndex
from careercompass.search.synonyms import words_of

Similar = Callable[[str], list[tuple[str, float]]]  # text -> (slug, similarity), closest first

MAX_KEYWORD_HITS = 60
# Cosine similarity below which a role is too far from the words to show as a result on its own.
MEANING_FLOOR = 0.42
MEANING_CANDIDATES = 12
# When nothing is found, the closest few roles are offered as ideas, if they are not too far off.
IDEAS_WHEN_NOTHING_FOUND = 3
IDEAS_FLOOR = 0.3
# Reciprocal rank fusion: ranks from the two lists are mixed as 1 / (k + rank); k damps the top ranks.
FUSION_K = 10


@dataclass(frozen=True)
class Exploration:
    query: str
    selection: Selection
    slugs: list[str]  # every matching role, best first (or A to Z when nothing was typed)
    counts: dict[str, dict[str, int]]  # facet -> value -> roles it would show
    how: dict[str, str] = field(default_factory=dict)  # slug -> "words", "some words" or "meaning"
    # slug -> 0 to 1: keyword scores as a share of the best one; for "meaning", the cosine similarity
    scores: dict[str, float] = field(default_factory=dict)
    corrected: str | None = None
    unfiltered: int = 0  # roles the words found before filters were applied
    ideas: list[str] = field(default_factory=list)  # when nothing is found: the closest roles in meaning
    used_meaning: bool = False  # whether the query was embedded (for the benchmark's split of timings)

    @property
    def total(self) -> int:
        return len(self.slugs)

    @property
    def searched(self) -> bool:
        return bool(self.query)


def explore(table: FacetTable, index: SearchIndex, query: str, selection: Selection,
            similar: Similar | None = None) -> Exploration:
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    found = _search(index, query, similar) if words_of(query) else _Found(table.alphabetical)
    ideas: list[str] = []
    if found.words and not found.ranked and found.close is not None:
        ideas = [slug for slug, score in found.close[:IDEAS_WHEN_NOTHING_FOUND] if score >= IDEAS_FLOOR]
    return Exploration(query=query if found.words else "", selection=selection,
                       slugs=table.filter(found.ranked, selection), counts=table.counts(found.ranked, selection),
                       how=found.how, scores=found.scores, corrected=found.corrected, unfiltered=len(found.ranked),
                       ideas=ideas, used_meaning=found.close is not None)


@dataclass
class _Found:
    ranked: list[str]  # best first
    how: dict[str, str] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    corrected: str | None = None
    close: list[tuple[str, float]] | None = None  # roles closest in meaning, when meaning was asked
    words: bool = False  # whether anything searchable was typed


def _search(index: SearchIndex, query: str, similar: Similar | None) -> _Found:
    # With meaning to fall back on, "any word" matching is left out: it was slow and found little more.
    result = index.search(query, limit=MAX_KEYWORD_HITS, widen=similar is None)
    hits = [hit for hit in result.hits if hit.type == "role"]
    top = max((hit.score for hit in hits), default=1.0) or 1.0
    found = _Found(ranked=[hit.slug for hit in hits], how={hit.slug: hit.how for hit in hits},
                   scores={hit.slug: round(hit.score / top, 3) for hit in hits}, corrected=result.corrected,
                   words=True)
    strict = [hit.slug for hit in hits if hit.how == "words"]
    if similar is None or (result.named and len(strict) >= ENOUGH_STRICT_HITS):
        return found
    # A wish rather than a job's name ("looking after old people"), or too few hits: let meaning help.
    # (Without "any word" matching, every keyword hit here matched every word.)
    found.close = similar(result.corrected or query)[:MEANING_CANDIDATES]
    close = []
    for slug, similarity in found.close:
        if similarity >= MEANING_FLOOR:
            close.append(slug)
            if slug not in found.how:
                found.how[slug], found.scores[slug] = "meaning", similarity
    if result.named:  # a job's name with few hits: those hits first, then what meaning adds
        found.ranked = strict + [slug for slug in close if slug not in strict]
    else:
        found.ranked = _fuse([strict, close])
    return found


def _fuse(rankings: list[list[str]]) -> list[str]:
    score: dict[str, float] = {}
    for ranking in rankings:
        for rank, slug in enumerate(ranking):
            score[slug] = score.get(slug, 0.0) + 1.0 / (FUSION_K + rank)
    return sorted(score, key=lambda slug: -score[slug])
