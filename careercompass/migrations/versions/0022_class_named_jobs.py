"""class_sessions: the jobs the class named in the starter, so the board can show the surprises

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('class_sessions', sa.Column('named_jobs', sa.JSON(), server_default=sa.text("'[]'"), nullable=False))


def downgrade() -> None:
    op.drop_column('class_sessions', 'named_jobs')
