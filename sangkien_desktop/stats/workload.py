"""The support team's workload and to-do list.

Workload: per helper, the open dossiers, those past the helper's own due date, and those waiting
for the council beyond the legal limit. To-do: dossiers missing a document their state needs,
applications the council has not decided within the profile's limit (PROGRAM.md §8: 3 months
after receipt), and dossiers ready to send that nobody has exported yet.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.stats.counts import Scope
from sangkien_desktop.storage.models import Attachment, Initiative
from sangkien_desktop.text import name_sort_key
from sangkien_desktop.workflow.board import decision_deadline, overdue_cutoff
from sangkien_desktop.workflow.states import OPEN_STATES, State

#: The documents a dossier must hold once it reaches a state (PROGRAM.md §8).
REQUIRED_DOCUMENTS: dict[State, tuple[str, ...]] = {
    State.SUBMITTED: ("APPLICATION", "DESCRIPTION"),
    State.RECOGNISED: ("APPLICATION", "DESCRIPTION", "DECISION"),
    State.READY: ("APPLICATION", "DESCRIPTION", "DECISION"),
}
DOCUMENT_NAMES = {
    "APPLICATION": "Đơn yêu cầu công nhận",
    "DESCRIPTION": "Bản mô tả sáng kiến",
    "DECISION": "Quyết định công nhận",
}


@dataclass(frozen=True)
class HelperLoad:
    helper: str  # "" for the dossiers nobody has been given
    open: int  # dossiers in an open state (board's open columns)
    past_due: int  # open dossiers past the due date the team set
    decision_overdue: int  # waiting for the council beyond the legal limit
    ready: int  # ready to send, not exported


def workload(
    session: Session,
    profile: ProgramProfile,
    today: date,
    scope: Scope = Scope(),  # noqa: B008
) -> list[HelperLoad]:
    """One line per helper (Vietnamese name order), the unassigned dossiers last."""
    cutoff = overdue_cutoff(today, profile.decision_deadline_months)
    rows = session.execute(
        scope.initiatives(
            select(
                Initiative.assigned_to,
                Initiative.status,
                Initiative.due_on,
                Initiative.submitted_on,
            ).where(Initiative.status.in_([*(s.value for s in OPEN_STATES), State.READY.value]))
        )
    )
    lines: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for helper, status, due_on, submitted_on in rows:
        line = lines[helper or ""]
        if status == State.READY:
            line[3] += 1
            continue
        line[0] += 1
        line[1] += due_on is not None and due_on < today
        line[2] += status == State.SUBMITTED and submitted_on is not None and submitted_on <= cutoff
    order = sorted(lines, key=lambda h: (not h, name_sort_key(h)))
    return [HelperLoad(h, *lines[h]) for h in order]


class TodoKind(StrEnum):
    MISSING_DOCUMENTS = "MISSING_DOCUMENTS"
    DECISION_OVERDUE = "DECISION_OVERDUE"
    READY_NOT_EXPORTED = "READY_NOT_EXPORTED"


@dataclass(frozen=True)
class TodoItem:
    kind: TodoKind
    initiative_id: str
    code: str
    title: str
    state: str
    assigned_to: str
    #: since when it waits: the receipt (overdue), the move to READY (not exported)
    since: date | None = None
    #: days past the legal deadline (overdue) or days waiting (not exported)
    days: int | None = None
    missing: tuple[str, ...] = ()  # document kinds missing (MISSING_DOCUMENTS)


@dataclass
class Todo:
    items: dict[TodoKind, list[TodoItem]] = field(default_factory=dict)

    def of(self, kind: TodoKind) -> list[TodoItem]:
        return self.items.get(kind, [])

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.items.values())


def _missing_documents(session: Session, scope: Scope) -> list[TodoItem]:
    states = [s.value for s in REQUIRED_DOCUMENTS]
    rows = session.execute(
        scope.initiatives(
            select(
                Initiative.id,
                Initiative.code,
                Initiative.title,
                Initiative.status,
                Initiative.assigned_to,
            )
            .where(Initiative.status.in_(states))
            .order_by(Initiative.code)
        )
    ).all()
    held: dict[str, set[str]] = defaultdict(set)
    attached = scope.initiatives(
        select(Attachment.initiative_id, Attachment.kind)
        .join(Initiative, Initiative.id == Attachment.initiative_id)
        .where(Initiative.status.in_(states))
    )
    for initiative_id, kind in session.execute(attached):
        held[initiative_id].add(kind)
    items = []
    for id_, code, title, status, helper in rows:
        missing = tuple(k for k in REQUIRED_DOCUMENTS[State(status)] if k not in held[id_])
        if missing:
            items.append(
                TodoItem(
                    TodoKind.MISSING_DOCUMENTS, id_, code, title, status, helper, missing=missing
                )
            )
    return items


def _decision_overdue(
    session: Session, profile: ProgramProfile, today: date, scope: Scope
) -> list[TodoItem]:
    cutoff = overdue_cutoff(today, profile.decision_deadline_months)
    rows = session.execute(
        scope.initiatives(
            select(
                Initiative.id,
                Initiative.code,
                Initiative.title,
                Initiative.assigned_to,
                Initiative.submitted_on,
            )
            .where(Initiative.status == State.SUBMITTED.value, Initiative.submitted_on <= cutoff)
            .order_by(Initiative.submitted_on, Initiative.code)
        )
    )
    return [
        TodoItem(
            TodoKind.DECISION_OVERDUE,
            id_,
            code,
            title,
            State.SUBMITTED.value,
            helper,
            since=submitted,
            days=(today - decision_deadline(submitted, profile)).days,
        )
        for id_, code, title, helper, submitted in rows
    ]


def _ready_not_exported(session: Session, today: date, scope: Scope) -> list[TodoItem]:
    changed = func.coalesce(Initiative.status_changed_at, Initiative.updated_at)
    rows = session.execute(
        scope.initiatives(
            select(
                Initiative.id, Initiative.code, Initiative.title, Initiative.assigned_to, changed
            )
            .where(Initiative.status == State.READY.value)
            .order_by(changed, Initiative.code)
        )
    )
    items = []
    for id_, code, title, helper, since in rows:
        day = since.date() if isinstance(since, datetime) else since
        items.append(
            TodoItem(
                TodoKind.READY_NOT_EXPORTED,
                id_,
                code,
                title,
                State.READY.value,
                helper,
                since=day,
                days=(today - day).days if day else None,
            )
        )
    return items


def todo(
    session: Session,
    profile: ProgramProfile,
    today: date,
    scope: Scope = Scope(),  # noqa: B008
) -> Todo:
    return Todo(
        {
            TodoKind.DECISION_OVERDUE: _decision_overdue(session, profile, today, scope),
            TodoKind.READY_NOT_EXPORTED: _ready_not_exported(session, today, scope),
            TodoKind.MISSING_DOCUMENTS: _missing_documents(session, scope),
        }
    )
