"""The append-only, hash-chained audit trail.

Every create, change, move, delete and import of an initiative, member, unit, reward or
setting appends one ``audit_log`` row in the writer's own transaction: who, when, what, and
each changed field as ``[old, new]``. Each row carries the SHA-256 of the row before it
(``prev_hash``) and its own ``hash`` over a canonical JSON of its content plus ``prev_hash``, so
:func:`verify_chain` finds a row edited or deleted with plain SQL.

Two writers. A row is first inserted with a placeholder hash; on SQLite that insert takes the
database's single write lock, held until the caller's transaction ends (in WAL mode an insert
from a stale snapshot fails instead of proceeding). Only then is the previous row read — no
other writer can append in between — and the placeholder replaced by the real hashes. On a
server database the same order holds under its row locks only approximately; the application
is meant for SQLite.

Limits: deleting the newest rows (cutting the tail) leaves a valid shorter chain; a copy of the
last hash kept elsewhere (a backup, a bundle) is what shows that.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import AuditEntry

ENTITIES = ("initiative", "member", "unit", "reward", "setting", "user")
ACTIONS = ("create", "update", "move", "delete", "import")
GENESIS = "0" * 64
PENDING = "pending"


def plain(value: Any) -> Any:
    """``value`` as JSON data that reads back equal (dates as ISO text)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The fields whose value differs, as ``field → [old, new]`` (JSON data); a field missing
    from ``old`` (a new row) counts only when ``new`` gives it a value."""
    changes: dict[str, list[Any]] = {}
    for key in sorted(set(old) | set(new)):
        before, after = plain(old.get(key)), plain(new.get(key))
        if key not in old and after in (None, "", [], {}, False):
            continue  # a new row: only the fields it was given
        if before != after:
            changes[key] = [before, after]
    return changes


def entry_hash(
    id_: int,
    at: datetime,
    actor: str,
    entity: str,
    entity_id: str,
    action: str,
    changes: Any,
    prev_hash: str,
) -> str:
    content = {
        "id": id_,
        "at": at.isoformat(),
        "actor": actor,
        "entity": entity,
        "entity_id": entity_id,
        "action": action,
        "changes": changes,
        "prev_hash": prev_hash,
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Change:
    """One audit row to append."""

    entity: str
    entity_id: str
    action: str
    changes: Mapping[str, Any]


def record(
    session: Session,
    actor: str,
    entity: str,
    entity_id: str | int,
    action: str,
    changes: Mapping[str, Any] | None = None,
) -> None:
    """Append one audit row inside the caller's transaction."""
    record_many(session, actor, [Change(entity, str(entity_id), action, changes or {})])


def record_many(session: Session, actor: str, items: Sequence[Change]) -> None:
    """Append several audit rows (an import) inside the caller's transaction."""
    if not items:
        return
    for item in items:
        if item.entity not in ENTITIES or item.action not in ACTIONS:
            raise ValueError(f"audit: unknown entity/action {item.entity}/{item.action}")
    now = datetime.now()
    rows = [
        {
            "at": now,
            "actor": actor or "",
            "entity": item.entity,
            "entity_id": item.entity_id,
            "action": item.action,
            "changes": plain(dict(item.changes)),
        }
        for item in items
    ]
    # Not flushing the caller's pending rows: they may be half-built.
    with session.no_autoflush:
        # The placeholder insert takes the write lock first; the previous row is read after it.
        first_id = session.execute(
            insert(AuditEntry).returning(AuditEntry.id),
            rows[0] | {"prev_hash": PENDING, "hash": PENDING},
        ).scalar_one()
        previous = session.scalars(
            select(AuditEntry.hash).where(AuditEntry.id < first_id).order_by(AuditEntry.id.desc())
        ).first()
        prev_hash = previous or GENESIS
        finished: list[dict[str, Any]] = []
        for offset, row in enumerate(rows):
            id_ = first_id + offset
            digest = entry_hash(
                id_,
                row["at"],
                row["actor"],
                row["entity"],
                row["entity_id"],
                row["action"],
                row["changes"],
                prev_hash,
            )
            finished.append(row | {"id": id_, "prev_hash": prev_hash, "hash": digest})
            prev_hash = digest
        session.execute(
            update(AuditEntry)
            .where(AuditEntry.id == first_id)
            .values(prev_hash=finished[0]["prev_hash"], hash=finished[0]["hash"])
            .execution_options(synchronize_session=False)
        )
        if len(finished) > 1:
            session.execute(insert(AuditEntry), finished[1:])


@dataclass(frozen=True)
class Problem:
    """A break in the chain, at the row that shows it."""

    id: int
    at: datetime | None
    message: str

    def __str__(self) -> str:
        when = f" ({self.at:%d/%m/%Y %H:%M:%S})" if self.at else ""
        return f"Dòng nhật ký số {self.id}{when}: {self.message}"


def verify_chain(db: Database) -> list[Problem]:
    """Recompute every hash; each problem names the row where the chain breaks (an edited row
    itself; for a deleted row, the row after the gap). Empty when the chain is whole."""
    problems: list[Problem] = []
    with db.reader() as session:
        previous_id, previous_hash = 0, GENESIS
        result = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
        for row in result.yield_per(2000):
            if row.prev_hash != previous_hash:
                missing = (
                    f" (thiếu dòng {previous_id + 1}–{row.id - 1})"
                    if row.id > previous_id + 1
                    else ""
                )
                problems.append(
                    Problem(
                        row.id,
                        row.at,
                        "không nối với dòng trước — một dòng trước nó đã bị xóa hoặc sửa"
                        + missing
                        + ".",
                    )
                )
            expected = entry_hash(
                row.id,
                row.at,
                row.actor,
                row.entity,
                row.entity_id,
                row.action,
                row.changes,
                row.prev_hash,
            )
            if expected != row.hash:
                problems.append(
                    Problem(row.id, row.at, "nội dung đã bị sửa sau khi ghi (mã băm không khớp).")
                )
            previous_id, previous_hash = row.id, row.hash
            session.expunge(row)
    return problems


@dataclass(frozen=True)
class LogLine:
    id: int
    at: datetime
    actor: str
    entity: str
    entity_id: str
    action: str
    changes: dict[str, Any]


def history(
    db: Database, entity: str | None = None, entity_id: str | None = None, limit: int = 200
) -> list[LogLine]:
    """The newest audit rows first, optionally for one entity (and one of its rows)."""
    with db.reader() as session:
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if entity:
            query = query.where(AuditEntry.entity == entity)
        if entity_id:
            query = query.where(AuditEntry.entity_id == entity_id)
        return [
            LogLine(r.id, r.at, r.actor, r.entity, r.entity_id, r.action, dict(r.changes))
            for r in session.scalars(query)
        ]
