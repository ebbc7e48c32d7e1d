"""Backups: online copies of a live database, rotation, checked restore."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from sangkien_desktop.cli import main
from sangkien_desktop.errors import StorageError
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.backups import (
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
