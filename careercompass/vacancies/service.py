"""One vacancy import, start to finish: read the source, read every file, then store it all in one transaction.

Used by `careercompass import-vacancies`, by `init` for the sample vacancies, and by the staff area. A file that
cannot be read stops the whole import before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from careercompass.catalogue.models import Role
from careercompass.search import vacancy_index
from careercompass.search.index import SearchIndex
from careercompass.search.vacancy_index import VacancyText
from careercompass.vacancies.feeds import read_feed
from careercompass.vacancies.importer import Area, ImportSummary, import_adverts
from careercompass.vacancies.linking import make_linker
from careercompass.vacancies.models import Vacancy
from careercompass.vacancies.sources import read_source


@dataclass(frozen=True)
class ImportRequest:
    source: str  # a file, a folder or an http(s) address
    feed_format: str
    area: Area | None  # None keeps every advert
    retention_days: int


def run_import(session: Session, index: SearchIndex, request: ImportRequest, today: date | None = None,
               files: list[tuple[str, bytes]] | None = None) -> ImportSummary:
    """Import the source into `session` (flushed, not committed: the caller commits or rolls back).

    Raises SourceUnavailable or FeedUnreadable, naming the problem, before anything is written.
    """
    today = today or date.today()
    files = files if files is not None else read_source(request.source, request.feed_format)
    feeds = [(request.feed_format, read_feed(data, request.feed_format, name)) for name, data in files]
    return import_adverts(session, feeds, make_linker(session, index), request.area, today, request.retention_days)


def search_documents(session: Session, ids: Iterable[int] | None = None) -> Iterator[VacancyText]:
    """What the words search indexes for each vacancy (all of them, or those in `ids`)."""
    titles = dict(session.execute(select(Role.slug, Role.title)).all())
    query = select(Vacancy).order_by(Vacancy.id)
    if ids is not None:
        wanted = list(ids)
        if not wanted:
            return
        query = query.where(Vacancy.id.in_(wanted))
    for vacancy in session.scalars(query):
        yield VacancyText(vacancy.id, vacancy.title, vacancy.employer, vacancy.description,
                          " ".join(titles.get(link.role_slug, "") for link in vacancy.links))


def update_search(session: Session, changed_ids: Iterable[int], deleted_ids: Iterable[int]) -> str:
    """Write the words of only the adverts an import or an edit changed, in its transaction (the caller commits).

    Returns what was done, for the command to print."""
    session.flush()  # new adverts have their ids, and the words read the links as they now stand
    written = vacancy_index.apply(session, search_documents(session, changed_ids), deleted_ids)
    return f"search words: {written} adverts written"
