"""handoffs: an adviser's notes and agreed next steps on a saved code

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'handoffs',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('shortlist_code', sa.String(length=6), nullable=False),
        sa.Column('adviser_id', sa.Integer(), nullable=True),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('steps', sa.JSON(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['shortlist_code'], ['shortlists.code'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['adviser_id'], ['staff_users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('shortlist_code', 'adviser_id'),
    )
    op.create_index(op.f('ix_handoffs_shortlist_code'), 'handoffs', ['shortlist_code'], unique=False)
    op.create_index(op.f('ix_handoffs_adviser_id'), 'handoffs', ['adviser_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_handoffs_adviser_id'), table_name='handoffs')
    op.drop_index(op.f('ix_handoffs_shortlist_code'), table_name='handoffs')
    op.drop_table('handoffs')
