"""support team workflow

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:54:55.891056
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.add_column(sa.Column('submitted_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('rejection_reason', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('uploaded_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('bundle_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('assigned_to', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('due_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('status_changed_at', sa.DateTime(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.drop_column('status_changed_at')
        batch_op.drop_column('due_on')
        batch_op.drop_column('assigned_to')
        batch_op.drop_column('bundle_id')
        batch_op.drop_column('uploaded_on')
        batch_op.drop_column('rejection_reason')
        batch_op.drop_column('submitted_on')

