"""entry_routes.for_people_in_post: a way in open only to people already working in the field

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('entry_routes', schema=None) as batch_op:
        # Existing rows say no; the next `careercompass init` fills in each way in's value.
        batch_op.add_column(sa.Column('for_people_in_post', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('entry_routes', schema=None) as batch_op:
        batch_op.drop_column('for_people_in_post')
