"""The interface language: Vietnamese by default, English from the shipped translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QWizard

from sangkien_desktop.gui.editor import InitiativeEditor
from sangkien_desktop.gui.look import (
    LANGUAGES,
    install_translation,
    language,
    translation_files,
    ui_language,
)
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.permissions import role_name
from sangkien_desktop.gui.screens.board import BoardScreen
from sangkien_desktop.gui.screens.reports import ReportsScreen
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.security.users import ROLE_NAMES
from sangkien_desktop.services.initiatives import InitiativeFilter, list_ids
from sangkien_desktop.storage import Database
from sangkien_desktop.workflow.states import State
from tests.gui.conftest import sign_in

pytestmark = pytest.mark.gui


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_translation(qapp, "en")
    yield
    install_translation(qapp, "vi")


@pytest.fixture
def english_window(qtbot: Any, english: None, demo_db: Database, profile: ProgramProfile) -> Any:
    window = MainWindow(demo_db, profile)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _navigation(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_vietnamese_is_the_default(window: MainWindow) -> None:
    assert language() == "vi"
    assert _navigation(window)[:3] == ["Tổng quan", "Sáng kiến", "Tổ hỗ trợ"]


def test_english_navigation_after_installing_english(
    qtbot: Any, english: None, demo_db: Database, profile: ProgramProfile
) -> None:
    window = MainWindow(demo_db, profile)
    qtbot.addWidget(window)
    assert _navigation(window) == [
        "Overview",
        "Initiatives",
        "Support team",
        "Members",
        "Rewards",
        "Send to portal",
        "Reports",
        "Settings",
    ]
    assert window.ready_label.text() == "15 initiatives ready to send"


def test_qt_buttons_speak_vietnamese(qtbot: Any) -> None:
    wizard = QWizard()
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Tiếp theo >"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Hủy"


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_shipped_translations_load(lang: str) -> None:
    for path in translation_files(lang):
        assert QTranslator().load(str(path)), path


# Names that come from the core and the program profile follow the interface language --------
def _column_texts(window: MainWindow, key: str) -> set[str]:
    model = window.initiatives_screen.model
    column = [c.key for c in model.columns].index(key)
    return {str(model.index(row, column).data()) for row in range(model.rowCount())}


def test_ui_language_follows_the_installed_translation(qapp: QApplication, english: None) -> None:
    assert ui_language() == "en"
    install_translation(qapp, "vi")
    assert ui_language() == "vi"


def test_english_list_shows_state_and_kind_names_in_english(english_window: MainWindow) -> None:
    english_window.show_screen("initiatives")
    states = _column_texts(english_window, "status")
    assert "Recognised" in states
    assert "Đã được công nhận" not in states
    assert "Technical solution" in _column_texts(english_window, "kind")


def test_english_list_filters_name_states_kinds_and_phases_in_english(
    english_window: MainWindow,
) -> None:
    screen = english_window.initiatives_screen
    for combo, code, name in (
        (screen.state_filter, "RECOGNISED", "Recognised"),
        (screen.kind_filter, "KY_THUAT", "Technical solution"),
        (screen.phase_filter, "2", "Phase 2"),
    ):
        assert combo.itemText(combo.findData(code)) == name


def test_english_board_columns_are_titled_in_english(english_window: MainWindow) -> None:
    english_window.show_screen("board")
    board = english_window.screens["board"]
    assert isinstance(board, BoardScreen)
    assert board.columns[State.RECOGNISED].title.text() == "Recognised"
    assert board.columns[State.IDEA].title.text() == "Registered idea"


def test_english_reports_name_states_and_phases_in_english(
    qtbot: Any, english_window: MainWindow
) -> None:
    english_window.show_screen("reports")
    screen = english_window.screens["reports"]
    assert isinstance(screen, ReportsScreen)
    qtbot.waitUntil(lambda: screen.report is not None and screen.loader.task is None)
    states = [screen.state_table.item(r, 0).text() for r in range(screen.state_table.rowCount())]
    phases = [screen.phase_table.item(r, 0).text() for r in range(screen.phase_table.rowCount())]
    assert "Recognised" in states
    assert phases[:2] == ["Phase 1", "Phase 2"]


def test_english_editor_shows_findings_and_profile_names_in_english(
    qtbot: Any, english: None, demo_db: Database, profile: ProgramProfile
) -> None:
    with demo_db.reader() as session:
        drafting = list_ids(session, InitiativeFilter(states=(State.DRAFTING.value,)))[0]
    editor = InitiativeEditor(demo_db, profile, drafting, actor="Lê Minh Tâm")
    qtbot.addWidget(editor)
    editor.show()
    panel = editor.findings_panel
    qtbot.waitUntil(lambda: panel.list.count() > 0)
    finding = panel.findings()[0]
    assert finding.message_en != finding.message
    assert panel.list.item(0).data(Qt.ItemDataRole.DisplayRole) == (
        f"{finding.rule}: {finding.message_en}"
    )
    kinds = [editor.form.kind.itemText(i) for i in range(editor.form.kind.count())]
    assert "Technical solution" in kinds
    assert editor.form.social["MOI_TRUONG"].text() == "Environment"
    assert "Completing the dossier" in editor.form.status.text()


def test_vietnamese_role_names_are_the_core_role_names() -> None:
    assert {role: role_name(role) for role in ROLE_NAMES} == ROLE_NAMES


def test_english_status_bar_names_the_signed_in_role_in_english(
    qtbot: Any, english: None, accounts_db: Database, profile: ProgramProfile
) -> None:
    sign_in(accounts_db, "chutich")
    window = MainWindow(accounts_db, profile)
    qtbot.addWidget(window)
    assert window.user_label.text().endswith(" — Chair / Council")
    assert "role Chair / Council" in window.user_label.toolTip()
