"""The main window: navigation on the left, one screen at a time, the database in the status bar."""

from __future__ import annotations

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
from sangkien_desktop.gui.screens.board import BoardScreen
from sangkien_desktop.gui.screens.initiatives import InitiativesScreen
from sangkien_desktop.gui.screens.members import MembersScreen
from sangkien_desktop.gui.screens.overview import OverviewScreen
from sangkien_desktop.gui.screens.placeholder import PlaceholderScreen
from sangkien_desktop.gui.screens.reports import ReportsScreen
from sangkien_desktop.gui.screens.settings import SettingsScreen
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.initiatives import InitiativeFilter, count
from sangkien_desktop.storage.database import Database

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
        self.screens: dict[str, QWidget] = {}
        titles = {
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
            screen = self._make_screen(key, titles[key])
            screen.setObjectName(f"{key}Screen")
            self.screens[key] = screen
            self.stack.addWidget(screen)
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
        initiatives = self.initiatives_screen
        initiatives.open_requested.connect(self.open_initiative)
        initiatives.new_requested.connect(self.new_initiative)
        initiatives.changed.connect(self.refresh_status)
        board = self.screens["board"]
        assert isinstance(board, BoardScreen)
        board.open_requested.connect(self.open_initiative)
        board.changed.connect(lambda: self.on_saved(""))
        self._restore()
        self.refresh_status()

    @property
    def initiatives_screen(self) -> InitiativesScreen:
        screen = self.screens["initiatives"]
        assert isinstance(screen, InitiativesScreen)
        return screen

    def _make_screen(self, key: str, title: str) -> QWidget:
        if key == "overview":
            return OverviewScreen(self.db, self.profile, self)
        if key == "initiatives":
            return InitiativesScreen(self.db, self.profile, self)
        if key == "board":
            return BoardScreen(self.db, self.profile, self)
        if key == "members":
            return MembersScreen(self.db, self.profile, self)
        if key == "reports":
            return ReportsScreen(self.db, self.profile, self)
        if key == "settings":
            return SettingsScreen(self.db, self.profile, self)
        return PlaceholderScreen(title, self.tr("Màn hình này đang được xây dựng."), self)

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
        self.stack.setCurrentIndex(row)
        screen = self.stack.currentWidget()
        reload = getattr(screen, "reload", None)
        if callable(reload) and row != SCREENS.index("initiatives"):
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
