"""The workbooks the union hands on: the initiatives list (as filtered and with the columns shown
on screen), the members list, and the statistics report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sangkien_desktop.errors import InputError
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.security.access import authorise
from sangkien_desktop.services.initiatives import LIST_COLUMNS, InitiativeFilter, list_ids
from sangkien_desktop.services.members import CATEGORIES, GENDERS
from sangkien_desktop.services.units import home_unit
from sangkien_desktop.spreadsheets.members import COLUMNS as MEMBER_COLUMNS
from sangkien_desktop.spreadsheets.preview import Progress
from sangkien_desktop.spreadsheets.workbook import (
    MONEY_FORMAT,
    PERCENT_FORMAT,
    Field,
    Kind,
    TableSheet,
    new_workbook,
    save,
)
from sangkien_desktop.stats import DOCUMENT_NAMES, Report, TodoItem, TodoKind, build_report
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Author, Initiative, Member
from sangkien_desktop.text import format_date
from sangkien_desktop.workflow.states import STATES

BATCH = 1_000


class ExportCancelled(InputError):
    def __init__(self) -> None:
        super().__init__("Đã hủy xuất; chưa ghi tệp nào.", english="Export cancelled.")


#: Every column an initiatives workbook can have. The titles are those the importer reads, so
#: an exported list can be corrected in Excel and imported back (matched by code).
INITIATIVE_FIELDS: dict[str, Field] = {
    "code": Field("Mã sáng kiến", 15),
    "title": Field("Tên sáng kiến", 42, Kind.LONG_TEXT),
    "kind": Field("Loại", 24, Kind.LONG_TEXT),
    "authors": Field("Tác giả", 32, Kind.LONG_TEXT),
    "credited_author": Field("Tác giả được công nhận", 24),
    "status": Field("Trạng thái", 20),
    "phase": Field("Giai đoạn", 10, Kind.COUNT),
    "eligibility_date": Field("Ngày đủ điều kiện", 13, Kind.DATE),
    "first_applied_on": Field("Ngày áp dụng lần đầu", 13, Kind.DATE),
    "submitted_on": Field("Ngày nộp Hội đồng", 13, Kind.DATE),
    "decision_no": Field("Số quyết định", 16),
    "decided_on": Field("Ngày công nhận", 13, Kind.DATE),
    "economic_value_vnd": Field("Giá trị làm lợi", 18, Kind.MONEY),
    "field": Field("Lĩnh vực", 22),
    "error_count": Field("Số lỗi", 8, Kind.COUNT),
    "warning_count": Field("Số lưu ý", 8, Kind.COUNT),
    "assigned_to": Field("Người hỗ trợ", 20),
    "due_on": Field("Hạn xử lý", 13, Kind.DATE),
    "updated_at": Field("Cập nhật", 17, Kind.DATETIME),
}
DEFAULT_INITIATIVE_COLUMNS = (
    "code",
    "title",
    "kind",
    "authors",
    "credited_author",
    "status",
    "phase",
    "eligibility_date",
    "first_applied_on",
    "decision_no",
    "decided_on",
    "economic_value_vnd",
    "field",
    "assigned_to",
)
_EXTRA_COLUMNS = {"decision_no": Initiative.decision_no, "submitted_on": Initiative.submitted_on}


def _share(author: Author) -> str:
    if author.contribution_pct is None:
        return author.full_name
    return f"{author.full_name} ({author.contribution_pct:g}%)"


def _unit_line(db: Database) -> str:
    with db.reader() as session:
        name = home_unit(session).name
    return f"{name} — xuất ngày {format_date(date.today())}"


def export_initiatives(
    db: Database,
    path: Path,
    profile: ProgramProfile,
    flt: InitiativeFilter | None = None,
    columns: Sequence[str] = DEFAULT_INITIATIVE_COLUMNS,
    sort: str = "code",
    descending: bool = False,
    progress: Progress | None = None,
) -> int:
    """The initiatives ``flt`` keeps, in the order of ``sort``, with ``columns``; returns the
    number of rows written."""
    authorise(db, "report.export")
    unknown = [c for c in columns if c not in INITIATIVE_FIELDS]
    if unknown or not columns:
        raise InputError(
            f"Cột không xuất được: {', '.join(unknown) or '(không có cột nào)'}; dùng: "
            f"{', '.join(INITIATIVE_FIELDS)}."
        )
    kinds = {k.code: k.name for k in profile.kinds}
    states = {s.value: info.name for s, info in STATES.items()}
    selected = [
        _EXTRA_COLUMNS.get(c) if c in _EXTRA_COLUMNS else LIST_COLUMNS[c][0]
        for c in columns
        if c != "authors"
    ]
    book = new_workbook()
    table = TableSheet(
        book,
        "Sáng kiến",
        [INITIATIVE_FIELDS[c] for c in columns],
        "DANH SÁCH SÁNG KIẾN",
        _unit_line(db),
    )
    with db.reader() as session:
        ids = list_ids(session, flt or InitiativeFilter(), sort, descending)
        connection = session.connection()
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            values = {
                row[0]: row[1:]
                for row in connection.execute(
                    select(Initiative.id, *selected).where(Initiative.id.in_(batch))
                )
            }
            authors: dict[str, list[str]] = defaultdict(list)
            if "authors" in columns:
                for author in session.scalars(
                    select(Author)
                    .where(Author.initiative_id.in_(batch))
                    .order_by(Author.initiative_id, Author.position)
                ):
                    authors[author.initiative_id].append(_share(author))
                session.expunge_all()
            for initiative_id in batch:
                stored = iter(values[initiative_id])
                row: list[Any] = []
                for key in columns:
                    if key == "authors":
                        row.append("; ".join(authors[initiative_id]))
                        continue
                    value: Any = next(stored)
                    if key == "kind":
                        value = kinds.get(value, value)
                    elif key == "status":
                        value = states.get(value, value)
                    row.append(value)
                table.append(row)
            if progress and not progress(start + len(batch), len(ids)):
                raise ExportCancelled()
    save(book, [table], path)
    return len(ids)


def export_members(
    db: Database, path: Path, *, active_only: bool = False, progress: Progress | None = None
) -> int:
    """The members, in Vietnamese name order, with the columns of the import template."""
    authorise(db, "report.export")
    book = new_workbook()
    fields = [Field("STT", 7, Kind.COUNT)] + [
        Field(c.title, c.width, Kind.DATE if c.field == "birth_date" else Kind.TEXT)
        for c in MEMBER_COLUMNS
    ]
    table = TableSheet(book, "Đoàn viên", fields, "DANH SÁCH ĐOÀN VIÊN", _unit_line(db))
    query = select(
        Member.full_name,
        Member.birth_date,
        Member.gender,
        Member.department,
        Member.position,
        Member.qualification,
        Member.category,
        Member.active,
    ).order_by(Member.sort_key, Member.id)
    if active_only:
        query = query.where(Member.active.is_(True))
    with db.reader() as session:
        rows = session.connection().execute(query).all()
    for number, (name, born, gender, dept, position, qual, category, active) in enumerate(
        rows, start=1
    ):
        table.append(
            [
                number,
                name,
                born,
                GENDERS.get(gender, gender),
                dept,
                position,
                qual,
                CATEGORIES.get(category, category),
                "Có" if active else "Không",
            ]
        )
        if progress and number % BATCH == 0 and not progress(number, len(rows)):
            raise ExportCancelled()
    save(book, [table], path)
    return len(rows)


def _ratio(part: int, whole: int | None) -> float | None:
    return part / whole if whole else None


def _todo_detail(item: TodoItem) -> str:
    if item.kind == TodoKind.DECISION_OVERDUE:
        return f"quá hạn {item.days} ngày"
    if item.kind == TodoKind.READY_NOT_EXPORTED:
        return f"đã chờ {item.days} ngày"
    return "thiếu " + ", ".join(DOCUMENT_NAMES.get(k, k).lower() for k in item.missing)


def stats_sheets(book: Any, report: Report, profile: ProgramProfile) -> list[TableSheet]:
    """The statistics report's sheets, one table each."""
    line = f"{report.unit_name} — số liệu đến ngày {format_date(report.today)}"
    sheets = []
    p, t = report.participation, report.totals

    summary = TableSheet(
        book,
        "Tổng hợp",
        [Field("Chỉ số", 52), Field("Giá trị", 20, Kind.DECIMAL), Field("Ghi chú", 50)],
        "BÁO CÁO KẾT QUẢ CHƯƠNG TRÌNH “01 TRIỆU SÁNG KIẾN”",
        line,
    )
    summary.extend(
        [
            ["Tổng số sáng kiến đã đăng ký", t.initiatives, ""],
            ["Sáng kiến đủ điều kiện tính vào Chương trình", t.eligible, ""],
            ["Tác giả được công nhận (không trùng)", p.authors, ""],
            [
                "Số người làm căn cứ tính tỷ lệ",
                p.headcount,
                "theo số đơn vị khai báo" if p.declared else "đoàn viên đang sinh hoạt",
            ],
        ]
    )
    summary.append_formatted(
        [
            "Tỷ lệ tham gia",
            _ratio(p.authors, p.headcount),
            f"mục tiêu {p.target_pct:g}%"
            + ("" if p.reached else f"; cần thêm {p.authors_needed} tác giả"),
        ],
        {1: PERCENT_FORMAT},
    )
    summary.append_formatted(
        ["Giá trị làm lợi của các sáng kiến đủ điều kiện", t.value_vnd, ""], {1: MONEY_FORMAT}
    )
    sheets.append(summary)

    def breakdown(name: str, title: str, first: str, lines: Sequence[Any]) -> None:
        table = TableSheet(
            book,
            name,
            [
                Field(first, 40),
                Field("Số sáng kiến", 14, Kind.COUNT),
                Field("Đủ điều kiện", 14, Kind.COUNT),
                Field("Giá trị làm lợi", 20, Kind.MONEY),
            ],
            title,
            line,
        )
        table.extend([x.label, x.total, x.eligible, x.value_vnd] for x in lines)
        table.total(
            [
                "Tổng cộng",
                sum(x.total for x in lines),
                sum(x.eligible for x in lines),
                sum(x.value_vnd for x in lines),
            ]
        )
        sheets.append(table)

    breakdown("Theo trạng thái", "SÁNG KIẾN THEO TRẠNG THÁI", "Trạng thái", report.by_state)
    breakdown("Theo loại", "SÁNG KIẾN THEO LOẠI GIẢI PHÁP", "Loại", report.by_kind)
    breakdown("Theo giai đoạn", "SÁNG KIẾN THEO GIAI ĐOẠN", "Giai đoạn", report.by_phase)

    target_fields = [
        Field("Kỳ", 20),
        Field("Chỉ tiêu", 12, Kind.COUNT),
        Field("Đủ điều kiện", 14, Kind.COUNT),
        Field("Tỷ lệ đạt", 12, Kind.PERCENT),
    ]
    targets = TableSheet(book, "Chỉ tiêu", target_fields, "TIẾN ĐỘ SO VỚI CHỈ TIÊU", line)
    targets.extend(
        [x.label, x.target, x.actual, _ratio(x.actual, x.target)]
        for x in [*report.phases, *report.quarters]
    )
    sheets.append(targets)

    departments = TableSheet(
        book,
        "Theo phòng ban",
        [
            Field("Phòng ban", 34),
            Field("Đoàn viên", 12, Kind.COUNT),
            Field("Tác giả", 11, Kind.COUNT),
            Field("Tỷ lệ tham gia", 14, Kind.PERCENT),
            Field("Số sáng kiến", 13, Kind.COUNT),
            Field("Đủ điều kiện", 13, Kind.COUNT),
            Field("Giá trị làm lợi", 20, Kind.MONEY),
        ],
        "THAM GIA THEO PHÒNG BAN",
        line,
    )
    departments.extend(
        [d.label, d.members, d.authors, _ratio(d.authors, d.members), d.total, d.eligible,
         d.value_vnd]
        for d in report.by_department
    )  # fmt: skip
    sheets.append(departments)

    helpers = TableSheet(
        book,
        "Tổ hỗ trợ",
        [
            Field("Người hỗ trợ", 28),
            Field("Đang xử lý", 12, Kind.COUNT),
            Field("Quá hạn xử lý", 14, Kind.COUNT),
            Field(f"Chờ Hội đồng quá {profile.decision_deadline_months} tháng", 16, Kind.COUNT),
            Field("Sẵn sàng gửi", 13, Kind.COUNT),
        ],
        "CÔNG VIỆC CỦA TỔ HỖ TRỢ SÁNG KIẾN",
        line,
    )
    helpers.extend(
        [h.helper or "(Chưa giao)", h.open, h.past_due, h.decision_overdue, h.ready]
        for h in report.workload
    )
    sheets.append(helpers)

    todo = TableSheet(
        book,
        "Việc cần làm",
        [
            Field("Việc", 30),
            Field("Mã sáng kiến", 15),
            Field("Tên sáng kiến", 50, Kind.LONG_TEXT),
            Field("Người hỗ trợ", 22),
            Field("Từ ngày", 13, Kind.DATE),
            Field("Chi tiết", 40, Kind.LONG_TEXT),
        ],
        "VIỆC CẦN LÀM CỦA TỔ HỖ TRỢ",
        line,
    )
    headings = {
        TodoKind.DECISION_OVERDUE: f"Chờ Hội đồng quá {profile.decision_deadline_months} tháng",
        TodoKind.READY_NOT_EXPORTED: "Sẵn sàng nhưng chưa xuất gói",
        TodoKind.MISSING_DOCUMENTS: "Hồ sơ thiếu giấy tờ",
    }
    for kind, heading in headings.items():
        todo.extend(
            [heading, item.code, item.title, item.assigned_to, item.since, _todo_detail(item)]
            for item in report.todo.of(kind)
        )
    sheets.append(todo)
    return sheets


def export_stats(
    db: Database, path: Path, profile: ProgramProfile, today: date | None = None
) -> Report:
    """The statistics report workbook; returns the figures written."""
    authorise(db, "report.export")
    report = build_report(db, profile, today)
    book = new_workbook()
    save(book, stats_sheets(book, report, profile), path)
    return report
