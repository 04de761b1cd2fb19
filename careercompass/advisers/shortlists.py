"""Saved shortlists: a short code (and QR) that brings back someone's jobs, with no name or account.

A code is six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so it can be read out
in a classroom or typed from a printout. Only the quiz answers and the jobs are stored.
"""

from __future__ import annotations

import io
import re
import secrets
from datetime import UTC, datetime
from typing import Any

import segno
from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from careercompass.database import Base

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
CODE_PATTERN = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
MAX_ROLES = 20


class Shortlist(Base):
    __tablename__ = "shortlists"

    code: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    matches: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # [{"slug", "title", "reasons"}] as shown
    not_for_me: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def normalise_code(raw: str) -> str | None:
    """Accept the code as people type it, in any case and with spaces or dashes; None if it cannot be one."""
    code = re.sub(r"[\s-]", "", raw or "").upper()
    return code if CODE_PATTERN.match(code) else None


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def save_shortlist(session: Session, answers: dict[str, Any], matches: list[dict[str, Any]],
                   not_for_me: list[str]) -> Shortlist:
    """Store a shortlist under a new code; tries again in the rare case a code is already taken."""
    for _ in range(10):
        code = new_code()
        if session.get(Shortlist, code) is None:
            shortlist = Shortlist(code=code, answers=answers, matches=matches[:MAX_ROLES],
                                  not_for_me=not_for_me, created_at=datetime.now(UTC))
            session.add(shortlist)
            session.flush()
            return shortlist
    raise RuntimeError("could not find a free shortlist code")


def find_shortlist(session: Session, code: str) -> Shortlist | None:
    return session.get(Shortlist, code)


def qr_svg(url: str) -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=5, border=2, xmldecl=False, svgns=True,
                                    title="QR code for this shortlist", dark="#1b1b1f", light="#ffffff")
    return buffer.getvalue().decode()
