"""The hash-chained audit trail: rows written by the services, and tampering found."""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from sangkien_desktop.cli import main
from sangkien_desktop.documents.settings import load_settings, save_settings
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.records.model import Author
from sangkien_desktop.security import audit
from sangkien_desktop.security.audit import (
    GENESIS,
    anchor_file,
    entry_hash,
    history,
    read_anchor,
    record,
    verify,
    verify_chain,
)
from sangkien_desktop.services.initiatives import import_records, save_record
from sangkien_desktop.services.members import (
    MemberData,
    add_member,
    delete_member,
    import_members,
)
from sangkien_desktop.services.rewards import NewReward, add_reward
from sangkien_desktop.services.units import UnitDetails, init_unit
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


def _sql(db: Database, statement: str, *, drop_triggers: bool = True) -> None:
    """Plain SQL on the file, as someone with a SQL tool would; by default after dropping the
    append-only triggers first (what it takes to tamper at all)."""
    if db.path is None:  # PostgreSQL
        with db.engine.begin() as server:
            if drop_triggers:
                for name in ("audit_log_no_update", "audit_log_no_delete"):
                    server.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON audit_log")
            server.exec_driver_sql(statement)
        return
    connection = sqlite3.connect(db.path)
    try:
        with connection:
            if drop_triggers:
                connection.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
                connection.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
            connection.execute(statement)
    finally:
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
    code, out, _ = _run(capsys, "--db", db.url, "audit", "verify")
    assert code == 0, out
    target = history(db)[1]
    _sql(db, f"UPDATE audit_log SET changes = '{{}}' WHERE id = {target.id}")
    code, _, err = _run(capsys, "--db", db.url, "audit", "verify")
    assert code == 1
    assert f"Dòng nhật ký số {target.id}" in err


def test_cli_log_shows_old_and_new_values(
    db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = save_record(db, _new("Cũ"), profile)
    saved.title = "Mới"
    save_record(db, saved, profile)
    args = ("--db", db.url, "audit", "log", "--entity", "initiative", "--id", saved.code)
    code, out, _ = _run(capsys, *args)
    assert code == 0
    assert 'title: "Cũ" → "Mới"' in out


def test_two_writers_keep_one_chain(tmp_path: Path, db: Database) -> None:
    """Two connections appending at once still give an unbroken chain."""
    other = open_database(db.url)

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
    rows = history(db, "setting", limit=100)
    assert len([r for r in rows if r.entity_id.startswith("k")]) == 60
    assert verify_chain(db) == []


def test_settings_change_is_recorded(db: Database) -> None:
    settings = load_settings(db)
    settings.superior_body = "LĐLĐ tỉnh Thử"
    save_settings(db, settings, actor="Hà")
    row = history(db, "setting")[0]
    assert (row.actor, row.action) == ("Hà", "update")
    assert row.changes["superior_body"] == [None, "LĐLĐ tỉnh Thử"]


def test_triggers_refuse_a_plain_update_and_delete(db: Database, profile: ProgramProfile) -> None:
    _fill(db, profile)
    target = history(db)[2]
    for statement in (
        f"UPDATE audit_log SET actor = 'Kẻ lạ' WHERE id = {target.id}",
        f"UPDATE audit_log SET hash = 'pending' WHERE id = {target.id}",
        f"DELETE FROM audit_log WHERE id = {target.id}",
    ):
        with pytest.raises((sqlite3.IntegrityError, IntegrityError), match="chỉ được ghi thêm"):
            _sql(db, statement, drop_triggers=False)
    assert history(db)[2] == target
    assert verify_chain(db) == []


@pytest.mark.sqlite_only("the anchor file beside the database file")
def test_save_moves_the_anchor_to_the_new_end(db: Database, profile: ProgramProfile) -> None:
    assert db.path is not None
    saved = save_record(db, _new(), profile, "Lê Minh Tâm")
    path = anchor_file(db.path)
    assert path is not None and path.name == "sangkien.audit-anchor.json"
    before = read_anchor(path)
    saved.title = "Thử lại"
    save_record(db, saved, profile, "Lê Minh Tâm")
    after = read_anchor(path)
    newest = history(db, limit=1)[0]
    assert before is not None and after is not None
    assert (after.id, after.count) == (newest.id, before.count + 1)
    assert after.id > before.id and after.first == before.first


@pytest.mark.sqlite_only("the anchor file beside the database file")
def test_cutting_the_newest_rows_fails_cli_verify_naming_them(
    db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(db, profile)
    assert db.path is not None
    newest = history(db, limit=1)[0].id
    _sql(db, f"DELETE FROM audit_log WHERE id >= {newest - 1}")
    assert verify_chain(db)[0].message.startswith(f"Các dòng nhật ký từ số {newest - 1} đến")
    code, _, err = _run(capsys, "--db", db.url, "audit", "verify")
    assert code == 1
    assert f"từ số {newest - 1} đến {newest} đã bị xóa" in err


@pytest.mark.sqlite_only("the anchor file beside the database file")
def test_a_cut_stays_visible_after_new_rows_reuse_its_numbers(
    db: Database, profile: ProgramProfile
) -> None:
    _fill(db, profile)
    newest = history(db, limit=1)[0].id
    _sql(db, f"DELETE FROM audit_log WHERE id >= {newest - 1}")
    save_record(db, _new("Sau khi cắt"), profile, "Hà")  # SQLite gives it number newest - 1
    problems = verify_chain(db)
    assert len(problems) == 1
    assert f"từ số {newest - 1} đến {newest} đã bị xóa" in str(problems[0])


@pytest.mark.sqlite_only("the anchor file beside the database file")
def test_missing_anchor_is_a_warning_and_the_next_write_makes_it(
    db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(db, profile)
    assert db.path is not None
    path = anchor_file(db.path)
    assert path is not None
    path.unlink()  # a database from before the anchor
    found = verify(db)
    assert found.problems == [] and len(found.warnings) == 1
    code, out, err = _run(capsys, "--db", str(db.path), "audit", "verify")
    assert code == 0 and "Nhật ký nguyên vẹn" in out
    assert "Lưu ý: Chưa có tệp mốc cuối nhật ký" in err
    save_record(db, _new(), profile)
    anchor = read_anchor(path)
    assert anchor is not None and anchor.id == history(db, limit=1)[0].id
    assert verify(db).warnings == []


@pytest.mark.sqlite_only("the anchor file beside the database file")
def test_anchor_of_a_recreated_database_is_replaced(
    tmp_path: Path, db: Database, profile: ProgramProfile
) -> None:
    _fill(db, profile)
    assert db.path is not None
    db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db.path}{suffix}").unlink(missing_ok=True)
    fresh = open_database(db.path)
    try:
        init_unit(fresh, UnitDetails(name="Công đoàn mới", code="CDCS-MOI"))  # a new log
        found = verify(fresh)
        assert (found.problems, found.warnings) == ([], [])
    finally:
        fresh.close()


@pytest.mark.sqlite_only("backup and restore of a server database (pg_dump): not done yet")
def test_cli_restore_leaves_a_restore_row_by_the_admin_and_verifies(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sangkien_desktop.security.users import NewAccount, create_first_accounts
    from sangkien_desktop.storage.backups import backup_now

    monkeypatch.setenv("SANGKIEN_PASSWORD", "mật-khẩu-dài")
    monkeypatch.delenv("SANGKIEN_USER", raising=False)
    create_first_accounts(db, [NewAccount("admin", "Quản trị", "ADMIN", "mật-khẩu-dài")])
    copy = backup_now(db, "thu-cong")[0]
    assert db.path is not None
    dbfile = str(db.path)
    db.close()
    code, _, err = _run(capsys, "--db", dbfile, "--user", "admin", "restore", str(copy), "--yes")
    assert code == 0, err
    code, out, _ = _run(capsys, "--db", dbfile, "audit", "log", "--limit", "1")
    assert code == 0
    assert "admin restore setting backup" in out
    assert f'from_backup: null → "{copy.name}"' in out
    assert 'kept_file: null → "sangkien.thay-the-' in out
    code, out, err = _run(capsys, "--db", dbfile, "audit", "verify")
    assert code == 0, err
    assert "nguyên vẹn" in out


@pytest.mark.sqlite_only("SQLite's INSERT OR REPLACE; on PostgreSQL ON CONFLICT fires UPDATE")
@pytest.mark.parametrize("verb", ["INSERT OR REPLACE", "REPLACE"])
def test_replacing_a_row_is_refused(db: Database, profile: ProgramProfile, verb: str) -> None:
    """REPLACE deletes the old row without firing the DELETE trigger: refused on insert."""
    _fill(db, profile)
    target = history(db)[2]
    with pytest.raises(sqlite3.IntegrityError, match="không được ghi đè"):
        _sql(
            db,
            f"{verb} INTO audit_log (id, at, actor, entity, entity_id, action, changes, "
            "prev_hash, hash) SELECT id, at, 'Kẻ lạ', entity, entity_id, action, changes, "
            f"prev_hash, hash FROM audit_log WHERE id = {target.id}",
            drop_triggers=False,
        )
    assert history(db)[2] == target


def rehash(db: Database, first: int, last: int | None = None) -> None:
    """Recompute the hashes of rows ``first``..``last`` (to the end when None), each linked to
    the row before: what someone who knows the format does after editing a row."""
    assert db.path is not None
    connection = sqlite3.connect(db.path)
    try:
        with connection:
            connection.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
            rows = connection.execute(
                "SELECT id, at, actor, entity, entity_id, action, changes, prev_hash, state "
                "FROM audit_log WHERE id >= ? ORDER BY id",
                (first,),
            ).fetchall()
            prev = connection.execute(
                "SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1", (first,)
            ).fetchone()
            prev_hash = prev[0] if prev else GENESIS
            for id_, at, actor, entity, entity_id, action, changes, _old, state in rows:
                if last is not None and id_ > last:
                    break
                digest = entry_hash(
                    id_,
                    datetime.fromisoformat(at),
                    actor,
                    entity,
                    entity_id,
                    action,
                    json.loads(changes),
                    prev_hash,
                    state,
                )
                connection.execute(
                    "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
                    (prev_hash, digest, id_),
                )
                prev_hash = digest
    finally:
        connection.close()


@pytest.mark.sqlite_only("rehash() tampers with sqlite3")
def test_edited_and_rehashed_row_is_named_as_changed(db: Database, profile: ProgramProfile) -> None:
    _fill(db, profile)
    target = history(db)[2]
    _sql(db, f"UPDATE audit_log SET actor = 'Kẻ lạ' WHERE id = {target.id}")
    rehash(db, target.id, target.id)
    problems = verify_chain(db)
    assert [p.id for p in problems] == [target.id]
    assert "đã bị sửa rồi mã băm của dòng được tính lại" in problems[0].message
    assert "xóa" not in problems[0].message.replace("không dòng nào bị xóa", "")


@pytest.mark.sqlite_only("rehash() tampers with sqlite3")
def test_rewritten_tail_is_reported_as_changed_not_deleted(
    db: Database, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit, "MARK_EVERY", 1)  # a mark on every row: the row itself is named
    _fill(db, profile)
    target = history(db)[3]
    _sql(db, f"UPDATE audit_log SET actor = 'Kẻ lạ' WHERE id = {target.id}")
    rehash(db, target.id)
    problems = verify_chain(db)
    assert len(problems) == 1
    assert problems[0].message.startswith(
        f"Nhật ký đã bị viết lại: dòng nhật ký số {target.id} đã bị sửa rồi mã băm được tính "
        "lại từ dòng đó đến cuối."
    )
    assert "không dòng nào bị xóa" in problems[0].message


@pytest.mark.sqlite_only("rehash() tampers with sqlite3")
def test_rows_deleted_and_chain_recomputed_are_named(db: Database, profile: ProgramProfile) -> None:
    _fill(db, profile)
    middle = history(db)[2]
    _sql(db, f"DELETE FROM audit_log WHERE id = {middle.id}")
    rehash(db, middle.id + 1)
    messages = [str(p) for p in verify_chain(db)]
    assert f"thiếu dòng {middle.id}–{middle.id}: các dòng đó đã bị xóa" in messages[0]


def _outside(db: Database) -> list[str]:
    found = verify(db)
    assert found.problems == []
    return found.outside


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("UPDATE initiatives SET title = 'Sửa lén' WHERE code = '{code}'", "Sáng kiến {code}"),
        ("UPDATE authors SET contribution_pct = 99", "Sáng kiến {code}"),
        ("UPDATE members SET department = 'PX khác'", "Đoàn viên Nguyễn Văn An"),
        ("UPDATE users SET password_hash = 'scrypt$chosen'", "Tài khoản ha"),
        ("UPDATE rewards SET amount_vnd = 9000000", "Khen thưởng số"),
    ],
)
def test_data_changed_with_sql_is_named(
    db: Database,
    profile: ProgramProfile,
    monkeypatch: pytest.MonkeyPatch,
    statement: str,
    named: str,
) -> None:
    from sangkien_desktop.security import users

    record = _new("Dưỡng đo")
    record.authors = [Author(full_name="Nguyễn Văn An", contribution_pct=100, is_lead=True)]
    saved = save_record(db, record, profile, "Hà")
    add_member(db, MemberData("Nguyễn Văn An", department="PX Hàn"), actor="Hà")
    add_reward(db, NewReward(recipient_name="Nguyễn Văn An", amount_vnd=500_000), actor="Hà")
    users.add_user(db, "ha", "Đỗ Thu Hà", "ADMIN", "mật-khẩu-dài")
    assert _outside(db) == []
    _sql(db, statement.format(code=saved.code), drop_triggers=False)
    outside = _outside(db)
    assert len(outside) == 1
    assert outside[0].startswith(named.format(code=saved.code))
    assert "dữ liệu khác với nhật ký (sửa ngoài ứng dụng?)" in outside[0]


def test_rows_added_or_deleted_with_sql_are_named(db: Database, profile: ProgramProfile) -> None:
    saved = save_record(db, _new(), profile, "Hà")
    unit = history(db, "unit")[0]
    assert unit is not None
    _sql(db, f"DELETE FROM initiatives WHERE code = '{saved.code}'", drop_triggers=False)
    _sql(
        db,
        "INSERT INTO rewards (recipient_name, decision_no, level, form, amount_vnd) "
        "VALUES ('Người lạ', '', 'CO_SO', 'GIAY_KHEN', 1000000)",
        drop_triggers=False,
    )
    outside = _outside(db)
    assert outside[0].startswith(f"Sáng kiến {saved.code}: không còn trong dữ liệu")
    assert outside[1].startswith("Khen thưởng số 1 (Người lạ): không có trong nhật ký")


def test_saves_moves_imports_and_deletes_keep_data_and_log_agreeing(
    db: Database, profile: ProgramProfile
) -> None:
    _fill(db, profile)
    records = [
        InitiativeRecord(id=f"id-{i}", code=f"SK-2024-000{i}", title=f"Số {i}", kind="KY_THUAT")
        for i in (1, 2)
    ]
    import_records(db, records, profile, actor="Nhập tệp")
    import_members(db, [MemberData("Trần Thị Bình"), MemberData("Lê Văn Cường")], actor="Hà")
    found = verify(db)
    assert (found.problems, found.outside, found.warnings) == ([], [], [])


def test_demo_database_data_agrees_with_the_log(demo_db: Database) -> None:
    found = verify(demo_db)  # the copy has no anchor file beside it: that warning only
    assert (found.problems, found.outside) == ([], [])
    assert [w for w in found.warnings if "mốc" not in w] == []


def test_cli_verify_names_data_changed_outside_and_seal_accepts_it(
    db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = save_record(db, _new(), profile, "Hà")
    _sql(db, f"UPDATE initiatives SET title = 'Sửa lén' WHERE code = '{saved.code}'")
    code, _, err = _run(capsys, "--db", db.url, "audit", "verify")
    assert code == 1
    assert f"Sáng kiến {saved.code}: dữ liệu khác với nhật ký (sửa ngoài ứng dụng?)" in err
    assert "Dữ liệu bị sửa ngoài ứng dụng: 1 mục" in err
    code, out, _ = _run(capsys, "--db", db.url, "audit", "seal")
    assert code == 0 and "1 mục" in out
    code, out, _ = _run(capsys, "--db", db.url, "audit", "verify")
    assert code == 0, out
    assert history(db, limit=1)[0].action == "seal"


def test_database_from_before_states_warns_until_sealed(
    tmp_path: Path, profile: ProgramProfile, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command

    from sangkien_desktop.storage.database import alembic_config, database_url

    path = tmp_path / "cu.sqlite"
    command.upgrade(alembic_config(database_url(path)), "0009")
    at = datetime(2025, 1, 2, 8, 0)
    digest = entry_hash(1, at, "Hà", "member", "1", "create", {"full_name": [None, "An"]}, GENESIS)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO units (id, code, name, level, superior_union, federation, cluster, "
            "chair_name, place, is_home, created_at) VALUES (1, 'CD1', 'Công đoàn Cũ', 'CO_SO', "
            "'', '', '', '', '', 1, '2022-01-01 00:00:00')"
        )
        connection.execute(
            "INSERT INTO members (id, unit_id, full_name, name_folded, sort_key, gender, "
            "department, position, qualification, category, active) VALUES (1, 1, 'An', 'an', "
            "'an', '', '', '', '', 'DOAN_VIEN', 1)"
        )
        connection.execute(
            "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes, "
            "prev_hash, hash) VALUES (1, ?, 'Hà', 'member', '1', 'create', ?, ?, ?)",
            (str(at), json.dumps({"full_name": [None, "An"]}), GENESIS, digest),
        )
    old = open_database(path)
    try:
        found = verify(old)
        assert (found.problems, found.outside) == ([], [])
        assert any("1 mục chưa có trạng thái trong nhật ký" in w for w in found.warnings)
        code, out, _ = _run(capsys, "--db", str(path), "audit", "seal")
        assert code == 0 and "1 mục" in out
        found = verify(old)
        assert found.intact and [w for w in found.warnings if "mốc" not in w] == []
    finally:
        old.close()
