"""covering indexes for the list and search

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 14:08:35.205980
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiatives_credited_sort'))
        batch_op.drop_index(batch_op.f('ix_initiatives_title_sort'))
        batch_op.create_index('ix_initiatives_code_cover', ['code', 'id'], unique=False)
        batch_op.create_index('ix_initiatives_credited_cover', ['credited_sort', 'id'], unique=False)
        batch_op.create_index('ix_initiatives_search_cover', ['search_text', 'id'], unique=False)
        batch_op.create_index('ix_initiatives_title_cover', ['title_sort', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.drop_index('ix_initiatives_title_cover')
        batch_op.drop_index('ix_initiatives_search_cover')
        batch_op.drop_index('ix_initiatives_credited_cover')
        batch_op.drop_index('ix_initiatives_code_cover')
        batch_op.create_index(batch_op.f('ix_initiatives_title_sort'), ['title_sort'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiatives_credited_sort'), ['credited_sort'], unique=False)

