"""When a learned re-ranker is kept: only if it beats the untrained ranking and breaks no deal-breaker.

A re-ranker learned from clicks could drift towards what gets clicked rather than what suits people, so the
labelled personas are the judge. A candidate that does not win is not used, and any older one is removed too,
so the re-ranker in use is always one that won against the latest feedback and personas.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from careercompass.matching import evaluation, reranker
from careercompass.matching.engine import MatchData
from careercompass.matching.evaluation import Persona, Scores


@dataclass(frozen=True)
class TrainingOutcome:
    kept: bool
    reason: str  # one sentence for the person who ran the training
    examples: int  # results with a clear good or bad signal
    untrained: Scores | None = None  # None when there was too little feedback to try
    trained: Scores | None = None
    personas: int = 0  # how many labelled personas judged it


def enough_feedback(labels: list[int]) -> bool:
    """Enough examples, with both good and bad picks among them (one kind alone teaches nothing)."""
    return len(labels) >= reranker.MIN_EXAMPLES and len(set(labels)) == 2


def beats(trained: Scores, untrained: Scores) -> bool:
    return trained.mrr > untrained.mrr and trained.violations == 0


def judge(candidate: reranker.Reranker, data: MatchData, personas: list[Persona], path: Path) -> TrainingOutcome:
    """Score the personas with and without the candidate; save it to `path` if it wins, else remove `path`."""
    without, with_candidate = _with_reranker(data, None), _with_reranker(data, candidate)
    untrained = evaluation.score("untrained hybrid", evaluation.hybrid(without), personas, without)
    trained = evaluation.score("with learned re-ranker", evaluation.hybrid(with_candidate), personas, with_candidate)
    if beats(trained, untrained):
        candidate.save(path)
        return TrainingOutcome(True, f"The learned re-ranker beats the untrained ranking: saved to {path}.",
                               candidate.examples, untrained, trained, len(personas))
    path.unlink(missing_ok=True)
    if trained.violations:
        reason = "The learned re-ranker suggests jobs that break a deal-breaker: not used."
    else:
        reason = "The learned re-ranker does not beat the untrained ranking: not used."
    return TrainingOutcome(False, reason, candidate.examples, untrained, trained, len(personas))


def _with_reranker(data: MatchData, chosen: reranker.Reranker | None) -> MatchData:
    twin = copy.copy(data)  # shallow: the roles and vectors are shared, not copied
    twin.reranker = chosen
    return twin


def train(features: list[list[float]], labels: list[int],
          load_judging_set: Callable[[], tuple[MatchData, list[Persona]]], path: Path) -> TrainingOutcome:
    """Learn a re-ranker from labelled feedback and keep it only if it wins (see `judge`).

    `load_judging_set` is only called when there is enough feedback, as it loads the matcher's data.
    """
    if not enough_feedback(labels):
        kept_before = path.exists()
        return TrainingOutcome(
            kept_before,
            f"Not enough feedback to learn from (need {reranker.MIN_EXAMPLES}, with both saves or opens and "
            "'not for me'). " + ("The re-ranker learned before stays in use." if kept_before
                                 else "The untrained ranking stays in use."),
            len(labels),
        )
    candidate = reranker.fit(features, labels)
    data, personas = load_judging_set()
    return judge(candidate, data, personas, path)
