"""The Excel preview shows the workflow moves an import makes, as moves: the ones the signed-in
account may make beside the row, the others as errors naming the row, the column and the move
(issue 16 point 1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.services.initiatives import get_record
from sangkien_desktop.spreadsheets.initiatives import import_preview, read_initiatives
from sangkien_desktop.storage import Database
from tests.offices import open_office, signed_in
from tests.spreadsheets.conftest import write_sheet

HEADER = ["Mã", "Tên sáng kiến", "Loại", "Tác giả", "Trạng thái", "Ngày nộp Hội đồng"]


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    db = open_office(tmp_path / "sangkien.sqlite", monkeypatch)
    yield db
    db.close()


def _sheet(path: Path, *rows: list[Any]) -> Path:
    return write_sheet(path, [HEADER, *rows], title="Sáng kiến")


def test_support_preview_shows_a_recognition_as_a_move_it_may_not_make(
    office: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    path = _sheet(
        tmp_path / "in.xlsx", ["SK-9", "Một", "KY_THUAT", "Lê Văn C", "Đã được công nhận"]
    )
    preview = read_initiatives(signed_in(office, "ho"), path, profile)
    [row] = preview.rows
    assert row.has_error and not preview.ok
    [problem] = [p for p in row.problems if "→" in p.message]
    assert (problem.row, problem.column, problem.header) == (2, "E", "Trạng thái")
    assert problem.message.startswith(
        "sáng kiến SK-9, trường status: IDEA → DRAFTING → SUBMITTED → RECOGNISED: không được "
        "phép với vai trò Tổ hỗ trợ sáng kiến (bước SUBMITTED → RECOGNISED cần quyền công nhận"
    )


def test_support_preview_shows_a_legal_move_beside_the_row(
    office: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    row = ["SK-9", "Một", "KY_THUAT", "Lê Văn C", "Đang hoàn thiện hồ sơ"]
    first = read_initiatives(signed_in(office, "ho"), _sheet(tmp_path / "a.xlsx", row), profile)
    assert first.rows[0].moves == "IDEA → DRAFTING"
    import_preview(office, first, profile)
    row[4:] = ["Đã nộp Hội đồng", "01/04/2022"]
    preview = read_initiatives(office, _sheet(tmp_path / "b.xlsx", row), profile)
    assert preview.ok
    assert preview.rows[0].moves == "DRAFTING → SUBMITTED"
    import_preview(office, preview, profile)
    assert get_record(office, "SK-9").status == "SUBMITTED"


@pytest.mark.parametrize(
    ("user", "ok"),
    [("chu", True), ("ho", False)],
)
def test_decision_date_alone_is_a_recognition_only_the_chair_may_import(
    office: Database, profile: ProgramProfile, tmp_path: Path, user: str, ok: bool
) -> None:
    path = write_sheet(
        tmp_path / "in.xlsx",
        [["Mã", "Tên sáng kiến", "Loại", "Tác giả", "Ngày QĐ"],
         ["SK-9", "Một", "KY_THUAT", "Lê Văn C", "20/4/2022"]],
        title="Sáng kiến",
    )  # fmt: skip
    preview = read_initiatives(signed_in(office, user), path, profile)
    assert preview.ok is ok
    assert preview.rows[0].moves == "IDEA → DRAFTING → SUBMITTED → RECOGNISED"
