"""The authors of an initiative: the table of the application form (TT 18, Appendix I) with
each author's contribution, member suggestions, and the credited author shown live (rule C4)."""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.gui.date_field import DateField
from sangkien_desktop.gui.editor_widgets import MemberChoice, MemberCompleter
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.limits import RECORD_TEXT, TEXT_CHARS
from sangkien_desktop.records.model import Author, InitiativeRecord
from sangkien_desktop.rules import Severity, credited_author
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import clean, format_date

FIELDS = (
    "full_name",
    "birth_date",
    "workplace",
    "position",
    "qualification",
    "contribution_pct",
    "is_lead",
)
_Index = QModelIndex | QPersistentModelIndex
#: What a cell editor has shown before the first setEditorData (equal to no value).
_NOTHING_SHOWN = object()
_MARK_COLOURS = {Severity.ERROR: QColor("#fde7e7"), Severity.WARNING: QColor("#fff4d6")}


def format_share(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",") + " %"


class AuthorsModel(QAbstractTableModel):
    """The authors being edited; ``edited`` after every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._authors: list[Author] = []
        self._research = False
        self._marks: dict[tuple[int, str], tuple[Severity, str]] = {}
        self.read_only = False  # cells neither editable nor checkable

    def _titles(self) -> dict[str, str]:
        return {
            "full_name": self.tr("Họ và tên"),
            "birth_date": self.tr("Ngày sinh"),
            "workplace": self.tr("Nơi công tác"),
            "position": self.tr("Chức danh"),
            "qualification": self.tr("Trình độ"),
            "contribution_pct": self.tr("Đóng góp"),
            "is_lead": self.tr("Chủ nhiệm") if self._research else self.tr("Chọn"),
        }

    # The authors ------------------------------------------------------------------------------
    def authors(self) -> list[Author]:
        return [replace(a) for a in self._authors]

    def set_authors(self, authors: list[Author]) -> None:
        self.beginResetModel()
        self._authors = [replace(a) for a in authors]
        self._marks = {}
        self.endResetModel()
        self.edited.emit()

    def author(self, row: int) -> Author:
        return self._authors[row]

    def set_research(self, research: bool) -> None:
        if research != self._research:
            self._research = research
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(FIELDS) - 1)

    def add_author(self) -> int:
        row = len(self._authors)
        self.beginInsertRows(QModelIndex(), row, row)
        # A sole author holds the whole initiative; with co-authors the shares are typed.
        self._authors.append(Author(full_name="", contribution_pct=100.0 if row == 0 else None))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_author(self, row: int) -> None:
        if 0 <= row < len(self._authors):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._authors[row]
            self.endRemoveRows()
            self.edited.emit()

    def move_author(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self._authors) and 0 <= target < len(self._authors)):
            return row
        # Qt's destination is the row the moved one goes before, in the old numbering.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (delta > 0))
        self._authors.insert(target, self._authors.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return target

    def set_value(self, row: int, field: str, value: Any) -> None:
        author = self._authors[row]
        if field in ("full_name", "workplace", "position", "qualification"):
            value = clean(value)
        if getattr(author, field) == value:
            return
        setattr(author, field, value)
        if field == "full_name":
            author.member_id = None  # another person now: no longer that member
        if field == "is_lead" and value:
            for other, each in enumerate(self._authors):
                if other != row and each.is_lead:
                    each.is_lead = False
                    self._changed(other)
        self._changed(row)

    def fill_from_member(self, row: int, member: MemberChoice) -> None:
        author = self._authors[row]
        author.full_name = member.full_name
        author.birth_date = member.birth_date
        author.workplace = member.department
        author.position = member.position
        author.qualification = member.qualification
        author.member_id = member.id
        self._changed(row)

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(FIELDS) - 1))
        self.edited.emit()

    def set_marks(self, marks: dict[tuple[int, str], tuple[Severity, str]]) -> None:
        if marks != self._marks:
            self._marks = marks
            if self._authors:
                self.dataChanged.emit(
                    self.index(0, 0),
                    self.index(len(self._authors) - 1, len(FIELDS) - 1),
                    [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole],
                )

    # Qt interface -----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._authors)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if 0 <= section < len(FIELDS):
            return self._titles()[FIELDS[section]]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return base
        if FIELDS[index.column()] == "is_lead":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._authors):
            return None
        author, field = self._authors[index.row()], FIELDS[index.column()]
        mark = self._marks.get((index.row(), field))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = getattr(author, field)
            if field == "is_lead":
                return None
            if field == "birth_date":
                return format_date(value)
            if field == "contribution_pct":
                return format_share(value)
            return value
        if role == Qt.ItemDataRole.CheckStateRole and field == "is_lead":
            return Qt.CheckState.Checked if author.is_lead else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "contribution_pct":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and mark:
            return QBrush(_MARK_COLOURS[mark[0]])
        if role == Qt.ItemDataRole.ToolTipRole:
            if mark:
                return mark[1]
            if field == "full_name" and author.member_id is not None:
                return self.tr("Đoàn viên của đơn vị")
            if field == "is_lead":
                return (
                    self.tr("Chủ nhiệm đề tài: người được công nhận sáng kiến")
                    if self._research
                    else self.tr(
                        "Đánh dấu người được công nhận khi nhiều tác giả cùng có tỷ lệ cao nhất"
                    )
                )
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        field = FIELDS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and field == "is_lead":
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.set_value(index.row(), field, checked)
            return True
        if role == Qt.ItemDataRole.EditRole and field in (
            "full_name",
            "workplace",
            "position",
            "qualification",
        ):
            self.set_value(index.row(), field, str(value or ""))
            return True
        return False


class AuthorsDelegate(QStyledItemDelegate):
    """Cell editors: member suggestions for the name, a date, a percentage."""

    def __init__(self, db: Database, view: QTableView) -> None:
        super().__init__(view)
        self.db = db
        self.view = view

    def _model(self) -> AuthorsModel:
        model = self.view.model()
        assert isinstance(model, AuthorsModel)
        return model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        field = FIELDS[index.column()]
        if field == "birth_date":
            # Enter and Tab do not leave a cell holding no real date (the field's validator).
            return DateField(
                parent,
                label=self._model().headerData(
                    index.column(), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                ),
                latest=date.today(),
            )
        if field == "contribution_pct":
            spin = QDoubleSpinBox(parent)
            spin.setRange(0, 100)
            spin.setDecimals(2)
            spin.setSuffix(" %")
            spin.setSpecialValueText(self.tr("chưa ghi"))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            return spin
        line = QLineEdit(parent)
        line.setMaxLength(RECORD_TEXT.get(field, TEXT_CHARS))
        if field == "full_name":
            completer = MemberCompleter(self.db, line)
            row = QPersistentModelIndex(index)
            completer.chosen.connect(lambda member: self._member_chosen(line, row, member))
        return line

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        author = self._model().author(index.row())
        value = getattr(author, FIELDS[index.column()])
        # The view calls this again on every dataChanged of the cell, also when only the
        # findings' colours change while the person is typing in it: only a new value may
        # replace what is typed.
        if getattr(editor, "_shown_value", _NOTHING_SHOWN) == value:
            return
        setattr(editor, "_shown_value", value)  # noqa: B010
        if isinstance(editor, DateField):
            editor.set_value(value)
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(value or 0)
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        field = FIELDS[index.column()]
        if isinstance(editor, DateField):
            if not editor.problem():  # no real date typed: the cell keeps the one it had
                self._model().set_value(index.row(), field, editor.value())
        elif isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            self._model().set_value(index.row(), field, editor.value() or None)
        elif isinstance(editor, QLineEdit):
            self._model().set_value(index.row(), field, editor.text())

    def _member_chosen(
        self, line: QLineEdit, row: QPersistentModelIndex, member: MemberChoice
    ) -> None:
        """A member picked from the suggestions fills the row; the share is typed next."""
        if not row.isValid():
            return
        self.commitData.emit(line)
        self.closeEditor.emit(line, QStyledItemDelegate.EndEditHint.NoHint)
        self._model().fill_from_member(row.row(), member)
        share = self._model().index(row.row(), FIELDS.index("contribution_pct"))
        self.view.setCurrentIndex(share)
        self.view.setFocus()


class AuthorsPanel(QWidget):
    """The authors table with its buttons, and the credited author under it."""

    EDIT_TRIGGERS = (
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )

    def __init__(self, db: Database, profile: ProgramProfile, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile = profile
        self.kind = ""
        self.read_only = False
        self.model = AuthorsModel(self)
        self.table = QTableView(self, objectName="authorsTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(AuthorsDelegate(db, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(self.EDIT_TRIGGERS)
        self.table.setTabKeyNavigation(True)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(150)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((170, 92, 130, 100, 110, 80, 70)):
            if column:
                self.table.setColumnWidth(column, width)
        header.setMinimumSectionSize(60)

        # Alt+G: the way back to this button from the table, where Tab moves between cells.
        self.add_button = QPushButton(self.tr("Thêm tác &giả"), self, objectName="addAuthor")
        self.remove_button = QPushButton(self.tr("Xóa"), self, objectName="removeAuthor")
        self.up_button = QPushButton(self.tr("Lên"), self, objectName="authorUp")
        self.down_button = QPushButton(self.tr("Xuống"), self, objectName="authorDown")
        self.up_button.setToolTip(self.tr("Đưa tác giả lên trên (thứ tự trong đơn)"))
        self.down_button.setToolTip(self.tr("Đưa tác giả xuống dưới"))
        self.credited = QLabel(self, objectName="creditedLabel")
        self.credited.setTextFormat(Qt.TextFormat.RichText)
        self.credited.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Gõ vài chữ của họ tên (có dấu hoặc không dấu) rồi chọn đoàn viên: ngày sinh, "
                "nơi công tác, chức danh và trình độ được điền sẵn. Tác giả ngoài đơn vị thì gõ "
                "đủ họ tên. Sáng kiến được công nhận cho chủ nhiệm đề tài hoặc tác giả có tỷ lệ "
                "đóng góp cao nhất."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.credited)

        self.add_button.clicked.connect(self.add_author)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.model.edited.connect(self.update_credited)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.model.rowsInserted.connect(lambda *_: self._enable())
        self.model.rowsRemoved.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)
        self._enable()

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        research = self.profile.kind(kind)
        self.model.set_research(bool(research and research.research))
        self.update_credited()

    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def set_read_only(self, read_only: bool) -> None:
        """Show the authors without a way to change them: the table still scrolls, selects and
        copies; adding, removing and reordering are disabled."""
        self.read_only = read_only
        self.model.read_only = read_only
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only else self.EDIT_TRIGGERS
        )
        self.add_button.setEnabled(not read_only)
        self._enable()

    def _enable(self) -> None:
        row, count = self._current_row(), self.model.rowCount()
        editable = not self.read_only
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)

    def add_author(self) -> None:
        row = self.model.add_author()
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def remove_current(self) -> None:
        row = self._current_row()
        if row >= 0:
            self.model.remove_author(row)
            self._enable()

    def move_current(self, delta: int) -> None:
        row, column = self._current_row(), max(self.table.currentIndex().column(), 0)
        if row >= 0:
            target = self.model.move_author(row, delta)
            self.table.setCurrentIndex(self.model.index(target, column))
            self._enable()

    def focus_cell(self, row: int, field: str | None) -> None:
        column = FIELDS.index(field) if field in FIELDS else 0
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, column))
        self.table.setFocus()

    def update_credited(self) -> None:
        authors = self.model.authors()
        record = InitiativeRecord(id="", code="", title="", kind=self.kind, authors=authors)
        credited = credited_author(record, self.profile)
        total = sum(a.contribution_pct or 0 for a in authors)
        total_text = format_share(total) if authors else "0 %"
        if authors and abs(total - 100) > 0.01:
            total_text = f'<span style="color:#b3261e">{total_text}</span>'
        if credited is not None:
            who = f"<b>{html.escape(credited.full_name)}</b>"
            if credited.contribution_pct is not None:
                who += f" ({format_share(credited.contribution_pct)})"
        else:
            who = f'<span style="color:#8a5a00">{self.tr("chưa xác định")}</span>'
        self.credited.setText(
            self.tr("Tác giả được công nhận: %1 · Tổng tỷ lệ đóng góp: %2")
            .replace("%1", who)
            .replace("%2", total_text)
        )
