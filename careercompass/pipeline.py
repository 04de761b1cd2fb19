"""The steps that turn the files in roles_catalogue/ into a ready app: database, search index, embeddings.

Used by `careercompass init` and `careercompass reindex`; each step is safe to run again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from careercompass.catalogue import models
from careercompass.catalogue.documents import embedding_text, search_document
from careercompass.catalogue.queries import data_stamp
from careercompass.catalogue.loader import load_catalogue
from careercompass.catalogue.store import SaveSummary, save_catalogue
from careercompass.config import Settings
from careercompass.database import make_engine, make_session_factory, transaction, upgrade_schema
from careercompass.matching import embeddings
from careercompass.search.index import build_index, built_from
from careercompass.search.synonyms import Synonyms, load_synonyms

Progress = Callable[[str], None]


@dataclass(frozen=True)
class InitSummary:
    roles: int
    families: int
    saved: SaveSummary
    indexed: int
    embeddings_rebuilt: bool


def initialise(settings: Settings, progress: Progress = lambda step: None) -> InitSummary:
    progress("Checking the catalogue files")
    catalogue = load_catalogue(settings.catalogue_dir)  # raises CatalogueInvalid before anything is written
    progress("Creating or upgrading the database")
    engine = make_engine(settings.database_uri)
    try:
        upgrade_schema(engine)
        progress("Loading roles into the database")
        factory = make_session_factory(engine)
        with transaction(factory) as session:
            saved = save_catalogue(session, catalogue)
        indexed, rebuilt = build_derived(settings, factory, catalogue.fingerprint, progress, catalogue.search_words)
    finally:
        engine.dispose()
    return InitSummary(
        roles=len(catalogue.roles),
        families=len({r.family for r in catalogue.roles}),
        saved=saved,
        indexed=indexed,
        embeddings_rebuilt=rebuilt,
    )


def build_derived(settings: Settings, factory, fingerprint: str, progress: Progress,
                  search_words: Synonyms) -> tuple[int, bool]:
    """Rebuild the search index, and the role embeddings when the catalogue has changed since they were made."""
    with factory() as session:
        roles = session.scalars(select(models.Role).order_by(models.Role.slug)).all()
        progress("Building the search index")
        indexed = build_index(settings.index_dir, map(search_document, roles), search_words, data_stamp(session))
        stored = embeddings.RoleEmbeddings.load(settings.role_embeddings_path)
        if stored is not None and stored.catalogue_fingerprint == fingerprint:
            return indexed, False
        progress(f"Embedding {len(roles)} roles with all-MiniLM-L6-v2")
        vectors = embeddings.encode(settings.embedding_model_dir, [embedding_text(role) for role in roles])
        tasks = [(i, task) for i, role in enumerate(roles) for task in role.day_to_day]
        task_vectors = embeddings.encode(settings.embedding_model_dir, [task for _, task in tasks])
        embeddings.RoleEmbeddings(
            slugs=[role.slug for role in roles],
            vectors=vectors,
            catalogue_fingerprint=fingerprint,
            task_vectors=task_vectors,
            task_owner=np.array([i for i, _ in tasks], dtype=np.int32),
        ).save(settings.role_embeddings_path)
    return indexed, True


def reindex(settings: Settings, only_if_changed: bool = False) -> int | None:
    """Rebuild the search index from what is in the database now.

    With `only_if_changed`, nothing is written unless the data differs from what the current index was built
    from; it then returns None. This is how edits made straight to the database reach search and filters.
    """
    engine = make_engine(settings.database_uri)
    try:
        with make_session_factory(engine)() as session:
            stamp = data_stamp(session)
            if only_if_changed and stamp == built_from(settings.index_dir):
                return None
            roles = session.scalars(select(models.Role).order_by(models.Role.slug)).all()
            return build_index(settings.index_dir, map(search_document, roles), load_synonyms(settings.catalogue_dir),
                               stamp)
    finally:
        engine.dispose()


def follow(settings: Settings, every: float, rounds: int | None = None) -> None:
    """The index's one writer while the site runs: rebuild whenever the database changes (checked every `every` s)."""
    done = 0
    while rounds is None or done < rounds:
        reindex(settings, only_if_changed=True)
        done += 1
        if rounds is None or done < rounds:
            time.sleep(every)
