"""Workbooks as union offices make them, built in code: a title merged above the header, headers
in any case, accents or order, blank rows, trailing formatting, text dates, NFD names."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.styles import PatternFill


def nfd(text: str) -> str:
    """Text as Word or a web page pastes it: letters and accents as separate characters."""
    return unicodedata.normalize("NFD", text)


def write_sheet(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    title: str = "Đoàn viên",
    caption: str | None = None,
    trailing_formatted_rows: int = 0,
    merges: Sequence[str] = (),
    extra_sheets: Sequence[tuple[str, str]] = (),
) -> Path:
    """One sheet: an optional caption merged across the top, ``rows``, then empty rows that only
    carry a fill (what Excel keeps after someone colours a whole block)."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    if caption is not None:
        sheet.append([caption])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(rows[0]), 2))
    for row in rows:
        sheet.append(list(row))
    fill = PatternFill("solid", fgColor="FFFF00")
    last = sheet.max_row
    for extra in range(1, trailing_formatted_rows + 1):
        for column in range(1, len(rows[0]) + 1):
            sheet.cell(last + extra, column).fill = fill
    for cells in merges:
        sheet.merge_cells(cells)
    for name, state in extra_sheets:
        other = book.create_sheet(name)
        other.append(["Họ và tên"])
        other.append(["Không được đọc"])
        other.sheet_state = state
    book.save(path)
    return path


def store_formula_result(path: Path, cell: str, value: str) -> Path:
    """Give a formula cell the cached result Excel would have saved with it."""
    source = zipfile.ZipFile(path)
    parts = {name: source.read(name) for name in source.namelist()}
    source.close()
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode()
    kind = "" if value.replace(".", "").isdigit() else ' t="str"'

    def with_result(match: re.Match[str]) -> str:
        attributes = match[1].replace(' t="n"', "")
        return f'<c r="{cell}"{attributes}{kind}>{match[2]}<v>{value}</v>'

    xml = re.sub(rf'<c r="{cell}"([^>]*)>(<f>[^<]*</f>)(<v\s*/>|<v></v>)?', with_result, xml)
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)
    return path


@pytest.fixture
def sheet_path(tmp_path: Path) -> Path:
    return tmp_path / "bang-tinh.xlsx"
