"""Initiatives: save, import, find, list and validate. Every write is one transaction."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, delete, extract, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.rules import Finding, Severity, check
from sangkien_desktop.security import audit
from sangkien_desktop.security.access import authorise, can, current_user
from sangkien_desktop.security.users import (
    ACTIONS,
    MOVE_ACTIONS,
    ROLE_NAMES,
    ROLES,
    Role,
    move_action,
)
from sangkien_desktop.services.units import home_unit
from sangkien_desktop.storage.backups import backup_before_import
from sangkien_desktop.storage.convert import (
    apply_record,
    author_values,
    derived_values,
    record_values,
    to_record,
)
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.locks import INITIATIVE_CODES, serialize
from sangkien_desktop.storage.models import (
    Attachment,
    Author,
    Initiative,
    ReceivedInitiative,
    Unit,
    WorkflowEvent,
)
from sangkien_desktop.storage.search import text_match
from sangkien_desktop.text import clean
from sangkien_desktop.workflow.states import TRANSITIONS, State, next_steps, state_name

Progress = Callable[[int, int], bool]  # (done, total) → False to cancel
AUDITED = tuple(record_values(InitiativeRecord(id="", code="", title="", kind="")))


def new_id() -> str:
    return str(uuid.uuid4())


def next_code(session: Session, year: int | None = None) -> str:
    """The next free code ``SK-YYYY-NNNN`` for ``year`` (this year by default)."""
    year = year or date.today().year
    prefix = f"SK-{year}-"
    codes = session.scalars(select(Initiative.code).where(Initiative.code.like(f"{prefix}%")))
    numbers = [int(c[len(prefix) :]) for c in codes if c[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _load(session: Session, key: str) -> Initiative | None:
    options = (
        selectinload(Initiative.authors),
        selectinload(Initiative.attachments),
    )
    row = session.get(Initiative, key, options=options)
    if row is None:
        row = session.scalars(
            select(Initiative).where(Initiative.code == clean(key)).options(*options)
        ).first()
    return row


def get_record(db: Database, key: str) -> InitiativeRecord:
    """The record with this id or code; NotFoundError otherwise."""
    with db.reader() as session:
        row = _load(session, key)
        if row is None:
            raise NotFoundError(
                f"Không có sáng kiến nào mã “{key}”.", english=f"No initiative '{key}'."
            )
        unit = session.get(Unit, row.unit_id)
        return to_record(row, unit.code if unit else None)


def _audited(row: Initiative) -> dict[str, Any]:
    """The values of ``row`` the audit trail compares: its own fields and its authors' names."""
    values = {key: getattr(row, key) for key in AUDITED}
    values["authors"] = [a.full_name for a in row.authors]
    values["attachments"] = [a.file_name for a in row.attachments]
    return values


def store_row(
    session: Session,
    row: Initiative | None,
    record: InitiativeRecord,
    profile: ProgramProfile,
    unit_id: int,
    actor: str,
    comment: str,
) -> Initiative:
    """Write ``record`` onto ``row`` (a new row when None) in the caller's transaction, and
    record a workflow event when its state changes."""
    previous = None if row is None else row.status
    before = {} if row is None else _audited(row)
    if row is None:
        row = Initiative(id=record.id, unit_id=unit_id)
        session.add(row)
    apply_record(row, record, profile)
    changes = audit.diff(before, _audited(row))
    if changes or previous is None:
        audit.record(
            session,
            actor,
            "initiative",
            row.code,
            "create" if previous is None else "update",
            changes,
        )
    if previous != row.status:
        session.add(
            WorkflowEvent(
                initiative=row,
                from_state=previous,
                to_state=row.status,
                actor=actor,
                at=row.updated_at,
                comment=comment,
            )
        )
    return row


def _store(
    session: Session,
    record: InitiativeRecord,
    profile: ProgramProfile,
    unit_id: int,
    where: str,
    actor: str,
    comments: tuple[str, str] = ("Nhập từ tệp", "Cập nhật từ tệp"),
) -> bool:
    """Insert or update one record inside the caller's transaction; True when inserted."""
    owner = session.scalars(select(Initiative.id).where(Initiative.code == record.code)).first()
    row = _load(session, record.id)
    if owner is not None and owner != record.id:
        raise InputError(
            f"{where}, trường code: mã “{record.code}” đã thuộc về một sáng kiến khác trong cơ sở "
            "dữ liệu.",
            english=f"{where}, field code: '{record.code}' already belongs to another initiative.",
        )
    inserted = row is None
    store_row(session, row, record, profile, unit_id, actor, comments[0 if inserted else 1])
    return inserted


def save_record(
    db: Database, record: InitiativeRecord, profile: ProgramProfile, actor: str = ""
) -> InitiativeRecord:
    """Create or update one initiative from the editor; returns it as stored."""
    actor = authorise(db, "initiative.edit", actor)
    if not record.id:
        record.id = new_id()
    with db.session() as session:
        unit = home_unit(session)
        if not record.code:
            # PostgreSQL: another PC creating an initiative waits, then takes the next code.
            serialize(session, INITIATIVE_CODES)
            record.code = next_code(session)
        where = f"Sáng kiến {record.code}"
        _store(session, record, profile, unit.id, where, actor, ("Tạo mới", "Cập nhật"))
    return get_record(db, record.id)


#: The record's recognition: only an account that may recognise writes it, in the editor or
#: by an import.
RECOGNITION = ("recognition_by", "recognition_body", "decision_no", "decided_on")
# The data a move needs that the record format carries (a rejection reason and an upload date
# are not in it: importing those states needs the rights and a legal path only).
_NEEDS = {
    State.SUBMITTED: ("submitted_on", "ngày Hội đồng nhận đơn"),
    State.RECOGNISED: ("recognition_by", "cấp công nhận (quyết định công nhận)"),
}


def _path(source: str, target: str) -> list[str] | None:
    """The shortest chain of allowed moves from ``source`` to ``target`` (without ``source``);
    None when no chain leads there."""
    if source == target:
        return []
    seen = {source: [source]}
    todo = [source]
    while todo:
        here = todo.pop(0)
        for step in TRANSITIONS.get(State(here), ()):
            if step.value not in seen:
                seen[step.value] = seen[here] + [step.value]
                if step.value == target:
                    return seen[target][1:]
                todo.append(step.value)
    return None


@dataclass(frozen=True)
class ImportRights:
    """What the signed-in account may do, read once before an import or its preview."""

    allowed: dict[str, bool]
    role: str  # the role's Vietnamese name; "" in single-user mode

    @classmethod
    def of(cls, db: Database) -> ImportRights:
        actions = {"initiative.move", "initiative.recognise", *MOVE_ACTIONS.values()}
        user = current_user(db)
        role = "" if user is None else user.role
        if role in ROLES:
            role = ROLE_NAMES[Role(role)]
        return cls({a: can(db, a) for a in actions}, role)

    def may(self, action: str) -> bool:
        return self.allowed.get(action, False)

    def who(self) -> str:
        return f"vai trò {self.role}" if self.role else "tài khoản này"


@dataclass(frozen=True)
class ImportMoves:
    """What importing a record does to its workflow state: the moves after its starting state
    (a new record starts as an idea), or why the import may not make them."""

    start: str
    target: str
    steps: tuple[str, ...] = ()
    field: str = ""  # the record's field at fault when refused (status, decided_on…)
    refusal: str = ""  # Vietnamese, naming the move; "" when allowed
    english: str = ""

    @property
    def moves(self) -> bool:
        return bool(self.steps)

    def describe(self) -> str:
        """The move as the preview shows it: ``IDEA → DRAFTING → SUBMITTED``."""
        return " → ".join((self.start, *self.steps))

    def error(self, where: str) -> InputError:
        return InputError(
            f"{where}, trường {self.field}: {self.refusal}; cơ sở dữ liệu không thay đổi.",
            english=f"{where}, field {self.field}: {self.english}; nothing changed.",
        )


def workflow_values(record: InitiativeRecord) -> dict[str, Any]:
    """The columns of ``record`` that :func:`import_moves` compares (``old`` for a stored one)."""
    rec = record.recognition
    values = dict(
        zip(RECOGNITION, (rec.by, rec.body, rec.decision_no, rec.decided_on), strict=True)
    )
    return values | {"submitted_on": record.submitted_on}


def import_moves(
    record: InitiativeRecord,
    before: str | None,
    old: dict[str, Any],
    rights: ImportRights,
    profile: ProgramProfile,
    errors: int | None = None,
) -> ImportMoves:
    """The moves importing ``record`` makes from its stored state ``before`` (None: a new record,
    which starts as an idea, the state the editor creates), each checked as the move service
    checks it: an allowed step, the role's permission for it (``users.move_action``), the data
    the final state needs (and a recognition when passing RECOGNISED), no error finding when
    passing READY. Recognition data (``RECOGNITION``) that differs from ``old`` (the stored
    columns) needs the right to recognise, whatever the state. ``errors``: the record's count of
    error findings when the caller has it (the rules then run only to name them)."""
    start, target = before or State.IDEA.value, record.status
    new = workflow_values(record)
    plan = ImportMoves(start, target)
    steps = _path(start, target)
    if steps is None:
        return replace(
            plan,
            field="status",
            refusal=f"{start} → {target}: không được chuyển từ “{state_name(start)}” sang "
            f"“{state_name(target)}”. {next_steps(start)}",
            english=f"{start} → {target} is not an allowed move",
        )
    plan = replace(plan, steps=tuple(steps))
    source = start
    for step in steps:
        action = move_action(step)
        if not rights.may(action):
            return replace(
                plan,
                field="status",
                refusal=f"{plan.describe()}: không được phép với {rights.who()} (bước {source} → "
                f"{step} cần quyền {ACTIONS.get(action, action)})",
                english=f"{plan.describe()}: not allowed for this role ({action} needed)",
            )
        need = _NEEDS.get(State(step)) if step in (target, State.RECOGNISED) else None
        if need and not new[need[0]]:
            return replace(
                plan,
                field=need[0],
                refusal=f"{plan.describe()}: bước {source} → {step} cần ghi {need[1]}",
                english=f"{plan.describe()}: {source} → {step} needs {need[0]}",
            )
        if step == State.READY and errors != 0:
            found = [f for f in check(record, profile) if f.severity == Severity.ERROR]
            if found:
                listed = "; ".join(f"{f.rule}: {f.message}" for f in found[:3])
                return replace(
                    plan,
                    field="status",
                    refusal=f"{plan.describe()}: chưa sẵn sàng gửi, còn {len(found)} lỗi — "
                    f"{listed}",
                    english=f"{plan.describe()}: {len(found)} error finding(s) before READY",
                )
        source = step
    if not rights.may("initiative.recognise"):
        for key in RECOGNITION:
            if (new[key] or None) != (old.get(key) or None):
                return replace(
                    plan,
                    field=key,
                    refusal=f"ghi quyết định công nhận không được phép với {rights.who()} (cần "
                    f"quyền {ACTIONS['initiative.recognise']})",
                    english="recording a recognition is not allowed for this role",
                )
    return plan


def received_origins(session: Session, ids: Sequence[str]) -> dict[str, tuple[str, int]]:
    """Initiative id → (unit code, sequence) of the signed bundle that brought it, for ``ids``."""
    found: dict[str, tuple[str, int]] = {}
    for chunk in _batches(ids):
        origin = (
            select(ReceivedInitiative.initiative_id, Unit.code, ReceivedInitiative.sequence)
            .join(Unit, Unit.id == ReceivedInitiative.unit_id)
            .where(ReceivedInitiative.initiative_id.in_(chunk))
        )
        found.update((id_, (code, seq)) for id_, code, seq in session.execute(origin))
    return found


def origin_refusal(
    record: InitiativeRecord,
    home: str,
    units: Collection[str],
    received: dict[str, tuple[str, int]],
) -> tuple[str, str, str] | None:
    """Why a file without a signature may not bring ``record`` (field, Vietnamese, English), or
    None. Records of other units arrive only in their signed bundles (``exchange.combine``): a
    file may neither change one received that way nor add one in the name of another unit this
    database knows (``units``: their codes; a code it does not know is read as ``home``'s)."""
    if record.id in received:
        unit, sequence = received[record.id]
        return (
            "id",
            f"sáng kiến này đã nhận trong gói hồ sơ ký số (gói số {sequence} của {unit}); chỉ "
            f"một gói ký số mới hơn của {unit} mới thay đổi được nó, tệp không ký thì không",
            f"received in signed bundle {sequence} of {unit}; only a newer signed bundle of "
            "that unit may change it",
        )
    code = record.unit_code or ""
    if code and code != home and code in units:
        return (
            "unit_code",
            f"sáng kiến của đơn vị {code} chỉ nhận được qua gói hồ sơ ký số của {code} (nhận "
            "gói), không qua tệp không ký",
            f"initiatives of {code} arrive only in its signed bundles",
        )
    return None


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    moves: list[str] = field(default_factory=list)  # "SK-2022-0001: IDEA → DRAFTING"


def _batches(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def import_records(
    db: Database,
    records: Sequence[InitiativeRecord],
    profile: ProgramProfile,
    actor: str = "",
    progress: Progress | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import all records or none: one transaction, keyed by id (re-import updates).

    Rows are prepared in Python first and written with bulk statements at the end (the ORM's
    per-object work costs ten times the writing), so a cancel leaves the database untouched.
    A backup of the database is taken first (``storage.backups.backup_before_import``).
    ``dry_run``: every check and the result, nothing written (no backup either), open to
    anyone like the Excel preview; the moves are checked against the signed-in account."""
    if not dry_run:
        actor = authorise(db, "initiative.edit", actor)
        backup_before_import(db)
    rights = ImportRights.of(db)
    result = ImportResult()
    now = datetime.now().replace(microsecond=0)
    with db.session() as session:
        home = home_unit(session)
        units = {u.code: u.id for u in session.scalars(select(Unit))}
        codes = {code: id_ for code, id_ in session.execute(select(Initiative.code, Initiative.id))}
        existing: dict[str, tuple[str, str, datetime]] = {}
        added_at: dict[tuple[str, str, str], datetime] = {}
        audited: dict[str, dict[str, Any]] = {}
        received = received_origins(session, [r.id for r in records])
        trail: list[audit.Change] = []
        for chunk in _batches([r.id for r in records]):
            query = select(Initiative.id, Initiative.code, Initiative.status, Initiative.created_at)
            for id_, code, status, created in session.execute(
                query.where(Initiative.id.in_(chunk))
            ):
                existing[id_] = (code, status, created)
            query = select(
                Attachment.initiative_id,
                Attachment.sha256,
                Attachment.file_name,
                Attachment.added_at,
            )
            for id_, sha, name, when in session.execute(
                query.where(Attachment.initiative_id.in_(chunk))
            ):
                added_at[(id_, sha, name)] = when
            query = select(Initiative.id, *(getattr(Initiative, key) for key in AUDITED))
            for id_, *old_values in session.execute(query.where(Initiative.id.in_(chunk))):
                audited[id_] = dict(zip(AUDITED, old_values, strict=True))
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        authors: list[dict[str, Any]] = []
        attachments: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for i, record in enumerate(records):
            where = f"bản ghi số {i + 1} ({record.code})"
            owner = codes.get(record.code)
            if owner is not None and owner != record.id:
                raise InputError(
                    f"{where}, trường code: mã “{record.code}” đã thuộc về một sáng kiến khác "
                    "trong cơ sở dữ liệu.",
                    english=f"{where}, field code: '{record.code}' belongs to another initiative.",
                )
            refused = origin_refusal(record, home.code, units, received)
            if refused:
                raise InputError(
                    f"{where}, trường {refused[0]}: {refused[1]}. Cơ sở dữ liệu không thay đổi.",
                    english=f"{where}, field {refused[0]}: {refused[2]}. Nothing changed.",
                )
            previous = existing.get(record.id)
            if previous is not None and codes.get(previous[0]) == record.id:
                del codes[previous[0]]
            codes[record.code] = record.id
            values = record_values(record) | derived_values(record, profile)
            values |= {"id": record.id, "updated_at": record.updated_at or now}
            before = previous[1] if previous else None
            old = audited.get(record.id, {})
            plan = import_moves(record, before, old, rights, profile, values["error_count"])
            if plan.refusal:
                raise plan.error(where)
            if previous is None:
                unit_id = units.get(record.unit_code or "", home.id)
                inserts.append(
                    values | {"unit_id": unit_id, "created_at": record.created_at or now}
                )
                result.added += 1
            else:
                updates.append(values | {"created_at": record.created_at or previous[2]})
                result.updated += 1
            authors.extend(a | {"initiative_id": record.id} for a in author_values(record))
            attachments.extend(
                {
                    "initiative_id": record.id,
                    "sha256": a.sha256,
                    "file_name": a.file_name,
                    "kind": a.kind,
                    "size": a.size,
                    "added_at": added_at.get((record.id, a.sha256, a.file_name), now),
                }
                for a in record.attachments
            )
            after = {key: values[key] for key in AUDITED}
            after["status"] = plan.start  # the moves below are audited one by one
            if previous is None:
                after["authors"] = [a.full_name for a in record.authors]
                after["attachments"] = [a.file_name for a in record.attachments]
            changes = audit.diff(audited.get(record.id, {}), after)
            if changes or previous is None or not plan.steps:
                trail.append(audit.Change("initiative", record.code, "import", changes))
            if plan.moves:
                result.moves.append(f"{record.code}: {plan.describe()}")
            source = before
            comment = "Nhập từ tệp" if previous is None else "Cập nhật từ tệp"
            # A new record is created as an idea, then moved step by step, as in the editor.
            for step in ([] if previous else [plan.start]) + list(plan.steps):
                events.append(
                    {
                        "initiative_id": record.id,
                        "from_state": source,
                        "to_state": step,
                        "actor": actor,
                        "at": values["updated_at"],
                        "comment": comment,
                    }
                )
                if source is not None:
                    trail.append(
                        audit.Change("initiative", record.code, "move", {"status": [source, step]})
                    )
                source = step
            if progress and not progress(i + 1, len(records)):
                raise InputError("Đã hủy nhập; cơ sở dữ liệu không thay đổi.", english="Cancelled.")
        if dry_run:
            return result
        for chunk in _batches([u["id"] for u in updates]):
            session.execute(delete(Author).where(Author.initiative_id.in_(chunk)))
            session.execute(delete(Attachment).where(Attachment.initiative_id.in_(chunk)))
        for table, rows in (
            (Initiative, inserts),
            (Author, authors),
            (Attachment, attachments),
            (WorkflowEvent, events),
        ):
            if rows:
                session.execute(insert(table), rows)
        if updates:
            session.execute(update(Initiative), updates)
        audit.record_many(session, actor, trail)
    return result


@dataclass
class InitiativeFilter:
    text: str = ""
    states: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    phases: tuple[int | None, ...] = ()
    year: int | None = None
    author: str = ""
    has_errors: bool | None = None
    assigned_to: str | None = None
    unit_ids: tuple[int, ...] = field(default_factory=tuple)


def filtered(query: Select, flt: InitiativeFilter) -> Select:
    """Apply ``flt`` to a query over ``Initiative`` (indexed columns, all in SQL)."""
    match = text_match(Initiative.id, Initiative.search_text, f"{flt.text} {flt.author}")
    if match is not None:
        query = query.where(match)
    if flt.states:
        query = query.where(Initiative.status.in_(flt.states))
    if flt.kinds:
        query = query.where(Initiative.kind.in_(flt.kinds))
    if flt.phases:
        known = [p for p in flt.phases if p is not None]
        condition = Initiative.phase.in_(known)
        query = query.where(
            condition | Initiative.phase.is_(None) if None in flt.phases else condition
        )
    if flt.year:
        query = query.where(extract("year", Initiative.eligibility_date) == flt.year)
    if flt.has_errors is True:
        query = query.where(Initiative.error_count > 0)
    elif flt.has_errors is False:
        query = query.where(Initiative.error_count == 0)
    if flt.assigned_to is not None:
        query = query.where(Initiative.assigned_to == flt.assigned_to)
    if flt.unit_ids:
        query = query.where(Initiative.unit_id.in_(flt.unit_ids))
    return query


def list_initiatives(
    session: Session, flt: InitiativeFilter | None = None, limit: int | None = None
) -> Sequence[Initiative]:
    query = filtered(select(Initiative), flt or InitiativeFilter()).order_by(Initiative.code)
    if limit:
        query = query.limit(limit)
    return session.scalars(query).all()


def search(db: Database, text: str, limit: int = 50) -> list[tuple[str, str, str | None, str]]:
    """(code, title, credited author, status) of initiatives matching ``text``."""
    with db.reader() as session:
        query = filtered(
            select(
                Initiative.code, Initiative.title, Initiative.credited_author, Initiative.status
            ),
            InitiativeFilter(text=text),
        )
        rows = session.execute(query.order_by(Initiative.code).limit(limit)).all()
        return [(r[0], r[1], r[2], r[3]) for r in rows]


def count(db: Database, flt: InitiativeFilter | None = None) -> int:
    with db.reader() as session:
        query = filtered(select(func.count()).select_from(Initiative), flt or InitiativeFilter())
        return session.scalar(query) or 0


def eligibility_years(db: Database) -> list[int]:
    """The years in which stored initiatives became eligible, oldest first (what the list's
    year filter can find)."""
    year = extract("year", Initiative.eligibility_date)
    with db.reader() as session:
        years = session.scalars(
            select(year).where(Initiative.eligibility_date.is_not(None)).distinct()
        )
        return sorted(int(y) for y in years)


def iter_records(db: Database, batch: int = 500) -> Iterator[InitiativeRecord]:
    """Every initiative as a record, in code order, loaded in batches."""
    with db.reader() as session:
        units = {u.id: u.code for u in session.scalars(select(Unit))}
        ids = session.scalars(select(Initiative.id).order_by(Initiative.code)).all()
        for start in range(0, len(ids), batch):
            rows = session.scalars(
                select(Initiative)
                .where(Initiative.id.in_(ids[start : start + batch]))
                .options(selectinload(Initiative.authors), selectinload(Initiative.attachments))
                .order_by(Initiative.code)
            ).all()
            for row in rows:
                yield to_record(row, units.get(row.unit_id))
            session.expunge_all()


def validate_records(
    records: Sequence[InitiativeRecord], profile: ProgramProfile, today: date | None = None
) -> list[tuple[InitiativeRecord, list[Finding]]]:
    return [(record, check(record, profile, today)) for record in records]


# What a list of initiatives can show, and the indexed column each one sorts on.
LIST_COLUMNS = {
    "code": (Initiative.code, Initiative.code),
    "title": (Initiative.title, Initiative.title_sort),
    "kind": (Initiative.kind, Initiative.kind),
    "status": (Initiative.status, Initiative.status),
    "credited_author": (Initiative.credited_author, Initiative.credited_sort),
    "phase": (Initiative.phase, Initiative.phase),
    "eligibility_date": (Initiative.eligibility_date, Initiative.eligibility_date),
    "first_applied_on": (Initiative.first_applied_on, Initiative.first_applied_on),
    "decided_on": (Initiative.decided_on, Initiative.decided_on),
    "economic_value_vnd": (Initiative.economic_value_vnd, Initiative.economic_value_vnd),
    "field": (Initiative.field, Initiative.field),
    "error_count": (Initiative.error_count, Initiative.error_count),
    "warning_count": (Initiative.warning_count, Initiative.warning_count),
    "assigned_to": (Initiative.assigned_to, Initiative.assigned_to),
    "due_on": (Initiative.due_on, Initiative.due_on),
    "updated_at": (Initiative.updated_at, Initiative.updated_at),
}


def list_ids(
    session: Session, flt: InitiativeFilter, sort: str = "code", descending: bool = False
) -> list[str]:
    """The ids of the initiatives ``flt`` keeps, in the order of column ``sort``."""
    key = LIST_COLUMNS[sort][1]
    order = key.desc() if descending else key.asc()
    query = filtered(select(Initiative.id), flt).order_by(order, Initiative.id)
    # Core rows straight from the connection: the ORM's per-row work costs more than the query.
    return list(session.connection().execute(query).scalars())


def fetch_rows(
    session: Session, ids: Sequence[str], columns: Sequence[str]
) -> dict[str, tuple[object, ...]]:
    """The values of ``columns`` for each id (one query)."""
    selected = [LIST_COLUMNS[c][0] for c in columns]
    query = select(Initiative.id, *selected).where(Initiative.id.in_(ids))
    rows = session.connection().execute(query)
    return {row[0]: tuple(row[1:]) for row in rows}
