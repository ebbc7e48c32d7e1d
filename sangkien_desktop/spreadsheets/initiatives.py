"""Initiatives from an Excel sheet (the list a union kept before this application): preview,
then import through ``services.initiatives.import_records`` — one transaction, all or nothing.

An initiative already in the database is found by its code: the row updates it (same id), and
only the columns the sheet has are taken from it, so a sheet without a "Nội dung" column does not
erase the content written in the application. Authors are linked to the member of the same name
when there is exactly one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.limits import RECORD_TEXT
from sangkien_desktop.records.model import Author, InitiativeRecord
from sangkien_desktop.security.access import authorise
from sangkien_desktop.services.initiatives import (
    RECOGNITION,
    ImportMoves,
    ImportResult,
    ImportRights,
    import_moves,
    import_records,
    new_id,
    next_code,
    origin_refusal,
    received_origins,
    workflow_values,
)
from sangkien_desktop.spreadsheets.cells import (
    MAX_CELL_CHARS,
    AuthorShare,
    CodeList,
    read_authors,
    read_bool,
    read_date,
    read_money,
    read_text,
)
from sangkien_desktop.spreadsheets.preview import (
    Action,
    Preview,
    PreviewRow,
    Problem,
    Progress,
    Severity,
)
from sangkien_desktop.spreadsheets.sheet import Column, Row, read_sheet
from sangkien_desktop.storage.convert import to_record
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Initiative, Member, Unit
from sangkien_desktop.text import fold
from sangkien_desktop.workflow.states import STATES

SHEET_NAMES = ("Sáng kiến", "Danh sách sáng kiến", "Initiatives")
_DATE_NOTE = "Ngày/tháng/năm, ví dụ 15/03/2022."


def _c(field: str, title: str, *aliases: str, width: int = 18, **kw: Any) -> Column:
    return Column(field, title, aliases, width=width, **kw)


COLUMNS = (
    _c("code", "Mã sáng kiến", "Mã", "Mã số", "Mã SK", "Code", width=15,
       note="Để trống: ứng dụng cấp mã mới. Nhập lại cùng mã sẽ cập nhật, không nhân đôi."),
    _c("title", "Tên sáng kiến", "Tên giải pháp", "Tên sáng kiến, giải pháp", "Tên đề tài",
       "Title", width=45, required=True),
    _c("kind", "Loại", "Loại sáng kiến", "Loại giải pháp", "Kind", width=30, required=True,
       note="Chọn trong danh sách, hoặc ghi mã (KY_THUAT…)."),
    _c("subkind", "Phân loại", "Loại chi tiết", "Subkind", width=22),
    _c("research_level", "Cấp đề tài", "Cấp đề tài NCKH", width=12),
    _c("field", "Lĩnh vực", "Lĩnh vực áp dụng", "Field", width=22),
    _c("authors", "Tác giả", "Tác giả (tỷ lệ đóng góp)", "Tác giả, đồng tác giả",
       "Họ và tên tác giả", "Tên tác giả", "Authors", width=40, required=True,
       note="Mỗi tác giả một dòng hoặc cách nhau bằng dấu chấm phẩy, kèm tỷ lệ đóng góp: "
       "Nguyễn Văn A (60%); Trần Thị B (40%). Chủ nhiệm đề tài: thêm “chủ nhiệm” trong ngoặc."),
    _c("known_solution", "Giải pháp đã biết", "Tình trạng giải pháp đã biết", width=30),
    _c("content", "Nội dung", "Nội dung giải pháp", "Nội dung sáng kiến", "Mô tả", width=40),
    _c("novelty", "Tính mới", "Điểm mới", width=30),
    _c("applicability", "Khả năng áp dụng", width=30),
    _c("origin_story", "Nguyên nhân hình thành", "Nguyên nhân hình thành sáng kiến", width=30),
    _c("application_mode", "Hình thức áp dụng", "Áp dụng hay áp dụng thử", width=16),
    _c("first_applied_on", "Ngày áp dụng lần đầu", "Ngày áp dụng", "Ngày áp dụng thử",
       "Áp dụng từ ngày", width=14, note=_DATE_NOTE),
    _c("applied_where", "Nơi áp dụng", "Đơn vị áp dụng", width=22),
    _c("economic_value_vnd", "Giá trị làm lợi", "Số tiền làm lợi", "Giá trị làm lợi VNĐ",
       "Hiệu quả kinh tế đồng", width=18,
       note="Số đồng, ví dụ 125000000 hoặc 125.000.000."),
    _c("economic", "Hiệu quả kinh tế", "Lợi ích kinh tế", width=30),
    _c("social", "Lợi ích xã hội", width=30,
       note="Một hoặc nhiều mục, cách nhau bằng dấu chấm phẩy."),
    _c("social_description", "Mô tả lợi ích xã hội", "Hiệu quả xã hội", width=30),
    _c("recognition_by", "Cấp công nhận", "Hình thức công nhận", "Công nhận bởi", width=20),
    _c("recognition_body", "Cơ quan công nhận", "Đơn vị công nhận", "Hội đồng công nhận",
       width=30),
    _c("decision_no", "Số quyết định", "Số quyết định công nhận", "Số QĐ", "Quyết định số",
       width=16),
    _c("decided_on", "Ngày công nhận", "Ngày quyết định", "Ngày QĐ", "Ngày ký quyết định",
       width=14, note=_DATE_NOTE),
    _c("reviewer", "Người rà soát nội dung", "Người rà soát", width=22),
    _c("reviewed_on", "Ngày rà soát", width=14, note=_DATE_NOTE),
    _c("ip_protected", "Đang được bảo hộ SHTT", "Bảo hộ sở hữu trí tuệ", "Bảo hộ SHTT",
       width=12),
    _c("ip_registration_no", "Số văn bằng bảo hộ", "Số văn bằng", width=16),
    _c("research_accepted_on", "Ngày nghiệm thu", width=14, note=_DATE_NOTE),
    _c("research_applied_since", "Đề tài áp dụng từ ngày", width=14, note=_DATE_NOTE),
    _c("research_confirmed_by", "Người xác nhận hiệu quả", "Người xác nhận", width=22),
    _c("research_confirmation_no", "Số văn bản xác nhận", width=16),
    _c("research_confirmed_on", "Ngày xác nhận", width=14, note=_DATE_NOTE),
    _c("status", "Trạng thái", "Tình trạng", "Status", width=20,
       note="Để trống: “Đã được công nhận” nếu có ngày công nhận, không thì “Ý tưởng đăng ký”."),
    _c("submitted_on", "Ngày nộp Hội đồng", "Ngày nhận đơn", "Ngày nộp đơn", width=14,
       note=_DATE_NOTE),
)  # fmt: skip

#: The longest text each column keeps (records.limits: the same limits as every other input;
#: a column not listed is long text, up to Excel's limit).
LIMITS = {
    column: RECORD_TEXT[key]
    for column, key in {
        "code": "code",
        "title": "title",
        "field": "field",
        "applied_where": "application.where",
        "recognition_body": "recognition.body",
        "decision_no": "recognition.decision_no",
        "reviewer": "content_review.reviewer",
        "ip_registration_no": "ip_protection.registration_no",
        "research_confirmed_by": "research.confirmed_by",
        "research_confirmation_no": "research.confirmation_no",
    }.items()
}

MODES = CodeList(
    {"APPLIED": "Áp dụng", "TRIAL": "Áp dụng thử"},
    {
        "ap dung chinh thuc": "APPLIED",
        "da ap dung": "APPLIED",
        "thu": "TRIAL",
        "thu nghiem": "TRIAL",
    },
)
RECOGNISERS = CodeList(
    {"COUNCIL": "Hội đồng sáng kiến", "HEAD": "Thủ trưởng đơn vị"},
    {"hoi dong": "COUNCIL", "hdsk": "COUNCIL", "thu truong": "HEAD", "giam doc": "HEAD"},
)
STATE_CODES = CodeList({s.value: info.name for s, info in STATES.items()})


@dataclass(frozen=True)
class Vocabulary:
    """The profile's code lists, as cells may name them."""

    kinds: CodeList
    subkinds: dict[str, CodeList]
    research_levels: CodeList
    social: CodeList

    @classmethod
    def of(cls, profile: ProgramProfile) -> Vocabulary:
        kind_aliases = {}
        for kind in profile.kinds:
            short = re.sub(r"^giai phap (trong )?", "", fold(kind.name))
            kind_aliases[short] = kind.code
        for research in (k for k in profile.kinds if k.research):
            kind_aliases.update({"de tai": research.code, "nckh": research.code})
        return cls(
            CodeList({k.code: k.name for k in profile.kinds}, kind_aliases),
            {k.code: CodeList({s.code: s.name for s in k.subkinds}) for k in profile.kinds},
            CodeList({r.code: r.name for r in profile.research_levels}),
            CodeList({s.code: s.name for s in profile.social_benefits}),
        )


@dataclass
class _Known:
    """What the database already holds that a row may refer to."""

    codes: dict[str, str]  # code → id
    members: dict[str, list[Member]]  # folded name → members of that name
    records: dict[str, InitiativeRecord]  # id → stored record, for the codes in the file
    home: str = ""  # this database's unit code
    units: frozenset[str] = frozenset()  # every unit code it knows
    received: dict[str, tuple[str, int]] = field(default_factory=dict)  # of ``records``


def _load_known(db: Database, codes: Sequence[str]) -> _Known:
    with db.reader() as session:
        known_codes = dict(session.execute(select(Initiative.code, Initiative.id)).all())
        members: dict[str, list[Member]] = defaultdict(list)
        for member in session.scalars(select(Member)):
            members[member.name_folded].append(member)
        units = {u.id: u.code for u in session.scalars(select(Unit))}
        home = session.scalar(select(Unit.code).where(Unit.is_home.is_(True))) or ""
        wanted = [known_codes[c] for c in codes if c in known_codes]
        received = received_origins(session, wanted)
        records = {}
        for start in range(0, len(wanted), 500):
            rows = session.scalars(
                select(Initiative)
                .where(Initiative.id.in_(wanted[start : start + 500]))
                .options(selectinload(Initiative.authors), selectinload(Initiative.attachments))
            ).all()
            records.update({r.id: to_record(r, units.get(r.unit_id)) for r in rows})
        session.expunge_all()
    return _Known(known_codes, members, records, home, frozenset(units.values()), received)


class _RowReader:
    """Turns one row into a record; the problems go to the row."""

    def __init__(self, profile: ProgramProfile, vocabulary: Vocabulary, today: date) -> None:
        self.profile = profile
        self.vocabulary = vocabulary
        self.today = today

    def text(self, row: Row, name: str) -> str:
        limit = LIMITS.get(name, MAX_CELL_CHARS)
        return row.read(name, lambda v: read_text(v, limit), "")

    def day(self, row: Row, name: str) -> date | None:
        value = row.read(name, lambda v: read_date(v, self.today), None)
        if value is not None and value > self.today:
            row.add(name, f"ngày {value:%d/%m/%Y} ở sau hôm nay.")
        return value

    def __call__(self, row: Row) -> tuple[str, dict[str, Any] | None]:
        """The row's values by field (only the columns the sheet has)."""
        values: dict[str, Any] = {}
        for name in row.layout.headers:
            values[name] = self.read_field(row, name, values)
        code, title = values.get("code", ""), values.get("title", "")
        if not title and not row.has_error:
            row.add("title", "tên sáng kiến không được để trống.")
        if not values.get("kind") and not row.has_error:
            row.add("kind", "chưa ghi loại sáng kiến.")
        if not values.get("authors") and not row.has_error:
            row.add("authors", "chưa ghi tác giả.")
        return f"{code or '(mã mới)'} — {title}", values

    def read_field(self, row: Row, name: str, values: dict[str, Any]) -> Any:
        voc = self.vocabulary
        if name == "kind":
            return row.read(name, lambda v: voc.kinds.read(v, "loại sáng kiến"), None)
        if name == "subkind":
            kind = values.get("kind")
            codes = voc.subkinds.get(kind or "")
            if codes is None:
                return None
            return row.read(name, lambda v: codes.read(v, f"phân loại của {kind}"), None)
        if name == "research_level":
            return row.read(name, lambda v: voc.research_levels.read(v, "cấp đề tài"), None)
        if name == "social":
            no_codes: list[str] = []
            return row.read(name, lambda v: _many(v, voc.social, "lợi ích xã hội"), no_codes)
        if name == "authors":
            no_authors: list[AuthorShare] = []
            return row.read(name, read_authors, no_authors)
        if name == "application_mode":
            return row.read(name, lambda v: MODES.read(v, "hình thức áp dụng"), None)
        if name == "recognition_by":
            return row.read(name, lambda v: RECOGNISERS.read(v, "cấp công nhận"), None)
        if name == "status":
            return row.read(name, lambda v: STATE_CODES.read(v, "trạng thái"), None)
        if name == "economic_value_vnd":
            return row.read(name, read_money, None)
        if name == "ip_protected":
            return row.read(name, read_bool, False)
        if name.endswith("_on") or name.endswith("_since"):
            return self.day(row, name)
        return self.text(row, name)


def _many(value: object, codes: CodeList, what: str) -> list[str]:
    if value is None:
        return []
    parts = [p.strip() for p in re.split(r"[;\n]", str(value)) if p.strip()]
    found = []
    for part in parts:
        code = codes.read(part, what)
        if code and code not in found:
            found.append(code)
    return found


_RECORD_PATHS: dict[str, Callable[[InitiativeRecord, Any], None]] = {
    "application_mode": lambda r, v: setattr(r.application, "mode", v),
    "first_applied_on": lambda r, v: setattr(r.application, "first_applied_on", v),
    "applied_where": lambda r, v: setattr(r.application, "where", v),
    "economic_value_vnd": lambda r, v: setattr(r.benefits, "economic_value_vnd", v),
    "economic": lambda r, v: setattr(r.benefits, "economic", v),
    "social": lambda r, v: setattr(r.benefits, "social", v),
    "social_description": lambda r, v: setattr(r.benefits, "social_description", v),
    "recognition_by": lambda r, v: setattr(r.recognition, "by", v),
    "recognition_body": lambda r, v: setattr(r.recognition, "body", v),
    "decision_no": lambda r, v: setattr(r.recognition, "decision_no", v),
    "decided_on": lambda r, v: setattr(r.recognition, "decided_on", v),
    "reviewer": lambda r, v: setattr(r.content_review, "reviewer", v),
    "reviewed_on": lambda r, v: setattr(r.content_review, "reviewed_on", v),
    "ip_protected": lambda r, v: setattr(r.ip_protection, "protected", v),
    "ip_registration_no": lambda r, v: setattr(r.ip_protection, "registration_no", v or None),
    "research_accepted_on": lambda r, v: setattr(r.research, "accepted_on", v),
    "research_applied_since": lambda r, v: setattr(r.research, "applied_since", v),
    "research_confirmed_by": lambda r, v: setattr(r.research, "confirmed_by", v),
    "research_confirmation_no": lambda r, v: setattr(r.research, "confirmation_no", v),
    "research_confirmed_on": lambda r, v: setattr(r.research, "confirmed_on", v),
}


def _authors(
    shares: Sequence[Any],
    previous: Sequence[Author],
    known: _Known,
    research: bool,
    warn: Callable[[str], None],
) -> list[Author]:
    """Authors of the cell, with the details the database knows of them."""
    before = {fold(a.full_name): a for a in previous}
    authors = []
    for share in shares:
        key = fold(share.full_name)
        author = Author(share.full_name, contribution_pct=share.contribution_pct)
        if key in before:
            old = before[key]
            author = replace(
                old, full_name=share.full_name, contribution_pct=share.contribution_pct
            )
        else:
            same_name = known.members.get(key, [])
            if len(same_name) == 1:
                member = same_name[0]
                author = Author(
                    member.full_name,
                    member.birth_date,
                    member.department,
                    member.position,
                    member.qualification,
                    share.contribution_pct,
                    member_id=member.id,
                )
            elif len(same_name) > 1:
                warn(
                    f"có {len(same_name)} đoàn viên tên {share.full_name}; tác giả chưa được gắn "
                    "với đoàn viên nào, hãy chọn trong hồ sơ sau khi nhập."
                )
        author.is_lead = share.is_lead
        authors.append(author)
    if len(authors) == 1 and authors[0].contribution_pct is None:
        authors[0].contribution_pct = 100
    if research and authors and not any(a.is_lead for a in authors):
        authors[0].is_lead = True  # the project lead (chủ nhiệm) is listed first
    shares_given = [a.contribution_pct for a in authors]
    if len(authors) > 1 and all(s is None for s in shares_given):
        warn("chưa ghi tỷ lệ đóng góp của từng tác giả, ví dụ “Nguyễn Văn A (60%)”.")
    elif len(authors) > 1 and None not in shares_given:
        total = sum(s or 0 for s in shares_given)
        if abs(total - 100) > 0.01:
            warn(f"tổng tỷ lệ đóng góp là {total:g}%, chưa đủ 100%.")
    return authors


def _record(
    values: dict[str, Any],
    existing: InitiativeRecord | None,
    known: _Known,
    profile: ProgramProfile,
    warn: Callable[[str, str], None],
) -> InitiativeRecord:
    record = existing or InitiativeRecord(id=new_id(), code="", title="", kind="")
    record.updated_at = None  # stamped now when stored
    kind = profile.kind(values.get("kind") or record.kind)
    research = bool(kind and kind.research)
    for name, value in values.items():
        if name == "authors":
            record.authors = _authors(
                value, record.authors, known, research, lambda m: warn("authors", m)
            )
        elif name in _RECORD_PATHS:
            _RECORD_PATHS[name](record, value)
        elif name == "status":
            if value:
                record.status = value
        elif name == "code":
            record.code = value or record.code
        else:
            setattr(record, name, value)
    if research and record.research.applied_since is None and values.get("first_applied_on"):
        # A sheet with one "applied on" column: for a research project it is the applied-since
        # date of C3, and the application block stays empty as the editor keeps it.
        record.research.applied_since = values["first_applied_on"]
        record.application.first_applied_on = None
    if record.application.first_applied_on and not record.application.mode and not research:
        record.application.mode = "APPLIED"
    rec = record.recognition
    if not research and not rec.by and (rec.decision_no or rec.decided_on):
        rec.by = "COUNCIL"
        warn("recognition_by", "chưa ghi cấp công nhận; coi là Hội đồng sáng kiến công nhận.")
    if existing is None and not values.get("status"):
        recognised = rec.decided_on or (research and record.research.accepted_on)
        record.status = "RECOGNISED" if recognised else "IDEA"
    return record


def read_initiatives(
    db: Database,
    path: Path,
    profile: ProgramProfile,
    progress: Progress | None = None,
    today: date | None = None,
) -> Preview[InitiativeRecord]:
    """Every row of the initiatives sheet as a record, with its problems; nothing is written."""
    day = today or date.today()
    reader = _RowReader(profile, Vocabulary.of(profile), day)
    raw = read_sheet(path, COLUMNS, SHEET_NAMES, reader, progress)
    preview: Preview[InitiativeRecord] = Preview(
        raw.file_name, raw.sheet, raw.header_row, raw.columns, raw.ignored, [], raw.problems
    )
    codes = [str(r.value.get("code") or "") for r in raw.rows if r.value]
    known = _load_known(db, [c for c in codes if c])
    rights = ImportRights.of(db)
    first_row: dict[str, int] = {}
    assumed: list[int] = []
    for item in raw.rows:
        problems = list(item.problems)

        def warn(name: str, message: str, row: int = item.row, into: list = problems) -> None:
            if name not in raw.columns and name == "recognition_by":
                assumed.append(row)  # said once for the sheet, not on every row
                return
            letter, header = raw.columns.get(name, (None, None))
            into.append(Problem(raw.sheet, row, letter, header, message, Severity.WARNING))

        values = item.value
        record = None
        action = Action.SKIP
        moves = ""
        code = str(values.get("code") or "") if values else ""
        if code and code in first_row:
            letter, header = raw.columns["code"]
            problems.append(
                Problem(
                    raw.sheet,
                    item.row,
                    letter,
                    header,
                    f"mã “{code}” đã có ở dòng {first_row[code]}; mỗi sáng kiến một mã.",
                )
            )
        elif code:
            first_row[code] = item.row
        if values is not None and not any(p.severity == Severity.ERROR for p in problems):
            existing_id = known.codes.get(code)
            existing = known.records.get(existing_id) if existing_id else None
            before = (existing.status, workflow_values(existing)) if existing else (None, {})
            record = _record(values, existing, known, profile, warn)
            action = Action.UPDATE if existing else Action.ADD
            plan = import_moves(record, before[0], before[1], rights, profile)
            moves = plan.describe() if plan.moves else ""
            if plan.refusal:
                problems.append(_refused(raw.columns, raw.sheet, item.row, record, plan))
            origin = origin_refusal(record, known.home, known.units, known.received)
            if origin:
                column, title = raw.columns.get("code", (None, None))
                message = f"sáng kiến {code}, trường {origin[0]}: {origin[1]}."
                problems.append(Problem(raw.sheet, item.row, column, title, message))
            if not code:
                warn("code", "chưa có mã; ứng dụng sẽ cấp mã mới (nhập lại tệp sẽ thêm bản mới).")
        preview.rows.append(PreviewRow(item.row, item.label, record, problems, action, moves=moves))
    if assumed:
        preview.problems.append(
            Problem(
                raw.sheet,
                None,
                None,
                None,
                f"trang không có cột “Cấp công nhận”: {len(assumed)} sáng kiến có quyết định "
                "công nhận được coi là do Hội đồng sáng kiến công nhận.",
                Severity.WARNING,
            )
        )
    return preview


def _refused(
    columns: dict[str, tuple[str, str]],
    sheet: str,
    row: int,
    record: InitiativeRecord,
    plan: ImportMoves,
) -> Problem:
    """The move a row may not make, on the column that asks for it (the status column, or the
    decision's when the state follows from it)."""
    named = [plan.field, "status", *RECOGNITION]
    letter, header = next((columns[n] for n in named if n in columns), (None, None))
    code = record.code or "(mã mới)"
    return Problem(
        sheet, row, letter, header, f"sáng kiến {code}, trường {plan.field}: {plan.refusal}."
    )


def _assign_codes(db: Database, records: Sequence[InitiativeRecord]) -> None:
    """Codes for the rows that had none: ``SK-YYYY-NNNN`` after the highest of that year."""
    missing = [r for r in records if not r.code]
    if not missing:
        return
    taken = {r.code for r in records}
    numbers: dict[int, int] = {}
    with db.reader() as session:
        for record in missing:
            year = (record.recognition.decided_on or date.today()).year
            if year not in numbers:
                numbers[year] = int(next_code(session, year).rsplit("-", 1)[1]) - 1
            code = ""
            while not code or code in taken:
                numbers[year] += 1
                code = f"SK-{year}-{numbers[year]:04d}"
            record.code = code
            taken.add(code)


def import_preview(
    db: Database,
    preview: Preview[InitiativeRecord],
    profile: ProgramProfile,
    actor: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """Write a preview without errors, all or nothing; cancelling changes nothing."""
    actor = authorise(db, "initiative.edit", actor)
    preview.raise_if_errors()
    records = preview.values()
    _assign_codes(db, records)
    return import_records(db, records, profile, actor or "Nhập từ Excel", progress)


def import_initiative_file(
    db: Database,
    path: Path,
    profile: ProgramProfile,
    actor: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """Read and import in one go (the command line): refused whole at the first error."""
    actor = authorise(db, "initiative.edit", actor)  # before reading the file
    return import_preview(db, read_initiatives(db, path, profile, progress), profile, actor)
