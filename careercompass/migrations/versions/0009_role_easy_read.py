"""role easy read: a short plain version of each role

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, not a batch copy: rebuilding `roles` on SQLite would drop its data-version triggers.
    # Existing rows stay empty until the next `careercompass init` writes each role's easy read.
    op.add_column('roles', sa.Column('easy_read', sa.JSON(), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+), for the same reason: the triggers on `roles` must survive.
    op.drop_column('roles', 'easy_read')
