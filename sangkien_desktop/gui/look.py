"""Fonts, icon, translations, style and the person at the desk: what makes every office PC
look and speak the same."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QSize, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from sangkien_desktop.paths import resources_dir

UI_FONT = "Noto Sans"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
_translators: list[QTranslator] = []
_installed = {"lang": "vi"}  # the language install_translation switched to last
_fonts: list[str] = []


def load_fonts() -> list[str]:
    """Register the shipped fonts once; returns the families loaded."""
    if not _fonts:
        families: set[str] = set()
        for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families.update(QFontDatabase.applicationFontFamilies(font_id))
        _fonts.extend(sorted(families))
    return list(_fonts)


def icons_dir() -> Path:
    return resources_dir() / "icons"


def app_icon() -> QIcon:
    """The rendered PNG sizes (crisp at 16 px, and no SVG plug-in needed), then the SVG."""
    pngs = [(size, icons_dir() / f"sangkien-{size}.png") for size in ICON_SIZES]
    pngs = [(size, path) for size, path in pngs if path.is_file()]
    if not pngs:
        return QIcon(str(icons_dir() / "sangkien.svg"))
    icon = QIcon()
    for size, path in pngs:
        icon.addFile(str(path), QSize(size, size))
    return icon


# The person at the desk ------------------------------------------------------------------------


def language() -> str:
    """The saved choice (Settings): the language the next start speaks."""
    value = QSettings().value("ui/language", "vi")
    return value if value in LANGUAGES else "vi"


def set_language(lang: str) -> None:
    QSettings().setValue("ui/language", lang if lang in LANGUAGES else "vi")


def user_name() -> str:
    """Who is using the application: written into the history of every change. Accounts with
    roles and passwords come later; for now the name is the whole identity."""
    value = QSettings().value("user/name", "")
    return value.strip() if isinstance(value, str) else ""


def set_user_name(name: str) -> None:
    QSettings().setValue("user/name", " ".join(name.split()))


# Translations ----------------------------------------------------------------------------------


def translations_dir() -> Path:
    return resources_dir() / "translations"


def translation_files(lang: str) -> list[Path]:
    """The .qm files a language needs. Vietnamese is the source language of every string of
    ours; it only needs Qt's own strings (buttons, wizard, text menus), which Qt does not ship
    in Vietnamese, so ``qt_vi`` is ours too. English needs ours; Qt's own are English already."""
    names = {"vi": ["qt_vi"], "en": ["sangkien_en"]}.get(lang, [])
    return [translations_dir() / f"{name}.qm" for name in names]


def ui_language() -> str:
    """The language the interface speaks now ("vi" or "en"): the one installed last, which
    ``--lang`` may have chosen over the saved setting. Names that come from the core and the
    program profile (states, kinds, phases, benefits, findings) are shown in it."""
    return _installed["lang"]


def install_translation(app: QCoreApplication, lang: str) -> None:
    """Switch the application's language; windows built afterwards speak it."""
    lang = lang if lang in LANGUAGES else "vi"
    _installed["lang"] = lang
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English)
    )
    for path in translation_files(lang):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _translators.append(translator)


# Style -----------------------------------------------------------------------------------------

#: The look of every screen. Whatever has the keyboard's focus is framed in blue (a line edit, a
#: list, a table, a button, a box): someone working with the keyboard always sees where it is.
STYLE = """
QListWidget#navigation { background: #f3f5f8; border: none; font-size: 10.5pt; outline: 0; }
QListWidget#navigation::item { padding: 9px 12px; border-radius: 6px; margin: 1px 6px; }
QListWidget#navigation::item:selected { background: #d6e4ff; color: #0b3a82; }
QTableView { gridline-color: #e3e6ea; selection-background-color: #cfe0ff; selection-color: #111; }
QHeaderView::section { background: #f3f5f8; padding: 4px 6px; border: none;
                       border-bottom: 1px solid #d9dde3; font-weight: 600; }
QLabel#screenTitle { font-size: 15pt; font-weight: 600; color: #1c2b4a; }
QGroupBox { font-weight: 600; color: #1c2b4a; border: 1px solid #d9dde3; border-radius: 6px;
            margin-top: 12px; padding: 12px 10px 8px 10px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QLabel[role="hint"] { color: #5b6472; }
QLabel[role="error"] { color: #b3261e; }
QLabel[role="done"] { color: #1e7b34; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus,
QAbstractSpinBox:focus { border: 2px solid #1a5fd0; border-radius: 3px; }
QPushButton:focus, QToolButton:focus { border: 2px solid #1a5fd0; border-radius: 4px;
                                       background: #eef3fd; padding: 3px 10px; }
QAbstractItemView:focus, QListWidget#navigation:focus { border: 2px solid #1a5fd0; }
QCheckBox:focus, QRadioButton:focus { color: #0b3a82; background: #e6eefc; border-radius: 3px; }
"""


def hint(text: str, parent: QWidget, role: str = "hint") -> QLabel:
    """A wrapped label in the hint (grey), error (red) or done (green) colour of the style."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty("role", role)
    return label


def set_role(label: QLabel, role: str) -> None:
    """Recolour a label made by ``hint`` (the style sheet reads the property on polish)."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


def apply_look(app: QApplication) -> None:
    """Fonts, icon, style and style sheet, once per application: setting the style again
    re-polishes every widget, and under pytest-qt (Qt 6.11) that crashed on a wizard closed
    with deleteLater while Python still held it."""
    if app.property("sangkienLook"):
        return
    families = load_fonts()
    if UI_FONT in families:
        app.setFont(QFont(UI_FONT, 10))
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
    app.setProperty("sangkienLook", True)
