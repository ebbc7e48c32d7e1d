"""One core answer to "why can this initiative not move there now?", shared by the move itself,
the editor's move buttons, the board, the list and the CLI."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sangkien_desktop.errors import WorkflowError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records.model import Recognition
from sangkien_desktop.security import access
from sangkien_desktop.security.users import authenticate
from sangkien_desktop.services.demo import DEMO_PASSWORD, add_demo_accounts
from sangkien_desktop.services.initiatives import get_record
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative
from sangkien_desktop.workflow.service import Move, move, why_not
from sangkien_desktop.workflow.states import State


def first_id(db: Database, state: State, *, errors: bool | None = None) -> str:
    with db.reader() as session:
        query = select(Initiative.id).where(Initiative.status == state).order_by(Initiative.code)
        if errors is not None:
            query = query.where((Initiative.error_count > 0) == errors)
        found = session.scalars(query).first()
        assert found is not None
        return found


def test_an_allowed_move_has_no_reason(demo_db: Database, profile: ProgramProfile) -> None:
    record = get_record(demo_db, first_id(demo_db, State.IDEA))
    assert why_not(demo_db, record, State.DRAFTING, profile) is None


def test_a_move_outside_the_table_names_where_it_can_go(
    demo_db: Database, profile: ProgramProfile
) -> None:
    record = get_record(demo_db, first_id(demo_db, State.IDEA))
    reason = why_not(demo_db, record, State.RECOGNISED, profile)
    assert reason is not None
    assert record.code in reason and "chỉ chuyển được sang “Đang hoàn thiện hồ sơ”" in reason


def test_a_role_that_may_not_recognise_is_told_so(
    demo_db: Database, profile: ProgramProfile
) -> None:
    add_demo_accounts(demo_db)
    access.sign_in(demo_db, authenticate(demo_db, "hotro", DEMO_PASSWORD))
    record = get_record(demo_db, first_id(demo_db, State.SUBMITTED))
    assert why_not(demo_db, record, State.RECOGNISED, profile)
    assert why_not(demo_db, record, State.DRAFTING, profile) is None


def test_ready_gives_the_same_reason_as_the_move(
    demo_db: Database, profile: ProgramProfile
) -> None:
    key = first_id(demo_db, State.RECOGNISED, errors=True)
    reason = why_not(demo_db, get_record(demo_db, key), State.READY, profile)
    assert reason is not None and "chưa sẵn sàng gửi" in reason
    with pytest.raises(WorkflowError) as caught:
        move(demo_db, key, Move(State.READY), profile)
    assert caught.value.message == reason


def test_recognising_carries_the_decision_from_the_move(
    demo_db: Database, profile: ProgramProfile
) -> None:
    key = first_id(demo_db, State.SUBMITTED)
    decided = date.today() - timedelta(days=1)
    half = Recognition("COUNCIL", "Hội đồng sáng kiến Công ty", "", None)
    with pytest.raises(WorkflowError, match="cần số và ngày quyết định công nhận"):
        move(demo_db, key, Move(State.RECOGNISED, recognition=half), profile)
    assert get_record(demo_db, key).status == State.SUBMITTED
    whole = Recognition("COUNCIL", "Hội đồng sáng kiến Công ty", "15/QĐ-HĐSK", decided)
    move(demo_db, key, Move(State.RECOGNISED, recognition=whole), profile)
    stored = get_record(demo_db, key)
    assert stored.status == State.RECOGNISED
    assert stored.recognition == whole


def test_a_decision_dated_after_today_is_refused(
    demo_db: Database, profile: ProgramProfile
) -> None:
    key = first_id(demo_db, State.SUBMITTED)
    later = Recognition("HEAD", "", "1/QĐ", date.today() + timedelta(days=3))
    with pytest.raises(WorkflowError, match="ở sau hôm nay"):
        move(demo_db, key, Move(State.RECOGNISED, recognition=later), profile)
    assert get_record(demo_db, key).status == State.SUBMITTED


def test_the_reasons_come_in_english_for_the_english_screens(
    demo_db: Database, profile: ProgramProfile
) -> None:
    idea = get_record(demo_db, first_id(demo_db, State.IDEA))
    assert why_not(demo_db, idea, State.RECOGNISED, profile, lang="en") == (
        f"{idea.code}: it cannot go from “Registered idea” to “Recognised”. "
        "From “Registered idea” it can only go to “Completing the dossier”."
    )
    spoiled = get_record(demo_db, first_id(demo_db, State.RECOGNISED, errors=True))
    reason = why_not(demo_db, spoiled, State.READY, profile, lang="en")
    assert reason is not None and "so it is not ready to send — " in reason
