"""Starting, joining, recording and closing class sessions, and the participation export for the school.

A join code is six characters from an alphabet with no look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G), shown as
"KTP-49X" so it can be read aloud from a projector. A nickname must not be a full name or a way to reach someone:
the session holds no personal data.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from careercompass.classroom.models import ClassPupil, ClassSession
from careercompass.problems import FieldProblem

CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3467"  # no look-alikes: B, G, I, L, O, Q, S, Z, 0, 1, 2, 5, 8 and 9 are left out
CODE_LENGTH = 6
MOST_PUPILS = 60
ROLES_KEPT = 10


class JoinProblem(FieldProblem):
    """Why a pupil could not join, said kindly; `field` names the form field ("code" or "nickname")."""


def shown_code(code: str) -> str:
    return f"{code[:3]}-{code[3:]}"


def typed_code(text: str) -> str:
    """What a pupil typed, as a code: capitals, without spaces or dashes."""
    return re.sub(r"[\s\-_.]", "", text.upper())[:CODE_LENGTH + 2]


def start(session: Session, name: str, adviser_id: int | None, now: datetime | None = None) -> ClassSession:
    """A new session with a fresh code. Flushes."""
    name = " ".join(name.split())[:80] or "Class session"
    for _ in range(20):  # 22^6 codes: a clash with an open session is rare, and then we simply draw again
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if session.scalar(select(ClassSession.id).where(ClassSession.code == code)) is None:
            break
    made = ClassSession(code=code, name=name, adviser_id=adviser_id, started_at=now or datetime.now(UTC))
    session.add(made)
    session.flush()
    return made


def check_nickname(nickname: str) -> str:
    """The nickname, tidied; raises JoinProblem when it looks like a full name, a contact or is not a nickname."""
    name = " ".join(nickname.split())
    if not 2 <= len(name) <= 20:
        raise JoinProblem("nickname", "Choose a nickname of 2 to 20 letters.")
    if re.search(r"@|https?:|www\.|\.com|\.co\.uk", name, re.IGNORECASE) or len(re.sub(r"\D", "", name)) >= 5:
        raise JoinProblem("nickname", "Please don't put an email, a phone number or a link in your nickname. "
                                      "Make one up instead, like Blue Fox.")
    words = name.split()
    if len(words) >= 2 and all(re.fullmatch(r"[A-Z][a-z'\-]+", w) for w in words) and not _made_up(words):
        raise JoinProblem("nickname", "That looks like a real name. Please make up a nickname instead, "
                                      "like Blue Fox or Star 7.")
    return name


def join(session: Session, code_text: str, nickname: str, now: datetime | None = None) -> ClassPupil:
    """A seat in the open session with this code. Commits. Raises JoinProblem."""
    now = now or datetime.now(UTC)
    code = typed_code(code_text)
    found = session.scalar(select(ClassSession).where(ClassSession.code == code))
    if found is None:
        raise JoinProblem("code", "We could not find that code. Check it on the board and try again.")
    if found.closed_at is not None:
        raise JoinProblem("code", "That session has finished. You can still do the quiz on your own.")
    name = check_nickname(nickname)
    if len(found.pupils) >= MOST_PUPILS:
        raise JoinProblem("code", "This session is full. Ask your teacher.")
    pupil = ClassPupil(session_id=found.id, seat=secrets.token_urlsafe(24), nickname=name,
                       nickname_key=name.casefold(), joined_at=now, answers={}, roles=[], families=[],
                       dealbreakers=[], not_for_me=[])
    session.add(pupil)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise JoinProblem("nickname", "Someone in your class already has that nickname. Try another.") from None
    return pupil


def seat(session: Session, token: str | None) -> ClassPupil | None:
    """The pupil's seat from the secret in their cookie, if its session is still open."""
    if not token:
        return None
    pupil = session.scalar(select(ClassPupil).where(ClassPupil.seat == token))
    if pupil is None or session.get(ClassSession, pupil.session_id).closed_at is not None:
        return None
    return pupil


def record_results(session: Session, pupil: ClassPupil, answers: dict, roles: list[tuple[str, str]],
                   dealbreakers: list[str], now: datetime | None = None) -> None:
    """What the pupil's results showed: (slug, family) best first, and their deal-breakers. Commits."""
    pupil.answers = answers
    pupil.roles = [slug for slug, _ in roles[:ROLES_KEPT]]
    pupil.families = [family for _, family in roles[:ROLES_KEPT]]
    pupil.dealbreakers = sorted(dealbreakers)
    pupil.finished_at = pupil.finished_at or now or datetime.now(UTC)
    session.commit()


def record_not_for_me(session: Session, pupil: ClassPupil, slug: str) -> None:
    """A role the pupil said was not for them. Commits."""
    if slug not in pupil.not_for_me:
        pupil.not_for_me = [*pupil.not_for_me, slug]
        session.commit()


MOST_NAMED_JOBS = 40


def set_named_jobs(found: ClassSession, text_typed: str) -> None:
    """The jobs the class named in the starter, one a line or separated by commas."""
    names = [" ".join(part.split()) for part in re.split(r"[,\n;]", text_typed)]
    found.named_jobs = [name[:60] for name in dict.fromkeys(n for n in names if n)][:MOST_NAMED_JOBS]


def count_follow_up(session: Session, pupil: ClassPupil, what: str) -> None:
    """A pupil saved their list ("saved") or booked a taster ("booked"). Commits."""
    if what == "saved":
        pupil.lists_saved += 1
    elif what == "booked":
        pupil.places_booked += 1
    session.commit()


def close(session: Session, found: ClassSession, now: datetime | None = None) -> None:
    """No more pupils can join or add results; the adviser's view and the summary stay until deletion. Flushes."""
    found.closed_at = found.closed_at or now or datetime.now(UTC)
    session.flush()


def for_adviser(session: Session, adviser_id: int | None, every_one: bool = False) -> list[ClassSession]:
    """The sessions this adviser runs, newest first; an admin sees every one."""
    query = select(ClassSession).order_by(ClassSession.started_at.desc())
    if not every_one:
        query = query.where(ClassSession.adviser_id == adviser_id)
    return list(session.scalars(query))


def delete_older_than(session: Session, days: int, now: datetime | None = None) -> int:
    """Sessions started more than `days` ago, with every pupil's seat: deleted. Does not commit."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=days)
    return session.execute(delete(ClassSession).where(ClassSession.started_at < cutoff)).rowcount or 0


def participation_csv(found: ClassSession, titles: dict[str, str]) -> str:
    """For the school's careers records: who took part (by nickname), whether they finished, and their top jobs."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Nickname", "Joined", "Finished the quiz", "Top three jobs", "Said not for me", "Lists saved",
                     "Tasters booked"])
    for pupil in found.pupils:
        writer.writerow([pupil.nickname, _aware(pupil.joined_at).strftime("%Y-%m-%d %H:%M"),
                         "yes" if pupil.finished_at else "no",
                         "; ".join(titles.get(slug, slug) for slug in pupil.roles[:3]), len(pupil.not_for_me),
                         pupil.lists_saved, pupil.places_booked])
    return out.getvalue()


def _made_up(words: list[str]) -> bool:
    """Two capitalised words can still be a nickname ("Blue Fox"): colours, animals and the like are allowed."""
    made_up = {"blue", "red", "green", "pink", "purple", "gold", "silver", "black", "white", "orange", "yellow",
               "fox", "cat", "dog", "wolf", "tiger", "lion", "bear", "star", "moon", "sun", "sky", "storm", "ninja",
               "dragon", "panda", "owl", "hawk", "shark", "rocket", "king", "queen", "captain", "super", "happy"}
    return any(w.casefold() in made_up for w in words)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
