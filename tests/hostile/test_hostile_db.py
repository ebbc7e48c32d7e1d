"""Issue 16, data loss: files at the database path that are not a database, exports aimed at
the database's own files, damaged databases and backups, full and read-only disks."""

from __future__ import annotations

from pathlib import Path

import pytest

from sangkien_desktop.cli import main
from sangkien_desktop.errors import StorageError
from sangkien_desktop.storage import open_database


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
