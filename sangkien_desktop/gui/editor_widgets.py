"""Input widgets of the initiative editor: money in đồng, titles, and suggestions of the unit's
members as a name is typed (dates: ``gui.date_field``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QRegularExpression, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QRegularExpressionValidator,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sangkien_desktop.services.members import list_members
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import format_date, format_vnd


class MoneyEdit(QLineEdit):
    """An amount in đồng, grouped with dots as it is typed: ``125.000.000``."""

    MAX_DIGITS = 15

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9.\s]{0,24}"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(self.tr("chưa tính được"))
        self.textEdited.connect(self._group)

    def value(self) -> int | None:
        digits = "".join(ch for ch in self.text() if ch.isdigit())
        return int(digits) if digits else None

    def set_value(self, value: int | None) -> None:
        self.setText(format_vnd(value, unit="") if value is not None else "")

    def _group(self, text: str) -> None:
        cursor = self.cursorPosition()
        digits_left = sum(ch.isdigit() for ch in text[:cursor])
        digits = "".join(ch for ch in text if ch.isdigit())[: self.MAX_DIGITS]
        grouped = format_vnd(int(digits), unit="") if digits else ""
        # Leading zeros vanish in the grouping; keep the cursor after the same digits.
        lost = len(digits) - len(grouped.replace(".", ""))
        digits_left = max(0, digits_left - lost)
        position = 0
        seen = 0
        while position < len(grouped) and seen < digits_left:
            seen += grouped[position].isdigit()
            position += 1
        if grouped != text:
            self.setText(grouped)
            self.setCursorPosition(position)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.set_value(self.value())
        super().focusOutEvent(event)


class PlainEdit(QPlainTextEdit):
    """Multi-line text where Tab moves to the next field, as in every other form field."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 5) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * lines + 14)
        # Room to grow for long texts, but never so tall that the next field leaves the screen.
        self.setMaximumHeight(line * lines * 2 + 14 if lines > 2 else line * lines + 14)


class TitleEdit(PlainEdit):
    """A long title on several lines; Enter moves on instead of breaking the title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, lines=2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class MemberChoice:
    """A member of the unit as the editor suggests it for an author or a reviewer."""

    id: int
    full_name: str
    birth_date: date | None
    department: str
    position: str
    qualification: str

    def label(self) -> str:
        details = ", ".join(p for p in (self.department, format_date(self.birth_date)) if p)
        return f"{self.full_name} — {details}" if details else self.full_name


_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
_MEMBER_ROLE = Qt.ItemDataRole.UserRole + 2


class MemberCompleter(QCompleter):
    """Suggests active members while a name is typed, with or without diacritics
    (``khoa`` finds Nguyễn Đăng Khoa); ``chosen(MemberChoice)`` when one is picked."""

    chosen = Signal(object)
    LIMIT = 12

    def __init__(self, db: Database, line: QLineEdit) -> None:
        self._model = QStandardItemModel(line)
        super().__init__(self._model, line)
        self.db = db
        self._line = line
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompletionRole(_NAME_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(self.LIMIT)
        line.setCompleter(self)
        line.textEdited.connect(self._suggest)
        self.activated[QModelIndex].connect(self._activated)

    def _suggest(self, text: str) -> None:
        self._model.clear()
        if len(text.strip()) < 2:
            return
        with self.db.reader() as session:
            members = [
                MemberChoice(
                    m.id, m.full_name, m.birth_date, m.department, m.position, m.qualification
                )
                for m in list_members(session, text, active_only=True, limit=self.LIMIT)
            ]
        for member in members:
            item = QStandardItem(member.label())
            item.setData(member.full_name, _NAME_ROLE)
            item.setData(member, _MEMBER_ROLE)
            self._model.appendRow(item)

    def _activated(self, index: QModelIndex) -> None:
        member = index.data(_MEMBER_ROLE)
        if isinstance(member, MemberChoice):
            self._line.setText(member.full_name)
            self.chosen.emit(member)
