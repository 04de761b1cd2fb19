"""routes: ways in that many jobs share, and which one each role's way in follows

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'routes',
        sa.Column('id', sa.String(length=80), nullable=False),
        sa.Column('type', sa.String(length=30), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('t_level', sa.String(length=200), nullable=True),
        sa.Column('level', sa.Integer(), nullable=True),
        sa.Column('length', sa.String(length=200), nullable=False),
        sa.Column('years', sa.Float(), nullable=False),
        sa.Column('minimum_age', sa.Integer(), nullable=True),
        sa.Column('entry', sa.Text(), nullable=False),
        sa.Column('needs_english_maths', sa.Boolean(), nullable=False),
        sa.Column('cost', sa.Text(), nullable=False),
        sa.Column('starts', sa.String(length=200), nullable=True),
        sa.Column('providers', sa.JSON(), nullable=False),
        sa.Column('employers', sa.JSON(), nullable=False),
        sa.Column('sources', sa.JSON(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_routes_type'), 'routes', ['type'], unique=False)
    op.add_column('entry_routes', sa.Column('route_id', sa.String(length=80), nullable=True))
    op.create_index(op.f('ix_entry_routes_route_id'), 'entry_routes', ['route_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_entry_routes_route_id'), table_name='entry_routes')
    op.drop_column('entry_routes', 'route_id')
    op.drop_index(op.f('ix_routes_type'), table_name='routes')
    op.drop_table('routes')
