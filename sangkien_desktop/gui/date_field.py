"""The one date input of every screen: dd/mm/yyyy typed as people type it, or picked on a
calendar.

A line edit, not Qt's QDateEdit: typing ``20/03/2023`` over a QDateEdit's pre-filled date gives
another date, and an impossible date (31/02/2023) is quietly turned into a real one — a wrong
legal date stored without a word. Here the text is what was typed: it is selected whole when
the field takes the focus (typing replaces it), eight digits become ``dd/mm/yyyy``, and a text
that is not a real date is refused by the field's name (:class:`DateFieldError`), never replaced.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from PySide6.QtCore import QDate, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QPainter, QPixmap, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import InputError
from sangkien_desktop.gui.tasks import show_error
from sangkien_desktop.records.limits import MAX_DATE, MIN_DATE
from sangkien_desktop.text import format_date, parse_date_vn

_TYPED = re.compile(r"[0-9/.\- ]{0,10}")
_EIGHT_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{4})")
STYLE = 'QLineEdit[dateProblem="true"] { border: 1px solid #c62828; }'


class DateFieldError(InputError, ValueError):
    """A date field holds no date it may hold; the message names the field."""


@cache
def calendar_icon() -> QIcon:
    """A small calendar page (drawn: no icon file to ship for it)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#5f6773"))
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(2, 3, 12, 3), QColor("#5f6773"))
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(QRect(x, y, 2, 2), QColor("#5f6773"))
    painter.end()
    return QIcon(pixmap)


class _DateValidator(QValidator):
    """Digits and separators only; Acceptable only for a real date (or empty, when allowed),
    so a table's cell editor does not commit half a date."""

    def __init__(self, field: DateField) -> None:
        super().__init__(field)
        self.field = field

    def validate(self, text: str, pos: int) -> object:
        if not _TYPED.fullmatch(text):
            return QValidator.State.Invalid, text, pos
        acceptable = not self.field.fault(text)[0]
        return (
            (QValidator.State.Acceptable if acceptable else QValidator.State.Intermediate),
            text,
            pos,
        )


class DateField(QLineEdit):
    """A date typed as ``dd/mm/yyyy`` (also ``d/m/yyyy``, ``dd.mm.yyyy``, ``ddmmyyyy``).

    ``label`` names the field in messages (by default the text of its form label);
    ``optional`` fields may stay empty ("chưa có"); ``latest`` is the last day allowed."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str = "",
        optional: bool = True,
        latest: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.label, self.optional, self.latest = label, optional, latest
        self.setValidator(_DateValidator(self))
        self.setMaxLength(10)
        self.setPlaceholderText(self.tr("chưa có") if optional else self.tr("ngày/tháng/năm"))
        self.setToolTip(
            self.tr("Gõ ngày dạng ngày/tháng/năm, ví dụ 20/03/2023, hoặc chọn trên lịch")
        )
        self._tooltip = self.toolTip()
        self.setMaximumWidth(170)
        self.setStyleSheet(STYLE)
        self.calendar_action = self.addAction(
            calendar_icon(), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip(self.tr("Chọn trên lịch"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self._popup: QWidget | None = None
        self.textEdited.connect(self._edited)
        self.textChanged.connect(self._show_problem)
        self.editingFinished.connect(self._tidy)

    # The value ---------------------------------------------------------------------------
    def name(self) -> str:
        """The field's name in messages: ``label``, else the text of the label it is the
        buddy of (a form row's), else a plain "Ngày"."""
        if self.label:
            return self.label
        window = self.window()
        for label in window.findChildren(QLabel) if window is not None else ():
            if label.buddy() is self:
                return label.text().replace("&", "").rstrip(": ")
        return self.tr("Ngày")

    def fault(self, text: str) -> tuple[str, date | None]:
        """What is wrong with ``text`` ("" nothing, "empty", "unreal", "late") and its date."""
        typed = text.strip()
        if not typed:
            return ("" if self.optional else "empty"), None
        day = _read(typed)
        if day is None:
            return "unreal", None
        if self.latest is not None and day > self.latest:
            return "late", day
        return "", day

    def problem(self) -> str:
        """Why the text is no date this field may hold, naming the field ("" when it is one)."""
        fault, day = self.fault(self.text())
        if fault == "empty":
            return self.tr("%1: chưa có ngày; gõ ngày/tháng/năm, ví dụ 20/03/2023.").replace(
                "%1", self.name()
            )
        if fault == "unreal":
            return (
                self.tr("%1: “%2” không phải ngày có thật; gõ ngày/tháng/năm, ví dụ 20/03/2023.")
                .replace("%1", self.name())
                .replace("%2", self.text().strip())
            )
        if fault == "late" and day is not None and self.latest is not None:
            return (
                self.tr("%1: %2 là ngày chưa tới (không được sau %3).")
                .replace("%1", self.name())
                .replace("%2", format_date(day))
                .replace("%3", format_date(self.latest))
            )
        return ""

    def value(self) -> date | None:
        """The date typed (None: empty); DateFieldError, naming the field, for anything else."""
        problem = self.problem()
        if problem:
            raise DateFieldError(problem)
        return _read(self.text().strip())

    def shown_value(self) -> date | None:
        """The date typed when it is one; None while it is empty or not (yet) a date."""
        fault, day = self.fault(self.text())
        return None if fault else day

    def set_value(self, value: date | None) -> None:
        self.setText(format_date(value))

    def is_empty(self) -> bool:
        return not self.text().strip()

    def clear_value(self) -> None:
        self.clear()

    # Typing ------------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        match = _EIGHT_DIGITS.fullmatch(text)
        if match:  # 20032023 → 20/03/2023
            self.setText("/".join(match.groups()))

    def _tidy(self) -> None:
        """3/7/2023 → 03/07/2023 once the field is left with a real date."""
        day = self.shown_value()
        if day is not None and self.text() != format_date(day):
            self.set_value(day)

    def _show_problem(self) -> None:
        """A red frame, and the reason as the tooltip, for a text that is no date: once it is
        whole or the field is left, not while it is half typed."""
        whole = not self.hasFocus() or len(self.text()) >= 10
        problem = self.problem() if whole and self.fault(self.text())[0] else ""
        flagged = bool(problem)
        if bool(self.property("dateProblem")) != flagged:
            self.setProperty("dateProblem", flagged)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setToolTip(problem or self._tooltip)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Typing replaces the date shown: select it whole. A click places the cursor after the
        # focus arrives, so the selection waits for the click to end.
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            QTimer.singleShot(0, self, self.selectAll)
        else:
            self.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_problem()

    # The calendar ------------------------------------------------------------------------
    def show_calendar(self) -> None:
        if self._popup is None:
            popup = QWidget(self, Qt.WindowType.Popup)
            popup.setObjectName("datePopup")
            calendar = QCalendarWidget(popup, objectName="dateCalendar")
            calendar.setGridVisible(True)
            calendar.clicked.connect(self._picked)
            calendar.activated.connect(self._picked)
            layout = QVBoxLayout(popup)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(calendar)
            self._popup = popup
        calendar = self._popup.findChild(QCalendarWidget)
        shown = self.shown_value() or date.today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        if self.latest is not None:
            calendar.setMaximumDate(QDate(self.latest.year, self.latest.month, self.latest.day))
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        if self._popup is not None:
            self._popup.hide()
        self.set_value(day.toPython())
        self.setFocus(Qt.FocusReason.PopupFocusReason)


def _read(text: str) -> date | None:
    """The date ``text`` names, or None."""
    match = _EIGHT_DIGITS.fullmatch(text)
    if match:
        text = "/".join(match.groups())
    try:
        day = parse_date_vn(text)
    except ValueError:
        return None
    return day if MIN_DATE <= day <= MAX_DATE else None


def check_dates(parent: QWidget, *fields: DateField) -> bool:
    """Whether every enabled field holds a date it may; the first that does not is shown its
    problem (named) and gets the focus with its text selected. Dialogs call it in accept()."""
    for field in fields:
        problem = field.problem() if field.isEnabled() else ""
        if problem:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.selectAll()
            show_error(parent, DateFieldError(problem))
            return False
    return True
