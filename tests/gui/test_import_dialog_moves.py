"""The import preview dialog shows the workflow moves of each row as moves: beside the action
when the account may make them, as the row's problem when it may not (issue 16 point 1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from sangkien_desktop.gui.spreadsheet_dialogs import ImportPreviewDialog
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.spreadsheets.initiatives import read_initiatives
from sangkien_desktop.storage import Database
from tests.offices import open_office, signed_in
from tests.spreadsheets.conftest import write_sheet

pytestmark = pytest.mark.gui


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    db = open_office(tmp_path / "sangkien.sqlite", monkeypatch)
    yield db
    db.close()


def _dialog(qtbot: Any, db: Database, profile: ProgramProfile, path: Path) -> ImportPreviewDialog:
    write_sheet(
        path,
        [["Mã", "Tên sáng kiến", "Loại", "Tác giả", "Trạng thái", "Ngày QĐ"],
         ["SK-9", "Một", "KY_THUAT", "Lê Văn C", "Đã được công nhận", "20/04/2022"]],
        title="Sáng kiến",
    )  # fmt: skip
    dialog = ImportPreviewDialog(None, read_initiatives(db, path, profile), "sáng kiến")
    qtbot.addWidget(dialog)
    dialog.problems_only.setChecked(False)
    return dialog


def test_the_chair_sees_the_moves_beside_the_row(
    qtbot: Any, office: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, signed_in(office, "chu"), profile, tmp_path / "in.xlsx")
    action = dialog.model.index(0, dialog.model.ACTION).data()
    assert action == "Thêm mới: IDEA → DRAFTING → SUBMITTED → RECOGNISED"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_support_team_sees_the_move_it_may_not_make(
    qtbot: Any, office: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, signed_in(office, "ho"), profile, tmp_path / "in.xlsx")
    assert dialog.model.index(0, dialog.model.ACTION).data() == "Không nhập được"
    problems = dialog.model.index(0, dialog.model.PROBLEMS).data()
    assert "cột E: sáng kiến SK-9, trường status: IDEA → DRAFTING → SUBMITTED → RECOGNISED" in (
        problems
    )
    assert "không được phép với vai trò Tổ hỗ trợ sáng kiến" in problems
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
