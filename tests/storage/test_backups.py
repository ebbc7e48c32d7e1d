"""Backups: online copies of a live database, rotation, checked restore."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from sangkien_desktop.cli import main
from sangkien_desktop.errors import StorageError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.services.initiatives import import_records, save_record
from sangkien_desktop.services.members import IMPORT_BATCH, MemberData, add_member, import_members
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.backups import (
    BEFORE_IMPORT,
    Backup,
    backup_now,
    backups_dir,
    check_backup,
    daily_backup,
    list_backups,
    restore,
    rotate,
    to_keep,
)


def test_backup_of_a_live_wal_database_holds_committed_rows(demo_db: Database) -> None:
    with demo_db.engine.begin() as connection:  # committed, still in the WAL file
        connection.execute(text("UPDATE initiatives SET title = 'Tên mới' WHERE code LIKE 'SK-%'"))
    [copy] = backup_now(demo_db)
    assert copy.parent == backups_dir(demo_db)
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        titles = {r[0] for r in connection.execute("SELECT title FROM initiatives")}
    assert titles == {"Tên mới"}


def test_backup_goes_to_a_second_folder_too(demo_db: Database, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    first, second = backup_now(demo_db, folders=[usb])
    assert second.parent == usb and second.read_bytes() == first.read_bytes()


def test_daily_backup_runs_once_a_day(demo_db: Database) -> None:
    assert daily_backup(demo_db) is not None
    assert daily_backup(demo_db) is None
    assert len(list_backups(backups_dir(demo_db))) == 1


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    start = datetime(2024, 12, 31, 9)
    backups = [Backup(tmp_path / f"b{i}", start - timedelta(days=i), "x") for i in range(400)]
    kept = to_keep(backups)
    days = sorted({(start - b.taken_at).days for b in backups if b.path in kept})
    assert days[:7] == [0, 1, 2, 3, 4, 5, 6]
    assert len(kept) <= 7 + 4 + 12
    months = {b.taken_at.strftime("%Y-%m") for b in backups if b.path in kept}
    assert len(months) == 12


def test_rotation_keeps_every_backup_of_the_last_day_so_a_later_one_replaces_none() -> None:
    newest = datetime(2024, 12, 31, 15)
    today = [newest - timedelta(hours=h) for h in (0, 3, 7)]  # import, manual, daily
    older = [newest - timedelta(days=d, hours=2) for d in (1, 2)]
    backups = [Backup(Path(f"b-{m:%d-%H}"), m, "x") for m in [*today, *older]]
    kept = to_keep(backups)
    assert {b.path for b in backups[:3]} <= kept
    many = [Backup(Path(f"m{i}"), newest - timedelta(minutes=i), "x") for i in range(50)]
    assert len(to_keep(many)) == 20


def test_rotate_deletes_only_what_it_does_not_keep(tmp_path: Path) -> None:
    for i in range(30):
        moment = datetime(2024, 6, 30, 8) - timedelta(days=i)
        (tmp_path / f"sangkien-{moment:%Y%m%d-%H%M%S}-hang-ngay.sqlite").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("keep me")
    deleted = rotate(tmp_path)
    assert deleted and all(not p.exists() for p in deleted)
    assert (tmp_path / "notes.txt").exists()
    assert len(list_backups(tmp_path)) == 30 - len(deleted)


def test_restore_gives_the_same_data_and_keeps_the_replaced_file(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [copy] = backup_now(demo_db)
    original = demo_db.path
    assert original is not None
    demo_db.close()
    main(["--db", str(original), "export", "json", str(tmp_path / "before.json")])
    other = tmp_path / "other-machine" / "sangkien.sqlite"
    other.parent.mkdir()
    assert restore(other, copy) is None
    main(["--db", str(other), "export", "json", str(tmp_path / "after.json")])
    before = json.loads((tmp_path / "before.json").read_text(encoding="utf-8"))
    after = json.loads((tmp_path / "after.json").read_text(encoding="utf-8"))
    assert after == before and len(after) == 80
    kept = restore(other, copy)
    assert kept is not None and kept.exists()


def test_restore_refuses_a_corrupt_file_and_changes_nothing(demo_db: Database) -> None:
    [copy] = backup_now(demo_db)
    data = bytearray(copy.read_bytes())
    data[5000:9000] = b"\xff" * 4000
    copy.write_bytes(bytes(data))
    target = demo_db.path
    assert target is not None
    demo_db.close()
    before = target.read_bytes()
    with pytest.raises(StorageError):
        restore(target, copy)
    assert target.read_bytes() == before


def test_restore_refuses_a_database_from_a_newer_version(demo_db: Database) -> None:
    [copy] = backup_now(demo_db)
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    with pytest.raises(StorageError, match="mới hơn"):
        check_backup(copy)


def test_cli_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "db.sqlite"
    db = open_database(path)
    db.close()
    main(["--db", str(path), "backup"])
    out = capsys.readouterr().out
    assert "Đã sao lưu vào" in out
    [backup] = list_backups(tmp_path / "backups")
    main(["--db", str(path), "restore", str(backup.path), "--yes"])
    assert "Đã khôi phục" in capsys.readouterr().out
    assert backup.taken_at.date() == date.today()


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return list(connection.execute(sql))


@pytest.mark.sqlite_only("backups of a server database (pg_dump): not done yet")
def test_an_import_of_initiatives_is_preceded_by_a_backup_of_the_rows_before_it(
    db: Database, profile: ProgramProfile
) -> None:
    first = InitiativeRecord(id="id-1", code="SK-2024-0001", title="Tên cũ", kind="KY_THUAT")
    save_record(db, first, profile)
    changed = InitiativeRecord(id="id-1", code="SK-2024-0001", title="Tên mới", kind="KY_THUAT")
    added = InitiativeRecord(id="id-2", code="SK-2024-0002", title="Thêm", kind="KY_THUAT")
    import_records(db, [changed, added], profile)
    [backup] = list_backups(backups_dir(db))
    assert backup.reason == BEFORE_IMPORT
    assert _rows(backup.path, "SELECT code, title FROM initiatives") == [("SK-2024-0001", "Tên cũ")]


@pytest.mark.sqlite_only("backups of a server database (pg_dump): not done yet")
def test_a_member_import_takes_one_backup_however_many_rows(db: Database) -> None:
    add_member(db, MemberData("Nguyễn Văn An"))
    many = [MemberData(f"Người Thứ {i}") for i in range(IMPORT_BATCH + 10)]
    import_members(db, many)
    [backup] = list_backups(backups_dir(db))
    assert _rows(backup.path, "SELECT full_name FROM members") == [("Nguyễn Văn An",)]


def test_an_import_into_an_empty_database_takes_no_backup(db: Database) -> None:
    import_members(db, [MemberData("Nguyễn Văn An")])
    assert list_backups(backups_dir(db)) == []


def test_a_damaged_partial_copy_left_by_a_power_cut_does_not_block_the_next_backup(
    demo_db: Database,
) -> None:
    assert demo_db.path is not None
    folder = backups_dir(demo_db)
    folder.mkdir(parents=True, exist_ok=True)
    name = "sangkien-20260101-080000-thu-cong.sqlite"
    (folder / f"{name}.part").write_bytes(b"not a database at all" * 100)
    written = backup_now(demo_db, "thu-cong", now=datetime(2026, 1, 1, 8, 0, 0))
    assert written[0].name == name
    assert check_backup(written[0])


def test_rotation_deletes_stale_partial_files_and_keeps_fresh_ones(tmp_path: Path) -> None:
    stale = tmp_path / "sangkien-20260101-080000-thu-cong.sqlite.part"
    fresh = tmp_path / "sangkien-20260102-080000-thu-cong.sqlite.part"
    other = tmp_path / "ghi-chu.txt"
    for path in (stale, fresh, other):
        path.write_bytes(b"x")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    rotate(tmp_path)
    assert not stale.exists()
    assert fresh.exists() and other.exists()
