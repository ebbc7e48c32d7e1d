"""Exported workbooks reopen with the values, formats, frozen header, filter and print setup the
union expects; templates carry drop-downs and import back; LibreOffice opens them."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.services.initiatives import InitiativeFilter
from sangkien_desktop.spreadsheets.export import export_initiatives, export_members, export_stats
from sangkien_desktop.spreadsheets.initiatives import import_initiative_file, read_initiatives
from sangkien_desktop.spreadsheets.members import read_members
from sangkien_desktop.spreadsheets.preview import Action
from sangkien_desktop.spreadsheets.templates import LISTS_SHEET, write_template
from sangkien_desktop.storage import Database
from tests.timing import scaled

HEADER_ROW = 4  # title, subtitle, a blank line, then the header


def _header(sheet) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.value for c in sheet[HEADER_ROW]]


def test_initiatives_workbook_has_values_formats_and_frozen_header(
    demo_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    path = tmp_path / "sk.xlsx"
    count = export_initiatives(demo_db, path, profile, InitiativeFilter(states=("READY",)))
    sheet = load_workbook(path).active
    assert count == 15 and sheet.max_row == HEADER_ROW + 15
    assert sheet["A1"].value == "DANH SÁCH SÁNG KIẾN"
    header = _header(sheet)
    assert header[:4] == ["Mã sáng kiến", "Tên sáng kiến", "Loại", "Tác giả"]
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:N{HEADER_ROW + 15}"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.cell(HEADER_ROW, 1).font.b
    row = {h: sheet.cell(HEADER_ROW + 1, i + 1) for i, h in enumerate(header)}
    assert row["Trạng thái"].value == "Sẵn sàng gửi"
    assert row["Loại"].value in {k.name for k in profile.kinds}
    assert "%)" in row["Tác giả"].value
    money = row["Giá trị làm lợi"]
    assert isinstance(money.value, int | type(None)) and money.number_format == '#,##0 "đ"'
    applied = row["Ngày áp dụng lần đầu"]
    assert isinstance(applied.value, datetime) and applied.number_format == "dd/mm/yyyy"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width


def test_initiatives_workbook_keeps_the_columns_and_order_shown(
    demo_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    path = tmp_path / "sk.xlsx"
    export_initiatives(
        demo_db, path, profile, columns=["title", "code", "economic_value_vnd"], sort="title"
    )
    sheet = load_workbook(path).active
    assert _header(sheet) == ["Tên sáng kiến", "Mã sáng kiến", "Giá trị làm lợi"]
    titles = [sheet.cell(r, 1).value for r in range(HEADER_ROW + 1, sheet.max_row + 1)]
    assert len(titles) == 80 and titles[0] <= titles[1]


def test_exported_initiatives_import_back_as_updates(
    demo_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    path = tmp_path / "sk.xlsx"
    export_initiatives(demo_db, path, profile)
    preview = read_initiatives(demo_db, path, profile)
    assert preview.ok, preview.errors[:3]
    assert preview.count(Action.UPDATE) == 80 and preview.count(Action.ADD) == 0
    result = import_initiative_file(demo_db, path, profile)
    assert (result.added, result.updated) == (0, 80)


def test_members_workbook_matches_the_import_template(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "dv.xlsx"
    assert export_members(demo_db, path) == 300
    sheet = load_workbook(path).active
    assert _header(sheet)[:3] == ["STT", "Họ và tên", "Ngày sinh"]
    assert sheet.cell(HEADER_ROW + 1, 3).number_format == "dd/mm/yyyy"
    preview = read_members(path)
    assert preview.ok and len(preview.rows) == 300


def test_statistics_workbook_holds_every_table(
    demo_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    path = tmp_path / "tk.xlsx"
    report = export_stats(demo_db, path, profile, today=date(2023, 10, 1))
    book = load_workbook(path)
    assert book.sheetnames == [
        "Tổng hợp",
        "Theo trạng thái",
        "Theo loại",
        "Theo giai đoạn",
        "Chỉ tiêu",
        "Theo phòng ban",
        "Tổ hỗ trợ",
        "Việc cần làm",
    ]
    summary = book["Tổng hợp"]
    values = {summary.cell(r, 1).value: summary.cell(r, 2) for r in range(5, summary.max_row + 1)}
    assert values["Tổng số sáng kiến đã đăng ký"].value == 80
    rate = values["Tỷ lệ tham gia"]
    assert rate.number_format == "0.0%"
    assert rate.value == pytest.approx(report.participation.authors / 300)
    assert values["Giá trị làm lợi của các sáng kiến đủ điều kiện"].number_format == '#,##0 "đ"'
    states = book["Theo trạng thái"]
    last = states.max_row
    assert states.cell(last, 1).value == "Tổng cộng" and states.cell(last, 2).value == 80
    assert states.auto_filter.ref == f"A{HEADER_ROW}:D{last - 1}"
    for sheet in book.worksheets:
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"


def test_members_template_has_dropdowns_a_hidden_list_and_a_grey_example(
    profile: ProgramProfile, tmp_path: Path
) -> None:
    path = write_template("members", tmp_path / "mau.xlsx", profile)
    book = load_workbook(path)
    sheet, lists = book["Đoàn viên"], book[LISTS_SHEET]
    assert lists.sheet_state == "hidden"
    assert sheet.freeze_panes == "B2"
    assert [c.value for c in sheet[1]][:3] == ["STT", "Họ và tên", "Ngày sinh"]
    assert sheet["A2"].value == "Ví dụ" and sheet["B2"].font.color.rgb.endswith("808080")
    formulas = {v.formula1 for v in sheet.data_validations.dataValidation}
    assert any(LISTS_SHEET in f for f in formulas) and len(formulas) == 3
    assert "Cán bộ công đoàn" in [c.value for c in lists["B"]]


def test_initiatives_template_lists_the_profile_kinds(
    profile: ProgramProfile, tmp_path: Path
) -> None:
    path = write_template("initiatives", tmp_path / "mau.xlsx", profile)
    lists = load_workbook(path)[LISTS_SHEET]
    assert [c.value for c in lists["A"]][1:8] == [k.name for k in profile.kinds]


def test_template_example_row_is_not_imported(profile: ProgramProfile, tmp_path: Path) -> None:
    path = write_template("members", tmp_path / "mau.xlsx", profile)
    preview = read_members(path)
    assert preview.ok and preview.rows == []


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_exported_workbooks_to_pdf(
    demo_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    files = [tmp_path / "thong-ke.xlsx", tmp_path / "sang-kien.xlsx"]
    export_stats(demo_db, files[0], profile)
    export_initiatives(demo_db, files[1], profile)
    done = subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
        + [str(f) for f in files],
        capture_output=True,
        timeout=scaled(120),
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    text = PdfReader(tmp_path / "sang-kien.pdf").pages[0].extract_text()
    assert "DANH SÁCH SÁNG KIẾN" in text and "Ý tưởng đăng ký" in text and "Trang 1/" in text
    assert len(PdfReader(tmp_path / "thong-ke.pdf").pages) >= 8
