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
deleted with plain SQL. A row about an initiative, member, user or reward also carries (and
hashes) ``state``, the digest of that entity as stored when the transaction commits
(``security.states``), so :func:`verify` names data changed outside the application.

Two writers. Rows are first inserted with a placeholder hash; on SQLite the first insert takes
the database's single write lock, held until the caller's transaction ends (in WAL mode an
insert from a stale snapshot fails instead of proceeding). Just before the commit
(``before_commit``: every change of the transaction is written by then) the entity states are
read, the previous row is read — no other writer can append in between — and the placeholders
replaced by the states and real hashes. On PostgreSQL the writer first takes a
transaction-level advisory lock (``storage.locks``) and numbers its rows itself after the
highest id: the same order, and no gap in the ids from a rolled-back writer.

Three defences, each against a stronger hand:

- Triggers (revisions 0009, 0010) abort any DELETE, any UPDATE of ``audit_log`` except the
  writer's own (a 'pending' row getting its hashes) and an INSERT over an existing id (what
  ``INSERT OR REPLACE`` does). They stop a slip with a SQL tool.
- The chain: whoever drops the triggers and edits or deletes a row breaks it, and
  :func:`verify_chain` names the row.
- The anchor: deleting the newest rows (cutting the tail) leaves a valid shorter chain. So
  after every commit that appended rows, the chain's end — last id, its hash and time, the row
  count, the first row's hash, the hash of every MARK_EVERY-th row — is written to
  ``<name>.audit-anchor.json`` beside the database
  file (a temporary file renamed over it; a SQLAlchemy ``before_commit`` hook reads the end
  under the write lock, ``after_commit`` writes it; none for a server database).
  :func:`verify_chain` names the rows missing when the anchor's row is gone or has another
  hash. A missing or unreadable anchor with a non-empty log is only a warning (a database from
  before the anchor, a power cut while writing it); the next write makes a new one, as it does
  for an anchor of another log (its first row differs: the database was created anew under
  the same name). An anchor that disagrees with its own log is left as it is, so the cut stays
  visible. Deliberately restoring an older backup looks like a cut; :func:`forget_anchor`
  (deleting the file) starts a new anchor.

- Checkpoints outside the PC: each signed bundle carries the chain's end
  (``exchange.checkpoints``); the superior union compares them bundle after bundle and gives
  them back for ``sangkien audit verify --checkpoints``.

Limits: someone who can rewrite both the database and the anchor file (or delete the file)
can hide a cut or a rewrite made after the last bundle sent; the backups (and their copies on
the USB stick) still hold the longer chain.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from sangkien_desktop.files import atomic_write_text
from sangkien_desktop.security.states import GONE, GONE_LABELS, STATE_ENTITIES, current_states
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.locks import AUDIT, serialize
from sangkien_desktop.storage.models import AuditEntry

ENTITIES = ("initiative", "member", "unit", "reward", "setting", "user", "key")
ACTIONS = (
    "create",
    "update",
    "move",
    "delete",
    "import",
    "recover",
    "export",
    "restore",
    "seal",
)
GENESIS = "0" * 64
PENDING = "pending"
ANCHOR_SUFFIX = ".audit-anchor.json"
# session.info keys: rows were appended in this transaction / the anchor to write after commit
# / the rows still waiting for their states and hashes.
_APPENDED = "sangkien.audit.appended"
_ANCHOR = "sangkien.audit.anchor"
_PENDING = "sangkien.audit.pending"
#: The row that starts checking for entities missing from the log (``seal_states``).
SEAL_MARK = ("setting", "audit-states")
#: The anchor keeps the hash of every row whose id is a multiple of this, so a rewritten tail
#: is narrowed down to a stretch of at most that many rows.
MARK_EVERY = 128

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
    state: str | None = None,
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
    if state is not None:  # rows from before revision 0010 have none, and hash as they did
        content["state"] = state
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Change:
    """One audit row to append (``state``: set only by a seal; otherwise computed at commit)."""

    entity: str
    entity_id: str
    action: str
    changes: Mapping[str, Any]
    state: str | None = None


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
        # The placeholder insert takes the write lock; the rows get their states and hashes
        # just before the commit (_finish), when the caller's changes are all written.
        # PostgreSQL: the advisory lock, held until the commit, keeps other writers from
        # appending; the ids follow the highest (a sequence leaves gaps after a rollback).
        if serialize(session, AUDIT):
            first_id = (session.scalar(select(func.max(AuditEntry.id))) or 0) + 1
            start = 0
        else:
            first_id = session.execute(
                insert(AuditEntry).returning(AuditEntry.id),
                rows[0] | {"prev_hash": PENDING, "hash": PENDING},
            ).scalar_one()
            start = 1
        if len(rows) > start:
            session.execute(
                insert(AuditEntry),
                [
                    row | {"id": first_id + offset, "prev_hash": PENDING, "hash": PENDING}
                    for offset, row in enumerate(rows[start:], start=start)
                ],
            )
    session.info.setdefault(_PENDING, []).extend(
        row | {"id": first_id + offset, "state": item.state}
        for offset, (row, item) in enumerate(zip(rows, items, strict=True))
    )
    session.info[_APPENDED] = True  # the anchor follows the chain's end after the commit


def _latest_states(session: Session, entity: str) -> dict[str, str]:
    """Entity key → the state its newest audit row holds (keys never recorded are absent)."""
    table = AuditEntry.__table__
    newest = (
        select(func.max(table.c.id))
        .where(table.c.entity == entity, table.c.state.is_not(None))
        .group_by(table.c.entity_id)
    )
    return dict(
        session.execute(
            select(table.c.entity_id, table.c.state).where(table.c.id.in_(newest))
        ).all()
    )


def _drifted(session: Session, entity: str, skip: Set[str] = frozenset()) -> list[Change]:
    """A "seal" for every ``entity`` whose stored state its newest audit row does not hold."""
    recorded = _latest_states(session, entity)
    stored = current_states(session, entity)
    seals = [
        Change(entity, key, "seal", {}, state.digest)
        for key, state in stored.items()
        if key not in skip and recorded.get(key) != state.digest
    ]
    seals += [
        Change(entity, key, "seal", {}, GONE)
        for key, value in recorded.items()
        if key not in skip and key not in stored and value != GONE
    ]
    return seals


def _finish(session: Session, pending: list[dict[str, Any]]) -> None:
    """Give the transaction's audit rows their entity states and hashes (before the commit,
    still holding the write lock taken by the first placeholder insert).

    A bulk row (entity id "*", a member import) adds a "seal" row for each entity of its kind
    whose state changed; the first rows of a new log add the seal mark and seal what exists."""
    session.flush()
    with session.no_autoflush:
        first_id = pending[0]["id"]
        previous = session.scalars(
            select(AuditEntry.hash).where(AuditEntry.id < first_id).order_by(AuditEntry.id.desc())
        ).first()
        extra: list[Change] = []
        marked = any((r["entity"], r["entity_id"]) == SEAL_MARK for r in pending)
        if previous is None and not marked:
            # A new log: from here on an entity missing from it is reported.
            extra.append(Change(*SEAL_MARK, "seal", {}))
            for entity in STATE_ENTITIES:
                extra += _drifted(session, entity)
        else:
            for entity in STATE_ENTITIES:
                if any(r["entity"] == entity and r["entity_id"] == "*" for r in pending):
                    touched = {r["entity_id"] for r in pending if r["entity"] == entity}
                    extra += _drifted(session, entity, touched)
        if extra:
            _append_later(session, pending, extra)
        last_of: dict[tuple[str, str], int] = {}
        for index, row in enumerate(pending):
            if row["entity"] in STATE_ENTITIES and row["entity_id"] != "*":
                last_of[(row["entity"], row["entity_id"])] = index
        states = {i: r["state"] for i, r in enumerate(pending) if r.get("state") is not None}
        for entity in STATE_ENTITIES:
            keys = {k for (e, k) in last_of if e == entity and last_of[(e, k)] not in states}
            if keys:
                now = current_states(session, entity, keys)
                for key in keys:
                    states[last_of[(entity, key)]] = now[key].digest if key in now else GONE
        prev_hash = previous or GENESIS
        finished = []
        for index, row in enumerate(pending):
            state = states.get(index)
            digest = entry_hash(
                row["id"],
                row["at"],
                row["actor"],
                row["entity"],
                row["entity_id"],
                row["action"],
                row["changes"],
                prev_hash,
                state,
            )
            finished.append({"b_id": row["id"], "p": prev_hash, "h": digest, "s": state})
            prev_hash = digest
        table = AuditEntry.__table__
        session.connection().execute(
            update(AuditEntry)
            .where(table.c.id == bindparam("b_id"))
            .values(prev_hash=bindparam("p"), hash=bindparam("h"), state=bindparam("s")),
            finished,
        )


def _append_later(session: Session, pending: list[dict[str, Any]], items: Sequence[Change]) -> None:
    """Append ``items`` as placeholder rows after ``pending`` (inside :func:`_finish`)."""
    now = datetime.now()
    next_id = pending[-1]["id"] + 1
    rows = [
        {
            "id": next_id + offset,
            "at": now,
            "actor": pending[-1]["actor"],
            "entity": item.entity,
            "entity_id": item.entity_id,
            "action": item.action,
            "changes": plain(dict(item.changes)),
        }
        for offset, item in enumerate(items)
    ]
    session.execute(
        insert(AuditEntry), [row | {"prev_hash": PENDING, "hash": PENDING} for row in rows]
    )
    pending.extend(row | {"state": item.state} for row, item in zip(rows, items, strict=True))


def seal_states(session: Session, actor: str) -> list[Change]:
    """Record, in the caller's transaction, the current state of every initiative, member, user
    and reward that the log does not hold as it is (never recorded, or changed outside the
    application), and the seal mark; returns what was sealed (the mark not counted).

    From the first seal mark on, ``verify`` reports an entity missing from the log as added
    outside the application. A new database gets the mark with its first audit row."""
    seals = [change for entity in STATE_ENTITIES for change in _drifted(session, entity)]
    record_many(
        session, actor, [Change(*SEAL_MARK, "seal", {"sealed": [None, len(seals)]}), *seals]
    )
    return seals


# The anchor of the chain's end ---------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The end of the chain as last committed: its row's id, hash and time, the row count and
    the first row's hash (which log it belongs to); ``marks``: the hash of every row whose id
    is a multiple of MARK_EVERY, to tell where a rewritten chain starts."""

    id: int
    hash: str
    at: datetime
    count: int
    first: str
    marks: Mapping[int, str] = field(default_factory=dict)

    def as_json(self) -> str:
        data = {
            "id": self.id,
            "hash": self.hash,
            "at": self.at.isoformat(),
            "count": self.count,
            "first": self.first,
            "written": datetime.now().isoformat(timespec="seconds"),
            "marks": {str(k): v for k, v in sorted(self.marks.items())},
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
            {int(k): str(v) for k, v in (data.get("marks") or {}).items()},
        )
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
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


def _marks(session: Session, after: int) -> dict[int, str]:
    """The hashes of the rows past ``after`` whose id is a multiple of MARK_EVERY."""
    table = AuditEntry.__table__
    return dict(
        session.execute(
            select(table.c.id, table.c.hash).where(table.c.id > after, table.c.id % MARK_EVERY == 0)
        ).all()
    )


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    """Finish the transaction's audit rows (a failure fails the commit), then read the anchor."""
    pending = session.info.pop(_PENDING, None)
    if pending:
        _finish(session, pending)
    _prepare_anchor(session)


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
        kept = old is not None and old.first == new.first
        with session.no_autoflush:
            marks = _marks(session, old.id if kept and old else 0)
        new = replace(new, marks={**(old.marks if kept and old else {}), **marks})
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
        atomic_write_text(path, anchor.as_json(), sync=False, own=True)
    except OSError:
        log.exception("audit: could not write the anchor %s", path)


@event.listens_for(Session, "after_rollback")
def _drop_anchor(session: Session) -> None:
    session.info.pop(_PENDING, None)
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
    """What :func:`verify` found: problems (in the chain) and ``outside`` (data changed outside
    the application) fail the check, warnings do not."""

    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems and not self.outside


@dataclass(frozen=True)
class _Recorded:
    """The newest state the log holds for one entity."""

    state: str
    id: int
    at: datetime


def verify_chain(db: Database) -> list[Problem]:
    """Recompute every hash and compare the end with the anchor; each problem names the row
    where the chain breaks (an edited row itself; for a deleted row, the row after the gap;
    for a cut tail, the rows missing). Empty when the chain is whole."""
    return verify(db).problems


def verify(db: Database) -> Verification:
    """Check the chain (:func:`verify_chain`) and the anchor, then the data tables against the
    newest state the log holds for each initiative, member, user and reward."""
    found = Verification()
    latest: dict[tuple[str, str], _Recorded] = {}
    sealed = False
    table = AuditEntry.__table__
    with db.reader() as session:
        previous_id, previous_hash, previous_at, previous_ok = 0, GENESIS, None, True
        result = session.execute(select(table).order_by(table.c.id))
        for row in result.yield_per(5000):
            found.rows += 1
            if row.prev_hash != previous_hash:
                found.problems.append(_link_problem(row, previous_id, previous_at, previous_ok))
            elif row.id > previous_id + 1:
                found.problems.append(
                    Problem(
                        row.id,
                        row.at,
                        f"thiếu dòng {previous_id + 1}–{row.id - 1}: các dòng đó đã bị xóa rồi "
                        "chuỗi mã băm được tính lại từ đây.",
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
                row.state,
            )
            previous_ok = expected == row.hash
            if not previous_ok:
                found.problems.append(
                    Problem(row.id, row.at, "nội dung đã bị sửa sau khi ghi (mã băm không khớp).")
                )
            if row.state is not None:
                latest[(row.entity, row.entity_id)] = _Recorded(row.state, row.id, row.at)
            elif (row.entity, row.entity_id) == SEAL_MARK:
                sealed = True
            if row.entity == "initiative" and isinstance(row.changes, dict):
                renamed = row.changes.get("code")
                if isinstance(renamed, list) and len(renamed) == 2 and renamed[0] != renamed[1]:
                    latest.pop(("initiative", str(renamed[0])), None)
            previous_id, previous_hash, previous_at = row.id, row.hash, row.at
        _check_anchor(session, anchor_file(db.path), previous_id, found)
        _check_data(session, latest, sealed, found)
    return found


def _link_problem(row: Any, previous_id: int, previous_at: Any, previous_ok: bool) -> Problem:
    """The row before ``row`` does not hold the hash ``row`` links to."""
    if row.id > previous_id + 1:
        return Problem(
            row.id,
            row.at,
            f"không nối với dòng trước — thiếu dòng {previous_id + 1}–{row.id - 1}, đã bị xóa.",
        )
    if previous_ok and previous_id:
        # The row before is whole by itself: it was changed and its own hash recomputed.
        return Problem(
            previous_id,
            previous_at,
            "nội dung đã bị sửa rồi mã băm của dòng được tính lại cho khớp (dòng "
            f"{row.id} sau nó vẫn nối với mã băm cũ); không dòng nào bị xóa.",
        )
    return Problem(row.id, row.at, "không nối với dòng trước, dòng trước đã bị sửa.")


def _check_data(
    session: Session,
    latest: Mapping[tuple[str, str], _Recorded],
    sealed: bool,
    found: Verification,
) -> None:
    """Each stored entity against the newest state the log holds for it."""
    for entity in STATE_ENTITIES:
        stored = current_states(session, entity)
        missing: list[str] = []
        for key, state in stored.items():
            recorded = latest.get((entity, key))
            if recorded is None:
                missing.append(state.label)
            elif recorded.state == GONE:
                found.outside.append(
                    f"{state.label}: nhật ký ghi đã xóa (dòng {recorded.id}, "
                    f"{recorded.at:%d/%m/%Y %H:%M}) nhưng vẫn còn trong dữ liệu (thêm lại ngoài "
                    "ứng dụng?)."
                )
            elif recorded.state != state.digest:
                found.outside.append(
                    f"{state.label}: dữ liệu khác với nhật ký (sửa ngoài ứng dụng?) — nhật ký ghi "
                    f"lần cuối ở dòng {recorded.id} ({recorded.at:%d/%m/%Y %H:%M})."
                )
        for (kind, key), recorded in latest.items():
            if kind == entity and recorded.state != GONE and key not in stored:
                found.outside.append(
                    f"{GONE_LABELS[entity].format(key)}: không còn trong dữ liệu nhưng nhật ký "
                    f"không ghi việc xóa (xóa ngoài ứng dụng?) — nhật ký ghi lần cuối ở dòng "
                    f"{recorded.id} ({recorded.at:%d/%m/%Y %H:%M})."
                )
        if missing and sealed:
            found.outside += [
                f"{label}: không có trong nhật ký (thêm ngoài ứng dụng?)." for label in missing
            ]
        elif missing:
            shown = ", ".join(missing[:5]) + (
                f" và {len(missing) - 5} mục khác" if len(missing) > 5 else ""
            )
            found.warnings.append(
                f"{len(missing)} mục chưa có trạng thái trong nhật ký nên chưa so được với dữ "
                f"liệu ({shown}): dữ liệu từ trước phiên bản này. Người quản trị chạy "
                "“sangkien audit seal” để ghi trạng thái hiện tại; từ đó mục nào thiếu trong "
                "nhật ký sẽ bị báo là thêm ngoài ứng dụng."
            )


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
    counted = session.scalar(select(func.count()).where(AuditEntry.id <= anchor.id))
    if anchor.id <= last_id and not reused and counted == anchor.count:
        found.problems.append(_rewritten(session, anchor, path))
        return
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


def _rewritten(session: Session, anchor: Anchor, path: Path) -> Problem:
    """The anchor's row is there, as many rows as then, but with another hash: a row up to it
    was changed and the chain recomputed from that row on. The anchor's marks narrow where."""
    ids = sorted(anchor.marks)
    now: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        now.update(
            session.execute(
                select(AuditEntry.id, AuditEntry.hash).where(
                    AuditEntry.id.in_(ids[start : start + 500])
                )
            ).all()
        )
    changed = [i for i in ids if now.get(i) != anchor.marks[i]]
    upto = changed[0] if changed else anchor.id
    low = max((i for i in ids if i < upto and now.get(i) == anchor.marks[i]), default=0) + 1
    low = session.scalar(select(func.min(AuditEntry.id)).where(AuditEntry.id >= low)) or low
    where = f"dòng nhật ký số {low}" if low == upto else f"một dòng trong các dòng số {low}–{upto}"
    message = (
        f"Nhật ký đã bị viết lại: {where} đã bị sửa rồi mã băm được tính lại từ dòng đó đến "
        f"cuối. Tệp mốc {path.name} ghi dòng số {anchor.id} (lúc "
        f"{anchor.at:%d/%m/%Y %H:%M:%S}) với mã băm khác; số dòng vẫn là {anchor.count}, "
        "không dòng nào bị xóa."
    )
    return Problem(low, None, message, last=upto)


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
