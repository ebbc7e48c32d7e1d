"""Issue 16, data loss: files at the database path that are not a database, exports aimed at
the database's own files, damaged databases and backups, full and read-only disks."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sangkien_desktop import files
from sangkien_desktop.cli import main
from sangkien_desktop.errors import InputError, StorageError
from sangkien_desktop.exchange.keys import create_unit_key
from sangkien_desktop.files import atomic_write_bytes
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.security import audit
from sangkien_desktop.security.audit import anchor_file
from sangkien_desktop.services.backup_settings import backup_to_all
from sangkien_desktop.services.members import MemberData, add_member
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.backups import (
    backup_now,
    backups_dir,
    list_backups,
    restore,
    rotate,
)
from sangkien_desktop.storage.database import (
    HEAD_REVISION,
    DamagedDatabase,
    check_intact,
    current_revision,
    disk_reason,
    make_engine,
)
from tests.exchange.conftest import PASSPHRASE, add_ready


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), *args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.mark.parametrize(
    ("content", "said"),
    [(b"", "rỗng (0 byte)"), (b"Ten,Ma\nCong doan,CDCS\n" * 10, "không phải tệp SQLite")],
)
def test_an_empty_or_foreign_file_at_the_database_path_is_refused_untouched(
    tmp_path: Path, content: bytes, said: str
) -> None:
    path = tmp_path / "sangkien.sqlite"
    path.write_bytes(content)
    with pytest.raises(StorageError) as refused:
        open_database(path)
    assert str(path) in refused.value.message and said in refused.value.message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sangkien.sqlite"]


def test_init_over_an_empty_database_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sangkien.sqlite"
    path.write_bytes(b"")
    code, _, err = run(capsys, path, "init", "--name", "Công đoàn lạ", "--code", "LA")
    assert code == 2 and str(path) in err and "rỗng" in err
    assert path.read_bytes() == b""


@pytest.mark.parametrize("own", ["", "-wal", "-shm", "-journal", "anchor"])
@pytest.mark.parametrize("kind", ["json", "xlsx"])
def test_an_export_onto_the_database_or_its_own_files_is_refused(
    demo_db: Database, capsys: pytest.CaptureFixture[str], own: str, kind: str
) -> None:
    path = demo_db.path
    assert path is not None
    target = anchor_file(path) if own == "anchor" else Path(f"{path}{own}")
    assert target is not None
    before = target.read_bytes() if target.exists() else None
    args = ["export", "json", str(target)] if kind == "json" else []
    if kind == "xlsx":
        args = ["export", "xlsx", "initiatives", str(target)]
    code, _, err = run(capsys, path, *args)
    assert code == 2 and f"Không ghi ra {target}" in err
    assert (target.read_bytes() if target.exists() else None) == before
    open_database(path).close()  # still a database


def test_a_backup_or_export_into_the_backups_folder_is_refused(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert demo_db.path is not None
    inside = backups_dir(demo_db) / "usb"
    code, _, err = run(capsys, demo_db.path, "backup", "--to", str(inside))
    assert code == 2 and "thư mục sao lưu" in err and not backups_dir(demo_db).exists()
    code, _, err = run(capsys, demo_db.path, "export", "json", str(inside / "a.json"))
    assert code == 2 and "thư mục sao lưu" in err and not backups_dir(demo_db).exists()


def test_an_export_never_replaces_another_sqlite_database(tmp_path: Path) -> None:
    other = tmp_path / "khac.sqlite"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE t (x)")
    before = other.read_bytes()
    with pytest.raises(InputError, match="là một cơ sở dữ liệu"):
        atomic_write_bytes(other, b"{}")
    assert other.read_bytes() == before


def test_the_anchor_suffix_is_the_audit_trail_s() -> None:
    assert files.ANCHOR_SUFFIX == audit.ANCHOR_SUFFIX


def zero_a_page(path: Path, table: str = "initiatives") -> None:
    """Overwrite with zeros the root page of ``table`` in the closed database ``path``, as a
    failing disk does."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        query = "SELECT rootpage FROM sqlite_master WHERE name = ?"
        root = connection.execute(query, (table,)).fetchone()[0]
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes(page_size))


def test_a_database_with_a_zeroed_page_is_refused_at_open(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    demo_db.close()
    zero_a_page(path)
    with pytest.raises(DamagedDatabase) as refused:
        open_database(path)
    assert str(path) in refused.value.message and "khôi phục bản sao lưu" in refused.value.message


def test_a_damaged_database_is_never_backed_up_over_good_copies(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_db.path
    assert path is not None
    start = datetime(2026, 1, 1, 9)
    good = [backup_now(demo_db, now=start + timedelta(days=d))[0] for d in range(12)]
    demo_db.close()
    zero_a_page(path)
    damaged = Database(demo_db.url, make_engine(demo_db.url))  # opened before the damage
    try:
        with pytest.raises(DamagedDatabase, match="bị hỏng"):
            backup_to_all(damaged)
    finally:
        damaged.close()
    assert list_backups(backups_dir(demo_db))[0].path == good[-1]
    code, _, err = run(capsys, path, "backup")
    assert code == 2 and str(path) in err and "bị hỏng" in err
    assert [b.path for b in list_backups(backups_dir(demo_db))] == good[::-1]


def test_rotation_deletes_nothing_when_the_newest_backup_is_damaged(demo_db: Database) -> None:
    start = datetime(2026, 1, 1, 9)
    good = [backup_now(demo_db, now=start + timedelta(days=d))[0] for d in range(12)]
    zero_a_page(good[-1])
    with pytest.raises(DamagedDatabase):
        rotate(backups_dir(demo_db))
    assert all(path.exists() for path in good)


def test_a_backup_stamped_with_an_older_schema_than_its_tables_is_not_restored(
    demo_db: Database,
) -> None:
    path = demo_db.path
    assert path is not None
    [backup] = backup_now(demo_db)
    with closing(sqlite3.connect(backup)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0009'")
    demo_db.close()
    with pytest.raises(StorageError, match="không nâng cấp được") as refused:
        restore(path, backup)
    assert "không thay đổi" in refused.value.message
    left = {p.name for p in path.parent.iterdir()} - {"demo.sqlite-wal", "demo.sqlite-shm"}
    assert left == {"backups", "demo.sqlite"}  # no part file, no copy of the kept database
    check_intact(path)
    reopened = open_database(path)
    assert current_revision(reopened.engine) == HEAD_REVISION
    reopened.close()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Callable[[Path], Path]]:
    """Mount a 64 KiB tmpfs on a folder (root only); every mount is undone at teardown."""
    mounted: list[Path] = []

    def mount(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"a full disk needs a tiny tmpfs (root): {done.stderr.decode().strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", str(folder)], check=True)


def test_a_full_second_folder_keeps_no_partial_copy(
    demo_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    tiny_disk: Callable[[Path], Path],
) -> None:
    assert demo_db.path is not None
    usb = tiny_disk(tmp_path / "usb")
    code, _, err = run(capsys, demo_db.path, "backup", "--to", str(usb))
    assert code == 2 and f"không ghi được vào {usb}: ổ đĩa đầy" in err
    assert list(usb.iterdir()) == []


def test_a_full_backups_folder_keeps_no_partial_copy(
    demo_db: Database, capsys: pytest.CaptureFixture[str], tiny_disk: Callable[[Path], Path]
) -> None:
    assert demo_db.path is not None
    folder = tiny_disk(backups_dir(demo_db))
    code, _, err = run(capsys, demo_db.path, "backup")
    assert code == 2 and "ổ đĩa đầy" in err and "Traceback" not in err
    assert list(folder.iterdir()) == []


HOLDER = """
import sys
from sqlalchemy import text
from sangkien_desktop.storage import open_database
db = open_database(sys.argv[1])
with db.reader() as session:
    session.execute(text("SELECT 1")).all()
print("open", flush=True)
sys.stdin.readline()
db.close()
"""


def test_restore_is_refused_while_another_program_has_the_database_open(
    demo_db: Database,
) -> None:
    path = demo_db.path
    assert path is not None
    [backup] = backup_now(demo_db)
    demo_db.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(StorageError, match="đang được mở ở chương trình khác") as refused:
            restore(path, backup)
        assert str(path) in refused.value.message
        assert not [p for p in path.parent.iterdir() if "thay-the" in p.name or "part" in p.name]
    finally:
        holder.communicate("\n")
    assert holder.returncode == 0
    assert restore(path, backup) is not None  # once it has closed, the restore goes through


def small_disk(tiny_disk: Callable[[Path], Path], folder: Path, size: str) -> Path:
    """``tiny_disk`` with another size: remount the tiny tmpfs at ``size``."""
    tiny_disk(folder)
    subprocess.run(["mount", "-o", f"remount,size={size}", str(folder)], check=True)
    return folder


def test_a_database_on_read_only_media_opens_for_reading_and_says_so(
    demo_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    tiny_disk: Callable[[Path], Path],
) -> None:
    assert demo_db.path is not None
    demo_db.close()
    usb = small_disk(tiny_disk, tmp_path / "usb", "8m")
    shutil.copyfile(demo_db.path, usb / "sangkien.sqlite")
    subprocess.run(["mount", "-o", "remount,ro", str(usb)], check=True)
    code, out, err = run(capsys, usb / "sangkien.sqlite", "member", "list", "--search", "nguyen")
    assert code == 0 and "đoàn viên" in out and "chỉ cho đọc" in err
    code, _, err = run(capsys, usb / "sangkien.sqlite", "member", "add", "Nguyễn Văn Riêng")
    assert code == 2 and "Không lưu được vào cơ sở dữ liệu" in err and "chỉ đọc" in err
    assert "Nguyễn Văn Riêng" not in err and "INSERT" not in err and "Traceback" not in err


def test_a_full_disk_names_the_file_and_no_personal_data(
    tmp_path: Path, tiny_disk: Callable[[Path], Path]
) -> None:
    folder = small_disk(tiny_disk, tmp_path / "full", "2m")
    path = folder / "sangkien.sqlite"
    db = open_database(path)
    try:
        init_unit(db, UnitDetails(name="Công đoàn thử", code="CDCS-TEST"))
        add_member(db, MemberData("Trần Văn Một"))  # the WAL and its index exist
        stat = os.statvfs(folder)  # fill all that is left
        (folder / "filler").write_bytes(bytes(stat.f_bavail * stat.f_frsize))
        with pytest.raises(StorageError) as refused:
            for number in range(200):
                add_member(db, MemberData(f"Nguyễn Thị Riêng Tư {number}", department="x" * 150))
    finally:
        db.close()
    message = refused.value.message
    assert message.startswith(f"Không lưu được vào cơ sở dữ liệu {path}: ổ đĩa đầy")
    assert "Riêng Tư" not in message and "INSERT" not in message
    assert refused.value.__cause__ is None and refused.value.__suppress_context__


def test_a_database_that_cannot_be_opened_for_lack_of_space_says_so(
    tmp_path: Path, tiny_disk: Callable[[Path], Path]
) -> None:
    folder = small_disk(tiny_disk, tmp_path / "full", "2m")
    path = folder / "sangkien.sqlite"
    open_database(path).close()
    stat = os.statvfs(folder)
    (folder / "filler").write_bytes(bytes(stat.f_bavail * stat.f_frsize))
    with pytest.raises(StorageError) as refused:
        open_database(path).close()
    assert str(path) in refused.value.message and "ổ đĩa" in refused.value.message


def test_a_program_whose_database_was_swapped_by_a_restore_refuses_to_write(
    demo_db: Database,
) -> None:
    path = demo_db.path
    assert path is not None
    [backup] = backup_now(demo_db)
    demo_db.close()  # its pool let go of the file: the restore's lock does not see it
    restore(path, backup)
    with pytest.raises(StorageError, match="vừa được thay bằng tệp khác"):
        add_member(demo_db, MemberData("Trần Văn Muộn"))
    reopened = open_database(path)
    add_member(reopened, MemberData("Trần Văn Muộn"))  # the restored file, opened anew
    reopened.close()


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (sqlite3.OperationalError("database or disk is full"), "ổ đĩa đầy"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "ổ chỉ đọc"),
        (sqlite3.OperationalError("disk I/O error"), "lỗi đọc/ghi ổ đĩa"),
        (OSError(errno.ENOSPC, "No space left on device"), "ổ đĩa đầy"),
        (sqlite3.IntegrityError("UNIQUE constraint failed: members.full_name"), None),
        (sqlite3.OperationalError("no such column: fullness"), None),
    ],
)
def test_only_disk_failures_are_reported_as_such(error: Exception, said: str | None) -> None:
    reason = disk_reason(error)
    assert (said in reason) if said else reason.startswith("lỗi ") and "ổ" not in reason


def test_a_damaged_database_can_be_replaced_by_a_good_backup(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_db.path
    assert path is not None
    [backup] = backup_now(demo_db)
    demo_db.close()
    zero_a_page(path)
    code, out, err = run(capsys, path, "restore", str(backup), "--yes")
    assert code == 0, err
    assert "Đã khôi phục" in out and "Tệp cũ được giữ tại" in out
    check_intact(path)
    restored = open_database(path)
    add_member(restored, MemberData("Trần Văn Sau"))
    restored.close()


def test_a_damaged_database_opened_to_be_restored_refuses_writes(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    demo_db.close()
    zero_a_page(path, "members")
    damaged = open_database(path, damaged_ok=True)
    try:
        assert damaged.read_only and "bị hỏng" in damaged.read_only_notice
        with pytest.raises(DamagedDatabase, match="khôi phục bản sao lưu"):
            add_member(damaged, MemberData("Trần Văn Ghi"))
    finally:
        damaged.close()


def test_a_bundle_is_never_written_into_the_backups_folder(
    db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert db.path is not None
    create_unit_key(db, PASSPHRASE)
    add_ready(db, profile, tmp_path / "files")
    (tmp_path / "p").write_text(PASSPHRASE + "\n", encoding="utf-8")
    inside = backups_dir(db) / "goi"
    code, _, err = run(
        capsys, db.path, "export", "bundle", str(inside), "--passphrase-file", str(tmp_path / "p")
    )
    assert code == 2 and "thư mục sao lưu" in err
    assert not any(path.is_file() for path in inside.rglob("*"))


def test_a_backup_stamped_with_today_s_schema_but_missing_a_column_is_not_restored(
    demo_db: Database,
) -> None:
    path = demo_db.path
    assert path is not None
    [backup] = backup_now(demo_db)
    with closing(sqlite3.connect(backup)) as connection, connection:
        connection.execute("ALTER TABLE members DROP COLUMN qualification")
    demo_db.close()
    with pytest.raises(StorageError, match=r"thiếu members\.qualification") as refused:
        restore(path, backup)
    assert "không thay đổi" in refused.value.message
    check_intact(path)
