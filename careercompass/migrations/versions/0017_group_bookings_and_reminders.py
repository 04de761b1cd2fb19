"""bookings: places for a group booked by an adviser, and when the reminder was sent

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Batch mode, because SQLite cannot add a foreign key in place; bookings has no children and no triggers,
    # so copying the table loses nothing.
    with op.batch_alter_table('bookings') as batch:
        batch.add_column(sa.Column('places', sa.Integer(), server_default=sa.text('1'), nullable=False))
        batch.add_column(sa.Column('booked_by', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key('fk_bookings_booked_by', 'staff_users', ['booked_by'], ['id'], ondelete='SET NULL')
        batch.create_index('ix_bookings_booked_by', ['booked_by'])


def downgrade() -> None:
    with op.batch_alter_table('bookings') as batch:
        batch.drop_index('ix_bookings_booked_by')
        batch.drop_constraint('fk_bookings_booked_by', type_='foreignkey')
        batch.drop_column('reminded_at')
        batch.drop_column('booked_by')
        batch.drop_column('places')
