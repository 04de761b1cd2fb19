"""How good are the suggestions? Hit rates and reciprocal rank on labelled personas, against baselines.

Baselines are what a simpler tool would do with the same person:
  - keyword search: the free text and the chosen answers' words, searched in the role index;
  - embeddings only: the same words as one sentence, nearest roles by meaning;
  - quiz only: the hybrid matcher with the free text left out.
Deal-breaker violations count results that need something the persona ruled out (in answers or in words).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from careercompass.matching.engine import MatchData, match
from careercompass.matching.quiz import Answers, parse_answers
from careercompass.matching.text import read_text
from careercompass.search.index import SearchIndex

TOP = 10


@dataclass(frozen=True)
class Persona:
    name: str
    answers: Answers
    accept: frozenset[str]

    @property
    def dealbreakers(self) -> frozenset[str]:
        return frozenset(o.id for o in self.answers.chosen("dealbreakers")) | read_text(self.answers.text).dealbreakers

    def words(self) -> str:
        """Everything the person told us, as plain words: what simple baselines get to work with."""
        labels = [o.label for qid in self.answers.choices for o in self.answers.chosen(qid) if qid != "dealbreakers"]
        return ". ".join([self.answers.text, *labels]).strip(". ")


@dataclass(frozen=True)
class Scores:
    name: str
    hit_at_5: float
    hit_at_10: float
    mrr: float
    precision_at_10: float  # share of the ten results an adviser would accept
    violations: int


Ranker = Callable[[Persona], list[str]]


def load_personas(path: Path, known_slugs: set[str]) -> list[Persona]:
    personas = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        unknown = sorted(set(entry["accept"]) - known_slugs)
        if unknown:
            raise ValueError(f"persona '{entry['name']}' accepts roles that do not exist: {', '.join(unknown)}")
        answers = parse_answers(entry.get("answers") or {}, entry.get("interests") or "")
        personas.append(Persona(entry["name"], answers, frozenset(entry["accept"])))
    return personas


def score(name: str, ranker: Ranker, personas: list[Persona], data: MatchData) -> Scores:
    hits5 = hits10 = 0
    reciprocal = precision = 0.0
    violations = 0
    for persona in personas:
        ranked = ranker(persona)[:TOP]
        ranks = [i for i, slug in enumerate(ranked, start=1) if slug in persona.accept]
        hits5 += bool(ranks and ranks[0] <= 5)
        hits10 += bool(ranks)
        reciprocal += 1 / ranks[0] if ranks else 0.0
        precision += len(ranks) / TOP
        violations += sum(
            any(data.roles[data.index[slug]].rules_out(d) for d in persona.dealbreakers) for slug in ranked
        )
    count = len(personas)
    return Scores(name, hits5 / count, hits10 / count, reciprocal / count, precision / count, violations)


def hybrid(data: MatchData) -> Ranker:
    return lambda persona: [m.slug for m in match(data, persona.answers, limit=TOP).matches]


def quiz_only(data: MatchData) -> Ranker:
    return lambda persona: [
        m.slug for m in match(data, Answers(choices=persona.answers.choices), limit=TOP).matches
    ]


def embeddings_only(data: MatchData) -> Ranker:
    def rank(persona: Persona) -> list[str]:
        words = persona.words()
        if not words:
            return []
        similarity = data.vectors @ data.encode([words])[0]
        return [data.roles[i].slug for i in np.argsort(-similarity)[:TOP]]

    return rank


def keyword_only(index: SearchIndex) -> Ranker:
    return lambda persona: [hit.slug for hit in index.search(persona.words(), limit=TOP).hits]


def evaluate(data: MatchData, index: SearchIndex, personas: list[Persona]) -> list[Scores]:
    return [
        score("hybrid (quiz + words + deal-breakers)", hybrid(data), personas, data),
        score("quiz only", quiz_only(data), personas, data),
        score("embeddings only", embeddings_only(data), personas, data),
        score("keyword search only", keyword_only(index), personas, data),
    ]


def table(results: list[Scores], persona_count: int) -> str:
    lines = [
        f"{persona_count} personas, top {TOP} results each",
        f"{'ranking':<40} {'hit@5':>6} {'hit@10':>7} {'MRR':>6} {'P@10':>6} {'deal-breaker violations':>24}",
    ]
    for r in results:
        lines.append(f"{r.name:<40} {r.hit_at_5:>6.2f} {r.hit_at_10:>7.2f} {r.mrr:>6.2f} {r.precision_at_10:>6.2f}"
                     f" {r.violations:>24}")
    return "\n".join(lines)
