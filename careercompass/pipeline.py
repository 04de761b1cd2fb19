"""The steps that turn the files in roles_catalogue/ into a ready app: database, search index, embeddings.

Used by `careercompass init`, `check-catalogue` and `reindex`; each step is safe to run again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from careercompass.advisers import referrals, shortlists
from careercompass.catalogue.loader import Catalogue, CatalogueInvalid, load_catalogue
from careercompass.catalogue.store import SaveSummary, save_catalogue
from careercompass.classroom import sessions as class_sessions
from careercompass.config import Settings
from careercompass.database import (
    check_ready,
    make_engine,
    make_session_factory,
    open_session,
    transaction,
    upgrade_schema,
)
from careercompass.events import booking
from careercompass.events.samples import load_sample_events
from careercompass.matching import embeddings, feedback, service
from careercompass.search import sources, vacancy_index
from careercompass.search.index import SearchIndex, build_index, built_from
from careercompass.search.synonyms import Synonyms, check_search_words, load_synonyms
from careercompass.vacancies.importer import Area, ImportSummary
from careercompass.vacancies.service import ImportRequest, run_import, search_documents, update_search

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class InitSummary:
    roles: int
    families: int
    saved: SaveSummary
    indexed: int
    embedded: int  # roles whose vectors had to be made afresh
    sample_vacancies: ImportSummary | None = None  # the embedded default's sample adverts; None elsewhere


# Invented adverts in the real feed formats, loaded by `init` into the embedded default only; every one says it is a
# sample. Each file's format follows from its name.
SAMPLE_VACANCIES_DIR = Path(__file__).resolve().parent.parent / "sample_data" / "vacancies"
SAMPLE_FORMATS = {".xml": "nhs-jobs-xml", ".jsonl": "jobposting", ".json": "jobposting", ".csv": "csv"}


def checked_catalogue(catalogue_dir: Path) -> tuple[Catalogue, Synonyms]:
    """The catalogue and its search words, both checked; CatalogueInvalid lists every problem in either."""
    catalogue = load_catalogue(catalogue_dir)
    names = [name for role in catalogue.roles for name in (role.title, *role.other_titles)]
    synonyms, problems = check_search_words(catalogue_dir, names)
    if problems:
        raise CatalogueInvalid(problems)
    return catalogue, synonyms


@dataclass(frozen=True)
class Deleted:
    """What one clean-up deleted, each kind past its own CAREERCOMPASS_*_RETENTION_DAYS."""

    feedback: int
    bookings: int
    saved_codes: int
    class_sessions: int
    requests_for_help: int

    @property
    def line(self) -> str:
        return (f"{self.feedback} feedback records, {self.bookings} bookings' names and contacts, "
                f"{self.saved_codes} saved codes, {self.class_sessions} class sessions and {self.requests_for_help} "
                f"requests for help")


def delete_expired(settings: Settings, session) -> Deleted:
    """Delete the personal data kept past its retention time (not committed: the caller's transaction holds it)."""
    return Deleted(
        feedback=feedback.delete_older_than(session, settings.feedback_retention_days),
        bookings=booking.delete_after_events(session, settings.booking_retention_days),
        saved_codes=shortlists.delete_expired(session, settings.shortlist_retention_days),
        class_sessions=class_sessions.delete_older_than(session, settings.class_session_retention_days),
        requests_for_help=referrals.delete_old(session, settings.referral_retention_days),
    )


def delete_expired_data(settings: Settings) -> Deleted:
    """`careercompass delete-expired`: one clean-up in one transaction, on a database `init` has made.

    Raises DatabaseUnavailable (saying to run init) for a database that is missing, empty or not yet upgraded."""
    check_ready(settings.database_uri)
    engine = make_engine(settings.database_uri)
    try:
        with transaction(make_session_factory(engine)) as session:
            return delete_expired(settings, session)
    finally:
        engine.dispose()


def initialise(settings: Settings, progress: Progress = lambda step: None) -> InitSummary:
    progress("Checking the catalogue files")
    catalogue, synonyms = checked_catalogue(settings.catalogue_dir)  # raises before anything is written
    progress("Creating or upgrading the database")
    engine = make_engine(settings.database_uri)
    try:
        upgrade_schema(engine)
        progress("Loading roles into the database")
        factory = make_session_factory(engine)
        with transaction(factory) as session:
            saved = save_catalogue(session, catalogue)
            if settings.embedded_default:
                load_sample_events(session)
            delete_expired(settings, session)
        with factory() as session:
            progress("Building the search index")
            indexed = build_index(settings.index_dir, sources.all_documents(session), synonyms,
                                  sources.versions_stamp(session))
            progress("Embedding the roles that changed")
            embedded = store_embeddings(settings, session)
        samples = load_sample_vacancies(settings, factory) if settings.embedded_default else None
    finally:
        engine.dispose()
    return InitSummary(
        roles=len(catalogue.roles),
        families=len({r.family for r in catalogue.roles}),
        saved=saved,
        indexed=indexed,
        embedded=embedded,
        sample_vacancies=samples,
    )


def load_sample_vacancies(settings: Settings, factory) -> ImportSummary:
    """Import the sample adverts (all at once, in one transaction); a second run finds them unchanged."""
    total = ImportSummary()
    index = SearchIndex(settings.index_dir)
    area = Area(settings.vacancy_area_km)
    with transaction(factory) as session:
        for path in sorted(SAMPLE_VACANCIES_DIR.glob("*")):
            if path.suffix.lower() not in SAMPLE_FORMATS:
                continue
            request = ImportRequest(str(path), SAMPLE_FORMATS[path.suffix.lower()], area,
                                    settings.vacancy_retention_days)
            found = run_import(session, index, request)
            total.new, total.updated, total.unchanged = (total.new + found.new, total.updated + found.updated,
                                                         total.unchanged + found.unchanged)
            total.expired += found.expired
            total.skipped += found.skipped
            total.outside_area += found.outside_area
            total.changed_ids |= found.changed_ids
            total.deleted_ids += found.deleted_ids
        update_search(session, total.changed_ids, total.deleted_ids)
    return total


def store_embeddings(settings: Settings, session) -> int:
    """Bring models/role_embeddings.npz up to date with the roles in the database; returns how many roles
    were embedded (only those whose words changed, so a second run loads no model at all)."""
    try:
        stored = embeddings.RoleEmbeddings.load(settings.role_embeddings_path)
    except embeddings.EmbeddingsUnreadable as error:
        log.warning("Rebuilding the role embeddings: %s", error)
        stored = None
    roles = service.roles_for_matching(session)
    refreshed, embedded = service.refresh_embeddings(
        roles, stored, lambda texts: embeddings.encode(settings.embedding_model_dir, texts))
    if embedded or stored is None or stored.slugs != refreshed.slugs:
        refreshed.save(settings.role_embeddings_path)
    return embedded


def reindex(settings: Settings, only_if_changed: bool = False) -> int | None:
    """Rebuild the search index from what is in the database now.

    With `only_if_changed`, nothing is written unless the data versions differ from those the current index
    was built from; it then returns None. This is how edits made to the database reach search and filters.
    """
    with open_session(settings.database_uri) as session:
        stamp = sources.versions_stamp(session)
        if only_if_changed and stamp == built_from(settings.index_dir):
            return None
        return build_index(settings.index_dir, sources.all_documents(session), load_synonyms(settings.catalogue_dir),
                           stamp)


def rebuild_vacancy_search(settings: Settings) -> int:
    """The vacancy words made whole again from the adverts in the database; returns how many adverts it holds."""
    with open_session(settings.database_uri) as session:
        held = vacancy_index.rebuild(session, search_documents(session))
        session.commit()
        return held


def refresh_embeddings(settings: Settings) -> int:
    """Store vectors for roles edited in the database since init (the workers embed them in memory meanwhile)."""
    with open_session(settings.database_uri) as session:
        return store_embeddings(settings, session)


def follow(settings: Settings, every: float, rounds: int | None = None) -> None:
    """The index's one writer while the site runs: rebuild whenever the data changes (checked every `every` s).

    A failed round (the database away for a moment, a full disk) is logged and tried again next round.
    """
    done = 0
    while rounds is None or done < rounds:
        try:
            reindex(settings, only_if_changed=True)
        except Exception:  # noqa: BLE001 - the writer must outlive a bad round
            log.exception("Could not rebuild the search index; trying again in %g s", every)
        done += 1
        if rounds is None or done < rounds:
            time.sleep(every)
