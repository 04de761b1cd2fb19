"""What people do with their results, kept anonymously to teach the ranking: shown, saved, opened, dismissed.

Each results page gets a random reference (not linked to any person). An impression stores the features the
ranking saw for that role; later events on the same reference and role say whether it was a good pick.

What a person was shown is recorded once per result set, keyed by a hash of the roles and features shown, so
reloading a page adds nothing. One reference can add only so many events, and old events are deleted after a
retention period (both are settings).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, UniqueConstraint, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from careercompass.database import Base

POSITIVE = {"save", "open"}
NEGATIVE = {"not_for_me"}
KINDS = {"impression", *POSITIVE, *NEGATIVE}


DEFAULT_EVENTS_PER_REFERENCE = 200
SHOWN_KEY_LENGTH = 16


class FeedbackEvent(Base):
    __tablename__ = "feedback_events"
    # One impression per role in a result set: a second write of the same set is refused by the database too.
    __table_args__ = (UniqueConstraint("reference", "result_set", "role_slug"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    reference: Mapped[str] = mapped_column(String(32), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    role_slug: Mapped[str] = mapped_column(String(80))
    rank: Mapped[int | None] = mapped_column(Integer)
    features: Mapped[list[float] | None] = mapped_column(JSON)
    result_set: Mapped[str | None] = mapped_column(String(SHOWN_KEY_LENGTH))  # impressions only: shown_key()


def room_left(session: Session, reference: str, limit: int = DEFAULT_EVENTS_PER_REFERENCE) -> int:
    """How many more events this reference may add before it reaches the limit."""
    used = session.scalar(select(func.count()).select_from(FeedbackEvent).where(FeedbackEvent.reference == reference))
    return max(0, limit - (used or 0))


def record(session: Session, reference: str, kind: str, role_slug: str, rank: int | None = None,
           features: list[float] | None = None, limit: int = DEFAULT_EVENTS_PER_REFERENCE) -> bool:
    """Add one event, unless this reference has already added `limit` events, or the same event for the same
    role (opening a job twice, or reloading its page, says no more than opening it once). True if it was added."""
    if kind not in KINDS:
        raise ValueError(f"unknown feedback kind {kind!r}")
    same = select(FeedbackEvent.id).where(FeedbackEvent.reference == reference, FeedbackEvent.kind == kind,
                                          FeedbackEvent.role_slug == role_slug).limit(1)
    if session.scalar(same) is not None or room_left(session, reference, limit) < 1:
        return False
    session.add(FeedbackEvent(created_at=datetime.now(UTC), reference=reference, kind=kind, role_slug=role_slug,
                              rank=rank, features=features))
    return True


def shown_key(shown: Sequence[tuple[str, Sequence[float]]]) -> str:
    """A short key for a result set: the roles shown, in order, with the features the ranking saw for each."""
    text = json.dumps([[slug, [round(float(f), 6) for f in features]] for slug, features in shown])
    return hashlib.sha256(text.encode()).hexdigest()[:SHOWN_KEY_LENGTH]


def record_shown(session: Session, reference: str, shown: Sequence[tuple[str, Sequence[float]]],
                 limit: int = DEFAULT_EVENTS_PER_REFERENCE) -> int:
    """Record a result set as impressions (rank order), once: the same set again adds nothing.

    Commits, so that two requests recording the same set at once cannot both add it (the second meets the
    unique constraint and is rolled back). Returns how many impressions were added.
    """
    key = shown_key(shown)
    already = select(FeedbackEvent.id).where(FeedbackEvent.reference == reference,
                                             FeedbackEvent.result_set == key).limit(1)
    if not shown or session.scalar(already) is not None or room_left(session, reference, limit) < len(shown):
        return 0
    now = datetime.now(UTC)
    session.add_all(
        FeedbackEvent(created_at=now, reference=reference, kind="impression", role_slug=slug, rank=rank,
                      features=[float(f) for f in features], result_set=key)
        for rank, (slug, features) in enumerate(shown, start=1)
    )
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return 0
    return len(shown)


def delete_older_than(session: Session, days: int, now: datetime | None = None) -> int:
    """Delete events older than the retention period; returns how many were deleted. Does not commit."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=days)
    return session.execute(delete(FeedbackEvent).where(FeedbackEvent.created_at < cutoff)).rowcount or 0


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
