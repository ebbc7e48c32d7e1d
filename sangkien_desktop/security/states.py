"""What the audit trail remembers of the data itself: a digest of each entity's stored state.

Every audit row about an initiative, member, user account or reward carries, in ``state``, the
SHA-256 of that entity's stored state as its transaction commits (``""`` once it is gone); the
audit writer computes it (``security.audit``), ``sangkien audit verify`` recomputes it from the
tables and names every entity whose data no longer matches its newest audit row: a change made
with a SQL tool, outside the application.

The digest covers what the application changes only through its audited services: the content
of an initiative with its authors and attachments, a member's details, an account's name, role,
password hash and whether it is open, a reward. It leaves out what is derived (search keys,
rule results, the phase) and what changes without an audit row by design (save times, failed
log-ins), so none of those is reported.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import NullType

from sangkien_desktop.storage.models import Attachment, Author, Initiative, Member, Reward, User

#: Entities whose rows carry a state digest, in the order verify reports them.
STATE_ENTITIES = ("initiative", "member", "user", "reward")
GONE = ""
_BATCH = 500

_INITIATIVE_LEFT_OUT = {
    "search_text",
    "title_sort",
    "credited_author",
    "credited_sort",
    "eligibility_date",
    "phase",
    "error_count",
    "warning_count",
    "updated_at",
    "status_changed_at",
}
_INITIATIVE = [c for c in Initiative.__table__.c if c.name not in _INITIATIVE_LEFT_OUT]
_AUTHOR = [c for c in Author.__table__.c if c.name not in ("id", "initiative_id")]
_ATTACHMENT = [Attachment.sha256, Attachment.file_name, Attachment.kind, Attachment.size]
_MEMBER = [c for c in Member.__table__.c if c.name not in ("name_folded", "sort_key")]
_USER = [
    User.username,
    User.full_name,
    User.role,
    User.password_hash,
    User.active,
    User.created_at,
]
_REWARD = list(Reward.__table__.c)


def digest(content: Any) -> str:
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class EntityState:
    """An entity as it is stored now: its audit key, a label for messages, its digest."""

    key: str
    label: str
    digest: str


class _AsStored(FunctionElement[Any]):
    """A column's value as the database stores it: itself on SQLite; on PostgreSQL its text
    (``CAST(… AS TEXT)``), since the driver would hand dates and numbers over as objects."""

    inherit_cache = True
    type = NullType()
    name = "as_stored"


@compiles(_AsStored)
def _as_stored(element: _AsStored, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_AsStored, "postgresql")
def _as_stored_text(element: _AsStored, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS TEXT)"


def _raw(columns: Sequence[Any]) -> list[Any]:
    """The columns as SQLite stores them (dates as text, flags as 0/1): no conversion to parse,
    and the writer and the verifier read the very same values."""
    return [_AsStored(column) for column in columns]


def _rows(
    session: Session, columns: Sequence[Any], key: Any, keys: Collection[Any] | None
) -> Iterator[tuple[Any, ...]]:
    """The raw rows whose ``key`` is in ``keys`` (every row when None)."""
    query: Select[Any] = select(*_raw(columns))
    if keys is None:
        yield from (tuple(row) for row in session.execute(query))
        return
    wanted = sorted(keys)
    for start in range(0, len(wanted), _BATCH):
        chunk = query.where(key.in_(wanted[start : start + _BATCH]))
        yield from (tuple(row) for row in session.execute(chunk))


def _position(columns: Sequence[Any], name: str) -> int:
    return [column.name for column in columns].index(name)


_ID, _CODE = _position(_INITIATIVE, "id"), _position(_INITIATIVE, "code")


def _initiatives(session: Session, keys: Collection[str] | None) -> Iterator[EntityState]:
    rows = list(_rows(session, _INITIATIVE, Initiative.code, keys))
    ids = [row[_ID] for row in rows]
    authors: dict[str, list[tuple[Any, ...]]] = {}
    attachments: dict[str, list[tuple[Any, ...]]] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        for author in session.execute(
            select(Author.initiative_id, *_raw(_AUTHOR))
            .where(Author.initiative_id.in_(chunk))
            .order_by(Author.initiative_id, Author.position, Author.id)
        ):
            authors.setdefault(author[0], []).append(tuple(author[1:]))
        for file in session.execute(
            select(Attachment.initiative_id, *_raw(_ATTACHMENT)).where(
                Attachment.initiative_id.in_(chunk)
            )
        ):
            attachments.setdefault(file[0], []).append(tuple(file[1:]))
    for row in rows:
        files = sorted(attachments.get(row[_ID], []), key=lambda a: (a[0], a[1], a[2]))
        content = [row, authors.get(row[_ID], []), files]
        yield EntityState(row[_CODE], f"Sáng kiến {row[_CODE]}", digest(content))


_MEMBER_ID, _MEMBER_NAME = _position(_MEMBER, "id"), _position(_MEMBER, "full_name")
_REWARD_ID, _RECIPIENT = _position(_REWARD, "id"), _position(_REWARD, "recipient_name")


def _members(session: Session, keys: Collection[str] | None) -> Iterator[EntityState]:
    numbers = None if keys is None else [int(k) for k in keys if k.isdigit()]
    for row in _rows(session, _MEMBER, Member.id, numbers):
        label = f"Đoàn viên {row[_MEMBER_NAME]} (số {row[_MEMBER_ID]})"
        yield EntityState(str(row[_MEMBER_ID]), label, digest(row))


def _users(session: Session, keys: Collection[str] | None) -> Iterator[EntityState]:
    for row in _rows(session, _USER, User.username, keys):
        yield EntityState(row[0], f"Tài khoản {row[0]}", digest(row))


def _rewards(session: Session, keys: Collection[str] | None) -> Iterator[EntityState]:
    numbers = None if keys is None else [int(k) for k in keys if k.isdigit()]
    for row in _rows(session, _REWARD, Reward.id, numbers):
        label = f"Khen thưởng số {row[_REWARD_ID]} ({row[_RECIPIENT]})"
        yield EntityState(str(row[_REWARD_ID]), label, digest(row))


_READERS: dict[str, Callable[[Session, Collection[str] | None], Iterator[EntityState]]] = {
    "initiative": _initiatives,
    "member": _members,
    "user": _users,
    "reward": _rewards,
}
#: How a message names an entity that is no longer in the tables.
GONE_LABELS = {
    "initiative": "Sáng kiến {}",
    "member": "Đoàn viên số {}",
    "user": "Tài khoản {}",
    "reward": "Khen thưởng số {}",
}


def current_states(
    session: Session, entity: str, keys: Collection[str] | None = None
) -> dict[str, EntityState]:
    """Audit key → state of every stored ``entity`` (only those in ``keys`` when given)."""
    return {state.key: state for state in _READERS[entity](session, keys)}
