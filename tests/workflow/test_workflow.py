"""The workflow: the table of allowed moves, and the service that moves and records."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sangkien_desktop.errors import NotFoundError, WorkflowError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records.model import ContentReview, Recognition
from sangkien_desktop.services.initiatives import get_record, save_record
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative, WorkflowEvent
from sangkien_desktop.workflow.service import Move, assign, assign_many, move, move_many
from sangkien_desktop.workflow.states import (
    STATES,
    TRANSITIONS,
    State,
    allowed,
    next_steps,
    state_name,
)

ACTOR = "Đỗ Thu Hà"


def first_in(db: Database, state: State, *, errors: bool | None = None) -> Initiative:
    with db.reader() as session:
        query = select(Initiative).where(Initiative.status == state).order_by(Initiative.code)
        if errors is not None:
            query = query.where((Initiative.error_count > 0) == errors)
        row = session.scalars(query).first()
        assert row is not None
        return row


def reread(db: Database, initiative_id: str) -> Initiative:
    with db.reader() as session:
        row = session.get(Initiative, initiative_id)
        assert row is not None
        return row


def events(db: Database, initiative_id: str) -> list[tuple[str | None, str, str, str]]:
    with db.reader() as session:
        rows = session.scalars(
            select(WorkflowEvent)
            .where(WorkflowEvent.initiative_id == initiative_id)
            .order_by(WorkflowEvent.id)
        )
        return [(e.from_state, e.to_state, e.actor, e.comment) for e in rows]


def record_recognition(db: Database, profile: ProgramProfile, initiative_id: str) -> None:
    """What the team does when the council's decision arrives: write it into the dossier."""
    record = get_record(db, initiative_id)
    record.recognition = Recognition("COUNCIL", "Hội đồng sáng kiến Công ty", "12/QĐ-HĐSK", None)
    record.recognition.decided_on = (record.submitted_on or date(2023, 5, 1)) + timedelta(days=10)
    record.content_review = ContentReview(ACTOR, record.recognition.decided_on)
    save_record(db, record, profile, ACTOR)


# The table ---------------------------------------------------------------------------------
def test_every_state_has_a_name_and_a_row_in_the_table() -> None:
    assert set(TRANSITIONS) == set(State) == set(STATES)
    assert all(info.name for info in STATES.values())


def test_uploaded_is_the_last_step() -> None:
    assert TRANSITIONS[State.UPLOADED] == ()
    assert "bước cuối" in next_steps(State.UPLOADED)


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (State.IDEA, State.DRAFTING, True),
        (State.IDEA, State.READY, False),
        (State.IDEA, State.SUBMITTED, False),
        (State.DRAFTING, State.IDEA, True),
        (State.SUBMITTED, State.REJECTED, True),
        (State.REJECTED, State.RECOGNISED, False),
        (State.RECOGNISED, State.READY, True),
        (State.READY, State.UPLOADED, False),
        (State.EXPORTED, State.UPLOADED, True),
        (State.UPLOADED, State.EXPORTED, False),
        (State.READY, State.READY, False),
    ],
)
def test_allowed_follows_the_table(source: State, target: State, expected: bool) -> None:
    assert allowed(source, target) is expected


def test_next_steps_names_the_allowed_targets_in_vietnamese() -> None:
    assert next_steps(State.SUBMITTED) == (
        "Từ “Đã nộp Hội đồng” chỉ chuyển được sang “Đang hoàn thiện hồ sơ”, "
        "“Đã được công nhận”, “Không được công nhận”."
    )


# Moving ------------------------------------------------------------------------------------
def test_move_records_an_event_with_actor_and_states(
    demo_db: Database, profile: ProgramProfile
) -> None:
    idea = first_in(demo_db, State.IDEA)
    before = len(events(demo_db, idea.id))
    assert move(demo_db, idea.id, Move(State.DRAFTING, actor=ACTOR, comment="Bắt đầu"), profile)
    row = reread(demo_db, idea.id)
    assert row.status == State.DRAFTING
    assert row.status_changed_at is not None
    assert events(demo_db, idea.id)[before:] == [("IDEA", "DRAFTING", ACTOR, "Bắt đầu")]


def test_move_finds_an_initiative_by_its_code(demo_db: Database, profile: ProgramProfile) -> None:
    idea = first_in(demo_db, State.IDEA)
    move(demo_db, idea.code, Move(State.DRAFTING, actor=ACTOR), profile)
    assert reread(demo_db, idea.id).status == State.DRAFTING


def test_unknown_initiative_is_not_found(demo_db: Database, profile: ProgramProfile) -> None:
    with pytest.raises(NotFoundError, match="SK-1999-0001"):
        move(demo_db, "SK-1999-0001", Move(State.DRAFTING), profile)


def test_forbidden_move_is_refused_and_changes_nothing(
    demo_db: Database, profile: ProgramProfile
) -> None:
    idea = first_in(demo_db, State.IDEA)
    before = events(demo_db, idea.id)
    with pytest.raises(WorkflowError) as caught:
        move(demo_db, idea.id, Move(State.READY, actor=ACTOR), profile)
    assert caught.value.message.startswith(
        f"Sáng kiến {idea.code}: không được chuyển từ “Ý tưởng đăng ký” sang “Sẵn sàng gửi”."
    )
    assert "chỉ chuyển được sang “Đang hoàn thiện hồ sơ”" in caught.value.message
    assert reread(demo_db, idea.id).status == State.IDEA
    assert events(demo_db, idea.id) == before


def test_unknown_state_is_refused(demo_db: Database, profile: ProgramProfile) -> None:
    idea = first_in(demo_db, State.IDEA)
    with pytest.raises(WorkflowError, match="không tồn tại"):
        move(demo_db, idea.id, Move("ARCHIVED"), profile)


def test_submitting_needs_the_receipt_date(demo_db: Database, profile: ProgramProfile) -> None:
    drafting = first_in(demo_db, State.DRAFTING)
    with pytest.raises(WorkflowError, match="ngày Hội đồng nhận đơn"):
        move(demo_db, drafting.id, Move(State.SUBMITTED), profile)
    assert reread(demo_db, drafting.id).status == State.DRAFTING


def test_submitting_stores_the_receipt_date(demo_db: Database, profile: ProgramProfile) -> None:
    drafting = first_in(demo_db, State.DRAFTING)
    received = date.today() - timedelta(days=3)
    move(demo_db, drafting.id, Move(State.SUBMITTED, submitted_on=received), profile)
    assert reread(demo_db, drafting.id).submitted_on == received


def test_receipt_date_after_today_is_refused(demo_db: Database, profile: ProgramProfile) -> None:
    drafting = first_in(demo_db, State.DRAFTING)
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(WorkflowError, match="ở sau hôm nay"):
        move(demo_db, drafting.id, Move(State.SUBMITTED, submitted_on=tomorrow), profile)
    assert reread(demo_db, drafting.id).status == State.DRAFTING


def test_rejecting_needs_a_reason(demo_db: Database, profile: ProgramProfile) -> None:
    submitted = first_in(demo_db, State.SUBMITTED)
    with pytest.raises(WorkflowError, match="lý do không công nhận"):
        move(demo_db, submitted.id, Move(State.REJECTED, reason="  "), profile)


def test_rejecting_keeps_the_reason_on_the_row_and_the_event(
    demo_db: Database, profile: ProgramProfile
) -> None:
    submitted = first_in(demo_db, State.SUBMITTED)
    reason = "Giải pháp chưa có tính mới."
    move(demo_db, submitted.id, Move(State.REJECTED, actor=ACTOR, reason=reason), profile)
    assert reread(demo_db, submitted.id).rejection_reason == reason
    assert events(demo_db, submitted.id)[-1] == ("SUBMITTED", "REJECTED", ACTOR, reason)


def test_recognising_needs_the_recognition_decision(
    demo_db: Database, profile: ProgramProfile
) -> None:
    submitted = first_in(demo_db, State.SUBMITTED)
    with pytest.raises(WorkflowError, match="quyết định công nhận"):
        move(demo_db, submitted.id, Move(State.RECOGNISED), profile)


def test_ready_is_refused_while_the_dossier_has_errors(
    demo_db: Database, profile: ProgramProfile
) -> None:
    spoiled = first_in(demo_db, State.RECOGNISED, errors=True)
    with pytest.raises(WorkflowError) as caught:
        move(demo_db, spoiled.id, Move(State.READY), profile)
    assert re.match(
        rf"Sáng kiến {spoiled.code} còn \d+ lỗi nên chưa sẵn sàng gửi", str(caught.value)
    )
    assert reread(demo_db, spoiled.id).status == State.RECOGNISED


def test_ready_is_reached_by_a_dossier_without_errors(
    demo_db: Database, profile: ProgramProfile
) -> None:
    clean = first_in(demo_db, State.RECOGNISED, errors=False)
    move(demo_db, clean.id, Move(State.READY), profile)
    assert reread(demo_db, clean.id).status == State.READY


def test_uploading_needs_a_date(demo_db: Database, profile: ProgramProfile) -> None:
    exported = first_in(demo_db, State.EXPORTED)
    with pytest.raises(WorkflowError, match="ngày đã cập nhật lên Cổng"):
        move(demo_db, exported.id, Move(State.UPLOADED), profile)
    move(demo_db, exported.id, Move(State.UPLOADED, uploaded_on=date.today()), profile)
    assert reread(demo_db, exported.id).uploaded_on == date.today()


def test_an_initiative_travels_the_whole_path(demo_db: Database, profile: ProgramProfile) -> None:
    idea = first_in(demo_db, State.IDEA)
    before = len(events(demo_db, idea.id))
    steps = [
        Move(State.DRAFTING, actor=ACTOR),
        Move(State.SUBMITTED, actor=ACTOR, submitted_on=date.today() - timedelta(days=20)),
        Move(State.RECOGNISED, actor=ACTOR),
        Move(State.READY, actor=ACTOR),
        Move(State.EXPORTED, actor=ACTOR, bundle_id="goi-01"),
        Move(State.UPLOADED, actor=ACTOR, uploaded_on=date.today()),
    ]
    for step in steps:
        if step.target == State.RECOGNISED:
            record_recognition(demo_db, profile, idea.id)
        move(demo_db, idea.id, step, profile)
    moves = [e[:3] for e in events(demo_db, idea.id)[before:]]
    assert moves == [
        ("IDEA", "DRAFTING", ACTOR),
        ("DRAFTING", "SUBMITTED", ACTOR),
        ("SUBMITTED", "RECOGNISED", ACTOR),
        ("RECOGNISED", "READY", ACTOR),
        ("READY", "EXPORTED", ACTOR),
        ("EXPORTED", "UPLOADED", ACTOR),
    ]
    assert reread(demo_db, idea.id).bundle_id == "goi-01"


def test_move_many_moves_each_and_reports_the_refused(
    demo_db: Database, profile: ProgramProfile
) -> None:
    idea = first_in(demo_db, State.IDEA)
    ready = first_in(demo_db, State.READY)
    report = move_many(demo_db, [idea.id, ready.id], Move(State.DRAFTING, actor=ACTOR), profile)
    assert report.moved == [idea.code]
    assert [code for code, _reason in report.refused] == [ready.code]
    assert "không được chuyển từ “Sẵn sàng gửi”" in report.refused[0][1]
    assert reread(demo_db, idea.id).status == State.DRAFTING
    assert reread(demo_db, ready.id).status == State.READY


def test_move_many_stops_when_asked(demo_db: Database, profile: ProgramProfile) -> None:
    with demo_db.reader() as session:
        ids = list(session.scalars(select(Initiative.id).where(Initiative.status == State.IDEA)))
    report = move_many(
        demo_db, ids, Move(State.DRAFTING), profile, progress=lambda done, _total: done < 2
    )
    assert report.stopped
    assert len(report.moved) == 2


# Assigning ---------------------------------------------------------------------------------
def test_assign_gives_the_dossier_a_helper_and_due_date(demo_db: Database) -> None:
    idea = first_in(demo_db, State.IDEA)
    assign(demo_db, idea.code, "  Đỗ Thu Hà ", date(2024, 3, 1))
    row = reread(demo_db, idea.id)
    assert (row.assigned_to, row.due_on) == ("Đỗ Thu Hà", date(2024, 3, 1))


def test_assign_many_changes_every_dossier(demo_db: Database) -> None:
    with demo_db.reader() as session:
        ids = list(session.scalars(select(Initiative.id).where(Initiative.status == State.IDEA)))
    assert assign_many(demo_db, ids, "Bùi Quang Huy", None) == len(ids)
    assert {reread(demo_db, i).assigned_to for i in ids} == {"Bùi Quang Huy"}


def test_state_names_are_vietnamese() -> None:
    assert state_name("SUBMITTED") == "Đã nộp Hội đồng"
