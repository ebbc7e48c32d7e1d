"""Tổng quan: the unit's figures at a glance — initiatives per month and by kind, participation
against the program's target, progress against the unit's phase targets — and the support team's
to-do list (overdue council decisions, dossiers ready but not exported, missing documents).

The figures come from ``stats.build_report`` in the background (thousands of initiatives take a
second); the screen only draws them.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, QObject, QRectF, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.look import ui_language
from sangkien_desktop.gui.tasks import Task, run_task, show_error
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.initiatives import count
from sangkien_desktop.stats import RECOGNISED_STATES, Report, TodoItem, TodoKind, build_report
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import format_date, format_number, format_vnd

BLUE, GREEN, ORANGE, RED, GREY = "#2f6fdf", "#2e7d32", "#ef8f00", "#c62828", "#d5dbe3"
KIND_COLOURS = ("#2f6fdf", "#2e7d32", "#ef8f00", "#8e44ad", "#00897b", "#c62828", "#6d4c41",
                "#546e7a", "#f06292")  # fmt: skip
#: Up to this many initiatives the figures are computed at once (about 0.15 s), beyond in the
#: background.
SYNC_INITIATIVES = 3_000
#: Dossiers listed under each heading of the to-do list; the rest are counted.
TODO_SHOWN = 100
ID_ROLE = Qt.ItemDataRole.UserRole + 1

STYLE = """
QFrame#figureCard { background: #ffffff; border: 1px solid #dfe4ea; border-radius: 8px; }
QLabel#figureTitle { color: #5b6472; }
QLabel#figureValue { font-size: 16pt; font-weight: 600; color: #1c2b4a; }
QLabel#figureNote { color: #5b6472; }
QLabel#figureNote[state="good"] { color: #1e7b34; }
QLabel#figureNote[state="bad"] { color: #b3261e; }
QFrame#chartCard, QFrame#todoCard { background: #ffffff; border: 1px solid #dfe4ea;
                                    border-radius: 8px; }
QLabel#cardTitle { font-weight: 600; color: #1c2b4a; }
QLabel#chartSide { font-size: 9pt; }
QTreeWidget#todoTree { border: none; }
"""


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%".replace(".", ",")


def _short_kind(name: str, limit: int = 27) -> str:
    """ "Giải pháp kỹ thuật" → "Kỹ thuật", long names cut at a word: a chart has little room
    (the reports screen names every kind in full)."""
    for prefix in ("Giải pháp ", "giải pháp "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
            name = name[:1].upper() + name[1:]
    if len(name) > limit:
        name = name[: limit - 1].rsplit(" ", 1)[0].rstrip(",") + "…"
    return name


class FigureCard(QFrame):
    """One figure: a caption, the number, a note under it."""

    def __init__(self, name: str, title: str, parent: QWidget) -> None:
        super().__init__(parent, objectName="figureCard")
        self.setProperty("figure", name)
        self.title = QLabel(title, self, objectName="figureTitle")
        self.value = QLabel("—", self, objectName="figureValue")
        self.note = QLabel(self, objectName="figureNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def show_figure(self, value: str, note: str = "", state: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.note.setProperty("state", state)
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)


class GaugeView(QChartView):
    """A chart view whose plot area is a square twice as tall as the view's lower part, so a
    half ring (angles -90° to 90°) fills the view instead of a third of it."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width, height = self.width(), self.height()
        centre_y = height * 0.95
        radius = min(centre_y * 0.95, width / 2 * 0.95)
        self.chart().setPlotArea(
            QRectF(width / 2 - radius, centre_y - radius, 2 * radius, 2 * radius)
        )


class ChartCard(QFrame):
    """A titled card holding one chart (animations off: the screen redraws on every visit),
    and a line of text under it."""

    def __init__(
        self, name: str, title: str, parent: QWidget, view: type[QChartView] = QChartView
    ) -> None:
        super().__init__(parent, objectName="chartCard")
        self.chart = QChart()
        self.chart.setObjectName(name)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        self.chart.setBackgroundRoundness(0)
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = view(self.chart, self)
        self.side = QLabel(self, objectName="chartSide")
        self.side.setWordWrap(True)
        self.side.hide()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(170)
        self.view.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.caption = QLabel(title, self, objectName="cardTitle")
        self.note = QLabel(self, objectName="chartNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        row = QHBoxLayout()
        row.addWidget(self.view, 2)
        row.addWidget(self.side, 3)
        layout.addLayout(row, 1)
        layout.addWidget(self.note)

    def clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
            axis.deleteLater()


def _value_axis(maximum: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(maximum, 4))
    axis.applyNiceNumbers()
    axis.setMinorTickCount(0)
    return axis


def _bar_set(label: str, color: str, values: list[float]) -> QBarSet:
    bars = QBarSet(label)
    bars.setColor(QColor(color))
    bars.setBorderColor(QColor(color))
    bars.append(values)
    return bars


class ReportLoader(QObject):
    """Computes ``stats.build_report`` for a screen: at once for a union of a few thousand
    initiatives (a tenth of a second), in the background with a progress dialog beyond that.
    A reload asked while one runs is done after it."""

    loaded = Signal(object)
    busy = Signal(bool)

    def __init__(self, parent: QWidget, db: Database, profile: ProgramProfile) -> None:
        super().__init__(parent)
        self.screen = parent
        self.db = db
        self.profile = profile
        self.task: Task | None = None
        self._again = False

    def load(self) -> None:
        if self.task is not None:
            self._again = True
            return
        try:
            small = count(self.db) <= SYNC_INITIATIVES
            if small:
                self.loaded.emit(build_report(self.db, self.profile))
                return
        except SangKienError as exc:
            show_error(self.screen, exc)
            return
        self.busy.emit(True)
        self.task = run_task(
            self.screen,
            lambda _progress: build_report(self.db, self.profile),
            self.tr("Đang tính số liệu…"),
            self._done,
            self._failed,
            delay_ms=800,
            cancellable=False,
        )

    def _done(self, report: Report) -> None:
        self.task = None
        self.busy.emit(False)
        self.loaded.emit(report)
        if self._again:
            self._again = False
            self.load()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._again = False
        self.busy.emit(False)
        show_error(self.screen, exc)


class OverviewScreen(QWidget):
    """Emits ``open_requested(id)`` when a dossier of the to-do list is opened (the main window
    opens it when it has ``open_initiative``)."""

    open_requested = Signal(str)

    def __init__(self, db: Database, profile: ProgramProfile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overviewScreen")
        self.setStyleSheet(STYLE)
        self.db = db
        self.profile = profile
        self.report: Report | None = None
        self.loader = ReportLoader(self, db, profile)
        self.loader.loaded.connect(self.show_report)
        self.loader.busy.connect(lambda busy: self.refresh_button.setEnabled(not busy))

        self.title = QLabel(self, objectName="screenTitle")
        self.as_of = QLabel(self, objectName="asOfLabel")
        self.as_of.setProperty("role", "hint")
        self.refresh_button = QPushButton(self.tr("Cập nhật số liệu"), self, objectName="refresh")
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.as_of)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.cards = {
            name: FigureCard(name, title, self)
            for name, title in (
                ("initiatives", self.tr("Sáng kiến đã đăng ký")),
                ("eligible", self.tr("Đủ điều kiện tính vào Chương trình")),
                ("participation", self.tr("Tỷ lệ tham gia")),
                ("value", self.tr("Giá trị làm lợi")),
                ("members", self.tr("Đoàn viên đang sinh hoạt")),
                ("todo", self.tr("Việc cần làm của Tổ hỗ trợ")),
            )
        }
        figures = QHBoxLayout()
        for card in self.cards.values():
            figures.addWidget(card, 1)

        self.month_chart = ChartCard("monthChart", self.tr("Sáng kiến theo tháng"), self)
        self.kind_chart = ChartCard("kindChart", self.tr("Theo loại giải pháp"), self)
        self.gauge_chart = ChartCard(
            "participationChart", self.tr("Tỷ lệ tham gia"), self, GaugeView
        )
        self.target_chart = ChartCard(
            "targetChart", self.tr("Tiến độ chỉ tiêu theo giai đoạn"), self
        )
        self.gauge_label = self.gauge_chart.note
        charts = QGridLayout()
        charts.setSpacing(10)
        charts.addWidget(self.month_chart, 0, 0)
        charts.addWidget(self.kind_chart, 0, 1)
        charts.addWidget(self.gauge_chart, 1, 0)
        charts.addWidget(self.target_chart, 1, 1)
        charts.setColumnStretch(0, 1)
        charts.setColumnStretch(1, 1)
        charts.setRowStretch(0, 1)
        charts.setRowStretch(1, 1)

        todo_card = QFrame(self, objectName="todoCard")
        self.todo_title = QLabel(self.tr("Việc cần làm"), todo_card, objectName="cardTitle")
        self.todo = QTreeWidget(todo_card, objectName="todoTree")
        self.todo.setColumnCount(2)
        self.todo.setHeaderLabels([self.tr("Sáng kiến"), self.tr("Chi tiết")])
        self.todo.setRootIsDecorated(True)
        self.todo.setUniformRowHeights(True)
        self.todo.setAlternatingRowColors(True)
        self.todo.header().setStretchLastSection(False)
        self.todo.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.todo.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.todo.setColumnWidth(1, 130)
        self.todo.itemActivated.connect(self._open_item)
        todo_layout = QVBoxLayout(todo_card)
        todo_layout.setContentsMargins(10, 8, 10, 8)
        todo_layout.addWidget(self.todo_title)
        todo_layout.addWidget(self.todo, 1)

        body = QHBoxLayout()
        body.addLayout(charts, 5)
        body.addWidget(todo_card, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(figures)
        layout.addLayout(body, 1)
        self.open_requested.connect(self._open_in_window)

    # Loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.loader.load()

    def show_report(self, report: Report) -> None:
        self.report = report
        self.title.setText(report.unit_name)
        self.as_of.setText(self.tr("Số liệu đến ngày %1").replace("%1", format_date(report.today)))
        self._figures(report)
        self._month_chart(report)
        self._kind_chart(report)
        self._gauge(report)
        self._target_chart(report)
        self._todo(report)

    # Figures -----------------------------------------------------------------------------
    def _figures(self, report: Report) -> None:
        t, p = report.totals, report.participation
        recognised = sum(line.total for line in report.by_state if line.key in RECOGNISED_STATES)
        self.cards["initiatives"].show_figure(
            format_number(t.initiatives),
            self.tr("%1 đã được công nhận").replace("%1", format_number(recognised)),
        )
        self.cards["eligible"].show_figure(
            format_number(t.eligible),
            self.tr("đã công nhận, không còn lỗi, trong giai đoạn"),
        )
        if p.rate_pct is None:
            self.cards["participation"].show_figure("—", self.tr("chưa có số đoàn viên"))
        elif p.reached:
            self.cards["participation"].show_figure(
                _percent(p.rate_pct),
                self.tr("đạt mục tiêu %1%").replace("%1", f"{p.target_pct:g}"),
                "good",
            )
        else:
            self.cards["participation"].show_figure(
                _percent(p.rate_pct),
                self.tr("mục tiêu %1% — cần thêm %2 tác giả")
                .replace("%1", f"{p.target_pct:g}")
                .replace("%2", format_number(p.authors_needed)),
                "bad",
            )
        self.cards["value"].show_figure(
            format_vnd(t.value_vnd), self.tr("của các sáng kiến đủ điều kiện")
        )
        self.cards["members"].show_figure(
            format_number(p.headcount),
            self.tr("%1 tác giả được công nhận").replace("%1", format_number(p.authors)),
        )
        overdue = len(report.todo.of(TodoKind.DECISION_OVERDUE))
        self.cards["todo"].show_figure(
            format_number(report.todo.total),
            self.tr("%1 hồ sơ chờ Hội đồng quá hạn").replace("%1", format_number(overdue)),
            "bad" if overdue else "good",
        )

    # Charts ------------------------------------------------------------------------------
    def _month_chart(self, report: Report) -> None:
        card = self.month_chart
        card.clear()
        registered = QLineSeries(name=self.tr("Đăng ký"))
        counted = QLineSeries(name=self.tr("Đủ điều kiện"))
        for series, color in ((registered, BLUE), (counted, GREEN)):
            series.setPen(QPen(QColor(color), 2))
            series.setPointsVisible(True)
        top = 0
        for line in report.by_month:
            moment = QDateTime(QDate(line.year, line.month, 1), QTime(0, 0))
            registered.append(moment.toMSecsSinceEpoch(), line.registered)
            counted.append(moment.toMSecsSinceEpoch(), line.eligible)
            top = max(top, line.registered, line.eligible)
        card.chart.addSeries(registered)
        card.chart.addSeries(counted)
        months = QDateTimeAxis()
        months.setFormat("MM/yy")
        months.setTickCount(min(max(len(report.by_month), 2), 6))
        if report.by_month:
            first, last = report.by_month[0], report.by_month[-1]
            months.setRange(
                QDateTime(QDate(first.year, first.month, 1), QTime(0, 0)),
                QDateTime(QDate(last.year, last.month, 1), QTime(0, 0)),
            )
        counts = _value_axis(top)
        card.chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        card.chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        for series in (registered, counted):
            series.attachAxis(months)
            series.attachAxis(counts)

    def _kind_chart(self, report: Report) -> None:
        """A ring of the kinds, named beside it with their counts (the names are too long for
        a chart's own legend)."""
        card = self.kind_chart
        card.clear()
        series = QPieSeries()
        series.setHoleSize(0.45)
        series.setPieSize(0.95)
        legend = []
        names = [self.profile.kind_name(line.key, ui_language()) for line in report.by_kind]
        for line, name, color in zip(report.by_kind, names, KIND_COLOURS, strict=False):
            piece = series.append(_short_kind(name), line.total)
            piece.setBrush(QBrush(QColor(color)))
            piece.setBorderColor(QColor("#ffffff"))
            legend.append(
                f"<tr><td style='color:{color}'>■</td><td style='white-space:nowrap'>"
                f"{escape(_short_kind(name))}</td>"
                f"<td align='right'>&nbsp;<b>{format_number(line.total)}</b></td></tr>"
            )
        card.chart.addSeries(series)
        card.chart.legend().setVisible(False)
        card.side.setText(f"<table cellspacing='2'>{''.join(legend)}</table>")
        card.side.setToolTip(
            "\n".join(
                f"{name}: {line.total}" for line, name in zip(report.by_kind, names, strict=True)
            )
        )
        card.side.show()
        eligible = sum(line.eligible for line in report.by_kind)
        card.note.setText(
            self.tr("%1 sáng kiến, %2 đủ điều kiện")
            .replace("%1", format_number(report.totals.initiatives))
            .replace("%2", format_number(eligible))
        )

    def _gauge(self, report: Report) -> None:
        """A half ring: green up to the rate, red up to the target when short of it, grey for
        the rest of a scale twice the target."""
        card = self.gauge_chart
        card.clear()
        p = report.participation
        rate = p.rate_pct or 0.0
        scale = max(2 * p.target_pct, rate)
        series = QPieSeries()
        series.setHoleSize(0.6)
        series.setPieStartAngle(-90)
        series.setPieEndAngle(90)
        series.setPieSize(1.0)
        # The white border between the first two slices marks the target.
        reached = series.append(self.tr("Đã đạt"), min(rate, p.target_pct))
        reached.setBrush(QBrush(QColor(GREEN if p.reached else ORANGE)))
        if p.reached:
            beyond = series.append(self.tr("Vượt mục tiêu"), rate - p.target_pct)
            beyond.setBrush(QBrush(QColor("#1b5e20")))
        else:
            gap = series.append(self.tr("Còn thiếu so với mục tiêu"), p.target_pct - rate)
            gap.setBrush(QBrush(QColor("#f4c7c3")))
        rest = series.append(self.tr("Phần còn lại của thang"), scale - max(rate, p.target_pct))
        rest.setBrush(QBrush(QColor(GREY)))
        for piece in series.slices():
            piece.setBorderColor(QColor("#ffffff"))
            piece.setBorderWidth(2)
        card.chart.addSeries(series)
        card.chart.legend().setVisible(False)
        self.gauge_label.setText(
            self.tr("<b style='font-size:15pt'>%1</b><br>mục tiêu %2% · %3/%4 người")
            .replace("%1", _percent(p.rate_pct))
            .replace("%2", f"{p.target_pct:g}")
            .replace("%3", format_number(p.authors))
            .replace("%4", format_number(p.headcount))
        )

    def _target_chart(self, report: Report) -> None:
        card = self.target_chart
        card.clear()
        series = QBarSeries()
        targets = _bar_set(self.tr("Chỉ tiêu"), GREY, [p.target or 0 for p in report.phases])
        done = _bar_set(self.tr("Đủ điều kiện"), BLUE, [p.actual for p in report.phases])
        series.append(targets)
        series.append(done)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        for bars in (targets, done):
            bars.setLabelColor(QColor("#1c2b4a"))
        card.chart.addSeries(series)
        labels = [self.profile.phase_name(p.phase, ui_language()) or p.label for p in report.phases]
        phases = QBarCategoryAxis()
        phases.append(labels)
        phases.setTruncateLabels(False)
        top = max([p.actual for p in report.phases] + [p.target or 0 for p in report.phases])
        counts = _value_axis(top * 1.15)
        card.chart.addAxis(phases, Qt.AlignmentFlag.AlignBottom)
        card.chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(phases)
        series.attachAxis(counts)
        card.note.setText(
            " · ".join(
                self.tr("%1: %2/%3 (%4)")
                .replace("%1", label)
                .replace("%2", format_number(p.actual))
                .replace("%3", format_number(p.target))
                .replace("%4", _percent(p.pct))
                if p.target
                else self.tr("%1: %2, chưa đặt chỉ tiêu")
                .replace("%1", label)
                .replace("%2", format_number(p.actual))
                for p, label in zip(report.phases, labels, strict=True)
            )
        )

    # To-do list --------------------------------------------------------------------------
    def _todo(self, report: Report) -> None:
        self.todo.clear()
        months = self.profile.decision_deadline_months
        groups = (
            (
                TodoKind.DECISION_OVERDUE,
                self.tr("Chờ Hội đồng quá %1 tháng").replace("%1", str(months)),
                RED,
            ),
            (TodoKind.READY_NOT_EXPORTED, self.tr("Sẵn sàng nhưng chưa xuất gói"), ORANGE),
            (TodoKind.MISSING_DOCUMENTS, self.tr("Hồ sơ thiếu giấy tờ"), BLUE),
        )
        bold = QFont(self.font())
        bold.setBold(True)
        for kind, title, color in groups:
            items = report.todo.of(kind)
            group = QTreeWidgetItem(self.todo, [title, format_number(len(items))])
            group.setData(0, Qt.ItemDataRole.UserRole, kind.value)
            group.setFont(0, bold)
            group.setFont(1, bold)
            group.setForeground(0, QBrush(QColor(color)))
            group.setFirstColumnSpanned(False)
            for item in items[:TODO_SHOWN]:
                child = QTreeWidgetItem(group, [f"{item.code} — {item.title}", self._detail(item)])
                child.setData(0, ID_ROLE, item.initiative_id)
                child.setToolTip(
                    0,
                    self.tr("%1\nNgười hỗ trợ: %2")
                    .replace("%1", item.title)
                    .replace("%2", item.assigned_to or self.tr("chưa giao")),
                )
            if len(items) > TODO_SHOWN:
                QTreeWidgetItem(
                    group,
                    [self.tr("… và %n hồ sơ khác", "", len(items) - TODO_SHOWN), ""],
                )
            group.setExpanded(kind != TodoKind.MISSING_DOCUMENTS and bool(items))
        self.todo_title.setText(self.tr("Việc cần làm — %n hồ sơ", "", report.todo.total))

    def _detail(self, item: TodoItem) -> str:
        if item.kind == TodoKind.DECISION_OVERDUE:
            return self.tr("quá hạn %n ngày", "", item.days or 0)
        if item.kind == TodoKind.READY_NOT_EXPORTED:
            return self.tr("chờ %n ngày", "", item.days or 0)
        names = {
            "APPLICATION": self.tr("đơn"),
            "DESCRIPTION": self.tr("bản mô tả"),
            "DECISION": self.tr("quyết định"),
        }
        return self.tr("thiếu %1").replace("%1", ", ".join(names.get(k, k) for k in item.missing))

    def _open_item(self, item: QTreeWidgetItem, _column: int) -> None:
        initiative_id = item.data(0, ID_ROLE)
        if initiative_id:
            self.open_requested.emit(str(initiative_id))

    def _open_in_window(self, initiative_id: str) -> None:
        opener = getattr(self.window(), "open_initiative", None)
        if callable(opener):
            opener(initiative_id)
