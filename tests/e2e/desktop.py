"""Drive the real ``sangkien-desktop`` on a real X display (Xvfb) with X input events only.

``Display`` is one Xvfb server; ``Desktop`` is one application process on it, with its own
data folder, database copy and log file. Every wait is on a condition (a window appears, a
log line appears, a title changes) with a deadline sized for a busy machine; nothing sleeps
as an assertion. Every process started here is reaped by ``stop()``."""

from __future__ import annotations

import os
import re
import select
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TypeVar

from tests.timing import scaled

#: Seconds any single condition may take (a cold start on a loaded 2-core machine is slow),
#: times the machine's slowdown factor (tests/timing.py).
DEADLINE = scaled(float(os.environ.get("SANGKIEN_E2E_DEADLINE", "60")))
#: Milliseconds between typed keys: Xvfb without a window manager drops letters typed faster.
KEY_DELAY_MS = "40"
#: The demo accounts' password; window titles of the login dialog and the main window.
PASSWORD = "sangkien-demo"
LOGIN = "Đăng nhập$"
MAIN = "^Sáng Kiến Desktop$"
#: Words in the log that mean the application broke.
BROKEN = ("Traceback", "Fatal", "Segmentation", "Aborted", "core dumped")

T = TypeVar("T")

_REPO = Path(__file__).resolve().parents[2]
SHOTS = _REPO / "build" / "e2e"


def missing_tools() -> list[str]:
    return [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]


def wait_for(what: str, probe: Callable[[], T | None], deadline: float = DEADLINE) -> T:
    """``probe()``'s first true answer, polled until ``deadline`` seconds have passed."""
    end = time.monotonic() + deadline
    while True:
        answer = probe()
        if answer:
            return answer
        if time.monotonic() > end:
            raise AssertionError(f"gave up after {deadline:.0f} s waiting for {what}")
        time.sleep(0.1)


def reap(process: subprocess.Popen[bytes] | None) -> None:
    """Terminate, wait, kill if it would not end, wait again."""
    if process is None or process.poll() is not None:
        if process is not None:
            process.wait()
        return
    process.terminate()
    try:
        process.wait(timeout=DEADLINE / 2)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Display:
    """An Xvfb server on a display number it picks itself (``-displayfd``)."""

    def __init__(self) -> None:
        read_end, write_end = os.pipe()
        try:
            self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(write_end),
                    "-screen",
                    "0",
                    "1366x768x24",
                    "-nolisten",
                    "tcp",
                ],
                pass_fds=(write_end,),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        finally:
            os.close(write_end)
        try:
            self.name = f":{int(self._read_number(read_end))}"
        except BaseException:
            self.stop()
            raise
        finally:
            os.close(read_end)

    @staticmethod
    def _read_number(read_end: int) -> bytes:
        """What Xvfb writes on ``-displayfd`` once it is ready, within ``DEADLINE``."""
        number, end = b"", time.monotonic() + DEADLINE
        while not number.endswith(b"\n"):
            left = end - time.monotonic()
            if left <= 0 or not select.select([read_end], [], [], left)[0]:
                raise RuntimeError(f"Xvfb did not report its display within {DEADLINE:.0f} s")
            chunk = os.read(read_end, 16)
            if not chunk:  # it exited
                break
            number += chunk
        if not number.strip():
            raise RuntimeError("Xvfb did not start (no display number on -displayfd)")
        return number

    def stop(self) -> None:
        reap(self.process)
        self.process = None


class Desktop:
    """One ``sangkien-desktop`` process on ``display`` over the database ``db``."""

    def __init__(self, display: str, db: Path, home: Path, shots: Path) -> None:
        self.display = display
        self.db = db
        self.home = home
        self.shots = shots
        self.log = home / "desktop.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.step = 0
        home.mkdir(parents=True, exist_ok=True)
        shots.mkdir(parents=True, exist_ok=True)

    # The process ----------------------------------------------------------------------------
    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
        env.pop("SANGKIEN_DB", None)
        env.update(
            DISPLAY=self.display,
            QT_QPA_PLATFORM="xcb",
            SANGKIEN_REPORT_STARTUP="1",
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CONFIG_HOME=str(self.home / "config"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            XDG_RUNTIME_DIR=str(self.home / "runtime"),
            PYTHONFAULTHANDLER="1",
        )
        (self.home / "runtime").mkdir(mode=0o700, exist_ok=True)
        return env

    def start(self, *args: str) -> Desktop:
        script = Path(sys.executable).with_name("sangkien-desktop")
        command = (
            [str(script)] if script.exists() else [sys.executable, "-m", "sangkien_desktop.gui.app"]
        )
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [*command, "--db", str(self.db), *args],
                env=self.environment(),
                cwd=self.home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    def stop(self) -> None:
        reap(self.process)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def wait_log(self, line: str, count: int = 1) -> None:
        """Wait until ``line`` is in the log ``count`` times (the process must stay up)."""

        def seen() -> bool:
            self.assert_running()
            return self.log_text().splitlines().count(line) >= count

        wait_for(f"{line!r} ×{count} in the log", seen)

    def assert_running(self) -> None:
        if not self.alive():
            code = self.process.poll() if self.process else None
            raise AssertionError(f"sangkien-desktop ended (code {code}):\n{self.log_text()}")

    def assert_healthy(self) -> None:
        """Still running, and nothing in the log says it broke."""
        self.assert_running()
        text = self.log_text()
        broken = [word for word in BROKEN if word in text]
        assert not broken, f"{broken} in the log:\n{text}"

    # X input and windows --------------------------------------------------------------------
    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args],
            env={**os.environ, "DISPLAY": self.display},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=DEADLINE,
            check=False,
        )
        return done.stdout.strip()

    def windows(self, name: str) -> list[str]:
        """The visible windows of this process whose title matches the regex ``name``."""
        assert self.process is not None
        found = self.xdotool(
            "search", "--all", "--onlyvisible", "--pid", str(self.process.pid), "--name", name
        )
        return found.split()

    def window(self, name: str) -> str:
        """Wait for a visible window titled ``name`` (a regex) and give it the keyboard."""

        def found() -> str | None:
            self.assert_running()
            ids = self.windows(name)
            return ids[-1] if ids else None

        wid = wait_for(f"a window titled {name!r}", found)
        self.focus(wid)
        return wid

    def gone(self, name: str) -> None:
        def absent() -> bool:
            self.assert_running()
            return not self.windows(name)

        wait_for(f"the window {name!r} to close", absent)

    def gone_window(self, wid: str) -> None:
        """Wait until window ``wid`` is no longer shown."""

        def absent() -> bool:
            self.assert_running()
            return wid not in self.xdotool("search", "--onlyvisible", "--pid", str(self.pid), "")

        wait_for(f"window {wid} to close", absent)

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def focus(self, wid: str) -> None:
        # No window manager on Xvfb: windowactivate needs one, windowfocus does not.
        self.xdotool("windowfocus", "--sync", wid)
        wait_for(f"keyboard focus on window {wid}", lambda: self.focused() == wid)

    def focused(self) -> str:
        return self.xdotool("getwindowfocus")

    def title(self, wid: str) -> str:
        return self.xdotool("getwindowname", wid)

    def wait_title(self, wid: str, pattern: str) -> str:
        def matches() -> str | None:
            self.assert_running()
            title = self.title(wid)
            return title if re.search(pattern, title) else None

        return wait_for(f"window {wid} titled {pattern!r}", matches)

    def type(self, text: str) -> None:
        """Type ASCII ``text`` into the focused widget."""
        self.xdotool("type", "--clearmodifiers", "--delay", KEY_DELAY_MS, text)

    def key(self, *keys: str) -> None:
        """Press keys one after the other, e.g. ``key("ctrl+l")``, ``key("Tab", "Return")``."""
        self.xdotool("key", "--clearmodifiers", "--delay", KEY_DELAY_MS, *keys)

    def click(self, wid: str, x: int, y: int) -> None:
        """Click at ``(x, y)`` inside window ``wid``."""
        self.xdotool("mousemove", "--window", wid, "--sync", str(x), str(y), "click", "1")

    def geometry(self, wid: str) -> tuple[int, int, int, int]:
        """x, y, width, height of window ``wid`` on the screen."""
        out = self.xdotool("getwindowgeometry", "--shell", wid)
        values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        return (int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"]))

    # Evidence -------------------------------------------------------------------------------
    def settle(self, quiet: float = 1.0, deadline: float = DEADLINE) -> None:
        """Wait until the screen has not changed for ``quiet`` seconds: the application has
        done what the last keys asked and painted it (a search as you type, its result list).
        Without a window manager nothing else repaints."""
        from PIL import ImageChops, ImageGrab

        end = time.monotonic() + deadline
        image = ImageGrab.grab(xdisplay=self.display)
        since = time.monotonic()
        while time.monotonic() - since < quiet and time.monotonic() < end:
            time.sleep(0.1)
            again = ImageGrab.grab(xdisplay=self.display)
            changed = ImageChops.difference(image, again).getbbox()
            # A text cursor blinking (a few pixels wide) is not a change.
            if changed and changed[2] - changed[0] > 3:
                since = time.monotonic()
            image = again

    def shot(self, what: str) -> Path:
        """Save the whole screen, once painted, as ``build/e2e/<test>/<nn>-<what>.png``.
        Evidence only: no test asserts on a screenshot."""
        from PIL import ImageGrab

        self.step += 1
        path = self.shots / f"{self.step:02d}-{what}.png"
        self.settle(quiet=0.3, deadline=5)
        ImageGrab.grab(xdisplay=self.display).save(path)
        return path


# The CLI, to prepare a state before a launch ---------------------------------------------------
def sangkien_command() -> list[str]:
    """The ``sangkien`` command of this environment."""
    script = Path(sys.executable).with_name("sangkien")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from sangkien_desktop.cli import main; main()"]


def cli(db: Path, *args: str, user: str = "chutich") -> str:
    """Run ``sangkien --db db --user user ARGS`` (to prepare a state before a launch)."""
    done = subprocess.run(
        [*sangkien_command(), "--db", str(db), "--user", user, *args],
        env={**os.environ, "SANGKIEN_PASSWORD": PASSWORD},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=DEADLINE * 3,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def failed_attempts(db: Path, username: str) -> int:
    """The failed sign-ins counted for ``username`` (read-only, beside the running app)."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        row = connection.execute(
            "SELECT failed_attempts FROM users WHERE username = ?", (username,)
        ).fetchone()
    return int(row[0])


def sign_in(app: Desktop, username: str, password: str = PASSWORD, times: int = 1) -> None:
    """Wait for the ``times``-th login dialog, type the user name and password, press Enter.

    The first login of a fresh data folder starts in the empty user name; later ones have
    the last user's name filled in and start in the password."""
    app.wait_log("login shown", times)
    app.window(LOGIN)
    if times > 1:
        app.key("shift+Tab")
    app.key("ctrl+a")
    app.type(username)
    app.key("Tab")
    app.type(password)
    app.shot(f"login-{username}")
    app.key("Return")


def signed_in(launch: Callable[..., Desktop], username: str = "hotro") -> tuple[Desktop, str]:
    """A fresh launch signed in as ``username``: the application and its main window."""
    app = launch()
    sign_in(app, username)
    app.wait_log("main window shown")
    return app, app.window(MAIN)
