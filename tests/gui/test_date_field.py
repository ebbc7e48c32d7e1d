"""The one date field of every screen: typed dates are the dates kept, impossible ones refused
by the field's name, never replaced by another date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDialog, QFormLayout, QWidget

from sangkien_desktop.gui.date_field import DateField, DateFieldError
from sangkien_desktop.gui.dialogs import AssignDialog, MemberDialog, MoveDialog
from sangkien_desktop.gui.screens.export import UploadDate
from sangkien_desktop.gui.screens.rewards import RewardDialog
from sangkien_desktop.workflow.states import State

# Shown for real: the offscreen platform cannot size, raise or grab for a dialog or a popup.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]

NOT_A_DATE = "không phải ngày có thật; gõ ngày/tháng/năm, ví dụ 20/03/2023."


def _shown(qtbot: Any, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def form(qtbot: Any) -> tuple[QDialog, DateField]:
    """A required date in a form row labelled "Ngày quyết định", showing 05/01/2026."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = DateField(dialog, optional=False)
    QFormLayout(dialog).addRow("Ngày quyết định", field)
    field.set_value(date(2026, 1, 5))
    _shown(qtbot, dialog)
    return dialog, field


def _type(qtbot: Any, field: DateField, text: str) -> None:
    field.clearFocus()
    field.setFocus()  # taking the focus selects the date shown
    qtbot.keyClicks(field, text)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("20/03/2023", date(2023, 3, 20)),
        ("20032023", date(2023, 3, 20)),
        ("3/7/2023", date(2023, 7, 3)),
        ("03.07.2023", date(2023, 7, 3)),
        ("29/02/2024", date(2024, 2, 29)),
    ],
)
def test_a_date_typed_over_the_one_shown_is_the_one_kept(
    qtbot: Any, form: tuple[QDialog, DateField], typed: str, day: date
) -> None:
    _dialog, field = form
    _type(qtbot, field, typed)
    assert field.value() == day


@pytest.mark.parametrize("typed", ["31/02/2023", "00/00/0000", "29/02/2023", "31/04/2023"])
def test_an_impossible_date_is_refused_by_the_fields_name(
    qtbot: Any, form: tuple[QDialog, DateField], typed: str
) -> None:
    _dialog, field = form
    _type(qtbot, field, typed)
    assert field.text() == typed and not field.hasAcceptableInput()
    with pytest.raises(DateFieldError) as refused:
        field.value()
    assert refused.value.message == f"Ngày quyết định: “{typed}” {NOT_A_DATE}"
    assert field.shown_value() is None


def test_a_required_date_left_empty_is_refused(form: tuple[QDialog, DateField]) -> None:
    _dialog, field = form
    field.clear()
    with pytest.raises(DateFieldError, match="Ngày quyết định: chưa có ngày"):
        field.value()


def test_a_date_after_the_latest_allowed_is_refused(qtbot: Any) -> None:
    field = DateField(label="Ngày nhận đơn", latest=date(2026, 1, 5))
    qtbot.addWidget(field)
    field.set_value(date(2026, 1, 6))
    assert (
        field.problem() == "Ngày nhận đơn: 06/01/2026 là ngày chưa tới (không được sau 05/01/2026)."
    )


def test_leaving_the_field_writes_the_date_in_full(
    qtbot: Any, form: tuple[QDialog, DateField]
) -> None:
    _dialog, field = form
    _type(qtbot, field, "3/7/2023")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "03/07/2023"


def test_a_click_into_the_field_selects_the_date_shown(
    qtbot: Any, form: tuple[QDialog, DateField]
) -> None:
    _dialog, field = form
    field.clearFocus()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=field.rect().center())
    qtbot.waitUntil(lambda: field.selectedText() == "05/01/2026")
    qtbot.keyClicks(field, "20/03/2023")
    assert field.value() == date(2023, 3, 20)


def test_a_day_picked_on_the_calendar_is_the_date(
    qtbot: Any, form: tuple[QDialog, DateField]
) -> None:
    _dialog, field = form
    field.calendar_action.trigger()
    calendar = field.findChild(QCalendarWidget)
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate() == QDate(2026, 1, 5)
    calendar.clicked.emit(QDate(2025, 12, 24))
    assert field.value() == date(2025, 12, 24) and not calendar.isVisible()


DIALOGS: dict[str, tuple[Callable[[], QDialog], str]] = {
    "move": (lambda: MoveDialog(None, "SK-2023-0001", State.UPLOADED), "date_edit"),
    "assign": (
        lambda: AssignDialog(None, "SK-2023-0001", ["Lan"], "Lan", date.today()),
        "due_edit",
    ),
    "upload": (lambda: UploadDate(None, 3), "day"),
    "reward": (lambda: RewardDialog(None), "decided_on"),
    "member": (lambda: MemberDialog(None, None), "birth_edit"),
}


@pytest.mark.parametrize("dialog_name", list(DIALOGS))
def test_every_dialog_takes_a_typed_date(qtbot: Any, dialog_name: str) -> None:
    make, attribute = DIALOGS[dialog_name]
    dialog = make()
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    field = getattr(dialog, attribute)
    assert isinstance(field, DateField)
    _type(qtbot, field, "20/03/2023")
    assert field.value() == date(2023, 3, 20)


@pytest.mark.parametrize("dialog_name", ["move", "assign", "upload", "reward"])
def test_every_dialog_refuses_an_impossible_date_and_stays_open(
    qtbot: Any, dialog_name: str
) -> None:
    make, attribute = DIALOGS[dialog_name]
    dialog = make()
    qtbot.addWidget(dialog)
    _shown(qtbot, dialog)
    field = getattr(dialog, attribute)
    _type(qtbot, field, "31/02/2023")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert field.text() == "31/02/2023"


def test_the_move_dialog_refuses_a_date_still_to_come(qtbot: Any) -> None:
    dialog = MoveDialog(None, "SK-2023-0001", State.SUBMITTED)
    qtbot.addWidget(dialog)
    assert dialog.date_edit is not None
    dialog.date_edit.set_value(date.today() + timedelta(days=1))
    assert "là ngày chưa tới" in dialog.date_edit.problem()
    assert dialog.date_edit.problem().startswith("Ngày Hội đồng nhận đơn: ")
