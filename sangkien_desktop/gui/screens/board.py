"""Tổ hỗ trợ: the support team's board — one column per workflow state, a card per initiative.

A card is dragged to another column to move the initiative; the columns it may go to light up
during the drag, and a drop the workflow forbids is refused with the reason. Every move goes
through ``workflow.service`` with the person at the keyboard as actor. Each column is a
QListView over its own small model, painted by one delegate, and holds at most
``COLUMN_LIMIT`` cards (the rest are counted on a last line) so the board stays fluid.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.dialogs import (
    AssignDialog,
    MoveReportDialog,
    move_summary,
    run_moves,
)
from sangkien_desktop.gui.keys import flush, lead_into
from sangkien_desktop.gui.look import hint, set_role, ui_language
from sangkien_desktop.gui.permissions import guard, refusal
from sangkien_desktop.gui.tasks import show_error
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.security.users import move_action
from sangkien_desktop.services.initiatives import get_record
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import format_date
from sangkien_desktop.workflow.board import (
    COLUMN_LIMIT,
    READY_WAIT_DAYS,
    UNASSIGNED,
    Board,
    BoardColumn,
    BoardFilter,
    Card,
    Flag,
    helpers,
    load_board,
)
from sangkien_desktop.workflow.service import MoveReport, assign_many, why_not
from sangkien_desktop.workflow.states import (
    OPEN_STATES,
    STATES,
    TRANSITIONS,
    State,
    allowed,
    next_steps,
    state_name,
)

CARD_MIME = "application/x-sangkien-cards"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
MORE_ROLE = Qt.ItemDataRole.UserRole + 3
SEARCH_DELAY_MS = 150
COLUMN_WIDTH = 172
_Index = QModelIndex | QPersistentModelIndex

STYLE = """
QFrame#boardColumn { background: #f1f3f6; border: 1px solid #e0e4ea; border-radius: 8px; }
QFrame#boardColumn[drop="allowed"] { background: #e7f4e8; border: 2px dashed #2e7d32; }
QFrame#boardColumn[drop="forbidden"] { background: #f7f7f7; border: 1px solid #eceef1; }
QFrame#boardColumn[drop="source"] { border: 2px solid #8fa8d6; }
QFrame#boardColumn[drop="forbidden"] QLabel { color: #9aa3ae; }
QLabel#columnTitle { font-weight: 600; color: #1c2b4a; padding: 2px 2px 2px 4px; }
QLabel#columnCount { color: #4a5563; background: #e1e6ed; border-radius: 8px; padding: 0 7px; }
QListView#columnList { background: transparent; border: none; }
QListView#columnList QScrollBar:vertical { background: transparent; width: 8px; margin: 0; }
QListView#columnList QScrollBar::handle:vertical { background: #c3cad4; border-radius: 4px;
                                                   min-height: 24px; }
QListView#columnList QScrollBar::add-line:vertical,
QListView#columnList QScrollBar::sub-line:vertical { height: 0; }
QListView#columnList QScrollBar::add-page:vertical,
QListView#columnList QScrollBar::sub-page:vertical { background: none; }
QLabel#overdueCount { background: #fdecea; color: #b3261e; border-radius: 10px;
                      padding: 3px 10px; font-weight: 600; }
QLabel#waitingCount { background: #fff3e0; color: #a84300; border-radius: 10px;
                      padding: 3px 10px; font-weight: 600; }
QLabel#overdueCount[none="true"], QLabel#waitingCount[none="true"] { background: #eef1f4;
                                                                     color: #5f6b7a; }
"""


def _tr(text: str, n: int = -1) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("BoardScreen", text, None, n)


def flag_text(flag: Flag | None, profile: ProgramProfile) -> str:
    if flag == Flag.DECISION_OVERDUE:
        return _tr("Quá hạn %n tháng", profile.decision_deadline_months)
    if flag == Flag.WAITING_TO_SEND:
        return _tr("Chờ gửi quá %n ngày", READY_WAIT_DAYS)
    return ""


# Model -------------------------------------------------------------------------------------
class CardListModel(QAbstractListModel):
    """The cards of one column, and a last "+N more" line when the column was cut."""

    def __init__(self, state: State, profile: ProgramProfile, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.profile = profile
        self.cards: tuple[Card, ...] = ()
        self.hidden = 0

    def set_column(self, column: BoardColumn) -> None:
        self.beginResetModel()
        self.cards = column.cards
        self.hidden = column.hidden
        self.endResetModel()

    def card(self, row: int) -> Card | None:
        return self.cards[row] if 0 <= row < len(self.cards) else None

    def row_of(self, initiative_id: str) -> int:
        return next((i for i, c in enumerate(self.cards) if c.id == initiative_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cards) + (1 if self.hidden else 0)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        card = self.card(index.row())
        if card is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("+%n sáng kiến nữa", "", self.hidden)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(
                    "Cột chỉ hiện %1 thẻ đầu. Lọc theo người hỗ trợ hoặc từ khóa để thấy các thẻ "
                    "còn lại."
                ).replace("%1", str(len(self.cards)))
            if role == MORE_ROLE:
                return self.hidden
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.code} — {card.title}"
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(card)
        return None

    def _tooltip(self, card: Card) -> str:
        lines = [f"<b>{card.code}</b> — {card.title}"]
        if card.credited_author:
            lines.append(self.tr("Tác giả: %1").replace("%1", card.credited_author))
        if card.assigned_to:
            lines.append(self.tr("Người hỗ trợ: %1").replace("%1", card.assigned_to))
        if card.due_on:
            lines.append(self.tr("Hạn xử lý: %1").replace("%1", format_date(card.due_on)))
        if card.submitted_on:
            lines.append(
                self.tr("Hội đồng nhận đơn: %1").replace("%1", format_date(card.submitted_on))
            )
        if card.decision_due:
            lines.append(
                self.tr("Hạn ra quyết định: %1").replace("%1", format_date(card.decision_due))
            )
        if card.error_count:
            lines.append(self.tr("%n lỗi cần sửa", "", card.error_count))
        if card.flag:
            lines.append(f"<b>{flag_text(card.flag, self.profile)}</b>")
        return "<br>".join(lines)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.card(index.row()) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [CARD_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [c.id for i in indexes if (c := self.card(i.row())) is not None]
        data = QMimeData()
        payload = json.dumps({"state": self.state.value, "ids": ids})
        data.setData(CARD_MIME, QByteArray(payload.encode()))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


def decode_cards(data: QMimeData) -> tuple[State, list[str]] | None:
    if not data.hasFormat(CARD_MIME):
        return None
    payload = json.loads(bytes(data.data(CARD_MIME).data()).decode())
    return State(payload["state"]), list(payload["ids"])


# Painting ----------------------------------------------------------------------------------
class CardDelegate(QStyledItemDelegate):
    """Paints a card: code and error badge, a two-line title, author, helper and due date, and
    the attention flag."""

    PAD = 8
    GAP = 3

    def __init__(self, profile: ProgramProfile, parent: Any = None) -> None:
        super().__init__(parent)
        self.profile = profile

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() - 1, 7))
        return base, bold, small

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        base, _bold, small = self._fonts(option)
        line = QFontMetrics(base).lineSpacing()
        small_line = QFontMetrics(small).lineSpacing()
        card = index.data(CARD_ROLE)
        if card is None:
            return QSize(120, line + 2 * self.PAD)
        height = 2 * self.PAD + 3 * line + 2 * small_line + 3 * self.GAP
        if card.due_on:
            height += small_line + self.GAP
        if card.flag:
            height += small_line + 4 + self.GAP
        return QSize(120, height + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        card: Card | None = index.data(CARD_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base, bold, small = self._fonts(option)
        rect = option.rect.adjusted(3, 3, -3, -3)
        if card is None:
            painter.setFont(small)
            painter.setPen(QColor("#5f6b7a"))
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, index.data()
            )
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor("#2f6fde" if selected else "#d3d9e1"), 1.5 if selected else 1))
        painter.setBrush(QBrush(QColor("#eaf1ff" if selected else "#ffffff")))
        painter.drawRoundedRect(rect, 6, 6)
        if card.flag:
            colour = "#c62828" if card.flag == Flag.DECISION_OVERDUE else "#ef6c00"
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)
        inner = rect.adjusted(self.PAD, self.PAD - 2, -self.PAD, -self.PAD)
        line = QFontMetrics(base).lineSpacing()
        small_line = QFontMetrics(small).lineSpacing()
        y = inner.top()

        badge_width = 0
        if card.error_count:
            badge = str(card.error_count)
            painter.setFont(small)
            fm = QFontMetrics(small)
            badge_width = max(fm.horizontalAdvance(badge) + 10, line - 2)
            badge_rect = QRect(inner.right() - badge_width, y + 1, badge_width, line - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#d32f2f"))
            painter.drawRoundedRect(badge_rect, badge_rect.height() / 2, badge_rect.height() / 2)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.setFont(bold)
        painter.setPen(QColor("#1c2b4a"))
        code_rect = QRect(inner.left(), y, inner.width() - badge_width - 4, line)
        painter.drawText(
            code_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(
                card.code, Qt.TextElideMode.ElideRight, code_rect.width()
            ),
        )
        y += line + self.GAP

        painter.setFont(base)
        painter.setPen(QColor("#202124"))
        for text in _two_lines(card.title, base, inner.width()):
            painter.drawText(
                QRect(inner.left(), y, inner.width(), line), Qt.AlignmentFlag.AlignLeft, text
            )
            y += line
        y += self.GAP

        painter.setFont(small)
        fm = QFontMetrics(small)
        painter.setPen(QColor("#4a5563"))
        author = card.credited_author or self.tr("(chưa có tác giả được công nhận)")
        painter.drawText(
            QRect(inner.left(), y, inner.width(), small_line),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(author, Qt.TextElideMode.ElideRight, inner.width()),
        )
        y += small_line + self.GAP

        helper = card.assigned_to or self.tr("Chưa giao")
        painter.setPen(QColor("#0b3a82" if card.assigned_to else "#8a94a3"))
        painter.drawText(
            QRect(inner.left(), y, inner.width(), small_line),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(helper, Qt.TextElideMode.ElideRight, inner.width()),
        )
        y += small_line + self.GAP
        if card.due_on:
            late = card.state in OPEN_STATES and card.due_on < date.today()
            painter.setPen(QColor("#b3261e" if late else "#4a5563"))
            painter.drawText(
                QRect(inner.left(), y, inner.width(), small_line),
                Qt.AlignmentFlag.AlignLeft,
                self.tr("Hạn %1").replace("%1", format_date(card.due_on)),
            )
            y += small_line + self.GAP

        if card.flag:
            text = flag_text(card.flag, self.profile)
            overdue = card.flag == Flag.DECISION_OVERDUE
            pill = QRect(
                inner.left(), y, min(fm.horizontalAdvance(text) + 12, inner.width()), small_line + 4
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#fdecea" if overdue else "#fff3e0"))
            painter.drawRoundedRect(pill, 4, 4)
            painter.setPen(QColor("#b3261e" if overdue else "#a84300"))
            painter.drawText(
                pill,
                Qt.AlignmentFlag.AlignCenter,
                fm.elidedText(text, Qt.TextElideMode.ElideRight, pill.width() - 8),
            )
        painter.restore()


def _two_lines(text: str, font: QFont, width: int) -> list[str]:
    """``text`` wrapped to at most two lines, the second elided."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    first = layout.createLine()
    if not first.isValid():
        layout.endLayout()
        return [""]
    first.setLineWidth(width)
    layout.endLayout()
    end = first.textStart() + first.textLength()
    head, rest = text[:end].rstrip(), text[end:].strip()
    if not rest:
        return [head]
    return [head, QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)]


# Views -------------------------------------------------------------------------------------
class ColumnView(QListView):
    """One column's list: drags its cards out, takes cards dropped from other columns."""

    def __init__(self, board: BoardScreen, state: State, parent: QWidget) -> None:
        super().__init__(parent)
        self.board = board
        self.state = state
        self.setObjectName("columnList")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        self.board.drag_started(self.state)
        try:
            super().startDrag(supportedActions)
        finally:
            self.board.drag_finished()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._hover(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._hover(event)

    def _hover(self, event: QDragMoveEvent) -> None:
        decoded = decode_cards(event.mimeData())
        if decoded is None or decoded[0] == self.state:
            event.ignore()
            return
        # Forbidden columns take the drop too, so the refusal can be said in words.
        event.acceptProposedAction()
        self.board.hover(decoded[0], self.state)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        decoded = decode_cards(event.mimeData())
        if decoded is None or decoded[0] == self.state:
            event.ignore()
            return
        # Copy, not move: the source view must not delete rows; the board reloads instead.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        ids, target = decoded[1], self.state
        # Leave the drag's event loop before a dialog may open.
        QTimer.singleShot(0, lambda: self.board.drop(ids, target))


class ColumnFrame(QFrame):
    def __init__(self, board: BoardScreen, state: State, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("boardColumn")
        self.setProperty("drop", "")
        self.state = state
        self.title = QLabel(state_name(state, ui_language()), self, objectName="columnTitle")
        self.title.setWordWrap(True)
        # Two lines for every title, so the cards of all columns start at the same height.
        self.title.setFixedHeight(2 * self.title.fontMetrics().lineSpacing() + 6)
        self.count = QLabel(self, objectName="columnCount")
        self.model = CardListModel(state, board.profile, self)
        self.view = ColumnView(board, state, self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(board.profile, self.view))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 2, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.count)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        # Seven columns show at 1366×768 (the last ones scroll in); all eight on wider screens.
        self.setMinimumWidth(COLUMN_WIDTH)

    def set_column(self, column: BoardColumn) -> None:
        self.model.set_column(column)
        self.count.setText(str(column.total))
        self.count.setToolTip(
            self.tr("%n sáng kiến", "", column.total)
            + (self.tr(" (hiện %n)", "", len(column.cards)) if column.hidden else "")
        )

    def set_drop(self, kind: str) -> None:
        if self.property("drop") != kind:
            self.setProperty("drop", kind)
            for widget in (self, self.title, self.count):
                widget.style().unpolish(widget)
                widget.style().polish(widget)


# Screen ------------------------------------------------------------------------------------
class BoardScreen(QWidget):
    """The board. Emits ``open_requested(id)`` to open an initiative and ``changed()`` after a
    move or an assignment."""

    open_requested = Signal(str)
    changed = Signal()

    def __init__(
        self,
        db: Database,
        profile: ProgramProfile,
        parent: QWidget | None = None,
        *,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("boardScreen")
        self.setStyleSheet(STYLE)
        self.db = db
        self.profile = profile
        self._actor = actor
        self.column_limit = COLUMN_LIMIT
        self.board: Board | None = None
        self._cards: dict[str, Card] = {}

        title = QLabel(self.tr("Tổ hỗ trợ sáng kiến"), self, objectName="screenTitle")
        self.overdue_label = QLabel(self, objectName="overdueCount")
        self.waiting_label = QLabel(self, objectName="waitingCount")
        self.overdue_label.setToolTip(
            self.tr(
                "Hồ sơ đã nộp Hội đồng quá %n tháng mà chưa có quyết định (hạn theo quy định)",
                "",
                profile.decision_deadline_months,
            )
        )
        self.waiting_label.setToolTip(
            self.tr("Hồ sơ sẵn sàng gửi nhưng chưa xuất gói sau %n ngày", "", READY_WAIT_DAYS)
        )
        self.search = QLineEdit(self, objectName="boardSearch")
        self.search.setPlaceholderText(self.tr("Lọc theo mã, tên sáng kiến, tác giả"))
        self.search.setClearButtonEnabled(True)
        self.helper_filter = QComboBox(self, objectName="helperFilter")
        self.helper_filter.setMinimumContentsLength(14)
        self.attention_check = QCheckBox(
            self.tr("Chỉ hồ sơ cần chú ý"), self, objectName="attentionCheck"
        )
        self.refresh_button = QPushButton(self.tr("Làm mới"), self, objectName="refreshButton")
        self.refresh_button.setToolTip(self.tr("Đọc lại từ cơ sở dữ liệu (F5)"))
        self.feedback = hint("", self)
        self.feedback.setObjectName("feedback")
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.overdue_label)
        top.addWidget(self.waiting_label)
        top.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel(self.tr("Người hỗ trợ"), self))
        filters.addWidget(self.helper_filter, 1)
        filters.addWidget(self.attention_check)
        filters.addWidget(self.refresh_button)

        self.columns: dict[State, ColumnFrame] = {}
        strip = QWidget(self)
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for state in STATES:
            frame = ColumnFrame(self, state, strip)
            frame.view.customContextMenuRequested.connect(
                lambda pos, view=frame.view: self._context_menu(view, pos)
            )
            # A double click activates the card too: one connection, or it opens twice.
            frame.view.activated.connect(self._open_index)
            self.columns[state] = frame
            row.addWidget(frame, 1)
        scroll = QScrollArea(self, objectName="boardScroll")
        scroll.setWidget(strip)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.feedback)
        layout.addWidget(scroll, 1)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        lead_into(  # into the first column holding a card
            self.search,
            lambda: next((f.view for f in self.columns.values() if f.model.rowCount()), None),
            flush(self._timer, self.reload),
        )
        self.helper_filter.currentIndexChanged.connect(self.reload)
        self.attention_check.toggled.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        refresh = QAction(self.tr("Làm mới"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.reload)
        self.addAction(refresh)
        self.reload()
        self.say(
            self.tr(
                "Kéo thẻ sang cột khác để chuyển trạng thái; nhấp chuột phải vào thẻ để mở hồ sơ, "
                "chuyển hoặc giao người hỗ trợ."
            ),
        )

    # Data --------------------------------------------------------------------------------
    @property
    def actor(self) -> str:
        """Who moves: given at construction, else the main window's signed-in person."""
        if self._actor is not None:
            return self._actor
        return str(getattr(self.window(), "actor", "") or "")

    def current_filter(self) -> BoardFilter:
        return BoardFilter(
            text=self.search.text(),
            helper=self.helper_filter.currentData(),
            attention_only=self.attention_check.isChecked(),
        )

    def _fill_helpers(self) -> None:
        current = self.helper_filter.currentData()
        self.helper_filter.blockSignals(True)
        self.helper_filter.clear()
        self.helper_filter.addItem(self.tr("Mọi người"), None)
        self.helper_filter.addItem(self.tr("Chưa giao"), UNASSIGNED)
        for name in helpers(self.db):
            self.helper_filter.addItem(name, name)
        index = self.helper_filter.findData(current) if current is not None else 0
        self.helper_filter.setCurrentIndex(max(index, 0))
        self.helper_filter.blockSignals(False)

    def reload(self) -> None:
        self._timer.stop()
        self._fill_helpers()
        self.board = load_board(
            self.db, self.profile, self.current_filter(), limit=self.column_limit
        )
        self._cards = {}
        for column in self.board.columns:
            frame = self.columns[column.state]
            selected = self.selected_ids(column.state)
            frame.set_column(column)
            self._cards.update((c.id, c) for c in column.cards)
            for initiative_id in selected:
                row = frame.model.row_of(initiative_id)
                if row >= 0:
                    frame.view.selectionModel().select(
                        frame.model.index(row), QItemSelectionModel.SelectionFlag.Select
                    )
        self.overdue_label.setText(
            self.tr("Quá hạn %n tháng", "", self.profile.decision_deadline_months)
            + f": {self.board.overdue}"
        )
        self.waiting_label.setText(
            self.tr("Chờ gửi quá %n ngày", "", READY_WAIT_DAYS) + f": {self.board.waiting}"
        )
        for label, count in (
            (self.overdue_label, self.board.overdue),
            (self.waiting_label, self.board.waiting),
        ):
            if label.property("none") != (count == 0):
                label.setProperty("none", count == 0)
                label.style().unpolish(label)
                label.style().polish(label)

    def card(self, initiative_id: str) -> Card | None:
        return self._cards.get(initiative_id)

    def selected_ids(self, state: State) -> list[str]:
        frame = self.columns[state]
        rows = sorted(i.row() for i in frame.view.selectionModel().selectedIndexes())
        return [c.id for r in rows if (c := frame.model.card(r)) is not None]

    # Feedback ----------------------------------------------------------------------------
    def say(self, text: str, role: str = "hint") -> None:
        """Say in the feedback line what happened: ``hint``, ``error`` or ``done`` (look.py)."""
        self.feedback.setText(text)
        set_role(self.feedback, role)

    # Dragging ----------------------------------------------------------------------------
    def drag_started(self, source: State) -> None:
        for state, frame in self.columns.items():
            if state == source:
                frame.set_drop("source")
            else:
                permitted = allowed(source, state) and not refusal(self.db, move_action(state))
                frame.set_drop("allowed" if permitted else "forbidden")
        self.say(next_steps(source, ui_language()))

    def drag_finished(self) -> None:
        for frame in self.columns.values():
            frame.set_drop("")

    def hover(self, source: State, target: State) -> None:
        if not allowed(source, target):
            self.say(self._refusal(source, target), "error")
        elif reason := refusal(self.db, move_action(target)):
            self.say(reason, "error")
        else:
            self.say(
                self.tr("Thả để chuyển sang “%1”.").replace("%1", state_name(target, ui_language()))
            )

    def _refusal(self, source: str, target: str, code: str = "") -> str:
        what = code or self.tr("sáng kiến")
        return (
            self.tr("Không được chuyển %1 từ “%2” sang “%3”.")
            .replace("%1", what)
            .replace("%2", state_name(source, ui_language()))
            .replace("%3", state_name(target, ui_language()))
            + " "
            + next_steps(source, ui_language())
        )

    # Moving ------------------------------------------------------------------------------
    def drop(self, ids: Sequence[str], target: str) -> bool:
        """Cards dropped on ``target``'s column (the drop handler): move them if allowed."""
        self.drag_finished()
        return self.move_cards(ids, target)

    def move_cards(self, ids: Sequence[str], target: str) -> bool:
        """Move the initiatives ``ids`` to ``target`` through the workflow service; a move the
        table forbids is refused here with the reason, and nothing changes. True if asked."""
        cards = [c for i in ids if (c := self._cards.get(i)) is not None]
        if not cards:
            return False
        target = State(target)
        forbidden = [c for c in cards if not allowed(c.state, target)]
        if forbidden:
            card = forbidden[0]
            self.say(self._refusal(card.state, target, card.code), "error")
            return False
        if reason := refusal(self.db, move_action(target)):
            self.say(reason, "error")
            return False
        label = cards[0].code if len(cards) == 1 else self.tr("%n sáng kiến", "", len(cards))
        started = run_moves(
            self,
            self.db,
            self.profile,
            [c.id for c in cards],
            label,
            target,
            self.actor,
            self._moved,
        )
        if not started:
            self.say(self.tr("Đã hủy — không chuyển sáng kiến nào."))
        return started

    def _moved(self, report: MoveReport) -> None:
        self.reload()
        self.changed.emit()
        if report.refused and not report.moved and len(report.refused) == 1:
            self.say(report.refused[0][1], "error")
        elif report.refused:
            self.say(f"{move_summary(report)} {report.refused[0][1]}", "error")
            if len(report.refused) > 1:
                MoveReportDialog.show_report(self, report)
        else:
            self.say(move_summary(report), "done")

    def assign_cards(self, ids: Sequence[str]) -> bool:
        cards = [c for i in ids if (c := self._cards.get(i)) is not None]
        if not cards:
            return False
        first = cards[0]
        label = first.code if len(cards) == 1 else self.tr("%n sáng kiến", "", len(cards))
        answer = AssignDialog.ask(self, label, helpers(self.db), first.assigned_to, first.due_on)
        if answer is None:
            return False
        helper, due_on = answer
        try:
            assign_many(self.db, [c.id for c in cards], helper, due_on)
        except SangKienError as exc:
            show_error(self, exc)
            return False
        self.reload()
        self.changed.emit()
        self.say(
            (
                self.tr("Đã giao %1 cho %2.").replace("%2", helper)
                if helper
                else self.tr("Đã bỏ giao %1.")
            ).replace("%1", label),
            "done",
        )
        return True

    # Menus -------------------------------------------------------------------------------
    def card_menu(self, ids: Sequence[str]) -> QMenu:
        """The context menu for the cards ``ids`` (all in one column)."""
        menu = QMenu(self)
        menu.setObjectName("cardMenu")
        cards = [c for i in ids if (c := self._cards.get(i)) is not None]
        if not cards:
            return menu
        source = cards[0].state
        open_action = menu.addAction(self.tr("Mở hồ sơ"))
        open_action.setObjectName("openAction")
        open_action.setEnabled(len(cards) == 1)
        open_action.triggered.connect(lambda: self.open_requested.emit(cards[0].id))
        targets = menu.addMenu(self.tr("Chuyển sang"))
        targets.setToolTipsVisible(True)
        targets.setObjectName("moveMenu")
        # One card: each move says why not yet, the reason the editor's buttons give.
        record = get_record(self.db, cards[0].id) if len(cards) == 1 else None
        for target in TRANSITIONS[source]:
            action = targets.addAction(state_name(target, ui_language()))
            action.setObjectName(f"moveTo{target.value}")
            if guard(self.db, action, move_action(target)) and record is not None:
                reason = why_not(self.db, record, target, self.profile, lang=ui_language())
                action.setEnabled(reason is None)
                action.setToolTip(reason or "")
            action.triggered.connect(
                lambda _checked=False, t=target: self.move_cards([c.id for c in cards], t)
            )
        targets.setEnabled(bool(TRANSITIONS[source]))
        assign = menu.addAction(self.tr("Giao người hỗ trợ…"))
        assign.setObjectName("assignAction")
        guard(self.db, assign, "initiative.edit")
        assign.triggered.connect(lambda: self.assign_cards([c.id for c in cards]))
        return menu

    def _context_menu(self, view: ColumnView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if not index.isValid():  # the menu key: the current card
            index = view.currentIndex()
            pos = view.visualRect(index).center()
        card = index.data(CARD_ROLE) if index.isValid() else None
        if card is None:
            return
        ids = self.selected_ids(view.state)
        if card.id not in ids:
            view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            ids = [card.id]
        menu = self.card_menu(ids)
        menu.exec(view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _open_index(self, index: QModelIndex) -> None:
        initiative_id = index.data(ID_ROLE)
        if initiative_id:
            self.open_requested.emit(initiative_id)
