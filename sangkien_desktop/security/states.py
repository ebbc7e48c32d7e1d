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
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

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


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def digest(content: Any) -> str:
    text = json.dumps(_plain(content), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class EntityState:
    """An entity as it is stored now: its audit key, a label for messages, its digest."""

    key: str
    label: str
    digest: str


def _rows(
    session: Session, columns: Sequence[Any], key: Any, keys: Collection[Any] | None
) -> Iterator[Any]:
    """The rows (as mappings) whose ``key`` is in ``keys`` (every row when None)."""
    query: Select[Any] = select(*columns)
    if keys is None:
        yield from session.execute(query).mappings()
        return
    wanted = sorted(keys)
    for start in range(0, len(wanted), _BATCH):
        yield from session.execute(query.where(key.in_(wanted[start : start + _BATCH]))).mappings()


def _initiatives(session: Session, keys: Collection[str] | None) -> Iterator[EntityState]:
    rows = list(_rows(session, _INITIATIVE, Initiative.code, keys))
    ids = [row["id"] for row in rows]
    authors: dict[str, list[dict[str, Any]]] = {}
    attachments: dict[str, list[list[Any]]] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        for author in session.execute(
            select(Author.initiative_id, *_AUTHOR)
            .where(Author.initiative_id.in_(chunk))
            .order_by(Author.initiative_id, Author.position, Author.id)
        ).mappings():
            authors.setdefault(author["initiative_id"], []).append(
                {c.name: author[c.name] for c in _AUTHOR}
            )
        for file in session.execute(
            select(Attachment.initiative_id, *_ATTACHMENT).where(
                Attachment.initiative_id.in_(chunk)
            )
        ):
            attachments.setdefault(file[0], []).append(list(file[1:]))
    for row in rows:
        files = sorted(attachments.get(row["id"], []), key=lambda a: (a[0], a[1], a[2]))
        content = {"row": dict(row), "authors": authors.get(row["id"], []), "files": files}
        yield EntityState(row["code"], f"Sáng kiến {row['code']}", digest(content))


def _members(session: Session, keys: Collection[str] | None) -> Iterator[EntityState]:
    numbers = None if keys is None else [int(k) for k in keys if k.isdigit()]
    for row in _rows(session, _MEMBER, Member.id, numbers):
        label = f"Đoàn viên {row['full_name']} (số {row['id']})"
        yield EntityState(str(row["id"]), label, digest(dict(row)))


def _users(session: Session, keys: Collection[str] | None) -> Iterator[EntityState]:
    for row in _rows(session, _USER, User.username, keys):
        yield EntityState(row["username"], f"Tài khoản {row['username']}", digest(dict(row)))


def _rewards(session: Session, keys: Collection[str] | None) -> Iterator[EntityState]:
    numbers = None if keys is None else [int(k) for k in keys if k.isdigit()]
    for row in _rows(session, _REWARD, Reward.id, numbers):
        label = f"Khen thưởng số {row['id']} ({row['recipient_name']})"
        yield EntityState(str(row["id"]), label, digest(dict(row)))


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
