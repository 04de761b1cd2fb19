"""Alembic environment: always called from careercompass.database.upgrade_schema with an open connection."""

from alembic import context

from careercompass.tables import is_modelled, load_all

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=load_all(),
    include_name=is_modelled,  # the vacancy words table has no model
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things in place
)
with context.begin_transaction():
    context.run_migrations()
