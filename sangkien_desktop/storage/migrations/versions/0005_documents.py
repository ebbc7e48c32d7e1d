"""certificate register for printed documents

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 09:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.String(length=64), nullable=True),
        sa.Column("initiative_code", sa.String(length=64), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiatives.id"],
            name=op.f("fk_certificates_initiative_id_initiatives"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("initiative_id", "author_name", name=op.f("uq_certificates_initiative_id")),
        sa.UniqueConstraint("year", "number", name=op.f("uq_certificates_year")),
    )


def downgrade() -> None:
    op.drop_table("certificates")
