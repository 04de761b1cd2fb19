"""bookings: whether the person came, ticked by staff on the day

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('bookings', sa.Column('attended', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    op.drop_column('bookings', 'attended')
