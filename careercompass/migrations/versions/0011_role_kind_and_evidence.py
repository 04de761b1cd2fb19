"""role kind, age note, interest evidence, last checked; former slugs of merged roles

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

from careercompass.data_versions import drop_statements, trigger_statements

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

NEW_COLUMNS = (
    ('age_note', sa.Text()),
    ('onet_code', sa.String(length=10)),
    ('onet_none_reason', sa.Text()),
    ('riasec_note', sa.Text()),
    ('soc_code', sa.String(length=4)),
    ('last_checked', sa.Date()),
)


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch copy: rebuilding `roles` on SQLite would drop its data-version triggers.
    op.add_column('roles', sa.Column('kind', sa.String(length=20), server_default=sa.text("'job'"), nullable=False))
    op.create_index(op.f('ix_roles_kind'), 'roles', ['kind'], unique=False)
    for name, column_type in NEW_COLUMNS:
        op.add_column('roles', sa.Column(name, column_type, nullable=True))
    op.create_table('role_former_slugs',
    sa.Column('old_slug', sa.String(length=80), nullable=False),
    sa.Column('role_slug', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['role_slug'], ['roles.slug'], name=op.f('fk_role_former_slugs_role_slug_roles'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('old_slug', name=op.f('pk_role_former_slugs'))
    )
    op.create_index(op.f('ix_role_former_slugs_role_slug'), 'role_former_slugs', ['role_slug'], unique=False)
    for statement in trigger_statements(op.get_bind().dialect.name, "roles", "role_former_slugs"):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(op.get_bind().dialect.name, "roles", "role_former_slugs"):
        op.execute(statement)
    op.drop_index(op.f('ix_role_former_slugs_role_slug'), table_name='role_former_slugs')
    op.drop_table('role_former_slugs')
    for name, _ in reversed(NEW_COLUMNS):
        op.drop_column('roles', name)
    op.drop_index(op.f('ix_roles_kind'), table_name='roles')
    op.drop_column('roles', 'kind')
