"""Sáng kiến: the list of initiatives with filters, search as you type and bulk actions."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.gui.initiative_model import ID_ROLE, InitiativeTableModel
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.initiatives import InitiativeFilter
from sangkien_desktop.storage.database import Database
from sangkien_desktop.workflow.states import STATES

SEARCH_DELAY_MS = 120


class InitiativesScreen(QWidget):
    """The table of initiatives. Emits ``open_requested(id)`` and ``new_requested()``."""

    open_requested = Signal(str)
    new_requested = Signal()
    selection_changed = Signal(list)

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
        self.state_filter = self._combo(
            "stateFilter", self.tr("Mọi trạng thái"), [(s.value, i.name) for s, i in STATES.items()]
        )
        self.kind_filter = self._combo(
            "kindFilter", self.tr("Mọi loại"), [(k.code, k.name) for k in profile.kinds]
        )
        self.phase_filter = self._combo(
            "phaseFilter",
            self.tr("Mọi giai đoạn"),
            [(str(p.number), p.name) for p in profile.phases]
            + [("none", self.tr("Chưa xác định"))],
        )
        self.year_filter = self._combo(
            "yearFilter", self.tr("Mọi năm"), [(str(y), str(y)) for y in range(2021, 2027)]
        )
        self.findings_filter = self._combo(
            "findingsFilter",
            self.tr("Lỗi và hợp lệ"),
            [("errors", self.tr("Còn lỗi")), ("clean", self.tr("Không còn lỗi"))],
        )
        self.new_button = QPushButton(self.tr("Thêm sáng kiến"), self, objectName="newButton")
        self.new_button.setToolTip(self.tr("Thêm sáng kiến mới (Ctrl+N)"))
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
        layout.addWidget(self.count_label)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        for combo in (
            self.state_filter,
            self.kind_filter,
            self.phase_filter,
            self.year_filter,
            self.findings_filter,
        ):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.table.doubleClicked.connect(self._open_index)
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
        self.apply_filters()

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self, objectName=name)
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
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
        self._timer.stop()
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("%n sáng kiến", "", self.model.rowCount()))

    def reload(self) -> None:
        selected = self.selected_ids()
        self.model.reload()
        self.count_label.setText(self.tr("%n sáng kiến", "", self.model.rowCount()))
        for initiative_id in selected:
            row = self.model.row_of(initiative_id)
            if row >= 0:
                self.table.selectRow(row)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [self.model.id_at(index.row()) for index in rows]

    def _open_index(self, index) -> None:  # type: ignore[no-untyped-def]
        self.open_requested.emit(index.data(ID_ROLE))
