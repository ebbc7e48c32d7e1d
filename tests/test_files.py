"""Output files are written whole under their final name, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sangkien_desktop.files import atomic_write_bytes, atomic_write_text


def test_the_file_gets_the_permissions_of_any_new_file_not_private_ones(tmp_path: Path) -> None:
    target = tmp_path / "xuat" / "so-sang-kien.json"
    atomic_write_text(target, "{}")
    mode = stat.S_IMODE(target.stat().st_mode)
    if os.name == "posix":
        mask = os.umask(0o022)
        os.umask(mask)
        assert mode == 0o666 & ~mask
    assert target.read_text(encoding="utf-8") == "{}"


def test_a_failed_write_leaves_the_old_file_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(b"old")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new" * 1000)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]
