"""Messages about a spreadsheet's limits: numbers grouped with dots, the sentence's own commas
kept (grouping once turned every comma of the message into a full stop)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sangkien_desktop.errors import InputError
from sangkien_desktop.spreadsheets import sheet, workbook
from sangkien_desktop.spreadsheets.members import read_members
from sangkien_desktop.spreadsheets.workbook import Field, TableSheet, new_workbook


def test_too_many_rows_to_export_keeps_its_commas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_SHEET_ROWS", 1_010)
    book = new_workbook()
    table = TableSheet(book, "Sáng kiến", [Field("Mã")], "DANH SÁCH")
    with pytest.raises(InputError) as caught:
        for n in range(1_010):
            table.append([str(n)])
    workbook.save(book, [table], tmp_path / "xong.xlsx")  # the write-only sheet ends cleanly
    assert caught.value.message == (
        "Trang Sáng kiến vượt quá 1.010 dòng, Excel không mở được; hãy lọc bớt trước khi xuất."
    )


def test_workbook_with_too_many_parts_keeps_its_commas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet, "MAX_ZIP_ENTRIES", 1_000)
    path = tmp_path / "nhieu-phan.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(1_001):
            archive.writestr(f"xl/part{n}.xml", "<x/>")
    with pytest.raises(InputError) as caught:
        read_members(path)
    assert caught.value.message == (
        "Tệp nhieu-phan.xlsx: chứa 1.001 phần, vượt giới hạn 1.000 phần của một bảng tính "
        "(tệp hỏng hoặc bất thường)."
    )


def test_part_with_a_bomb_ratio_keeps_its_commas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet, "RATIO_FLOOR", 1024)
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/bom.bin", bytes(2 * 1024 * 1024))
    with pytest.raises(InputError) as caught:
        read_members(path)
    assert "(2.097.152 byte từ " in caught.value.message
    assert caught.value.message.endswith(" byte; nghi tệp zip “bom”), không đọc.")
