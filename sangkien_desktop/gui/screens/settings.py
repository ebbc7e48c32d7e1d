"""Cài đặt: the unit's details, the accounts (or, in single-user mode, the person at the desk),
the backups, the interface language, the program profile in use and where the data lives."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.documents.fonts import font_in_use
from sangkien_desktop.gui.accounts import AccountsGroup, FirstAccountsDialog
from sangkien_desktop.gui.backups_page import BackupsGroup
from sangkien_desktop.gui.first_run import UnitForm
from sangkien_desktop.gui.look import (
    LANGUAGES,
    hint,
    install_translation,
    language,
    set_language,
    set_role,
    set_user_name,
    ui_language,
    user_name,
)
from sangkien_desktop.gui.ownership import keep
from sangkien_desktop.gui.permissions import guard, role_name
from sangkien_desktop.gui.tasks import show_error
from sangkien_desktop.program.profile import ProgramProfile, profiles_dir
from sangkien_desktop.security import access
from sangkien_desktop.services.units import UnitDetails, init_unit, unit_details
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import clean, format_date, format_number


class SettingsScreen(QWidget):
    def __init__(self, db: Database, profile: ProgramProfile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsScreen")
        self.db = db
        self.profile = profile
        self._saved_unit: UnitDetails | None = None
        # With accounts, who is at the desk is the signed-in account; without, a name.
        self.accounts_mode = access.accounts_exist(db)
        self.accounts_group: AccountsGroup | None = None

        title = QLabel(self.tr("Cài đặt"), self, objectName="screenTitle")
        page = QWidget(self)
        # Two independent columns, so a short group never stretches to its neighbour's height.
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._unit_group(page))
        if self.accounts_mode:
            self.accounts_group = AccountsGroup(db, page)
            self.accounts_group.lock_minutes_changed.connect(self._lock_minutes_changed)
            left.addWidget(self.accounts_group)
        self.backups_group = BackupsGroup(db, page)
        left.addWidget(self.backups_group)
        left.addWidget(self._profile_group(page))
        left.addStretch(1)
        if not self.accounts_mode:
            right.addWidget(self._user_group(page))
        right.addWidget(self._language_group(page))
        right.addWidget(self._database_group(page))
        right.addStretch(1)
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 0, 8, 0)
        columns.setSpacing(16)
        columns.addLayout(left, 5)
        columns.addLayout(right, 3)
        scroll = QScrollArea(self)
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        self.reload()

    # Building ----------------------------------------------------------------------------------
    def _unit_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Công đoàn cơ sở"), parent)
        self.unit_form = UnitForm(group)
        # Read-only for a role that may not change settings: greyed, so it does not pass for
        # a form whose save button merely happens to be off.
        self.unit_form.setStyleSheet("QLineEdit:read-only { background: #f4f5f7; color: #2b2f36; }")
        self.save_unit_button = QPushButton(self.tr("Lưu thông tin đơn vị"), group)
        self.save_unit_button.setObjectName("saveUnit")
        self.unit_status = hint("", group)
        self.unit_status.setObjectName("unitStatus")
        self.unit_read_only_hint = hint("", group)
        self.unit_read_only_hint.setObjectName("unitReadOnlyHint")
        self.unit_read_only_hint.setVisible(False)
        self.unit_form.changed.connect(self._unit_edited)
        self.save_unit_button.clicked.connect(self.save_unit)
        layout = QVBoxLayout(group)
        layout.addWidget(self.unit_read_only_hint)
        layout.addWidget(self.unit_form)
        layout.addLayout(self._button_row(self.save_unit_button, self.unit_status))
        return group

    def _user_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Người sử dụng"), parent)
        self.user_edit = QLineEdit(group, objectName="userName")
        self.user_edit.setMaxLength(200)
        self.user_edit.setPlaceholderText(self.tr("Họ và tên, VD: Lê Minh Tâm"))
        self.save_user_button = QPushButton(self.tr("Lưu tên"), group, objectName="saveUser")
        self.user_status = hint("", group)
        self.user_edit.textChanged.connect(self._user_edited)
        self.user_edit.returnPressed.connect(self.save_user)
        self.save_user_button.clicked.connect(self.save_user)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Họ và tên"), self.user_edit)
        layout = QVBoxLayout(group)
        layout.addLayout(form)
        layout.addWidget(
            hint(
                self.tr(
                    "Tên này được ghi vào lịch sử của mỗi thay đổi. Chưa có tài khoản người "
                    "dùng: ai mở ứng dụng trên máy này cũng làm được mọi việc."
                ),
                group,
            )
        )
        layout.addLayout(self._button_row(self.save_user_button, self.user_status))
        self.create_accounts_button = QPushButton(
            self.tr("Tạo tài khoản…"), group, objectName="createAccounts"
        )
        self.create_accounts_button.setToolTip(
            self.tr(
                "Tạo tài khoản người quản trị và Chủ tịch; từ đó mỗi người đăng nhập bằng "
                "tài khoản của mình, với vai trò của mình."
            )
        )
        self.create_accounts_button.clicked.connect(self.create_accounts)
        layout.addLayout(self._button_row(self.create_accounts_button))
        return group

    def _language_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Ngôn ngữ giao diện"), parent)
        self.language_combo = QComboBox(group, objectName="languageCombo")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.apply_language_button = QPushButton(self.tr("Áp dụng"), group)
        self.apply_language_button.setObjectName("applyLanguage")
        self.language_status = hint(
            self.tr(
                "Cửa sổ chính được mở lại bằng ngôn ngữ mới; hãy đóng các cửa sổ sáng kiến "
                "đang sửa trước."
            ),
            group,
        )
        self.language_combo.currentIndexChanged.connect(self._language_edited)
        self.apply_language_button.clicked.connect(self.apply_language)
        row = QHBoxLayout()
        row.addWidget(self.language_combo, 1)
        row.addWidget(self.apply_language_button)
        layout = QVBoxLayout(group)
        layout.addLayout(row)
        layout.addWidget(self.language_status)
        return group

    def _database_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Dữ liệu"), parent)
        self.database_label = self._path_field(group, "databasePath")
        self.folder_label = self._path_field(group, "databaseFolder")
        self.size_label = self._value_label(group, "databaseSize")
        self.open_folder_button = QPushButton(self.tr("Mở thư mục"), group)
        self.open_folder_button.setObjectName("openFolder")
        self.open_folder_button.clicked.connect(lambda: type(self).open_folder(self.db.folder))
        form = QFormLayout(group)
        form.addRow(self.tr("Tệp dữ liệu"), self.database_label)
        form.addRow(self.tr("Dung lượng"), self.size_label)
        form.addRow(self.tr("Thư mục"), self.folder_label)
        form.addRow(
            "",
            hint(self.tr("Tệp đính kèm và bản sao lưu nằm trong thư mục này."), group),
        )
        form.addRow("", self._button_row(self.open_folder_button))
        self.font_label = self._value_label(group, "documentFont", font_in_use())
        form.addRow(self.tr("Phông chữ in văn bản"), self.font_label)
        form.addRow(
            "",
            hint(
                self.tr(
                    "Times New Roman khi máy có (nhúng vào tệp PDF), nếu không thì Liberation "
                    "Serif kèm theo ứng dụng, cùng kích thước chữ."
                ),
                group,
            ),
        )
        return group

    def _profile_group(self, parent: QWidget) -> QGroupBox:
        profile = self.profile
        group = QGroupBox(self.tr("Chương trình đang áp dụng"), parent)
        name = profile.label(ui_language())
        window = f"{format_date(profile.window_start)} – {format_date(profile.window_end)}"
        target = f"{profile.participation_target_pct:g}%"
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Chương trình"), self._value_label(group, "profileName", name))
        form.addRow(
            self.tr("Văn bản hướng dẫn"),
            self._value_label(group, "profileGuidance", profile.guidance),
        )
        form.addRow(
            self.tr("Áp dụng từ ngày đến ngày"), self._value_label(group, "profileWindow", window)
        )
        form.addRow(
            self.tr("Tỉ lệ tham gia tối thiểu"),
            self._value_label(
                group,
                "profileTarget",
                self.tr("%1 số đoàn viên, người lao động").replace("%1", target),
            ),
        )
        form.addRow(
            self.tr("Hạn trả lời đơn"),
            self._value_label(
                group,
                "profileDeadline",
                self.tr("%n tháng kể từ khi nhận đơn", "", profile.decision_deadline_months),
            ),
        )
        source = profiles_dir() / f"{profile.id}.toml"
        form.addRow(
            self.tr("Tệp hồ sơ chương trình"), self._value_label(group, "profileFile", str(source))
        )
        self.phases_table = QTableWidget(len(profile.phases), 4, group, objectName="phasesTable")
        self.phases_table.setHorizontalHeaderLabels(
            [
                self.tr("Giai đoạn"),
                self.tr("Sáng kiến đủ điều kiện"),
                self.tr("Cập nhật lên Cổng"),
                self.tr("Chỉ tiêu toàn quốc"),
            ]
        )
        for row, phase in enumerate(profile.phases):
            values = (
                str(phase.number),
                f"{format_date(phase.eligible_from)} – {format_date(phase.eligible_to)}",
                self.tr("%1 đến %2")
                .replace("%1", self._moment(phase.updates_from))
                .replace("%2", self._before(phase.updates_before)),
                format_number(phase.national_target),
            )
            for column, value in enumerate(values):
                self.phases_table.setItem(row, column, QTableWidgetItem(value))
        self.phases_table.verticalHeader().setVisible(False)
        self.phases_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.phases_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.phases_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.phases_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        rows_height = sum(self.phases_table.rowHeight(r) for r in range(len(profile.phases)))
        self.phases_table.setFixedHeight(header.sizeHint().height() + rows_height + 4)
        layout = QVBoxLayout(group)
        layout.addLayout(form)
        layout.addWidget(self.phases_table)
        layout.addWidget(
            hint(
                self.tr(
                    "Các ngày và chỉ tiêu lấy từ hồ sơ chương trình, không sửa ở đây. Một đợt "
                    "sau của chương trình là một tệp hồ sơ mới."
                ),
                group,
            )
        )
        return group

    def _value_label(self, parent: QWidget, name: str, text: str = "") -> QLabel:
        label = QLabel(text, parent, objectName=name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _path_field(parent: QWidget, name: str) -> QLineEdit:
        """Read-only and scrollable: a long path without spaces cannot wrap, and it may be
        copied whole."""
        field = QLineEdit(parent, objectName=name)
        field.setReadOnly(True)
        field.setFrame(False)
        field.setStyleSheet("background: transparent;")
        return field

    @staticmethod
    def _button_row(button: QPushButton, status: QLabel | None = None) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(button)
        if status is not None:
            row.addWidget(status, 1)
        else:
            row.addStretch(1)
        return row

    def _moment(self, moment: datetime) -> str:
        return f"{moment:%H:%M} {format_date(moment.date())}"

    def _before(self, moment: datetime) -> str:
        """“trước 24:00 31/05/2022” reads better than “trước 00:00 01/06/2022”."""
        if (moment.hour, moment.minute) == (0, 0):
            day = format_date(moment.date() - timedelta(days=1))
            return self.tr("trước 24:00 %1").replace("%1", day)
        return self.tr("trước %1").replace("%1", self._moment(moment))

    # Showing -----------------------------------------------------------------------------------
    def show_backups(self) -> None:
        """Scroll the page to the backups group."""
        self.scroll.verticalScrollBar().setValue(self.backups_group.y() - 8)

    def reload(self) -> None:
        """Read everything again; unsaved edits to the unit's details are kept."""
        saved = unit_details(self.db)
        if self._saved_unit is None or self.unit_form.details() == self._saved_unit:
            self.unit_form.set_details(saved)
        self._saved_unit = saved
        if not self.accounts_mode:
            self.user_edit.setText(user_name())
            self._user_edited()
        if self.accounts_group is not None:
            self.accounts_group.reload()
        self.backups_group.reload()
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language()), 0))
        path = self.db.path
        self.database_label.setText(str(path) if path else self.db.display_name)
        self.folder_label.setText(str(self.db.folder))
        for field in (self.database_label, self.folder_label):
            field.setCursorPosition(0)
            field.setToolTip(field.text())
        self.size_label.setText(_database_size(path) if path and path.exists() else "—")
        self.open_folder_button.setEnabled(self.db.folder.is_dir())
        self._show_unit_access()
        self._unit_edited()
        self._language_edited()

    def _show_unit_access(self) -> None:
        """The unit's fields read-only (and a line saying why) for a role that may not change
        settings; the save button follows the same rule in _unit_edited."""
        editable = access.can(self.db, "setting.edit")
        for edit in self.unit_form.findChildren(QLineEdit):
            edit.setReadOnly(not editable)
        user = access.current_user(self.db)
        self.unit_read_only_hint.setText(
            ""
            if editable
            else self.tr("Chỉ xem: vai trò %1 không được sửa thông tin đơn vị.").replace(
                "%1", role_name(user.role) if user is not None else ""
            )
        )
        self.unit_read_only_hint.setVisible(not editable)

    def _unit_edited(self) -> None:
        changed = self.unit_form.details() != self._saved_unit
        guard(
            self.db, self.save_unit_button, "setting.edit", changed and self.unit_form.is_complete()
        )
        if changed:
            self.unit_status.setText(
                "" if self.unit_form.is_complete() else self.tr("Cần tên và mã đơn vị.")
            )
            set_role(self.unit_status, "hint")

    def _user_edited(self) -> None:
        name = clean(self.user_edit.text())
        self.save_user_button.setEnabled(bool(name) and name != user_name())

    def _language_edited(self) -> None:
        self.apply_language_button.setEnabled(self.language_combo.currentData() != language())

    # Saving ------------------------------------------------------------------------------------
    def save_unit(self) -> None:
        try:
            init_unit(self.db, self.unit_form.details(), actor=user_name())
        except Exception as exc:  # a user error in its words, anything else with details
            show_error(self, exc)
            return
        self._saved_unit = unit_details(self.db)
        self.unit_form.set_details(self._saved_unit)
        self._unit_edited()
        self.unit_status.setText(self.tr("Đã lưu lúc %1.").replace("%1", f"{datetime.now():%H:%M}"))
        set_role(self.unit_status, "done")

    def save_user(self) -> None:
        name = clean(self.user_edit.text())
        if not name:
            return
        set_user_name(name)
        window = self._main_window()
        if window is not None:
            window.actor = name
        self._user_edited()
        self.user_status.setText(self.tr("Đã lưu."))
        set_role(self.user_status, "done")

    def create_accounts(self) -> None:
        """Leave single-user mode: create the first accounts, then sign in with one."""
        if not FirstAccountsDialog.ask(self.db, self, unit_details(self.db).chair_name):
            return
        window = self._main_window()
        if window is not None:
            window.logout_requested.emit()

    def _lock_minutes_changed(self, minutes: int) -> None:
        window = self._main_window()
        if window is not None and window.screen_lock is not None:
            window.screen_lock.timeout_ms = minutes * 60_000

    def apply_language(self) -> None:
        lang = self.language_combo.currentData()
        set_language(lang)
        install_translation(QCoreApplication.instance(), lang)
        if not self._reopen_main_window():
            self._language_edited()
            self.language_status.setText(
                self.tr(
                    "Đã lưu. Các cửa sổ mở từ bây giờ dùng ngôn ngữ mới; toàn bộ ứng dụng đổi "
                    "ngôn ngữ ở lần mở sau."
                )
            )
            set_role(self.language_status, "done")

    def _main_window(self):  # type: ignore[no-untyped-def]
        from sangkien_desktop.gui.main_window import MainWindow  # it imports this module

        window = self.window()
        return window if isinstance(window, MainWindow) else None

    def _reopen_main_window(self) -> bool:
        """Build the main window again in the new language and close this one; False when
        there is no main window or it cannot close (an editor with unsaved changes)."""
        old = self._main_window()
        if old is None or not old.isVisible():
            return False
        new = type(old)(old.db, old.profile, old.actor)
        new.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        new.restoreGeometry(old.saveGeometry())
        new.show_screen("settings")
        new.show()
        if not old.close():
            new.close()
            return False
        keep(new)  # parentless, deletes itself on close (gui/ownership)
        old.replaced.emit(new)
        return True

    @classmethod
    def open_folder(cls, folder: Path) -> None:
        """Show the data folder in the file manager (tests replace this)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _database_size(path: Path) -> str:
    """The file with its write-ahead log; decimal comma, as Vietnamese writes numbers."""
    wal = path.with_name(path.name + "-wal")
    size = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    if size < 1024**2:
        return f"{max(size / 1024, 1):.0f} KB"
    if size < 1024**3:
        return f"{size / 1024**2:.1f} MB".replace(".", ",")
    return f"{size / 1024**3:.1f} GB".replace(".", ",")
