"""Dates typed on a real display: the move dialog's receipt date typed over the one it shows is
the date stored (issue 13: ``20/03/2023`` typed there once stored today's date)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.desktop import Desktop, signed_in, wait_for

pytestmark = pytest.mark.e2e

CODE = "SK-2021-0015"  # DRAFTING in the demo data


def submitted_on(db: Path) -> str | None:
    """The receipt date stored for CODE (read-only, beside the running app)."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        row = connection.execute(
            "SELECT submitted_on FROM initiatives WHERE code = ?", (CODE,)
        ).fetchone()
    return str(row[0]) if row and row[0] else None


def test_a_receipt_date_typed_in_the_move_dialog_is_the_one_stored(
    launch: Callable[..., Desktop], e2e_db: Path
) -> None:
    app, _main = signed_in(launch, "chutich")
    app.key("ctrl+f")
    app.type(CODE)
    app.key(*["Tab"] * 8, "space")  # the one row found, selected
    app.key("Menu")  # the list's context menu
    app.key("Down", "Down", "Return")  # Chuyển trạng thái…
    app.window("^Chuyển trạng thái$")
    app.key("Return")  # Đã nộp Hội đồng, the step forward, is the one chosen
    app.window("^Chuyển sang “Đã nộp Hội đồng”$")  # today's date shown, selected
    app.type("20/03/2023")
    app.shot("receipt-date")
    app.key("Return")
    assert wait_for("the move", lambda: submitted_on(e2e_db)) == "2023-03-20"
    app.shot("moved")  # said in the status bar, no box to close
    app.assert_healthy()
