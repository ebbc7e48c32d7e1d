"""Cài đặt › Sao lưu: the backups in the data folder, a backup now, the second folder (a USB
stick) every backup is also copied to, and restoring a backup (administrators)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.gui.look import hint, set_role
from sangkien_desktop.gui.permissions import guard
from sangkien_desktop.gui.tasks import Progress, Task, run_task, show_error
from sangkien_desktop.services.backup_settings import (
    backup_to_all,
    second_folder,
    set_second_folder,
)
from sangkien_desktop.storage.backups import Backup, backups_dir, check_backup, list_backups
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import format_date

#: Rows shown before the list scrolls.
VISIBLE_ROWS = 8


def size_mb(size: int) -> str:
    """A file size in megabytes with a decimal comma, as Vietnamese writes it: “1,2 MB”."""
    return f"{max(size / 1024**2, 0.1):.1f} MB".replace(".", ",")


class BackupsGroup(QGroupBox):
    """The “Sao lưu” group of the settings screen."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sao lưu"), parent)
        self.setObjectName("backupsGroup")
        self.db = db
        self.task: Task | None = None
        self.backups: list[Backup] = []

        self.table = QTableWidget(0, 3, self, objectName="backupsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Thời điểm"), self.tr("Loại"), self.tr("Dung lượng")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header.sizeHint().height() + VISIBLE_ROWS * row_height + 4)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.backup_button = QPushButton(self.tr("Sao lưu ngay"), self, objectName="backupNow")
        self.backup_button.setToolTip(
            self.tr("Sao lưu vào thư mục dữ liệu và thư mục thứ hai (nếu đã chọn).")
        )
        self.open_button = QPushButton(
            self.tr("Mở thư mục sao lưu"), self, objectName="openBackups"
        )
        self.restore_button = QPushButton(
            self.tr("Khôi phục bản đã chọn…"), self, objectName="restoreBackup"
        )
        self.restore_button.setToolTip(
            self.tr(
                "Thay dữ liệu hiện tại bằng bản sao lưu đã chọn; tệp hiện tại được giữ lại "
                "trong thư mục dữ liệu."
            )
        )
        self.status = hint("", self)
        self.status.setObjectName("backupStatus")
        self.backup_button.clicked.connect(self.backup_now)
        self.open_button.clicked.connect(lambda: type(self).open_folder(backups_dir(self.db)))
        self.restore_button.clicked.connect(self.restore_selected)

        self.second_edit = QLineEdit(self, objectName="secondFolder")
        self.second_edit.setReadOnly(True)
        self.second_edit.setPlaceholderText(self.tr("Chưa chọn"))
        self.choose_button = QPushButton(self.tr("Chọn thư mục…"), self, objectName="chooseSecond")
        self.clear_button = QPushButton(self.tr("Bỏ"), self, objectName="clearSecond")
        self.choose_button.clicked.connect(self.choose_second_folder)
        self.clear_button.clicked.connect(lambda: self._store_second_folder(None))

        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Thư mục thứ hai"), self))
        second.addWidget(self.second_edit, 1)
        second.addWidget(self.choose_button)
        second.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Ứng dụng tự sao lưu ở lần mở đầu tiên mỗi ngày và trước mỗi lần nhập dữ "
                    "liệu; giữ mọi bản của 24 giờ qua, rồi 7 bản hằng ngày, 4 bản hằng tuần và 12 "
                    "bản hằng tháng."
                ),
                self,
            )
        )
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addLayout(second)
        layout.addWidget(
            hint(
                self.tr(
                    "Mỗi bản sao lưu cũng được chép vào thư mục thứ hai, ví dụ một USB: nếu máy "
                    "hỏng vẫn còn dữ liệu."
                ),
                self,
            )
        )
        self.reload()

    # Showing -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self.backups = list_backups(backups_dir(self.db))
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            try:
                size = size_mb(backup.path.stat().st_size)
            except OSError:
                size = "—"
            values = (self.taken_text(backup), self.kind(backup.reason), size)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(str(backup.path))
                self.table.setItem(row, column, item)
        folder = second_folder(self.db)
        self.second_edit.setText(str(folder) if folder else "")
        self.second_edit.setCursorPosition(0)
        self.second_edit.setToolTip(self.second_edit.text())
        file_based = self.db.path is not None
        guard(self.db, self.backup_button, "backup.create", file_based and self.task is None)
        self.open_button.setEnabled(backups_dir(self.db).is_dir())
        guard(self.db, self.choose_button, "setting.edit", file_based)
        guard(self.db, self.clear_button, "setting.edit", folder is not None)
        self._selection_changed()

    def taken_text(self, backup: Backup) -> str:
        return f"{format_date(backup.taken_at.date())} {backup.taken_at:%H:%M}"

    def kind(self, reason: str) -> str:
        kinds = {
            "hang-ngay": self.tr("Hằng ngày"),
            "thu-cong": self.tr("Thủ công"),
            "truoc-nhap": self.tr("Trước khi nhập"),
        }
        return kinds.get(reason, reason)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        guard(
            self.db,
            self.restore_button,
            "setting.edit",
            self.selected() is not None and self.db.path is not None,
        )

    def _say(self, text: str, role: str) -> None:
        self.status.setText(text)
        set_role(self.status, role)

    # Backing up --------------------------------------------------------------------------------
    def backup_now(self) -> None:
        if self.task is not None:
            return
        db = self.db
        self.backup_button.setEnabled(False)
        self._say(self.tr("Đang sao lưu…"), "hint")

        def work(progress: Progress) -> list[Path]:
            return backup_to_all(db, "thu-cong")

        self.task = run_task(
            self,
            work,
            self.tr("Đang sao lưu dữ liệu…"),
            self._backed_up,
            self._backup_failed,
            cancellable=False,
        )

    def _backed_up(self, written: list[Path]) -> None:
        self.task = None
        self.reload()
        places = ", ".join(str(path.parent) for path in written)
        self._say(self.tr("Đã sao lưu vào %1.").replace("%1", places), "done")

    def _backup_failed(self, exc: BaseException) -> None:
        self.task = None
        self.reload()
        self._say(self.tr("Chưa sao lưu xong."), "error")
        show_error(self, exc)

    # The second folder -------------------------------------------------------------------------
    def choose_second_folder(self) -> None:
        current = second_folder(self.db)
        folder = type(self).choose_folder(self, current or Path.home())
        if folder is not None:
            self._store_second_folder(folder)

    def _store_second_folder(self, folder: Path | None) -> None:
        try:
            set_second_folder(self.db, folder)
        except Exception as exc:  # a user error in its words, anything else with details
            show_error(self, exc)
            return
        self.reload()
        if folder is None:
            self._say(self.tr("Đã bỏ thư mục sao lưu thứ hai."), "done")
        else:
            self._say(
                self.tr("Từ nay mỗi bản sao lưu cũng được chép vào %1.").replace("%1", str(folder)),
                "done",
            )

    @classmethod
    def choose_folder(cls, parent: QWidget | None, start: Path) -> Path | None:
        """Ask for the second backup folder (tests replace this)."""
        name = QFileDialog.getExistingDirectory(
            parent,
            QCoreApplication.translate("BackupsGroup", "Chọn thư mục sao lưu thứ hai"),
            str(start),
        )
        return Path(name) if name else None

    @classmethod
    def open_folder(cls, folder: Path) -> None:
        """Show the backups folder in the file manager (tests replace this)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # Restoring ---------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        try:
            check_backup(backup.path)
        except Exception as exc:
            show_error(self, exc)
            return
        if not type(self).ask_restore(self, self.taken_text(backup)):
            return
        from sangkien_desktop.gui.app import Desk  # it builds the windows this group lives in

        window = self.window()
        desk = Desk.of(window)
        if desk is None:  # a main window nobody manages (tests): manage it from now on
            from sangkien_desktop.gui.main_window import MainWindow

            if not isinstance(window, MainWindow):
                return
            desk = Desk.adopting(window)
        desk.restore_backup(backup.path)

    @classmethod
    def ask_restore(cls, parent: QWidget, taken: str) -> bool:
        """Ask before restoring the backup taken at ``taken`` (tests replace this)."""
        translate = QCoreApplication.translate
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("BackupsGroup", "Khôi phục bản sao lưu"),
            translate(
                "BackupsGroup",
                "Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu lúc %1?\n\nMọi thay đổi sau "
                "thời điểm đó sẽ không còn trong dữ liệu đang dùng. Tệp dữ liệu hiện tại được "
                "giữ lại trong thư mục dữ liệu. Các cửa sổ đang mở sẽ đóng và cần đăng nhập lại.",
            ).replace("%1", taken),
            parent=parent,
        )
        yes = box.addButton(
            translate("BackupsGroup", "Khôi phục"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(translate("BackupsGroup", "Hủy"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        confirmed = box.clickedButton() is yes
        box.deleteLater()
        return confirmed
