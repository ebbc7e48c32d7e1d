"""One initiative from creation to recognised without leaving its editor, on a real display,
counting every key press (issue 14: the same journey took about 42 steps before the editor had
its move buttons)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.desktop import Desktop, cli, signed_in, wait_for

pytestmark = pytest.mark.e2e

NEW = "^Sáng kiến mới"
SAVED = r"^SK-\d{4}-\d{4} — E2E journey idea — "


class Counted:
    """The keys of a journey: each chord (ctrl+s, Tab, Return) and each typed text counted."""

    def __init__(self, app: Desktop) -> None:
        self.app, self.chords, self.texts, self.letters = app, 0, 0, 0

    def key(self, *keys: str) -> None:
        self.chords += len(keys)
        self.app.key(*keys)

    def type(self, text: str) -> None:
        self.texts += 1
        self.letters += len(text)
        self.app.type(text)


def status_of(app: Desktop, code: str) -> str:
    shown = cli(app.db, "initiative", "show", code)
    return next(line for line in shown.splitlines() if "Trạng thái:" in line)


def test_create_and_recognise_without_leaving_the_editor(
    launch: Callable[..., Desktop], capsys: pytest.CaptureFixture[str]
) -> None:
    app, _main = signed_in(launch, "chutich")  # the chair may recognise
    keys = Counted(app)
    keys.key("ctrl+n")
    editor = app.window(NEW)
    keys.type("E2E journey idea")
    keys.key("ctrl+s")
    code = app.wait_title(editor, SAVED).split()[0]
    keys.key("ctrl+shift+m")  # → Đang hoàn thiện hồ sơ (no question to answer)
    _wait_status(app, code, "Đang hoàn thiện hồ sơ")
    keys.key("ctrl+shift+m")  # → Đã nộp Hội đồng: the receipt date, today by default
    app.window("^Chuyển sang “Đã nộp Hội đồng”")
    keys.key("Return")
    _wait_status(app, code, "Đã nộp Hội đồng")
    app.focus(editor)  # Xvfb has no window manager to give the keyboard back to the editor
    keys.key("ctrl+shift+m")  # → Đã được công nhận: the decision (who, body, number, date)
    app.window("^Chuyển sang “Đã được công nhận”")
    app.shot("recognise-dialog")
    keys.key("Tab")
    keys.type("Hoi dong sang kien Cong ty")
    keys.key("Tab")
    keys.type("15/QD-HDSK")
    keys.key("Return")  # the decision dated today, as shown
    _wait_status(app, code, "Đã được công nhận")
    app.focus(editor)
    app.shot("recognised")
    shown = cli(app.db, "initiative", "show", code)
    assert "15/QD-HDSK" in shown, shown
    assert app.windows(f"^{code}")  # the editor is still the window in front
    app.assert_healthy()
    with capsys.disabled():
        print(
            f"\njourney create → recognised: {keys.chords} key presses and "
            f"{keys.texts} typed texts ({keys.letters} letters), 0 clicks"
        )
    assert keys.chords + keys.texts <= 14


def _wait_status(app: Desktop, code: str, name: str) -> None:
    wait_for(f"{code} to be “{name}”", lambda: name in status_of(app, code) or None)


def test_search_down_enter_opens_and_escape_closes(launch: Callable[..., Desktop]) -> None:
    app, main = signed_in(launch)
    keys = Counted(app)
    keys.key("ctrl+f")
    keys.type("SK-2023-0022")
    app.settle()  # the list shows the one initiative found
    keys.key("Down", "Return")  # from the search box to the hit, and open it
    editor = app.window("^SK-2023-0022 — ")
    app.shot("opened")
    keys.key("Escape")  # nothing changed: it closes without asking
    app.gone_window(editor)
    app.focus(main)
    app.assert_healthy()
    assert (keys.chords, keys.texts) == (4, 1)
