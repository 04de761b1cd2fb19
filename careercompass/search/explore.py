"""Finding jobs: words typed, filters chosen, or both. Used by the browse page, search and the API alike.

Keyword search comes first because it is exact and quick. When it finds little that matches every word,
meaning takes over: the query is embedded and compared with every role and every task, so "looking after
people's feet" reaches the podiatrist even though no role says it that way.

Wishes in the words ("without a degree", "no nights") are read first and become filters; the words left rank
within them. When the wishes leave fewer than three jobs and dropping one would give more, the least important
is dropped, and the page says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from careercompass.catalogue.facets import FacetTable, Selection
from careercompass.search.index import ENOUGH_STRICT_HITS, MAX_QUERY_LENGTH, SearchIndex
from careercompass.search.intent import Reading, Wish, conditions_of, read_intent, relaxed_message
from careercompass.search.synonyms import words_of

Similar = Callable[[str], list[tuple[str, float]]]  # text -> (slug, similarity), closest first

MAX_KEYWORD_HITS = 60
# With wishes to filter on, many hits may fall out, so the words may reach further down the list.
MAX_KEYWORD_HITS_WITH_WISHES = 200
# Cosine similarity below which a role is too far from the words to show as a result on its own.
MEANING_FLOOR = 0.42
MEANING_CANDIDATES = 12
# When nothing is found, the closest few roles are offered as ideas, if they are not too far off.
IDEAS_WHEN_NOTHING_FOUND = 3
IDEAS_FLOOR = 0.3
# Reciprocal rank fusion: ranks from the two lists are mixed as 1 / (k + rank); k damps the top ranks.
FUSION_K = 10
# Fewer results than this, when dropping one wish would give more, and the least important wish is dropped.
ENOUGH_RESULTS = 3


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
    reading: Reading | None = None  # the wishes read from the words, and the words left to search on
    relaxed: Wish | None = None  # a wish dropped because too few jobs met them all
    relaxed_message: str = ""

    @property
    def wishes(self) -> list[Wish]:
        """The wishes that filter the results (a dropped one is not among them)."""
        return [wish for wish in self.reading.wishes if wish is not self.relaxed] if self.reading else []

    @property
    def total(self) -> int:
        return len(self.slugs)

    @property
    def searched(self) -> bool:
        return bool(self.query)


def explore(table: FacetTable, index: SearchIndex, query: str, selection: Selection,
            similar: Similar | None = None) -> Exploration:
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    reading = read_intent(query)
    words = reading.words if reading.said else query
    limit = MAX_KEYWORD_HITS_WITH_WISHES if reading.said else MAX_KEYWORD_HITS
    found = _search(index, words, similar, limit) if words_of(words) else _Found(table.alphabetical,
                                                                                  words=bool(reading.said))
    if reading.said and found.corrected:  # a spelling fix keeps the wishes' words beside it
        found.corrected = " ".join([found.corrected, *(query[s.start:s.end] for s in reading.said)])
    ideas: list[str] = []
    if words_of(words) and not found.ranked and found.close is not None:
        ideas = [slug for slug, score in found.close[:IDEAS_WHEN_NOTHING_FOUND] if score >= IDEAS_FLOOR]
    wished = selection.with_conditions(conditions_of(reading.wishes))
    slugs = table.filter(found.ranked, wished)
    relaxed, message = None, ""
    if len(slugs) < ENOUGH_RESULTS:
        relaxed, wished, slugs = _relax(table, found.ranked, selection, reading, wished, slugs)
        if relaxed is not None:
            message = relaxed_message(reading.words, reading.wishes, relaxed)
    return Exploration(query=query if found.words else "", selection=wished,
                       slugs=slugs, counts=table.counts(found.ranked, wished),
                       how=found.how, scores=found.scores, corrected=found.corrected, unfiltered=len(found.ranked),
                       ideas=ideas, used_meaning=found.close is not None, reading=reading, relaxed=relaxed,
                       relaxed_message=message)


def _relax(table: FacetTable, ranked: list[str], selection: Selection, reading: Reading, wished: Selection,
           slugs: list[str]) -> tuple[Wish | None, Selection, list[str]]:
    """Drop the least important wish whose absence gives more jobs, if any does."""
    for dropped in sorted(reading.wishes, key=lambda wish: wish.importance):
        kept = selection.with_conditions(conditions_of(w for w in reading.wishes if w is not dropped))
        more = table.filter(ranked, kept)
        if len(more) > len(slugs):
            return dropped, kept, more
    return None, wished, slugs


@dataclass
class _Found:
    ranked: list[str]  # best first
    how: dict[str, str] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    corrected: str | None = None
    close: list[tuple[str, float]] | None = None  # roles closest in meaning, when meaning was asked
    words: bool = False  # whether anything searchable was typed


def _search(index: SearchIndex, query: str, similar: Similar | None, limit: int = MAX_KEYWORD_HITS) -> _Found:
    # With meaning to fall back on, "any word" matching is left out: it was slow and found little more.
    result = index.search(query, limit=limit, widen=similar is None)
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
