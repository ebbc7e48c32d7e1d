"""The interface language: Vietnamese by default, English from the shipped translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QWizard

from sangkien_desktop.gui.look import LANGUAGES, install_translation, language, translation_files
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.storage import Database

pytestmark = pytest.mark.gui


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_translation(qapp, "en")
    yield
    install_translation(qapp, "vi")


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
