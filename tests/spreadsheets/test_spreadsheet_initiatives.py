"""Importing the initiatives a union kept in Excel: records built from messy rows, matched by
code on re-import, refused whole with the exact row and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from sangkien_desktop.errors import InputError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.services.initiatives import get_record, save_record
from sangkien_desktop.services.members import MemberData, add_member
from sangkien_desktop.spreadsheets.initiatives import (
    import_initiative_file,
    import_preview,
    read_initiatives,
)
from sangkien_desktop.spreadsheets.preview import Action
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative, WorkflowEvent
from tests.spreadsheets.conftest import nfd, write_sheet

HEADER = [
    "STT",
    "MÃ SÁNG KIẾN",
    "ten sang kien",
    "Loại giải pháp",
    "Tác giả (tỷ lệ đóng góp)",
    "Ngày áp dụng",
    "Giá trị làm lợi (đồng)",
    "Số QĐ",
    "Ngày QĐ",
    "Cơ quan công nhận",
    "Lĩnh vực",
]


def _row(code: str = "SK-2022-0042", **changes: Any) -> list[Any]:
    values = {
        "stt": 1,
        "code": code,
        "title": "Quy trình kiểm tra nhanh mối hàn bằng dưỡng đo tự chế",
        "kind": "Giải pháp kỹ thuật",
        "authors": "Nguyễn Thị Hường (60%); Đặng Văn Đức (40%)",
        "applied": "15/03/2022",
        "value": "125.000.000 đ",
        "decision": "15/QĐ-HĐSK",
        "decided": "20/4/2022",
        "body": "Hội đồng sáng kiến Công ty",
        "field": "Cơ khí",
    }
    values.update(changes)
    return list(values.values())


def _sheet(path: Path, *rows: list[Any], **kw: Any) -> Path:
    return write_sheet(path, [HEADER, *rows], title="Sáng kiến", **kw)


def _count(db: Database) -> int:
    with db.reader() as session:
        return session.scalar(select(func.count()).select_from(Initiative)) or 0


def test_a_row_becomes_a_full_record(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    _sheet(sheet_path, _row(), caption="DANH SÁCH SÁNG KIẾN NĂM 2022")
    result = import_initiative_file(db, sheet_path, profile)
    assert (result.added, result.updated) == (1, 0)
    record = get_record(db, "SK-2022-0042")
    assert record.kind == "KY_THUAT"
    assert [(a.full_name, a.contribution_pct) for a in record.authors] == [
        ("Nguyễn Thị Hường", 60),
        ("Đặng Văn Đức", 40),
    ]
    assert record.application.first_applied_on == date(2022, 3, 15)
    assert record.application.mode == "APPLIED"
    assert record.benefits.economic_value_vnd == 125_000_000
    assert record.recognition.decided_on == date(2022, 4, 20)
    assert record.recognition.by == "COUNCIL"
    assert record.status == "RECOGNISED"


def test_kinds_may_be_codes_or_names_in_any_case(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    _sheet(
        sheet_path,
        _row("SK-1", kind="QUAN_LY"),
        _row("SK-2", kind="giai phap tac nghiep"),
        _row("SK-3", kind="CÔNG ĐOÀN"),
        # Undecided: a research project's decision date alone makes no recognition to move to.
        _row("SK-4", kind="Đề tài NCKH", authors="Lê Văn C (100%)", decided=""),
    )
    preview = read_initiatives(db, sheet_path, profile)
    assert preview.ok, preview.errors
    assert [r.kind for r in preview.values()] == [
        "QUAN_LY",
        "TAC_NGHIEP",
        "CONG_DOAN",
        "DE_TAI_NCKH",
    ]


def test_authors_are_linked_to_the_member_of_the_same_name(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    member_id = add_member(
        db, MemberData("Nguyễn Thị Hường", date(1986, 4, 12), department="Phân xưởng Hàn")
    )
    _sheet(sheet_path, _row(authors=nfd("NGUYỄN THỊ HƯỜNG") + " (60%); Đặng Văn Đức (40%)"))
    [record] = read_initiatives(db, sheet_path, profile).values()
    first = record.authors[0]
    assert (first.member_id, first.birth_date, first.workplace) == (
        member_id,
        date(1986, 4, 12),
        "Phân xưởng Hàn",
    )
    assert record.authors[1].member_id is None


def test_reimport_matches_by_code_and_updates_instead_of_duplicating(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    _sheet(sheet_path, _row())
    import_initiative_file(db, sheet_path, profile)
    first_id = get_record(db, "SK-2022-0042").id
    _sheet(sheet_path, _row(value="150,000,000"))
    preview = read_initiatives(db, sheet_path, profile)
    assert [r.action for r in preview.rows] == [Action.UPDATE]
    result = import_preview(db, preview, profile)
    assert (result.added, result.updated) == (0, 1)
    assert _count(db) == 1
    record = get_record(db, "SK-2022-0042")
    assert record.id == first_id and record.benefits.economic_value_vnd == 150_000_000


def test_reimport_keeps_what_the_sheet_has_no_column_for(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    _sheet(sheet_path, _row())
    import_initiative_file(db, sheet_path, profile)
    record = get_record(db, "SK-2022-0042")
    record.content = "Nội dung viết trong ứng dụng."
    save_record(db, record, profile)
    import_initiative_file(db, sheet_path, profile)
    assert get_record(db, "SK-2022-0042").content == "Nội dung viết trong ứng dụng."


def test_row_without_code_gets_a_new_code_and_a_warning(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    _sheet(sheet_path, _row(""))
    preview = read_initiatives(db, sheet_path, profile)
    assert preview.ok
    assert any("cấp mã mới" in w.message for w in preview.warnings)
    import_preview(db, preview, profile)
    with db.reader() as session:
        assert session.scalars(select(Initiative.code)).all() == ["SK-2022-0001"]


@pytest.mark.parametrize(
    ("changes", "column", "words"),
    [
        ({"kind": "Sáng chế"}, "D", "loại sáng kiến “Sáng chế” không có trong danh mục"),
        ({"authors": "Nguyễn Văn A (sáu mươi)"}, "E", "tỷ lệ"),
        ({"applied": "31/02/2022"}, "F", "không phải ngày có thật"),
        ({"value": "nhiều tiền"}, "G", "không phải số tiền"),
        ({"title": None}, "C", "tên sáng kiến không được để trống"),
        ({"authors": None}, "E", "chưa ghi tác giả"),
    ],
)
def test_bad_cell_is_refused_naming_row_and_column(
    db: Database,
    profile: ProgramProfile,
    sheet_path: Path,
    changes: dict[str, Any],
    column: str,
    words: str,
) -> None:
    _sheet(sheet_path, _row("SK-1"), [None] * len(HEADER), _row("SK-2", **changes))
    preview = read_initiatives(db, sheet_path, profile)
    [problem] = preview.errors
    assert (problem.sheet, problem.row, problem.column) == ("Sáng kiến", 4, column)
    assert words in problem.message


def test_same_code_twice_in_a_file_is_refused_at_the_second(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    _sheet(sheet_path, _row("SK-1"), _row("SK-1"))
    [problem] = read_initiatives(db, sheet_path, profile).errors
    assert (problem.row, problem.column) == (3, "B") and "dòng 2" in problem.message


def test_refused_import_leaves_the_database_unchanged(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    _sheet(sheet_path, _row("SK-1"))
    import_initiative_file(db, sheet_path, profile)
    before = get_record(db, "SK-1")
    _sheet(sheet_path, _row("SK-1", value="1"), _row("SK-2", applied="hôm qua"))
    with pytest.raises(InputError, match="dòng 3, cột F"):
        import_initiative_file(db, sheet_path, profile)
    assert _count(db) == 1
    assert get_record(db, "SK-1") == before


def test_cancelling_while_writing_leaves_nothing(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    _sheet(sheet_path, *[_row(f"SK-{n}") for n in range(1, 31)])
    preview = read_initiatives(db, sheet_path, profile)
    with pytest.raises(InputError, match="Đã hủy"):
        import_preview(db, preview, profile, progress=lambda done, total: done < 20)
    assert _count(db) == 0
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(WorkflowEvent)) == 0


def test_state_column_accepts_the_vietnamese_state_names(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    write_sheet(
        sheet_path,
        [["Mã", "Tên sáng kiến", "Loại", "Tác giả", "Trạng thái"],
         ["SK-1", "Một", "KY_THUAT", "Lê Văn C", "Sẵn sàng gửi"],
         ["SK-2", "Hai", "KY_THUAT", "Lê Văn D", "đang hoàn thiện hồ sơ"]],
    )  # fmt: skip
    assert [r.status for r in read_initiatives(db, sheet_path, profile).values()] == [
        "READY",
        "DRAFTING",
    ]


def test_shares_not_adding_up_is_a_warning(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    _sheet(sheet_path, _row(authors="A Văn (50%); B Thị (40%)"))
    preview = read_initiatives(db, sheet_path, profile)
    assert preview.ok
    [warning] = [w for w in preview.warnings if "90%" in w.message]
    assert warning.column == "E"


def test_a_sheet_without_the_recogniser_column_says_so_once(
    db: Database, profile: ProgramProfile, sheet_path: Path
) -> None:
    _sheet(sheet_path, _row("SK-1"), _row("SK-2"))
    preview = read_initiatives(db, sheet_path, profile)
    [warning] = [w for w in preview.warnings if "Cấp công nhận" in w.message]
    assert warning.row is None and "2 sáng kiến" in warning.message
    assert [r.value.recognition.by for r in preview.rows if r.value] == ["COUNCIL", "COUNCIL"]
