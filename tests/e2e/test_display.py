"""The Xvfb helper itself, with a stand-in ``Xvfb`` on PATH: no real display is needed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e import desktop
from tests.timing import scaled


def fake_xvfb(folder: Path, announce: bool) -> None:
    """An ``Xvfb`` command on PATH that stays up and, if ``announce``, writes display 42 on its
    ``-displayfd`` as the real one does once ready."""
    folder.mkdir()
    script = folder / "Xvfb"
    write = "os.write(int(sys.argv[2]), b'42\\n')" if announce else ""
    script.write_text(
        f"#!{sys.executable}\nimport os, sys, time\n{write}\ntime.sleep(600)\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def test_display_that_never_reports_is_given_up_and_reaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_xvfb(tmp_path / "bin", announce=False)  # up, but never writes its display number
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(desktop, "DEADLINE", scaled(2))
    reaped: list[subprocess.Popen[bytes] | None] = []
    reap = desktop.reap
    monkeypatch.setattr(desktop, "reap", lambda process: (reaped.append(process), reap(process)))
    with pytest.raises(RuntimeError, match="Xvfb did not report its display"):
        desktop.Display()
    [process] = reaped
    assert process is not None and process.returncode is not None


def test_display_reports_the_number_xvfb_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_xvfb(tmp_path / "bin", announce=True)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    display = desktop.Display()
    try:
        assert display.name == ":42"
    finally:
        display.stop()
    assert display.process is None
