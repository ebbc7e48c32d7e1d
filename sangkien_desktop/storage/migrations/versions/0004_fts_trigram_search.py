"""Trigram index over the folded search text (SQLite: FTS5; PostgreSQL: pg_trgm GIN index)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 14:15:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TRIGGERS = {
    "initiatives_fts_insert": """
        CREATE TRIGGER initiatives_fts_insert AFTER INSERT ON initiatives BEGIN
          INSERT INTO initiatives_fts (id, search_text) VALUES (new.id, new.search_text);
        END""",
    "initiatives_fts_update": """
        CREATE TRIGGER initiatives_fts_update AFTER UPDATE OF id, search_text ON initiatives BEGIN
          DELETE FROM initiatives_fts WHERE id = old.id;
          INSERT INTO initiatives_fts (id, search_text) VALUES (new.id, new.search_text);
        END""",
    "initiatives_fts_delete": """
        CREATE TRIGGER initiatives_fts_delete AFTER DELETE ON initiatives BEGIN
          DELETE FROM initiatives_fts WHERE id = old.id;
        END""",
}


# PostgreSQL: a GIN trigram index on the folded column answers ``LIKE '%word%'`` itself
# (storage.search); pg_trgm is a trusted extension, which the database's owner may create.
PG_INDEX = "ix_initiatives_search_trgm"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            f"CREATE INDEX {PG_INDEX} ON initiatives USING gin (search_text gin_trgm_ops)"
        )
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE initiatives_fts USING fts5(id UNINDEXED, search_text, "
        "tokenize = 'trigram')"
    )
    op.execute("INSERT INTO initiatives_fts (id, search_text) SELECT id, search_text FROM initiatives")
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS initiatives_fts")
