"""Báo cáo: the statistics as tables (by state, kind, phase, department; the support team's
workload), the unit's own targets edited in place, and the Excel work — the statistics report,
the initiatives list as shown, the members list, the import templates, and imports with a preview
of every row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.look import hint, set_role, ui_language
from sangkien_desktop.gui.screens.overview import ReportLoader
from sangkien_desktop.gui.spreadsheet_dialogs import ImportPreviewDialog, OpenSheet, SaveSheet
from sangkien_desktop.gui.tasks import Task, run_task, show_error
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.initiatives import InitiativeFilter
from sangkien_desktop.spreadsheets import export, templates
from sangkien_desktop.spreadsheets import initiatives as initiative_sheets
from sangkien_desktop.spreadsheets import members as member_sheets
from sangkien_desktop.spreadsheets.preview import ImportCancelled, Preview
from sangkien_desktop.stats import Line, Progress, Report
from sangkien_desktop.stats.targets import MAX_TARGET, set_phase_target, set_quarter_target
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import format_date, format_number, format_vnd
from sangkien_desktop.workflow.states import state_name

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # the target count (0: none)
PERIOD_ROLE = Qt.ItemDataRole.UserRole + 2  # (phase, year, quarter) of a target row
_Index = QModelIndex | QPersistentModelIndex


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}%".replace(".", ",")


def _table(parent: QWidget, name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent, objectName=name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[object]], bold_last: bool = False) -> None:
    """Rows of text; numbers right-aligned. The table has a handful of rows (no big model)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold_last and r == len(rows) - 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(r, c, item)


class TargetDelegate(QStyledItemDelegate):
    """Edits a target as a whole number; 0 shows "Chưa đặt" and removes the target."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> Any:
        editor = QSpinBox(parent, objectName="targetEditor")
        editor.setRange(0, MAX_TARGET)
        editor.setSpecialValueText(self.tr("Chưa đặt"))
        editor.setGroupSeparatorShown(True)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(TARGET_ROLE) or 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), TARGET_ROLE)


class ReportsScreen(QWidget):
    def __init__(self, db: Database, profile: ProgramProfile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportsScreen")
        self.db = db
        self.profile = profile
        self.report: Report | None = None
        self.loader = ReportLoader(self, db, profile)
        self.loader.loaded.connect(self.show_report)
        self._filling = False

        title = QLabel(self.tr("Báo cáo"), self, objectName="screenTitle")
        self.as_of = hint("", self)
        self.as_of.setObjectName("asOfLabel")
        self.as_of.setWordWrap(False)
        self._build_actions()
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.as_of)
        top.addStretch(1)
        for button in (self.export_button, self.import_button, self.template_button):
            top.addWidget(button)
        self.feedback = hint("", self)
        self.feedback.setObjectName("feedback")
        self.feedback.hide()

        self.tabs = QTabWidget(self, objectName="reportTabs")
        self.tabs.addTab(self._summary_tab(), self.tr("Tổng hợp"))
        self.tabs.addTab(self._targets_tab(), self.tr("Chỉ tiêu"))
        self.department_table = _table(
            self,
            "departmentTable",
            [
                self.tr("Phòng ban"),
                self.tr("Đoàn viên"),
                self.tr("Tác giả được công nhận"),
                self.tr("Tỷ lệ tham gia"),
                self.tr("Sáng kiến"),
                self.tr("Đủ điều kiện"),
                self.tr("Giá trị làm lợi"),
            ],
        )
        self.tabs.addTab(self.department_table, self.tr("Theo phòng ban"))
        self.workload_table = _table(
            self,
            "workloadTable",
            [
                self.tr("Người hỗ trợ"),
                self.tr("Đang xử lý"),
                self.tr("Quá hạn xử lý"),
                self.tr("Chờ Hội đồng quá %1 tháng").replace(
                    "%1", str(profile.decision_deadline_months)
                ),
                self.tr("Sẵn sàng gửi"),
            ],
        )
        self.tabs.addTab(self.workload_table, self.tr("Tổ hỗ trợ"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(self.tabs, 1)

    # Building ----------------------------------------------------------------------------
    def _menu_button(self, name: str, text: str, actions: Sequence[QAction]) -> QToolButton:
        button = QToolButton(self, objectName=name)
        button.setText(text)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(button)
        menu.addActions(list(actions))
        button.setMenu(menu)
        return button

    def _action(self, name: str, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self, objectName=name)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.export_stats_action = self._action(
            "exportStatsAction", self.tr("Báo cáo thống kê…"), self.export_stats
        )
        self.export_initiatives_action = self._action(
            "exportInitiativesAction",
            self.tr("Danh sách sáng kiến (theo bộ lọc đang xem)…"),
            self.export_initiatives,
        )
        self.export_members_action = self._action(
            "exportMembersAction", self.tr("Danh sách đoàn viên…"), self.export_members
        )
        self.import_initiatives_action = self._action(
            "importInitiativesAction", self.tr("Sáng kiến…"), self.import_initiatives
        )
        self.import_members_action = self._action(
            "importMembersAction", self.tr("Đoàn viên…"), self.import_members
        )
        self.template_initiatives_action = self._action(
            "templateInitiativesAction",
            self.tr("Mẫu nhập sáng kiến…"),
            lambda: self.save_template("initiatives"),
        )
        self.template_members_action = self._action(
            "templateMembersAction",
            self.tr("Mẫu nhập đoàn viên…"),
            lambda: self.save_template("members"),
        )
        self.export_button = self._menu_button(
            "exportButton",
            self.tr("Xuất Excel"),
            [self.export_stats_action, self.export_initiatives_action, self.export_members_action],
        )
        self.import_button = self._menu_button(
            "importButton",
            self.tr("Nhập từ Excel"),
            [self.import_initiatives_action, self.import_members_action],
        )
        self.template_button = self._menu_button(
            "templateButton",
            self.tr("Tệp mẫu Excel"),
            [self.template_initiatives_action, self.template_members_action],
        )

    def _summary_tab(self) -> QWidget:
        page = QWidget(self)
        figures = self.tr("Số sáng kiến"), self.tr("Đủ điều kiện"), self.tr("Giá trị làm lợi")
        self.state_table = _table(page, "stateTable", [self.tr("Trạng thái"), *figures[:2]])
        self.kind_table = _table(page, "kindTable", [self.tr("Loại giải pháp"), *figures])
        self.phase_table = _table(page, "phaseTable", [self.tr("Giai đoạn"), *figures])
        self.summary = QLabel(page, objectName="summaryLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        grid = QGridLayout(page)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(self._boxed(self.tr("Theo trạng thái"), self.state_table), 1, 0, 2, 1)
        grid.addWidget(self._boxed(self.tr("Theo loại giải pháp"), self.kind_table), 1, 1)
        grid.addWidget(self._boxed(self.tr("Theo giai đoạn"), self.phase_table), 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        return page

    def _boxed(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(widget)
        return box

    def _targets_tab(self) -> QWidget:
        page = QWidget(self)
        note = hint(
            self.tr(
                "Chỉ tiêu của đơn vị theo giai đoạn và theo quý (Mục II Hướng dẫn %1). Bấm đúp "
                "vào ô “Chỉ tiêu” để sửa; 0 là bỏ chỉ tiêu. “Đủ điều kiện” đếm các sáng kiến đã "
                "được công nhận, không còn lỗi, theo ngày đủ điều kiện."
            ).replace("%1", self.profile.guidance),
            page,
        )
        self.target_table = _table(
            page,
            "targetTable",
            [self.tr("Kỳ"), self.tr("Chỉ tiêu"), self.tr("Đủ điều kiện"), self.tr("Tỷ lệ đạt")],
        )
        self.target_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.target_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.target_table.setItemDelegateForColumn(1, TargetDelegate(self.target_table))
        self.target_table.itemChanged.connect(self._target_edited)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.target_table, 1)
        return page

    # Loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.loader.load()

    def show_report(self, report: Report) -> None:
        self.report = report
        self.as_of.setText(self.tr("Số liệu đến ngày %1").replace("%1", format_date(report.today)))
        t, p = report.totals, report.participation
        self.summary.setText(
            self.tr(
                "<b>%1</b> sáng kiến, <b>%2</b> đủ điều kiện tính vào Chương trình, giá trị làm "
                "lợi <b>%3</b>. Tỷ lệ tham gia <b>%4</b> (%5 tác giả được công nhận / %6 người; "
                "mục tiêu %7%)."
            )
            .replace("%1", format_number(t.initiatives))
            .replace("%2", format_number(t.eligible))
            .replace("%3", format_vnd(t.value_vnd))
            .replace("%4", _percent(p.rate_pct) or "—")
            .replace("%5", format_number(p.authors))
            .replace("%6", format_number(p.headcount))
            .replace("%7", f"{p.target_pct:g}")
        )
        _fill(
            self.state_table,
            [
                (
                    state_name(x.key, ui_language()),
                    format_number(x.total),
                    format_number(x.eligible),
                )
                for x in report.by_state
            ]
            + [(self.tr("Tổng cộng"), format_number(t.initiatives), format_number(t.eligible))],
            bold_last=True,
        )
        _fill(self.kind_table, self._lines(report.by_kind, self._kind_name), bold_last=True)
        _fill(self.phase_table, self._lines(report.by_phase, self._phase_name), bold_last=True)
        self._fill_targets([*report.phases, *report.quarters])
        _fill(
            self.department_table,
            [
                (
                    d.label,
                    format_number(d.members),
                    format_number(d.authors),
                    _percent(d.rate_pct),
                    format_number(d.total),
                    format_number(d.eligible),
                    format_vnd(d.value_vnd),
                )
                for d in report.by_department
            ],
        )
        _fill(
            self.workload_table,
            [
                (
                    h.helper or self.tr("(Chưa giao)"),
                    format_number(h.open),
                    format_number(h.past_due),
                    format_number(h.decision_overdue),
                    format_number(h.ready),
                )
                for h in report.workload
            ],
        )

    # The core names its lines in Vietnamese; the screen names them in the interface language.
    def _kind_name(self, line: Line) -> str:
        return self.profile.kind_name(line.key, ui_language())

    def _phase_name(self, line: Line) -> str:
        if not line.key.isdigit():
            return self.tr("Chưa xác định giai đoạn")
        return self.profile.phase_name(int(line.key), ui_language())

    def _period_name(self, progress: Progress) -> str:
        if progress.phase is not None:
            return self.profile.phase_name(progress.phase, ui_language())
        if progress.year is not None and progress.quarter is not None:
            return (
                self.tr("Quý %1/%2")
                .replace("%1", str(progress.quarter))
                .replace("%2", str(progress.year))
            )
        return progress.label

    def _lines(
        self, lines: Sequence[Line], name: Callable[[Line], str]
    ) -> list[tuple[str, str, str, str]]:
        rows = [
            (name(x), format_number(x.total), format_number(x.eligible), format_vnd(x.value_vnd))
            for x in lines
        ]
        rows.append(
            (
                self.tr("Tổng cộng"),
                format_number(sum(x.total for x in lines)),
                format_number(sum(x.eligible for x in lines)),
                format_vnd(sum(x.value_vnd for x in lines)),
            )
        )
        return rows

    def _fill_targets(self, progress: Sequence[Progress]) -> None:
        self._filling = True
        try:
            _fill(
                self.target_table,
                [
                    (
                        self._period_name(x),
                        format_number(x.target) if x.target else "",
                        format_number(x.actual),
                        _percent(x.pct),
                    )
                    for x in progress
                ],
            )
            for row, x in enumerate(progress):
                for column in range(self.target_table.columnCount()):
                    item = self.target_table.item(row, column)
                    flags = item.flags() & ~Qt.ItemFlag.ItemIsEditable
                    if column == 1:
                        flags |= Qt.ItemFlag.ItemIsEditable
                        item.setData(TARGET_ROLE, x.target or 0)
                        item.setData(PERIOD_ROLE, (x.phase, x.year, x.quarter))
                        item.setToolTip(self.tr("Bấm đúp để sửa chỉ tiêu"))
                    if x.reached and column == 3:
                        item.setForeground(Qt.GlobalColor.darkGreen)
                    item.setFlags(flags)
        finally:
            self._filling = False

    # Targets -----------------------------------------------------------------------------
    def _target_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1:
            return
        phase, year, quarter = item.data(PERIOD_ROLE)
        count = int(item.data(TARGET_ROLE) or 0)
        try:
            if phase is not None:
                set_phase_target(self.db, self.profile, phase, count)
            else:
                set_quarter_target(self.db, year, quarter, count)
        except SangKienError as exc:
            show_error(self, exc)
        self.say(
            self.tr("Đã lưu chỉ tiêu %1: %2.")
            .replace("%1", self.target_table.item(item.row(), 0).text())
            .replace("%2", format_number(count) if count else self.tr("bỏ chỉ tiêu"))
        )
        self.reload()

    # Messages ----------------------------------------------------------------------------
    def say(self, text: str, role: str = "done") -> None:
        self.feedback.setText(text)
        set_role(self.feedback, role)
        self.feedback.setVisible(bool(text))

    def _actor(self) -> str:
        return str(getattr(self.window(), "actor", "") or "")

    def _data_changed(self) -> None:
        """Other screens show what was imported (the main window reloads its lists)."""
        on_saved = getattr(self.window(), "on_saved", None)
        if callable(on_saved):
            on_saved("")
        self.reload()

    def _run(
        self,
        work: Callable[[Callable[[int, int], bool]], Any],
        label: str,
        done: Callable[[Any], None],
        cancellable: bool = True,
    ) -> Task:
        tasks: list[Task] = []

        def failed(exc: BaseException) -> None:
            cancelled = tasks[0].runnable.cancelled.is_set() if tasks else False
            if cancelled or isinstance(exc, ImportCancelled):
                self.say(self.tr("Đã hủy; dữ liệu và tệp không thay đổi."), "hint")
                return
            if isinstance(exc, SangKienError):
                self.say(exc.message, "error")
            show_error(self, exc)

        tasks.append(run_task(self, work, label, done, failed, cancellable=cancellable))
        return tasks[0]

    # Exports -----------------------------------------------------------------------------
    def _saved(self, path: Path) -> Callable[[Any], None]:
        return lambda _result: self.say(self.tr("Đã lưu %1.").replace("%1", str(path)))

    def export_stats(self) -> None:
        path = SaveSheet.ask(
            self,
            self.tr("Lưu báo cáo thống kê"),
            f"bao-cao-sang-kien-{date.today():%Y-%m-%d}.xlsx",
        )
        if path is None:
            return
        self._run(
            lambda _progress: export.export_stats(self.db, path, self.profile),
            self.tr("Đang xuất báo cáo thống kê…"),
            self._saved(path),
            cancellable=False,
        )

    def shown_list(self) -> tuple[InitiativeFilter, list[str], str, bool]:
        """The filter, visible columns (in screen order) and sort of the initiatives screen, or
        the defaults when there is none."""
        screen = getattr(self.window(), "initiatives_screen", None)
        if screen is None:
            return InitiativeFilter(), list(export.DEFAULT_INITIATIVE_COLUMNS), "code", False
        header = screen.table.horizontalHeader()
        keys = [c.key for c in screen.model.columns]
        order = sorted(range(len(keys)), key=header.visualIndex)
        columns = [keys[i] for i in order if not screen.table.isColumnHidden(i)]
        columns = [c for c in columns if c in export.INITIATIVE_FIELDS] or ["code", "title"]
        if "title" in columns and "authors" not in columns:
            columns.insert(columns.index("title") + 1, "authors")
        return screen.current_filter(), columns, screen.model.sort_key, screen.model.descending

    def export_initiatives(self) -> None:
        path = SaveSheet.ask(
            self,
            self.tr("Lưu danh sách sáng kiến"),
            f"danh-sach-sang-kien-{date.today():%Y-%m-%d}.xlsx",
        )
        if path is None:
            return
        flt, columns, sort, descending = self.shown_list()
        self._run(
            lambda progress: export.export_initiatives(
                self.db, path, self.profile, flt, columns, sort, descending, progress
            ),
            self.tr("Đang xuất danh sách sáng kiến…"),
            lambda count: self.say(
                self.tr("Đã xuất %1 sáng kiến vào %2.")
                .replace("%1", format_number(count))
                .replace("%2", str(path))
            ),
        )

    def export_members(self) -> None:
        path = SaveSheet.ask(
            self,
            self.tr("Lưu danh sách đoàn viên"),
            f"danh-sach-doan-vien-{date.today():%Y-%m-%d}.xlsx",
        )
        if path is None:
            return
        self._run(
            lambda progress: export.export_members(self.db, path, progress=progress),
            self.tr("Đang xuất danh sách đoàn viên…"),
            lambda count: self.say(
                self.tr("Đã xuất %1 đoàn viên vào %2.")
                .replace("%1", format_number(count))
                .replace("%2", str(path))
            ),
        )

    def save_template(self, kind: str) -> None:
        names = {"initiatives": "mau-nhap-sang-kien.xlsx", "members": "mau-nhap-doan-vien.xlsx"}
        path = SaveSheet.ask(self, self.tr("Lưu tệp mẫu"), names[kind])
        if path is None:
            return
        try:
            templates.write_template(kind, path, self.profile)
        except SangKienError as exc:
            show_error(self, exc)
            return
        except OSError as exc:
            show_error(
                self, SangKienError(self.tr("Không ghi được tệp %1.").replace("%1", str(exc)))
            )
            return
        self.say(self.tr("Đã lưu tệp mẫu %1.").replace("%1", str(path)))

    # Imports -----------------------------------------------------------------------------
    def import_initiatives(self) -> None:
        path = OpenSheet.ask(self, self.tr("Nhập sáng kiến từ Excel"))
        if path is None:
            return
        self._run(
            lambda progress: initiative_sheets.read_initiatives(
                self.db, path, self.profile, progress
            ),
            self.tr("Đang đọc %1…").replace("%1", path.name),
            lambda preview: self._confirm_initiatives(preview),
        )

    def _confirm_initiatives(self, preview: Preview[Any]) -> None:
        if not ImportPreviewDialog.ask(self, preview, self.tr("sáng kiến")):
            self.say(self.tr("Chưa nhập gì từ %1.").replace("%1", preview.file_name), "hint")
            return
        actor = self._actor()
        self._run(
            lambda progress: initiative_sheets.import_preview(
                self.db, preview, self.profile, actor, progress
            ),
            self.tr("Đang nhập %n sáng kiến…", "", len(preview.values())),
            lambda result: self._imported(
                self.tr("Đã nhập %1 sáng kiến mới, cập nhật %2 sáng kiến từ %3.")
                .replace("%1", format_number(result.added))
                .replace("%2", format_number(result.updated))
                .replace("%3", preview.file_name)
            ),
        )

    def import_members(self) -> None:
        path = OpenSheet.ask(self, self.tr("Nhập đoàn viên từ Excel"))
        if path is None:
            return
        self._run(
            lambda progress: member_sheets.plan(
                self.db, member_sheets.read_members(path, progress)
            ),
            self.tr("Đang đọc %1…").replace("%1", path.name),
            lambda preview: self._confirm_members(preview),
        )

    def _confirm_members(self, preview: Preview[Any]) -> None:
        if not ImportPreviewDialog.ask(self, preview, self.tr("đoàn viên")):
            self.say(self.tr("Chưa nhập gì từ %1.").replace("%1", preview.file_name), "hint")
            return
        self._run(
            lambda progress: member_sheets.import_preview(self.db, preview, progress),
            self.tr("Đang nhập %n đoàn viên…", "", len(preview.values())),
            lambda counts: self._imported(
                self.tr("Đã nhập %1 đoàn viên mới, cập nhật %2 đoàn viên từ %3.")
                .replace("%1", format_number(counts[0]))
                .replace("%2", format_number(counts[1]))
                .replace("%3", preview.file_name)
            ),
        )

    def _imported(self, message: str) -> None:
        self.say(message)
        self._data_changed()
