"""The history of an initiative: workflow events, newest first."""

from __future__ import annotations

import itertools

from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.services.history import initiative_history
from sangkien_desktop.services.initiatives import InitiativeFilter, list_ids, save_record
from sangkien_desktop.storage import Database
from sangkien_desktop.workflow.service import Move, move


def test_history_lists_moves_newest_first(db: Database, profile: ProgramProfile) -> None:
    record = save_record(
        db, InitiativeRecord(id="", code="", title="Thử", kind="KY_THUAT"), profile, "Lê Minh Tâm"
    )
    move(db, record.id, Move("DRAFTING", actor="Đỗ Thu Hà", comment="Bắt đầu"), profile)
    history = initiative_history(db, record.id)
    assert [(h.from_state, h.to_state) for h in history] == [("IDEA", "DRAFTING"), (None, "IDEA")]
    assert history[0].actor == "Đỗ Thu Hà"
    assert history[0].comment == "Bắt đầu"
    assert history[1].comment == "Tạo mới"


def test_demo_initiative_has_its_whole_path(demo_db: Database) -> None:
    with demo_db.reader() as session:
        uploaded = list_ids(session, InitiativeFilter(states=("UPLOADED",)))[0]
    history = initiative_history(demo_db, uploaded)
    assert [h.to_state for h in history] == [
        "UPLOADED",
        "EXPORTED",
        "READY",
        "RECOGNISED",
        "SUBMITTED",
        "DRAFTING",
        "IDEA",
    ]
    assert all(a.at >= b.at for a, b in itertools.pairwise(history))


def test_unknown_initiative_has_no_history(db: Database) -> None:
    assert initiative_history(db, "no-such-id") == []
