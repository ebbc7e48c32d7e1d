"""The main window: navigation on the left, one screen at a time, the database and the signed-in
user in the status bar, the Tài khoản menu (lock, change password, log out)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
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
from sangkien_desktop.gui.permissions import guard, role_name
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.security import access
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
    from sangkien_desktop.gui.editor import InitiativeEditor
    from sangkien_desktop.gui.lock import ScreenLock
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
    """The window of one signed-in user (or of everyone, in single-user mode). Emits
    ``logout_requested()`` for the application to close it and ask who is next, and
    ``replaced(window)`` when a new window takes over."""

    logout_requested = Signal()
    replaced = Signal(object)  # by a new main window (Cài đặt › language), with the same user

    def __init__(self, db: Database, profile: ProgramProfile, actor: str = "") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.db = db
        self.profile = profile
        self.user = access.current_user(db)
        self.actor = actor or (self.user.label if self.user else user_name())
        self.setWindowTitle(self.tr("Sáng Kiến Desktop"))
        self.setWindowIcon(app_icon())
        self.setMinimumSize(QSize(1024, 640))
        self._editors: list[InitiativeEditor] = []

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
        self.user_label = QLabel(self, objectName="userLabel")
        self.user_label.setContentsMargins(16, 0, 4, 0)
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.ready_label)
        self.statusBar().addPermanentWidget(self.user_label)

        self._build_menus()
        # Signed in: the screen locks itself after the idle minutes of the database.
        self.screen_lock: ScreenLock | None = None
        if self.user is not None:
            from sangkien_desktop.gui.lock import ScreenLock

            self.screen_lock = ScreenLock(db, self.open_windows, self)
            self.screen_lock.logout_requested.connect(self.logout_requested)
        self._show_user()
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
        file_menu.setToolTipsVisible(True)
        new = QAction(self.tr("Thêm sáng kiến"), self, objectName="actionNew")
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_initiative)
        guard(self.db, new, "initiative.edit")
        file_menu.addAction(new)
        self.new_action = new
        find = QAction(self.tr("Tìm sáng kiến"), self, objectName="actionFind")
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.find)
        file_menu.addAction(find)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Thoát"), self, objectName="actionQuit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self._build_account_menu()
        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        keys = QAction(self.tr("Phím tắt"), self, objectName="actionShortcuts")
        keys.setShortcut(QKeySequence("Ctrl+/"))
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction(self.tr("Giới thiệu"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_account_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("Tài &khoản"))
        menu.setToolTipsVisible(True)
        self.lock_action = QAction(self.tr("Khóa màn hình"), self, objectName="actionLock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_screen)
        self.password_action = QAction(
            self.tr("Đổi mật khẩu…"), self, objectName="actionChangePassword"
        )
        self.password_action.triggered.connect(self.change_password)
        self.logout_action = QAction(self.tr("Đăng xuất"), self, objectName="actionLogout")
        self.logout_action.triggered.connect(self.logout_requested)
        menu.addActions([self.lock_action, self.password_action])
        menu.addSeparator()
        menu.addAction(self.logout_action)
        if self.user is None:
            # Single-user mode: nothing to lock with or log out of; the settings create accounts.
            reason = self.tr("Chưa có tài khoản người dùng: tạo tài khoản trong Cài đặt.")
            for action in (self.lock_action, self.password_action, self.logout_action):
                action.setEnabled(False)
                action.setToolTip(reason)
            menu.addSeparator()
            create = QAction(self.tr("Tạo tài khoản…"), self, objectName="actionCreateAccounts")
            create.triggered.connect(lambda: self.show_screen("settings"))
            menu.addAction(create)

    def _show_user(self) -> None:
        user = self.user
        if user is None:
            self.user_label.setText(self.tr("Một người dùng (chưa có tài khoản)"))
            self.user_label.setToolTip(
                self.tr(
                    "Cơ sở dữ liệu chưa có tài khoản: ai mở ứng dụng cũng làm được mọi việc. "
                    "Tạo tài khoản trong Cài đặt."
                )
            )
            return
        role = role_name(user.role)
        self.user_label.setText(self.tr("%1 — %2").replace("%1", user.label).replace("%2", role))
        self.user_label.setToolTip(
            self.tr("Đăng nhập: %1 (vai trò %2)").replace("%1", user.username).replace("%2", role)
        )

    def open_windows(self) -> list[QWidget]:
        """This window and the editors it opened (what the screen lock covers)."""
        return [self, *self._editors]

    def lock_screen(self) -> None:
        if self.screen_lock is not None:
            self.screen_lock.lock()

    def change_password(self) -> None:
        from sangkien_desktop.gui.accounts import PasswordDialog

        if self.user is not None:
            PasswordDialog.change_own(self, self.db, self.user.username)

    def close_editors(self) -> bool:
        """Close every editor the normal way (each asks about unsaved changes); False when
        one stays open because the user cancelled."""
        return all(editor.close() for editor in list(self._editors))

    def end_session(self) -> None:
        """Stop locking: the user is logging out and this window is about to close."""
        if self.screen_lock is not None:
            self.screen_lock.stop()

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

    def shortcut_places(self) -> list[tuple[str, QWidget]]:
        """Where shortcuts live, each with its name: every screen (built now if not yet), the
        initiative editor (an open one, or one made for the reading and thrown away) and this
        window's menus."""
        from sangkien_desktop.gui.editor import InitiativeEditor

        places: list[tuple[str, QWidget]] = [(self.titles[k], self.screens[k]) for k in SCREENS]
        editors: list[QWidget] = [e for e in self._editors if e.isVisible()]
        if not editors:
            spare = InitiativeEditor(self.db, self.profile, None, actor=self.actor, parent=self)
            spare.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            spare.deleteLater()  # never shown: read below, deleted when control returns
            editors = [spare]
        places += [(self.tr("Cửa sổ sáng kiến"), e) for e in editors]
        places.append((self.tr("Cửa sổ chính"), self))
        return places

    def show_shortcuts(self) -> None:
        """Trợ giúp › Phím tắt: every shortcut, read from the actions themselves."""
        from sangkien_desktop.gui.keys import ShortcutsDialog

        dialog = ShortcutsDialog(self, self.shortcut_places())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

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
        """Open the editor of ``initiative_id`` (a new initiative when None); an initiative
        already open brings its editor forward instead of a second window on the same record."""
        from sangkien_desktop.gui.editor import InitiativeEditor

        opened = next(
            (e for e in self._editors if e.isVisible() and e.record.id == initiative_id), None
        )
        if opened is not None:
            if opened.isMinimized():
                opened.showNormal()
            opened.raise_()
            opened.activateWindow()
            return
        editor = InitiativeEditor(
            self.db, self.profile, initiative_id, actor=self.actor, parent=self
        )
        editor.saved.connect(self.on_saved)
        guard(self.db, editor.save_button, "initiative.edit")
        guard(self.db, editor.save_action, "initiative.edit")
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
        if not self.close_editors():
            event.ignore()
            return
        self.end_session()
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/screen", self.current_screen())
        super().closeEvent(event)
