"""Signing in, out, and the screen lock, on a real X display with real key events."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.desktop import Desktop, wait_for

pytestmark = pytest.mark.e2e

PASSWORD = "sangkien-demo"
LOGIN = "Đăng nhập$"
MAIN = "^Sáng Kiến Desktop$"
LOCKED = "Đã khóa$"


def failed_attempts(db: Path, username: str) -> int:
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


def test_sign_in_with_enter_in_ten_fresh_launches(launch: Callable[..., Desktop]) -> None:
    for run in range(10):
        app = launch()
        sign_in(app, "chutich")
        app.wait_log("main window shown")
        app.window(MAIN)
        if run in (0, 9):
            app.shot(f"signed-in-{run}")
        app.assert_healthy()
        app.stop()


def test_wrong_password_then_right_one(launch: Callable[..., Desktop]) -> None:
    app = launch()
    sign_in(app, "hotro", "not-the-password")
    wait_for("the failed try counted", lambda: failed_attempts(app.db, "hotro") == 1)
    app.window(LOGIN)
    app.shot("refused")
    # The dialog stays, the password is cleared and keeps the keyboard.
    assert "main window shown" not in app.log_text()
    app.type(PASSWORD)
    app.key("Return")
    app.wait_log("main window shown")
    app.window(MAIN)
    app.shot("signed-in")
    app.assert_healthy()


def test_log_out_and_in_again(launch: Callable[..., Desktop]) -> None:
    app = launch()
    sign_in(app, "hotro")
    app.wait_log("main window shown")
    app.window(MAIN)
    app.key("alt+k")  # the Tài khoản menu opens on Khóa màn hình; Đăng xuất is two down
    app.key("Down", "Down", "Return")
    app.wait_log("login shown", 2)
    app.gone(MAIN)
    sign_in(app, "chutich", times=2)
    app.wait_log("main window shown", 2)
    app.window(MAIN)
    app.shot("signed-in-again")
    app.assert_healthy()


def test_lock_with_ctrl_l_and_unlock_with_enter(launch: Callable[..., Desktop]) -> None:
    app = launch()
    sign_in(app, "chutich")
    app.wait_log("main window shown")
    main = app.window(MAIN)
    app.key("ctrl+l")
    app.wait_title(main, LOCKED)
    app.shot("locked")
    app.type("wrong")
    app.key("Return")
    wait_for("the failed try counted", lambda: failed_attempts(app.db, "chutich") == 1)
    app.shot("unlock-refused")
    assert app.title(main).endswith("Đã khóa")
    app.type(PASSWORD)
    app.key("Return")
    app.wait_title(main, MAIN)
    app.shot("unlocked")
    app.assert_healthy()
