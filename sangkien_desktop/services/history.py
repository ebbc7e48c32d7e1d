"""The history of an initiative, newest first, in words the support team reads.

Two sources. The audit trail (``security.audit``, entity "initiative", keyed by the
initiative's code) holds every create, edit, move and import since it exists, with each changed
field's old and new value. The workflow events hold every move, also those from before the
audit trail (the demo data, older databases). Each audit row that changes the state is paired
with the event the same write added (same from → to, newest with newest) and takes its comment;
the events left unpaired are shown as they are, so no move appears twice.

The audit rows follow the initiative through changes of its code: a row changing ``code`` from
X to Y names Y, the rows before it name X.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import AuditEntry, Initiative, WorkflowEvent
from sangkien_desktop.text import format_vnd
from sangkien_desktop.workflow.states import STATES, State

#: The audited fields of an initiative, in the editor's order, with their Vietnamese labels.
LABELS: dict[str, str] = {
    "code": "Mã sáng kiến",
    "title": "Tên sáng kiến",
    "kind": "Loại giải pháp",
    "subkind": "Thuộc dạng",
    "field": "Lĩnh vực áp dụng",
    "status": "Trạng thái",
    "authors": "Tác giả",
    "known_solution": "Giải pháp đã biết",
    "content": "Nội dung giải pháp",
    "novelty": "Tính mới",
    "applicability": "Khả năng áp dụng",
    "origin_story": "Nguyên nhân hình thành sáng kiến",
    "confidential": "Thông tin cần bảo mật",
    "application_mode": "Hình thức áp dụng",
    "first_applied_on": "Ngày áp dụng lần đầu",
    "applied_where": "Nơi áp dụng",
    "economic_value_vnd": "Giá trị làm lợi",
    "economic_description": "Mô tả hiệu quả kinh tế",
    "social_benefits": "Lợi ích xã hội",
    "social_description": "Mô tả lợi ích xã hội",
    "submitted_on": "Ngày nhận đơn",
    "recognition_by": "Công nhận bởi",
    "recognition_body": "Cơ quan, đơn vị công nhận",
    "decision_no": "Số quyết định",
    "decided_on": "Ngày quyết định",
    "reason": "Lý do không công nhận",
    "research_level": "Cấp đề tài",
    "research_accepted_on": "Ngày nghiệm thu",
    "research_applied_since": "Ứng dụng vào thực tế từ",
    "research_confirmed_by": "Người xác nhận hiệu quả",
    "research_confirmation_no": "Số văn bản xác nhận",
    "research_confirmed_on": "Ngày xác nhận",
    "ip_protected": "Đang được bảo hộ sở hữu trí tuệ",
    "ip_registration_no": "Số văn bằng bảo hộ",
    "reviewer": "Người rà soát",
    "reviewed_on": "Ngày rà soát",
    "attachments": "Tệp đính kèm",
}
_DATES = {
    "first_applied_on",
    "submitted_on",
    "decided_on",
    "research_accepted_on",
    "research_applied_since",
    "research_confirmed_on",
    "reviewed_on",
}
_CHOICES = {
    "application_mode": {"APPLIED": "Đã áp dụng", "TRIAL": "Áp dụng thử"},
    "recognition_by": {"COUNCIL": "Hội đồng sáng kiến", "HEAD": "Thủ trưởng đơn vị"},
}
WHAT = {
    "create": "Tạo mới",
    "update": "Sửa",
    "move": "Chuyển trạng thái",
    "import": "Nhập từ tệp",
    "reimport": "Cập nhật từ tệp",
    "delete": "Xóa",
}
EMPTY = "(trống)"
#: Letters kept before the first difference when a long text is cut to show what changed.
CONTEXT_LETTERS = 12
#: Comments the writers put on their events that only repeat what the row already says.
_ROUTINE_COMMENTS = {"Tạo mới", "Cập nhật", "Nhập từ tệp", "Cập nhật từ tệp"}


@dataclass(frozen=True)
class FieldChange:
    """One changed field, as text: ``old`` is None for a field a new initiative was given."""

    key: str
    label: str
    old: str | None
    new: str

    def text(self, limit: int | None = None) -> str:
        """``Tên sáng kiến: cũ → mới``; each value cut to ``limit`` letters on one line when
        given (the whole text is for a tooltip)."""
        if self.old is None:
            return f"{self.label}: {elide(self.new, limit) if limit else self.new}"
        if not limit:
            return f"{self.label}: {self.old} → {self.new}"
        old, new = " ".join(self.old.split()), " ".join(self.new.split())
        if len(old) > limit or len(new) > limit:
            # A long text edited near its end: show where the two differ, not their start.
            shorter = min(len(old), len(new))
            same = next((i for i in range(shorter) if old[i] != new[i]), shorter)
            if same > CONTEXT_LETTERS:
                cut = same - CONTEXT_LETTERS
                space = old.rfind(" ", 0, cut)
                if cut - space < CONTEXT_LETTERS:
                    cut = space + 1  # at a word's start
                old, new = "…" + old[cut:].lstrip(), "…" + new[cut:].lstrip()
        return f"{self.label}: {elide(old, limit)} → {elide(new, limit)}"


@dataclass(frozen=True)
class HistoryEntry:
    """One line of the history tab."""

    at: datetime
    actor: str
    action: str  # create, update, move, import, reimport, delete
    what: str  # the action in Vietnamese
    changes: tuple[FieldChange, ...] = ()
    comment: str = ""
    from_state: str | None = None  # set when the state changed (None with to_state: created)
    to_state: str | None = None
    audited: bool = True  # False: a workflow event from before the audit trail


def elide(text: str, limit: int) -> str:
    """``text`` on one line, at most ``limit`` letters, ending in … when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: max(limit - 1, 1)].rstrip() + "…"


def state_name(state: str | None) -> str:
    if not state:
        return ""
    try:
        return STATES[State(state)].name
    except ValueError:
        return state


def _date_text(value: str) -> str:
    try:
        if "T" in value or " " in value:
            return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    except ValueError:
        return value


def value_text(key: str, value: Any, profile: ProgramProfile | None = None) -> str:
    """An audited value as the editor would show it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if key == "status":
        return state_name(str(value))
    if key in _CHOICES:
        return _CHOICES[key].get(str(value), str(value))
    if key == "economic_value_vnd" and isinstance(value, int | float):
        return format_vnd(int(value))
    if key in _DATES and isinstance(value, str):
        return _date_text(value)
    if profile is not None:
        if key == "kind":
            return profile.kind_name(str(value))
        if key == "subkind":
            for kind in profile.kinds:
                found = kind.subkind(str(value))
                if found:
                    return found.name
        if key == "research_level":
            return profile.research_level_name(str(value)) or str(value)
        if key == "social_benefits" and isinstance(value, list):
            return ", ".join(profile.benefit_name(str(v)) or str(v) for v in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def field_changes(
    changes: Mapping[str, Any], profile: ProgramProfile | None = None, created: bool = False
) -> tuple[FieldChange, ...]:
    """The changes of one audit row (``field → [old, new]``) in the editor's order, readable;
    ``created``: a new initiative, whose fields have no old value."""
    order = {key: i for i, key in enumerate(LABELS)}
    result = []
    for key in sorted(changes, key=lambda k: (order.get(k, len(order)), k)):
        pair = changes[key]
        old, new = (pair[0], pair[1]) if isinstance(pair, list) and len(pair) == 2 else (None, pair)
        label = LABELS.get(key, key)
        before = None if created and old is None else value_text(key, old, profile)
        result.append(FieldChange(key, label, before, value_text(key, new, profile)))
    return tuple(result)


def _audit_rows(session: Any, code: str) -> list[AuditEntry]:
    """The initiative's audit rows, newest first, following its earlier codes."""
    rows: list[AuditEntry] = []
    wanted: list[tuple[str, int | None]] = [(code, None)]
    seen: set[str] = set()
    while wanted:
        current, below = wanted.pop()
        if current in seen:
            continue
        seen.add(current)
        query = select(AuditEntry).where(
            AuditEntry.entity == "initiative",
            AuditEntry.entity_id == current,
            AuditEntry.action != "seal",  # the state as found, not a change (security.states)
        )
        if below is not None:
            query = query.where(AuditEntry.id < below)
        for row in session.scalars(query.order_by(AuditEntry.id.desc())):
            rows.append(row)
            renamed = row.changes.get("code") if isinstance(row.changes, dict) else None
            if row.action == "create":
                break  # older rows under this code belonged to another initiative
            if isinstance(renamed, list) and len(renamed) == 2 and renamed[0] != current:
                if renamed[0]:
                    wanted.append((str(renamed[0]), row.id))
                break  # this code starts here: a rename into it, or a new initiative
    rows.sort(key=lambda r: r.id, reverse=True)
    return rows


def _status(changes: Mapping[str, Any]) -> tuple[str | None, str] | None:
    pair = changes.get("status")
    if isinstance(pair, list) and len(pair) == 2 and pair[1]:
        return pair[0], str(pair[1])
    return None


def _audit_entry(row: AuditEntry, comment: str, profile: ProgramProfile | None) -> HistoryEntry:
    changes = row.changes if isinstance(row.changes, dict) else {}
    code = changes.get("code")
    created = row.action == "create" or (
        row.action == "import" and isinstance(code, list) and len(code) == 2 and code[0] is None
    )
    action = "reimport" if row.action == "import" and not created else row.action
    moved = _status(changes)
    reason = changes.get("reason")
    if comment in _ROUTINE_COMMENTS or (isinstance(reason, list) and comment == reason[-1]):
        comment = ""  # already said by the action or the reason's change
    return HistoryEntry(
        at=row.at,
        actor=row.actor or "",
        action=action,
        what=WHAT.get(action, action),
        changes=field_changes(changes, profile, created),
        comment=comment,
        from_state=moved[0] if moved else None,
        to_state=moved[1] if moved else None,
    )


def _event_entry(event: WorkflowEvent) -> HistoryEntry:
    """A move from before the audit trail: the event is all there is."""
    comment = event.comment or ""
    if event.from_state is None:
        action = "import" if comment == "Nhập từ tệp" else "create"
        change = FieldChange("status", LABELS["status"], None, state_name(event.to_state))
    else:
        action = "reimport" if comment == "Cập nhật từ tệp" else "move"
        change = FieldChange(
            "status", LABELS["status"], state_name(event.from_state), state_name(event.to_state)
        )
    return HistoryEntry(
        at=event.at,
        actor=event.actor or "",
        action=action,
        what=WHAT[action],
        changes=(change,),
        comment="" if comment in _ROUTINE_COMMENTS else comment,
        from_state=event.from_state,
        to_state=event.to_state,
        audited=False,
    )


def _merge(
    rows: Sequence[AuditEntry], events: Iterable[WorkflowEvent], profile: ProgramProfile | None
) -> list[HistoryEntry]:
    waiting: dict[tuple[str | None, str], list[WorkflowEvent]] = {}
    for event in sorted(events, key=lambda e: e.id, reverse=True):
        waiting.setdefault((event.from_state, event.to_state), []).append(event)
    entries: list[HistoryEntry] = []
    for row in rows:  # newest first: each state change takes the newest event of that move
        moved = _status(row.changes) if isinstance(row.changes, dict) else None
        paired = waiting.get(moved, []) if moved else []
        comment = (paired.pop(0).comment or "") if paired else ""
        entries.append(_audit_entry(row, comment, profile))
    older = sorted(
        (e for left in waiting.values() for e in left),
        key=lambda e: (e.at, e.id),
        reverse=True,
    )
    entries.extend(_event_entry(e) for e in older)
    entries.sort(key=lambda e: e.at, reverse=True)  # stable: same-time rows keep their order
    return entries


def initiative_history(
    db: Database, initiative_id: str, profile: ProgramProfile | None = None
) -> list[HistoryEntry]:
    """Everything that happened to the initiative ``initiative_id`` (its id), newest first;
    ``profile`` names kinds, sub-kinds, levels and benefits (codes without it)."""
    with db.reader() as session:
        code = session.scalar(select(Initiative.code).where(Initiative.id == initiative_id))
        if code is None:
            return []
        rows = _audit_rows(session, code)
        events = session.scalars(
            select(WorkflowEvent).where(WorkflowEvent.initiative_id == initiative_id)
        ).all()
        return _merge(rows, events, profile)
