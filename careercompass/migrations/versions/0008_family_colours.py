"""family colours: each family's colour is catalogue data

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, not a batch copy: rebuilding `families` on SQLite would drop its data-version triggers.
    op.add_column('families', sa.Column('colour', sa.String(length=7), server_default=sa.text("'#505a5f'"), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('families', schema=None) as batch_op:
        batch_op.drop_column('colour')
