"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 13:54:50.847135
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('level', sa.String(length=32), nullable=False),
    sa.Column('superior_union', sa.String(length=300), nullable=False),
    sa.Column('federation', sa.String(length=300), nullable=False),
    sa.Column('cluster', sa.String(length=300), nullable=False),
    sa.Column('chair_name', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=100), nullable=False),
    sa.Column('is_home', sa.Boolean(), nullable=False),
    sa.Column('headcount', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('code', name=op.f('uq_units_code'))
    )
    op.create_table('initiatives',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('subkind', sa.String(length=64), nullable=True),
    sa.Column('research_level', sa.String(length=16), nullable=True),
    sa.Column('field', sa.String(length=300), nullable=False),
    sa.Column('known_solution', sa.Text(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('novelty', sa.Text(), nullable=False),
    sa.Column('applicability', sa.Text(), nullable=False),
    sa.Column('origin_story', sa.Text(), nullable=False),
    sa.Column('confidential', sa.Text(), nullable=False),
    sa.Column('application_mode', sa.String(length=16), nullable=True),
    sa.Column('first_applied_on', sa.Date(), nullable=True),
    sa.Column('applied_where', sa.String(length=300), nullable=False),
    sa.Column('economic_value_vnd', sa.BigInteger(), nullable=True),
    sa.Column('economic_description', sa.Text(), nullable=False),
    sa.Column('social_benefits', sa.JSON(), nullable=False),
    sa.Column('social_description', sa.Text(), nullable=False),
    sa.Column('recognition_by', sa.String(length=16), nullable=True),
    sa.Column('recognition_body', sa.String(length=300), nullable=False),
    sa.Column('decision_no', sa.String(length=100), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('research_accepted_on', sa.Date(), nullable=True),
    sa.Column('research_applied_since', sa.Date(), nullable=True),
    sa.Column('research_confirmed_by', sa.String(length=200), nullable=False),
    sa.Column('research_confirmation_no', sa.String(length=100), nullable=False),
    sa.Column('research_confirmed_on', sa.Date(), nullable=True),
    sa.Column('ip_protected', sa.Boolean(), nullable=False),
    sa.Column('ip_registration_no', sa.String(length=200), nullable=True),
    sa.Column('reviewer', sa.String(length=200), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('title_sort', sa.String(length=400), nullable=False),
    sa.Column('credited_author', sa.String(length=200), nullable=True),
    sa.Column('credited_sort', sa.String(length=400), nullable=False),
    sa.Column('eligibility_date', sa.Date(), nullable=True),
    sa.Column('phase', sa.Integer(), nullable=True),
    sa.Column('error_count', sa.Integer(), nullable=False),
    sa.Column('warning_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_initiatives_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiatives')),
    sa.UniqueConstraint('code', name=op.f('uq_initiatives_code'))
    )
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiatives_credited_sort'), ['credited_sort'], unique=False)
        batch_op.create_index('ix_initiatives_phase', ['phase'], unique=False)
        batch_op.create_index('ix_initiatives_status_kind', ['status', 'kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiatives_title_sort'), ['title_sort'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiatives_unit_id'), ['unit_id'], unique=False)

    op.create_table('members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('name_folded', sa.String(length=200), nullable=False),
    sa.Column('sort_key', sa.String(length=400), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('qualification', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_members_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_members'))
    )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_members_name_folded'), ['name_folded'], unique=False)
        batch_op.create_index('ix_members_unit_sort', ['unit_id', 'sort_key'], unique=False)

    op.create_table('targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('phase', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('quarter', sa.Integer(), nullable=True),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_targets_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_targets')),
    sa.UniqueConstraint('unit_id', 'phase', 'year', 'quarter', name=op.f('uq_targets_unit_id'))
    )
    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=64), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_attachments_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_initiative_id'), ['initiative_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachments_sha256'), ['sha256'], unique=False)

    op.create_table('authors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('workplace', sa.String(length=300), nullable=False),
    sa.Column('job_title', sa.String(length=200), nullable=False),
    sa.Column('qualification', sa.String(length=200), nullable=False),
    sa.Column('contribution_pct', sa.Float(), nullable=True),
    sa.Column('is_lead', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_authors_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_authors_member_id_members')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_authors'))
    )
    with op.batch_alter_table('authors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_authors_initiative_id'), ['initiative_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_authors_member_id'), ['member_id'], unique=False)

    op.create_table('rewards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=64), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('recipient_name', sa.String(length=300), nullable=False),
    sa.Column('decision_no', sa.String(length=100), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('level', sa.String(length=32), nullable=False),
    sa.Column('form', sa.String(length=32), nullable=False),
    sa.Column('amount_vnd', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_rewards_initiative_id_initiatives')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_rewards_member_id_members')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rewards'))
    )
    with op.batch_alter_table('rewards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rewards_initiative_id'), ['initiative_id'], unique=False)

    op.create_table('workflow_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=64), nullable=False),
    sa.Column('from_state', sa.String(length=16), nullable=True),
    sa.Column('to_state', sa.String(length=16), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_workflow_events_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workflow_events'))
    )
    with op.batch_alter_table('workflow_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workflow_events_initiative_id'), ['initiative_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('workflow_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workflow_events_initiative_id'))

    op.drop_table('workflow_events')
    with op.batch_alter_table('rewards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rewards_initiative_id'))

    op.drop_table('rewards')
    with op.batch_alter_table('authors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_authors_member_id'))
        batch_op.drop_index(batch_op.f('ix_authors_initiative_id'))

    op.drop_table('authors')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachments_initiative_id'))

    op.drop_table('attachments')
    op.drop_table('targets')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_index('ix_members_unit_sort')
        batch_op.drop_index(batch_op.f('ix_members_name_folded'))

    op.drop_table('members')
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiatives_unit_id'))
        batch_op.drop_index(batch_op.f('ix_initiatives_title_sort'))
        batch_op.drop_index('ix_initiatives_status_kind')
        batch_op.drop_index('ix_initiatives_phase')
        batch_op.drop_index(batch_op.f('ix_initiatives_credited_sort'))

    op.drop_table('initiatives')
    op.drop_table('units')
    op.drop_table('settings')
