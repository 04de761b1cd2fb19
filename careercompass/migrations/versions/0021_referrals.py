"""referrals: requests for one-to-one support, routed by Academy staff

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'referrals',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('reference', sa.String(length=10), nullable=False),
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('first_name', sa.String(length=60), nullable=False),
        sa.Column('contact', sa.String(length=254), nullable=False),
        sa.Column('area', sa.String(length=60), nullable=False),
        sa.Column('age_band', sa.String(length=10), nullable=False),
        sa.Column('help_with', sa.String(length=30), nullable=False),
        sa.Column('more', sa.Text(), nullable=False),
        sa.Column('needs', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('spoke', sa.String(length=30), nullable=True),
        sa.Column('outcome', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('consent', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('reference'),
        sa.UniqueConstraint('token'),
    )
    op.create_index(op.f('ix_referrals_status'), 'referrals', ['status'], unique=False)
    op.create_index(op.f('ix_referrals_updated_at'), 'referrals', ['updated_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_referrals_updated_at'), table_name='referrals')
    op.drop_index(op.f('ix_referrals_status'), table_name='referrals')
    op.drop_table('referrals')
