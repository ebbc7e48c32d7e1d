"""Typing in a cell of the authors table is never overwritten by the live check."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from sangkien_desktop.gui.editor import CloseChoice, InitiativeEditor
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.storage import Database
from tests.gui.conftest import type_text

pytestmark = pytest.mark.gui


def test_the_check_after_adding_an_author_keeps_the_name_being_typed(
    qtbot: Any, db: Database, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found on a real display: the findings refreshed 200 ms after Thêm tác giả (new marks
    on the empty row) reset the open name cell, so the first letters typed were lost."""
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda cls, *_: CloseChoice.DISCARD)
    )
    editor = InitiativeEditor(db, profile, None, actor="Lê Minh Tâm")
    qtbot.addWidget(editor)
    editor.show()
    editor.show_section("authors")
    panel = editor.form.authors
    panel.add_button.click()
    cell = panel.table.indexWidget(panel.model.index(0, 0))
    assert isinstance(cell, QLineEdit)
    type_text(cell, "Nguyễn Thị")
    editor.check_now()  # what the timer does while the person types
    assert editor.form.authors.model.authors()[0].full_name == ""
    assert any(f.field.startswith("authors[0]") for f in editor.findings() if f.field)
    assert cell.text() == "Nguyễn Thị"
    type_text(cell, " Hường")
    assert cell.text() == "Nguyễn Thị Hường"


def test_alt_g_adds_an_author_from_inside_the_table(
    qtbot: Any, db: Database, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tab moves between the cells of the table and wraps around: without a mnemonic a
    keyboard user in the table could not reach Thêm tác giả again."""
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda cls, *_: CloseChoice.DISCARD)
    )
    editor = InitiativeEditor(db, profile, None, actor="Lê Minh Tâm")
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.show_section("authors")
    panel = editor.form.authors
    panel.add_button.click()
    cell = panel.table.indexWidget(panel.model.index(0, 0))
    assert isinstance(cell, QLineEdit)
    qtbot.keyClicks(cell, "Zed One")
    qtbot.keyClick(cell, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: panel.table.currentIndex().column() == 1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.model.authors()[0].full_name == "Zed One"
