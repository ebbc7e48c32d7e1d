"""The workflow in the editor: a button for each move allowed now, the reason when not yet, the
move dialog asking only what the move needs, the result in the status bar (no box)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import select

from sangkien_desktop.gui.dialogs import MoveDialog, MoveReportDialog, StateDialog
from sangkien_desktop.gui.editor import CloseChoice, InitiativeEditor
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.screens.board import BoardScreen
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records.model import Recognition
from sangkien_desktop.services.initiatives import get_record
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative
from sangkien_desktop.workflow.states import State
from tests.gui.conftest import sign_in
from tests.gui.test_board import select_states
from tests.timing import scaled

# The offscreen platform says it cannot propagate a shown dialog's size hints.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


def until(qtbot: Any, probe: Callable[[], object]) -> None:
    """Wait for ``probe`` with room for a busy machine (tests/timing.py)."""
    qtbot.waitUntil(probe, timeout=int(scaled(20) * 1000))


Opener = Callable[..., InitiativeEditor]


@pytest.fixture
def open_editor(
    qtbot: Any, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Opener]:
    editors: list[InitiativeEditor] = []

    def make(db: Database, initiative_id: str | None = None) -> InitiativeEditor:
        editor = InitiativeEditor(db, profile, initiative_id, actor="Lê Minh Tâm")
        editors.append(editor)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    yield make
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda cls, *_: CloseChoice.DISCARD)
    )
    for editor in editors:
        if shiboken6.isValid(editor):
            editor.close()


def first_id(db: Database, state: State, errors: bool | None = None) -> str:
    with db.reader() as session:
        query = select(Initiative.id).where(Initiative.status == state).order_by(Initiative.code)
        if errors is not None:
            query = query.where((Initiative.error_count > 0) == errors)
        found = session.scalars(query).first()
    assert found is not None, f"no initiative in {state}"
    return found


def boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_an_idea_moves_forward_from_its_editor_without_a_box(
    open_editor: Opener, demo_db: Database, qtbot: Any
) -> None:
    key = first_id(demo_db, State.IDEA)
    editor = open_editor(demo_db, key)
    bar = editor.moves
    assert list(bar.buttons) == [State.DRAFTING]
    assert not bar.back_button.isVisible()
    button = bar.buttons[State.DRAFTING]
    assert button.isEnabled()
    assert button.accessibleName() == "Chuyển sang “Đang hoàn thiện hồ sơ”"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert get_record(demo_db, key).status == State.DRAFTING
    assert editor.record.status == State.DRAFTING
    assert "Đã chuyển" in editor.statusBar().currentMessage()
    assert not boxes()
    # Now the buttons are those out of DRAFTING: forward to SUBMITTED, back to IDEA in a menu.
    assert list(bar.buttons) == [State.SUBMITTED]
    assert list(bar.back_actions) == [State.IDEA]
    assert not editor.isWindowModified()


def test_forward_moves_first_and_the_step_back_only_in_the_menu(
    open_editor: Opener, demo_db: Database
) -> None:
    editor = open_editor(demo_db, first_id(demo_db, State.SUBMITTED))
    assert list(editor.moves.buttons) == [State.RECOGNISED, State.REJECTED]
    assert list(editor.moves.back_actions) == [State.DRAFTING]
    assert editor.moves.back_button.isVisibleTo(editor)


def test_a_move_not_possible_yet_says_why(open_editor: Opener, demo_db: Database) -> None:
    editor = open_editor(demo_db, first_id(demo_db, State.RECOGNISED, errors=True))
    ready = editor.moves.buttons[State.READY]
    assert not ready.isEnabled()
    assert "chưa sẵn sàng gửi" in ready.toolTip()
    label = editor.moves.reason_label
    assert label.full.startswith("Chưa chuyển được: còn ")
    assert label.full.endswith("lỗi nên chưa sẵn sàng gửi")  # the list is in the tooltip
    # One line cut to its room: the header keeps its height however long the reason.
    assert label.height() < 2 * label.fontMetrics().height() + 8
    assert editor.moves.height() < 80


def test_a_role_that_may_not_recognise_sees_why(open_editor: Opener, accounts_db: Database) -> None:
    sign_in(accounts_db, "hotro")
    editor = open_editor(accounts_db, first_id(accounts_db, State.SUBMITTED))
    recognise = editor.moves.buttons[State.RECOGNISED]
    assert not recognise.isEnabled()
    assert recognise.toolTip()
    assert editor.moves.buttons[State.RECOGNISED].toolTip() != "Chuyển sang “Đã được công nhận”"


def test_a_new_initiative_is_saved_before_it_moves(open_editor: Opener, demo_db: Database) -> None:
    editor = open_editor(demo_db)
    button = editor.moves.buttons[State.DRAFTING]
    assert not button.isEnabled()
    assert "Lưu sáng kiến trước" in button.toolTip()


def test_recognising_asks_for_the_decision_and_stores_it(
    open_editor: Opener, demo_db: Database, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = first_id(demo_db, State.SUBMITTED)
    editor = open_editor(demo_db, key)
    decided = date.today() - timedelta(days=2)
    seen: list[bool] = []

    def exec_(dialog: MoveDialog) -> int:
        assert dialog.decision_edit is not None and dialog.body_edit is not None
        assert dialog.date_edit is not None and dialog.by_combo is not None
        dialog.decision_edit.setText("")
        go = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.append(go.isEnabled())
        dialog.body_edit.setText("Hội đồng sáng kiến Công ty")
        dialog.decision_edit.setText("21/QĐ-HĐSK")
        dialog.date_edit.set_value(decided)
        seen.append(go.isEnabled())
        return 1

    monkeypatch.setattr(MoveDialog, "exec", exec_)
    assert editor.moves.move_to(State.RECOGNISED)
    assert seen == [False, True]
    stored = get_record(demo_db, key)
    assert stored.status == State.RECOGNISED
    assert stored.recognition == Recognition(
        "COUNCIL", "Hội đồng sáng kiến Công ty", "21/QĐ-HĐSK", decided
    )
    assert not boxes()


def test_the_move_dialog_asks_only_what_the_move_needs(qtbot: Any) -> None:
    drafting = MoveDialog(None, "SK-2023-0001", State.DRAFTING)
    submitted = MoveDialog(None, "SK-2023-0001", State.SUBMITTED)
    try:
        assert drafting.date_edit is None and drafting.decision_edit is None
        assert submitted.date_edit is not None and submitted.decision_edit is None
    finally:
        drafting.deleteLater()
        submitted.deleteLater()


def test_the_state_list_shows_reachable_states_and_never_preselects_a_step_back(
    qtbot: Any,
) -> None:
    dialog = StateDialog(None, "SK-2023-0001", [State.RECOGNISED])
    back = StateDialog(None, "SK-2023-0002", [State.REJECTED])
    try:
        offered = [dialog.combo.itemData(i) for i in range(dialog.combo.count())]
        assert offered == [State.SUBMITTED, State.READY]
        assert dialog.combo.currentData() == State.READY
        assert back.combo.count() == 1
        assert back.combo.currentIndex() == -1
    finally:
        dialog.deleteLater()
        back.deleteLater()


def test_a_list_move_that_all_succeeds_is_said_in_the_status_bar(
    qtbot: Any, window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_screen("initiatives")
    ids = select_states(window, {"IDEA"})
    monkeypatch.setattr(StateDialog, "ask", classmethod(lambda *_a: State.DRAFTING))
    window.initiatives_screen.move_action.trigger()
    until(qtbot, lambda: "sang “Đang hoàn thiện hồ sơ”" in window.statusBar().currentMessage())
    assert window.initiatives_screen.findChild(MoveReportDialog) is None
    assert all(get_record(demo_db, key).status == State.DRAFTING for key in ids)


def test_the_board_menu_gives_the_same_reason_as_the_editor(
    window: MainWindow, demo_db: Database
) -> None:
    window.show_screen("board")
    board = window.screens["board"]
    assert isinstance(board, BoardScreen)
    key = first_id(demo_db, State.RECOGNISED, errors=True)
    menu = board.card_menu([key])
    try:
        ready = menu.findChild(QAction, "moveToREADY")
        assert ready is not None and not ready.isEnabled()
        assert "chưa sẵn sàng gửi" in ready.toolTip()
        back = menu.findChild(QAction, "moveToSUBMITTED")
        assert back is not None and back.isEnabled()
    finally:
        menu.deleteLater()


def test_recognising_several_keeps_each_decision_already_written(
    qtbot: Any, window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_screen("initiatives")
    ids = select_states(window, {"SUBMITTED"})
    assert len(ids) > 1
    before = {key: get_record(demo_db, key).recognition for key in ids}
    monkeypatch.setattr(StateDialog, "ask", classmethod(lambda *_a: State.RECOGNISED))
    monkeypatch.setattr(MoveDialog, "ask", classmethod(lambda *_a: pytest.fail("asked")))
    window.initiatives_screen.move_action.trigger()
    until(
        qtbot,
        lambda: (
            window.initiatives_screen.findChild(MoveReportDialog) is not None
            or "Đã chuyển" in window.statusBar().currentMessage()
        ),
    )
    for key in ids:
        assert get_record(demo_db, key).recognition == before[key]
