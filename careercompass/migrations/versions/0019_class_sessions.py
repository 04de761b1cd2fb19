"""class_sessions and class_pupils: classroom mode

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'class_sessions',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('code', sa.String(length=8), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('adviser_id', sa.Integer(), nullable=True),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['adviser_id'], ['staff_users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('code'),
    )
    op.create_index(op.f('ix_class_sessions_adviser_id'), 'class_sessions', ['adviser_id'], unique=False)
    op.create_index(op.f('ix_class_sessions_started_at'), 'class_sessions', ['started_at'], unique=False)
    op.create_table(
        'class_pupils',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('seat', sa.String(length=64), nullable=False),
        sa.Column('nickname', sa.String(length=20), nullable=False),
        sa.Column('nickname_key', sa.String(length=20), nullable=False),
        sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('answers', sa.JSON(), nullable=False),
        sa.Column('roles', sa.JSON(), nullable=False),
        sa.Column('families', sa.JSON(), nullable=False),
        sa.Column('dealbreakers', sa.JSON(), nullable=False),
        sa.Column('not_for_me', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['session_id'], ['class_sessions.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('seat'),
        sa.UniqueConstraint('session_id', 'nickname_key'),
    )
    op.create_index(op.f('ix_class_pupils_session_id'), 'class_pupils', ['session_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_class_pupils_session_id'), table_name='class_pupils')
    op.drop_table('class_pupils')
    op.drop_index(op.f('ix_class_sessions_started_at'), table_name='class_sessions')
    op.drop_index(op.f('ix_class_sessions_adviser_id'), table_name='class_sessions')
    op.drop_table('class_sessions')
