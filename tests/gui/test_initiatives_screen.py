"""The initiatives list: a real model over SQL, filters, search as you type."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from sangkien_desktop.gui import initiative_model
from sangkien_desktop.gui.initiative_model import ID_ROLE, RAW_ROLE, InitiativeTableModel
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.screens.initiatives import InitiativesScreen
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.services.initiatives import InitiativeFilter, import_records
from sangkien_desktop.storage import Database
from tests.gui.conftest import delete_window, double_click, open_editors, type_text
from tests.rules.conftest import valid_initiative

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


def wait_for_rows(qtbot: Any, screen: InitiativesScreen) -> None:
    """Filters apply in the background: wait until the list shows their rows."""
    qtbot.waitUntil(lambda: not screen.is_searching())


def test_state_filter_keeps_only_that_state(qtbot: Any, window: MainWindow) -> None:
    screen = window.initiatives_screen
    screen.state_filter.setCurrentIndex(screen.state_filter.findData("READY"))
    wait_for_rows(qtbot, screen)
    assert screen.model.rowCount() == 15
    assert set(_values(screen.model, "status", RAW_ROLE)) == {"READY"}


def test_findings_filter_separates_errors(qtbot: Any, window: MainWindow) -> None:
    screen = window.initiatives_screen
    screen.findings_filter.setCurrentIndex(screen.findings_filter.findData("errors"))
    wait_for_rows(qtbot, screen)
    with_errors = screen.model.rowCount()
    assert all(v > 0 for v in _values(screen.model, "error_count", RAW_ROLE))
    screen.findings_filter.setCurrentIndex(screen.findings_filter.findData("clean"))
    wait_for_rows(qtbot, screen)
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


# The id query runs off the GUI thread ----------------------------------------------------
class SlowQuery:
    """Stands in for the list's id query: the search for ``slow_text`` waits in its worker
    until ``release`` is set, every other search runs at once."""

    def __init__(self, slow_text: str) -> None:
        self.slow_text = slow_text
        self.started = threading.Event()
        self.release = threading.Event()
        self.ended = threading.Event()
        self.real = initiative_model.list_ids

    def __call__(self, session: Any, flt: InitiativeFilter, *args: Any) -> list[str]:
        if flt.text != self.slow_text:
            return self.real(session, flt, *args)
        self.started.set()
        self.release.wait(10)
        try:
            return self.real(session, flt, *args)
        finally:
            self.ended.set()


@pytest.fixture
def slow_han(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowQuery]:
    slow = SlowQuery("hàn")
    monkeypatch.setattr(initiative_model, "list_ids", slow)
    yield slow
    slow.release.set()  # never leave a worker waiting


def test_search_query_runs_off_the_gui_thread(qtbot: Any, window: MainWindow) -> None:
    screen = window.initiatives_screen
    seen: list[bool] = []
    real = initiative_model.list_ids

    def spy(*args: Any) -> list[str]:
        seen.append(threading.current_thread() is threading.main_thread())
        return real(*args)

    initiative_model.list_ids = spy  # type: ignore[assignment]
    try:
        type_text(screen.search, "nguyen dang")
        wait_for_rows(qtbot, screen)
    finally:
        initiative_model.list_ids = real
    assert seen == [False]
    assert 0 < screen.model.rowCount() < 5


def test_only_the_newest_search_is_shown(
    qtbot: Any, window: MainWindow, slow_han: SlowQuery
) -> None:
    screen = window.initiatives_screen
    screen.search.setText("hàn")
    screen.apply_filters()
    qtbot.waitUntil(slow_han.started.is_set)
    screen.search.setText("nguyen dang")  # while the query for "hàn" still runs
    screen.apply_filters()
    wait_for_rows(qtbot, screen)
    newest = [screen.model.id_at(row) for row in range(screen.model.rowCount())]
    assert 0 < len(newest) < 5
    slow_han.release.set()
    qtbot.waitUntil(lambda: screen.model.background.running == 0)
    QCoreApplication.sendPostedEvents()  # anything the stale query sent has arrived now
    assert [screen.model.id_at(row) for row in range(screen.model.rowCount())] == newest
    assert screen.count_label.text() == f"{len(newest)} sáng kiến"


def test_count_label_says_searching_while_a_slow_query_runs(
    qtbot: Any, window: MainWindow, slow_han: SlowQuery
) -> None:
    screen = window.initiatives_screen
    type_text(screen.search, "hàn")
    qtbot.waitUntil(lambda: screen.count_label.text() == "Đang tìm…")
    assert screen.model.rowCount() == 80  # the old rows stay usable meanwhile
    slow_han.release.set()
    wait_for_rows(qtbot, screen)
    assert 0 < screen.model.rowCount() < 80
    assert screen.count_label.text() == f"{screen.model.rowCount()} sáng kiến"


def test_selection_survives_a_search_that_keeps_the_row(qtbot: Any, window: MainWindow) -> None:
    screen = window.initiatives_screen
    codes = _values(screen.model, "code", RAW_ROLE)
    screen.table.selectRow(codes.index("SK-2024-0001") if "SK-2024-0001" in codes else 0)
    code = screen._selected_values("code")[0]
    type_text(screen.search, str(code))
    wait_for_rows(qtbot, screen)
    assert screen._selected_values("code") == [code]
    assert screen.table.currentIndex().row() == 0


def test_closing_the_window_during_a_search_waits_for_it(
    qtbot: Any, demo_db: Database, profile: ProgramProfile, slow_han: SlowQuery
) -> None:
    main = MainWindow(demo_db, profile, actor="Lê Minh Tâm")
    main.show()
    qtbot.waitExposed(main)
    screen = main.initiatives_screen
    type_text(screen.search, "hàn")
    qtbot.waitUntil(slow_han.started.is_set)
    # The query may go on only once the window is being deleted.
    screen.model.destroyed.connect(lambda *_: slow_han.release.set())
    delete_window(main)
    assert slow_han.ended.is_set()  # deleting waited for the worker, which touched nothing


def test_reload_keeps_the_rows_in_view(qtbot: Any, window: MainWindow) -> None:
    window.show_screen("initiatives")
    screen = window.initiatives_screen
    screen.table.scrollTo(screen.model.index(40, 0), screen.table.ScrollHint.PositionAtTop)
    top = screen.model.id_at(screen.table.rowAt(0))
    assert top != screen.model.id_at(0)
    screen.reload()
    QCoreApplication.sendPostedEvents()
    assert screen.model.id_at(screen.table.rowAt(0)) == top


def test_a_new_search_starts_at_the_top(qtbot: Any, window: MainWindow) -> None:
    window.show_screen("initiatives")
    screen = window.initiatives_screen
    screen.table.scrollToBottom()
    screen.search.setText("sk-")
    screen.apply_filters()
    wait_for_rows(qtbot, screen)
    assert screen.table.rowAt(0) == 0


def test_a_failed_search_is_shown_to_the_user(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sangkien_desktop.errors import StorageError
    from sangkien_desktop.gui.screens import initiatives

    def broken(*_args: Any) -> list[str]:
        raise StorageError("Không đọc được cơ sở dữ liệu.")

    screen = window.initiatives_screen
    shown: list[BaseException] = []
    monkeypatch.setattr(initiative_model, "list_ids", broken)
    monkeypatch.setattr(initiatives, "show_error", lambda _parent, exc: shown.append(exc))
    type_text(screen.search, "han")
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert isinstance(shown[0], StorageError)
    assert screen.model.rowCount() == 80  # the rows shown before stay
    assert screen.count_label.text() == "80 sáng kiến"


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_double_click_on_a_row_opens_one_editor(qtbot: Any, window: MainWindow) -> None:
    window.show_screen("initiatives")
    table = window.initiatives_screen.table
    index = window.initiatives_screen.model.index(0, 1)
    double_click(qtbot, table, index)
    qtbot.waitUntil(lambda: bool(open_editors(window)))
    QCoreApplication.processEvents()
    editors = open_editors(window)
    assert [e.record.id for e in editors] == [index.data(ID_ROLE)]


def _applied_in(year: int) -> InitiativeRecord:
    """A valid initiative that became eligible on 20/04 of ``year``."""
    record = valid_initiative()
    record.application.first_applied_on = date(year, 3, 15)
    record.recognition.decided_on = date(year, 4, 20)
    return record


def _years(screen: InitiativesScreen) -> list[str]:
    combo = screen.year_filter
    return [combo.itemText(i) for i in range(1, combo.count())]


def test_year_filter_offers_the_program_years_and_the_years_in_the_data(
    qtbot: Any, db: Database, profile: ProgramProfile
) -> None:
    import_records(
        db, [_applied_in(2027), replace(_applied_in(2019), id="b", code="SK-B")], profile
    )
    screen = InitiativesScreen(db, profile)
    qtbot.addWidget(screen)
    assert _years(screen) == ["2027", "2023", "2022", "2021", "2019"]
    screen.year_filter.setCurrentIndex(screen.year_filter.findData("2019"))
    wait_for_rows(qtbot, screen)
    assert _values(screen.model, "code") == ["SK-B"]


def test_year_filter_gains_a_year_saved_later_and_keeps_the_choice(
    qtbot: Any, db: Database, profile: ProgramProfile
) -> None:
    screen = InitiativesScreen(db, profile)
    qtbot.addWidget(screen)
    screen.year_filter.setCurrentIndex(screen.year_filter.findData("2022"))
    wait_for_rows(qtbot, screen)
    import_records(db, [_applied_in(2027)], profile)
    screen.reload()
    assert _years(screen) == ["2027", "2023", "2022", "2021"]
    assert screen.year_filter.currentData() == "2022"


def test_selection_survives_sort(qtbot: Any, demo_db: Database, profile: ProgramProfile) -> None:
    """In any view of the model, not only through the screen's own bookkeeping."""
    model = InitiativeTableModel(demo_db, profile)
    model.reload()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.selectRow(3)
    chosen = model.id_at(3)
    view.sortByColumn(_column(model, "title"), Qt.SortOrder.DescendingOrder)
    assert model.sort_key == "title" and model.row_of(chosen) != 3
    assert [model.id_at(i.row()) for i in view.selectionModel().selectedRows()] == [chosen]
    assert model.id_at(view.currentIndex().row()) == chosen


def test_the_list_keeps_its_selection_when_sorted(qtbot: Any, window: MainWindow) -> None:
    screen = window.initiatives_screen
    screen.table.selectRow(5)
    chosen = screen.selected_ids()
    screen.table.sortByColumn(_column(screen.model, "credited_author"), Qt.SortOrder.AscendingOrder)
    assert screen.selected_ids() == chosen


def test_sorting_shows_the_current_row(qtbot: Any, window: MainWindow) -> None:
    window.show_screen("initiatives")
    screen = window.initiatives_screen
    screen.table.selectRow(0)
    chosen = screen.selected_ids()[0]
    screen.table.sortByColumn(_column(screen.model, "code"), Qt.SortOrder.DescendingOrder)
    row = screen.model.row_of(chosen)
    assert row == screen.model.rowCount() - 1
    shown = screen.table.visualRect(screen.model.index(row, 0))
    assert shown.top() >= 0 and shown.bottom() <= screen.table.viewport().height()
