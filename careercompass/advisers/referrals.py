"""Referral to one-to-one support ("hub and spoke"): a young person aged 16 or over asks for help in one short form,
and Academy staff route it to the right partner (a spoke), keep its status and record the outcome.

We keep the least we need (a first name, one contact, an area, what they want help with, any needs) for a stated time,
and the person can withdraw at any moment from their private link, which deletes everything at once. Under-16s are
pointed to their school's careers adviser and nothing is kept.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Boolean, DateTime, Integer, String, Text, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from careercompass.database import Base
from careercompass.events.booking import contact_key
from careercompass.problems import FieldProblem
from careercompass.vacancies.places import find_place

AGE_BANDS = {"under-16": "Under 16", "16-18": "16 to 18", "19-24": "19 to 24", "25+": "25 or over"}
HELP_WITH = {
    "first-job": "Finding my first job in health or care",
    "apprenticeship": "Getting an apprenticeship",
    "course": "Choosing a course or T Level",
    "work-experience": "Work experience or volunteering",
    "back-to-work": "Getting back into work",
    "not-sure": "I'm not sure yet: I'd like to talk it through",
}
SPOKES = {
    "talent-hub": "Talent Hub (jobs and apprenticeships)",
    "college": "A college course team",
    "third-sector": "A third-sector partner (youth and community support)",
    "careers-adviser": "A careers adviser, one to one",
    "employer": "An employer's recruitment team",
}
STATUSES = {"new": "New", "routed": "Passed to a partner", "in-touch": "In touch", "closed": "Closed"}
REFERENCE_ALPHABET = "ACDEFHJKMNPRTUVWXY3467"


class Referral(Base):
    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(String(10), unique=True)  # said on the phone: "R-KTP49X"
    token: Mapped[str] = mapped_column(String(64), unique=True)  # the secret in the person's own link
    first_name: Mapped[str] = mapped_column(String(60))
    contact: Mapped[str] = mapped_column(String(254))
    area: Mapped[str] = mapped_column(String(60))  # a postcode district or a ward, never an address
    age_band: Mapped[str] = mapped_column(String(10))
    help_with: Mapped[str] = mapped_column(String(30))
    more: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), index=True)
    spoke: Mapped[str | None] = mapped_column(String(30))
    outcome: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    consent: Mapped[bool] = mapped_column(Boolean)


class ReferralProblem(FieldProblem):
    """A field of the request for help that needs putting right."""


class TooYoung(Exception):
    """Under 16: the school's careers adviser is the right person, and nothing is kept."""


@dataclass(frozen=True)
class Request:
    first_name: str
    contact: str
    area: str
    age_band: str
    help_with: str
    more: str
    needs: str
    consent: bool


def ask(session: Session, request: Request, now: datetime | None = None) -> Referral:
    """Check the form and keep the request. Commits. Raises TooYoung or ReferralProblem naming the field."""
    if request.age_band == "under-16":
        raise TooYoung
    if request.age_band not in AGE_BANDS:
        raise ReferralProblem("age_band", "Choose your age.")
    name = " ".join(request.first_name.split())
    if not name or len(name) > 60 or any(c.isdigit() or c in "@<>{}" for c in name):
        raise ReferralProblem("first_name", "Type your first name (only your first name).")
    if contact_key(request.contact) is None:
        raise ReferralProblem("contact", "Type an email address, or a mobile number starting 07.")
    place = find_place(request.area)
    if place is None:
        raise ReferralProblem("area", "Type the first part of your postcode, like LS9, or the name of your area, "
                                      "like Harehills.")
    if request.help_with not in HELP_WITH:
        raise ReferralProblem("help_with", "Choose what you would like help with.")
    if len(request.more) > 500 or len(request.needs) > 500:
        raise ReferralProblem("more" if len(request.more) > 500 else "needs", "Please keep it to 500 letters.")
    if not request.consent:
        raise ReferralProblem("consent", "Tick the box to say we may keep these details and pass them to the "
                                         "people who can help.")
    now = now or datetime.now(UTC)
    referral = Referral(reference="R-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6)),
                        token=secrets.token_urlsafe(24), first_name=name, contact=request.contact.strip(),
                        area=place.label[:60], age_band=request.age_band,
                        help_with=request.help_with, more=request.more.strip(), needs=request.needs.strip(),
                        status="new", spoke=None, outcome="", created_at=now, updated_at=now, consent=True)
    session.add(referral)
    session.commit()
    return referral


def confirmation(referral: Referral, link: str) -> tuple[str, str]:
    """(subject, text) of the email that confirms a request, with the private link to see or withdraw it."""
    return (f"Your request for help: {referral.reference}",
            f"Hi {referral.first_name}, we have your request ({referral.reference}). Someone from the Leeds Health and "
            f"Care Academy will get in touch within a week.\n\nSee it, or withdraw it and delete your details, here: "
            f"{link}\n")


def by_token(session: Session, token: str) -> Referral | None:
    return session.scalar(select(Referral).where(Referral.token == token))


def withdraw(session: Session, token: str) -> bool:
    """The person withdraws: their request and every detail in it is deleted at once. Commits."""
    deleted = session.execute(delete(Referral).where(Referral.token == token)).rowcount
    session.commit()
    return bool(deleted)


def queue(session: Session) -> list[Referral]:
    """Open requests first (new, then passed on, then in touch), oldest first within each; closed ones last."""
    order = {status: i for i, status in enumerate(STATUSES)}
    return sorted(session.scalars(select(Referral)), key=lambda r: (order.get(r.status, 9), r.created_at))


def update(referral: Referral, status: str, spoke: str, outcome: str, now: datetime | None = None) -> None:
    """Staff route a request to a partner, move its status and record the outcome; raises ReferralProblem."""
    if status not in STATUSES:
        raise ReferralProblem("status", "Choose a status.")
    if spoke and spoke not in SPOKES:
        raise ReferralProblem("spoke", "Choose a partner from the list.")
    if status in ("routed", "in-touch") and not spoke:
        raise ReferralProblem("spoke", "Choose the partner you passed it to.")
    if status == "closed" and not outcome.strip():
        raise ReferralProblem("outcome", "Say what happened before closing it.")
    if len(outcome) > 1000:
        raise ReferralProblem("outcome", "Keep the outcome to 1,000 letters.")
    referral.status, referral.spoke, referral.outcome = status, spoke or None, outcome.strip()
    referral.updated_at = now or datetime.now(UTC)


def delete_old(session: Session, keep_days: int, now: datetime | None = None) -> int:
    """Requests not touched for `keep_days`: deleted with every detail. Does not commit."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=keep_days)
    return session.execute(delete(Referral).where(Referral.updated_at < cutoff)).rowcount or 0
