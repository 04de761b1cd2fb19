"""glossary terms

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('glossary_terms',
    sa.Column('term', sa.String(length=40), nullable=False),
    sa.Column('meaning', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('term', name=op.f('pk_glossary_terms'))
    )


def downgrade() -> None:
    op.drop_table('glossary_terms')
