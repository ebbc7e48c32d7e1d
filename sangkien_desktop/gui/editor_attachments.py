"""The dossier's attached files: add (file dialog or drag and drop), classify, open, remove.

Files are copied into the data folder in the background (a scan can weigh 100 MB); the record
keeps only the hash, the original name, the kind and the size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.tasks import run_task, show_error
from sangkien_desktop.records.model import AttachmentRef
from sangkien_desktop.services.attachments import (
    ATTACHMENT_KINDS,
    AttachmentCancelled,
    open_copy,
    store_files,
    stored_path,
)
from sangkien_desktop.storage.database import Database


def format_size(size: int) -> str:
    """183412 → ``179 KB``; 2_500_000 → ``2,4 MB`` (Vietnamese decimal comma)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def open_with_system(path: Path) -> bool:
    """Open ``path`` with the application the system associates with it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _local_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class AttachmentTable(QTableWidget):
    """The list of attachments; files dropped on it are offered as ``files_dropped``."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [f for f in _local_files(event) if f.is_file()]
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()


class AttachmentsPanel(QWidget):
    """``changed`` whenever the list or a kind changes; ``message(text)`` for the status bar."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._refs: list[AttachmentRef] = []
        self.read_only = False
        self.kind_names = {
            "APPLICATION": self.tr("Đơn yêu cầu công nhận"),
            "DESCRIPTION": self.tr("Bản mô tả sáng kiến"),
            "DECISION": self.tr("Quyết định công nhận"),
            "RECEIPT": self.tr("Giấy biên nhận đơn"),
            "EVIDENCE": self.tr("Minh chứng hiệu quả"),
            "CONFIRMATION": self.tr("Văn bản xác nhận hiệu quả"),
            "OTHER": self.tr("Tài liệu khác"),
        }
        self.table = AttachmentTable(self)
        self.table.setObjectName("attachmentsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tên tệp"), self.tr("Loại giấy tờ"), self.tr("Dung lượng")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 220)
        self.table.setColumnWidth(2, 90)
        self.add_button = QPushButton(self.tr("Thêm tệp…"), self, objectName="addAttachment")
        self.open_button = QPushButton(self.tr("Mở"), self, objectName="openAttachment")
        self.remove_button = QPushButton(
            self.tr("Bỏ khỏi hồ sơ"), self, objectName="removeAttachment"
        )
        hint = self.hint = QLabel(
            self.tr(
                "Kéo thả tệp vào danh sách hoặc bấm “Thêm tệp…”. Tệp được chép vào thư mục dữ "
                "liệu (mỗi nội dung chỉ lưu một lần); tệp gốc không bị thay đổi. Hồ sơ đã được "
                "công nhận cần có bản quyết định công nhận."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.choose_and_add)
        self.open_button.clicked.connect(self.open_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.files_dropped.connect(self.add_files)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.itemSelectionChanged.connect(self._enable)
        self._enable()

    @classmethod
    def choose_files(cls, parent: QWidget) -> list[Path]:
        """Ask for files to attach (tests replace this)."""
        names, _filter = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("AttachmentsPanel", "Chọn tệp đính kèm"),
            "",
            QCoreApplication.translate(
                "AttachmentsPanel",
                "Tài liệu và hình ảnh (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.jpg *.jpeg *.png);;"
                "Mọi tệp (*)",
            ),
        )
        return [Path(name) for name in names]

    # The list -------------------------------------------------------------------------------
    def refs(self) -> list[AttachmentRef]:
        return list(self._refs)

    def set_refs(self, refs: list[AttachmentRef]) -> None:
        self._refs = list(refs)
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self._refs))
        for row, ref in enumerate(self._refs):
            name = QTableWidgetItem(ref.file_name)
            try:
                stored_path(self.db, ref.sha256)
                name.setToolTip(ref.file_name)
            except SangKienError as exc:
                font = QFont(name.font())
                font.setItalic(True)
                name.setFont(font)
                name.setForeground(self.palette().placeholderText())
                name.setToolTip(exc.message)
            self.table.setItem(row, 0, name)
            combo = QComboBox(self.table)
            for kind in ATTACHMENT_KINDS:
                combo.addItem(self.kind_names[kind], kind)
            combo.setCurrentIndex(max(combo.findData(ref.kind), 0))
            combo.setEnabled(not self.read_only)
            combo.currentIndexChanged.connect(lambda _i, r=row, c=combo: self._kind_changed(r, c))
            self.table.setCellWidget(row, 1, combo)
            size = QTableWidgetItem(format_size(ref.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, size)
        self._enable()

    def _kind_changed(self, row: int, combo: QComboBox) -> None:
        old = self._refs[row]
        self._refs[row] = AttachmentRef(old.sha256, old.file_name, combo.currentData(), old.size)
        self.changed.emit()

    def _current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def set_read_only(self, read_only: bool) -> None:
        """Show the attachments without a way to change them: opening a file still works;
        adding (button or drop), removing and changing a kind do not."""
        self.read_only = read_only
        self.table.setAcceptDrops(not read_only)
        self.table.viewport().setAcceptDrops(not read_only)
        self.add_button.setEnabled(not read_only)
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 1)
            if combo is not None:
                combo.setEnabled(not read_only)
        if read_only:
            self.hint.setText(self.tr("Chỉ xem: chọn một tệp rồi bấm “Mở” để xem nội dung."))
        self._enable()

    def _enable(self) -> None:
        selected = self._current_row() >= 0
        self.open_button.setEnabled(selected)
        self.remove_button.setEnabled(selected and not self.read_only)

    # Actions --------------------------------------------------------------------------------
    def choose_and_add(self) -> None:
        files = type(self).choose_files(self)
        if files:
            self.add_files(files)

    def add_files(self, files: list[Path]) -> None:
        if self.read_only:
            return
        run_task(
            self,
            lambda progress: store_files(self.db, files, progress),
            self.tr("Đang chép tệp đính kèm vào thư mục dữ liệu…"),
            on_done=self._stored,
            on_error=self._failed,
        )

    def _stored(self, refs: list[AttachmentRef]) -> None:
        known = {ref.sha256: ref for ref in self._refs}
        added: list[AttachmentRef] = []
        skipped: list[str] = []
        for ref in refs:
            if ref.sha256 in known:
                skipped.append(
                    self.tr("“%1” trùng nội dung với “%2”")
                    .replace("%1", ref.file_name)
                    .replace("%2", known[ref.sha256].file_name)
                )
                continue
            known[ref.sha256] = ref
            added.append(ref)
        message = self.tr("Đã thêm %n tệp đính kèm.", "", len(added))
        if skipped:
            message += " " + self.tr("Không thêm lại: %1.").replace("%1", "; ".join(skipped))
        self.message.emit(message)
        if added:
            self._refs.extend(added)
            self._fill()
            self.table.selectRow(len(self._refs) - 1)
            self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AttachmentCancelled):
            self.message.emit(exc.message)
        else:
            show_error(self, exc)

    def open_current(self) -> None:
        row = self._current_row()
        if row < 0:
            return
        ref = self._refs[row]
        run_task(
            self,
            lambda _progress: open_copy(self.db, ref),
            self.tr("Đang mở tệp…"),
            on_done=self._open,
            cancellable=False,
        )

    def _open(self, path: Path) -> None:
        if not open_with_system(path):
            self.message.emit(
                self.tr("Không có ứng dụng nào mở được tệp %1.").replace("%1", path.name)
            )

    def remove_current(self) -> None:
        row = self._current_row()
        if row < 0:
            return
        removed = self._refs.pop(row)
        self._fill()
        self.changed.emit()
        self.message.emit(
            self.tr("Đã bỏ “%1” khỏi hồ sơ (chưa lưu).").replace("%1", removed.file_name)
        )
