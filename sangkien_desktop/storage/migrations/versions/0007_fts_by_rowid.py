"""FTS index rows keyed by the initiative's rowid (SQLite only)

Revision 0004 found the index row to replace by its UNINDEXED ``id`` column, which FTS5 can only
scan: every save read the whole index. The index row now carries the initiative's rowid, found
in one step. (VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY; anything
that vacuums the database must rebuild the index afterwards: ``rebuild_search_index``.)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 15:40:00
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OLD = ("initiatives_fts_insert", "initiatives_fts_update", "initiatives_fts_delete")
TRIGGERS = (
    """CREATE TRIGGER initiatives_fts_insert AFTER INSERT ON initiatives BEGIN
         INSERT INTO initiatives_fts (rowid, id, search_text)
         VALUES (new.rowid, new.id, new.search_text);
       END""",
    """CREATE TRIGGER initiatives_fts_update AFTER UPDATE OF id, search_text ON initiatives BEGIN
         DELETE FROM initiatives_fts WHERE rowid = old.rowid;
         INSERT INTO initiatives_fts (rowid, id, search_text)
         VALUES (new.rowid, new.id, new.search_text);
       END""",
    """CREATE TRIGGER initiatives_fts_delete AFTER DELETE ON initiatives BEGIN
         DELETE FROM initiatives_fts WHERE rowid = old.rowid;
       END""",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in OLD:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DELETE FROM initiatives_fts")
    op.execute(
        "INSERT INTO initiatives_fts (rowid, id, search_text) "
        "SELECT rowid, id, search_text FROM initiatives"
    )
    for sql in TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    """Revision 0004's triggers still work on rows keyed this way."""
