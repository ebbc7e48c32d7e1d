"""audit_log append-only: triggers refuse a DELETE and any UPDATE but the writer's (SQLite only)

The writer (``security.audit.record_many``) inserts a row with the placeholder hash 'pending'
and then, holding the write lock, sets its ``prev_hash`` and ``hash``. That one UPDATE stays
allowed — on a 'pending' row, touching nothing but those two columns; every other UPDATE and
every DELETE aborts with a message. Someone with the file can still drop the triggers; the hash
chain and the anchor file (``sangkien audit verify``) show what they did then.

A later migration that recreates ``audit_log`` (Alembic's batch mode copies the table) drops
these triggers with it and must create them again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 17:00:00
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

NO_DELETE = (
    "Nhật ký thay đổi chỉ được ghi thêm: không được xóa dòng nào "
    "(audit_log is append-only: DELETE refused)."
)
NO_UPDATE = (
    "Nhật ký thay đổi chỉ được ghi thêm: không được sửa dòng đã ghi "
    "(audit_log is append-only: UPDATE refused)."
)
TRIGGERS = {
    "audit_log_no_delete": f"""
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
          SELECT RAISE(ABORT, '{NO_DELETE}');
        END""",
    "audit_log_no_update": f"""
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN old.hash <> 'pending'
          OR new.id IS NOT old.id
          OR new.at IS NOT old.at
          OR new.actor IS NOT old.actor
          OR new.entity IS NOT old.entity
          OR new.entity_id IS NOT old.entity_id
          OR new.action IS NOT old.action
          OR new.changes IS NOT old.changes
        BEGIN
          SELECT RAISE(ABORT, '{NO_UPDATE}');
        END""",
}


# PostgreSQL: the same rules in PL/pgSQL (and TRUNCATE, which SQLite does not have). The
# ``changes`` column is JSON, which has no equality: compared as text. PostgreSQL has no
# INSERT OR REPLACE; its INSERT … ON CONFLICT DO UPDATE fires the UPDATE trigger.
PG_FUNCTION = f"""
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = '{NO_DELETE}';
      END IF;
      IF old.hash <> 'pending'
         OR new.id IS DISTINCT FROM old.id
         OR new.at IS DISTINCT FROM old.at
         OR new.actor IS DISTINCT FROM old.actor
         OR new.entity IS DISTINCT FROM old.entity
         OR new.entity_id IS DISTINCT FROM old.entity_id
         OR new.action IS DISTINCT FROM old.action
         OR new.changes::text IS DISTINCT FROM old.changes::text THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = '{NO_UPDATE}';
      END IF;
      RETURN new;
    END $$"""
PG_TRIGGERS = {
    "audit_log_no_update": "BEFORE UPDATE ON audit_log FOR EACH ROW",
    "audit_log_no_delete": "BEFORE DELETE ON audit_log FOR EACH ROW",
    "audit_log_no_truncate": "BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT",
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(PG_FUNCTION)
        for name, when in PG_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} EXECUTE FUNCTION audit_log_append_only()")
    if dialect != "sqlite":
        return
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for name in PG_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    if dialect != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
