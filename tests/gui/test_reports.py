"""The reports screen: statistics tables, targets edited in place, Excel exports and imports with
a preview (dialogs monkeypatched, as the house does)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialogButtonBox, QSpinBox

from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.screens.reports import TARGET_ROLE, ReportsScreen
from sangkien_desktop.gui.spreadsheet_dialogs import ImportPreviewDialog, OpenSheet, SaveSheet
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.services.initiatives import count
from sangkien_desktop.spreadsheets.members import read_members
from sangkien_desktop.stats import build_report
from sangkien_desktop.storage import Database
from tests.spreadsheets.conftest import write_sheet

pytestmark = pytest.mark.gui


def _loaded(qtbot: Any, window: MainWindow) -> ReportsScreen:
    window.show_screen("reports")
    screen = window.screens["reports"]
    assert isinstance(screen, ReportsScreen)
    qtbot.waitUntil(lambda: screen.report is not None and screen.loader.task is None)
    return screen


def _column(table: Any, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_tables_show_the_demo_figures(qtbot: Any, window: MainWindow) -> None:
    screen = _loaded(qtbot, window)
    assert _column(screen.state_table, 0)[-1] == "Tổng cộng"
    assert _column(screen.state_table, 1)[-1] == "80"
    assert _column(screen.kind_table, 3)[-1] == "4.746.500.000 đ"
    assert _column(screen.phase_table, 0) == [
        "Giai đoạn 1",
        "Giai đoạn 2",
        "Chưa xác định giai đoạn",
        "Tổng cộng",
    ]
    assert "13,3%" in screen.summary.text()
    assert screen.department_table.rowCount() == 10
    assert "(Chưa giao)" in _column(screen.workload_table, 0)


def test_editing_a_target_in_place_saves_it(
    qtbot: Any, window: MainWindow, demo_db: Database, profile: ProgramProfile
) -> None:
    screen = _loaded(qtbot, window)
    row = _column(screen.target_table, 0).index("Quý 3/2021")
    screen.target_table.item(row, 1).setData(TARGET_ROLE, 12)
    qtbot.waitUntil(lambda: screen.target_table.item(row, 1).text() == "12")
    quarters = {(q.year, q.quarter): q.target for q in build_report(demo_db, profile).quarters}
    assert quarters[(2021, 3)] == 12
    assert "Đã lưu chỉ tiêu Quý 3/2021: 12" in screen.feedback.text()


def test_zero_removes_a_phase_target(
    qtbot: Any, window: MainWindow, demo_db: Database, profile: ProgramProfile
) -> None:
    screen = _loaded(qtbot, window)
    screen.target_table.item(0, 1).setData(TARGET_ROLE, 0)
    qtbot.waitUntil(lambda: screen.target_table.item(0, 1).text() == "")
    assert build_report(demo_db, profile).phases[0].target is None


def test_target_editor_is_a_number_box_with_no_target_at_zero(
    qtbot: Any, window: MainWindow
) -> None:
    screen = _loaded(qtbot, window)
    table = screen.target_table
    table.setCurrentCell(0, 1)
    table.editItem(table.item(0, 1))
    editor = table.findChild(QSpinBox, "targetEditor")
    assert editor is not None and editor.value() == 30
    assert editor.specialValueText() == "Chưa đặt"


def test_statistics_export_writes_the_workbook_chosen(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _loaded(qtbot, window)
    target = tmp_path / "bao-cao.xlsx"
    monkeypatch.setattr(SaveSheet, "ask", classmethod(lambda cls, *a: target))
    screen.export_stats_action.trigger()
    qtbot.waitUntil(lambda: "Đã lưu" in screen.feedback.text())
    assert load_workbook(target).sheetnames[0] == "Tổng hợp"


def test_initiatives_export_follows_the_list_as_shown(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = window.initiatives_screen
    listing.state_filter.setCurrentIndex(listing.state_filter.findData("READY"))
    screen = _loaded(qtbot, window)
    target = tmp_path / "ds.xlsx"
    monkeypatch.setattr(SaveSheet, "ask", classmethod(lambda cls, *a: target))
    screen.export_initiatives_action.trigger()
    qtbot.waitUntil(lambda: "Đã xuất 15 sáng kiến" in screen.feedback.text())
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[4]]
    assert header[:4] == ["Mã sáng kiến", "Tên sáng kiến", "Tác giả", "Tác giả được công nhận"]
    assert "Lĩnh vực" not in header  # hidden on screen, so not exported
    assert sheet.max_row == 4 + 15


def _initiative_sheet(path: Path, kind: str = "Giải pháp quản lý") -> Path:
    return write_sheet(
        path,
        [["Mã sáng kiến", "Tên sáng kiến", "Loại", "Tác giả"],
         ["SK-2024-0001", "Sổ tay an toàn bằng mã QR", kind, "Lê Văn C (100%)"]],
        title="Sáng kiến",
    )  # fmt: skip


def _answer(shown: list[Any], answer: bool) -> Any:
    """A stand-in for the preview dialog: keeps the preview it was shown, answers ``answer``."""

    def ask(cls: Any, parent: Any, preview: Any, what: str) -> bool:
        shown.append(preview)
        return answer

    return ask


def test_import_shows_the_preview_then_writes(
    qtbot: Any,
    window: MainWindow,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = _loaded(qtbot, window)
    path = _initiative_sheet(tmp_path / "sk.xlsx")
    shown: list[Any] = []
    monkeypatch.setattr(OpenSheet, "ask", classmethod(lambda cls, *a: path))
    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(_answer(shown, True)))
    screen.import_initiatives_action.trigger()
    qtbot.waitUntil(lambda: "Đã nhập 1 sáng kiến mới" in screen.feedback.text())
    assert shown[0].ok and len(shown[0].rows) == 1
    assert count(demo_db) == 81


def test_import_with_errors_writes_nothing(
    qtbot: Any,
    window: MainWindow,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = _loaded(qtbot, window)
    path = _initiative_sheet(tmp_path / "sk.xlsx", kind="Sáng chế")
    shown: list[Any] = []
    monkeypatch.setattr(OpenSheet, "ask", classmethod(lambda cls, *a: path))
    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(_answer(shown, False)))
    screen.import_initiatives_action.trigger()
    qtbot.waitUntil(lambda: "Chưa nhập gì" in screen.feedback.text())
    assert not shown[0].ok and count(demo_db) == 80


def test_preview_dialog_lists_problem_rows_and_refuses_to_import(
    qtbot: Any, tmp_path: Path
) -> None:
    path = write_sheet(
        tmp_path / "dv.xlsx",
        [
            ["Họ và tên", "Ngày sinh"],
            ["Nguyễn Văn An", "01/01/1990"],
            ["Lê Thị Bình", "31/02/1990"],
        ],
    )
    dialog = ImportPreviewDialog(None, read_members(path), "đoàn viên")
    qtbot.addWidget(dialog)
    assert dialog.problems_only.isChecked()
    assert dialog.model.rowCount() == 1
    index = dialog.model.index(0, 3)
    assert "cột B" in index.data() and "31/02/1990" in index.data()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.problems_only.setChecked(False)
    assert dialog.model.rowCount() == 2


def test_member_import_from_the_reports_screen(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _loaded(qtbot, window)
    path = write_sheet(tmp_path / "dv.xlsx", [["Họ và tên"], ["Người Mới Tuyển"]])
    monkeypatch.setattr(OpenSheet, "ask", classmethod(lambda cls, *a: path))
    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(lambda cls, *a: True))
    screen.import_members_action.trigger()
    qtbot.waitUntil(lambda: "Đã nhập 1 đoàn viên mới" in screen.feedback.text())


def test_template_is_saved_where_chosen(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _loaded(qtbot, window)
    target = tmp_path / "mau.xlsx"
    monkeypatch.setattr(SaveSheet, "ask", classmethod(lambda cls, *a: target))
    screen.template_members_action.trigger()
    assert load_workbook(target).sheetnames == ["Đoàn viên", "Danh mục"]
    assert "Đã lưu tệp mẫu" in screen.feedback.text()
