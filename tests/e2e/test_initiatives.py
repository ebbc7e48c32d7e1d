"""Initiatives from the keyboard on a real display: create, save, reopen, close with changes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.desktop import MAIN, Desktop, cli, signed_in, wait_for

pytestmark = pytest.mark.e2e

NEW = "^Sáng kiến mới"


SAVED = r"^SK-\d{4}-\d{4} — E2E pump retrofit — "
MODIFIED = r"^SK-\d{4}-\d{4}\* — E2E pump retrofit — "


def add_author(app: Desktop, editor: str, name: str, share: str) -> None:
    """Alt+G clicks Thêm tác giả (Qt animates a mnemonic's click: the row comes a moment
    later, and the window shows it is modified); Tab ×5 reaches the share; save."""
    app.key("alt+g")
    app.wait_title(editor, MODIFIED)
    app.type(name)
    app.key(*["Tab"] * 5)
    app.type(share)
    app.key("Return", "ctrl+s")
    app.wait_title(editor, SAVED)


def test_new_initiative_with_two_authors_saved_and_reopened(
    launch: Callable[..., Desktop],
) -> None:
    app, main = signed_in(launch)
    app.key("ctrl+n")
    editor = app.window(NEW)
    app.type("E2E pump retrofit")
    app.key("ctrl+s")
    code = app.wait_title(editor, SAVED).split()[0]
    app.key("ctrl+Next")  # the Tác giả section
    add_author(app, editor, "Zed Author One", "60")
    add_author(app, editor, "Zed Author Two", "40")
    app.shot("two-authors-saved")
    shown = cli(app.db, "initiative", "show", code)
    assert "Tác giả: Zed Author One (60%); Zed Author Two (40%)" in shown, shown

    app.key("ctrl+w")
    app.gone("E2E pump retrofit")
    app.focus(main)
    app.key("ctrl+f")  # the list, its search box
    app.type(code)
    app.settle()  # the list shows the one initiative found
    app.shot("found")
    # Search box, five filters, Thêm sáng kiến, Cột, then the table; Enter opens the row.
    app.key(*["Tab"] * 8, "Return")
    app.window(f"^{code} — E2E pump retrofit — ")
    app.key("ctrl+Next")
    app.shot("reopened-authors")
    app.assert_healthy()


def test_closing_an_editor_with_changes_asks_and_saves(launch: Callable[..., Desktop]) -> None:
    app, _main = signed_in(launch)
    app.key("ctrl+n")
    editor = app.window(NEW)
    app.type("E2E unsaved idea")
    app.wait_title(editor, r"\*")  # the window says it has unsaved changes
    app.key("ctrl+w")
    prompt = wait_for("the unsaved-changes prompt", lambda: len(app.windows(MAIN)) == 2)
    assert prompt
    app.shot("prompt")
    app.key("Escape")  # Hủy: the editor stays, with what was typed
    wait_for("the prompt to close", lambda: len(app.windows(MAIN)) == 1)
    assert app.windows(NEW)
    app.focus(editor)
    app.key("ctrl+w")
    wait_for("the prompt again", lambda: len(app.windows(MAIN)) == 2)
    app.key("Return")  # Lưu, the default answer
    app.gone("E2E unsaved idea")
    assert "E2E unsaved idea" in cli(app.db, "search", "E2E unsaved")
    app.shot("saved-and-closed")
    app.assert_healthy()
