"""The initiatives table model: row ids from one SQL query (filter and sort in SQL, on indexed
columns), cells fetched lazily in blocks into a small cache when the view asks for them.

A new filter (``request_filter``, search as you type) runs its id query in a worker thread
(``gui.background.BackgroundQuery``): the GUI thread stays free while SQLite scans, the rows
are swapped in when the newest query ends, and the answer to an older filter is dropped.
``reload`` and sorting load at once, on the GUI thread, and drop any query still running; a
sort is a layout change (selection and current row stay on the same initiatives)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
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

from sangkien_desktop.gui.background import BackgroundQuery
from sangkien_desktop.gui.look import ui_language
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.initiatives import InitiativeFilter, fetch_rows, list_ids
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import format_date, format_vnd
from sangkien_desktop.workflow.states import state_name

BLOCK = 200
CACHE_BLOCKS = 20
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int
    visible: bool = True


def columns() -> list[Column]:
    from PySide6.QtCore import QCoreApplication

    # The context is written out so lupdate files the titles where Qt looks them up.
    translate = QCoreApplication.translate

    return [
        Column("code", translate("InitiativeTableModel", "Mã"), 110),
        Column("title", translate("InitiativeTableModel", "Tên sáng kiến"), 380),
        Column("credited_author", translate("InitiativeTableModel", "Tác giả được công nhận"), 180),
        Column("kind", translate("InitiativeTableModel", "Loại"), 170),
        Column("status", translate("InitiativeTableModel", "Trạng thái"), 150),
        Column("phase", translate("InitiativeTableModel", "Giai đoạn"), 70),
        Column("error_count", translate("InitiativeTableModel", "Lỗi"), 50),
        Column("warning_count", translate("InitiativeTableModel", "Lưu ý"), 55, visible=False),
        Column("eligibility_date", translate("InitiativeTableModel", "Đủ điều kiện"), 100),
        Column(
            "first_applied_on", translate("InitiativeTableModel", "Áp dụng từ"), 100, visible=False
        ),
        Column(
            "decided_on", translate("InitiativeTableModel", "Ngày công nhận"), 110, visible=False
        ),
        Column("economic_value_vnd", translate("InitiativeTableModel", "Giá trị làm lợi"), 130),
        Column("field", translate("InitiativeTableModel", "Lĩnh vực"), 150, visible=False),
        Column(
            "assigned_to", translate("InitiativeTableModel", "Người hỗ trợ"), 140, visible=False
        ),
        Column("due_on", translate("InitiativeTableModel", "Hạn xử lý"), 100, visible=False),
        Column("updated_at", translate("InitiativeTableModel", "Cập nhật"), 130, visible=False),
    ]


ID_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2


def query_ids(db: Database, flt: InitiativeFilter, sort: str, descending: bool) -> list[str]:
    """The id query, in its own session: it runs in a worker thread."""
    with db.reader() as session:
        return list_ids(session, flt, sort, descending)


class InitiativeTableModel(QAbstractTableModel):
    """Emits ``loading(True)`` when a filter's query starts in the background and
    ``loading(False)`` when its rows are in (or it failed: ``failed(exception)``)."""

    loading = Signal(bool)
    failed = Signal(object)

    def __init__(self, db: Database, profile: ProgramProfile, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.profile = profile
        self.columns = columns()
        self._keys = [c.key for c in self.columns]
        self._ids: list[str] = []
        self._blocks: OrderedDict[int, dict[str, tuple[object, ...]]] = OrderedDict()
        self.filter = InitiativeFilter()
        self.sort_key = "code"
        self.descending = False
        self._error_brush = QBrush(QColor("#b3261e"))
        self._ok_brush = QBrush(QColor("#1e7b34"))
        self.background = BackgroundQuery(self)
        self.background.finished.connect(self._set_ids)
        self.background.failed.connect(self.failed)
        self.background.busy_changed.connect(self.loading)

    # Loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Run the id query again now (after a sort or a change in the database); the newest
        filter applies, and a query still running in the background is dropped."""
        self.background.cancel()
        self._set_ids(query_ids(self.db, self.filter, self.sort_key, self.descending))

    def set_filter(self, flt: InitiativeFilter) -> None:
        """Filter now, on the calling thread."""
        self.filter = flt
        self.reload()

    def request_filter(self, flt: InitiativeFilter) -> int:
        """Filter in the background: the rows change when the query ends, unless a newer
        request came meanwhile. ``filter`` is the new one at once. Returns the generation."""
        self.filter = flt
        db, sort, descending = self.db, self.sort_key, self.descending
        return self.background.submit(lambda: query_ids(db, flt, sort, descending))

    @property
    def is_loading(self) -> bool:
        """Whether a filter's query is running in the background."""
        return self.background.busy

    def shutdown(self) -> None:
        """Drop the background query's result and wait for it to end (closing)."""
        self.background.shutdown()

    def _set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._blocks.clear()
        self.endResetModel()

    def rows_of(self, ids: set[str]) -> list[int]:
        """The rows of ``ids`` still listed, in order (one pass, however many)."""
        if not ids:
            return []
        return [row for row, initiative_id in enumerate(self._ids) if initiative_id in ids]

    def _row(self, row: int) -> tuple[object, ...] | None:
        block = row // BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            ids = self._ids[block * BLOCK : (block + 1) * BLOCK]
            with self.db.reader() as session:
                cached = fetch_rows(session, ids, self._keys)
            self._blocks[block] = cached
            if len(self._blocks) > CACHE_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return cached.get(self._ids[row])

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, initiative_id: str) -> int:
        try:
            return self._ids.index(initiative_id)
        except ValueError:
            return -1

    # Qt interface ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ToolTipRole,
            RAW_ROLE,
        ):
            return None
        key = self._keys[index.column()]
        values = self._row(index.row())
        if values is None:
            return None
        value = values[index.column()]
        if role == RAW_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in ("economic_value_vnd", "error_count", "warning_count", "phase"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "error_count":
                return self._error_brush if value else self._ok_brush
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return values[self._keys.index("title")] if key == "title" else None
        return self._display(key, value)

    def _display(self, key: str, value: object) -> str:
        if value is None:
            return ""
        if key == "kind":
            return self.profile.kind_name(str(value), ui_language())
        if key == "status":
            return state_name(str(value), ui_language())
        if key == "economic_value_vnd":
            return format_vnd(int(value))  # type: ignore[call-overload]
        if key == "error_count":
            return str(value) if value else "✓"
        if key == "updated_at":
            return value.strftime("%d/%m/%Y %H:%M")  # type: ignore[attr-defined]
        if isinstance(value, date):
            return format_date(value)
        return str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key, descending = self._keys[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.background.cancel()
        ids = query_ids(self.db, self.filter, key, descending)
        if len(ids) != len(self._ids) or set(ids) != set(self._ids):
            self._set_ids(ids)  # other rows than shown (a filter was still running): a new list
            return
        # The same rows in another order: a layout change, so every view keeps its selection
        # and current row on the same initiatives.
        # No VerticalSortHint: emitting these signals with arguments crashes PySide6 6.12.
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        kept_ids = [self._ids[index.row()] for index in kept]
        self._ids = ids
        self._blocks.clear()
        row_of = {initiative_id: row for row, initiative_id in enumerate(ids)}
        self.changePersistentIndexList(
            kept,
            [
                self.index(row_of[i], index.column())
                for i, index in zip(kept_ids, kept, strict=True)
            ],
        )
        self.layoutChanged.emit()
