"""Loading what the matcher needs from the database and models/, once per worker, and keeping it current.

The roles come from the database and their vectors from models/role_embeddings.npz. When the roles' data
version moves (an edit, or a new catalogue), a worker reloads the roles at once and embeds in memory any role
whose words no longer match its stored vectors, so no role is ever left out of matching for want of a vector.
`careercompass init` and `careercompass reindex` write the refreshed vectors back to the file.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from careercompass import data_versions
from careercompass.catalogue import facets, models
from careercompass.config import Settings
from careercompass.database import open_session
from careercompass.matching import embeddings
from careercompass.matching.embeddings import EmbeddingsUnreadable, RoleEmbeddings
from careercompass.matching.engine import MatchData, RoleFacts
from careercompass.matching.reranker import Reranker

log = logging.getLogger(__name__)

RERANKER_FILE = "reranker.json"
DATA_SOURCE = "roles"

Encode = Callable[[list[str]], np.ndarray]


class EmbeddingsMissing(RuntimeError):
    """There are no usable role embeddings: `careercompass init` has not built them, or the file is damaged."""


def role_facts(role: models.Role) -> RoleFacts:
    return RoleFacts(
        slug=role.slug,
        title=role.title,
        family=role.family_slug,
        riasec=role.riasec,
        patient_facing=role.patient_facing,
        physical=role.physical_demand,
        emotional=role.emotional_demand,
        route_types=frozenset(route.type for route in role.entry_routes),
        needs_degree=facets.needs_degree(role),
        earn_while_you_learn=role.earn_while_you_learn,
        pay_max=role.pay_yearly_maximum,
        shift_patterns=frozenset(role.shift_pattern_names),
        driving_licence_needed=role.driving_licence_needed,
        involves=frozenset(role.involves),
        minimum_age=role.minimum_age,
        tasks=tuple(role.day_to_day),
        interests=tuple(role.interests),
        other_titles=tuple(role.other_titles),
        skills=tuple(role.skills),
        routes=tuple((route.type, route.level, route.for_people_in_post) for route in role.entry_routes),
        unpaid=role.unpaid,
        by_phone="phones" in role.involves,
        next_steps=tuple(role.linked_slugs("next_step")),
    )


def embedding_text(role: models.Role) -> str:
    # Titles and interests first: the model reads at most 256 word pieces, and these say most about a role.
    parts = [
        role.title + ".",
        "Also called " + ", ".join(role.other_titles) + "." if role.other_titles else "",
        "Good for people who like " + ", ".join(i.lower() for i in role.interests) + ".",
        role.summary,
        " ".join(role.day_to_day),
    ]
    return " ".join(part for part in parts if part)


def text_hash(role: models.Role) -> str:
    """Names everything a role's vectors are made from: the same hash means the stored vectors still fit."""
    return hashlib.sha256("\n".join([embedding_text(role), *role.day_to_day]).encode()).hexdigest()


def roles_for_matching(session: Session) -> list[models.Role]:
    options = (selectinload(models.Role.entry_routes), selectinload(models.Role.shift_patterns),
               selectinload(models.Role.links))
    return list(session.scalars(select(models.Role).options(*options).order_by(models.Role.slug)))


def refresh_embeddings(roles: Sequence[models.Role], stored: RoleEmbeddings | None,
                       encode: Encode) -> tuple[RoleEmbeddings, int]:
    """Vectors for exactly these roles: stored ones where the role's words are unchanged, new ones for the rest.

    Returns the embeddings and how many roles had to be embedded.
    """
    hashes = [text_hash(role) for role in roles]
    kept = {}
    for role, digest in zip(roles, hashes):
        found = stored.for_role(role.slug) if stored is not None else None
        if found is not None and found[0] == digest:
            kept[role.slug] = (found[1], found[2])
    stale = [role for role in roles if role.slug not in kept]
    if stale:
        vectors = encode([embedding_text(role) for role in stale])
        tasks = [task for role in stale for task in role.day_to_day]
        task_vectors = encode(tasks) if tasks else np.zeros((0, vectors.shape[1]), dtype=np.float32)
        start = 0
        for role, vector in zip(stale, vectors):
            kept[role.slug] = (vector, task_vectors[start:start + len(role.day_to_day)])
            start += len(role.day_to_day)
    size = next(iter(kept.values()))[0].shape[0] if kept else embeddings.EMBEDDING_SIZE
    task_rows = [kept[role.slug][1] for role in roles]
    result = RoleEmbeddings(
        slugs=[role.slug for role in roles],
        vectors=np.stack([kept[role.slug][0] for role in roles]) if roles else np.zeros((0, size), np.float32),
        text_hashes=hashes,
        task_vectors=np.concatenate(task_rows) if task_rows else np.zeros((0, size), np.float32),
        task_owner=np.array([i for i, rows in enumerate(task_rows) for _ in range(len(rows))], dtype=np.int32),
    )
    return result, len(stale)


def match_data(roles: Sequence[models.Role], vectors: RoleEmbeddings, encode: Encode,
               reranker: Reranker | None) -> MatchData:
    assert vectors.slugs == [role.slug for role in roles], "vectors must be made for exactly these roles"
    return MatchData(
        roles=[role_facts(role) for role in roles],
        vectors=vectors.vectors,
        task_vectors=vectors.task_vectors,
        task_owner=vectors.task_owner,
        encode=encode,
        reranker=reranker,
    )


def load_reranker(settings: Settings) -> Reranker | None:
    try:
        return Reranker.load(settings.models_dir / RERANKER_FILE)
    except (OSError, ValueError, KeyError, TypeError) as error:  # a damaged file: rank without it
        log.error("Ignoring the learned re-ranker: %s", error)
        return None


def load_match_data_from_settings(settings: Settings) -> MatchData:
    """For commands and tests: everything the matcher needs, read once. The stored embeddings must exist."""
    try:
        stored = RoleEmbeddings.load(settings.role_embeddings_path)
    except EmbeddingsUnreadable as error:
        raise EmbeddingsMissing(f"{error}: run `careercompass init`") from None
    if stored is None:
        raise EmbeddingsMissing("The role embeddings are missing: run `careercompass init`.")
    with open_session(settings.database_uri) as session:
        return current_match_data(session, settings, stored, embeddings.CachedEncoder(settings.embedding_model_dir))[0]


def current_match_data(session: Session, settings: Settings, stored: RoleEmbeddings,
                       encode: embeddings.CachedEncoder) -> tuple[MatchData, RoleEmbeddings, int]:
    """The matcher's data for the roles in the database now: the data, the vectors behind it, and how many roles
    had to be embedded because their words changed since `stored` was made."""
    roles = roles_for_matching(session)
    vectors, embedded = refresh_embeddings(roles, stored, encode.many)
    return match_data(roles, vectors, encode, load_reranker(settings)), vectors, embedded


class Matcher:
    """One per worker: loads the model and data on first use, and again whenever the roles, the stored
    embeddings or the learned re-ranker change. If a reload fails it keeps the last good data."""

    def __init__(self, settings: Settings, session_factory: sessionmaker[Session],
                 watch: data_versions.VersionWatch | None = None):
        self.settings = settings
        self.session_factory = session_factory
        self.watch = watch or data_versions.VersionWatch(session_factory, DATA_SOURCE)
        self.encode = embeddings.CachedEncoder(settings.embedding_model_dir)
        self._lock = threading.Lock()
        self._data: MatchData | None = None
        self._vectors: RoleEmbeddings | None = None  # the vectors behind _data, reused when the file goes
        self._key: tuple | None = None

    def _files_key(self) -> tuple:
        paths = (self.settings.role_embeddings_path, self.settings.models_dir / RERANKER_FILE)
        return tuple(p.stat().st_mtime_ns if p.exists() else None for p in paths)

    def data(self) -> MatchData:
        key = (self.watch.version(), self._files_key())
        with self._lock:
            if self._data is not None and key == self._key:
                return self._data
            try:
                self._reload()
            except EmbeddingsMissing:
                if self._data is None:
                    raise
                log.error("Keeping the matcher's last good data: the role embeddings file is missing or damaged")
            self._key = key  # not retried on every request; the next change of data or files tries again
            assert self._data is not None
            return self._data

    def _reload(self) -> None:
        try:
            stored = RoleEmbeddings.load(self.settings.role_embeddings_path)
        except EmbeddingsUnreadable as error:
            log.error("%s", error)
            stored = None
        stored = stored or self._vectors
        if stored is None:
            raise EmbeddingsMissing("The role embeddings are missing: run `careercompass init`.")
        with self.session_factory() as session:
            data, vectors, embedded = current_match_data(session, self.settings, stored, self.encode)
        if embedded:
            log.info("Embedded %d changed roles in memory; `careercompass reindex` stores them", embedded)
        self._data, self._vectors = data, vectors

    def warm_up(self) -> None:
        """Load the model before workers fork, so they share its memory (no inference runs here)."""
        embeddings.load_model(self.settings.embedding_model_dir)
