"""bookings.confirmation_due: a confirmation email that could not be sent at booking time, to be tried again

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Bookings made before this column existed are not owed an email: false for them.
    op.add_column('bookings', sa.Column('confirmation_due', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    op.drop_column('bookings', 'confirmation_due')
