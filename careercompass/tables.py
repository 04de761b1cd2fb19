"""The one list of modules that define database tables.

Alembic, the tests and anything else that needs every table call `load_all()`, so a new table is known
everywhere (and checked against its migrations) once its module is named here.
"""

from __future__ import annotations

from importlib import import_module

from sqlalchemy import MetaData

from careercompass.database import Base

MODEL_MODULES = (
    "careercompass.catalogue.models",
    "careercompass.advisers.shortlists",
    "careercompass.advisers.handoffs",
    "careercompass.advisers.referrals",
    "careercompass.usage",
    "careercompass.matching.feedback",
    "careercompass.data_versions",
    "careercompass.vacancies.models",
    "careercompass.staff.accounts",
    "careercompass.events.models",
    "careercompass.classroom.models",
)


# Made by the migrations in each database's own SQL, with no model: the vacancy words search
# (careercompass/search/vacancy_index.py). On SQLite, FTS5 keeps its own tables under names that start the same.
UNMODELLED_TABLES = ("vacancy_words",)


def is_modelled(name: str | None, type_: str, _parent_names=None) -> bool:
    """Alembic's `include_name`: compare every table except those made without a model, and their indexes."""
    if type_ == "table" and name:
        return not name.startswith(UNMODELLED_TABLES)
    if type_ == "index" and name:
        return not any(table in name for table in UNMODELLED_TABLES)
    return True


def load_all() -> MetaData:
    """Import every model module, so each table is registered, and return the metadata that holds them all."""
    for name in MODEL_MODULES:
        import_module(name)
    return Base.metadata
