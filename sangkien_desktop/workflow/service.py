"""Move an initiative between workflow states, recording who moved it, when and why."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sangkien_desktop.errors import NotFoundError, SangKienError, WorkflowError
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.limits import LONG_TEXT_CHARS, check_date, check_text
from sangkien_desktop.records.model import InitiativeRecord, Recognition
from sangkien_desktop.rules import Severity, check
from sangkien_desktop.security import audit
from sangkien_desktop.security.access import authorise
from sangkien_desktop.security.users import PermissionDenied, UserInfo, move_action, require
from sangkien_desktop.storage.convert import refresh_derived, to_record
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Initiative, WorkflowEvent
from sangkien_desktop.workflow.states import STATES, State, allowed, next_steps, state_name

Progress = Callable[[int, int], bool]  # (done, total) → False to stop


@dataclass
class Move:
    target: str
    actor: str = ""
    comment: str = ""
    submitted_on: date | None = None  # receipt date, for SUBMITTED
    reason: str = ""  # for REJECTED
    uploaded_on: date | None = None  # for UPLOADED
    bundle_id: str | None = None  # for EXPORTED
    #: For RECOGNISED: who recognised it, the body, the decision's number and date (the move
    #: dialog asks for them); None keeps what the record already holds.
    recognition: Recognition | None = None


def _find(session: Session, key: str) -> Initiative:
    row = session.get(Initiative, key)
    if row is None:
        row = session.scalars(select(Initiative).where(Initiative.code == key.strip())).first()
    if row is None:
        raise NotFoundError(f"Không có sáng kiến nào mã “{key}”.")
    return row


def move(
    db: Database,
    key: str,
    request: Move,
    profile: ProgramProfile,
    user: UserInfo | None = None,
) -> str:
    """Move initiative ``key`` (id or code) to ``request.target``; returns the new state.

    The signed-in account's role must allow the move (``users.move_action``: recognising needs
    CHAIR, EXPORTED/UPLOADED need "bundle.sign"); PermissionDenied otherwise, before anything
    is read. The workflow event and the audit row name the signed-in account (in single-user
    mode, ``request.actor``). ``user``, when given, must allow the move too (an extra check
    kept for older callers; the signed-in account is always checked)."""
    action = move_action(request.target)
    actor = authorise(db, action, request.actor)
    if user is not None:
        require(user, action)
    with db.session() as session:
        row = _find(session, key)
        where = f"Sáng kiến {row.code}"
        for field, text in (("comment", request.comment), ("reason", request.reason)):
            check_text(text, where, field, LONG_TEXT_CHARS, multiline=True)
        check_date(request.submitted_on, where, "submitted_on")
        check_date(request.uploaded_on, where, "uploaded_on")
        source, target = row.status, request.target
        record = to_record(row)
        if target in STATES and request.recognition is not None:
            record.recognition = _recognition(request.recognition, row.code)
        reason = why_not(db, record, target, profile, request)
        if reason is not None:
            raise WorkflowError(
                reason,
                english=f"{row.code}: moving from {source} to {target} is not allowed."
                if target in STATES and not allowed(source, target)
                else None,
            )
        needs = STATES[State(target)].needs
        if needs == "submitted_on" and request.submitted_on is not None:
            row.submitted_on = record.submitted_on = request.submitted_on
        if needs == "reason":
            row.rejection_reason = request.reason.strip()
        if needs == "uploaded_on":
            row.uploaded_on = request.uploaded_on
        if target == State.RECOGNISED and request.recognition is not None:
            rec = record.recognition
            row.recognition_by, row.recognition_body = rec.by, rec.body
            row.decision_no, row.decided_on = rec.decision_no, rec.decided_on
        if target == State.EXPORTED:
            row.bundle_id = request.bundle_id
        now = datetime.now().replace(microsecond=0)
        audit.record(
            session,
            actor,
            "initiative",
            row.code,
            "move",
            {"status": [source, target]}
            | ({"reason": [None, request.reason]} if request.reason else {}),
        )
        row.status = record.status = target
        row.status_changed_at = now
        row.updated_at = now
        refresh_derived(row, record, profile)
        session.add(
            WorkflowEvent(
                initiative_id=row.id,
                from_state=source,
                to_state=target,
                actor=actor,
                at=now,
                comment=request.comment or request.reason,
            )
        )
        return target


def _recognition(given: Recognition, code: str) -> Recognition:
    """The decision a move into RECOGNISED carries, checked like the record's own fields."""
    where = f"Sáng kiến {code}"
    if given.by not in ("COUNCIL", "HEAD"):
        raise WorkflowError(f"{where}: cần chọn ai công nhận (Hội đồng hay thủ trưởng đơn vị).")
    return Recognition(
        given.by,
        check_text(given.body.strip(), where, "recognition.body", 300),
        check_text(given.decision_no.strip(), where, "recognition.decision_no", 100),
        check_date(given.decided_on, where, "recognition.decided_on"),
    )


def why_not(
    db: Database,
    record: InitiativeRecord,
    target: str,
    profile: ProgramProfile,
    request: Move | None = None,
    lang: str = "vi",
) -> str | None:
    """Why ``record`` cannot move to ``target`` now, one Vietnamese sentence; None when it can.

    The one place the reasons come from: ``move`` raises them, the editor's move buttons show
    them as tooltips, the board, the list and the CLI name them. Checked: the state exists, the
    move is in the workflow table, the signed-in role may make it, a dossier sent as READY has
    no error finding. With ``request`` (the move itself), also what the move must carry: the
    receipt date for SUBMITTED, the reason for REJECTED, the upload date for UPLOADED, and for
    RECOGNISED who recognised it and the decision's number and date. Without it, those are
    left to the move dialog, which asks for them. ``lang="en"``: the reasons a move without
    ``request`` can have (the editor's buttons, the board's menu) in English."""
    code, en = record.code, lang == "en"
    if target not in STATES:
        return f"There is no state “{target}”." if en else f"Trạng thái “{target}” không tồn tại."
    source = record.status
    if not allowed(source, target):
        if en:
            return (
                f"{code}: it cannot go from “{state_name(source, lang)}” to "
                f"“{state_name(target, lang)}”. {next_steps(source, lang)}"
            )
        return (
            f"Sáng kiến {code}: không được chuyển từ “{state_name(source)}” sang "
            f"“{state_name(target)}”. {next_steps(source)}"
        )
    try:
        authorise(db, move_action(target))
    except PermissionDenied as exc:
        return exc.english if en else exc.message
    needs = STATES[State(target)].needs
    if request is not None:
        if needs == "submitted_on":
            if request.submitted_on is None:
                return f"Sáng kiến {code}: cần ghi ngày Hội đồng nhận đơn."
            if request.submitted_on > date.today():
                return (
                    f"Sáng kiến {code}: ngày nhận đơn {request.submitted_on:%d/%m/%Y} "
                    "ở sau hôm nay."
                )
        if needs == "reason" and not request.reason.strip():
            return f"Sáng kiến {code}: cần ghi lý do không công nhận."
        if needs == "uploaded_on":
            if request.uploaded_on is None:
                return f"Sáng kiến {code}: cần ghi ngày đã cập nhật lên Cổng."
            if request.uploaded_on > date.today():
                return (
                    f"Sáng kiến {code}: ngày cập nhật lên Cổng {request.uploaded_on:%d/%m/%Y} "
                    "ở sau hôm nay."
                )
        if target == State.RECOGNISED:
            rec = record.recognition
            if not rec.by:
                return f"Sáng kiến {code}: ghi quyết định công nhận (ai công nhận, số, ngày) trước."
            if request.recognition is not None and not (rec.decision_no and rec.decided_on):
                return f"Sáng kiến {code}: cần số và ngày quyết định công nhận."
            if rec.decided_on is not None and rec.decided_on > date.today():
                return (
                    f"Sáng kiến {code}: ngày quyết định công nhận {rec.decided_on:%d/%m/%Y} "
                    "ở sau hôm nay."
                )
    if target == State.READY:
        errors = [f for f in check(record, profile) if f.severity == Severity.ERROR]
        if errors:
            if en:
                rules = ", ".join(f.rule for f in errors[:5])
                return f"{code}: {len(errors)} error(s) left, so it is not ready to send — {rules}"
            listed = "; ".join(f"{f.rule}: {f.message}" for f in errors[:5])
            return f"Sáng kiến {code} còn {len(errors)} lỗi nên chưa sẵn sàng gửi — {listed}"
    return None


@dataclass
class MoveReport:
    """What a move of several initiatives did: each one moved or refused on its own."""

    target: str
    moved: list[str] = field(default_factory=list)  # codes
    refused: list[tuple[str, str]] = field(default_factory=list)  # (code, Vietnamese reason)
    stopped: bool = False  # the user stopped it before the end


def move_many(
    db: Database,
    keys: Sequence[str],
    request: Move,
    profile: ProgramProfile,
    progress: Progress | None = None,
    user: UserInfo | None = None,
) -> MoveReport:
    """Move each initiative separately (one transaction each), so one refusal never blocks the
    others; the report says which were refused and why."""
    report = MoveReport(request.target)
    with db.reader() as session:
        rows = session.execute(
            select(Initiative.id, Initiative.code).where(Initiative.id.in_(keys))
        ).all()
        codes = {row[0]: row[1] for row in rows}
    for done, key in enumerate(keys, start=1):
        code = codes.get(key, key)
        try:
            move(db, key, request, profile, user)
        except SangKienError as exc:
            report.refused.append((code, exc.message))
        else:
            report.moved.append(code)
        if progress and not progress(done, len(keys)) and done < len(keys):
            report.stopped = True
            break
    return report


def assign(db: Database, key: str, helper: str, due_on: date | None, actor: str = "") -> None:
    """Give the dossier ``key`` (id or code) to a support-team member, with a due date
    ("initiative.edit"; recorded in the audit trail)."""
    actor = authorise(db, "initiative.edit", actor)
    with db.session() as session:
        row = _find(session, key)
        before = {"assigned_to": row.assigned_to, "due_on": row.due_on}
        row.assigned_to = helper.strip()
        row.due_on = due_on
        changes = audit.diff(before, {"assigned_to": row.assigned_to, "due_on": due_on})
        if changes:
            audit.record(session, actor, "initiative", row.code, "update", changes)


def assign_many(
    db: Database, ids: Sequence[str], helper: str, due_on: date | None, actor: str = ""
) -> int:
    """Give every dossier of ``ids`` to ``helper`` in one transaction ("initiative.edit");
    returns how many. Each dossier whose helper or due date changes gets an audit row."""
    actor = authorise(db, "initiative.edit", actor)
    helper = helper.strip()
    after = {"assigned_to": helper, "due_on": due_on}
    changed = 0
    with db.session() as session:
        trail: list[audit.Change] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = select(Initiative.code, Initiative.assigned_to, Initiative.due_on)
            for code, old_helper, old_due in session.execute(query.where(Initiative.id.in_(chunk))):
                changes = audit.diff({"assigned_to": old_helper, "due_on": old_due}, after)
                if changes:
                    trail.append(audit.Change("initiative", code, "update", changes))
            result = session.execute(
                update(Initiative)
                .where(Initiative.id.in_(chunk))
                .values(assigned_to=helper, due_on=due_on)
            )
            changed += result.rowcount  # type: ignore[attr-defined]
        audit.record_many(session, actor, trail)
    return changed
