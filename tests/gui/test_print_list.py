"""The list's row menu prints the selected initiatives' certificates (count and numbers
confirmed first) and, for one initiative, each dossier form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel

from sangkien_desktop.documents.service import CertificatePlan, issued_certificates
from sangkien_desktop.gui import print_preview
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.print_preview import ChooseFile, ConfirmCertificates, PrintPreview
from sangkien_desktop.gui.screens.initiatives import InitiativesScreen
from sangkien_desktop.storage import Database

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]

CODES = ("SK-2021-0066", "SK-2022-0069")  # two authors, one author: three certificates


def _select(qtbot: Any, screen: InitiativesScreen, codes: tuple[str, ...]) -> None:
    qtbot.waitUntil(lambda: not screen.is_searching())
    model, column = screen.model, [c.key for c in screen.model.columns].index("code")
    rows = [r for r in range(model.rowCount()) if model.index(r, column).data() in codes]
    assert len(rows) == len(codes)
    screen.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        screen.table.selectionModel().select(model.index(row, 0), flags)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Any]:
    seen: list[Any] = []

    def error(_parent: Any, exc: BaseException) -> None:
        seen.append(exc)

    monkeypatch.setattr(print_preview.tasks, "show_error", error)
    monkeypatch.setattr(
        ChooseFile, "ask", classmethod(lambda cls, parent, title, name: tmp_path / name)
    )
    return seen


def test_the_row_menu_asks_before_the_selection_s_certificates(
    qtbot: Any,
    window: MainWindow,
    asked: list[Any],
    monkeypatch: pytest.MonkeyPatch,
    demo_db: Database,
    tmp_path: Path,
) -> None:
    answers = [False, True]

    def ask(cls: type, parent: Any, plan: CertificatePlan, everything: bool) -> bool:
        asked.append((plan, everything))
        return answers.pop(0)

    monkeypatch.setattr(ConfirmCertificates, "ask", classmethod(ask))
    window.show_screen("initiatives")
    screen = window.initiatives_screen
    _select(qtbot, screen, CODES)
    action = screen.print_menu.certificate_action
    assert action.isEnabled() and not screen.print_menu.forms_menu.isEnabled()
    action.trigger()
    ((plan, everything),) = asked
    assert not everything and plan.pages == 3 and plan.new_numbers == (1, 2, 3)
    assert issued_certificates(demo_db) == [] and list(tmp_path.glob("*.pdf")) == []
    action.trigger()
    assert [c.number for c in issued_certificates(demo_db)] == [1, 2, 3]
    (preview,) = screen.findChildren(PrintPreview)
    assert preview.page_count() == 3
    preview.close()


def test_the_row_menu_previews_a_form_of_one_initiative(
    qtbot: Any, window: MainWindow, asked: list[Any]
) -> None:
    window.show_screen("initiatives")
    screen = window.initiatives_screen
    _select(qtbot, screen, CODES[:1])
    assert screen.print_menu.forms_menu.isEnabled()
    screen.print_menu.form_actions["receipt"].trigger()
    assert asked == []
    (preview,) = screen.findChildren(PrintPreview)
    assert preview.page_count() >= 1
    assert "Giấy biên nhận đơn" in window.statusBar().currentMessage()
    preview.close()
    qtbot.waitUntil(lambda: screen.findChildren(PrintPreview) == [])  # closed is deleted
