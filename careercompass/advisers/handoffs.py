"""Hand-off: a young person gives their saved code to an adviser, who adds notes and agreed next steps.

The code is the person's own secret: an adviser sees a shortlist only after typing it in, and the notes go with the
shortlist (the person sees them when they open their code, and they are deleted with it). Each adviser's notes on a
code are their own: another adviser never sees them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from careercompass.advisers.shortlists import Shortlist
from careercompass.database import Base
from careercompass.problems import FieldProblem

MOST_STEPS = 5
MOST_NOTE_LENGTH = 2000


class Handoff(Base):
    __tablename__ = "handoffs"
    __table_args__ = (UniqueConstraint("shortlist_code", "adviser_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    shortlist_code: Mapped[str] = mapped_column(ForeignKey("shortlists.code", ondelete="CASCADE"), index=True)
    adviser_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # [{"what", "by": "YYYY-MM-DD" or ""}]
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class HandoffProblem(FieldProblem):
    """A field of the adviser's notes or next steps that needs putting right."""


@dataclass(frozen=True)
class StepForm:
    what: str
    by: str


def take(session: Session, shortlist: Shortlist, adviser_id: int, now: datetime | None = None) -> Handoff:
    """This adviser's hand-off of the code, made when they first type it in. Flushes."""
    found = session.scalar(select(Handoff).where(Handoff.shortlist_code == shortlist.code,
                                                 Handoff.adviser_id == adviser_id))
    if found is None:
        found = Handoff(shortlist_code=shortlist.code, adviser_id=adviser_id, notes="", steps=[],
                        updated_at=now or datetime.now(UTC))
        session.add(found)
        session.flush()
    return found


def save_notes(handoff: Handoff, notes: str, steps: list[StepForm], now: datetime | None = None) -> None:
    """Check and keep the notes and next steps; raises HandoffProblem naming the field before changing anything."""
    text = notes.strip()
    if len(text) > MOST_NOTE_LENGTH:
        raise HandoffProblem("notes", f"Keep the notes to {MOST_NOTE_LENGTH:,} letters.")
    kept = []
    for number, step in enumerate(steps, start=1):
        what, by = " ".join(step.what.split()), step.by.strip()
        if not what and not by:
            continue
        if not what or len(what) > 200:
            raise HandoffProblem(f"what-{number}", f"Step {number}: say what to do, in 200 letters or fewer.")
        if by:
            try:
                date.fromisoformat(by)
            except ValueError:
                raise HandoffProblem(f"by-{number}", f"Step {number}: give the date as 2027-01-31.") from None
        kept.append({"what": what, "by": by})
    if len(kept) > MOST_STEPS:
        raise HandoffProblem("what-1", f"Agree {MOST_STEPS} steps or fewer.")
    handoff.notes, handoff.steps, handoff.updated_at = text, kept, now or datetime.now(UTC)


def mine(session: Session, adviser_id: int) -> list[Handoff]:
    """The codes handed to this adviser, latest first."""
    return list(session.scalars(select(Handoff).where(Handoff.adviser_id == adviser_id)
                                .order_by(Handoff.updated_at.desc())))


def for_person(session: Session, code: str) -> list[Handoff]:
    """What advisers wrote on this code, for the person who holds it."""
    found = session.scalars(select(Handoff).where(Handoff.shortlist_code == code).order_by(Handoff.updated_at))
    return [handoff for handoff in found if handoff.notes or handoff.steps]
