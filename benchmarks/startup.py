"""Start to main window (issue 8): our application on the demo database against a bare PySide6
QMainWindow, each started in a fresh process, alternating, median of several runs. When a
built bundle is present (``make package``), its start is measured against the same baseline.

The figure is the wall time from spawning the process to the first turn of the event loop with
the window shown: the application prints "main window shown" on stderr then when
SANGKIEN_REPORT_STARTUP is set (sangkien_desktop/gui/app.py); the bare window prints the same."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Row

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "sangkien-desktop" / "sangkien-desktop"
RUNS = 7
SIGNAL = "main window shown"
TARGET = "≤ 1.5× and ≤ 1500 ms"

BARE = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 760)
window.show()
QTimer.singleShot(0, lambda: print({SIGNAL!r}, file=sys.stderr, flush=True))
QTimer.singleShot(0, window.close)
sys.exit(app.exec())
"""


def time_to_window(command: list[str], env: dict[str, str]) -> float:
    """Milliseconds from spawning ``command`` to its "main window shown" line; it must then
    exit 0 by itself."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    assert process.stderr is not None
    elapsed, seen = None, []
    for line in process.stderr:
        if elapsed is None and line.strip() == SIGNAL:
            elapsed = (time.perf_counter() - start) * 1000
        seen.append(line)
    code = process.wait(timeout=120)
    if elapsed is None or code != 0:
        raise RuntimeError(f"{command[0]} exited {code} without a window:\n{''.join(seen)[-2000:]}")
    return elapsed


def _environment(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SANGKIEN_DB", "PYTHONSTARTUP")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        SANGKIEN_REPORT_STARTUP="1",
        # A private settings and data folder: no saved geometry or last screen of the user's own
        # sessions, the same start every run.
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
        HOME=str(folder / "home"),
    )
    return env


def _demo_database(path: Path) -> None:
    """The demo data without accounts (single-user mode): the start goes straight to the main
    window, as the measure needs; with accounts it would stop at the login dialog."""
    from sangkien_desktop.program import load_profile
    from sangkien_desktop.services.demo import fill_demo
    from sangkien_desktop.storage.database import open_database

    db = open_database(path)
    fill_demo(db, load_profile())
    db.close()


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="sangkien-bench-") as name:
        folder = Path(name)
        for sub in ("config", "data", "home"):
            (folder / sub).mkdir()
        database = folder / "demo.sqlite"
        _demo_database(database)
        env = _environment(folder)
        # --quit-after 0 closes the window on the loop's next turn, after the signal.
        ours = [sys.executable, "-m", "sangkien_desktop.gui.app", "--db", str(database)]
        commands = {
            "ours": [*ours, "--quit-after", "0"],
            "bare": [sys.executable, "-c", BARE],
        }
        if BUNDLE.is_file():
            commands["bundle"] = [str(BUNDLE), "--db", str(database), "--quit-after", "0"]
        times: dict[str, list[float]] = {key: [] for key in commands}
        for command in commands.values():
            time_to_window(command, env)  # warm-up: disk cache, .pyc files, the daily backup
        for _ in range(RUNS):
            for key, command in commands.items():
                times[key].append(time_to_window(command, env))
    bare = statistics.median(times["bare"])
    rows = [
        Row(
            "start to main window (demo db, median of 7)",
            statistics.median(times["ours"]),
            "bare PySide6 QMainWindow, fresh process",
            bare,
            TARGET,
        )
    ]
    if "bundle" in times:
        rows.append(
            Row(
                "  the same, built bundle (dist/)",
                statistics.median(times["bundle"]),
                "bare PySide6 QMainWindow, fresh process",
                bare,
                TARGET,
            )
        )
    return rows


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
