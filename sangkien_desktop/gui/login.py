"""The login screen of a database with accounts: user name and password, the core's answer
shown in place (a wrong password, the wait after several failures, a disabled account)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import NotFoundError
from sangkien_desktop.gui.look import app_icon, hint
from sangkien_desktop.security.access import sign_in_wait
from sangkien_desktop.security.users import LoginError, UserInfo, authenticate
from sangkien_desktop.services.demo import demo_login
from sangkien_desktop.services.units import unit_details
from sangkien_desktop.storage.database import Database

LAST_USER_KEY = "login/username"
TICK_MS = 250  # how often the count-down is redrawn (it counts by the clock, not the ticks)


def unit_name(db: Database) -> str:
    try:
        return unit_details(db).name
    except NotFoundError:
        return ""


class SignInWait(QObject):
    """The wait the core imposes after failed sign-ins, counted down live in ``message``
    ("Vui lòng chờ N giây…"): ``button`` is disabled and :attr:`active` tells the screen to
    ignore Enter until it ends; what is typed meanwhile stays. ``finished()`` at the end."""

    finished = Signal()
    #: The time now; tests replace it (the core's ``now`` comes from it too).
    clock: Callable[[], datetime] = datetime.now

    def __init__(self, db: Database, button: QPushButton, message: QLabel) -> None:
        super().__init__(button)
        self.db, self.button, self.message = db, button, message
        self._until: datetime | None = None
        self._reason = ""
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def active(self) -> bool:
        return self._until is not None

    def start_if_needed(self, username: str, reason: str = "") -> bool:
        """Count down when ``username`` must wait now (``reason``, the refusal that caused it,
        stays above the count); whether it must."""
        now = self.clock()
        wait = sign_in_wait(self.db, username, now)
        if not wait:
            return False
        self._until, self._reason = now + wait, reason
        self.button.setEnabled(False)
        self._timer.start()
        self._tick()
        return True

    def _tick(self) -> None:
        if self._until is None:
            return
        left = (self._until - self.clock()).total_seconds()
        if left <= 0:
            self._end()
            return
        count = self.tr("Vui lòng chờ %n giây…", "", math.ceil(left))
        self.message.setText(f"{self._reason}\n{count}" if self._reason else count)
        self.message.show()

    def _end(self) -> None:
        self._timer.stop()
        self._until = None
        self.button.setEnabled(True)
        self.message.setText(self._reason)
        self.message.setVisible(bool(self._reason))
        self.finished.emit()


class LoginDialog(QDialog):
    """Emits ``signed_in(user)`` once the password is right (and closes); Hủy rejects."""

    signed_in = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, username: str = "") -> None:
        """``username`` is filled in; by default the last one that signed in on this PC."""
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.db = db
        self.user: UserInfo | None = None
        self.setWindowTitle(self.tr("Sáng Kiến Desktop — Đăng nhập"))
        self.setWindowIcon(app_icon())

        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(56, 56))
        title = QLabel(self.tr("Sáng Kiến Desktop"), self, objectName="screenTitle")
        self.unit_label = QLabel(unit_name(db), self, objectName="unitLabel")
        self.unit_label.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self.unit_label)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        username = username or str(QSettings().value(LAST_USER_KEY, "") or "")
        self.username = QLineEdit(username, self, objectName="loginUsername")
        self.username.setMaxLength(64)
        self.password = QLineEdit(self, objectName="loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Mật khẩu"), self.password)

        self.message = hint("", self, "error")
        self.message.setObjectName("loginMessage")
        self.message.hide()
        demo = demo_login(db)
        self.demo_hint = hint(
            self.tr("Dữ liệu mẫu: tài khoản %1, mật khẩu %2")
            .replace("%1", " / ".join(demo.usernames))
            .replace("%2", demo.password)
            if demo
            else "",
            self,
        )
        self.demo_hint.setObjectName("demoHint")
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_hint.setVisible(demo is not None)

        self.login_button = QPushButton(self.tr("Đăng nhập"), self, objectName="loginButton")
        self.cancel_button = QPushButton(self.tr("Thoát"), self, objectName="quitButton")
        # Enter is handled by the fields (returnPressed), never also by a default button:
        # one press must not count as two failed tries.
        for button in (self.login_button, self.cancel_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.demo_hint)
        layout.addStretch(1)
        layout.addLayout(buttons)
        # Both dimensions fixed before showing: a minimum the layout sets later is a resize
        # request some platforms refuse (offscreen warns).
        self.setMinimumSize(self.minimumSizeHint().expandedTo(QSize(440, 0)))

        self.wait = SignInWait(db, self.login_button, self.message)
        self.login_button.clicked.connect(self.try_login)
        self.cancel_button.clicked.connect(self.reject)
        self.username.returnPressed.connect(self._next_field)
        self.password.returnPressed.connect(self.try_login)
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(cls, db: Database, parent: QWidget | None = None) -> UserInfo | None:
        """Ask modally; the account on success, None when cancelled (tests replace this)."""
        dialog = cls(db, parent)
        dialog.exec()
        return dialog.user

    def _next_field(self) -> None:
        if self.password.text():
            self.try_login()
        else:
            self.password.setFocus(Qt.FocusReason.TabFocusReason)

    def try_login(self) -> None:
        """Check the password with the core; a refusal is said in place and the password
        field cleared for the next try. During the wait after failed tries nothing is
        checked (a try would be refused) and the password typed meanwhile stays."""
        if self.wait.active:
            return
        if not self.username.text().strip():
            self.username.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.wait.start_if_needed(self.username.text()):
            return
        try:
            user = authenticate(
                self.db, self.username.text(), self.password.text(), now=self.wait.clock()
            )
        except LoginError as exc:
            self.password.clear()
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            self.message.setText(exc.message)
            self.message.show()
            self.wait.start_if_needed(self.username.text(), exc.message)
            return
        self.user = user
        QSettings().setValue(LAST_USER_KEY, user.username)
        self.message.hide()
        self.password.clear()
        self.accept()
        self.signed_in.emit(user)
