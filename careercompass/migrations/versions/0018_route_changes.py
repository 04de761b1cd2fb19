"""route_changes: staff corrections to a shared route's start dates, cost, entry and providers

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'route_changes',
        sa.Column('route_id', sa.String(length=80), nullable=False),
        sa.Column('field', sa.String(length=20), nullable=False),
        sa.Column('value', sa.JSON(), nullable=True),
        sa.Column('file_value', sa.JSON(), nullable=True),
        sa.Column('source_url', sa.String(length=500), nullable=False),
        sa.Column('changed_by', sa.String(length=254), nullable=False),
        sa.Column('changed_on', sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint('route_id', 'field'),
    )


def downgrade() -> None:
    op.drop_table('route_changes')
