"""Importing a member list from Excel: messy sheets import, bad ones are refused whole with the
exact row and column, re-importing does not duplicate, 20,000 rows import and cancel cleanly."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from sangkien_desktop.errors import InputError
from sangkien_desktop.services.members import import_members, read_member_sheet
from sangkien_desktop.spreadsheets.members import (
    import_member_file,
    import_preview,
    plan,
    read_members,
)
from sangkien_desktop.spreadsheets.preview import Action, ImportCancelled, Severity
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Member
from tests.spreadsheets.conftest import nfd, store_formula_result, write_sheet

TODAY = date(2024, 6, 1)


def _members(db: Database) -> list[tuple[str, date | None, str]]:
    with db.reader() as session:
        rows = session.execute(
            select(Member.full_name, Member.birth_date, Member.department).order_by(Member.id)
        )
        return [(n, b, d) for n, b, d in rows]


def _messy(path: Path) -> Path:
    """A title merged over the header, headers in capitals without accents in another order,
    a numbering row, blank rows, text dates of three kinds, NFD names, trailing fills."""
    return write_sheet(
        path,
        [
            ["STT", "PHONG BAN", "HO VA TEN", "Ngày sinh (dd/mm/yyyy)", "gioi tinh", "Ghi chú"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
            [1, "Phân xưởng Hàn", nfd("Nguyễn Thị Hường"), "12/04/1986", "Nữ", "tổ trưởng"],
            [None, None, None, None, None, None],
            [2, "Phòng Kỹ thuật", "  Đặng   Văn Đức ", "3/2/90", "nam", None],
            [3, "Kho vận", "Lê Minh Tâm", datetime(1979, 11, 30), "NAM", None],
            [None, None, None, None, None, None],
            [4, "Kho vận", nfd("Phạm Thị Ỷ"), "05-06-1995", "nu", None],
        ],
        caption="DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CÔNG TY",
        trailing_formatted_rows=40,
    )


def test_messy_member_list_imports_every_person(db: Database, sheet_path: Path) -> None:
    added, updated = import_member_file(db, _messy(sheet_path))
    assert (added, updated) == (4, 0)
    assert _members(db) == [
        ("Nguyễn Thị Hường", date(1986, 4, 12), "Phân xưởng Hàn"),
        ("Đặng Văn Đức", date(1990, 2, 3), "Phòng Kỹ thuật"),
        ("Lê Minh Tâm", date(1979, 11, 30), "Kho vận"),
        ("Phạm Thị Ỷ", date(1995, 6, 5), "Kho vận"),
    ]


def test_preview_names_the_header_row_columns_read_and_ignored(sheet_path: Path) -> None:
    preview = read_members(_messy(sheet_path))
    assert preview.header_row == 2
    assert preview.columns["full_name"] == ("C", "HO VA TEN")
    assert preview.columns["birth_date"] == ("D", "Ngày sinh (dd/mm/yyyy)")
    assert preview.ignored == ["F: Ghi chú"]
    assert [r.row for r in preview.rows] == [4, 6, 7, 9]


def test_reimporting_the_same_list_updates_instead_of_duplicating(
    db: Database, sheet_path: Path
) -> None:
    path = _messy(sheet_path)
    import_member_file(db, path)
    assert import_member_file(db, path) == (0, 4)
    assert len(_members(db)) == 4


def test_preview_marks_known_members_as_updates(db: Database, sheet_path: Path) -> None:
    path = _messy(sheet_path)
    import_member_file(db, path)
    preview = plan(db, read_members(path))
    assert {r.action for r in preview.rows} == {Action.UPDATE}


@pytest.mark.parametrize(
    ("cell", "column", "words"),
    [
        ("31/02/1991", "C (Ngày sinh)", "“31/02/1991” không phải ngày có thật"),
        ("01/01/2090", "C (Ngày sinh)", "ở sau hôm nay"),
        ("không rõ", "C (Ngày sinh)", "không phải ngày dạng dd/mm/yyyy"),
    ],
)
def test_bad_date_is_refused_naming_sheet_row_and_column(
    sheet_path: Path, cell: str, column: str, words: str
) -> None:
    write_sheet(
        sheet_path,
        [["STT", "Họ và tên", "Ngày sinh"], [1, "Nguyễn Văn An", "01/01/1990"], [2, "B", cell]],
    )
    preview = read_members(sheet_path, today=TODAY)
    [problem] = preview.errors
    assert str(problem).startswith(f"Trang “Đoàn viên”, dòng 3, cột {column}: ")
    assert words in str(problem)


def test_every_bad_row_is_listed_not_only_the_first(sheet_path: Path) -> None:
    write_sheet(
        sheet_path,
        [
            ["Họ và tên", "Giới tính", "Đối tượng"],
            ["Nguyễn Văn An", "Nam", "Đoàn viên"],
            ["Trần Thị Bình", "Khác", "Đoàn viên"],
            [None, "Nữ", "Đoàn viên"],
            ["Lê Văn Cường", "Nam", "Chủ tịch"],
        ],
    )
    preview = read_members(sheet_path)
    assert [(p.row, p.column) for p in preview.errors] == [(3, "B"), (4, "A"), (5, "C")]
    assert "họ và tên không được để trống" in str(preview.errors[1])
    assert "Cán bộ công đoàn" in str(preview.errors[2])  # the choices are named


def test_refused_file_leaves_the_database_unchanged(db: Database, sheet_path: Path) -> None:
    import_member_file(db, _messy(sheet_path))
    before = _members(db)
    write_sheet(
        sheet_path,
        [["Họ và tên", "Ngày sinh"], ["Người Mới", "01/01/1990"], ["Sai Ngày", "32/01/1990"]],
    )
    with pytest.raises(InputError, match="dòng 3, cột B"):
        import_member_file(db, sheet_path)
    assert _members(db) == before


def test_sheet_without_a_name_column_is_refused(sheet_path: Path) -> None:
    write_sheet(sheet_path, [["STT", "Ngày sinh"], [1, "01/01/1990"]])
    preview = read_members(sheet_path)
    assert not preview.ok
    assert "không thấy cột “Họ và tên”" in str(preview.errors[0])


def test_two_columns_with_the_same_meaning_are_refused(sheet_path: Path) -> None:
    write_sheet(sheet_path, [["Họ và tên", "Đơn vị", "Phòng ban"], ["A", "X", "Y"]])
    [problem] = read_members(sheet_path).errors
    assert "cột B và cột C cùng là “Phòng ban”" in str(problem)


def test_two_line_header_with_merged_cells_is_understood(sheet_path: Path) -> None:
    write_sheet(
        sheet_path,
        [
            ["STT", "Họ và tên", "Ngày sinh", "Công tác", None],
            [None, None, None, "Phòng ban", "Chức vụ"],
            [1, "Nguyễn Văn An", "01/01/1990", "Kho vận", "Thủ kho"],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1"],
    )
    preview = read_members(sheet_path)
    assert preview.ok, preview.errors
    [row] = preview.values()
    assert (row.full_name, row.department, row.position) == ("Nguyễn Văn An", "Kho vận", "Thủ kho")


def test_hidden_sheets_are_not_read(sheet_path: Path) -> None:
    write_sheet(
        sheet_path,
        [["Họ và tên"], ["Nguyễn Văn An"]],
        title="DS",
        extra_sheets=[("Đoàn viên", "hidden")],
    )
    assert [m.full_name for m in read_members(sheet_path).values()] == ["Nguyễn Văn An"]


def test_formula_without_a_stored_result_is_refused_at_its_cell(sheet_path: Path) -> None:
    write_sheet(sheet_path, [["Họ và tên", "Ngày sinh"], ["Nguyễn Văn An", "=DATE(1990,1,1)"]])
    [problem] = read_members(sheet_path).errors
    assert problem.row == 2 and problem.column == "B"
    assert "công thức" in problem.message


def test_formula_with_the_result_excel_stored_is_read(sheet_path: Path) -> None:
    write_sheet(sheet_path, [["Họ và tên", "Phòng ban"], ["Nguyễn Văn An", '=UPPER("kho")']])
    store_formula_result(sheet_path, "B2", "KHO")
    [member] = read_members(sheet_path).values()
    assert member.department == "KHO"


def test_duplicate_person_in_the_file_is_a_warning_not_an_error(sheet_path: Path) -> None:
    write_sheet(
        sheet_path,
        [["Họ và tên", "Ngày sinh"], ["Nguyễn Văn An", "01/01/1990"], ["NGUYEN VAN AN", "1/1/90"]],
    )
    preview = read_members(sheet_path)
    assert preview.ok
    [warning] = preview.warnings
    assert warning.severity == Severity.WARNING and "dòng 2" in warning.message


def test_old_excel_format_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "ds.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not really")
    with pytest.raises(InputError, match=r"Excel 97-2003 \(\.xls\)"):
        read_members(path)


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_text("Họ và tên\nNguyễn Văn An\n", encoding="utf-8")
    with pytest.raises(InputError, match="không phải bảng tính Excel"):
        read_members(path)


def test_existing_members_api_keeps_working(db: Database, sheet_path: Path) -> None:
    members = read_member_sheet(_messy(sheet_path))
    assert import_members(db, members) == (4, 0)
    assert import_members(db, members) == (0, 4)


def test_existing_reader_raises_with_row_and_value(sheet_path: Path) -> None:
    write_sheet(sheet_path, [["Họ và tên", "Ngày sinh"], ["Trần Thị Bình", "31/02/1991"]])
    with pytest.raises(InputError, match=r"dòng 2, cột B \(Ngày sinh\).*31/02/1991"):
        read_member_sheet(sheet_path)


# A list of 20,000 members --------------------------------------------------------------------
BIG = 20_000


@pytest.fixture(scope="module")
def big_sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "20000.xlsx"
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Đoàn viên")
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Phòng ban"])
    for n in range(1, BIG + 1):
        sheet.append([n, f"Người Số {n}", date(1970 + n % 30, 1 + n % 12, 1 + n % 28), "Kho"])
    book.save(path)
    return path


def _count(db: Database) -> int:
    with db.reader() as session:
        return session.scalar(select(func.count()).select_from(Member)) or 0


def test_twenty_thousand_rows_import_with_progress(db: Database, big_sheet: Path) -> None:
    seen: list[tuple[int, int]] = []
    preview = read_members(big_sheet, lambda done, total: seen.append((done, total)) or True)
    assert len(preview.rows) == BIG and preview.ok
    assert import_preview(db, preview) == (BIG, 0)
    assert _count(db) == BIG
    assert seen[-1] == (BIG + 1, BIG + 1)  # the last row read, of all rows
    assert len(seen) > 10


def test_cancelling_a_big_import_while_writing_leaves_nothing(
    db: Database, big_sheet: Path
) -> None:
    preview = read_members(big_sheet)
    with pytest.raises(InputError, match="Đã hủy"):
        import_preview(db, preview, progress=lambda done, total: done < total // 2)
    assert _count(db) == 0


def test_cancelling_while_reading_stops_before_the_end(big_sheet: Path) -> None:
    with pytest.raises(ImportCancelled):
        read_members(big_sheet, lambda done, total: done < 5_000)


def test_a_name_longer_than_the_register_keeps_is_refused_at_its_cell(sheet_path: Path) -> None:
    write_sheet(sheet_path, [["STT", "Họ và tên"], [1, "Nguyễn " * 40]])
    [problem] = read_members(sheet_path).errors
    assert (problem.row, problem.column) == (2, "B") and "quá giới hạn 200 ký tự" in problem.message


def test_a_sheet_with_too_many_rows_is_refused_naming_the_limit(
    sheet_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sangkien_desktop.spreadsheets import sheet

    monkeypatch.setattr(sheet, "MAX_DATA_ROWS", 3)
    write_sheet(sheet_path, [["Họ và tên"], *[[f"Người {n}"] for n in range(5)]])
    preview = read_members(sheet_path)
    assert not preview.ok
    assert "hơn 3 dòng dữ liệu" in str(preview.problems[0]) and preview.problems[0].row == 5


def test_a_workbook_that_would_inflate_too_much_is_refused(
    sheet_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sangkien_desktop.spreadsheets import sheet

    monkeypatch.setattr(sheet, "MAX_INFLATED_BYTES", 1_000)
    write_sheet(sheet_path, [["Họ và tên"], ["Nguyễn Văn An"]])
    with pytest.raises(InputError, match="giải nén ra quá lớn"):
        read_members(sheet_path)
