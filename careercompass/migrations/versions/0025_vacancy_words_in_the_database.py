"""vacancy_words: the vacancy words search, kept in the database (an FTS5 table on SQLite, a tsvector on PostgreSQL)

Filled from the adverts already stored, so a database upgraded from an earlier version searches them at once.
Not a model (see careercompass/search/vacancy_index.py); the drift test leaves it out by name.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06
"""

from alembic import op

revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None

# Each advert's linked role titles, in the order the linker ranked them.
ROLE_TITLES = {
    "sqlite": "(SELECT group_concat(title, ' ') FROM (SELECT r.title FROM vacancy_roles l JOIN roles r "
              "ON r.slug = l.role_slug WHERE l.vacancy_id = v.id ORDER BY l.position))",
    "postgresql": "(SELECT string_agg(r.title, ' ' ORDER BY l.position) FROM vacancy_roles l JOIN roles r "
                  "ON r.slug = l.role_slug WHERE l.vacancy_id = v.id)",
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    roles = f"coalesce({ROLE_TITLES[dialect]}, '')"
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE vacancy_words USING fts5(title, roles, employer, description, "
                    "tokenize = 'porter unicode61')")
        op.execute(f"INSERT INTO vacancy_words (rowid, title, roles, employer, description) "
                   f"SELECT v.id, v.title, {roles}, v.employer, v.description FROM vacancies v")
    else:
        op.execute("CREATE TABLE vacancy_words (vacancy_id integer PRIMARY KEY REFERENCES vacancies (id) "
                   "ON DELETE CASCADE, document tsvector NOT NULL)")
        op.execute("CREATE INDEX ix_vacancy_words_document ON vacancy_words USING gin (document)")
        op.execute(f"INSERT INTO vacancy_words (vacancy_id, document) SELECT v.id, "
                   f"setweight(to_tsvector('english', v.title), 'A') || setweight(to_tsvector('english', {roles}), 'B')"
                   f" || setweight(to_tsvector('english', v.employer), 'C') || "
                   f"setweight(to_tsvector('english', v.description), 'D') FROM vacancies v")


def downgrade() -> None:
    op.execute("DROP TABLE vacancy_words")
