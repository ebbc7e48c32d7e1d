"""After a native crash, the next start of the real application says so, once, over the login
dialog, and signing in goes on (gui/errors.py, logs.py; docs/crash-safety.md)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from sangkien_desktop.gui.app import CRASH_TEST_ENV
from tests.e2e.desktop import LOGIN, MAIN, Desktop, sign_in, wait_for

pytestmark = pytest.mark.e2e


@pytest.fixture
def no_core_dump() -> Iterator[None]:
    """Processes started meanwhile leave no core file when they crash on purpose."""
    if os.name != "posix":
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_CORE, (soft, hard))


def test_the_start_after_a_native_crash_says_so_once_and_sign_in_goes_on(
    launch: Callable[..., Desktop], monkeypatch: pytest.MonkeyPatch, no_core_dump: None
) -> None:
    plain = Desktop.environment

    def environment(desktop: Desktop, **extra: str) -> dict[str, str]:
        # PYTHONFAULTHANDLER would keep the trace on the console, where no next start sees it.
        env = {k: v for k, v in plain(desktop).items() if k != "PYTHONFAULTHANDLER"}
        return {**env, **extra}

    monkeypatch.setattr(
        Desktop, "environment", lambda d: environment(d, **{CRASH_TEST_ENV: "after-start"})
    )
    crashed = launch()
    wait_for("the deliberate crash", lambda: crashed.process.poll() is not None)  # type: ignore[union-attr]
    assert "Segmentation" not in crashed.log_text()  # the trace went to the file

    monkeypatch.setattr(Desktop, "environment", environment)
    app = launch()
    app.wait_log("login shown")
    app.wait_log("crash notice shown")
    notice = app.window(MAIN)  # the notice, over the login dialog
    app.shot("crash-notice")
    app.key("Return")
    app.gone_window(notice)
    sign_in(app, "chutich")
    app.wait_log("main window shown")
    app.window(MAIN)
    app.assert_healthy()
    app.stop()

    again = launch()
    again.wait_log("login shown")
    again.window(LOGIN)
    again.assert_healthy()
    assert "crash notice shown" not in again.log_text()
    assert len(list((again.db.parent / "logs").glob("crash-*.txt"))) == 1
