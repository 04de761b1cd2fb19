"""The Academy's usage figures: counts by week from what the app already keeps, never a person.

Every figure is a count of rows that exist for their own reasons (feedback events under random references, saved
codes, bookings, class sessions, requests for help), so nothing is stored for the dashboard itself. Counts under
`SMALLEST_SHOWN` are shown as "fewer than 5", so no one person can be picked out. Rows are deleted on their own
schedules, so a week's figures can only fall as time passes; the page says so.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Date, Integer, String, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from careercompass.advisers.referrals import STATUSES, Referral
from careercompass.advisers.shortlists import Shortlist
from careercompass.classroom.models import ClassPupil, ClassSession
from careercompass.database import Base
from careercompass.events.models import Booking, Event
from careercompass.matching.feedback import FeedbackEvent

SMALLEST_SHOWN = 5
WEEKS = 8
COUNTED = {"quiz_started": "Quizzes started", "vacancy_clicks": "Clicks through to job adverts"}
MEASURES = {
    "quiz_started": COUNTED["quiz_started"],
    "results": "Quiz results seen (people)",
    "opened": "Job pages opened from results",
    "saved": "Job lists saved with a code",
    "booked": "Taster places booked",
    "class_sessions": "Class sessions run",
    "class_pupils": "Pupils in class sessions",
    "referrals": "Requests for help",
    "vacancy_clicks": COUNTED["vacancy_clicks"],
}


class UsageCount(Base):
    """A bare count for things the site keeps no row of (a quiz begun, a click to an advert): by week and area."""

    __tablename__ = "usage_counts"

    week: Mapped[date] = mapped_column(Date, primary_key=True)  # the Monday
    measure: Mapped[str] = mapped_column(String(30), primary_key=True)
    area: Mapped[str] = mapped_column(String(60), primary_key=True)  # the place the person chose, or ""
    count: Mapped[int] = mapped_column(Integer)


def add_one(session: Session, measure: str, area: str | None = None, now: datetime | None = None) -> None:
    """Count one more. Commits: only a number is stored, never who or which device."""
    if measure not in COUNTED:
        raise ValueError(f"unknown usage measure {measure!r}")
    key = {"week": _week(now or datetime.now(UTC)), "measure": measure, "area": (area or "")[:60]}
    where = [getattr(UsageCount, name) == value for name, value in key.items()]
    for _ in range(3):  # two first counts of a week at once: one insert wins, the other adds to it
        if session.execute(update(UsageCount).where(*where).values(count=UsageCount.count + 1)).rowcount:
            session.commit()
            return
        session.add(UsageCount(**key, count=1))
        try:
            session.commit()
            return
        except IntegrityError:
            session.rollback()


@dataclass(frozen=True)
class Usage:
    weeks: list[date]  # Mondays, oldest first
    counts: dict[str, dict[date, int]]  # measure -> week -> count
    referral_outcomes: dict[str, int]  # status -> count, all time still kept
    referrals_by_area: dict[str, int]  # postcode district or ward -> count
    use_by_area: dict[str, int]  # quizzes started and advert clicks by the area the person chose, where known

    def shown(self, count: int) -> str:
        return "fewer than 5" if 0 < count < SMALLEST_SHOWN else str(count)

    def totals(self) -> list[tuple[str, int]]:
        return [(measure, sum(self.counts[measure].values())) for measure in MEASURES]


def usage(session: Session, today: date | None = None, weeks: int = WEEKS) -> Usage:
    today = today or datetime.now(UTC).date()
    monday = today - timedelta(days=today.weekday())
    mondays = [monday - timedelta(weeks=n) for n in reversed(range(weeks))]
    since = datetime.combine(mondays[0], datetime.min.time(), tzinfo=UTC)
    counts: dict[str, dict[date, int]] = {measure: defaultdict(int) for measure in MEASURES}

    def add(measure: str, moments) -> None:
        for moment in moments:
            counts[measure][_week(moment)] += 1

    # Each reference once, at its first results page: a person, not each job shown to them.
    add("results", session.scalars(select(func.min(FeedbackEvent.created_at))
                                   .where(FeedbackEvent.kind == "impression", FeedbackEvent.created_at >= since)
                                   .group_by(FeedbackEvent.reference)))
    add("opened", session.scalars(select(FeedbackEvent.created_at).where(FeedbackEvent.kind == "open",
                                                                         FeedbackEvent.created_at >= since)))
    add("saved", session.scalars(select(Shortlist.created_at).where(Shortlist.created_at >= since)))
    add("booked", session.scalars(select(Booking.created_at).join(Event).where(Booking.created_at >= since,
                                                                               Event.sample.is_(False))))
    add("class_sessions", session.scalars(select(ClassSession.started_at).where(ClassSession.started_at >= since)))
    add("class_pupils", session.scalars(select(ClassPupil.joined_at).where(ClassPupil.joined_at >= since)))
    add("referrals", session.scalars(select(Referral.created_at).where(Referral.created_at >= since)))
    areas_seen: Counter = Counter()
    for week, measure, area, n in session.execute(select(UsageCount.week, UsageCount.measure, UsageCount.area,
                                                         UsageCount.count).where(UsageCount.week >= mondays[0])):
        counts[measure][week] += n
        if area:
            areas_seen[area] += n
    outcomes = Counter(session.scalars(select(Referral.status)))
    areas = Counter(session.scalars(select(Referral.area)))
    return Usage(weeks=mondays, counts={m: {w: counts[m].get(w, 0) for w in mondays} for m in MEASURES},
                 referral_outcomes={status: outcomes.get(status, 0) for status in STATUSES},
                 referrals_by_area=dict(areas.most_common()), use_by_area=dict(areas_seen.most_common()))


def usage_csv(figures: Usage) -> str:
    """The weekly figures for a spreadsheet, small counts suppressed as on the page."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Week starting", *MEASURES.values()])
    for week in figures.weeks:
        writer.writerow([week.isoformat(), *(figures.shown(figures.counts[m][week]) for m in MEASURES)])
    return out.getvalue()


def _week(moment: datetime) -> date:
    day = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).date()
    return day - timedelta(days=day.weekday())
