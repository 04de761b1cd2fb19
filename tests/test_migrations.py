"""The migrations build exactly the tables the code declares (SQLite and PostgreSQL), and every table is registered."""

from __future__ import annotations

import re
import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData

from careercompass.config import PROJECT_ROOT
from careercompass.database import make_engine, upgrade_schema
from careercompass.tables import MODEL_MODULES, is_modelled, load_all

PACKAGE_DIR = PROJECT_ROOT / "careercompass"
TABLE_NAME = re.compile(r"""^\s+__tablename__\s*=\s*["']([\w]+)["']""", re.MULTILINE)


def defaults_differ(_context, _inspected, _declared, inspected_default, _default, rendered_declared_default) -> bool:
    # Compared as SQL text: PostgreSQL shows a default with its cast ('[]'::json) and cannot compare JSON values.
    def bare(default: str | None) -> str | None:
        return re.sub(r"::[\w ]+$", "", default) if default else None

    return bare(inspected_default) != bare(rendered_declared_default)


def differences(connection, metadata: MetaData) -> list:
    # Types and server defaults are compared too: a migration that forgets either would otherwise pass.
    options = {"compare_type": True, "compare_server_default": defaults_differ, "include_name": is_modelled}
    return compare_metadata(MigrationContext.configure(connection, opts=options), metadata)


def declared_tables() -> dict[str, str]:
    """Every `__tablename__` written anywhere in the package, with the module that declares it."""
    found = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        module = ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
        for name in TABLE_NAME.findall(path.read_text(encoding="utf-8")):
            found[name] = module
    return found


def test_a_freshly_migrated_database_matches_the_tables_in_the_code(database_url):
    metadata = load_all()
    engine = make_engine(database_url)
    try:
        upgrade_schema(engine)
        with engine.connect() as connection:
            assert differences(connection, metadata) == []
            # The check is live on this database: a column the migrations never made is noticed.
            changed = MetaData(naming_convention=metadata.naming_convention)
            for table in metadata.sorted_tables:
                table.to_metadata(changed)
            changed.tables["roles"].append_column(Column("favourite_colour", Integer))
            [(kind, *_)] = differences(connection, changed)
            assert kind == "add_column"
    finally:
        engine.dispose()


def test_every_module_that_declares_a_table_is_in_the_registry():
    declared = declared_tables()
    assert set(declared) >= {"roles", "shortlists", "feedback_events"}  # the scan itself works
    assert {module for module in declared.values()} <= set(MODEL_MODULES)


def test_loading_the_registry_alone_registers_every_table():
    # A fresh interpreter, so nothing imported by other tests can register a table the registry forgot.
    program = "from careercompass.tables import load_all; print(' '.join(sorted(load_all().tables)))"
    output = subprocess.run([sys.executable, "-c", program], check=True, capture_output=True, text=True,
                            cwd=PROJECT_ROOT).stdout
    assert output.split() == sorted(declared_tables())
