"""The initiatives list: a real model over SQL, filters, search as you type."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from sangkien_desktop.gui.initiative_model import RAW_ROLE, InitiativeTableModel
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.storage import Database
from tests.gui.conftest import type_text

pytestmark = pytest.mark.gui


def test_model_passes_qt_model_tester(
    qtmodeltester: Any, demo_db: Database, profile: ProgramProfile
) -> None:
    model = InitiativeTableModel(demo_db, profile)
    model.reload()
    qtmodeltester.check(model)


def _column(model: InitiativeTableModel, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def _values(model: InitiativeTableModel, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    column = _column(model, key)
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def test_search_without_diacritics_finds_vietnamese_names(qtbot: Any, window: MainWindow) -> None:
    window.show_screen("initiatives")
    screen = window.initiatives_screen
    qtbot.keyClicks(screen.search, "nguyen dang")
    qtbot.waitUntil(lambda: 0 < screen.model.rowCount() < 5)
    assert "Nguyễn Đăng Khoa" in _values(screen.model, "credited_author")
    assert f"{screen.model.rowCount()} sáng kiến" in screen.count_label.text()


def test_search_typed_with_diacritics_matches_too(qtbot: Any, window: MainWindow) -> None:
    screen = window.initiatives_screen
    type_text(screen.search, "Nguyễn Đăng Khoa")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert _values(screen.model, "credited_author") == ["Nguyễn Đăng Khoa"]


def test_state_filter_keeps_only_that_state(qtbot: Any, window: MainWindow) -> None:
    screen = window.initiatives_screen
    screen.state_filter.setCurrentIndex(screen.state_filter.findData("READY"))
    assert screen.model.rowCount() == 15
    assert set(_values(screen.model, "status", RAW_ROLE)) == {"READY"}


def test_findings_filter_separates_errors(qtbot: Any, window: MainWindow) -> None:
    screen = window.initiatives_screen
    screen.findings_filter.setCurrentIndex(screen.findings_filter.findData("errors"))
    with_errors = screen.model.rowCount()
    assert all(v > 0 for v in _values(screen.model, "error_count", RAW_ROLE))
    screen.findings_filter.setCurrentIndex(screen.findings_filter.findData("clean"))
    assert screen.model.rowCount() == 80 - with_errors


def test_sorting_by_author_follows_vietnamese_order(qtbot: Any, window: MainWindow) -> None:
    screen = window.initiatives_screen
    column = _column(screen.model, "credited_author")
    screen.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    names = [n for n in _values(screen.model, "credited_author") if n]
    given = [n.split()[-1] for n in names]
    order = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    firsts = [order.index(g[0].lower()) for g in given if g[0].lower() in order]
    assert firsts == sorted(firsts)
    screen.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert [n for n in _values(screen.model, "credited_author") if n] == names[::-1]


def test_money_is_shown_with_dot_separators(qtbot: Any, window: MainWindow) -> None:
    shown = _values(window.initiatives_screen.model, "economic_value_vnd")
    assert "125.000.000 đ" in shown


def test_status_bar_counts_ready_initiatives(window: MainWindow) -> None:
    assert window.ready_label.text() == "15 sáng kiến sẵn sàng gửi"


def test_ctrl_f_focuses_the_search_box(qtbot: Any, window: MainWindow) -> None:
    window.show_screen("overview")
    window.findChild(type(window.menuBar().actions()[0]), "actionFind").trigger()
    assert window.current_screen() == "initiatives"
    assert window.initiatives_screen.search.hasFocus()
