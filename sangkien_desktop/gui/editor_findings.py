"""The findings panel of the editor: what the program's rules say about the record as it is
typed, errors first; clicking one goes to the field it concerns."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.gui.look import ui_language
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.rules import Derived, Finding, Severity
from sangkien_desktop.text import format_date

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
COLOURS = {Severity.ERROR: QColor("#c62828"), Severity.WARNING: QColor("#d98b00")}
_PAD = 6
_MARK = 14


def finding_text(finding: Finding) -> str:
    """The finding's message in the interface language (the rules write both)."""
    return finding.message_en if ui_language() == "en" and finding.message_en else finding.message


def severity_icon(severity: Severity | None) -> QIcon:
    """The dot as an icon that keeps its colour on a selected row."""
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(severity_dot(severity), mode)
    return icon


def severity_dot(severity: Severity | None, size: int = 12) -> QPixmap:
    """A round mark: red for errors, amber for warnings, nothing (same size) otherwise."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    if severity is not None:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(COLOURS[severity])
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
    return pixmap


class FindingDelegate(QStyledItemDelegate):
    """Draws a finding as a coloured mark, its rule code, and the message wrapped below."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        code = QFont(option.font)
        code.setPointSizeF(max(code.pointSizeF() * 0.85, 7))
        code.setBold(True)
        return code, QFont(option.font)

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        if isinstance(view, QListView):
            # Always leave room for the scroll bar: heights must not depend on whether it shows.
            scroll = view.verticalScrollBar().sizeHint().width()
            width = view.width() - 2 * view.frameWidth() - scroll
        else:
            width = option.rect.width()
        return max(width - _MARK - 3 * _PAD, 80)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        finding = index.data(FINDING_ROLE)
        if not isinstance(finding, Finding):
            return super().sizeHint(option, index)
        code_font, text_font = self._fonts(option)
        width = self._text_width(option)
        text = QFontMetrics(text_font).boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, finding_text(finding)
        )
        return QSize(width, QFontMetrics(code_font).height() + text.height() + 2 * _PAD + 2)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        finding = index.data(FINDING_ROLE)
        if not isinstance(finding, Finding):
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            painter.fillRect(rect, QColor("#dbe7ff") if selected else QColor("#f1f5fc"))
        painter.setPen(QColor("#e6e8ec"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        colour = COLOURS[finding.severity]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(rect.left() + _PAD, rect.top() + _PAD + 2, _MARK - 2, _MARK - 2)
        code_font, text_font = self._fonts(option)
        left = rect.left() + _MARK + 2 * _PAD
        width = self._text_width(option)  # the width sizeHint wrapped the message to
        code_height = QFontMetrics(code_font).height()
        painter.setFont(code_font)
        painter.setPen(colour.darker(120))
        painter.drawText(
            QRect(left, rect.top() + _PAD, width, code_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            finding.rule,
        )
        painter.setFont(text_font)
        painter.setPen(option.palette.text().color())
        painter.drawText(
            QRect(left, rect.top() + _PAD + code_height + 2, width, rect.height()),
            Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            finding_text(finding),
        )
        painter.restore()


class FindingsPanel(QWidget):
    """Summary, derived values (credited author, eligibility, phase) and the findings list.
    ``go_to(finding)`` when one is clicked or activated with the keyboard."""

    go_to = Signal(object)

    def __init__(self, profile: ProgramProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.summary = QLabel(self, objectName="findingsSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.derived = QLabel(self, objectName="derivedLabel")
        self.derived.setTextFormat(Qt.TextFormat.RichText)
        self.derived.setWordWrap(True)
        self.list = QListWidget(self, objectName="findingsList")
        self.list.setItemDelegate(FindingDelegate(self.list))
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setToolTip(self.tr("Bấm vào một dòng để đến ô cần sửa"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.derived)
        layout.addWidget(self.list, 1)
        self.list.itemClicked.connect(self._go)
        self.list.itemActivated.connect(self._go)
        self._shown: list[Finding] = []

    def show_findings(self, findings: list[Finding], derived: Derived) -> None:
        errors = sum(f.severity == Severity.ERROR for f in findings)
        warnings = len(findings) - errors
        if errors:
            text = self.tr('<span style="color:#c62828"><b>%n lỗi</b></span>', "", errors)
            text += self.tr(" — chưa thể gửi lên Cổng")
        else:
            text = self.tr('<span style="color:#1e7b34"><b>Không còn lỗi</b></span>')
        if warnings:
            text += "<br>" + self.tr(
                '<span style="color:#8a5a00">%n điều cần lưu ý</span>', "", warnings
            )
        self.summary.setText(text)
        eligible = format_date(derived.eligibility_date) or self.tr("chưa xác định")
        self.derived.setText(
            self.tr("Được công nhận cho: %1<br>Ngày đủ điều kiện: %2<br>Giai đoạn: %3")
            .replace("%1", html.escape(derived.credited_author or self.tr("chưa xác định")))
            .replace("%2", eligible)
            .replace(
                "%3",
                self.profile.phase_name(derived.phase, ui_language()) or self.tr("chưa xác định"),
            )
        )
        if findings == self._shown:
            return
        self._shown = list(findings)
        current = self.list.currentItem()
        keep = current.data(FINDING_ROLE) if current else None
        self.list.clear()
        for finding in findings:
            item = QListWidgetItem(self.list)
            item.setData(FINDING_ROLE, finding)
            text = finding_text(finding)
            item.setData(Qt.ItemDataRole.DisplayRole, f"{finding.rule}: {text}")
            item.setData(Qt.ItemDataRole.ToolTipRole, text)
            if finding == keep:
                self.list.setCurrentItem(item)

    def findings(self) -> list[Finding]:
        return list(self._shown)

    def item_for(self, rule: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(FINDING_ROLE).rule == rule:
                return item
        return None

    def _go(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE)
        if isinstance(finding, Finding):
            self.go_to.emit(finding)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.list.doItemsLayout()  # wrapped messages take another height at another width
