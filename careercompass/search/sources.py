"""What search indexes, read from the data packages: one entry per kind of document.

Search depends on the data packages, never the other way round. A new kind of document (vacancies, events,
courses) adds one `SearchSource` here: how to read its documents, and which data version tells when they change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from careercompass import data_versions
from careercompass.catalogue import models
from careercompass.search.index import SearchDocument


@dataclass(frozen=True)
class SearchSource:
    type: str  # the documents' type in the index
    data_source: str  # the data version (careercompass.data_versions) that changes when they do
    documents: Callable[[Session], Iterable[SearchDocument]]


def role_documents(session: Session) -> Iterable[SearchDocument]:
    for role in session.scalars(select(models.Role).order_by(models.Role.slug)):
        yield role_document(role)


def role_document(role: models.Role) -> SearchDocument:
    return SearchDocument(
        type="role",
        slug=role.slug,
        title=role.title,
        other_titles=list(role.other_titles),
        summary=role.summary,
        tasks=list(role.day_to_day),
        skills=list(role.skills) + list(role.interests),
        family=role.family_slug,
    )


SOURCES: tuple[SearchSource, ...] = (SearchSource("role", "roles", role_documents),)


def all_documents(session: Session) -> Iterable[SearchDocument]:
    for source in SOURCES:
        yield from source.documents(session)


def versions_stamp(session: Session) -> str:
    """The data versions the index is built from, as one string: it changes when any source's data changes."""
    return json.dumps({source.data_source: data_versions.current(session, source.data_source) for source in SOURCES},
                      sort_keys=True)
