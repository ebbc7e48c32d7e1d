"""Dates stored before the inputs bounded them (issue 16): a receipt in year 9999 or 0001 in
an older database no longer fails the board with an OverflowError."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import update

from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import io
from sangkien_desktop.services.initiatives import import_records
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative
from sangkien_desktop.workflow.board import add_months, load_board
from sangkien_desktop.workflow.states import State
from tests.records.conftest import EXAMPLE


def test_months_beyond_the_calendar_stop_at_its_ends() -> None:
    assert add_months(date(9999, 12, 31), 3) == date.max
    assert add_months(date(9999, 10, 31), 2) == date(9999, 12, 31)
    assert add_months(date(1, 2, 15), -3) == date.min
    assert add_months(date(1, 4, 30), -3) == date(1, 1, 30)


def test_a_board_with_a_receipt_stored_in_year_9999_loads(
    db: Database, profile: ProgramProfile
) -> None:
    raw = {**EXAMPLE, "status": "SUBMITTED", "submitted_on": "2022-04-01"}
    import_records(db, [io.parse_record(raw, profile)], profile)
    with db.session() as session:
        session.execute(update(Initiative).values(submitted_on=date(9999, 12, 31)))
    board = load_board(db, profile, now=datetime(2024, 6, 15, 10, 0))
    [card] = board.column(State.SUBMITTED).cards
    assert card.code == EXAMPLE["code"]
