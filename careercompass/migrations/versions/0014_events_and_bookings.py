"""taster events, the roles they show, and bookings

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('postcode_district', sa.String(length=8), nullable=True),
    sa.Column('ward', sa.String(length=100), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('what_you_do', sa.Text(), nullable=False),
    sa.Column('age_min', sa.Integer(), nullable=False),
    sa.Column('age_max', sa.Integer(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('booked', sa.Integer(), nullable=False),
    sa.Column('accessibility', sa.JSON(), nullable=False),
    sa.Column('run_by', sa.String(length=200), nullable=False),
    sa.Column('families', sa.JSON(), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('sample', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    op.create_index(op.f('ix_events_cancelled'), 'events', ['cancelled'], unique=False)
    op.create_index(op.f('ix_events_starts_at'), 'events', ['starts_at'], unique=False)
    op.create_table('event_roles',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('role_slug', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_roles_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['role_slug'], ['roles.slug'], name=op.f('fk_event_roles_role_slug_roles'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'role_slug', name=op.f('pk_event_roles'))
    )
    op.create_index(op.f('ix_event_roles_role_slug'), 'event_roles', ['role_slug'], unique=False)
    op.create_table('bookings',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('first_name', sa.String(length=60), nullable=False),
    sa.Column('contact', sa.String(length=254), nullable=False),
    sa.Column('contact_key', sa.String(length=254), nullable=False),
    sa.Column('age_band', sa.String(length=10), nullable=False),
    sa.Column('access_needs', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_bookings_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bookings')),
    sa.UniqueConstraint('event_id', 'contact_key', name=op.f('uq_bookings_event_id')),
    sa.UniqueConstraint('token', name=op.f('uq_bookings_token'))
    )
    op.create_index(op.f('ix_bookings_event_id'), 'bookings', ['event_id'], unique=False)
    op.create_index(op.f('ix_bookings_status'), 'bookings', ['status'], unique=False)


def downgrade() -> None:
    op.drop_table('bookings')
    op.drop_index(op.f('ix_event_roles_role_slug'), table_name='event_roles')
    op.drop_table('event_roles')
    op.drop_index(op.f('ix_events_starts_at'), table_name='events')
    op.drop_index(op.f('ix_events_cancelled'), table_name='events')
    op.drop_table('events')
