"""Formatted tables in an .xlsx: a title, a styled header row that is frozen, filtered and
repeated on every printed page, column widths, number formats (money ``#,##0 "đ"`` — Excel
shows it with dots on a Vietnamese PC — and dates ``dd/mm/yyyy``), A4 landscape.

Rows stream through openpyxl's write-only mode: one styled cell per column is reused for every
row (openpyxl writes a row the moment it is appended), so a formatted export costs about what a
bare write-only dump of the same values costs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from sangkien_desktop.errors import InputError
from sangkien_desktop.files import atomic_write_bytes
from sangkien_desktop.spreadsheets.cells import put
from sangkien_desktop.text import format_number

MONEY_FORMAT = '#,##0 "đ"'
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
#: Excel's limit on the rows of a sheet (header rows included).
MAX_SHEET_ROWS = 1_048_576
_THIN = Side(style="thin", color="B7BEC8")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F2")
_TOTAL_FILL = PatternFill("solid", fgColor="F2F4F7")
FONT_NAME = "Times New Roman"  # what Vietnamese administrative documents use
LINE_HEIGHT = 15  # points, for 11-point text
#: Characters of Vietnamese text in Times New Roman 11 per unit of column width (measured).
CHARS_PER_WIDTH = 1.15
MAX_LINES = 8


class Kind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"  # wrapped
    DATE = "date"
    DATETIME = "datetime"
    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"  # a fraction: 0.125 shows 12.5%
    DECIMAL = "decimal"


_FORMATS = {
    Kind.DATE: DATE_FORMAT,
    Kind.DATETIME: DATETIME_FORMAT,
    Kind.MONEY: MONEY_FORMAT,
    Kind.COUNT: COUNT_FORMAT,
    Kind.PERCENT: PERCENT_FORMAT,
    Kind.DECIMAL: "0.##",
}


@dataclass(frozen=True)
class Field:
    title: str
    width: float = 16
    kind: Kind = Kind.TEXT


def _styled(
    sheet: Any, kind: Kind, column: int = 1, *, bold: bool = False, fill: PatternFill | None = None
) -> Any:
    cell = WriteOnlyCell(sheet)
    cell.column = column
    cell.font = Font(name=FONT_NAME, size=11, bold=bold)
    cell.border = _BORDER
    if kind in _FORMATS:
        cell.number_format = _FORMATS[kind]
    wrap = kind == Kind.LONG_TEXT
    right = kind in (Kind.MONEY, Kind.COUNT, Kind.PERCENT, Kind.DECIMAL)
    centre = kind in (Kind.DATE, Kind.DATETIME)
    cell.alignment = Alignment(
        horizontal="right" if right else "center" if centre else "left",
        vertical="top",
        wrap_text=wrap,
    )
    if fill is not None:
        cell.fill = fill
    return cell


def _as_they_are(cells: Sequence[Any], row: int) -> Iterable[Any]:
    for cell in cells:
        cell.row = row
        yield cell


class TableSheet:
    """One sheet: title lines, then a header row and the data rows."""

    def __init__(
        self,
        workbook: Workbook,
        name: str,
        fields: Sequence[Field],
        title: str,
        subtitle: str = "",
    ) -> None:
        self.sheet = workbook.create_sheet(name[:31])
        self.fields = list(fields)
        sheet = self.sheet
        lines = [title, subtitle] if subtitle else [title]
        self.header_row = len(lines) + 2
        last = get_column_letter(len(self.fields))
        for i, f in enumerate(self.fields, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = f.width
        sheet.freeze_panes = f"A{self.header_row + 1}"
        sheet.print_title_rows = f"{self.header_row}:{self.header_row}"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = "9"  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.page_margins.left = sheet.page_margins.right = 0.4
        sheet.page_margins.top = sheet.page_margins.bottom = 0.6
        sheet.print_options.horizontalCentered = True
        sheet.oddFooter.center.text = "Trang &P/&N"
        sheet.oddFooter.center.font = FONT_NAME
        heading = put(WriteOnlyCell(sheet), title)
        heading.font = Font(name=FONT_NAME, size=14, bold=True)
        sheet.append([heading])
        if subtitle:
            note = put(WriteOnlyCell(sheet), subtitle)
            note.font = Font(name=FONT_NAME, size=11, italic=True)
            sheet.append([note])
        sheet.append([])
        header = []
        for f in self.fields:
            cell = _styled(sheet, Kind.LONG_TEXT, bold=True, fill=_HEADER_FILL)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            put(cell, f.title)
            header.append(cell)
        self.rows = self.header_row - 1
        self._height(header, [(i, f.width) for i, f in enumerate(self.fields)])
        sheet.append(header)
        self._wrapped = [
            (i, f.width) for i, f in enumerate(self.fields) if f.kind == Kind.LONG_TEXT
        ]
        self._cells = [_styled(sheet, f.kind, i) for i, f in enumerate(self.fields, start=1)]
        self._total_cells = [
            _styled(sheet, f.kind, i, bold=True, fill=_TOTAL_FILL)
            for i, f in enumerate(self.fields, start=1)
        ]
        # From here on every appended row is a list of our styled cells, values bound: hand
        # them to the writer as they are (openpyxl's default re-binds each one through an
        # exception and allocates a new cell per styled value, which doubles the cost).
        sheet._values_to_row = _as_they_are
        self.rows = self.header_row
        self._last_column = last

    def append(self, values: Sequence[Any]) -> None:
        if self.rows >= MAX_SHEET_ROWS - 1:
            raise InputError(
                f"Trang {self.sheet.title} vượt quá {format_number(MAX_SHEET_ROWS)} dòng, Excel "
                "không mở được; hãy lọc bớt trước khi xuất."
            )
        cells = self._cells
        for cell, value in zip(cells, values, strict=False):
            put(cell, value)
        if self._wrapped:
            self._height(cells, self._wrapped)
        self.sheet.append(cells)
        self.rows += 1

    def _height(self, cells: Sequence[Any], columns: Sequence[tuple[int, float]]) -> None:
        """Give the next row the height its wrapped text needs: neither Excel nor LibreOffice
        fits rows to wrapped text when they open a file."""
        lines = 1
        for index, width in columns:
            value = cells[index].value
            if isinstance(value, str) and len(value) > width:
                per_line = max(width * CHARS_PER_WIDTH, 1)
                needed = sum(math.ceil(max(len(part), 1) / per_line) for part in value.split("\n"))
                lines = max(lines, min(needed, MAX_LINES))
        if lines > 1:
            self.sheet.row_dimensions[self.rows + 1].height = LINE_HEIGHT * lines + 2

    def append_formatted(self, values: Sequence[Any], formats: dict[int, str]) -> None:
        """A row whose columns ``formats`` (index → number format) differ from the column's."""
        cells = [_styled(self.sheet, f.kind, i) for i, f in enumerate(self.fields, start=1)]
        for index, number_format in formats.items():
            cells[index].number_format = number_format
        for cell, value in zip(cells, values, strict=False):
            put(cell, value)
        self.sheet.append(cells)
        self.rows += 1

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for values in rows:
            self.append(values)

    def total(self, values: Sequence[Any]) -> None:
        """A last line in bold (the filter range stops above it)."""
        self._close_filter()
        for cell, value in zip(self._total_cells, values, strict=False):
            put(cell, value)
        self.sheet.append(self._total_cells)

    def _close_filter(self) -> None:
        if not self.sheet.auto_filter.ref:
            self.sheet.auto_filter.ref = f"A{self.header_row}:{self._last_column}{self.rows}"

    def close(self) -> None:
        self._close_filter()


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def save(workbook: Workbook, sheets: Sequence[TableSheet], path: Path) -> Path:
    """Close the sheets and write the file atomically (a crash never leaves half a file)."""
    import io

    for sheet in sheets:
        sheet.close()
    buffer = io.BytesIO()
    workbook.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())
    return path
