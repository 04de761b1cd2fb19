"""One vacancy import, start to finish: read the source, read every file, then store it all in one transaction.

Used by `careercompass import-vacancies`, by `init` for the sample vacancies, and by the staff area. A file that
cannot be read stops the whole import before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from careercompass.search.index import SearchIndex
from careercompass.vacancies.feeds import read_feed
from careercompass.vacancies.importer import Area, ImportSummary, import_adverts
from careercompass.vacancies.linking import make_linker
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
