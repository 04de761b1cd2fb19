"""catalogue tables

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('employers',
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=200), nullable=False),
    sa.Column('website', sa.String(length=500), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_employers'))
    )
    op.create_table('families',
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_families'))
    )
    op.create_table('pay_bands',
    sa.Column('year', sa.String(length=7), nullable=False),
    sa.Column('band', sa.String(length=3), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('minimum', sa.Integer(), nullable=False),
    sa.Column('maximum', sa.Integer(), nullable=False),
    sa.Column('hourly_minimum', sa.Double(), nullable=False),
    sa.Column('hourly_maximum', sa.Double(), nullable=False),
    sa.Column('source_name', sa.String(length=200), nullable=False),
    sa.Column('source_url', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('year', 'band', name=op.f('pk_pay_bands'))
    )
    op.create_table('roles',
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('family_slug', sa.String(length=80), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('hours', sa.Text(), nullable=False),
    sa.Column('riasec', sa.String(length=3), nullable=False),
    sa.Column('physical_demand', sa.String(length=10), nullable=False),
    sa.Column('emotional_demand', sa.String(length=10), nullable=False),
    sa.Column('patient_facing', sa.Boolean(), nullable=False),
    sa.Column('earn_while_you_learn', sa.Boolean(), nullable=False),
    sa.Column('minimum_age', sa.Integer(), nullable=True),
    sa.Column('driving_licence_needed', sa.Boolean(), nullable=False),
    sa.Column('pay', sa.JSON(), nullable=False),
    sa.Column('pay_yearly_minimum', sa.Integer(), nullable=False),
    sa.Column('pay_yearly_maximum', sa.Integer(), nullable=False),
    sa.Column('other_titles', sa.JSON(), nullable=False),
    sa.Column('day_to_day', sa.JSON(), nullable=False),
    sa.Column('where_you_work', sa.JSON(), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('interests', sa.JSON(), nullable=False),
    sa.Column('hard_parts', sa.JSON(), nullable=False),
    sa.Column('sources', sa.JSON(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['family_slug'], ['families.slug'], name=op.f('fk_roles_family_slug_families')),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_roles'))
    )
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roles_earn_while_you_learn'), ['earn_while_you_learn'], unique=False)
        batch_op.create_index(batch_op.f('ix_roles_family_slug'), ['family_slug'], unique=False)
        batch_op.create_index(batch_op.f('ix_roles_patient_facing'), ['patient_facing'], unique=False)
        batch_op.create_index(batch_op.f('ix_roles_pay_yearly_minimum'), ['pay_yearly_minimum'], unique=False)
        batch_op.create_index(batch_op.f('ix_roles_title'), ['title'], unique=False)

    op.create_table('entry_routes',
    sa.Column('role_slug', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('entry_requirements', sa.Text(), nullable=True),
    sa.Column('duration', sa.String(length=200), nullable=True),
    sa.Column('earn_while_you_learn', sa.Boolean(), nullable=False),
    sa.Column('standard_code', sa.String(length=10), nullable=True),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('t_level', sa.String(length=200), nullable=True),
    sa.Column('specialism', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['role_slug'], ['roles.slug'], name=op.f('fk_entry_routes_role_slug_roles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role_slug', 'position', name=op.f('pk_entry_routes'))
    )
    with op.batch_alter_table('entry_routes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entry_routes_standard_code'), ['standard_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_entry_routes_type'), ['type'], unique=False)

    op.create_table('role_employers',
    sa.Column('role_slug', sa.String(length=80), nullable=False),
    sa.Column('employer_slug', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['employer_slug'], ['employers.slug'], name=op.f('fk_role_employers_employer_slug_employers')),
    sa.ForeignKeyConstraint(['role_slug'], ['roles.slug'], name=op.f('fk_role_employers_role_slug_roles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role_slug', 'employer_slug', name=op.f('pk_role_employers'))
    )
    op.create_table('role_links',
    sa.Column('from_slug', sa.String(length=80), nullable=False),
    sa.Column('to_slug', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['from_slug'], ['roles.slug'], name=op.f('fk_role_links_from_slug_roles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_slug'], ['roles.slug'], name=op.f('fk_role_links_to_slug_roles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('from_slug', 'to_slug', 'kind', name=op.f('pk_role_links'))
    )
    with op.batch_alter_table('role_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_links_to_slug'), ['to_slug'], unique=False)

    op.create_table('role_sectors',
    sa.Column('role_slug', sa.String(length=80), nullable=False),
    sa.Column('sector', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['role_slug'], ['roles.slug'], name=op.f('fk_role_sectors_role_slug_roles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role_slug', 'sector', name=op.f('pk_role_sectors'))
    )
    with op.batch_alter_table('role_sectors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_sectors_sector'), ['sector'], unique=False)

    op.create_table('role_shift_patterns',
    sa.Column('role_slug', sa.String(length=80), nullable=False),
    sa.Column('pattern', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['role_slug'], ['roles.slug'], name=op.f('fk_role_shift_patterns_role_slug_roles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role_slug', 'pattern', name=op.f('pk_role_shift_patterns'))
    )
    with op.batch_alter_table('role_shift_patterns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_shift_patterns_pattern'), ['pattern'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('role_shift_patterns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_shift_patterns_pattern'))

    op.drop_table('role_shift_patterns')
    with op.batch_alter_table('role_sectors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_sectors_sector'))

    op.drop_table('role_sectors')
    with op.batch_alter_table('role_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_links_to_slug'))

    op.drop_table('role_links')
    op.drop_table('role_employers')
    with op.batch_alter_table('entry_routes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entry_routes_type'))
        batch_op.drop_index(batch_op.f('ix_entry_routes_standard_code'))

    op.drop_table('entry_routes')
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roles_title'))
        batch_op.drop_index(batch_op.f('ix_roles_pay_yearly_minimum'))
        batch_op.drop_index(batch_op.f('ix_roles_patient_facing'))
        batch_op.drop_index(batch_op.f('ix_roles_family_slug'))
        batch_op.drop_index(batch_op.f('ix_roles_earn_while_you_learn'))

    op.drop_table('roles')
    op.drop_table('pay_bands')
    op.drop_table('families')
    op.drop_table('employers')
