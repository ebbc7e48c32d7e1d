"""The hash-chained audit trail: rows written by the services, and tampering found."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from sangkien_desktop.cli import main
from sangkien_desktop.documents.settings import load_settings, save_settings
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.security.audit import history, record, verify_chain
from sangkien_desktop.services.initiatives import import_records, save_record
from sangkien_desktop.services.members import MemberData, add_member, delete_member
from sangkien_desktop.services.rewards import NewReward, add_reward
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.workflow.service import Move, move


def _new(title: str = "Thử") -> InitiativeRecord:
    return InitiativeRecord(id="", code="", title=title, kind="KY_THUAT")


def _fill(db: Database, profile: ProgramProfile) -> None:
    """Several audit rows of several kinds."""
    saved = save_record(db, _new(), profile, "Lê Minh Tâm")
    saved.title = "Thử lại"
    save_record(db, saved, profile, "Lê Minh Tâm")
    move(db, saved.id, Move("DRAFTING", actor="Đỗ Thu Hà"), profile)
    member = add_member(db, MemberData("Nguyễn Văn An"), actor="Đỗ Thu Hà")
    delete_member(db, member, actor="Đỗ Thu Hà")


def _sql(db: Database, statement: str) -> None:
    assert db.path is not None
    connection = sqlite3.connect(db.path)
    with connection:
        connection.execute(statement)
    connection.close()


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main([*args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_normal_database_passes(db: Database, profile: ProgramProfile) -> None:
    _fill(db, profile)
    assert len(history(db)) >= 6
    assert verify_chain(db) == []


def test_demo_database_passes(demo_db: Database) -> None:
    assert verify_chain(demo_db) == []


def test_save_writes_create_then_old_to_new_values(db: Database, profile: ProgramProfile) -> None:
    saved = save_record(db, _new("Dưỡng đo"), profile, "Lê Minh Tâm")
    saved.title = "Dưỡng đo mối hàn"
    save_record(db, saved, profile, "Đỗ Thu Hà")
    update, create = history(db, "initiative", saved.code)
    assert (create.action, create.actor) == ("create", "Lê Minh Tâm")
    assert create.changes["title"] == [None, "Dưỡng đo"]
    assert (update.action, update.actor) == ("update", "Đỗ Thu Hà")
    assert update.changes == {"title": ["Dưỡng đo", "Dưỡng đo mối hàn"]}


def test_saving_unchanged_record_writes_no_row(db: Database, profile: ProgramProfile) -> None:
    saved = save_record(db, _new(), profile)
    save_record(db, saved, profile)
    assert len(history(db, "initiative", saved.code)) == 1


def test_move_writes_from_and_to_state(db: Database, profile: ProgramProfile) -> None:
    saved = save_record(db, _new(), profile)
    move(db, saved.id, Move("DRAFTING", actor="Đỗ Thu Hà"), profile)
    last = history(db, "initiative", saved.code)[0]
    assert (last.action, last.actor, last.changes) == (
        "move",
        "Đỗ Thu Hà",
        {"status": ["IDEA", "DRAFTING"]},
    )


def test_import_writes_one_row_per_initiative(db: Database, profile: ProgramProfile) -> None:
    records = [
        InitiativeRecord(id=f"id-{i}", code=f"SK-2024-000{i}", title=f"Số {i}", kind="KY_THUAT")
        for i in (1, 2)
    ]
    import_records(db, records, profile, actor="Nhập tệp")
    records[0].title = "Số một"
    import_records(db, records[:1], profile, actor="Nhập tệp")
    rows = history(db, "initiative")
    assert [(r.entity_id, r.action) for r in rows] == [
        ("SK-2024-0001", "import"),
        ("SK-2024-0002", "import"),
        ("SK-2024-0001", "import"),
    ]
    assert rows[0].changes == {"title": ["Số 1", "Số một"]}
    assert rows[1].changes["title"] == [None, "Số 2"]
    assert verify_chain(db) == []


def test_member_and_reward_writes_are_recorded(db: Database) -> None:
    member = add_member(db, MemberData("Nguyễn Văn An", department="PX Hàn"), actor="Hà")
    add_reward(db, NewReward(recipient_name="Nguyễn Văn An", amount_vnd=500_000), actor="Hà")
    delete_member(db, member, actor="Hà")
    rows = history(db)
    assert [(r.entity, r.action) for r in rows[:3]] == [
        ("member", "delete"),
        ("reward", "create"),
        ("member", "create"),
    ]
    assert rows[0].changes["department"] == ["PX Hàn", None]
    assert rows[1].changes["amount_vnd"] == [None, 500_000]


def test_edited_row_fails_naming_that_row(db: Database, profile: ProgramProfile) -> None:
    _fill(db, profile)
    target = history(db)[2]
    _sql(db, f"UPDATE audit_log SET actor = 'Kẻ lạ' WHERE id = {target.id}")
    problems = verify_chain(db)
    assert [p.id for p in problems] == [target.id]
    assert f"Dòng nhật ký số {target.id}" in str(problems[0])


def test_deleted_middle_row_fails_naming_the_gap(db: Database, profile: ProgramProfile) -> None:
    _fill(db, profile)
    middle = history(db)[2]
    _sql(db, f"DELETE FROM audit_log WHERE id = {middle.id}")
    problems = verify_chain(db)
    assert [p.id for p in problems] == [middle.id + 1]
    assert f"thiếu dòng {middle.id}" in problems[0].message


def test_cli_verify_exits_1_naming_the_edited_row(
    db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(db, profile)
    assert db.path is not None
    code, out, _ = _run(capsys, "--db", str(db.path), "audit", "verify")
    assert code == 0, out
    target = history(db)[1]
    _sql(db, f"UPDATE audit_log SET changes = '{{}}' WHERE id = {target.id}")
    code, _, err = _run(capsys, "--db", str(db.path), "audit", "verify")
    assert code == 1
    assert f"Dòng nhật ký số {target.id}" in err


def test_cli_log_shows_old_and_new_values(
    db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = save_record(db, _new("Cũ"), profile)
    saved.title = "Mới"
    save_record(db, saved, profile)
    assert db.path is not None
    args = ("--db", str(db.path), "audit", "log", "--entity", "initiative", "--id", saved.code)
    code, out, _ = _run(capsys, *args)
    assert code == 0
    assert 'title: "Cũ" → "Mới"' in out


def test_two_writers_keep_one_chain(tmp_path: Path, db: Database) -> None:
    """Two connections appending at once still give an unbroken chain."""
    assert db.path is not None
    other = open_database(db.path)

    def write(database: Database, who: str) -> None:
        for i in range(30):
            with database.session() as session:
                record(session, who, "setting", f"k{i}", "update", {"v": [i, i + 1]})

    threads = [threading.Thread(target=write, args=(d, n)) for d, n in ((db, "A"), (other, "B"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()
    assert len(history(db, "setting", limit=100)) == 60
    assert verify_chain(db) == []


def test_settings_change_is_recorded(db: Database) -> None:
    settings = load_settings(db)
    settings.superior_body = "LĐLĐ tỉnh Thử"
    save_settings(db, settings, actor="Hà")
    row = history(db, "setting")[0]
    assert (row.actor, row.action) == ("Hà", "update")
    assert row.changes["superior_body"] == [None, "LĐLĐ tỉnh Thử"]
