"""Keyboard and focus: from a search box into its results, Escape closes the editor (asking
to save), a visible focus frame, and Trợ giúp › Phím tắt listing every real shortcut."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.gui.editor import CloseChoice, InitiativeEditor
from sangkien_desktop.gui.keys import ShortcutsDialog
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.screens.board import BoardScreen
from sangkien_desktop.gui.screens.members import MembersScreen
from tests.gui.conftest import open_editors
from tests.timing import scaled

# The offscreen platform cannot raise windows or propagate size hints; it says so.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


def until(qtbot: Any, probe: Callable[[], object]) -> None:
    """Wait for ``probe`` with room for a busy machine (tests/timing.py)."""
    qtbot.waitUntil(probe, timeout=int(scaled(20) * 1000))


def activate(qtbot: Any, window: QWidget) -> None:
    window.activateWindow()
    until(qtbot, lambda: QApplication.activeWindow() is window)


def test_down_from_the_list_search_moves_to_the_first_result(
    qtbot: Any, window: MainWindow
) -> None:
    activate(qtbot, window)
    window.find()
    screen = window.initiatives_screen
    until(qtbot, lambda: not screen.is_searching() and screen.model.rowCount() > 0)
    assert QApplication.focusWidget() is screen.search
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is screen.table
    assert screen.table.currentIndex().row() == 0
    # Enter on that row opens it, so search → Down → Enter opens the first hit.
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    until(qtbot, lambda: len(open_editors(window)) == 1)


def test_enter_from_the_members_search_moves_into_the_members(
    qtbot: Any, window: MainWindow
) -> None:
    activate(qtbot, window)
    window.show_screen("members")
    screen = window.screens["members"]
    assert isinstance(screen, MembersScreen)
    screen.search.setFocus()
    screen.search.setText("a")  # the search waits on its timer; Enter runs it first
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is screen.table
    assert screen.table.model().rowCount() > 0
    assert screen.table.currentIndex().row() == 0


def test_down_from_the_board_search_moves_to_a_card(qtbot: Any, window: MainWindow) -> None:
    activate(qtbot, window)
    window.show_screen("board")
    board = window.screens["board"]
    assert isinstance(board, BoardScreen)
    board.search.setFocus()
    qtbot.keyClick(board.search, Qt.Key.Key_Down)
    views = [frame.view for frame in board.columns.values()]
    assert QApplication.focusWidget() in views


def test_escape_closes_the_editor_asking_to_save_when_changed(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask(_cls: Any, _parent: Any, label: str) -> CloseChoice:
        asked.append(label)
        return CloseChoice.CANCEL if len(asked) == 1 else CloseChoice.DISCARD

    monkeypatch.setattr(InitiativeEditor, "ask_unsaved", classmethod(ask))
    window.new_initiative()
    (editor,) = open_editors(window)
    activate(qtbot, editor)
    editor.form.title.setPlainText("Cải tiến quy trình")
    qtbot.keyClick(editor.form.title, Qt.Key.Key_Escape)
    assert asked and editor.isVisible()  # cancelled: still open, text kept
    assert editor.form.title.toPlainText() == "Cải tiến quy trình"
    qtbot.keyClick(editor.form.title, Qt.Key.Key_Escape)
    until(qtbot, lambda: not open_editors(window))
    assert len(asked) == 2


def test_escape_closes_an_unchanged_editor_without_asking(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda *_: pytest.fail("asked"))
    )
    window.new_initiative()
    (editor,) = open_editors(window)
    activate(qtbot, editor)
    qtbot.keyClick(editor.form.title, Qt.Key.Key_Escape)
    until(qtbot, lambda: not open_editors(window))


def _shortcut_rows(dialog: ShortcutsDialog) -> dict[str, str]:
    table = dialog.table
    assert isinstance(table, QTableWidget)
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_help_lists_every_shortcut_from_the_actions_themselves(
    qtbot: Any, window: MainWindow
) -> None:
    extra = QAction("Việc thử", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.addAction(extra)
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Trợ giúp"
    )
    keys_action = next(a for a in help_menu.actions() if a.objectName() == "actionShortcuts")
    keys_action.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    rows = _shortcut_rows(dialog)
    native = {
        name: QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        for name, key in {
            "save": QKeySequence.StandardKey.Save,
            "new": QKeySequence.StandardKey.New,
            "find": QKeySequence.StandardKey.Find,
        }.items()
    }
    assert rows[native["save"]] == "Lưu"  # the editor's, read from a real editor
    assert rows[native["new"]] == "Thêm sáng kiến"
    assert native["find"] in rows
    assert "Esc" in rows and "Ctrl+Shift+M" in rows and "Ctrl+PgDown" in rows
    assert rows["Ctrl+Alt+J"] == "Việc thử"  # a new action is listed without editing a list
    dialog.close()


@pytest.mark.parametrize("kind", ["line", "combo", "button", "check", "table", "navigation"])
def test_the_focused_widget_is_drawn_with_a_visible_frame(qtbot: Any, kind: str) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    before = QLineEdit(host)
    made: dict[str, Any] = {
        "line": lambda: QLineEdit("Nguyen", host),
        "combo": lambda: QComboBox(host),
        "button": lambda: QPushButton("Luu", host),
        "check": lambda: QCheckBox("Dat han", host),
        "table": lambda: QTableWidget(3, 3, host),
        "navigation": lambda: QListWidget(host, objectName="navigation"),
    }
    widget = made[kind]()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    layout.addWidget(before)
    layout.addWidget(widget)
    host.show()
    activate(qtbot, host)
    before.setFocus()
    until(qtbot, lambda: before.hasFocus())
    plain = widget.grab().toImage()
    widget.setFocus()
    until(qtbot, lambda: widget.hasFocus())
    focused = widget.grab().toImage()
    assert plain != focused


def test_escape_in_an_author_cell_cancels_the_cell_not_the_window(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda *_: pytest.fail("asked"))
    )
    window.new_initiative()
    (editor,) = open_editors(window)
    activate(qtbot, editor)
    panel = editor.form.authors
    editor.show_section("authors")
    panel.add_button.click()
    cell = panel.table.indexWidget(panel.model.index(panel.model.rowCount() - 1, 0))
    assert isinstance(cell, QLineEdit)
    qtbot.keyClick(cell, Qt.Key.Key_Escape)
    until(qtbot, lambda: panel.table.state() != QAbstractItemView.State.EditingState)
    assert editor.isVisible()
    monkeypatch.setattr(  # the new author row is a change: the window's teardown may drop it
        InitiativeEditor, "ask_unsaved", classmethod(lambda *_: CloseChoice.DISCARD)
    )


def test_enter_right_after_typing_a_search_lands_on_the_first_hit(
    qtbot: Any, window: MainWindow
) -> None:
    activate(qtbot, window)
    window.find()
    screen = window.initiatives_screen
    until(qtbot, lambda: not screen.is_searching() and screen.model.rowCount() > 0)
    screen.search.setText("SK-2023-0022")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)  # before the search has run
    assert QApplication.focusWidget() is screen.table
    until(qtbot, lambda: not screen.is_searching() and screen.model.rowCount() == 1)
    until(qtbot, lambda: screen.table.currentIndex().row() == 0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)  # opens the one found
    until(qtbot, lambda: len(open_editors(window)) == 1)
    assert open_editors(window)[0].record.code == "SK-2023-0022"


def test_the_editor_section_list_shows_its_focus(qtbot: Any, window: MainWindow) -> None:
    window.new_initiative()
    (editor,) = open_editors(window)
    activate(qtbot, editor)
    plain = editor.sections.grab().toImage()
    editor.sections.setFocus()
    until(qtbot, lambda: editor.sections.hasFocus())
    assert editor.sections.grab().toImage() != plain
