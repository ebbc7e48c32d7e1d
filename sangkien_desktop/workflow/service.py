"""Move an initiative between workflow states, recording who moved it, when and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from sangkien_desktop.errors import NotFoundError, WorkflowError
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.rules import Severity, check
from sangkien_desktop.storage.convert import refresh_derived, to_record
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Initiative, WorkflowEvent
from sangkien_desktop.workflow.states import STATES, State, allowed, state_name


@dataclass
class Move:
    target: str
    actor: str = ""
    comment: str = ""
    submitted_on: date | None = None  # receipt date, for SUBMITTED
    reason: str = ""  # for REJECTED
    uploaded_on: date | None = None  # for UPLOADED
    bundle_id: str | None = None  # for EXPORTED


def move(db: Database, key: str, request: Move, profile: ProgramProfile) -> str:
    """Move initiative ``key`` (id or code) to ``request.target``; returns the new state."""
    with db.session() as session:
        row = session.get(Initiative, key)
        if row is None:
            row = session.scalars(select(Initiative).where(Initiative.code == key)).first()
        if row is None:
            raise NotFoundError(f"Không có sáng kiến nào mã “{key}”.")
        source, target = row.status, request.target
        if target not in STATES:
            raise WorkflowError(f"Trạng thái “{target}” không tồn tại.")
        if not allowed(source, target):
            raise WorkflowError(
                f"Sáng kiến {row.code}: không được chuyển từ “{state_name(source)}” sang "
                f"“{state_name(target)}”.",
                english=f"{row.code}: moving from {source} to {target} is not allowed.",
            )
        record = to_record(row)
        needs = STATES[State(target)].needs
        if needs == "submitted_on":
            if request.submitted_on is None:
                raise WorkflowError(f"Sáng kiến {row.code}: cần ghi ngày Hội đồng nhận đơn.")
            row.submitted_on = record.submitted_on = request.submitted_on
        if needs == "reason":
            if not request.reason.strip():
                raise WorkflowError(f"Sáng kiến {row.code}: cần ghi lý do không công nhận.")
            row.rejection_reason = request.reason.strip()
        if needs == "uploaded_on":
            if request.uploaded_on is None:
                raise WorkflowError(f"Sáng kiến {row.code}: cần ghi ngày đã cập nhật lên Cổng.")
            row.uploaded_on = request.uploaded_on
        if target == State.RECOGNISED and not record.recognition.by:
            raise WorkflowError(
                f"Sáng kiến {row.code}: ghi quyết định công nhận (ai công nhận, số, ngày) trước."
            )
        if target == State.READY:
            errors = [f for f in check(record, profile) if f.severity == Severity.ERROR]
            if errors:
                listed = "; ".join(f"{f.rule}: {f.message}" for f in errors[:5])
                raise WorkflowError(
                    f"Sáng kiến {row.code} còn {len(errors)} lỗi nên chưa sẵn sàng gửi — {listed}",
                    english=f"{row.code} still has {len(errors)} error finding(s).",
                )
        if target == State.EXPORTED:
            row.bundle_id = request.bundle_id
        now = datetime.now().replace(microsecond=0)
        row.status = record.status = target
        row.status_changed_at = now
        row.updated_at = now
        refresh_derived(row, record, profile)
        session.add(
            WorkflowEvent(
                initiative_id=row.id,
                from_state=source,
                to_state=target,
                actor=request.actor,
                at=now,
                comment=request.comment or request.reason,
            )
        )
        return target


def assign(db: Database, key: str, helper: str, due_on: date | None) -> None:
    """Give the dossier to a support-team member, with a due date."""
    with db.session() as session:
        row = session.get(Initiative, key)
        if row is None:
            raise NotFoundError(f"Không có sáng kiến nào mã “{key}”.")
        row.assigned_to = helper.strip()
        row.due_on = due_on
