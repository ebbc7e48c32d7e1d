"""Sáng kiến: the list of initiatives with filters, search as you type and bulk actions.

A filter or search change runs the list's id query in the background (the model's
``request_filter``): typing never waits for SQLite. The count label says "Đang tìm…" when a
query takes longer than ``BUSY_DELAY_MS``; the selection and the current row survive the swap
when they are still listed."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.dialogs import (
    AssignDialog,
    MoveReportDialog,
    StateDialog,
    move_summary,
    run_moves,
)
from sangkien_desktop.gui.initiative_model import ID_ROLE, RAW_ROLE, InitiativeTableModel
from sangkien_desktop.gui.keys import flush, lead_into
from sangkien_desktop.gui.look import ui_language
from sangkien_desktop.gui.permissions import guard
from sangkien_desktop.gui.print_preview import ListPrintMenu
from sangkien_desktop.gui.tasks import show_error
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.initiatives import InitiativeFilter, eligibility_years
from sangkien_desktop.storage.database import Database
from sangkien_desktop.workflow.board import helpers
from sangkien_desktop.workflow.service import MoveReport, assign_many
from sangkien_desktop.workflow.states import STATES

SEARCH_DELAY_MS = 120
BUSY_DELAY_MS = 100  # a query shorter than this shows no busy text (no flicker as you type)


@dataclass
class _KeptView:
    """What the user was looking at before the rows changed."""

    selected: set[str] = field(default_factory=set)
    current: str | None = None
    top: str | None = None  # the id of the first row in view
    new_list: bool = False  # another filter or order: not the same list any more


class InitiativesScreen(QWidget):
    """The table of initiatives. Emits ``open_requested(id)``, ``new_requested()`` and
    ``changed()`` after a bulk action."""

    open_requested = Signal(str)
    new_requested = Signal()
    selection_changed = Signal(list)
    changed = Signal()

    def __init__(self, db: Database, profile: ProgramProfile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("initiativesScreen")
        self.db = db
        self.profile = profile
        self.model = InitiativeTableModel(db, profile, self)

        self.search = QLineEdit(self, objectName="searchBox")
        self.search.setPlaceholderText(
            self.tr("Tìm theo mã, tên sáng kiến, tác giả — gõ có dấu hoặc không dấu (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        lang = ui_language()
        self.state_filter = self._combo(
            "stateFilter",
            self.tr("Mọi trạng thái"),
            [(s.value, i.label(lang)) for s, i in STATES.items()],
        )
        self.kind_filter = self._combo(
            "kindFilter", self.tr("Mọi loại"), [(k.code, k.label(lang)) for k in profile.kinds]
        )
        self.phase_filter = self._combo(
            "phaseFilter",
            self.tr("Mọi giai đoạn"),
            [(str(p.number), p.label(lang)) for p in profile.phases]
            + [("none", self.tr("Chưa xác định"))],
        )
        self.year_filter = self._combo("yearFilter", self.tr("Mọi năm"), [])
        self._fill_years()
        self.findings_filter = self._combo(
            "findingsFilter",
            self.tr("Lỗi và hợp lệ"),
            [("errors", self.tr("Còn lỗi")), ("clean", self.tr("Không còn lỗi"))],
        )
        self.new_button = QPushButton(self.tr("Thêm sáng kiến"), self, objectName="newButton")
        self.new_button.setToolTip(self.tr("Thêm sáng kiến mới (Ctrl+N)"))
        guard(db, self.new_button, "initiative.edit")
        self.columns_button = QToolButton(self, objectName="columnsButton")
        self.columns_button.setText(self.tr("Cột"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.count_label = QLabel(self, objectName="countLabel")

        self.table = QTableView(self, objectName="initiativesTable")
        self.table.setModel(self.model)
        # The indicator first: enabling sorting sorts by it, and the model reloads only on change.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
            self.table.setColumnHidden(i, not column.visible)
        self._build_columns_menu()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo in (
            self.state_filter,
            self.kind_filter,
            self.phase_filter,
            self.year_filter,
            self.findings_filter,
        ):
            filters.addWidget(combo, 1)
        filters.addWidget(self.columns_button)
        filters.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self._build_bulk_actions()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.bulk_button)
        layout.addLayout(bottom)

        self._kept = _KeptView()
        self._new_filter = False
        self._order = (self.model.sort_key, self.model.descending)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_count)
        self.model.modelAboutToBeReset.connect(self._remember_view)
        self.model.modelReset.connect(self._restore_view)
        self.model.layoutChanged.connect(self._sorted)
        self.model.loading.connect(self._loading)
        self.model.failed.connect(self._query_failed)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        lead_into(self.search, self.table, flush(self._timer, self.apply_filters))
        for combo in (
            self.state_filter,
            self.kind_filter,
            self.phase_filter,
            self.year_filter,
            self.findings_filter,
        ):
            combo.currentIndexChanged.connect(self.apply_filters)
        # A double click activates the row too: one connection, or the row opens twice.
        self.table.activated.connect(self._open_index)
        self.new_button.clicked.connect(self.new_requested)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit(self.selected_ids())
        )
        find = QAction(self.tr("Tìm"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        self._restore_columns()
        # The first rows load at once: the screen is never shown empty.
        self.model.set_filter(self.current_filter())
        self._update_bulk_actions()

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self, objectName=name)
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        # Long kind names must not squeeze the search box: the popup still shows them whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        return combo

    def _build_columns_menu(self) -> None:
        menu = QMenu(self)
        for i, column in enumerate(self.model.columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(column.visible)
            action.toggled.connect(lambda on, i=i: self._toggle_column(i, on))
        self.columns_button.setMenu(menu)

    def _toggle_column(self, index: int, visible: bool) -> None:
        self.table.setColumnHidden(index, not visible)
        self._save_columns()

    def _save_columns(self) -> None:
        hidden = [c.key for i, c in enumerate(self.model.columns) if self.table.isColumnHidden(i)]
        settings = QSettings()
        settings.setValue("initiatives/hidden_columns", hidden)
        settings.setValue("initiatives/header", self.table.horizontalHeader().saveState())

    def _restore_columns(self) -> None:
        settings = QSettings()
        hidden = settings.value("initiatives/hidden_columns")
        if isinstance(hidden, list):
            actions = self.columns_button.menu().actions()
            for i, column in enumerate(self.model.columns):
                actions[i].setChecked(column.key not in hidden)

    def current_filter(self) -> InitiativeFilter:
        state = self.state_filter.currentData()
        kind = self.kind_filter.currentData()
        phase = self.phase_filter.currentData()
        year = self.year_filter.currentData()
        findings = self.findings_filter.currentData()
        return InitiativeFilter(
            text=self.search.text(),
            states=(state,) if state else (),
            kinds=(kind,) if kind else (),
            phases=((None,) if phase == "none" else (int(phase),)) if phase else (),
            year=int(year) if year else None,
            has_errors={"errors": True, "clean": False}.get(findings or ""),
        )

    def apply_filters(self) -> None:
        """Start the list's query for the filters as they are; the rows follow when it ends."""
        self._timer.stop()
        self._new_filter = True
        self.model.request_filter(self.current_filter())

    def reload(self) -> None:
        """Load the rows again now (after a change in the database), keeping the selection."""
        self._fill_years()
        self.model.reload()

    def _fill_years(self) -> None:
        """The year filter offers the program's years and every year found in the data,
        newest first; the year chosen stays chosen."""
        combo = self.year_filter
        chosen = combo.currentData()
        years = set(self.profile.years) | set(eligibility_years(self.db))
        if chosen:
            years.add(int(chosen))
        wanted = [str(y) for y in sorted(years, reverse=True)]
        if [combo.itemData(i) for i in range(1, combo.count())] == wanted:
            return
        combo.blockSignals(True)  # the same filter: no new query
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for year in wanted:
                combo.addItem(year, year)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
        finally:
            combo.blockSignals(False)

    def is_searching(self) -> bool:
        """Whether the list is waiting for a search (typed, or its query running)."""
        return self._timer.isActive() or self.model.is_loading

    def _show_count(self) -> None:
        if self.model.is_loading:
            self.count_label.setText(self.tr("Đang tìm…"))
        else:
            self.count_label.setText(self.tr("%n sáng kiến", "", self.model.rowCount()))

    def _loading(self, busy: bool) -> None:
        if busy:
            if not self._busy_timer.isActive():
                self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self._show_count()

    def _query_failed(self, exc: BaseException) -> None:
        self._new_filter = False
        self._show_count()
        show_error(self, exc)

    def _remember_view(self) -> None:
        current = self.table.currentIndex()
        top = self.table.rowAt(0)
        self._kept = _KeptView(
            set(self.selected_ids()),
            self.model.id_at(current.row()) if current.isValid() else None,
            self.model.id_at(top) if top >= 0 else None,
            self._new_filter or self._order != (self.model.sort_key, self.model.descending),
        )
        self._new_filter = False
        self._order = (self.model.sort_key, self.model.descending)

    def _restore_view(self) -> None:
        """After the rows changed: select again what is still listed, keep the current row,
        and keep the view where it was (same list) or go to the top (new filter)."""
        kept, self._kept = self._kept, _KeptView()
        self._show_count()
        wanted = set(kept.selected)
        wanted.update(i for i in (kept.current, None if kept.new_list else kept.top) if i)
        rows = self.model.rows_of(wanted)
        row_of = {self.model.id_at(row): row for row in rows}
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        start = previous = -2
        for row in (r for r in rows if self.model.id_at(r) in kept.selected):
            if row != previous + 1:
                if start >= 0:
                    selection.select(self.model.index(start, 0), self.model.index(previous, last))
                start = row
            previous = row
        if start >= 0:
            selection.select(self.model.index(start, 0), self.model.index(previous, last))
        model = self.table.selectionModel()
        if not selection.isEmpty():
            model.select(selection, QItemSelectionModel.SelectionFlag.Select)
        current = row_of.get(kept.current or "", -1)
        if current >= 0:
            model.setCurrentIndex(
                self.model.index(current, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        elif self.table.hasFocus() and self.model.rowCount():
            current = 0  # Enter pressed in the search box before its rows came: the first hit
            self.table.setCurrentIndex(self.model.index(0, 0))
        top = row_of.get(kept.top or "", -1)
        hint = QAbstractItemView.ScrollHint
        if not kept.new_list and top >= 0:
            self.table.scrollTo(self.model.index(top, 0), hint.PositionAtTop)
        elif current >= 0:
            self.table.scrollTo(self.model.index(current, 0), hint.EnsureVisible)
        else:
            self.table.scrollToTop()

    def _sorted(self) -> None:
        """The same rows in a new order (the view kept the selection): show the current row,
        or the top of the list."""
        self._order = (self.model.sort_key, self.model.descending)
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)
        else:
            self.table.scrollToTop()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [self.model.id_at(index.row()) for index in rows]

    def _open_index(self, index) -> None:  # type: ignore[no-untyped-def]
        self.open_requested.emit(index.data(ID_ROLE))

    # Bulk actions on the selected rows ---------------------------------------------------
    def _build_bulk_actions(self) -> None:
        self.open_action = QAction(self.tr("Mở hồ sơ"), self, objectName="openAction")
        self.open_action.triggered.connect(self._open_selected)
        self.move_action = QAction(self.tr("Chuyển trạng thái…"), self, objectName="moveAction")
        self.move_action.triggered.connect(self.bulk_move)
        self.assign_action = QAction(self.tr("Giao người hỗ trợ…"), self, objectName="assignAction")
        self.assign_action.triggered.connect(self.bulk_assign)
        menu = QMenu(self)
        menu.addActions([self.open_action, self.move_action, self.assign_action])
        self.print_menu = ListPrintMenu(self, menu)  # certificates of the selection, forms of one
        self.bulk_button = QToolButton(self, objectName="bulkButton")
        self.bulk_button.setToolTip(self.tr("Chuyển trạng thái, giao người hỗ trợ (chuột phải)"))
        self.bulk_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bulk_button.setMenu(menu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: menu.exec(self.table.viewport().mapToGlobal(pos))
        )
        self.selection_changed.connect(lambda _ids: self._update_bulk_actions())

    def _update_bulk_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.bulk_button.setText(self.tr("Thao tác với %n sáng kiến đã chọn", "", count))
        self.bulk_button.setEnabled(count > 0)
        self.open_action.setEnabled(count == 1)
        guard(self.db, self.move_action, "initiative.move", count > 0)
        guard(self.db, self.assign_action, "initiative.edit", count > 0)
        self.print_menu.update_actions(count)

    def _open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_requested.emit(ids[0])

    def _selected_values(self, key: str) -> list[object]:
        column = [c.key for c in self.model.columns].index(key)
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.index(row, column).data(RAW_ROLE) for row in rows]

    def _selection_label(self) -> str:
        codes = [str(c) for c in self._selected_values("code")]
        return codes[0] if len(codes) == 1 else self.tr("%n sáng kiến", "", len(codes))

    def bulk_move(self) -> None:
        """Move every selected initiative, each through the workflow service on its own."""
        ids = self.selected_ids()
        if not ids:
            return
        label = self._selection_label()
        target = StateDialog.ask(self, label, [str(s) for s in self._selected_values("status")])
        if target is None:
            return
        actor = str(getattr(self.window(), "actor", "") or "")
        run_moves(self, self.db, self.profile, ids, label, target, actor, self._bulk_moved)

    def _bulk_moved(self, report: MoveReport) -> None:
        self.reload()
        self.changed.emit()
        window = self.window()
        if report.refused or not isinstance(window, QMainWindow):
            MoveReportDialog.show_report(self, report)  # which were refused, and why
        else:  # all moved: said in the status bar, no box to close
            window.statusBar().showMessage(move_summary(report), 10000)

    def bulk_assign(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        current = [str(h or "") for h in self._selected_values("assigned_to")]
        answer = AssignDialog.ask(
            self,
            self._selection_label(),
            helpers(self.db),
            current[0] if len(set(current)) == 1 else "",
        )
        if answer is None:
            return
        try:
            assign_many(self.db, ids, *answer)
        except SangKienError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.changed.emit()
