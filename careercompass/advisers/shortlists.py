"""Saved shortlists: a short code (and QR) that brings back someone's jobs, with no name or account.

A code is six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so it can be read out
in a classroom or typed from a printout. The quiz answers and the jobs are stored; the person's own words
(which can say things like "I have epilepsy") only when they tick that they want them kept, and then apart,
so the printable page never shows them. Reasons that repeat the words are kept apart in the same way.
A code stops working after the retention period, and whoever holds it can delete it.
"""

from __future__ import annotations

import io
import re
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import segno
from sqlalchemy import JSON, DateTime, String, Text, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from careercompass.database import Base
from careercompass.matching.quiz import QUESTIONS

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
CODE_PATTERN = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
MAX_ROLES = 20
WORDS_QUESTION = next(q.id for q in QUESTIONS if q.kind == "text")  # the quiz's "in your own words" answer
LIMITS_QUESTION = "dealbreakers"
QUOTE_MARKS = "“”\"‘"
PICKED_FROM_ANSWERS = "We picked this job from your answers."


class Shortlist(Base):
    __tablename__ = "shortlists"

    code: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    # [{"slug", "title", "reasons"}]: the reasons that do not repeat the person's words, for the printable page;
    # with "reasons_with_words" (every reason as shown) only when the words are kept.
    matches: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    not_for_me: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    own_words: Mapped[str | None] = mapped_column(Text, nullable=True)  # only if the person asked to keep them

    def expires_at(self, keep_days: int) -> datetime:
        created = self.created_at if self.created_at.tzinfo else self.created_at.replace(tzinfo=UTC)  # SQLite
        return created + timedelta(days=keep_days)

    def answers_to_carry_on(self) -> dict[str, Any]:
        """The answers to carry on from: with the person's words only if they were kept."""
        return {**self.answers, WORDS_QUESTION: self.own_words} if self.own_words else dict(self.answers)


def normalise_code(raw: str) -> str | None:
    """Accept the code as people type it, in any case and with spaces or dashes; None if it cannot be one."""
    code = re.sub(r"[\s-]", "", raw or "").upper()
    return code if CODE_PATTERN.match(code) else None


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def repeats_words(reason: str, words: str) -> bool:
    """True if a reason quotes the person, or repeats two or more of their words in a row. Kept on the safe
    side: a reason wrongly judged to repeat them is only moved off the printable page."""
    if any(mark in reason for mark in QUOTE_MARKS):
        return True
    said = re.findall(r"\w+", words.lower())
    reason_words = " " + " ".join(re.findall(r"\w+", reason.lower())) + " "
    return any(f" {first} {second} " in reason_words for first, second in zip(said, said[1:]))


def save_shortlist(session: Session, answers: dict[str, Any], matches: list[dict[str, Any]],
                   not_for_me: list[str], own_words: str | None = None,
                   limits_from_words: Iterable[str] = ()) -> Shortlist:
    """Store a shortlist under a new code; tries again in the rare case a code is already taken.

    `answers` may hold the person's words: they are kept (apart) only when `own_words` is given. Deal-breakers
    understood from words that are not kept (`limits_from_words`) are kept as if ticked, so carrying on still
    leaves those jobs out.
    """
    words = str(answers.get(WORDS_QUESTION) or "")
    kept = {key: value for key, value in answers.items() if key != WORDS_QUESTION}
    limits = sorted(set(limits_from_words))
    if not own_words and limits:
        kept[LIMITS_QUESTION] = sorted({*kept.get(LIMITS_QUESTION, []), *limits})
    stored_matches = [_stored_match(m, words, keep=bool(own_words)) for m in matches[:MAX_ROLES]]
    for _ in range(10):
        code = new_code()
        if session.get(Shortlist, code) is None:
            shortlist = Shortlist(code=code, answers=kept, matches=stored_matches, not_for_me=not_for_me,
                                  created_at=datetime.now(UTC), own_words=own_words or None)
            session.add(shortlist)
            session.flush()
            return shortlist
    raise RuntimeError("could not find a free shortlist code")


def _stored_match(match: dict[str, Any], words: str, keep: bool) -> dict[str, Any]:
    reasons = list(match.get("reasons", []))
    public = [r for r in reasons if not (words and repeats_words(r, words))]
    stored = {**match, "reasons": public or [PICKED_FROM_ANSWERS]}
    if keep and stored["reasons"] != reasons:
        stored["reasons_with_words"] = reasons
    return stored


def _cutoff(keep_days: int, now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)) - timedelta(days=keep_days)


def find_shortlist(session: Session, code: str, keep_days: int, now: datetime | None = None) -> Shortlist | None:
    """The shortlist saved under this code, or None if there is none or it is older than `keep_days`."""
    return session.scalars(
        select(Shortlist).where(Shortlist.code == code, Shortlist.created_at >= _cutoff(keep_days, now))
    ).first()


def delete_shortlist(session: Session, code: str) -> bool:
    """Delete the shortlist saved under this code (its holder asked); False if there was none. Does not commit."""
    return bool(session.execute(delete(Shortlist).where(Shortlist.code == code)).rowcount)


def delete_expired(session: Session, keep_days: int, now: datetime | None = None) -> int:
    """Delete shortlists older than the retention period; returns how many. Does not commit."""
    return session.execute(delete(Shortlist).where(Shortlist.created_at < _cutoff(keep_days, now))).rowcount or 0


def qr_svg(url: str, title: str = "QR code for this shortlist") -> str:
    """A QR code for the address as inline SVG, with a title for screen readers."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=5, border=2, xmldecl=False, svgns=True,
                                    title=title, dark="#1b1b1f", light="#ffffff")
    return buffer.getvalue().decode()
