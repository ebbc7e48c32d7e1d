"""ORM models (SQLAlchemy 2, typed). Portable SQL only: SQLite specifics live in ``database.py``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Unit(Base):
    """A union unit: the grassroots union using this database, or one that sent a bundle."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    level: Mapped[str] = mapped_column(String(32), default="CO_SO")
    superior_union: Mapped[str] = mapped_column(String(300), default="")
    federation: Mapped[str] = mapped_column(String(300), default="")
    cluster: Mapped[str] = mapped_column(String(300), default="")
    chair_name: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    is_home: Mapped[bool] = mapped_column(Boolean, default=False)
    headcount: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Member(Base):
    """A member of the unit: đoàn viên, cán bộ công đoàn, công chức, viên chức, người lao động."""

    __tablename__ = "members"
    __table_args__ = (Index("ix_members_unit_sort", "unit_id", "sort_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    full_name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(String(200), index=True)
    sort_key: Mapped[str] = mapped_column(String(400))
    birth_date: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[str] = mapped_column(String(8), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    qualification: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(32), default="DOAN_VIEN")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Initiative(Base):
    """One initiative with every field of RECORD.md, flattened, plus cached rule results."""

    __tablename__ = "initiatives"
    __table_args__ = (
        Index("ix_initiatives_status_kind", "status", "kind"),
        Index("ix_initiatives_phase", "phase"),
        # Covering indexes: the list reads ids in these orders, and the search scans the
        # narrow index instead of the wide table (revision 0003).
        Index("ix_initiatives_search_cover", "search_text", "id"),
        Index("ix_initiatives_code_cover", "code", "id"),
        Index("ix_initiatives_title_cover", "title_sort", "id"),
        Index("ix_initiatives_credited_cover", "credited_sort", "id"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(32))
    subkind: Mapped[str | None] = mapped_column(String(64))
    research_level: Mapped[str | None] = mapped_column(String(16))
    field: Mapped[str] = mapped_column(String(300), default="")
    known_solution: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")
    novelty: Mapped[str] = mapped_column(Text, default="")
    applicability: Mapped[str] = mapped_column(Text, default="")
    origin_story: Mapped[str] = mapped_column(Text, default="")
    confidential: Mapped[str] = mapped_column(Text, default="")
    application_mode: Mapped[str | None] = mapped_column(String(16))
    first_applied_on: Mapped[date | None] = mapped_column(Date)
    applied_where: Mapped[str] = mapped_column(String(300), default="")
    economic_value_vnd: Mapped[int | None] = mapped_column(BigInteger)
    economic_description: Mapped[str] = mapped_column(Text, default="")
    social_benefits: Mapped[list[str]] = mapped_column(JSON, default=list)
    social_description: Mapped[str] = mapped_column(Text, default="")
    recognition_by: Mapped[str | None] = mapped_column(String(16))
    recognition_body: Mapped[str] = mapped_column(String(300), default="")
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    research_accepted_on: Mapped[date | None] = mapped_column(Date)
    research_applied_since: Mapped[date | None] = mapped_column(Date)
    research_confirmed_by: Mapped[str] = mapped_column(String(200), default="")
    research_confirmation_no: Mapped[str] = mapped_column(String(100), default="")
    research_confirmed_on: Mapped[date | None] = mapped_column(Date)
    ip_protected: Mapped[bool] = mapped_column(Boolean, default=False)
    ip_registration_no: Mapped[str | None] = mapped_column(String(200))
    reviewer: Mapped[str] = mapped_column(String(200), default="")
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="IDEA")
    # The support team's workflow (revision 0002).
    submitted_on: Mapped[date | None] = mapped_column(Date)
    rejection_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    uploaded_on: Mapped[date | None] = mapped_column(Date)
    bundle_id: Mapped[str | None] = mapped_column(String(64))
    assigned_to: Mapped[str] = mapped_column(String(200), default="", server_default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    status_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Derived by the rules on every save, so lists filter and sort in SQL.
    search_text: Mapped[str] = mapped_column(Text, default="")
    title_sort: Mapped[str] = mapped_column(String(400), default="")
    credited_author: Mapped[str | None] = mapped_column(String(200))
    credited_sort: Mapped[str] = mapped_column(String(400), default="")
    eligibility_date: Mapped[date | None] = mapped_column(Date)
    phase: Mapped[int | None] = mapped_column(Integer)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    warning_count: Mapped[int] = mapped_column(Integer, default=0)

    authors: Mapped[list[Author]] = relationship(
        back_populates="initiative",
        cascade="all, delete-orphan",
        order_by="Author.position",
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="Attachment.id"
    )
    events: Mapped[list[WorkflowEvent]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="WorkflowEvent.id"
    )


class Author(Base):
    """An author of an initiative: linked to a member of the unit, or external."""

    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    workplace: Mapped[str] = mapped_column(String(300), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    qualification: Mapped[str] = mapped_column(String(200), default="")
    contribution_pct: Mapped[float | None] = mapped_column(Float)
    is_lead: Mapped[bool] = mapped_column(Boolean, default=False)

    initiative: Mapped[Initiative] = relationship(back_populates="authors")


class Attachment(Base):
    """A file of the dossier, stored once under its SHA-256 in the data folder."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16), default="OTHER")
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    added_at: Mapped[datetime] = mapped_column(DateTime)

    initiative: Mapped[Initiative] = relationship(back_populates="attachments")


class WorkflowEvent(Base):
    """One move of an initiative from a state to another."""

    __tablename__ = "workflow_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
    )
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime)
    comment: Mapped[str] = mapped_column(Text, default="")

    initiative: Mapped[Initiative] = relationship(back_populates="events")


class Reward(Base):
    """A reward decision for an author or a collective (PROGRAM.md §6)."""

    __tablename__ = "rewards"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[str | None] = mapped_column(ForeignKey("initiatives.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    recipient_name: Mapped[str] = mapped_column(String(300))
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    level: Mapped[str] = mapped_column(String(32), default="CO_SO")
    form: Mapped[str] = mapped_column(String(32), default="GIAY_KHEN")
    amount_vnd: Mapped[int] = mapped_column(BigInteger, default=0)


class Target(Base):
    """The unit's own target for a phase, or for one quarter of a year."""

    __tablename__ = "targets"
    __table_args__ = (UniqueConstraint("unit_id", "phase", "year", "quarter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    phase: Mapped[int | None] = mapped_column(Integer)
    year: Mapped[int | None] = mapped_column(Integer)
    quarter: Mapped[int | None] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)


class Setting(Base):
    """A key/value setting of this database (unit preferences, counters)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)


class Certificate(Base):
    """A recognition certificate issued to one author of an initiative (revision 0005).

    Numbers run per year and are never reused: the row stays when its initiative is deleted
    (``initiative_id`` becomes NULL), and a reprint reads the number back instead of taking a
    new one. The code and the author's name are kept as printed."""

    __tablename__ = "certificates"
    __table_args__ = (
        UniqueConstraint("year", "number"),
        UniqueConstraint("initiative_id", "author_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    initiative_id: Mapped[str | None] = mapped_column(
        ForeignKey("initiatives.id", ondelete="SET NULL")
    )
    initiative_code: Mapped[str] = mapped_column(String(64))
    author_name: Mapped[str] = mapped_column(String(200))
    issued_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)


# --- Exchange: the unit's signing key, trusted keys, bundles sent and received (revision 0006).


class UnitKey(Base):
    """The unit's Ed25519 key pair; the private key only ever stored encrypted (PKCS#8 PEM)."""

    __tablename__ = "unit_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(32), unique=True)
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the 32 raw bytes
    private_key: Mapped[str] = mapped_column(Text)  # encrypted PKCS#8 PEM
    kdf: Mapped[dict[str, Any]] = mapped_column(JSON)  # how the passphrase is stretched
    created_at: Mapped[datetime] = mapped_column(DateTime)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)


class TrustedKey(Base):
    """A public key of a unit this database accepts bundles from."""

    __tablename__ = "trusted_keys"

    fingerprint: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(64), index=True)
    unit_name: Mapped[str] = mapped_column(String(300), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)


class SentBundle(Base):
    """A bundle this unit exported."""

    __tablename__ = "sent_bundles"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    file_name: Mapped[str] = mapped_column(String(300))
    mode: Mapped[str] = mapped_column(String(16))
    key_fingerprint: Mapped[str] = mapped_column(String(32))
    initiative_count: Mapped[int] = mapped_column(Integer)
    attachment_count: Mapped[int] = mapped_column(Integer)
    payload_bytes: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    uploaded_on: Mapped[date | None] = mapped_column(Date)


class SentBundleItem(Base):
    """An initiative in a sent bundle, with the digest of its content as sent."""

    __tablename__ = "sent_bundle_items"

    bundle_id: Mapped[str] = mapped_column(
        ForeignKey("sent_bundles.id", ondelete="CASCADE"), primary_key=True
    )
    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    digest: Mapped[str] = mapped_column(String(64))


class ReceivedBundle(Base):
    """A bundle a unit sent to this (upper-level) database, verified and imported."""

    __tablename__ = "received_bundles"
    __table_args__ = (UniqueConstraint("unit_id", "sequence"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    previous_id: Mapped[str | None] = mapped_column(String(64))
    key_fingerprint: Mapped[str] = mapped_column(String(32))
    content_sha256: Mapped[str] = mapped_column(String(64))  # SHA-256 of its tag manifest
    file_name: Mapped[str] = mapped_column(String(300))
    initiative_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    received_at: Mapped[datetime] = mapped_column(DateTime)


class ReceivedInitiative(Base):
    """Which received bundle last wrote an initiative, so an older bundle never overwrites it."""

    __tablename__ = "received_initiatives"

    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    bundle_id: Mapped[str] = mapped_column(ForeignKey("received_bundles.id"))
    sequence: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))


# --- Trust: the hash-chained audit trail and local user accounts (revision 0008).


class AuditEntry(Base):
    """One append-only audit row: who changed what, when, old → new; hash-chained to the row
    before it (``sangkien_desktop.security.audit``)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200), default="")
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # SHA-256 of the entity's stored state after the row's transaction (revision 0010).
    state: Mapped[str | None] = mapped_column(String(64))


class AuditCheckpoint(Base):
    """The end of a unit's audit chain carried by a signed bundle: one the unit sent
    (``direction`` "sent") or one the upper level received ("received"); ``earlier`` holds the
    hashes the bundle gave for the ends of the unit's earlier bundles (``exchange.checkpoints``).
    """

    __tablename__ = "audit_checkpoints"
    __table_args__ = (UniqueConstraint("direction", "bundle_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))
    unit_code: Mapped[str] = mapped_column(String(64), index=True)
    bundle_id: Mapped[str] = mapped_column(String(64))
    sequence: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    count: Mapped[int] = mapped_column(Integer)
    last_id: Mapped[int] = mapped_column(Integer)
    head: Mapped[str] = mapped_column(String(64))
    earlier: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class User(Base):
    """A local account of the shared office PC (``sangkien_desktop.security.users``)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)  # scrypt$n$r$p$salt$hash (base64)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
