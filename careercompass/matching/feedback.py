"""What people do with their results, kept anonymously to teach the ranking: shown, saved, opened, dismissed.

Each results page gets a random reference (not linked to any person). An impression stores the features the
ranking saw for that role; later events on the same reference and role say whether it was a good pick.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from careercompass.database import Base

POSITIVE = {"save", "open"}
NEGATIVE = {"not_for_me"}
KINDS = {"impression", *POSITIVE, *NEGATIVE}


class FeedbackEvent(Base):
    __tablename__ = "feedback_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reference: Mapped[str] = mapped_column(String(32), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    role_slug: Mapped[str] = mapped_column(String(80))
    rank: Mapped[int | None] = mapped_column(Integer)
    features: Mapped[list[float] | None] = mapped_column(JSON)


def record(session: Session, reference: str, kind: str, role_slug: str, rank: int | None = None,
           features: list[float] | None = None) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown feedback kind {kind!r}")
    session.add(FeedbackEvent(created_at=datetime.now(UTC), reference=reference, kind=kind, role_slug=role_slug,
                              rank=rank, features=features))


def labelled_examples(session: Session) -> tuple[list[list[float]], list[int]]:
    """Feature rows from impressions, labelled 1 if later saved or opened and 0 if dismissed.

    Impressions with no later signal are left out: not clicking is not the same as not liking.
    """
    impressions: dict[tuple[str, str], list[float]] = {}
    labels: dict[tuple[str, str], int] = {}
    for event in session.scalars(select(FeedbackEvent).order_by(FeedbackEvent.id)):
        key = (event.reference, event.role_slug)
        if event.kind == "impression" and event.features is not None:
            impressions[key] = event.features
        elif event.kind in NEGATIVE:
            labels[key] = 0
        elif event.kind in POSITIVE:
            labels.setdefault(key, 1)
    rows = [(impressions[key], label) for key, label in labels.items() if key in impressions]
    return [list(features) for features, _ in rows], [label for _, label in rows]


def summary(session: Session) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for kind in session.scalars(select(FeedbackEvent.kind)):
        counts[kind] = counts.get(kind, 0) + 1
    return counts
