"""vacancies: adverts from feeds, the roles they are linked to, and staff decisions about titles

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('vacancies',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('dedupe_key', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('source_id', sa.String(length=200), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('employer', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=False),
    sa.Column('location_text', sa.String(length=300), nullable=True),
    sa.Column('postcode_district', sa.String(length=8), nullable=True),
    sa.Column('ward', sa.String(length=100), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('salary_text', sa.String(length=300), nullable=True),
    sa.Column('salary_min', sa.Float(), nullable=True),
    sa.Column('salary_max', sa.Float(), nullable=True),
    sa.Column('salary_period', sa.String(length=8), nullable=True),
    sa.Column('band_from', sa.String(length=3), nullable=True),
    sa.Column('band_to', sa.String(length=3), nullable=True),
    sa.Column('contract', sa.String(length=100), nullable=True),
    sa.Column('hours', sa.String(length=100), nullable=True),
    sa.Column('apprenticeship', sa.Boolean(), nullable=False),
    sa.Column('posted', sa.Date(), nullable=True),
    sa.Column('closing', sa.Date(), nullable=True),
    sa.Column('first_seen', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen', sa.DateTime(timezone=True), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vacancies')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_vacancies_dedupe_key'))
    )
    op.create_index(op.f('ix_vacancies_band_from'), 'vacancies', ['band_from'], unique=False)
    op.create_index(op.f('ix_vacancies_closing'), 'vacancies', ['closing'], unique=False)
    op.create_index(op.f('ix_vacancies_hidden'), 'vacancies', ['hidden'], unique=False)
    op.create_index(op.f('ix_vacancies_postcode_district'), 'vacancies', ['postcode_district'], unique=False)
    op.create_table('vacancy_roles',
    sa.Column('vacancy_id', sa.Integer(), nullable=False),
    sa.Column('role_slug', sa.String(length=80), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['role_slug'], ['roles.slug'], name=op.f('fk_vacancy_roles_role_slug_roles'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancies.id'], name=op.f('fk_vacancy_roles_vacancy_id_vacancies'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('vacancy_id', 'role_slug', name=op.f('pk_vacancy_roles'))
    )
    op.create_index(op.f('ix_vacancy_roles_role_slug'), 'vacancy_roles', ['role_slug'], unique=False)
    op.create_table('vacancy_title_mappings',
    sa.Column('title_key', sa.String(length=300), nullable=False),
    sa.Column('role_slug', sa.String(length=80), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['role_slug'], ['roles.slug'], name=op.f('fk_vacancy_title_mappings_role_slug_roles'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('title_key', name=op.f('pk_vacancy_title_mappings'))
    )


def downgrade() -> None:
    op.drop_table('vacancy_title_mappings')
    op.drop_index(op.f('ix_vacancy_roles_role_slug'), table_name='vacancy_roles')
    op.drop_table('vacancy_roles')
    for column in ('postcode_district', 'hidden', 'closing', 'band_from'):
        op.drop_index(op.f(f'ix_vacancies_{column}'), table_name='vacancies')
    op.drop_table('vacancies')
