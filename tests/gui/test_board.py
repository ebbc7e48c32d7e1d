"""The support team's board (Tổ hỗ trợ), and the bulk workflow actions of the initiatives list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select, update

from sangkien_desktop.gui.dialogs import (
    AssignDialog,
    MoveDetails,
    MoveDialog,
    MoveReportDialog,
    StateDialog,
)
from sangkien_desktop.gui.initiative_model import RAW_ROLE
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.screens.board import CARD_ROLE, BoardScreen, CardListModel
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records.model import ContentReview, Recognition
from sangkien_desktop.services.initiatives import get_record, save_record
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative, WorkflowEvent
from sangkien_desktop.workflow.board import Flag, load_board
from sangkien_desktop.workflow.states import State
from tests.gui.conftest import double_click, open_editors

pytestmark = pytest.mark.gui

ACTOR = "Lê Minh Tâm"  # the window fixture's signed-in person


@pytest.fixture
def board(demo_db: Database, profile: ProgramProfile) -> Iterator[BoardScreen]:
    """The screen on its own, with the actor given (cheaper than a whole window); deleted at
    the end so later tests do not restyle it."""
    screen = BoardScreen(demo_db, profile, actor=ACTOR)
    yield screen
    screen.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window_board(window: MainWindow) -> BoardScreen:
    """The board inside the main window, which gives it the actor and hears its changes."""
    window.show_screen("board")
    screen = window.screens["board"]
    assert isinstance(screen, BoardScreen)
    return screen


def answer_moves(monkeypatch: pytest.MonkeyPatch, details: MoveDetails | None) -> list[str]:
    """Make MoveDialog.ask answer ``details``; returns the targets it was asked about."""
    asked: list[str] = []

    def ask(_cls: Any, _parent: Any, _code: str, target: str, *_given: Any) -> MoveDetails | None:
        asked.append(target)
        return details

    monkeypatch.setattr(MoveDialog, "ask", classmethod(ask))
    return asked


def first_in(db: Database, state: State, *, errors: bool | None = None) -> Initiative:
    with db.reader() as session:
        query = select(Initiative).where(Initiative.status == state).order_by(Initiative.code)
        if errors is not None:
            query = query.where((Initiative.error_count > 0) == errors)
        row = session.scalars(query).first()
        assert row is not None
        return row


def status_of(db: Database, initiative_id: str) -> str:
    with db.reader() as session:
        return session.get_one(Initiative, initiative_id).status


def moves_of(db: Database, initiative_id: str) -> list[tuple[str | None, str, str]]:
    with db.reader() as session:
        rows = session.scalars(
            select(WorkflowEvent)
            .where(WorkflowEvent.initiative_id == initiative_id)
            .order_by(WorkflowEvent.id)
        )
        return [(e.from_state, e.to_state, e.actor) for e in rows]


def column_ids(board: BoardScreen, state: State) -> list[str]:
    return [c.id for c in board.columns[state].model.cards]


# The board ---------------------------------------------------------------------------------
def test_card_model_passes_qt_model_tester(
    qtmodeltester: Any, demo_db: Database, profile: ProgramProfile
) -> None:
    model = CardListModel(State.RECOGNISED, profile)
    model.set_column(load_board(demo_db, profile, limit=5).column(State.RECOGNISED))
    qtmodeltester.check(model)


def test_every_state_is_a_column_with_its_count(board: BoardScreen) -> None:
    counts = {s: (f.title.text(), f.count.text()) for s, f in board.columns.items()}
    assert counts[State.IDEA] == ("Ý tưởng đăng ký", "8")
    assert counts[State.READY] == ("Sẵn sàng gửi", "15")
    assert sum(int(c) for _t, c in counts.values()) == 80


def test_a_card_holds_code_title_author_helper_and_errors(board: BoardScreen) -> None:
    card = board.columns[State.DRAFTING].model.index(0).data(CARD_ROLE)
    assert card.code.startswith("SK-")
    assert card.title and card.credited_author and card.assigned_to and card.due_on
    assert card.error_count == 2


def test_long_column_ends_with_a_more_line(board: BoardScreen) -> None:
    board.column_limit = 5
    board.reload()
    model = board.columns[State.RECOGNISED].model
    assert model.rowCount() == 6
    more = model.index(5)
    assert more.data() == "+10 sáng kiến nữa"
    assert "Cột chỉ hiện 5 thẻ đầu" in more.data(Qt.ItemDataRole.ToolTipRole)
    assert not model.flags(more) & Qt.ItemFlag.ItemIsDragEnabled


def test_demo_initiative_moves_through_every_state(
    window_board: BoardScreen,
    demo_db: Database,
    profile: ProgramProfile,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    board = window_board
    idea = first_in(demo_db, State.IDEA)
    before = len(moves_of(demo_db, idea.id))
    asked = answer_moves(
        monkeypatch,
        MoveDetails(
            submitted_on=date.today() - timedelta(days=30),
            uploaded_on=date.today(),
        ),
    )
    path = [
        State.DRAFTING,
        State.SUBMITTED,
        State.RECOGNISED,
        State.READY,
        State.EXPORTED,
        State.UPLOADED,
    ]
    for target in path:
        if target == State.RECOGNISED:
            # The council's decision arrives; the team writes it into the dossier.
            record = get_record(demo_db, idea.id)
            record.recognition = Recognition(
                "COUNCIL", "Hội đồng sáng kiến", "7/QĐ-HĐSK", date.today() - timedelta(days=5)
            )
            record.content_review = ContentReview(ACTOR, date.today() - timedelta(days=4))
            save_record(demo_db, record, profile, ACTOR)
        assert board.drop([idea.id], target)
        assert idea.id in column_ids(board, target)
    assert asked == [State.SUBMITTED, State.RECOGNISED, State.UPLOADED]
    assert moves_of(demo_db, idea.id)[before:] == [
        ("IDEA", "DRAFTING", ACTOR),
        ("DRAFTING", "SUBMITTED", ACTOR),
        ("SUBMITTED", "RECOGNISED", ACTOR),
        ("RECOGNISED", "READY", ACTOR),
        ("READY", "EXPORTED", ACTOR),
        ("EXPORTED", "UPLOADED", ACTOR),
    ]
    assert board.feedback.text() == f"Đã chuyển {idea.code} sang “Đã lên Cổng”."


def test_forbidden_drop_is_refused_with_a_message_and_nothing_changes(
    board: BoardScreen, demo_db: Database
) -> None:
    idea = first_in(demo_db, State.IDEA)
    before = moves_of(demo_db, idea.id)
    assert not board.drop([idea.id], State.READY)
    assert not board.feedback.isHidden()
    assert board.feedback.text() == (
        f"Không được chuyển {idea.code} từ “Ý tưởng đăng ký” sang “Sẵn sàng gửi”. "
        "Từ “Ý tưởng đăng ký” chỉ chuyển được sang “Đang hoàn thiện hồ sơ”."
    )
    assert status_of(demo_db, idea.id) == State.IDEA
    assert moves_of(demo_db, idea.id) == before
    assert idea.id in column_ids(board, State.IDEA)


def test_ready_is_refused_for_a_dossier_with_errors(board: BoardScreen, demo_db: Database) -> None:
    spoiled = first_in(demo_db, State.RECOGNISED, errors=True)
    board.drop([spoiled.id], State.READY)
    assert f"Sáng kiến {spoiled.code} còn" in board.feedback.text()
    assert "lỗi nên chưa sẵn sàng gửi" in board.feedback.text()
    assert board.feedback.property("role") == "error"
    assert status_of(demo_db, spoiled.id) == State.RECOGNISED


def test_cancelling_the_move_dialog_moves_nothing(
    board: BoardScreen, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_moves(monkeypatch, None)
    drafting = first_in(demo_db, State.DRAFTING)
    assert not board.drop([drafting.id], State.SUBMITTED)
    assert status_of(demo_db, drafting.id) == State.DRAFTING
    assert board.feedback.text() == "Đã hủy — không chuyển sáng kiến nào."


def test_rejecting_asks_for_the_reason_and_keeps_it(
    board: BoardScreen, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_moves(monkeypatch, MoveDetails(reason="Chưa có tính mới."))
    submitted = first_in(demo_db, State.SUBMITTED)
    board.drop([submitted.id], State.REJECTED)
    assert asked == [State.REJECTED]
    with demo_db.reader() as session:
        assert session.get_one(Initiative, submitted.id).rejection_reason == "Chưa có tính mới."


def test_a_real_drag_and_drop_moves_the_card(
    qtbot: Any, board: BoardScreen, demo_db: Database
) -> None:
    idea = first_in(demo_db, State.IDEA)
    source = board.columns[State.IDEA]
    data = source.model.mimeData([source.model.index(source.model.row_of(idea.id))])
    target = board.columns[State.DRAFTING].view.viewport()
    args = (
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(QPoint(20, 20), *args)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    assert board.feedback.text() == "Thả để chuyển sang “Đang hoàn thiện hồ sơ”."
    drop = QDropEvent(QPointF(20, 20), *args)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: status_of(demo_db, idea.id) == State.DRAFTING)
    assert idea.id in column_ids(board, State.DRAFTING)


def test_drag_lights_up_the_allowed_columns(board: BoardScreen) -> None:
    board.drag_started(State.SUBMITTED)
    drops = {s: f.property("drop") for s, f in board.columns.items()}
    assert drops[State.SUBMITTED] == "source"
    assert {s for s, d in drops.items() if d == "allowed"} == {
        State.DRAFTING,
        State.RECOGNISED,
        State.REJECTED,
    }
    assert drops[State.IDEA] == drops[State.UPLOADED] == "forbidden"
    board.drag_finished()
    assert {f.property("drop") for f in board.columns.values()} == {""}


def test_hovering_a_forbidden_column_says_why(board: BoardScreen) -> None:
    board.hover(State.IDEA, State.EXPORTED)
    assert "Không được chuyển sáng kiến từ “Ý tưởng đăng ký” sang “Đã xuất gói”" in (
        board.feedback.text()
    )


def test_submitted_for_more_than_three_months_is_flagged_overdue(
    board: BoardScreen, demo_db: Database
) -> None:
    late, recent = column_ids(board, State.SUBMITTED)[:2]
    with demo_db.session() as session:
        for initiative_id, days in ((late, 100), (recent, 10)):
            session.execute(
                update(Initiative)
                .where(Initiative.id == initiative_id)
                .values(submitted_on=date.today() - timedelta(days=days))
            )
    board.reload()
    model = board.columns[State.SUBMITTED].model
    assert model.index(model.row_of(late)).data(CARD_ROLE).flag == Flag.DECISION_OVERDUE
    assert "Quá hạn 3 tháng" in model.index(model.row_of(late)).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(model.row_of(recent)).data(CARD_ROLE).flag is None
    assert board.overdue_label.text() == "Quá hạn 3 tháng: 9"


def test_ready_waiting_more_than_fourteen_days_is_counted(board: BoardScreen) -> None:
    assert board.waiting_label.text() == "Chờ gửi quá 14 ngày: 15"
    cards = board.columns[State.READY].model.cards
    assert {c.flag for c in cards} == {Flag.WAITING_TO_SEND}


def test_helper_filter_keeps_only_that_helpers_cards(board: BoardScreen) -> None:
    board.helper_filter.setCurrentIndex(board.helper_filter.findData("Đỗ Thu Hà"))
    cards = [c for f in board.columns.values() for c in f.model.cards]
    assert cards
    assert {c.assigned_to for c in cards} == {"Đỗ Thu Hà"}


def test_typing_in_the_filter_narrows_the_board(qtbot: Any, board: BoardScreen) -> None:
    qtbot.keyClicks(board.search, "nguyen dang khoa")
    qtbot.waitUntil(lambda: sum(f.model.rowCount() for f in board.columns.values()) == 1)
    cards = [c for f in board.columns.values() for c in f.model.cards]
    assert [c.credited_author for c in cards] == ["Nguyễn Đăng Khoa"]


def test_card_menu_opens_the_initiative(qtbot: Any, board: BoardScreen, demo_db: Database) -> None:
    idea = first_in(demo_db, State.IDEA)
    menu = board.card_menu([idea.id])
    with qtbot.waitSignal(board.open_requested) as opened:
        menu.findChild(type(menu.actions()[0]), "openAction").trigger()
    assert opened.args == [idea.id]


def test_card_menu_offers_only_the_allowed_moves(board: BoardScreen, demo_db: Database) -> None:
    submitted = first_in(demo_db, State.SUBMITTED)
    menu = board.card_menu([submitted.id])
    move_menu = next(a.menu() for a in menu.actions() if a.menu())
    assert [a.text() for a in move_menu.actions()] == [
        "Đang hoàn thiện hồ sơ",
        "Đã được công nhận",
        "Không được công nhận",
    ]


def test_card_menu_moves_the_card(board: BoardScreen, demo_db: Database) -> None:
    idea = first_in(demo_db, State.IDEA)
    menu = board.card_menu([idea.id])
    move_menu = next(a.menu() for a in menu.actions() if a.menu())
    move_menu.actions()[0].trigger()
    assert status_of(demo_db, idea.id) == State.DRAFTING


def test_card_menu_assigns_a_helper(
    board: BoardScreen, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        AssignDialog, "ask", classmethod(lambda *_a, **_k: ("Đỗ Thu Hà", date(2024, 5, 2)))
    )
    idea = first_in(demo_db, State.IDEA)
    menu = board.card_menu([idea.id])
    next(a for a in menu.actions() if a.objectName() == "assignAction").trigger()
    card = board.card(idea.id)
    assert card is not None
    assert (card.assigned_to, card.due_on) == ("Đỗ Thu Hà", date(2024, 5, 2))
    assert board.feedback.text() == f"Đã giao {idea.code} cho Đỗ Thu Hà."


def test_a_move_updates_the_ready_count_in_the_status_bar(
    window: MainWindow, window_board: BoardScreen, demo_db: Database
) -> None:
    ready = first_in(demo_db, State.READY)
    window_board.drop([ready.id], State.EXPORTED)
    assert window.ready_label.text() == "14 sáng kiến sẵn sàng gửi"


def test_move_dialog_asks_the_receipt_date_for_submitted(qtbot: Any) -> None:
    dialog = MoveDialog(None, "SK-2023-0001", State.SUBMITTED)
    qtbot.addWidget(dialog)
    assert dialog.date_edit is not None and dialog.reason_edit is None
    assert dialog.details().submitted_on == date.today()


def test_move_dialog_needs_a_reason_before_rejecting(qtbot: Any) -> None:
    dialog = MoveDialog(None, "SK-2023-0001", State.REJECTED)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    assert dialog.reason_edit is not None
    dialog.reason_edit.setPlainText("Trùng giải pháp đã có")
    assert ok.isEnabled()
    assert dialog.details().reason == "Trùng giải pháp đã có"


# Bulk actions of the initiatives list ------------------------------------------------------
def select_states(window: MainWindow, states: set[str]) -> list[str]:
    screen = window.initiatives_screen
    column = [c.key for c in screen.model.columns].index("status")
    selection = screen.table.selectionModel()
    for row in range(screen.model.rowCount()):
        if screen.model.index(row, column).data(RAW_ROLE) in states:
            selection.select(
                screen.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    return screen.selected_ids()


# The offscreen platform cannot size a real window; the summary dialog opens for real here.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_bulk_move_reports_the_refused_ones_in_one_summary(
    qtbot: Any, window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_screen("initiatives")
    ids = select_states(window, {"IDEA", "DRAFTING"})
    assert len(ids) == 20
    monkeypatch.setattr(StateDialog, "ask", classmethod(lambda *_a: State.SUBMITTED))
    answer_moves(monkeypatch, MoveDetails(submitted_on=date.today()))
    window.initiatives_screen.move_action.trigger()
    qtbot.waitUntil(lambda: window.initiatives_screen.findChild(MoveReportDialog) is not None)
    report = window.initiatives_screen.findChild(MoveReportDialog)
    assert report.summary.text() == (
        "Đã chuyển 12 sáng kiến sang “Đã nộp Hội đồng”. 8 sáng kiến không chuyển được."
    )
    assert report.refusals.count() == 8
    assert "không được chuyển từ “Ý tưởng đăng ký”" in report.refusals.item(0).text()
    with demo_db.reader() as session:
        states = session.scalars(select(Initiative.status).where(Initiative.id.in_(ids)))
        assert sorted(states) == ["IDEA"] * 8 + ["SUBMITTED"] * 12
    assert window.ready_label.text() == "15 sáng kiến sẵn sàng gửi"


def test_bulk_assign_gives_every_selected_dossier_the_helper(
    window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_screen("initiatives")
    ids = select_states(window, {"IDEA"})
    monkeypatch.setattr(AssignDialog, "ask", classmethod(lambda *_a, **_k: ("Bùi Quang Huy", None)))
    window.initiatives_screen.assign_action.trigger()
    with demo_db.reader() as session:
        helpers = session.scalars(select(Initiative.assigned_to).where(Initiative.id.in_(ids)))
        assert set(helpers) == {"Bùi Quang Huy"}


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_double_click_on_a_card_opens_one_editor(
    qtbot: Any, window: MainWindow, window_board: BoardScreen, demo_db: Database
) -> None:
    idea = first_in(demo_db, State.IDEA)
    view = window_board.columns[State.IDEA].view
    index = view.model().index(column_ids(window_board, State.IDEA).index(idea.id), 0)
    double_click(qtbot, view, index)
    qtbot.waitUntil(lambda: bool(open_editors(window)))
    QApplication.processEvents()
    assert [e.record.id for e in open_editors(window)] == [idea.id]


def typing_into_move_dialog(qtbot: Any, monkeypatch: pytest.MonkeyPatch, typed: str) -> list[str]:
    """MoveDialog runs as the person uses it: ``typed`` over the date it shows, then Enter.
    Returns the messages it showed."""
    said: list[str] = []

    def exec_(dialog: MoveDialog) -> int:
        field = dialog.date_edit
        assert field is not None
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        said.extend(box.text() for box in dialog.findChildren(QMessageBox))
        return dialog.result()

    monkeypatch.setattr(MoveDialog, "exec", exec_)
    return said


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_receipt_date_typed_over_todays_is_the_one_stored(
    qtbot: Any, board: BoardScreen, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafting = first_in(demo_db, State.DRAFTING)
    said = typing_into_move_dialog(qtbot, monkeypatch, "20/03/2023")
    assert board.drop([drafting.id], State.SUBMITTED)
    assert said == []
    assert get_record(demo_db, drafting.id).submitted_on == date(2023, 3, 20)


@pytest.mark.qt_log_ignore("This plugin does not support")
@pytest.mark.parametrize("typed", ["31/02/2023", "00/00/0000"])
def test_an_impossible_receipt_date_is_refused_by_name(
    qtbot: Any,
    board: BoardScreen,
    demo_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
) -> None:
    drafting = first_in(demo_db, State.DRAFTING)
    said = typing_into_move_dialog(qtbot, monkeypatch, typed)
    assert not board.drop([drafting.id], State.SUBMITTED)
    assert said == [
        f"Ngày Hội đồng nhận đơn: “{typed}” không phải ngày có thật; gõ ngày/tháng/năm, "
        "ví dụ 20/03/2023."
    ]
    assert status_of(demo_db, drafting.id) == State.DRAFTING
