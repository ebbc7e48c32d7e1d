"""The main window: navigation on the left, one screen at a time, the database in the status bar."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from sangkien_desktop import __version__
from sangkien_desktop.gui.look import app_icon, user_name
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.initiatives import InitiativeFilter, count
from sangkien_desktop.storage.database import Database

SCREEN_CLASSES = {
    "overview": ("sangkien_desktop.gui.screens.overview", "OverviewScreen"),
    "initiatives": ("sangkien_desktop.gui.screens.initiatives", "InitiativesScreen"),
    "board": ("sangkien_desktop.gui.screens.board", "BoardScreen"),
    "members": ("sangkien_desktop.gui.screens.members", "MembersScreen"),
    "rewards": ("sangkien_desktop.gui.screens.rewards", "RewardsScreen"),
    "export": ("sangkien_desktop.gui.screens.export", "ExportScreen"),
    "reports": ("sangkien_desktop.gui.screens.reports", "ReportsScreen"),
    "settings": ("sangkien_desktop.gui.screens.settings", "SettingsScreen"),
}

if TYPE_CHECKING:
    from sangkien_desktop.gui.screens.initiatives import InitiativesScreen

SCREENS = (
    "overview",
    "initiatives",
    "board",
    "members",
    "rewards",
    "export",
    "reports",
    "settings",
)


class _Screens(dict[str, QWidget]):
    """The screens built so far; asking for one that is not builds it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window

    def __missing__(self, key: str) -> QWidget:
        screen = self.window._build_screen(key)
        self[key] = screen
        return screen


class MainWindow(QMainWindow):
    def __init__(self, db: Database, profile: ProgramProfile, actor: str = "") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.db = db
        self.profile = profile
        self.actor = actor or user_name()
        self.setWindowTitle(self.tr("Sáng Kiến Desktop"))
        self.setWindowIcon(app_icon())
        self.setMinimumSize(QSize(1024, 640))
        self._editors: list[QWidget] = []

        self.navigation = QListWidget(self, objectName="navigation")
        self.navigation.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        # Screens are built the first time they are shown (or asked for): start-up pays only
        # for the one the user lands on.
        self.screens = _Screens(self)
        self.titles = titles = {
            "overview": self.tr("Tổng quan"),
            "initiatives": self.tr("Sáng kiến"),
            "board": self.tr("Tổ hỗ trợ"),
            "members": self.tr("Đoàn viên"),
            "rewards": self.tr("Khen thưởng"),
            "export": self.tr("Gửi lên Cổng"),
            "reports": self.tr("Báo cáo"),
            "settings": self.tr("Cài đặt"),
        }
        for key in SCREENS:
            self.stack.addWidget(QWidget(self.stack))
            item = QListWidgetItem(titles[key], self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.navigation.currentRowChanged.connect(self._show_screen)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel(self.tr("Dữ liệu: %1").replace("%1", db.display_name), self)
        self.ready_label = QLabel(self, objectName="readyLabel")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.ready_label)

        self._build_menus()
        self._restore()
        self.refresh_status()

    @property
    def initiatives_screen(self) -> InitiativesScreen:
        from sangkien_desktop.gui.screens.initiatives import InitiativesScreen

        screen = self.screens["initiatives"]
        assert isinstance(screen, InitiativesScreen)
        return screen

    def _build_screen(self, key: str) -> QWidget:
        """Make screen ``key``, put it in its place in the stack and wire its signals."""
        screen = self._make_screen(key, self.titles[key])
        screen.setObjectName(f"{key}Screen")
        index = SCREENS.index(key)
        old = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, screen)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.setCurrentIndex(current)
        if key == "initiatives":
            screen.open_requested.connect(self.open_initiative)
            screen.new_requested.connect(self.new_initiative)
            screen.changed.connect(self.refresh_status)
        if key == "board":
            screen.open_requested.connect(self.open_initiative)
            screen.changed.connect(lambda: self.on_saved(""))
        return screen

    def _make_screen(self, key: str, title: str) -> QWidget:
        # Imported here: a screen's module (charts, spreadsheets) loads when it is first shown.
        if key not in SCREEN_CLASSES:
            from sangkien_desktop.gui.screens.placeholder import PlaceholderScreen

            return PlaceholderScreen(title, self.tr("Màn hình này đang được xây dựng."), self)
        module, name = SCREEN_CLASSES[key]
        screen_class = getattr(importlib.import_module(module), name)
        screen: QWidget = screen_class(self.db, self.profile, self)
        return screen

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        new = QAction(self.tr("Thêm sáng kiến"), self, objectName="actionNew")
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_initiative)
        file_menu.addAction(new)
        find = QAction(self.tr("Tìm sáng kiến"), self, objectName="actionFind")
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.find)
        file_menu.addAction(find)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Thoát"), self, objectName="actionQuit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        about = QAction(self.tr("Giới thiệu"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Giới thiệu"),
            self.tr(
                "Sáng Kiến Desktop %1\nSổ sáng kiến của công đoàn cơ sở — Chương trình "
                "“01 triệu sáng kiến” (%2)."
            )
            .replace("%1", __version__)
            .replace("%2", self.profile.guidance),
        )

    def show_screen(self, key: str) -> None:
        self.navigation.setCurrentRow(SCREENS.index(key))

    def current_screen(self) -> str:
        return SCREENS[max(self.navigation.currentRow(), 0)]

    def _show_screen(self, row: int) -> None:
        if row < 0:
            return
        key = SCREENS[row]
        screen = self.screens[key]
        self.stack.setCurrentIndex(row)
        reload = getattr(screen, "reload", None)
        if callable(reload) and key != "initiatives":  # the list keeps its place and selection
            reload()

    def find(self) -> None:
        self.show_screen("initiatives")
        self.initiatives_screen.focus_search()

    def new_initiative(self) -> None:
        self.open_initiative(None)

    def open_initiative(self, initiative_id: str | None) -> None:
        from sangkien_desktop.gui.editor import InitiativeEditor

        editor = InitiativeEditor(
            self.db, self.profile, initiative_id, actor=self.actor, parent=self
        )
        editor.saved.connect(self.on_saved)
        editor.destroyed.connect(
            lambda *_: self._editors.remove(editor) if editor in self._editors else None
        )
        self._editors.append(editor)
        editor.show()
        editor.raise_()

    def on_saved(self, _initiative_id: str) -> None:
        if "initiatives" in self.screens:
            self.initiatives_screen.reload()
        self.refresh_status()

    def refresh_status(self) -> None:
        ready = count(self.db, InitiativeFilter(states=("READY",)))
        self.ready_label.setText(self.tr("%n sáng kiến sẵn sàng gửi", "", ready))

    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        last = settings.value("window/screen", "overview")
        self.show_screen(last if last in SCREENS else "overview")

    def closeEvent(self, event: QCloseEvent) -> None:
        for editor in list(self._editors):
            if not editor.close():
                event.ignore()
                return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/screen", self.current_screen())
        super().closeEvent(event)
