"""exchange: unit signing key, trusted keys, bundles sent and received

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 14:17:50.080331
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sent_bundles',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('key_fingerprint', sa.String(length=32), nullable=False),
    sa.Column('initiative_count', sa.Integer(), nullable=False),
    sa.Column('attachment_count', sa.Integer(), nullable=False),
    sa.Column('payload_bytes', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('uploaded_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sent_bundles')),
    sa.UniqueConstraint('sequence', name=op.f('uq_sent_bundles_sequence'))
    )
    op.create_table('trusted_keys',
    sa.Column('fingerprint', sa.String(length=32), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('unit_code', sa.String(length=64), nullable=False),
    sa.Column('unit_name', sa.String(length=300), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_trusted_keys'))
    )
    with op.batch_alter_table('trusted_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trusted_keys_unit_code'), ['unit_code'], unique=False)

    op.create_table('unit_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=32), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('private_key', sa.Text(), nullable=False),
    sa.Column('kdf', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_keys')),
    sa.UniqueConstraint('fingerprint', name=op.f('uq_unit_keys_fingerprint'))
    )
    op.create_table('received_bundles',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('previous_id', sa.String(length=64), nullable=True),
    sa.Column('key_fingerprint', sa.String(length=32), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('initiative_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_received_bundles_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_received_bundles')),
    sa.UniqueConstraint('unit_id', 'sequence', name=op.f('uq_received_bundles_unit_id'))
    )
    with op.batch_alter_table('received_bundles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_received_bundles_unit_id'), ['unit_id'], unique=False)

    op.create_table('received_initiatives',
    sa.Column('initiative_id', sa.String(length=64), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('bundle_id', sa.String(length=64), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['bundle_id'], ['received_bundles.id'], name=op.f('fk_received_initiatives_bundle_id_received_bundles')),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_received_initiatives_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_received_initiatives_unit_id_units')),
    sa.PrimaryKeyConstraint('initiative_id', name=op.f('pk_received_initiatives'))
    )
    with op.batch_alter_table('received_initiatives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_received_initiatives_unit_id'), ['unit_id'], unique=False)

    op.create_table('sent_bundle_items',
    sa.Column('bundle_id', sa.String(length=64), nullable=False),
    sa.Column('initiative_id', sa.String(length=64), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['bundle_id'], ['sent_bundles.id'], name=op.f('fk_sent_bundle_items_bundle_id_sent_bundles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_sent_bundle_items_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('bundle_id', 'initiative_id', name=op.f('pk_sent_bundle_items'))
    )
    with op.batch_alter_table('sent_bundle_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sent_bundle_items_initiative_id'), ['initiative_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('sent_bundle_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sent_bundle_items_initiative_id'))

    op.drop_table('sent_bundle_items')
    with op.batch_alter_table('received_initiatives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_received_initiatives_unit_id'))

    op.drop_table('received_initiatives')
    with op.batch_alter_table('received_bundles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_received_bundles_unit_id'))

    op.drop_table('received_bundles')
    op.drop_table('unit_keys')
    with op.batch_alter_table('trusted_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trusted_keys_unit_code'))

    op.drop_table('trusted_keys')
    op.drop_table('sent_bundles')
