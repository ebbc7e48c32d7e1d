"""Accounts in the GUI: the first two accounts (first-run wizard, or Cài đặt of a database still
in single-user mode), the dialogs that add or edit a user and change a password, and the
Tài khoản section of Cài đặt (the user list for ADMIN; everyone changes their own password).

Every change goes through security.users, which checks the role; a refusal is shown with
tasks.show_error or, in a dialog, in place so nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.look import hint, set_role
from sangkien_desktop.gui.permissions import guard, role_name
from sangkien_desktop.gui.tasks import show_error
from sangkien_desktop.security import access
from sangkien_desktop.security.users import (
    MIN_PASSWORD,
    NewAccount,
    Role,
    UserInfo,
    add_user,
    change_password,
    create_first_accounts,
    list_users,
    lock_minutes,
    set_lock_minutes,
    set_password,
    update_user,
)
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import clean


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent, objectName=name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(200)
    return field


def fix_minimum_size(dialog: QWidget, width: int) -> None:
    """Fix both minimum dimensions before the dialog shows: a minimum its layout sets later is
    a request some platforms refuse (offscreen warns)."""
    dialog.setMinimumSize(dialog.minimumSizeHint().expandedTo(QSize(width, 0)))


def password_problem(password: str, again: str) -> str:
    """Why a new password typed twice cannot be used yet; empty when it can."""
    if len(password) < MIN_PASSWORD:
        return QCoreApplication.translate("Accounts", "Mật khẩu cần ít nhất %1 ký tự.").replace(
            "%1", str(MIN_PASSWORD)
        )
    if password != again:
        return QCoreApplication.translate("Accounts", "Hai lần nhập mật khẩu không khớp.")
    return ""


# The first accounts ------------------------------------------------------------------------


class AccountBox(QGroupBox):
    """One account of the first two: full name, user name, password twice."""

    changed = Signal()

    def __init__(self, title: str, prefix: str, username: str, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.full_name = QLineEdit(self, objectName=f"{prefix}FullName")
        self.full_name.setMaxLength(200)
        self.full_name.setPlaceholderText(self.tr("Họ và tên"))
        self.username = QLineEdit(username, self, objectName=f"{prefix}Username")
        self.username.setMaxLength(64)
        self.password = _password_field(self, f"{prefix}Password")
        self.again = _password_field(self, f"{prefix}Again")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Họ và tên *"), self.full_name)
        form.addRow(self.tr("Tên đăng nhập *"), self.username)
        form.addRow(self.tr("Mật khẩu *"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu *"), self.again)
        for edit in (self.full_name, self.username, self.password, self.again):
            edit.textChanged.connect(self.changed)

    def problem(self) -> str:
        name = self.title()
        if not clean(self.full_name.text()):
            return self.tr("%1: cần họ và tên.").replace("%1", name)
        username = clean(self.username.text())
        if not username or any(ch.isspace() for ch in username):
            return self.tr("%1: cần tên đăng nhập, không có dấu cách.").replace("%1", name)
        issue = password_problem(self.password.text(), self.again.text())
        return f"{name}: {issue}" if issue else ""


class FirstAccountsForm(QWidget):
    """The ADMIN and the CHAIR account of a new installation (one person may hold both)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, chair_name: str = "") -> None:
        super().__init__(parent)
        self.admin = AccountBox(self.tr("Người quản trị"), "admin", "quantri", self)
        self.chair = AccountBox(self.tr("Chủ tịch công đoàn"), "chair", "chutich", self)
        self.chair.full_name.setText(chair_name)
        self.admin.setToolTip(
            self.tr("Quản lý tài khoản, cài đặt và khóa ký của đơn vị; không sửa sáng kiến.")
        )
        self.chair.setToolTip(
            self.tr(
                "Công nhận sáng kiến, ký gói hồ sơ gửi cấp trên, in giấy chứng nhận, ghi khen "
                "thưởng; nhập và sửa sáng kiến như Tổ hỗ trợ."
            )
        )
        self.status = hint("", self)
        self.status.setObjectName("accountsStatus")
        boxes = QHBoxLayout()
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.addWidget(self.admin)
        boxes.addWidget(self.chair)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            hint(
                self.tr(
                    "Người quản trị quản lý tài khoản, cài đặt và khóa ký; Chủ tịch công nhận "
                    "sáng kiến, ký gói hồ sơ và in giấy chứng nhận. Một người có thể giữ cả "
                    "hai tài khoản (hai tên đăng nhập khác nhau). Tài khoản cho Tổ hỗ trợ và "
                    "người chỉ xem thêm sau trong Cài đặt."
                ),
                self,
            )
        )
        layout.addLayout(boxes)
        layout.addWidget(self.status)
        for box in (self.admin, self.chair):
            box.changed.connect(self._changed)
        self._changed()

    def problem(self) -> str:
        issue = self.admin.problem() or self.chair.problem()
        if issue:
            return issue
        if clean(self.admin.username.text()).lower() == clean(self.chair.username.text()).lower():
            return self.tr("Hai tài khoản cần hai tên đăng nhập khác nhau.")
        return ""

    def _changed(self) -> None:
        self.status.setText(self.problem())
        self.changed.emit()

    def accounts(self) -> list[NewAccount]:
        return [
            NewAccount(box.username.text(), box.full_name.text(), role.value, box.password.text())
            for box, role in ((self.admin, Role.ADMIN), (self.chair, Role.CHAIR))
        ]

    def create(self, db: Database) -> UserInfo:
        """Create both accounts; returns the CHAIR's (the one to start work with)."""
        created = create_first_accounts(db, self.accounts())
        return next(u for u in created if u.role == Role.CHAIR)


class FirstAccountsDialog(QDialog):
    """Cài đặt of a database in single-user mode: create its first two accounts."""

    def __init__(self, db: Database, parent: QWidget | None = None, chair_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("firstAccountsDialog")
        self.setWindowTitle(self.tr("Tạo tài khoản người dùng"))
        self.db = db
        self.created = False
        self.form = FirstAccountsForm(self, chair_name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tạo tài khoản"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Từ khi có tài khoản, mỗi lần mở ứng dụng cần đăng nhập, và mỗi việc chỉ "
                    "làm được với vai trò phù hợp."
                ),
                self,
            )
        )
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self._changed)
        self._changed()
        fix_minimum_size(self, 760)

    @classmethod
    def ask(cls, db: Database, parent: QWidget | None = None, chair_name: str = "") -> bool:
        """True once the accounts exist (tests replace this)."""
        dialog = cls(db, parent, chair_name)
        dialog.exec()
        return dialog.created

    def _changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.form.problem())

    def accept(self) -> None:
        try:
            self.form.create(self.db)
        except SangKienError as exc:
            show_error(self, exc)
            return
        self.created = True
        super().accept()


# Dialogs -----------------------------------------------------------------------------------


class _FormDialog(QDialog):
    """A form, a message line for the core's refusal, OK and Hủy."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = hint("", self, "error")
        self.message.setObjectName("dialogMessage")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class PasswordDialog(_FormDialog):
    """A new password typed twice; the old one too when users change their own."""

    def __init__(
        self,
        title: str,
        apply: Callable[[str, str], object],
        parent: QWidget | None = None,
        *,
        needs_old: bool,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("passwordDialog")
        self.apply = apply
        self.old = _password_field(self, "oldPassword")
        self.new = _password_field(self, "newPassword")
        self.again = _password_field(self, "againPassword")
        if needs_old:
            self.form.addRow(self.tr("Mật khẩu hiện tại"), self.old)
        else:
            self.old.hide()
        self.form.addRow(self.tr("Mật khẩu mới"), self.new)
        self.form.addRow(self.tr("Nhập lại mật khẩu mới"), self.again)
        self.form.addRow(
            "", hint(self.tr("Ít nhất %1 ký tự.").replace("%1", str(MIN_PASSWORD)), self)
        )
        fix_minimum_size(self, 440)

    @classmethod
    def change_own(cls, parent: QWidget | None, db: Database, username: str) -> bool:
        """The signed-in user changes their password (tests replace this)."""
        dialog = cls(
            QCoreApplication.translate("PasswordDialog", "Đổi mật khẩu của tôi"),
            lambda old, new: change_password(db, username, old, new),
            parent,
            needs_old=True,
        )
        return dialog.exec() == QDialog.DialogCode.Accepted

    @classmethod
    def reset(cls, parent: QWidget | None, db: Database, username: str) -> bool:
        """ADMIN sets a new password for ``username`` (tests replace this)."""
        dialog = cls(
            QCoreApplication.translate("PasswordDialog", "Đặt lại mật khẩu của “%1”").replace(
                "%1", username
            ),
            lambda _old, new: set_password(db, username, new),
            parent,
            needs_old=False,
        )
        return dialog.exec() == QDialog.DialogCode.Accepted

    def accept(self) -> None:
        problem = password_problem(self.new.text(), self.again.text())
        if problem:
            self.say(problem)
            return
        try:
            self.apply(self.old.text(), self.new.text())
        except SangKienError as exc:  # said in place: nothing typed is lost
            self.say(exc.message)
            return
        super().accept()


class UserDialog(_FormDialog):
    """Add an account (user name, full name, role, password twice) or edit one (full name,
    role)."""

    def __init__(self, db: Database, user: UserInfo | None = None, parent: QWidget | None = None):
        super().__init__(
            self.tr("Thêm tài khoản")
            if user is None
            else self.tr("Sửa tài khoản “%1”").replace("%1", user.username),
            parent,
        )
        self.setObjectName("userDialog")
        self.db = db
        self.editing = user
        self.user: UserInfo | None = None
        self.username = QLineEdit(user.username if user else "", self, objectName="newUsername")
        self.username.setMaxLength(64)
        self.username.setReadOnly(user is not None)
        self.full_name = QLineEdit(user.full_name if user else "", self, objectName="newFullName")
        self.full_name.setMaxLength(200)
        self.role = QComboBox(self, objectName="newRole")
        for role in (Role.SUPPORT, Role.VIEWER, Role.CHAIR, Role.ADMIN):
            self.role.addItem(role_name(role), role.value)
        if user is not None:
            self.role.setCurrentIndex(max(self.role.findData(user.role), 0))
        self.password = _password_field(self, "newUserPassword")
        self.again = _password_field(self, "newUserAgain")
        self.form.addRow(self.tr("Tên đăng nhập"), self.username)
        self.form.addRow(self.tr("Họ và tên"), self.full_name)
        self.form.addRow(self.tr("Vai trò"), self.role)
        if user is None:
            self.form.addRow(self.tr("Mật khẩu"), self.password)
            self.form.addRow(self.tr("Nhập lại mật khẩu"), self.again)
        else:
            self.password.hide()
            self.again.hide()
        fix_minimum_size(self, 440)

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, user: UserInfo | None = None
    ) -> UserInfo | None:
        """The account added or edited; None when cancelled (tests replace this)."""
        dialog = cls(db, user, parent)
        dialog.exec()
        return dialog.user

    def accept(self) -> None:
        role = str(self.role.currentData())
        problem = "" if self.editing else password_problem(self.password.text(), self.again.text())
        if problem:
            self.say(problem)
            return
        try:
            if self.editing is None:
                self.user = add_user(
                    self.db, self.username.text(), self.full_name.text(), role, self.password.text()
                )
            else:
                self.user = update_user(
                    self.db, self.editing.username, full_name=self.full_name.text(), role=role
                )
        except SangKienError as exc:
            self.say(exc.message)
            return
        super().accept()


# Cài đặt -----------------------------------------------------------------------------------


class AccountsGroup(QGroupBox):
    """Cài đặt › Tài khoản: who is signed in and their password; for ADMIN the accounts and the
    idle minutes before the screen locks. Emits ``lock_minutes_changed(minutes)``."""

    lock_minutes_changed = Signal(int)

    COLUMNS = ("username", "full_name", "role", "active")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("AccountsGroup", "Tài khoản"), parent)
        self.setObjectName("accountsGroup")
        self.db = db
        self.users: list[UserInfo] = []
        me = access.current_user(db)
        self.me_label = QLabel(self, objectName="signedInAs")
        self.me_label.setWordWrap(True)
        if me is not None:
            self.me_label.setText(
                self.tr("Đang đăng nhập: %1 (%2), vai trò %3.")
                .replace("%1", me.label)
                .replace("%2", me.username)
                .replace("%3", role_name(me.role))
            )
        self.password_button = QPushButton(
            self.tr("Đổi mật khẩu của tôi…"), self, objectName="changeMyPassword"
        )
        self.password_button.clicked.connect(self.change_my_password)
        self.status = hint("", self)
        self.status.setObjectName("accountsStatus")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.me_label, 1)
        row.addWidget(self.password_button)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.admin = access.can(db, "user.manage")
        if self.admin:
            layout.addWidget(self._users_part())
            layout.addLayout(self._lock_part())
            self.reload()

    def _users_part(self) -> QWidget:
        self.table = QTableWidget(0, len(self.COLUMNS), self, objectName="usersTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Tên đăng nhập"),
                self.tr("Họ và tên"),
                self.tr("Vai trò"),
                self.tr("Trạng thái"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        self.add_button = QPushButton(self.tr("Thêm tài khoản…"), self, objectName="addUser")
        self.edit_button = QPushButton(self.tr("Sửa tên, vai trò…"), self, objectName="editUser")
        self.reset_button = QPushButton(
            self.tr("Đặt lại mật khẩu…"), self, objectName="resetPassword"
        )
        self.active_button = QPushButton(self.tr("Khóa tài khoản"), self, objectName="userActive")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        part = QWidget(self)
        layout = QVBoxLayout(part)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(
            hint(
                self.tr(
                    "Tài khoản không xóa được, chỉ khóa: lịch sử thay đổi vẫn ghi đúng người. "
                    "Người quản trị không công nhận hay sửa sáng kiến; Chủ tịch dùng tài khoản "
                    "riêng."
                ),
                part,
            )
        )
        return part

    def _lock_part(self) -> QHBoxLayout:
        self.lock_spin = QSpinBox(self, objectName="lockMinutes")
        self.lock_spin.setRange(1, 120)
        self.lock_spin.setSuffix(self.tr(" phút"))
        self.lock_spin.setValue(lock_minutes(self.db))
        self.save_lock_button = QPushButton(self.tr("Lưu"), self, objectName="saveLockMinutes")
        self.lock_spin.valueChanged.connect(self._lock_edited)
        self.save_lock_button.clicked.connect(self.save_lock_minutes)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Khóa màn hình sau"), self))
        row.addWidget(self.lock_spin)
        row.addWidget(QLabel(self.tr("không dùng"), self))
        row.addWidget(self.save_lock_button)
        row.addStretch(1)
        self._lock_edited()
        return row

    # Showing -----------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.admin:
            return
        selected = self.selected()
        self.users = list_users(self.db)
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            values = (
                user.username,
                user.full_name,
                role_name(user.role),
                self.tr("Đang dùng") if user.active else self.tr("Đã khóa"),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not user.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
            if selected is not None and user.username == selected.username:
                self.table.selectRow(row)
        rows = sum(self.table.rowHeight(r) for r in range(min(len(self.users), 8)))
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows + 4)
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        if not self.admin:
            return None
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows and rows[0].row() < len(self.users) else None

    def _update_buttons(self) -> None:
        user = self.selected()
        guard(self.db, self.add_button, "user.manage")
        for button in (self.edit_button, self.reset_button, self.active_button):
            guard(self.db, button, "user.manage", user is not None)
        active = user is None or user.active
        self.active_button.setText(self.tr("Khóa tài khoản") if active else self.tr("Mở khóa"))

    def _lock_edited(self) -> None:
        changed = self.lock_spin.value() != lock_minutes(self.db)
        guard(self.db, self.save_lock_button, "setting.edit", changed)

    # Changing ----------------------------------------------------------------------------
    def change_my_password(self) -> None:
        me = access.current_user(self.db)
        if me is not None and PasswordDialog.change_own(self, self.db, me.username):
            self.say(self.tr("Đã đổi mật khẩu."))

    def say(self, text: str, role: str = "done") -> None:
        self.status.setText(text)
        set_role(self.status, role)

    def add(self) -> None:
        user = UserDialog.ask(self, self.db)
        if user is not None:
            self.reload()
            self._select(user.username)
            self.say(self.tr("Đã thêm tài khoản “%1”.").replace("%1", user.username))

    def edit_user(self) -> None:
        user = self.selected()
        if user is None or not self.edit_button.isEnabled():
            return
        if UserDialog.ask(self, self.db, user) is not None:
            self.reload()

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None and PasswordDialog.reset(self, self.db, user.username):
            self.say(self.tr("Đã đặt lại mật khẩu của “%1”.").replace("%1", user.username))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            changed = update_user(self.db, user.username, active=not user.active)
        except SangKienError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.say(
            (
                self.tr("Đã khóa tài khoản “%1”: không đăng nhập được nữa.")
                if not changed.active
                else self.tr("Đã mở khóa tài khoản “%1”.")
            ).replace("%1", changed.username)
        )

    def save_lock_minutes(self) -> None:
        minutes = self.lock_spin.value()
        try:
            set_lock_minutes(self.db, minutes)
        except SangKienError as exc:
            show_error(self, exc)
            return
        self._lock_edited()
        self.say(self.tr("Màn hình sẽ khóa sau %n phút không dùng.", "", minutes))
        self.lock_minutes_changed.emit(minutes)

    def _select(self, username: str) -> None:
        for row, user in enumerate(self.users):
            if user.username == username:
                self.table.selectRow(row)
