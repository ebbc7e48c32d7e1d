"""Dialogs of the Excel work: choosing a file to read or write, and the import preview that shows
every row with its problems before anything is written.

Each offers a classmethod ``ask``; screens call it and tests monkeypatch it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.gui.look import hint
from sangkien_desktop.spreadsheets.preview import Action, Preview, PreviewRow, Severity

_Index = QModelIndex | QPersistentModelIndex
_FOLDER_KEY = "spreadsheets/folder"


def _folder() -> str:
    value = QSettings().value(_FOLDER_KEY, "")
    return value if isinstance(value, str) and value else str(Path.home())


def _remember(path: Path) -> None:
    QSettings().setValue(_FOLDER_KEY, str(path.parent))


class OpenSheet:
    """Chooses an Excel file to import."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            title,
            _folder(),
            QCoreApplication.translate("SpreadsheetDialogs", "Bảng tính Excel (*.xlsx *.xlsm)"),
        )
        if not name:
            return None
        _remember(Path(name))
        return Path(name)


class SaveSheet:
    """Chooses where to write a workbook (``.xlsx`` added when the name has none)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            title,
            str(Path(_folder()) / suggested),
            QCoreApplication.translate("SpreadsheetDialogs", "Bảng tính Excel (*.xlsx)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        _remember(path)
        return path


class PreviewModel(QAbstractTableModel):
    """The rows of a preview: row number, what it is, what importing would do, its problems."""

    ROW, LABEL, ACTION, PROBLEMS = range(4)

    def __init__(self, preview: Preview[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.rows: list[PreviewRow[Any]] = preview.rows
        self.titles = [self.tr("Dòng"), self.tr("Nội dung"), self.tr("Sẽ làm"), self.tr("Vấn đề")]
        self.actions = {
            Action.ADD: self.tr("Thêm mới"),
            Action.UPDATE: self.tr("Cập nhật"),
            Action.SKIP: self.tr("Không nhập được"),
        }
        self._error = QBrush(QColor("#b3261e"))
        self._warning = QBrush(QColor("#8a5a00"))

    def show_problems_only(self, only: bool) -> None:
        self.beginResetModel()
        rows = self.preview.rows
        self.rows = [r for r in rows if r.problems] if only else rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section] if 0 <= section < len(self.titles) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.ROW:
                return row.row
            if column == self.LABEL:
                return row.label
            if column == self.ACTION:
                if row.has_error:
                    return self.actions[Action.SKIP]
                action = self.actions[row.action]
                return f"{action}: {row.moves}" if row.moves else action
            return "; ".join(self._problem(p) for p in row.problems)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.ACTION, self.PROBLEMS):
            if row.has_error:
                return self._error
            if row.problems:
                return self._warning
        return None

    def _problem(self, problem: Any) -> str:
        message = problem.message.rstrip(".")
        where = self.tr("cột %1").replace("%1", problem.column) if problem.column else ""
        return f"{where}: {message}" if where else message

    def details(self, index: int) -> str:
        """Every problem of a row, one per line, as the file names it."""
        if not 0 <= index < len(self.rows):
            return ""
        return "\n".join(str(p) for p in self.rows[index].problems)


class ImportPreviewDialog(QDialog):
    """Every row of the sheet with what importing would do and what is wrong; importing is
    allowed only when no row has an error (all or nothing)."""

    def __init__(self, parent: QWidget | None, preview: Preview[Any], what: str) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Xem trước khi nhập — %1").replace("%1", preview.file_name))
        self.preview = preview
        errors, warnings = preview.errors, preview.warnings
        self.summary = QLabel(self, objectName="previewSummary")
        self.summary.setWordWrap(True)
        self.summary.setText(
            self.tr("Trang “%1”: %2 dòng %3 — %4 thêm mới, %5 cập nhật. %6 lỗi, %7 lưu ý.")
            .replace("%1", preview.sheet)
            .replace("%2", str(len(preview.rows)))
            .replace("%3", what)
            .replace("%4", str(preview.count(Action.ADD)))
            .replace("%5", str(preview.count(Action.UPDATE)))
            .replace("%6", str(len(errors)))
            .replace("%7", str(len(warnings)))
        )
        columns = ", ".join(f"{letter} ({title})" for letter, title in preview.columns.values())
        self.columns = hint(self.tr("Cột đọc được: %1").replace("%1", columns or "—"), self)
        self.columns.setObjectName("previewColumns")
        self.ignored = hint(
            self.tr("Cột bỏ qua: %1").replace("%1", ", ".join(preview.ignored)), self
        )
        self.ignored.setVisible(bool(preview.ignored))
        sheet_errors = any(p.severity == Severity.ERROR for p in preview.problems)
        self.sheet_problems = hint(
            "\n".join(str(p) for p in preview.problems),
            self,
            role="error" if sheet_errors else "hint",
        )
        self.sheet_problems.setObjectName("sheetProblems")
        self.sheet_problems.setVisible(bool(preview.problems))
        self.verdict = hint(
            self.tr("Tệp có lỗi nên chưa nhập được: sửa các dòng tô đỏ trong Excel rồi mở lại.")
            if errors
            else self.tr("Không có lỗi. Nhập sẽ ghi tất cả các dòng trong một lần."),
            self,
            role="error" if errors else "done",
        )
        self.verdict.setObjectName("previewVerdict")

        self.model = PreviewModel(preview, self)
        self.table = QTableView(self, objectName="previewTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((60, 320, 300)):  # the action names its moves
            self.table.setColumnWidth(column, width)
        self.problems_only = QCheckBox(
            self.tr("Chỉ hiện các dòng có vấn đề"), self, objectName="problemsOnly"
        )
        self.problems_only.toggled.connect(self.model.show_problems_only)
        self.details = hint("", self)
        self.details.setObjectName("problemDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.details.setText(self.model.details(current.row()))
        )
        self.model.modelReset.connect(lambda: self.details.setText(""))
        self.problems_only.setChecked(bool(errors or warnings))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Nhập %n dòng", "", len(preview.values())))
        ok.setEnabled(preview.ok and bool(preview.values()))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Đóng"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.problems_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.columns)
        layout.addWidget(self.ignored)
        layout.addWidget(self.sheet_problems)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        self.resize(980, 560)

    @classmethod
    def ask(cls, parent: QWidget | None, preview: Preview[Any], what: str) -> bool:
        """True when the person chose to import (only possible without errors)."""
        dialog = cls(parent, preview, what)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
