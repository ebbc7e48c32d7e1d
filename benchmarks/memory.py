"""Peak memory of the GUI with 50,000 initiatives (issue 8): the main window over a generated
database, a session's worth of use (every screen visited, searches typed in the list, one
initiative opened in the editor), in a fresh process whose peak resident set size is the
figure; a bare PySide6 QMainWindow shown in a fresh process is the baseline.

The peak is read by the child itself: ``VmHWM`` of /proc/self/status on Linux, else
``resource.getrusage(RUSAGE_SELF).ru_maxrss``. Not ru_maxrss on Linux: a child started with
vfork + exec inherits its parent's high-water mark (here the benchmark process holding a
50,000-row database in memory), and would report that. POSIX only."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import Row
from benchmarks.data import make_database
from sangkien_desktop.program import load_profile

ROOT = Path(__file__).resolve().parents[1]
COUNT = 50_000
SEARCHES = ("n", "ng", "nguyen", "nguyen van", "hàn", "quy trinh", "SK-2023", "")

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from benchmarks.memory import peak_kb
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1366, 768)
window.show()
app.processEvents()
window.grab()
window.close()
print(peak_kb())
"""


def peak_kb() -> int:
    """This process's peak resident set size in kB."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes


def session(database: str) -> None:
    """The child process: open the application's main window on ``database``, use it, print
    the peak RSS in kB."""
    import time

    from sangkien_desktop.gui.app import make_application
    from sangkien_desktop.gui.editor import InitiativeEditor
    from sangkien_desktop.gui.main_window import SCREENS, MainWindow
    from sangkien_desktop.services.initiatives import InitiativeFilter
    from sangkien_desktop.storage.database import open_database

    app = make_application()

    def settle(seconds: float = 0.3) -> None:
        """Let queued work (lazy loads, background tasks reporting back) run."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    db = open_database(database)
    window = MainWindow(db, load_profile())
    window.resize(1366, 768)
    window.show()
    settle()
    for key in SCREENS:
        window.show_screen(key)
        settle()
        window.grab()
    window.show_screen("initiatives")
    screen = window.initiatives_screen
    for text in SEARCHES:
        screen.model.set_filter(InitiativeFilter(text=text))
        settle(0.1)
        window.grab()
    editor = InitiativeEditor(db, window.profile, "bench-0000001", parent=window)
    editor.show()
    settle()
    editor.grab()
    editor.close()
    window.close()
    db.close()
    print(peak_kb())


def _peak_mb(command: list[str], env: dict[str, str]) -> float:
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    lines = done.stdout.split()
    if done.returncode != 0 or not lines or not lines[-1].isdigit():
        raise RuntimeError(f"{command[:3]} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return int(lines[-1]) / 1024


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="sangkien-bench-") as folder:
        # Private settings (no saved geometry or last screen of the user's own sessions).
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{folder}/config")
        path = Path(folder) / "bench.sqlite"
        make_database(path, COUNT, load_profile()).close()
        child = f"from benchmarks.memory import session; session({str(path)!r})"
        ours = _peak_mb([sys.executable, "-c", child], env)
        bare = _peak_mb([sys.executable, "-c", BARE], env)
    return [
        Row(
            f"GUI peak memory, {COUNT:,} initiatives (RSS)",
            ours,
            "bare PySide6 QMainWindow shown",
            bare,
            "≤ 400 MB",
            unit="MB",
        )
    ]


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
