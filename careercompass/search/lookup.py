"""Linking a job title, as an employer writes it, to the catalogue role it is.

Employers' titles carry more than the job: "Band 6 Sister - Ward 7", "Bank Domestic - Seacroft",
"Rotational Physiotherapist B5/6". The pay band, contract words, wards and places are taken off first; what is
left is compared with every role's title and other titles, and the search index supplies candidates when no
name matches outright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careercompass.matching.wording import singular
from careercompass.search.index import MAX_QUERY_LENGTH, SearchIndex
from careercompass.search.synonyms import words_of

# Words about the contract, the shift or the place, not the job.
NOISE_PATTERNS = (
    r"\bband\s*\d[a-d]?(\s*(/|-|to)\s*\d[a-d]?)*",
    r"\bb\d[a-d]?(\s*/\s*\d[a-d]?)*\b",
    r"\bafc\b",
    r"\blevel\s*\d\b",
    r"\bx\s?\d+\b",
    r"\b\d+(\.\d+)?\s*(hours|hrs|hr|h)\b( per week| a week| pw)?",
    r"\bward\s+[a-z]?\d+[a-z]?\b",
    r"\b(bank|agency|locum|fixed[- ]term|part[- ]time|full[- ]time|permanent|temporary|temp|secondment|"
    r"maternity cover|relief|apprentice|apprenticeship|casual|zero hours?|flexible|nights?|days|weekends?|twilight|waking nights?|"
    r"sleep[- ]ins?|immediate start|urgent|new|vacancy|job|role|ltht|lypft|lch|trust|leeds)\b",
)
# Words in the later parts of a title that name a place or a team, not a job: they never tip one job over another.
PLACE_WORDS = frozenset({"ward", "unit", "team", "service", "department", "dept", "clinic", "centre", "center",
                         "hospital", "inpatient", "outpatient", "site", "base", "hub", "acute", "medical", "surgical",
                         "adult", "general"})
# A doctor's grade says the job is a doctor's; the specialty words after it ("in Psychiatry") say which one.
DOCTOR_GRADE = re.compile(
    r"\b(?:specialt?y doctor|speciality doctor|specialist doctor|trust (?:grade )?doctor|(?:junior |senior )?clinical "
    r"fellow|(?:specialty |specialist )?registrar|sho|locum consultant|consultant(?= in\b)|st ?\d(?: ?[-/] ?\d)?\+?|"
    r"ct ?\d(?: ?[-/] ?\d)?|cst|fy ?[12]|(?:ct|st)\d? equivalent|equivalent)\b", re.I)
DOCTOR_WORDS = frozenset({"doctor", "surgeon", "consultant", "registrar", "physician"})
DOCTOR_GRADE_BONUS = 0.25
# A fit found by reading a word as its synonym is a little less sure than the same fit to the words as written:
# "Receptionist Ophthalmology" is a receptionist, though "ophthalmology" read as "ophthalmologist" fits as well.
SYNONYM_FIT = 0.97
# The search words list a word's usual meaning first ("psychologist": clinical, then assistant), so between two
# readings that fit equally well, the earlier one wins.
SYNONYM_ORDER_STEP = 0.002
# Small words that join a title's parts ("Consultant in Acute Medicine") and name nothing.
JOINING_WORDS = frozenset({"in", "of", "and", "the", "for", "with", "to", "at", "a", "an", "&"})
SEGMENT_SPLIT = r"\s[-–—|]\s|[()\[\],;:]|\s[-–—]|[-–—]\s|/"
BAND_PATTERN = r"\b(?:band\s*|b)(\d)[a-d]?\b"
# Later parts of a title are usually the ward, team or place, so they count for less.
SEGMENT_WEIGHTS = (1.0, 0.6, 0.4, 0.3)
CANDIDATES_PER_SEGMENT = 8
CONTEXT_SHARE = 0.3
ALTERNATIVES = 4
# Two candidates this close are hard to tell apart, so the confidence in the first is lowered.
AMBIGUITY_MARGIN = 0.08
AMBIGUITY_PENALTY = 0.15


@dataclass(frozen=True)
class Candidate:
    slug: str
    title: str
    confidence: float


@dataclass(frozen=True)
class Lookup:
    title: str
    understood: str  # the part of the title that was matched
    band: int | None
    best: Candidate | None
    alternatives: list[Candidate]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(singular(w) for w in words_of(text) if w not in JOINING_WORDS)


def _name_similarity(typed: frozenset[str], name: frozenset[str]) -> float:
    """How well a name covers what was typed; a name with extra words is a slightly worse fit."""
    if not typed or not name:
        return 0.0
    shared = len(typed & name)
    return 0.8 * shared / len(typed) + 0.2 * shared / len(name)


def segments(title: str) -> list[str]:
    """The parts of a title that could name a job, noise removed, in the order written."""
    text = DOCTOR_GRADE.sub(" ", title.lower().replace("’", "'"))
    for pattern in NOISE_PATTERNS:
        text = re.sub(pattern, " ", text)
    parts = [" ".join(words_of(part)) for part in re.split(SEGMENT_SPLIT, text)]
    return [part for part in parts if part]


def band_in(title: str) -> int | None:
    found = re.search(BAND_PATTERN, title.lower())
    return int(found.group(1)) if found else None


def _doctor_slugs(names) -> frozenset[str]:
    """Roles that employers advertise as doctors' posts: a name of theirs says doctor, surgeon or consultant."""
    return frozenset(slug for kind, slug, _, name, _ in names
                     if kind == "role" and DOCTOR_WORDS & set(words_of(name)))


def _role_names(names) -> tuple[dict[str, list[frozenset[str]]], dict[str, str]]:
    """Each role's names as word sets, and its title: made once per index build, not per title looked up."""
    by_slug: dict[str, list[frozenset[str]]] = {}
    titles: dict[str, str] = {}
    for kind, slug, role_title, name, _ in names:
        if kind == "role":
            by_slug.setdefault(slug, []).append(_word_set(name))
            titles[slug] = role_title
    return by_slug, titles


def lookup(index: SearchIndex, title: str) -> Lookup:
    title = " ".join(title.split())[:MAX_QUERY_LENGTH]
    by_slug, titles = index.once_per_build("lookup:names", _role_names)
    synonyms = index.synonyms()
    # Each part as written and once per synonym in it, as text for the index and as a word set for scoring.
    parts = [(segment, [" ".join(words) for words in synonyms.readings(segment.split())])
             for segment in segments(title)[: len(SEGMENT_WEIGHTS)]]
    # The whole title at once too: "Staff Nurse - Children's Ward" names a job neither part names alone.
    whole = " ".join(segment for segment, _ in parts)
    candidates = {hit.slug for hit in index.search(whole, CANDIDATES_PER_SEGMENT).hits if hit.type == "role"}
    for segment, readings in parts:
        candidates |= {hit.slug for reading in readings for hit in index.search(reading, CANDIDATES_PER_SEGMENT).hits
                       if hit.type == "role"}
        typed = _word_set(segment)
        candidates |= {slug for slug, role_names in by_slug.items() if typed in role_names}
    # Every candidate is scored against every part, whichever part found it.
    fits: dict[str, list[float]] = {}
    understood = ""
    for position, (segment, reading_texts) in enumerate(parts):
        # (words, how sure a fit to them is): as written first, then each synonym reading
        readings = [(_word_set(text), 1.0 if n == 0 else SYNONYM_FIT - SYNONYM_ORDER_STEP * (n - 1))
                    for n, text in enumerate(reading_texts)]
        if position:  # a later part is context: "Respiratory Ward" says where, and "ward" alone says no job
            readings = [(words - PLACE_WORDS, sure) for words, sure in readings if words - PLACE_WORDS]
            if not readings:
                continue
        for slug in candidates:
            fit = max(_name_similarity(words, name) * sure for words, sure in readings for name in by_slug[slug])
            fits.setdefault(slug, []).append(fit * SEGMENT_WEIGHTS[position])
            if fit >= 0.5 and not understood:
                understood = segment
    # The part that fits best decides; the other parts ("Children's Ward", "(RMN)") add a little as context.
    scores = {slug: max(found) + CONTEXT_SHARE * (sum(found) - max(found)) for slug, found in fits.items()}
    if DOCTOR_GRADE.search(title):  # a doctor's post: among jobs that fit the specialty, the doctor's comes first
        doctors = index.once_per_build("lookup:doctors", _doctor_slugs)
        scores = {slug: score + (DOCTOR_GRADE_BONUS if slug in doctors else 0.0) for slug, score in scores.items()}
    ranked = sorted(scores, key=lambda slug: (-scores[slug], titles[slug]))
    ranked = [slug for slug in ranked if scores[slug] > 0]
    if not ranked:
        return Lookup(title, understood, band_in(title), None, [])
    confidence = min(scores[ranked[0]], 1.0)
    if len(ranked) > 1 and scores[ranked[0]] - scores[ranked[1]] < AMBIGUITY_MARGIN:
        confidence -= AMBIGUITY_PENALTY
    best = Candidate(ranked[0], titles[ranked[0]], round(max(confidence, 0.0), 2))
    alternatives = [Candidate(slug, titles[slug], round(min(scores[slug], 1.0), 2))
                    for slug in ranked[1:1 + ALTERNATIVES]]
    return Lookup(title, understood, band_in(title), best, alternatives)
