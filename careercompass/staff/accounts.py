"""Staff accounts: Academy staff, advisers and admins. Pupils and visitors never have one.

Accounts are made by an admin from the command line (no self sign-up). Passwords are hashed with argon2. Repeated
wrong passwords lock an account for a while; every sign-in, lock and decision is written to the action log, which
keeps only what staff did (who, what, when), never anything about a young person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from careercompass.database import Base

ROLES = ("admin", "staff", "adviser")  # admin: everything; staff: vacancies and imports; adviser: classroom (later)
MIN_PASSWORD_LENGTH = 12
LOCK_AFTER_FAILURES = 5
LOCK_MINUTES = 15
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHasher()
# Checking a password against this when the email is unknown takes as long as a real check, so timing does not
# tell an attacker which emails have accounts.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


class AccountProblem(ValueError):
    """A request about accounts that cannot be done, said plainly."""


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Changing the password ends every session signed in before it (sessions carry this number).
    session_version: Mapped[int] = mapped_column(Integer, default=1)


class StaffAction(Base):
    """One thing a member of staff did: signed in, failed to, decided a link, ran an import, hid a vacancy."""

    __tablename__ = "staff_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    email: Mapped[str] = mapped_column(String(254))  # kept as written, so the log still reads after an account goes
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")


@dataclass(frozen=True)
class SignIn:
    user: StaffUser | None
    problem: str | None  # what to tell the person when it failed


def normal_email(email: str) -> str:
    return email.strip().lower()


def add_user(session: Session, email: str, role: str, password: str, now: datetime | None = None) -> StaffUser:
    email = normal_email(email)
    if not EMAIL.match(email):
        raise AccountProblem(f"'{email}' is not an email address")
    if role not in ROLES:
        raise AccountProblem(f"role must be one of {', '.join(ROLES)}")
    _check_password(password)
    if session.scalar(select(StaffUser).where(StaffUser.email == email)) is not None:
        raise AccountProblem(f"{email} already has an account")
    user = StaffUser(email=email, role=role, password_hash=_hasher.hash(password), failed_attempts=0,
                     disabled=False, created_at=now or datetime.now(UTC), session_version=1)
    session.add(user)
    session.flush()
    log(session, user, "account made", f"role {role}")
    return user


def reset_password(session: Session, email: str, password: str) -> StaffUser:
    """A new password (set by an admin), which also unlocks the account and signs it out everywhere."""
    user = find(session, email)
    _check_password(password)
    user.password_hash = _hasher.hash(password)
    user.failed_attempts = 0
    user.locked_until = None
    user.session_version += 1
    log(session, user, "password reset")
    return user


def remove_user(session: Session, email: str) -> None:
    user = find(session, email)
    log(session, user, "account removed")
    session.delete(user)


def find(session: Session, email: str) -> StaffUser:
    user = session.scalar(select(StaffUser).where(StaffUser.email == normal_email(email)))
    if user is None:
        raise AccountProblem(f"no account has the email {normal_email(email)}")
    return user


def sign_in(session: Session, email: str, password: str, now: datetime | None = None) -> SignIn:
    """Check a password. Wrong ones count towards a lock; the message never says whether the email exists."""
    now = now or datetime.now(UTC)
    wrong = SignIn(None, "That email and password do not match an account. Check them and try again.")
    user = session.scalar(select(StaffUser).where(StaffUser.email == normal_email(email)))
    if user is None or user.disabled:
        _verify(_DUMMY_HASH, password)
        return wrong
    if user.locked_until is not None and _aware(user.locked_until) > now:
        log(session, user, "sign-in refused", "locked")
        minutes = max(1, int((_aware(user.locked_until) - now).total_seconds() // 60) + 1)
        return SignIn(None, f"Too many wrong passwords. Try again in {minutes} minutes, or ask an admin.")
    if not _verify(user.password_hash, password):
        user.failed_attempts += 1
        if user.failed_attempts >= LOCK_AFTER_FAILURES:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_attempts = 0
            log(session, user, "account locked", f"after {LOCK_AFTER_FAILURES} wrong passwords")
        else:
            log(session, user, "sign-in failed")
        return wrong
    user.failed_attempts = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    log(session, user, "signed in")
    return SignIn(user, None)


def log(session: Session, user: StaffUser | None, action: str, detail: str = "") -> None:
    session.add(StaffAction(at=datetime.now(UTC), user_id=user.id if user else None,
                            email=user.email if user else "", action=action[:40], detail=detail))


def recent_actions(session: Session, limit: int = 200) -> list[StaffAction]:
    return list(session.scalars(select(StaffAction).order_by(StaffAction.id.desc()).limit(limit)))


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(StaffUser)) or 0


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountProblem(f"the password must be at least {MIN_PASSWORD_LENGTH} characters long")


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite gives naive datetimes back
