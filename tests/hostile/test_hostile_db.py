"""Issue 16, data loss: files at the database path that are not a database, exports aimed at
the database's own files, damaged databases and backups, full and read-only disks."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from sangkien_desktop import files
from sangkien_desktop.cli import main
from sangkien_desktop.errors import InputError, StorageError
from sangkien_desktop.files import atomic_write_bytes
from sangkien_desktop.security import audit
from sangkien_desktop.security.audit import anchor_file
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.backups import backups_dir


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
