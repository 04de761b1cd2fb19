"""The review queue: adverts whose role the lookup was unsure of, and what staff decide about each title.

A decision is about a title, not one advert: it is stored as a TitleMapping, every advert with that title is
linked (or unlinked) at once, and later imports follow it (see linking.make_linker).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from careercompass.vacancies.importer import is_open
from careercompass.vacancies.linking import title_key
from careercompass.vacancies.models import TitleMapping, Vacancy, VacancyRole


@dataclass(frozen=True)
class WaitingTitle:
    key: str
    title: str  # as the first advert wrote it
    adverts: int
    employers: tuple[str, ...]
    suggested: str | None  # the role the lookup thought most likely
    confidence: float | None


def queue(session: Session, today: date) -> list[WaitingTitle]:
    """Open adverts waiting for a decision, one line per title, the most adverts first."""
    waiting = session.scalars(
        select(Vacancy).where(is_open(today), Vacancy.id.in_(select(VacancyRole.vacancy_id).where(
            VacancyRole.status == "review")))).all()
    grouped: dict[str, list[Vacancy]] = {}
    for vacancy in waiting:
        grouped.setdefault(title_key(vacancy.title), []).append(vacancy)
    lines = []
    for key, adverts in grouped.items():
        link = adverts[0].links[0] if adverts[0].links else None
        lines.append(WaitingTitle(key, adverts[0].title, len(adverts),
                                  tuple(sorted({a.employer for a in adverts}))[:3],
                                  link.role_slug if link else None, link.confidence if link else None))
    return sorted(lines, key=lambda line: (-line.adverts, line.title.lower()))


def decide(session: Session, key: str, role_slug: str | None, now: datetime | None = None) -> list[int]:
    """Record that adverts titled `key` are `role_slug` (None: no role fits); returns the ids of the adverts."""
    mapping = session.get(TitleMapping, key)
    if mapping is None:
        mapping = TitleMapping(title_key=key)
        session.add(mapping)
    mapping.role_slug = role_slug
    mapping.decided_at = now or datetime.now(UTC)
    changed = []
    for vacancy in session.scalars(select(Vacancy)):
        if title_key(vacancy.title) != key:
            continue
        vacancy.links = [VacancyRole(role_slug=role_slug, confidence=1.0, status="linked", position=0)] if role_slug \
            else []
        changed.append(vacancy.id)
    session.flush()
    return changed
