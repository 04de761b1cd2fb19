"""Alembic environment: always called from careercompass.database.upgrade_schema with an open connection."""

from alembic import context

import careercompass.advisers.shortlists  # noqa: F401  (registers the tables on Base.metadata)
import careercompass.catalogue.models  # noqa: F401
import careercompass.matching.feedback  # noqa: F401
from careercompass.database import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things in place
)
with context.begin_transaction():
    context.run_migrations()
