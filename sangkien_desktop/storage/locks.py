"""Serialising writers that must not interleave, on a server database.

On SQLite one writer holds the whole database: the first write of a transaction (or
``BEGIN IMMEDIATE``) makes the others wait, and nothing here is needed. On PostgreSQL several
PCs write at once; :func:`serialize` takes a transaction-level advisory lock
(``pg_advisory_xact_lock``), released when the caller's transaction commits or rolls back, so
the audit chain stays one line and certificate, bundle and initiative numbers never repeat.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# Advisory lock keys (any 64-bit numbers this application owns: "SK" + a small number).
#: Taken by every write session (``Database.session``) first: one writer at a time, as on
#: SQLite, so two PCs never wait for each other's rows in opposite order (a deadlock).
WRITERS = 0x534B_0000
AUDIT = 0x534B_0001
CERTIFICATES = 0x534B_0002
BUNDLES = 0x534B_0003
INITIATIVE_CODES = 0x534B_0004


def serialize(session: Session, key: int) -> bool:
    """Wait for, then hold until the transaction ends, the lock ``key`` (PostgreSQL); returns
    whether a lock was taken (False on SQLite, which serialises writers by itself)."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return False
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
    return True
