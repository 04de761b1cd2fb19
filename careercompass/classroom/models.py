"""The tables behind class sessions: the session an adviser runs, and each pupil's seat in it (a nickname only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careercompass.database import Base


class ClassSession(Base):
    __tablename__ = "class_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)  # what pupils type to join, without the dash
    name: Mapped[str] = mapped_column(String(80))  # "Year 10, Tuesday": for the adviser's own list
    # The adviser who runs it; with their account gone, an admin can still see and delete it.
    adviser_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The jobs the class named in the lesson's starter, as the adviser typed them: the board's "surprises" are the
    # jobs that came up and match none of these.
    named_jobs: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))

    pupils: Mapped[list[ClassPupil]] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                                    order_by="ClassPupil.joined_at")


class ClassPupil(Base):
    """One pupil's seat: a nickname, their answers and the results they saw. Found by a secret in their cookie."""

    __tablename__ = "class_pupils"
    __table_args__ = (UniqueConstraint("session_id", "nickname_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("class_sessions.id", ondelete="CASCADE"), index=True)
    seat: Mapped[str] = mapped_column(String(64), unique=True)  # the secret in the pupil's cookie
    nickname: Mapped[str] = mapped_column(String(20))
    nickname_key: Mapped[str] = mapped_column(String(20))  # folded, so "Sam" and "sam" are one nickname
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the quiz's stored form
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)  # the role slugs their results showed, best first
    families: Mapped[list[str]] = mapped_column(JSON, default=list)  # the families of those roles, in that order
    dealbreakers: Mapped[list[str]] = mapped_column(JSON, default=list)  # ticked or said in words
    not_for_me: Mapped[list[str]] = mapped_column(JSON, default=list)  # role slugs they dismissed
    # What they did next, for the school's records: counts only (the lists and bookings hold no nickname).
    lists_saved: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    places_booked: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
