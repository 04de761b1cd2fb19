"""usage_counts: bare weekly counts of quizzes begun and clicks to adverts; class_pupils: lists saved, places booked

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'usage_counts',
        sa.Column('week', sa.Date(), nullable=False),
        sa.Column('measure', sa.String(length=30), nullable=False),
        sa.Column('area', sa.String(length=60), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('week', 'measure', 'area'),
    )
    op.add_column('class_pupils', sa.Column('lists_saved', sa.Integer(), server_default=sa.text('0'), nullable=False))
    op.add_column('class_pupils', sa.Column('places_booked', sa.Integer(), server_default=sa.text('0'),
                                            nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('class_pupils') as batch:
        batch.drop_column('places_booked')
        batch.drop_column('lists_saved')
    op.drop_table('usage_counts')
