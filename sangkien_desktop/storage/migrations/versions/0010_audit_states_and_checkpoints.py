"""audit: entity states in the log, no INSERT OR REPLACE, bundle checkpoints

- ``audit_log.state``: SHA-256 of the stored state of the initiative, member, user or reward a
  row is about, as it stands when the row's transaction commits ("" once it is gone; NULL on
  rows of other entities and on rows written before this revision). ``sangkien audit verify``
  compares the data tables with it. Revision 0009's UPDATE trigger already lets the writer set
  it on its own 'pending' rows only.
- A BEFORE INSERT trigger refuses an insert whose id is already taken: ``INSERT OR REPLACE``
  (and ``REPLACE INTO``) deletes the old row without firing the DELETE trigger (recursive
  triggers are off), so it could rewrite a row past revision 0009.
- ``audit_checkpoints``: the end of a unit's audit chain as carried by each signed bundle —
  those it sent (at the unit) and those it received from each unit (at the upper level).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

NO_REPLACE = (
    "Nhật ký thay đổi chỉ được ghi thêm: không được ghi đè dòng đã có "
    "(audit_log is append-only: INSERT OR REPLACE refused)."
)
NO_REPLACE_TRIGGER = f"""
    CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
    WHEN new.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = new.id)
    BEGIN
      SELECT RAISE(ABORT, '{NO_REPLACE}');
    END"""


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("state", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_checkpoints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("unit_code", sa.String(length=64), nullable=False),
        sa.Column("bundle_id", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("head", sa.String(length=64), nullable=False),
        sa.Column("earlier", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_checkpoints")),
        sa.UniqueConstraint("direction", "bundle_id", name=op.f("uq_audit_checkpoints_direction")),
    )
    op.create_index(
        "ix_audit_checkpoints_unit_code", "audit_checkpoints", ["unit_code"], unique=False
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(NO_REPLACE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_replace")
    op.drop_index("ix_audit_checkpoints_unit_code", table_name="audit_checkpoints")
    op.drop_table("audit_checkpoints")
    op.drop_column("audit_log", "state")  # SQLite 3.35+: in place, the 0009 triggers stay
