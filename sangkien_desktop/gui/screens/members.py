"""Đoàn viên: the unit's members — search as you type (with or without diacritics), add, edit,
deactivate, delete someone who authored nothing, import from Excel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.dialogs import Confirm, MemberDialog, SheetFile
from sangkien_desktop.gui.keys import flush, lead_into
from sangkien_desktop.gui.look import hint, set_role, user_name
from sangkien_desktop.gui.permissions import guard
from sangkien_desktop.gui.tasks import run_task, show_error
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.members import (
    CATEGORIES,
    GENDERS,
    MemberData,
    add_member,
    delete_member,
    headcount,
    import_members,
    list_members,
    read_member_sheet,
    set_active,
    update_member,
)
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import format_date, sort_key

SEARCH_DELAY_MS = 120
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class MemberRow:
    id: int
    sort_key: str
    data: MemberData


def _columns() -> list[tuple[str, str, int]]:
    from PySide6.QtCore import QCoreApplication

    # The context is written out so lupdate files the titles where Qt looks them up.
    translate = QCoreApplication.translate

    return [
        ("full_name", translate("MemberTableModel", "Họ và tên"), 200),
        ("birth_date", translate("MemberTableModel", "Ngày sinh"), 95),
        ("gender", translate("MemberTableModel", "Giới tính"), 70),
        ("department", translate("MemberTableModel", "Phòng ban"), 200),
        ("position", translate("MemberTableModel", "Chức vụ"), 130),
        ("qualification", translate("MemberTableModel", "Trình độ"), 170),
        ("category", translate("MemberTableModel", "Đối tượng"), 140),
        ("active", translate("MemberTableModel", "Sinh hoạt"), 110),
    ]


class MemberTableModel(QAbstractTableModel):
    """Members as loaded by ``services.members.list_members`` (sorted by given name)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = _columns()
        self.keys = [c[0] for c in self.columns]
        self.rows: list[MemberRow] = []
        self._inactive = QBrush(QColor("#8a94a3"))

    def set_rows(self, rows: Sequence[MemberRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, member_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == member_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section][1]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if row.data.active else self._inactive
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row.data, self.keys[index.column()])
        return None

    def display(self, data: MemberData, key: str) -> str:
        if key == "birth_date":
            return format_date(data.birth_date)
        if key == "gender":
            return GENDERS.get(data.gender, data.gender)
        if key == "category":
            return CATEGORIES.get(data.category, data.category)
        if key == "active":
            return self.tr("Đang sinh hoạt") if data.active else self.tr("Không còn")
        return str(getattr(data, key) or "")

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Vietnamese dictionary order; names by given name first (the stored sort key)."""
        if not 0 <= column < len(self.columns):
            return
        key = self.keys[column]

        def by(row: MemberRow) -> tuple[Any, ...]:
            if key == "full_name":
                return (row.sort_key,)
            if key == "birth_date":
                return (row.data.birth_date is None, row.data.birth_date or date.min)
            return (sort_key(self.display(row.data, key)), row.sort_key)

        # Selection and current row stay on the same members: Sửa and Ngừng sinh hoạt act on
        # the person the user chose, not on whoever lands on that row.
        # No VerticalSortHint: emitting these signals with arguments crashes PySide6 6.12.
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        kept_ids = [self.rows[index.row()].id for index in kept]
        self.rows.sort(key=by, reverse=order == Qt.SortOrder.DescendingOrder)
        row_of = {row.id: number for number, row in enumerate(self.rows)}
        self.changePersistentIndexList(
            kept,
            [
                self.index(row_of[i], index.column())
                for i, index in zip(kept_ids, kept, strict=True)
            ],
        )
        self.layoutChanged.emit()


class MembersScreen(QWidget):
    ACTIVE, INACTIVE, EVERYONE = "active", "inactive", "all"

    def __init__(self, db: Database, profile: ProgramProfile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("membersScreen")
        self.db = db
        self.profile = profile
        self.model = MemberTableModel(self)

        title = QLabel(self.tr("Đoàn viên"), self, objectName="screenTitle")
        self.headcount_label = QLabel(self, objectName="headcountLabel")
        self.search = QLineEdit(self, objectName="memberSearch")
        self.search.setPlaceholderText(self.tr("Tìm theo họ tên — gõ có dấu hoặc không dấu"))
        self.search.setClearButtonEnabled(True)
        self.active_filter = QComboBox(self, objectName="activeFilter")
        self.active_filter.addItem(self.tr("Đang sinh hoạt"), self.ACTIVE)
        self.active_filter.addItem(self.tr("Không còn sinh hoạt"), self.INACTIVE)
        self.active_filter.addItem(self.tr("Tất cả"), self.EVERYONE)
        self.add_button = QPushButton(self.tr("Thêm đoàn viên"), self, objectName="addButton")
        self.edit_button = QPushButton(self.tr("Sửa"), self, objectName="editButton")
        self.active_button = QPushButton(self, objectName="activeButton")
        self.delete_button = QPushButton(self.tr("Xóa"), self, objectName="deleteButton")
        self.import_button = QPushButton(self.tr("Nhập từ Excel…"), self, objectName="importButton")
        self.import_button.setToolTip(
            self.tr(
                "Tệp .xlsx có dòng tiêu đề: Họ và tên, Ngày sinh, Giới tính, Phòng ban, Chức vụ, "
                "Trình độ, Đối tượng. Người trùng họ tên và ngày sinh được cập nhật."
            )
        )
        self.feedback = hint("", self)
        self.feedback.setObjectName("feedback")
        self.feedback.hide()
        self.count_label = QLabel(self, objectName="countLabel")

        self.table = QTableView(self, objectName="membersTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for i, (_key, _title, width) in enumerate(self.model.columns):
            self.table.setColumnWidth(i, width)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.headcount_label)
        top.addStretch(1)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 3)
        tools.addWidget(self.active_filter, 1)
        for button in (
            self.add_button,
            self.edit_button,
            self.active_button,
            self.delete_button,
            self.import_button,
        ):
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.feedback)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        lead_into(self.search, self.table, flush(self._timer, self.reload))
        self.active_filter.currentIndexChanged.connect(self.reload)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.active_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete)
        self.import_button.clicked.connect(self.import_sheet)
        guard(db, self.import_button, "member.edit")
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        delete = QAction(self.tr("Xóa"), self)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.triggered.connect(self.delete)
        self.table.addAction(delete)
        self.reload()

    # Loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        self._timer.stop()
        selected = self.selected_ids()
        which = self.active_filter.currentData()
        with self.db.reader() as session:
            members = list_members(session, self.search.text(), active_only=which == self.ACTIVE)
            rows = [
                MemberRow(
                    m.id,
                    m.sort_key,
                    MemberData(
                        m.full_name,
                        m.birth_date,
                        m.gender,
                        m.department,
                        m.position,
                        m.qualification,
                        m.category,
                        m.active,
                    ),
                )
                for m in members
                if which != self.INACTIVE or not m.active
            ]
            active = headcount(session)
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() != 0 or header.sortIndicatorOrder() != (
            Qt.SortOrder.AscendingOrder
        ):
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.headcount_label.setText(self.tr("%n người đang sinh hoạt", "", active))
        self.count_label.setText(self.tr("Đang hiển thị %n người", "", len(rows)))
        self.select(selected)
        self._update_buttons()

    def select(self, ids: Sequence[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for member_id in ids:
            row = self.model.row_of(member_id)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
                self.table.scrollTo(self.model.index(row, 0))

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.rows[r].id for r in rows if r < len(self.model.rows)]

    def _selected_rows(self) -> list[MemberRow]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def _update_buttons(self) -> None:
        rows = self._selected_rows()
        guard(self.db, self.add_button, "member.edit")
        guard(self.db, self.edit_button, "member.edit", len(rows) == 1)
        guard(self.db, self.delete_button, "member.edit", len(rows) == 1)
        guard(self.db, self.active_button, "member.edit", bool(rows))
        reactivate = bool(rows) and all(not r.data.active for r in rows)
        self.active_button.setText(
            self.tr("Sinh hoạt lại") if reactivate else self.tr("Ngừng sinh hoạt")
        )

    def say(self, text: str, error: bool = False) -> None:
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))
        set_role(self.feedback, "error" if error else "done")

    # Actions -----------------------------------------------------------------------------
    def add(self) -> None:
        data = MemberDialog.ask(self, None)
        if data is None:
            return
        try:
            member_id = add_member(self.db, data, actor=user_name())
        except SangKienError as exc:
            show_error(self, exc)
            return
        if not data.active and self.active_filter.currentData() == self.ACTIVE:
            self.active_filter.setCurrentIndex(self.active_filter.findData(self.EVERYONE))
        self.reload()
        self.select([member_id])
        self.say(self.tr("Đã thêm %1.").replace("%1", data.full_name))

    def edit(self) -> None:
        rows = self._selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        data = MemberDialog.ask(self, row.data)
        if data is None:
            return
        try:
            update_member(self.db, row.id, data, actor=user_name())
        except SangKienError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.select([row.id])
        self.say(self.tr("Đã lưu %1.").replace("%1", data.full_name))

    def toggle_active(self) -> None:
        rows = self._selected_rows()
        if not rows:
            return
        active = all(not r.data.active for r in rows)
        try:
            for row in rows:
                set_active(self.db, row.id, active, actor=user_name())
        except SangKienError as exc:
            show_error(self, exc)
        self.reload()
        names = rows[0].data.full_name if len(rows) == 1 else self.tr("%n người", "", len(rows))
        self.say(
            (self.tr("%1 sinh hoạt lại.") if active else self.tr("%1 đã ngừng sinh hoạt.")).replace(
                "%1", names
            )
        )

    def delete(self) -> None:
        rows = self._selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        if not Confirm.ask(
            self,
            self.tr("Xóa đoàn viên"),
            self.tr(
                "Xóa hẳn %1 khỏi danh sách? Người đã là tác giả sáng kiến thì không xóa được; "
                "hãy chuyển sang “không còn sinh hoạt”."
            ).replace("%1", row.data.full_name),
        ):
            return
        try:
            delete_member(self.db, row.id, actor=user_name())
        except SangKienError as exc:
            show_error(self, exc)
            self.say(exc.message, error=True)
            return
        self.reload()
        self.say(self.tr("Đã xóa %1.").replace("%1", row.data.full_name))

    def import_sheet(self) -> None:
        path = SheetFile.ask(self)
        if path is None:
            return
        self.import_button.setEnabled(False)
        self.say(self.tr("Đang nhập %1…").replace("%1", path.name))
        run_task(
            self,
            lambda _progress: self._import(self.db, path),
            self.tr("Đang nhập đoàn viên từ %1…").replace("%1", path.name),
            self._imported,
            self._import_failed,
        )

    @staticmethod
    def _import(db: Database, path: Path) -> tuple[int, int]:
        return import_members(db, read_member_sheet(path))

    def _imported(self, result: tuple[int, int]) -> None:
        added, updated = result
        guard(self.db, self.import_button, "member.edit")
        self.reload()
        self.say(
            self.tr("Đã nhập %1 đoàn viên mới, cập nhật %2.")
            .replace("%1", str(added))
            .replace("%2", str(updated))
        )

    def _import_failed(self, exc: BaseException) -> None:
        guard(self.db, self.import_button, "member.edit")
        self.say(
            exc.message if isinstance(exc, SangKienError) else self.tr("Không nhập được tệp."),
            error=True,
        )
        show_error(self, exc)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if index.row() not in {i.row() for i in self.table.selectionModel().selectedRows()}:
            self.table.selectRow(index.row())
        menu = QMenu(self)
        for button in (self.edit_button, self.active_button, self.delete_button):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()
