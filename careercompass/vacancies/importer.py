"""Storing adverts from a feed: once each, in one transaction, without losing what is already there.

The rules a feed import keeps (see `import_adverts`):
- the same advert from two sources, or twice in one file, is stored once (`dedupe_key`);
- running the same import again changes nothing;
- an advert outside the area is counted and left out;
- an advert missing from a feed is kept: a feed that is empty or failed today does not mean every job closed. An
  advert stops showing when its closing date has passed, and is deleted `retention_days` after that.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from careercompass.vacancies.feeds import Advert, Feed, Skipped
from careercompass.vacancies.models import Vacancy, VacancyRole
from careercompass.vacancies.pay_text import read_pay
from careercompass.vacancies.places import LEEDS_CENTRE, advert_place

UNDATED_OPEN_DAYS = 60  # how long an advert that gives no closing date stays up after a feed last carried it
APPRENTICESHIP = re.compile(r"\bapprentice(ship)?s?\b", re.I)


@dataclass(frozen=True)
class Link:
    role_slug: str
    confidence: float
    status: str  # "linked" or "review"


Linker = Callable[[Advert], Sequence[Link]]


@dataclass(frozen=True)
class Area:
    """Which adverts to keep: those placed within `km` of `centre`; None keeps every advert."""

    km: float
    centre: tuple[float, float] = LEEDS_CENTRE

    def holds(self, advert: Advert) -> bool:
        place = advert_place(advert.postcode, advert.location_text, advert.lat, advert.lon)
        return place is not None and place.km_to(self.centre) <= self.km


@dataclass
class ImportSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    expired: int = 0
    skipped: list[Skipped] = field(default_factory=list)  # records that could not be used, with why
    outside_area: int = 0
    deleted: int = 0  # closed longer ago than the retention period
    changed_ids: set[int] = field(default_factory=set)  # adverts added or changed: what the search index must write
    deleted_ids: list[int] = field(default_factory=list)  # adverts deleted: what the search index must drop

    @property
    def line(self) -> str:
        return (f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, {self.expired} expired, "
                f"{len(self.skipped)} skipped, {self.outside_area} outside the area")


def import_adverts(session: Session, feeds: Sequence[tuple[str, Feed]], linker: Linker, area: Area | None,
                   today: date, retention_days: int, now: datetime | None = None) -> ImportSummary:
    """Store every advert in `feeds` ((format, feed) pairs). Flushes but does not commit: the caller's
    transaction makes the whole import one change, or none."""
    now = now or datetime.now(UTC)
    summary = ImportSummary()
    seen: set[str] = set()
    touched: list[Vacancy] = []
    for feed_format, feed in feeds:
        summary.skipped.extend(feed.skipped)
        for advert in feed.adverts:
            if area is not None and not area.holds(advert):
                summary.outside_area += 1
                continue
            key = dedupe_key(advert)
            if key in seen:  # the same advert again in this import (two feeds, or twice in one file)
                continue
            seen.add(key)
            if (row := _store(session, advert, key, feed_format, linker, now, summary)) is not None:
                touched.append(row)
    session.flush()
    summary.changed_ids = {row.id for row in touched}
    summary.expired = _count_newly_closed(session, seen, today)
    summary.deleted_ids = _delete_long_closed(session, today, retention_days)
    summary.deleted = len(summary.deleted_ids)
    return summary


def dedupe_key(advert: Advert) -> str:
    employer = _normal(advert.employer)
    identity = _normal(advert.reference) if advert.reference else (
        f"{_normal(advert.title)}|{advert.closing.isoformat() if advert.closing else ''}")
    return hashlib.sha256(f"{employer}|{identity}".encode()).hexdigest()


def _normal(text: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").lower()))


def _store(session: Session, advert: Advert, key: str, feed_format: str, linker: Linker, now: datetime,
           summary: ImportSummary) -> Vacancy | None:
    """Store one advert; returns its row when anything about it changed."""
    columns = _columns(advert)
    digest = hashlib.sha256(json.dumps(columns, sort_keys=True, default=str).encode()).hexdigest()
    row = session.scalar(select(Vacancy).where(Vacancy.dedupe_key == key))
    if row is None:
        row = Vacancy(dedupe_key=key, source=feed_format, first_seen=now, hidden=False)
        session.add(row)
        summary.new += 1
    elif row.source != feed_format:
        # The same advert from another feed: it only fills in what the first feed left out, so importing the two
        # feeds in turn never flips the advert back and forth.
        gaps = {name: value for name, value in columns.items() if value not in (None, "") and
                getattr(row, name) in (None, "")}
        for name, value in gaps.items():
            setattr(row, name, value)
        if not gaps:
            summary.unchanged += 1
            return None
        summary.updated += 1
        return row
    elif row.content_hash == digest:
        summary.unchanged += 1
        return None  # nothing the feed says has changed: not even last_seen moves, so a re-run writes nothing
    else:
        summary.updated += 1
    for name, value in columns.items():
        setattr(row, name, value)
    row.content_hash = digest
    row.last_seen = now
    row.links = [VacancyRole(role_slug=link.role_slug, confidence=round(link.confidence, 3), status=link.status,
                             position=i) for i, link in enumerate(linker(advert))]
    return row


def _columns(advert: Advert) -> dict[str, object]:
    pay = read_pay(advert.salary_text, advert.title)
    place = advert_place(advert.postcode, advert.location_text, advert.lat, advert.lon)
    return {
        "source_id": advert.source_id[:200],
        "reference": (advert.reference or None) and advert.reference[:100],
        "title": advert.title[:300],
        "employer": advert.employer[:300],
        "description": advert.description,
        "url": advert.url[:1000],
        "location_text": advert.location_text and advert.location_text[:300],
        "postcode_district": place.district if place else None,
        "ward": place.ward if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "salary_text": (advert.salary_text or pay.text or None) and (advert.salary_text or pay.text)[:300],
        "salary_min": advert.salary_min if advert.salary_min is not None else pay.minimum,
        "salary_max": advert.salary_max if advert.salary_max is not None else pay.maximum,
        "salary_period": advert.salary_period or pay.period,
        "band_from": pay.band_from,
        "band_to": pay.band_to,
        "contract": advert.contract and advert.contract[:100],
        "hours": advert.hours and advert.hours[:100],
        "apprenticeship": bool(APPRENTICESHIP.search(f"{advert.title} {advert.contract or ''}")),
        "posted": advert.posted,
        "closing": advert.closing,
    }


def _count_newly_closed(session: Session, imported: set[str], today: date) -> int:
    """Adverts in this import whose closing date has already passed: stored, but no longer shown."""
    if not imported:
        return 0
    closed = select(Vacancy.id).where(Vacancy.dedupe_key.in_(imported), Vacancy.closing < today)
    return len(session.scalars(closed).all())


def _delete_long_closed(session: Session, today: date, retention_days: int) -> list[int]:
    cutoff = today - timedelta(days=retention_days)
    closed_long_ago = or_(Vacancy.closing < cutoff,
                          and_(Vacancy.closing.is_(None), Vacancy.last_seen < _start_of(cutoff)))
    ids = list(session.scalars(select(Vacancy.id).where(closed_long_ago)))
    if ids:
        session.execute(delete(Vacancy).where(Vacancy.id.in_(ids)))
    return ids


def _start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def is_open(today: date):
    """The SQL condition for an advert the public may see: not taken down, and not closed. An advert with no closing
    date counts as open for UNDATED_OPEN_DAYS after a feed last carried it."""
    return and_(Vacancy.hidden.is_(False),
                or_(Vacancy.closing >= today,
                    and_(Vacancy.closing.is_(None),
                         Vacancy.last_seen >= _start_of(today - timedelta(days=UNDATED_OPEN_DAYS)))))
