"""feedback: impressions keyed by the result set shown, so a reload records nothing new; created_at indexed

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('feedback_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('result_set', sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f('ix_feedback_events_created_at'), ['created_at'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_feedback_events_reference'),
                                          ['reference', 'result_set', 'role_slug'])


def downgrade() -> None:
    with op.batch_alter_table('feedback_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_feedback_events_reference'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_feedback_events_created_at'))
        batch_op.drop_column('result_set')
