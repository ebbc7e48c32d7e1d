"""``sangkien-desktop`` started as a process: the signal the packaging smoke test and the startup
benchmark wait for (SANGKIEN_REPORT_STARTUP)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sangkien_desktop.gui.app import STARTUP_ENV
from sangkien_desktop.storage import Database
from tests.timing import scaled

pytestmark = pytest.mark.gui


def start(db: Database, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    assert db.path is not None
    environment = {key: value for key, value in os.environ.items() if key != STARTUP_ENV}
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        **env,
    )
    command = [sys.executable, "-m", "sangkien_desktop.gui.app", "--db", str(db.path)]
    return subprocess.run(
        [*command, "--quit-after", "0"],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=scaled(120),
        check=False,
    )


def test_reports_main_window_shown_on_stderr_when_asked(db: Database, tmp_path: Path) -> None:
    done = start(db, tmp_path, **{STARTUP_ENV: "1"})
    assert done.returncode == 0, done.stderr
    assert "main window shown" in done.stderr.splitlines()


def test_says_nothing_about_the_window_by_default(db: Database, tmp_path: Path) -> None:
    done = start(db, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "main window shown" not in done.stderr
