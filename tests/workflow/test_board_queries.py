"""The board's queries: columns, limits, filters and the two attention flags."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, update

from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative
from sangkien_desktop.workflow.board import (
    UNASSIGNED,
    BoardFilter,
    Flag,
    add_months,
    decision_deadline,
    helpers,
    load_board,
    overdue_cutoff,
)
from sangkien_desktop.workflow.states import STATES, State

NOW = datetime(2024, 6, 15, 10, 0)


def set_values(db: Database, code: str, **values: object) -> None:
    with db.session() as session:
        session.execute(update(Initiative).where(Initiative.code == code).values(**values))


def codes_in(db: Database, state: State) -> list[str]:
    with db.reader() as session:
        query = select(Initiative.code).where(Initiative.status == state)
        return list(session.scalars(query.order_by(Initiative.code)))


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month() -> None:
    assert add_months(date(2024, 1, 15), 3) == date(2024, 4, 15)
    assert add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)
    assert add_months(date(2024, 5, 31), -3) == date(2024, 2, 29)


def test_decision_deadline_is_three_months_after_receipt(profile: ProgramProfile) -> None:
    assert decision_deadline(date(2023, 3, 10), profile) == date(2023, 6, 10)


@given(
    received=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    today=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    months=st.integers(1, 12),
)
def test_overdue_cutoff_agrees_with_the_deadline(received: date, today: date, months: int) -> None:
    overdue = add_months(received, months) < today
    assert (received <= overdue_cutoff(today, months)) is overdue


def test_board_has_a_column_per_state_with_totals(
    demo_db: Database, profile: ProgramProfile
) -> None:
    board = load_board(demo_db, profile, now=NOW)
    assert [c.state for c in board.columns] == list(STATES)
    assert {c.state: c.total for c in board.columns} == {
        s: len(codes_in(demo_db, s)) for s in STATES
    }
    assert sum(c.total for c in board.columns) == 80


def test_a_column_is_cut_at_its_limit_and_counts_the_rest(
    demo_db: Database, profile: ProgramProfile
) -> None:
    column = load_board(demo_db, profile, limit=5, now=NOW).column(State.RECOGNISED)
    assert (len(column.cards), column.total, column.hidden) == (5, 15, 10)


def test_submitted_past_the_legal_deadline_is_flagged(
    demo_db: Database, profile: ProgramProfile
) -> None:
    late, recent = codes_in(demo_db, State.SUBMITTED)[:2]
    set_values(demo_db, late, submitted_on=date(2024, 3, 14))  # deadline 14/06/2024
    set_values(demo_db, recent, submitted_on=date(2024, 3, 15))  # deadline today
    cards = {c.code: c for c in load_board(demo_db, profile, now=NOW).column("SUBMITTED").cards}
    assert cards[late].flag == Flag.DECISION_OVERDUE
    assert cards[late].decision_due == date(2024, 6, 14)
    assert cards[recent].flag is None


def test_ready_not_exported_for_fourteen_days_is_flagged(
    demo_db: Database, profile: ProgramProfile
) -> None:
    waiting, fresh = codes_in(demo_db, State.READY)[:2]
    set_values(demo_db, waiting, status_changed_at=NOW - timedelta(days=15))
    set_values(demo_db, fresh, status_changed_at=NOW - timedelta(days=13))
    cards = {c.code: c for c in load_board(demo_db, profile, now=NOW).column("READY").cards}
    assert cards[waiting].flag == Flag.WAITING_TO_SEND
    assert cards[fresh].flag is None


def test_attention_counts_match_the_flagged_cards(
    demo_db: Database, profile: ProgramProfile
) -> None:
    set_values(demo_db, codes_in(demo_db, State.READY)[0], status_changed_at=NOW)
    board = load_board(demo_db, profile, now=NOW)
    flags = [c.flag for column in board.columns for c in column.cards]
    assert board.overdue == flags.count(Flag.DECISION_OVERDUE) == 10
    assert board.waiting == flags.count(Flag.WAITING_TO_SEND) == 14


def test_attention_filter_keeps_only_flagged_dossiers(
    demo_db: Database, profile: ProgramProfile
) -> None:
    board = load_board(demo_db, profile, BoardFilter(attention_only=True), now=NOW)
    cards = [c for column in board.columns for c in column.cards]
    assert cards
    assert all(c.flag is not None for c in cards)


def test_helper_filter_keeps_their_dossiers(demo_db: Database, profile: ProgramProfile) -> None:
    board = load_board(demo_db, profile, BoardFilter(helper="Đỗ Thu Hà"), now=NOW)
    cards = [c for column in board.columns for c in column.cards]
    assert cards
    assert {c.assigned_to for c in cards} == {"Đỗ Thu Hà"}


def test_unassigned_filter_keeps_the_dossiers_nobody_has(
    demo_db: Database, profile: ProgramProfile
) -> None:
    board = load_board(demo_db, profile, BoardFilter(helper=UNASSIGNED), now=NOW)
    assert board.column(State.IDEA).total == 8
    assert sum(c.total for c in board.columns) == 8


def test_text_filter_matches_without_diacritics(demo_db: Database, profile: ProgramProfile) -> None:
    board = load_board(demo_db, profile, BoardFilter(text="nguyen dang khoa"), now=NOW)
    cards = [c for column in board.columns for c in column.cards]
    assert [c.credited_author for c in cards] == ["Nguyễn Đăng Khoa"]


def test_helpers_are_listed_by_given_name(demo_db: Database) -> None:
    assert helpers(demo_db) == ["Đỗ Thu Hà", "Bùi Quang Huy", "Lê Minh Tâm"]
