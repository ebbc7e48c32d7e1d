"""Signing in, out, and the screen lock, on a real X display with real key events."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.desktop import LOGIN, MAIN, PASSWORD, Desktop, failed_attempts, sign_in, wait_for

pytestmark = pytest.mark.e2e

LOCKED = "Đã khóa$"


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
