"""A learned re-ranker: logistic regression on anonymous feedback, blended into the hybrid score.

It is trained by `careercompass train` and kept (as plain JSON, never a pickle) only when it beats the
untrained ranking on the persona evaluation set without breaking a deal-breaker.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

FEATURE_NAMES = ("interests", "text", "practical", "patient_facing", "physical", "emotional",
                 "earn_while_you_learn", "pay")
BLEND = 0.5  # how much the learned score moves the hybrid score, in standard units
MIN_EXAMPLES = 50


@dataclass(frozen=True)
class Reranker:
    coefficients: tuple[float, ...]
    intercept: float
    examples: int

    def scores(self, features: np.ndarray) -> np.ndarray:
        return features @ np.asarray(self.coefficients, dtype=np.float32) + self.intercept

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"features": FEATURE_NAMES, **asdict(self)}, indent=2))
        temporary.replace(path)

    @classmethod
    def load(cls, path: Path) -> Reranker | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text())
        if tuple(data.get("features", ())) != FEATURE_NAMES:
            return None  # trained on other features: ignore rather than misuse
        return cls(tuple(data["coefficients"]), float(data["intercept"]), int(data["examples"]))


def fit(features: list[list[float]], labels: list[int]) -> Reranker:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit(np.asarray(features, dtype=np.float64), np.asarray(labels))
    return Reranker(tuple(float(c) for c in model.coef_[0]), float(model.intercept_[0]), len(labels))
