"""shortlist own words: kept apart, and only when the person asks

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

QUOTE_MARKS = "“”\"‘"

shortlists = sa.table(
    'shortlists',
    sa.column('code', sa.String),
    sa.column('answers', sa.JSON),
    sa.column('matches', sa.JSON),
)


def upgrade() -> None:
    op.add_column('shortlists', sa.Column('own_words', sa.Text(), nullable=True))
    # Codes saved before people were asked keep no words: they never chose to keep them.
    connection = op.get_bind()
    for code, answers, matches in connection.execute(sa.select(shortlists)).all():
        kept = {key: value for key, value in (answers or {}).items() if key != 'interests'}
        cleaned = [{**m, 'reasons': [r for r in m.get('reasons', []) if not any(q in r for q in QUOTE_MARKS)]}
                   for m in (matches or [])]
        if kept != answers or cleaned != matches:
            connection.execute(sa.update(shortlists).where(shortlists.c.code == code)
                               .values(answers=kept, matches=cleaned))


def downgrade() -> None:
    with op.batch_alter_table('shortlists', schema=None) as batch_op:
        batch_op.drop_column('own_words')
