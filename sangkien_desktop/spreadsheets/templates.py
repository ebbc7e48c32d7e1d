"""Blank workbooks to fill in and import: Vietnamese headers with a hint on each, a frozen header
row, drop-down lists for the coded columns (their values on a hidden "Danh mục" sheet), and one
example row in grey marked "Ví dụ" in the STT column, which the importer skips."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from sangkien_desktop.errors import InputError
from sangkien_desktop.files import atomic_write_bytes
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.members import CATEGORIES, GENDERS
from sangkien_desktop.spreadsheets import initiatives, members
from sangkien_desktop.spreadsheets.cells import append_row, put
from sangkien_desktop.spreadsheets.sheet import Column
from sangkien_desktop.spreadsheets.workbook import DATE_FORMAT, FONT_NAME, MONEY_FORMAT
from sangkien_desktop.workflow.states import STATES, State

#: Rows of the data sheet that carry the drop-down lists.
VALIDATED_ROWS = 20_000
LISTS_SHEET = "Danh mục"
_GREY = Font(name=FONT_NAME, size=11, italic=True, color="808080")
_HEADER = Font(name=FONT_NAME, size=11, bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F2")
YES_NO = ("Có", "Không")


class TemplateKind(StrEnum):
    MEMBERS = "members"
    INITIATIVES = "initiatives"


def _member_example() -> dict[str, Any]:
    return {
        "full_name": "Nguyễn Thị Hường",
        "birth_date": date(1986, 4, 12),
        "gender": "Nữ",
        "department": "Phân xưởng Hàn",
        "position": "Tổ trưởng",
        "qualification": "Kỹ sư",
        "category": CATEGORIES["DOAN_VIEN"],
        "active": "Có",
    }


def _initiative_example(profile: ProgramProfile) -> dict[str, Any]:
    kind = profile.kinds[0]
    return {
        "code": "SK-2022-0042",
        "title": "Quy trình kiểm tra nhanh mối hàn bằng dưỡng đo tự chế",
        "kind": kind.name,
        "subkind": kind.subkinds[-1].code if kind.subkinds else "",
        "field": "Cơ khí chế tạo",
        "authors": "Nguyễn Thị Hường (60%); Đặng Văn Đức (40%)",
        "content": "Chế tạo dưỡng đo để kiểm tra mối hàn ngay tại chỗ.",
        "application_mode": "Áp dụng",
        "first_applied_on": date(2022, 3, 15),
        "applied_where": "Phân xưởng Hàn",
        "economic_value_vnd": 125_000_000,
        "economic": "Giảm 30% thời gian kiểm tra",
        "social": profile.social_benefits[0].name if profile.social_benefits else "",
        "recognition_by": "Hội đồng sáng kiến",
        "recognition_body": "Hội đồng sáng kiến Công ty",
        "decision_no": "15/QĐ-HĐSK",
        "decided_on": date(2022, 4, 20),
        "reviewer": "Lê Minh Tâm",
        "reviewed_on": date(2022, 4, 22),
        "ip_protected": "Không",
        "status": STATES[State.RECOGNISED].name,
    }


def _lists(kind: TemplateKind, profile: ProgramProfile) -> dict[str, Sequence[str]]:
    """field → the values its drop-down offers."""
    if kind == TemplateKind.MEMBERS:
        return {
            "gender": [name for code, name in GENDERS.items() if code],
            "category": list(CATEGORIES.values()),
            "active": YES_NO,
        }
    return {
        "kind": [k.name for k in profile.kinds],
        "research_level": [r.name for r in profile.research_levels],
        "application_mode": list(initiatives.MODES.names.values()),
        "recognition_by": list(initiatives.RECOGNISERS.names.values()),
        "ip_protected": YES_NO,
        "status": [info.name for info in STATES.values()],
    }


def _reference(profile: ProgramProfile) -> list[tuple[str, list[tuple[str, str]]]]:
    """Code lists written on the hidden sheet for reading (not used by a drop-down)."""
    return [
        (
            "Phân loại (theo loại sáng kiến)",
            [(s.code, f"{k.code}: {s.name}") for k in profile.kinds for s in k.subkinds],
        ),
        ("Lợi ích xã hội", [(s.code, s.name) for s in profile.social_benefits]),
    ]


def _data_sheet(
    sheet: Any,
    columns: Sequence[Column],
    example: dict[str, Any],
    lists: dict[str, Sequence[str]],
    list_sheet: Any,
) -> None:
    append_row(sheet, ["STT", *(c.title for c in columns)])
    append_row(sheet, ["Ví dụ", *(example.get(c.field) for c in columns)])
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 7
    sheet.row_dimensions[1].height = 32
    for cell in sheet[1]:
        cell.font = _HEADER
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for cell in sheet[2]:
        cell.font = _GREY
    list_column = 1
    for index, column in enumerate(columns, start=2):
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        header = sheet.cell(1, index)
        note = column.note + (" (bắt buộc)" if column.required else "")
        if note.strip():
            header.comment = Comment(note.strip(), "Sáng Kiến Desktop", width=260, height=90)
        if (
            column.field.endswith("_on")
            or column.field.endswith("_since")
            or (column.field == "birth_date")
        ):
            sheet.cell(2, index).number_format = DATE_FORMAT
        if column.field == "economic_value_vnd":
            sheet.cell(2, index).number_format = MONEY_FORMAT
        values = lists.get(column.field)
        if not values:
            continue
        list_letter = get_column_letter(list_column)
        put(list_sheet.cell(1, list_column), column.title).font = _HEADER
        for row, value in enumerate(values, start=2):
            put(list_sheet.cell(row, list_column), value)
        list_sheet.column_dimensions[list_letter].width = max(len(v) for v in values) + 2
        source = f"{quote_sheetname(LISTS_SHEET)}!${list_letter}$2:${list_letter}${len(values) + 1}"
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Giá trị không có trong danh mục",
            error=f"Chọn một giá trị trong danh sách “{column.title}”.",
        )
        validation.add(f"{letter}2:{letter}{VALIDATED_ROWS + 1}")
        sheet.add_data_validation(validation)
        list_column += 1


def write_template(kind: str, path: Path, profile: ProgramProfile) -> Path:
    """Write the template for ``members`` or ``initiatives`` to ``path`` (atomically)."""
    try:
        which = TemplateKind(kind)
    except ValueError:
        raise InputError(
            f"Không có mẫu “{kind}”; dùng members (đoàn viên) hoặc initiatives (sáng kiến)."
        ) from None
    book = Workbook()
    sheet = book.active
    list_sheet = book.create_sheet(LISTS_SHEET)
    if which == TemplateKind.MEMBERS:
        sheet.title = members.SHEET_NAMES[0]
        _data_sheet(sheet, members.COLUMNS, _member_example(), _lists(which, profile), list_sheet)
    else:
        sheet.title = initiatives.SHEET_NAMES[0]
        _data_sheet(
            sheet,
            initiatives.COLUMNS,
            _initiative_example(profile),
            _lists(which, profile),
            list_sheet,
        )
        start = list_sheet.max_column + 2
        for title, items in _reference(profile):
            put(list_sheet.cell(1, start), title).font = _HEADER
            put(list_sheet.cell(1, start + 1), "Tên").font = _HEADER
            for row, (code, name) in enumerate(items, start=2):
                put(list_sheet.cell(row, start), code)
                put(list_sheet.cell(row, start + 1), name)
            list_sheet.column_dimensions[get_column_letter(start)].width = 24
            list_sheet.column_dimensions[get_column_letter(start + 1)].width = 60
            start += 3
    list_sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())
    return path
