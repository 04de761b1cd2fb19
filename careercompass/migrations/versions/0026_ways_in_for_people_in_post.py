"""entry_routes.for_people_in_post: a way in open only to people already working in the field

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa

from careercompass.data_versions import trigger_statements


revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, not a batch copy: rebuilding `entry_routes` on SQLite would drop its data-version triggers.
    # Existing rows say no; the next `careercompass init` fills in each way in's value.
    op.add_column('entry_routes', sa.Column('for_people_in_post', sa.Boolean(), nullable=False,
                                            server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('entry_routes', schema=None) as batch_op:
        batch_op.drop_column('for_people_in_post')
    if op.get_bind().dialect.name == "sqlite":  # the batch copy dropped them
        for statement in trigger_statements("sqlite", "roles", "entry_routes"):
            op.execute(statement)
