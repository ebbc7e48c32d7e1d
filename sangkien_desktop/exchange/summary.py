"""``data/summary.xlsx`` of a bundle: every initiative with the fields of the legal application
form (TT 18/2013, Appendix I) and of the description, for whoever types them into the national
portal. One sheet of initiatives, one of authors (one row per author)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.rules import derive
from sangkien_desktop.spreadsheets.cells import put
from sangkien_desktop.workflow.states import STATES, State

DATE = "DD/MM/YYYY"
MONEY = "#,##0"
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")

# (header, width, number format)
INITIATIVE_COLUMNS: tuple[tuple[str, int, str | None], ...] = (
    ("STT", 6, None),
    ("Mã sáng kiến", 16, None),
    ("Tên sáng kiến", 48, None),
    ("Loại giải pháp", 24, None),
    ("Phân loại", 20, None),
    ("Cấp đề tài", 10, None),
    ("Lĩnh vực áp dụng", 22, None),
    ("Tác giả được công nhận", 24, None),
    ("Các tác giả (tỷ lệ đóng góp)", 36, None),
    ("Áp dụng / áp dụng thử", 12, None),
    ("Ngày áp dụng lần đầu", 12, DATE),
    ("Nơi áp dụng", 22, None),
    ("Giải pháp đã biết", 40, None),
    ("Nội dung giải pháp", 50, None),
    ("Tính mới", 30, None),
    ("Khả năng áp dụng", 30, None),
    ("Thông tin cần bảo mật", 20, None),
    ("Giá trị làm lợi (đồng)", 16, MONEY),
    ("Hiệu quả kinh tế", 30, None),
    ("Lợi ích xã hội", 30, None),
    ("Mô tả lợi ích xã hội", 30, None),
    ("Hình thức công nhận", 14, None),
    ("Cơ quan công nhận", 30, None),
    ("Số quyết định", 14, None),
    ("Ngày quyết định", 12, DATE),
    ("Ngày đủ điều kiện", 12, DATE),
    ("Giai đoạn", 9, None),
    ("Nguyên nhân hình thành sáng kiến", 40, None),
    ("Số tệp đính kèm", 8, None),
    ("Trạng thái", 18, None),
)
AUTHOR_COLUMNS: tuple[tuple[str, int, str | None], ...] = (
    ("Mã sáng kiến", 16, None),
    ("STT", 6, None),
    ("Họ và tên", 26, None),
    ("Ngày sinh", 12, DATE),
    ("Nơi công tác", 26, None),
    ("Chức danh", 18, None),
    ("Trình độ chuyên môn", 18, None),
    ("Tỷ lệ đóng góp (%)", 10, "0.##"),
    ("Chủ nhiệm / tác giả chính", 10, None),
)
_RECOGNITION = {"COUNCIL": "Hội đồng sáng kiến", "HEAD": "Thủ trưởng đơn vị"}
_MODE = {"APPLIED": "Áp dụng", "TRIAL": "Áp dụng thử"}


def _sheet(
    book: Workbook, title: str, columns: Sequence[tuple[str, int, str | None]]
) -> WriteOnlyWorksheet:
    sheet = book.create_sheet(title)
    for index, (_header, width, _fmt) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2"
    header = []
    for name, _width, _fmt in columns:
        cell = put(WriteOnlyCell(sheet), name)
        cell.font, cell.alignment = _BOLD, _WRAP
        header.append(cell)
    sheet.append(header)
    return sheet


def _row(
    sheet: WriteOnlyWorksheet, columns: Sequence[tuple[str, int, str | None]], values: list[Any]
) -> None:
    cells = []
    for (_name, _width, fmt), value in zip(columns, values, strict=True):
        cell = put(WriteOnlyCell(sheet), value)
        if fmt:
            cell.number_format = fmt
        cells.append(cell)
    sheet.append(cells)


def summary_workbook(records: Sequence[InitiativeRecord], profile: ProgramProfile) -> bytes:
    """The workbook's bytes (write-only mode: fast for thousands of initiatives)."""
    book = Workbook(write_only=True)
    initiatives = _sheet(book, "Sáng kiến", INITIATIVE_COLUMNS)
    authors = _sheet(book, "Tác giả", AUTHOR_COLUMNS)
    social = {s.code: s.name for s in profile.social_benefits}
    for number, record in enumerate(records, start=1):
        kind = profile.kind(record.kind)
        sub = kind.subkind(record.subkind) if kind and record.subkind else None
        derived = derive(record, profile)
        state = STATES.get(State(record.status)) if record.status in STATES else None
        shares = "; ".join(
            f"{a.full_name} ({a.contribution_pct:g}%)"
            if a.contribution_pct is not None
            else a.full_name
            for a in record.authors
        )
        _row(
            initiatives,
            INITIATIVE_COLUMNS,
            [
                number,
                record.code,
                record.title,
                kind.name if kind else record.kind,
                sub.name if sub else (record.subkind or ""),
                record.research_level or "",
                record.field,
                derived.credited_author or "",
                shares,
                _MODE.get(record.application.mode or "", ""),
                record.application.first_applied_on,
                record.application.where,
                record.known_solution,
                record.content,
                record.novelty,
                record.applicability,
                record.confidential,
                record.benefits.economic_value_vnd,
                record.benefits.economic,
                "; ".join(social.get(c, c) for c in record.benefits.social),
                record.benefits.social_description,
                _RECOGNITION.get(record.recognition.by or "", ""),
                record.recognition.body,
                record.recognition.decision_no,
                record.recognition.decided_on,
                derived.eligibility_date,
                derived.phase,
                record.origin_story,
                len(record.attachments),
                state.name if state else record.status,
            ],
        )
        for position, author in enumerate(record.authors, start=1):
            _row(
                authors,
                AUTHOR_COLUMNS,
                [
                    record.code,
                    position,
                    author.full_name,
                    author.birth_date,
                    author.workplace,
                    author.position,
                    author.qualification,
                    author.contribution_pct,
                    "x" if author.is_lead else "",
                ],
            )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
