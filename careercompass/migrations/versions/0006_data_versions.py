"""data versions: one number per source of data, bumped by triggers on every write

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

from careercompass.data_versions import drop_statements, trigger_statements

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# Written out here, not read from careercompass.data_versions.SOURCES: a migration must not change when the
# list grows later (a later migration adds the triggers for its own tables).
ROLES_TABLES = (
    "families", "employers", "glossary_terms", "pay_bands", "roles", "role_sectors", "role_shift_patterns",
    "entry_routes", "role_employers", "role_links",
)


def upgrade() -> None:
    table = op.create_table('data_versions',
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('source', name=op.f('pk_data_versions'))
    )
    op.bulk_insert(table, [{"source": "roles", "version": 1}])
    dialect = op.get_bind().dialect.name
    for name in ROLES_TABLES:
        for statement in trigger_statements(dialect, "roles", name):
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in ROLES_TABLES:
        for statement in drop_statements(dialect, "roles", name):
            op.execute(statement)
    op.drop_table('data_versions')
