"""Gửi lên Cổng: the unit's signing key, the initiatives the next bundle would carry, writing
the signed bundle, the bundles sent and their confirmation on the national portal, and checking
a bundle file before it leaves the office."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import InputError, SangKienError
from sangkien_desktop.exchange import export, keys, verify
from sangkien_desktop.gui.date_field import DateField, check_dates
from sangkien_desktop.gui.dialogs import MoveReportDialog
from sangkien_desktop.gui.look import hint, set_role, ui_language, user_name
from sangkien_desktop.gui.permissions import guard
from sangkien_desktop.gui.tasks import Progress, run_task, show_error
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import format_date
from sangkien_desktop.workflow.service import MoveReport
from sangkien_desktop.workflow.states import state_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialogs", text)


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return f"{max(n, 0) / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",")


def _table(parent: QWidget, name: str, headers: Sequence[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent, objectName=name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.Interactive
        )
        header.setSectionResizeMode(column, mode)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], keys_: Sequence[str]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            item.setData(Qt.ItemDataRole.UserRole, keys_[r])
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    stretch = [
        c
        for c in range(table.columnCount())
        if table.horizontalHeader().sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch
    ]
    # Long names are cut (the full text is in the tooltip) so the stretched column keeps room.
    for column in range(table.columnCount()):
        if column not in stretch:
            table.setColumnWidth(column, min(table.columnWidth(column), 240))


# Dialogs that ask ------------------------------------------------------------------------------
class PassphraseDialog(QDialog):
    """Asks the passphrase of the unit's key (twice when the key is being created)."""

    def __init__(self, parent: QWidget | None, text: str, twice: bool) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Mật khẩu khóa ký"))
        self.first = QLineEdit(self, objectName="passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(self, objectName="passphraseAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setVisible(twice)
        self.problem = hint("", self, "error")
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("Mật khẩu:"), self.first)
        if twice:
            form.addRow(self.tr("Nhập lại:"), self.second)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đồng ý"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(text, self))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.twice = twice
        self.resize(460, 0)

    def _accept(self) -> None:
        if self.twice and self.first.text() != self.second.text():
            self.problem.setText(self.tr("Hai lần nhập mật khẩu không giống nhau."))
            self.problem.show()
            return
        if not self.first.text():
            self.problem.setText(self.tr("Chưa nhập mật khẩu."))
            self.problem.show()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> str | None:
        """The passphrase that opens the unit's key, or None when cancelled."""
        return cls._run(parent, text, twice=False)

    @classmethod
    def ask_new(cls, parent: QWidget | None) -> str | None:
        """A new passphrase, typed twice alike, or None when cancelled."""
        text = _tr(
            "Chọn mật khẩu cho khóa ký của đơn vị (ít nhất 8 ký tự). Cần mật khẩu này mỗi lần "
            "xuất gói; hãy ghi lại và cất giữ cẩn thận."
        )
        return cls._run(parent, text, twice=True)

    @classmethod
    def _run(cls, parent: QWidget | None, text: str, twice: bool) -> str | None:
        dialog = cls(parent, text, twice)
        try:
            return dialog.first.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class BundleFolder:
    """Chooses the folder the bundle is written into."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            parent, _tr("Chọn thư mục lưu gói gửi cấp trên"), str(Path.home())
        )
        return Path(name) if name else None


class BundleFile:
    """Chooses a bundle file to check."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent, _tr("Chọn gói cần kiểm tra"), str(Path.home()), _tr("Gói sáng kiến (*.zip)")
        )
        return Path(name) if name else None


class UploadDate(QDialog):
    """Asks the day a bundle's initiatives appeared on the national portal."""

    def __init__(self, parent: QWidget | None, sequence: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xác nhận đã lên Cổng"))
        self.day = DateField(
            self, label=self.tr("Ngày lên Cổng"), optional=False, latest=date.today()
        )
        self.day.setObjectName("uploadedOn")
        self.day.set_value(date.today())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Xác nhận"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Các sáng kiến của gói số %1 còn ở trạng thái “Đã xuất gói” sẽ chuyển sang "
                    "“Đã lên Cổng” với ngày:"
                ).replace("%1", str(sequence)),
                self,
            )
        )
        layout.addWidget(self.day)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if check_dates(self, self.day):
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, sequence: int) -> date | None:
        dialog = cls(parent, sequence)
        try:
            return dialog.day.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


# The screen ------------------------------------------------------------------------------------
class ExportScreen(QWidget):
    def __init__(self, db: Database, profile: ProgramProfile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportScreen")
        self.db = db
        self.profile = profile
        self.candidates: list[InitiativeRecord] = []
        self.bundles: list[export.SentBundleSummary] = []
        self.last_result: export.ExportResult | None = None
        self.last_verification: verify.Verification | None = None
        self.busy = False
        self.has_key = False

        title = QLabel(self.tr("Gửi lên Cổng"), self, objectName="screenTitle")
        intro = hint(
            self.tr(
                "Xuất các sáng kiến “Sẵn sàng gửi” thành gói có chữ ký của đơn vị để gửi công "
                "đoàn cấp trên; khi sáng kiến đã có trên Cổng trực tuyến Công đoàn Việt Nam, xác "
                "nhận gói đã lên Cổng."
            ),
            self,
        )

        key_box = QGroupBox(self.tr("Khóa ký của đơn vị"), self)
        self.key_label = QLabel(self, objectName="keyLabel")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_key_button = QPushButton(self.tr("Tạo khóa ký…"), self, objectName="createKey")
        self.create_key_button.clicked.connect(self.create_key)
        key_row = QHBoxLayout(key_box)
        key_row.addWidget(self.key_label, 1)
        key_row.addWidget(self.create_key_button)

        next_box = QGroupBox(self.tr("Gói tiếp theo"), self)
        self.mode = QComboBox(self, objectName="exportMode")
        self.mode.addItem(self.tr("Sáng kiến chưa gửi hoặc đã sửa sau lần gửi trước"), "pending")
        self.mode.addItem(self.tr("Tất cả sáng kiến từ “Sẵn sàng gửi” trở đi"), "all")
        self.mode.currentIndexChanged.connect(self.load_candidates)
        self.count_label = QLabel(self, objectName="candidateCount")
        self.candidate_table = _table(
            self,
            "candidateTable",
            [
                self.tr("Mã"),
                self.tr("Tên sáng kiến"),
                self.tr("Tác giả"),
                self.tr("Trạng thái"),
                self.tr("Tệp đính kèm"),
            ],
            stretch=1,
        )
        self.export_button = QPushButton(self.tr("Xuất gói…"), self, objectName="exportBundle")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export_bundle)
        self.result_label = hint("", self, "done")
        self.result_label.setObjectName("exportResult")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        mode_row = QHBoxLayout()
        mode_row.addWidget(QLabel(self.tr("Gửi:"), self))
        mode_row.addWidget(self.mode)
        mode_row.addWidget(self.count_label, 1)
        mode_row.addWidget(self.export_button)
        next_layout = QVBoxLayout(next_box)
        next_layout.addLayout(mode_row)
        next_layout.addWidget(self.candidate_table, 1)
        next_layout.addWidget(self.result_label)

        sent_box = QGroupBox(self.tr("Các gói đã xuất"), self)
        self.bundle_table = _table(
            self,
            "bundleTable",
            [
                self.tr("Số"),
                self.tr("Tệp"),
                self.tr("Ngày xuất"),
                self.tr("Sáng kiến"),
                self.tr("Chờ lên Cổng"),
                self.tr("Lên Cổng"),
            ],
            stretch=1,
        )
        self.bundle_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.bundle_table.itemSelectionChanged.connect(self._update_buttons)
        self.confirm_button = QPushButton(
            self.tr("Xác nhận đã lên Cổng…"), self, objectName="confirmUploaded"
        )
        self.confirm_button.clicked.connect(self.confirm_uploaded)
        self.verify_button = QPushButton(self.tr("Kiểm tra gói…"), self, objectName="verifyBundle")
        self.verify_button.clicked.connect(self.verify_bundle)
        self.verify_output = QPlainTextEdit(self, objectName="verifyOutput")
        self.verify_output.setReadOnly(True)
        self.verify_output.setPlaceholderText(
            self.tr("Kết quả kiểm tra gói hiện ở đây (đủ tệp, đúng chữ ký, số sáng kiến).")
        )
        sent_buttons = QHBoxLayout()
        sent_buttons.addStretch(1)
        sent_buttons.addWidget(self.confirm_button)
        sent_layout = QVBoxLayout(sent_box)
        sent_layout.addWidget(self.bundle_table, 1)
        sent_layout.addLayout(sent_buttons)
        check_box = QGroupBox(self.tr("Kiểm tra gói"), self)
        check_buttons = QHBoxLayout()
        check_buttons.addWidget(
            hint(self.tr("Kiểm tra một tệp gói trước khi gửi đi (hoặc gói nhận được)."), self), 1
        )
        check_buttons.addWidget(self.verify_button)
        check_layout = QVBoxLayout(check_box)
        check_layout.addLayout(check_buttons)
        check_layout.addWidget(self.verify_output, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(sent_box, 3)
        bottom.addWidget(check_box, 2)
        columns = QVBoxLayout()
        columns.addWidget(next_box, 3)
        columns.addLayout(bottom, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(key_box)
        layout.addLayout(columns, 1)
        self.reload()

    # Loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self.load_key()
        self.load_candidates()
        self.load_bundles()

    def load_key(self) -> None:
        info = keys.unit_key_info(self.db)
        if info is None:
            self.key_label.setText(
                self.tr("Đơn vị chưa có khóa ký: hãy tạo khóa trước khi xuất gói đầu tiên.")
            )
        else:
            created = format_date(info.created_at.date()) if info.created_at else ""
            self.key_label.setText(
                self.tr("Dấu vân tay: %1 (tạo ngày %2). Gửi dấu vân tay này cho cấp trên.")
                .replace("%1", info.fingerprint)
                .replace("%2", created)
            )
        self.has_key = info is not None
        self.create_key_button.setVisible(info is None)
        self._update_buttons()

    def load_candidates(self) -> None:
        try:
            self.candidates = export.candidates(self.db, str(self.mode.currentData()))
        except SangKienError as exc:
            self.candidates = []
            show_error(self, exc)
        rows = [
            (
                r.code,
                r.title,
                ", ".join(a.full_name for a in r.authors),
                state_name(r.status, ui_language()),
                str(len(r.attachments)) if r.attachments else "",
            )
            for r in self.candidates
        ]
        _fill(self.candidate_table, rows, [r.id for r in self.candidates])
        self.count_label.setText(
            self.tr("%n sáng kiến trong gói", "", len(self.candidates))
            if self.candidates
            else self.tr("Không có sáng kiến nào cần gửi")
        )
        self._update_buttons()

    def load_bundles(self) -> None:
        self.bundles = export.sent_bundles(self.db)
        rows = [
            (
                str(b.sequence),
                b.file_name,
                format_date(b.created_at.date()),
                str(b.initiative_count),
                str(b.still_exported) if b.still_exported else "",
                format_date(b.uploaded_on) if b.uploaded_on else "",
            )
            for b in self.bundles
        ]
        _fill(self.bundle_table, rows, [b.bundle_id for b in self.bundles])
        self._update_buttons()

    def selected_bundle(self) -> export.SentBundleSummary | None:
        rows = {i.row() for i in self.bundle_table.selectionModel().selectedRows()}
        return self.bundles[min(rows)] if rows else None

    def _update_buttons(self) -> None:
        if not hasattr(self, "verify_button"):
            return
        idle = not self.busy
        guard(
            self.db,
            self.export_button,
            "bundle.sign",
            idle and self.has_key and bool(self.candidates),
        )
        bundle = self.selected_bundle()
        guard(
            self.db,
            self.confirm_button,
            "bundle.sign",
            idle and bundle is not None and bundle.still_exported > 0,
        )
        self.verify_button.setEnabled(idle)
        guard(self.db, self.create_key_button, "key.manage", idle)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _changed(self) -> None:
        """The workflow states changed: reload, and let the window recount its status bar."""
        self.reload()
        refresh = getattr(self.window(), "refresh_status", None)
        if callable(refresh):
            refresh()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)

    # Key -----------------------------------------------------------------------------------------
    def create_key(self) -> None:
        passphrase = PassphraseDialog.ask_new(self)
        if passphrase is None:
            return
        try:
            keys.check_new_passphrase(passphrase)
        except InputError as exc:
            show_error(self, exc)
            return
        self._set_busy(True)
        run_task(
            self,
            lambda _progress: keys.create_unit_key(self.db, passphrase),
            self.tr("Đang tạo khóa ký…"),
            self._key_created,
            self._failed,
            cancellable=False,
        )

    def _key_created(self, _info: keys.KeyInfo) -> None:
        self._set_busy(False)
        self.load_key()

    # Export ------------------------------------------------------------------------------------
    def export_bundle(self) -> None:
        folder = BundleFolder.ask(self)
        if folder is None:
            return
        passphrase = PassphraseDialog.ask(
            self, self.tr("Nhập mật khẩu khóa ký của đơn vị để ký gói.")
        )
        if passphrase is None:
            return
        mode = str(self.mode.currentData())
        actor = user_name()
        self.result_label.hide()
        self._set_busy(True)

        def work(progress: Progress) -> export.ExportResult:
            return export.export_bundle(
                self.db, self.profile, folder, passphrase, mode, progress, actor
            )

        run_task(self, work, self.tr("Đang xuất gói…"), self._exported, self._failed)

    def _exported(self, result: export.ExportResult) -> None:
        self._set_busy(False)
        self.last_result = result
        text = (
            self.tr("Đã xuất gói số %1: %2 sáng kiến, %3 tệp đính kèm (%4).\nTệp: %5")
            .replace("%1", str(result.sequence))
            .replace("%2", str(result.initiative_count))
            .replace("%3", str(result.attachment_count))
            .replace("%4", _size(result.payload_bytes))
            .replace("%5", str(result.path))
        )
        if result.refused:
            text += "\n" + self.tr("Không chuyển được trạng thái: %1").replace(
                "%1", "; ".join(f"{code}: {why}" for code, why in result.refused)
            )
        self.result_label.setText(text)
        set_role(self.result_label, "error" if result.refused else "done")
        self.result_label.show()
        self._changed()

    # Portal confirmation -----------------------------------------------------------------------
    def confirm_uploaded(self) -> None:
        bundle = self.selected_bundle()
        if bundle is None:
            return
        day = UploadDate.ask(self, bundle.sequence)
        if day is None:
            return
        actor = user_name()
        self._set_busy(True)

        def work(progress: Progress) -> MoveReport:
            return export.confirm_uploaded(
                self.db, bundle.bundle_id, self.profile, day, actor, progress
            )

        run_task(self, work, self.tr("Đang xác nhận đã lên Cổng…"), self._confirmed, self._failed)

    def _confirmed(self, report: MoveReport) -> None:
        self._set_busy(False)
        MoveReportDialog.show_report(self, report)
        self._changed()

    # Checking a bundle -------------------------------------------------------------------------
    def verify_bundle(self) -> None:
        path = BundleFile.ask(self)
        if path is None:
            return
        trusted = keys.trusted_keys(self.db)
        self._set_busy(True)

        def work(progress: Progress) -> verify.Verification:
            return verify.verify_bundle(
                path, trusted=trusted, profile=self.profile, progress=progress
            )

        run_task(self, work, self.tr("Đang kiểm tra gói…"), self._verified, self._failed)

    def _verified(self, result: verify.Verification) -> None:
        self._set_busy(False)
        self.last_verification = result
        self.verify_output.setPlainText("\n".join(result.lines()))
