"""Loading what the matcher needs from the database and models/, once per worker, and keeping it current."""

from __future__ import annotations

import threading

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from careercompass.catalogue import models
from careercompass.config import Settings
from careercompass.matching import embeddings
from careercompass.matching.engine import MatchData, RoleFacts
from careercompass.matching.reranker import Reranker

RERANKER_FILE = "reranker.json"

class EmbeddingsMissing(RuntimeError):
    """`careercompass init` has not built the role embeddings yet."""


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
        earn_while_you_learn=role.earn_while_you_learn,
        pay_max=role.pay_yearly_maximum,
        shift_patterns=frozenset(role.shift_pattern_names),
        driving_licence_needed=role.driving_licence_needed,
        involves=frozenset(role.involves),
        minimum_age=role.minimum_age,
        tasks=tuple(role.day_to_day),
        interests=tuple(role.interests),
    )


def load_match_data(session: Session, settings: Settings, encode) -> MatchData:
    stored = embeddings.RoleEmbeddings.load(settings.role_embeddings_path)
    if stored is None:
        raise EmbeddingsMissing("role embeddings are missing: run `careercompass init`")
    rows = {
        role.slug: role
        for role in session.scalars(
            select(models.Role).options(selectinload(models.Role.entry_routes), selectinload(models.Role.shift_patterns))
        )
    }
    # Embeddings and database are built together by init; a role in only one of them is left out.
    keep = [i for i, slug in enumerate(stored.slugs) if slug in rows]
    task_keep = [t for t, owner in enumerate(stored.task_owner) if owner in set(keep)]
    renumber = {old: new for new, old in enumerate(keep)}
    return MatchData(
        roles=[role_facts(rows[stored.slugs[i]]) for i in keep],
        vectors=stored.vectors[keep],
        task_vectors=stored.task_vectors[task_keep],
        task_owner=embeddings.np.array([renumber[int(stored.task_owner[t])] for t in task_keep]),
        encode=encode,
        reranker=Reranker.load(settings.models_dir / RERANKER_FILE),
    )


def load_match_data_from_settings(settings: Settings) -> MatchData:
    """For commands and tests: open the database, load everything the matcher needs, close it again."""
    from careercompass.database import make_engine, make_session_factory

    engine = make_engine(settings.database_uri)
    try:
        with make_session_factory(engine)() as session:
            return load_match_data(session, settings, embeddings.CachedEncoder(settings.embedding_model_dir))
    finally:
        engine.dispose()


class Matcher:
    """One per worker: loads the model and data on first use, and again when init rebuilds the embeddings."""

    def __init__(self, settings: Settings, session_factory: sessionmaker[Session]):
        self.settings = settings
        self.session_factory = session_factory
        self.encode = embeddings.CachedEncoder(settings.embedding_model_dir)
        self._lock = threading.Lock()
        self._data: MatchData | None = None
        self._stamp: tuple | None = None

    def data(self) -> MatchData:
        # Reload when init rebuilds the embeddings or train saves a new re-ranker.
        paths = (self.settings.role_embeddings_path, self.settings.models_dir / RERANKER_FILE)
        stamp = tuple(p.stat().st_mtime if p.exists() else None for p in paths)
        with self._lock:
            if self._data is None or stamp != self._stamp:
                with self.session_factory() as session:
                    self._data = load_match_data(session, self.settings, self.encode)
                self._stamp = stamp
            return self._data

    def warm_up(self) -> None:
        """Load the model before workers fork, so they share its memory (no inference runs here)."""
        embeddings.load_model(self.settings.embedding_model_dir)
