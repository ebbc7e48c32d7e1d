"""The initiatives list at 50,000 rows (issue: desktop application): first paint of the screen
and one search keystroke, against bare sqlite3 running the equivalent query."""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import Row, median_ms
from benchmarks.data import make_database
from sangkien_desktop.program import load_profile

COUNT = 50_000
TYPED = (
    "n",
    "ng",
    "ngu",
    "nguy",
    "nguye",
    "nguyen",
    "nguyen ",
    "nguyen v",
    "nguyen va",
    "nguyen van",
    "ha",
    "han",
    "hàn",
    "quy",
    "quy trinh",
    "SK-2023",
)


def run() -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from sangkien_desktop.gui.screens.initiatives import InitiativesScreen
    from sangkien_desktop.services.initiatives import InitiativeFilter

    app = QApplication.instance() or QApplication([])
    profile = load_profile()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        db = make_database(path, COUNT, profile)
        raw = sqlite3.connect(path)

        def first_paint() -> None:
            screen = InitiativesScreen(db, profile)
            screen.resize(1366, 700)
            screen.show()
            app.processEvents()
            screen.grab()
            screen.close()
            screen.deleteLater()

        paint = median_ms(first_paint, repeat=5)
        bare_ids = median_ms(
            lambda: raw.execute("SELECT id FROM initiatives ORDER BY code, id").fetchall(), 5
        )
        screen = InitiativesScreen(db, profile)
        screen.resize(1366, 700)
        screen.show()
        app.processEvents()
        ours, bare = [], []
        for text in TYPED:
            start = time.perf_counter()
            screen.model.set_filter(InitiativeFilter(text=text))
            app.processEvents()
            ours.append((time.perf_counter() - start) * 1000)
            terms = [f"%{t}%" for t in text.lower().replace("à", "a").split()]
            where = " AND ".join("search_text LIKE ?" for _ in terms)
            sql = f"SELECT id FROM initiatives WHERE {where} ORDER BY code"
            start = time.perf_counter()
            raw.execute(sql, terms).fetchall()
            bare.append((time.perf_counter() - start) * 1000)
        screen.close()
        raw.close()
        db.close()
    return [
        Row(
            f"initiatives screen first paint, {COUNT:,} rows",
            paint,
            "bare sqlite3: all ids in code order",
            bare_ids,
            "≤ 300 ms",
        ),
        Row(
            "search keystroke → updated view (median)",
            statistics.median(ours),
            "bare sqlite3 LIKE query, same text",
            statistics.median(bare),
            "≤ 50 ms",
        ),
    ]
