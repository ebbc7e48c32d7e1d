"""The append-only, hash-chained audit trail.

Every create, change, move, delete and import of an initiative, member, unit, reward,
setting, user account or signing key appends one ``audit_log`` row in the writer's own
transaction: who, when, what, and each changed field as ``[old, new]``.

Actions beyond create/update/move/delete/import/recover: ``export`` (a copy of the unit's
encrypted signing key written to a file: entity "key") and ``restore`` (the unit's key put
back from such a file; and, on entity "setting" id "backup", the whole database replaced by a
backup — :func:`record_restore`, the first row of the restored file's new anchor).

Each row carries the SHA-256 of the row before it (``prev_hash``) and its own ``hash`` over a
canonical JSON of its content plus ``prev_hash``, so :func:`verify_chain` finds a row edited or
deleted with plain SQL.

Two writers. A row is first inserted with a placeholder hash; on SQLite that insert takes the
database's single write lock, held until the caller's transaction ends (in WAL mode an insert
from a stale snapshot fails instead of proceeding). Only then is the previous row read — no
other writer can append in between — and the placeholder replaced by the real hashes. On a
server database the same order holds under its row locks only approximately; the application
is meant for SQLite.

Three defences, each against a stronger hand:

- Triggers (revision 0009) abort any DELETE and any UPDATE of ``audit_log`` except the
  writer's own (a 'pending' row getting its hashes). They stop a slip with a SQL tool.
- The chain: whoever drops the triggers and edits or deletes a row breaks it, and
  :func:`verify_chain` names the row.
- The anchor: deleting the newest rows (cutting the tail) leaves a valid shorter chain. So
  after every commit that appended rows, the chain's end — last id, its hash and time, the row
  count, the first row's hash — is written to ``<name>.audit-anchor.json`` beside the database
  file (a temporary file renamed over it; a SQLAlchemy ``before_commit`` hook reads the end
  under the write lock, ``after_commit`` writes it; none for a server database).
  :func:`verify_chain` names the rows missing when the anchor's row is gone or has another
  hash. A missing or unreadable anchor with a non-empty log is only a warning (a database from
  before the anchor, a power cut while writing it); the next write makes a new one, as it does
  for an anchor of another log (its first row differs: the database was created anew under
  the same name). An anchor that disagrees with its own log is left as it is, so the cut stays
  visible. Deliberately restoring an older backup looks like a cut; :func:`forget_anchor`
  (deleting the file) starts a new anchor.

Limits: someone who can rewrite both the database and the anchor file (or delete the file)
can hide a cut; the backups (and their copies on the USB stick) still hold the longer chain.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from sangkien_desktop.files import atomic_write_text
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import AuditEntry

ENTITIES = ("initiative", "member", "unit", "reward", "setting", "user", "key")
ACTIONS = ("create", "update", "move", "delete", "import", "recover", "export", "restore")
GENESIS = "0" * 64
PENDING = "pending"
ANCHOR_SUFFIX = ".audit-anchor.json"
# session.info keys: rows were appended in this transaction / the anchor to write after commit.
_APPENDED = "sangkien.audit.appended"
_ANCHOR = "sangkien.audit.anchor"

log = logging.getLogger(__name__)


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
    session.info[_APPENDED] = True  # the anchor follows the chain's end after the commit


# The anchor of the chain's end ---------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The end of the chain as last committed: its row's id, hash and time, the row count and
    the first row's hash (which log it belongs to)."""

    id: int
    hash: str
    at: datetime
    count: int
    first: str

    def as_json(self) -> str:
        data = {
            "id": self.id,
            "hash": self.hash,
            "at": self.at.isoformat(),
            "count": self.count,
            "first": self.first,
            "written": datetime.now().isoformat(timespec="seconds"),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class AnchorError(ValueError):
    """The anchor file exists but cannot be read as an anchor."""


def anchor_file(database: Path | None) -> Path | None:
    """``<dir>/<stem>.audit-anchor.json`` beside the database file (None: no file)."""
    if database is None:
        return None
    return database.with_name(database.stem + ANCHOR_SUFFIX)


def _database_file(session: Session) -> Path | None:
    url = make_url(str(session.get_bind().engine.url))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database))


def read_anchor(path: Path) -> Anchor | None:
    """The anchor in ``path``; None when there is no file; AnchorError when it is unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AnchorError(str(exc)) from exc
    try:
        data = json.loads(text)
        return Anchor(
            int(data["id"]),
            str(data["hash"]),
            datetime.fromisoformat(data["at"]),
            int(data["count"]),
            str(data["first"]),
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise AnchorError(str(exc)) from exc


def record_restore(db: Database, actor: str, backup_name: str, kept_name: str | None) -> None:
    """Append to the just restored database (its own transaction) the row saying it was
    replaced by the backup ``backup_name``, the replaced file kept as ``kept_name`` (None: there
    was none). Called after :func:`forget_anchor`, so this row starts the new anchor."""
    with db.session() as session:
        record(
            session,
            actor,
            "setting",
            "backup",
            "restore",
            {"from_backup": [None, backup_name], "kept_file": [None, kept_name]},
        )


def forget_anchor(database: Path) -> None:
    """Remove the anchor of ``database`` (after deliberately restoring an older backup); the
    next write starts a new one."""
    path = anchor_file(database)
    if path is not None:
        path.unlink(missing_ok=True)


def _first_hash(session: Session) -> str | None:
    return session.scalars(select(AuditEntry.hash).order_by(AuditEntry.id).limit(1)).first()


def _holds(session: Session, anchor: Anchor) -> bool:
    """Whether the anchor's row is still there, with the hash it had."""
    stored = session.scalars(select(AuditEntry.hash).where(AuditEntry.id == anchor.id)).first()
    return stored == anchor.hash


def _current_anchor(session: Session, old_id: int) -> tuple[Anchor | None, str | None]:
    """The chain's end now, and the hash of row ``old_id`` (the old anchor's): one query."""
    table = AuditEntry.__table__
    count = select(func.count()).select_from(table).scalar_subquery()
    first = select(table.c.hash).order_by(table.c.id).limit(1).scalar_subquery()
    old = select(table.c.hash).where(table.c.id == old_id).scalar_subquery()
    last = session.execute(
        select(table.c.id, table.c.hash, table.c.at, count, first, old)
        .order_by(table.c.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return None, None
    return Anchor(last[0], last[1], last[2], last[3], last[4]), last[5]


@event.listens_for(Session, "before_commit")
def _prepare_anchor(session: Session) -> None:
    """Still inside the transaction (and its write lock): read the chain's end to anchor.

    An anchor that its own log no longer holds is kept, not overwritten: that is the evidence
    of a cut. Never fails the commit: the anchor is a second line of defence."""
    if not session.info.pop(_APPENDED, False):
        return
    try:
        path = anchor_file(_database_file(session))
        if path is None:
            return
        try:
            old = read_anchor(path)
        except AnchorError:
            old = None  # unreadable (a power cut while writing it?): start anew
        with session.no_autoflush:
            new, old_hash = _current_anchor(session, old.id if old else -1)
        if new is None:
            return
        if old is not None and old.first == new.first and old_hash != old.hash:
            log.warning("audit: anchor %s no longer matches the log; left as it is", path)
            return
        session.info[_ANCHOR] = (path, new)
    except Exception:  # the commit goes on; verify reports a missing or stale anchor
        log.exception("audit: could not prepare the anchor")


@event.listens_for(Session, "after_commit")
def _write_anchor(session: Session) -> None:
    pending = session.info.pop(_ANCHOR, None)
    if pending is None:
        return
    path, anchor = pending
    try:
        try:
            old = read_anchor(path)
        except AnchorError:
            old = None
        if old is not None and old.first == anchor.first and old.id > anchor.id:
            return  # another writer committed later rows and anchored them already
        # Not fsynced (it would double the cost of a save): after a power cut the file may be
        # unreadable, which verify() reports as a warning and the next write replaces.
        atomic_write_text(path, anchor.as_json(), sync=False)
    except OSError:
        log.exception("audit: could not write the anchor %s", path)


@event.listens_for(Session, "after_rollback")
def _drop_anchor(session: Session) -> None:
    session.info.pop(_APPENDED, None)
    session.info.pop(_ANCHOR, None)


@dataclass(frozen=True)
class Problem:
    """A break in the chain, at the row that shows it (``last``: the end of a run of rows that
    are missing, the message then names them all)."""

    id: int
    at: datetime | None
    message: str
    last: int | None = None

    def __str__(self) -> str:
        if self.last is not None:
            return self.message
        when = f" ({self.at:%d/%m/%Y %H:%M:%S})" if self.at else ""
        return f"Dòng nhật ký số {self.id}{when}: {self.message}"


@dataclass
class Verification:
    """What :func:`verify` found: problems fail the check, warnings do not."""

    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def verify_chain(db: Database) -> list[Problem]:
    """Recompute every hash and compare the end with the anchor; each problem names the row
    where the chain breaks (an edited row itself; for a deleted row, the row after the gap;
    for a cut tail, the rows missing). Empty when the chain is whole."""
    return verify(db).problems


def verify(db: Database) -> Verification:
    """:func:`verify_chain` with the warnings (no anchor yet) and the number of rows read."""
    found = Verification()
    with db.reader() as session:
        previous_id, previous_hash = 0, GENESIS
        result = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
        for row in result.yield_per(2000):
            found.rows += 1
            if row.prev_hash != previous_hash:
                missing = (
                    f" (thiếu dòng {previous_id + 1}–{row.id - 1})"
                    if row.id > previous_id + 1
                    else ""
                )
                found.problems.append(
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
                found.problems.append(
                    Problem(row.id, row.at, "nội dung đã bị sửa sau khi ghi (mã băm không khớp).")
                )
            previous_id, previous_hash = row.id, row.hash
            session.expunge(row)
        _check_anchor(session, anchor_file(db.path), previous_id, found)
    return found


def _check_anchor(session: Session, path: Path | None, last_id: int, found: Verification) -> None:
    """Compare the log's end with the anchor file beside the database."""
    if path is None:
        return
    try:
        anchor = read_anchor(path)
    except AnchorError as exc:
        found.warnings.append(
            f"Tệp mốc cuối nhật ký {path.name} không đọc được ({exc}): chưa kiểm tra được các "
            "dòng cuối có bị xóa hay không; lần ghi sau sẽ thay tệp mốc."
        )
        return
    if anchor is None:
        if found.rows:
            found.warnings.append(
                f"Chưa có tệp mốc cuối nhật ký {path.name} (cơ sở dữ liệu từ phiên bản trước): "
                "chưa kiểm tra được các dòng cuối có bị xóa hay không; lần ghi sau sẽ tạo tệp "
                "mốc. Nếu cơ sở dữ liệu này đã có tệp mốc, việc nó biến mất là đáng ngờ."
            )
        return
    if _holds(session, anchor):
        return
    first = _first_hash(session)
    if first is not None and first != anchor.first:
        found.warnings.append(
            f"Tệp mốc {path.name} ghi cho một nhật ký khác (cơ sở dữ liệu đã được tạo lại?); "
            "lần ghi sau sẽ thay nó."
        )
        return
    # Rows written after the anchor under the numbers of deleted ones (SQLite reuses them).
    reused = session.scalar(
        select(func.min(AuditEntry.id)).where(AuditEntry.id <= anchor.id, AuditEntry.at > anchor.at)
    )
    starts = [n for n in (reused, last_id + 1 if anchor.id > last_id else None) if n]
    start = min(starts, default=anchor.id)
    rows = (
        f"dòng nhật ký số {anchor.id}"
        if start == anchor.id
        else f"các dòng nhật ký từ số {start} đến {anchor.id}"
    )
    message = (
        f"{rows[0].upper()}{rows[1:]} đã bị xóa: tệp mốc {path.name} ghi dòng cuối là số "
        f"{anchor.id} lúc {anchor.at:%d/%m/%Y %H:%M:%S} ({anchor.count} dòng), nay "
        + ("không còn dòng đó" if anchor.id > last_id else "dòng đó đã khác")
        + (f"; số {reused} trở đi đã bị dùng lại cho dòng ghi sau" if reused else "")
        + ". (Nếu vừa cố ý khôi phục một bản sao lưu cũ hơn, đó là các dòng ghi sau bản sao "
        "lưu: xóa tệp mốc để bắt đầu mốc mới.)"
    )
    found.problems.append(Problem(start, None, message, last=anchor.id))


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
