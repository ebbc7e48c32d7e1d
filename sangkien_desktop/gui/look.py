"""Fonts, icon, translations and style: everything that makes every office PC look the same."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from sangkien_desktop.paths import resources_dir

UI_FONT = "Noto Sans"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
_translators: list[QTranslator] = []


def load_fonts() -> list[str]:
    """Register the shipped fonts; returns the families loaded."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "sangkien.svg"))


def language() -> str:
    value = QSettings().value("ui/language", "vi")
    return value if value in LANGUAGES else "vi"


def install_translation(app: QCoreApplication, lang: str) -> None:
    """Vietnamese is the source language; other languages come from ``resources/translations``."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English)
    )
    if lang == "vi":
        return
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / f"sangkien_{lang}.qm")):
        app.installTranslator(translator)
        _translators.append(translator)


STYLE = """
QListWidget#navigation { background: #f3f5f8; border: none; font-size: 10.5pt; }
QListWidget#navigation::item { padding: 9px 12px; border-radius: 6px; margin: 1px 6px; }
QListWidget#navigation::item:selected { background: #d6e4ff; color: #0b3a82; }
QTableView { gridline-color: #e3e6ea; selection-background-color: #cfe0ff; selection-color: #111; }
QHeaderView::section { background: #f3f5f8; padding: 4px 6px; border: none;
                       border-bottom: 1px solid #d9dde3; font-weight: 600; }
QLabel#screenTitle { font-size: 15pt; font-weight: 600; color: #1c2b4a; }
"""


def apply_look(app: QApplication) -> None:
    families = load_fonts()
    if UI_FONT in families:
        font = QFont(UI_FONT, 10)
        app.setFont(font)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
