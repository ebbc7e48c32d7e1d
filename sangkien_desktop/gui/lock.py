"""The screen lock: after some minutes without a key or a mouse move (users.lock_minutes), the
main window and every open editor are covered by a panel that asks the signed-in user's password
again. Nothing is closed, so unsaved typing survives; the data underneath is hidden and cannot
be reached (its widgets are disabled and its shortcuts swallowed until the lock opens).

One application-wide event filter notes the time of the last input; one single-shot QTimer
fires when the idle time could have run out and, if input came meanwhile, waits the rest."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from sangkien_desktop.gui.login import SignInWait
from sangkien_desktop.gui.look import app_icon, hint
from sangkien_desktop.gui.permissions import role_name
from sangkien_desktop.security import access
from sangkien_desktop.security.users import LoginError, authenticate, lock_minutes
from sangkien_desktop.storage.database import Database

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)

STYLE = """
QWidget#lockOverlay { background: #e9eef5; }
QFrame#lockPanel { background: white; border: 1px solid #cfd6e0; border-radius: 10px; }
QLabel#lockTitle { font-size: 15pt; font-weight: 600; color: #1c2b4a; }
"""


class LockOverlay(QWidget):
    """The panel over one window: the password, Mở khóa, Đăng xuất."""

    def __init__(self, lock: ScreenLock, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.lock = lock
        self.covered = window
        self.title = window.windowTitle()
        # The window's own widgets, disabled while covered (restored as they were).
        self.disabled = [
            w
            for w in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w is not self and not w.isWindow() and w.isEnabled()
        ]

        panel = QFrame(self, objectName="lockPanel")
        panel.setFixedWidth(420)
        icon = QLabel(panel)
        icon.setPixmap(app_icon().pixmap(48, 48))
        heading = QLabel(self.tr("Màn hình đã khóa"), panel, objectName="lockTitle")
        user = lock.user
        who = hint(
            self.tr("%1 (%2) đang đăng nhập. Nhập mật khẩu để tiếp tục làm việc.")
            .replace("%1", user.label if user else "")
            .replace("%2", role_name(user.role) if user else ""),
            panel,
        )
        who.setObjectName("lockUser")
        self.password = QLineEdit(panel, objectName="unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Mật khẩu"))
        self.message = hint("", panel, "error")
        self.message.setObjectName("unlockMessage")
        self.message.hide()
        self.unlock_button = QPushButton(self.tr("Mở khóa"), panel, objectName="unlockButton")
        self.logout_button = QPushButton(self.tr("Đăng xuất"), panel, objectName="lockLogout")
        self.logout_button.setToolTip(
            self.tr("Cho người khác đăng nhập; các cửa sổ sáng kiến được đóng như thường lệ.")
        )
        for button in (self.unlock_button, self.logout_button):
            button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(heading, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.logout_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(10)
        inner.addLayout(top)
        inner.addWidget(who)
        inner.addWidget(self.password)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.wait = SignInWait(lock.db, self.unlock_button, self.message)
        self.password.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.logout_button.clicked.connect(lock.logout_requested)

        for widget in self.disabled:
            widget.setEnabled(False)
        window.setWindowTitle(self.tr("Sáng Kiến Desktop — Đã khóa"))
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.covered and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.covered.rect())
        return False

    def try_unlock(self) -> None:
        """As the login screen: during the wait after failed tries nothing is checked and the
        password typed meanwhile stays."""
        user = self.lock.user
        if self.wait.active or (user and self.wait.start_if_needed(user.username)):
            return
        problem = self.lock.unlock(self.password.text(), now=self.wait.clock())
        if problem:
            self.password.clear()
            self.message.setText(problem)
            self.message.show()
            if user:
                self.wait.start_if_needed(user.username, problem)

    def uncover(self) -> None:
        self.covered.removeEventFilter(self)
        for widget in self.disabled:
            if isValid(widget):
                widget.setEnabled(True)
        self.covered.setWindowTitle(self.title)
        self.hide()
        self.deleteLater()


class ScreenLock(QObject):
    """Locks ``windows()`` (the main window and its editors) after ``timeout_ms`` without input;
    Ctrl+L locks at once. Emits ``locked_changed(bool)`` and ``logout_requested()`` (the way
    out for another person at the desk)."""

    locked_changed = Signal(bool)
    logout_requested = Signal()

    def __init__(
        self, db: Database, windows: Callable[[], list[QWidget]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.windows = windows
        self.user = access.current_user(db)
        self.overlays: list[LockOverlay] = []
        self._timeout_ms = lock_minutes(db) * 60_000
        self._last_input = time.monotonic()
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._idle_check)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer.start(self._timeout_ms)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @timeout_ms.setter
    def timeout_ms(self, value: int) -> None:
        """Milliseconds without input before the lock; counted from now."""
        self._timeout_ms = max(int(value), 1)
        self._last_input = time.monotonic()
        if not self.locked:
            self._timer.start(self._timeout_ms)

    @property
    def locked(self) -> bool:
        return bool(self.overlays)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            self._last_input = time.monotonic()
        elif kind == QEvent.Type.Shortcut and self.locked:
            # Ctrl+S, Ctrl+N … of the covered windows must not act behind the panel.
            return True
        return False

    def _idle_check(self) -> None:
        if self.locked:
            return
        idle_ms = (time.monotonic() - self._last_input) * 1000
        if idle_ms >= self._timeout_ms:
            self.lock()
        else:
            self._timer.start(max(int(self._timeout_ms - idle_ms), 1))

    def lock(self) -> None:
        """Cover every window now (nothing happens with nobody signed in)."""
        self.user = access.current_user(self.db)
        if self.locked or self.user is None:
            return
        self._timer.stop()
        self.overlays = [LockOverlay(self, w) for w in self.windows() if isValid(w)]
        if self.overlays:
            self.locked_changed.emit(True)

    def unlock(self, password: str, now: datetime | None = None) -> str:
        """Open the lock when ``password`` is the signed-in user's; otherwise the core's
        reason (a wrong password counts as a failed login, so the wait applies)."""
        if self.user is None:
            return ""
        try:
            user = authenticate(self.db, self.user.username, password, now)
        except LoginError as exc:
            return exc.message
        access.sign_in(self.db, user)
        self.user = user
        overlays, self.overlays = self.overlays, []
        for overlay in overlays:
            if isValid(overlay):
                overlay.uncover()
        self._last_input = time.monotonic()
        self._timer.start(self._timeout_ms)
        self.locked_changed.emit(False)
        return ""

    def stop(self) -> None:
        """No more locking (the user logs out)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
