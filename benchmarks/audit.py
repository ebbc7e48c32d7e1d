"""``sangkien audit verify`` on 50,000 audit rows (issue 16): the chain, the anchor and the data
tables against the log; and what a save costs now that each audit row carries its entity's
state. Each beside a bare baseline measured in the same run."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.common import Row, median_ms
from benchmarks.data import make_records
from sangkien_desktop.program import load_profile
from sangkien_desktop.security.audit import verify
from sangkien_desktop.services.demo import DEMO_UNIT
from sangkien_desktop.services.initiatives import get_record, import_records, save_record
from sangkien_desktop.services.units import init_unit
from sangkien_desktop.storage import open_database

COUNT = 50_000


def _ms(function) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def run() -> list[Row]:
    profile = load_profile()
    records = make_records(COUNT, profile)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.sqlite"
        db = open_database(path)
        try:
            init_unit(db, DEMO_UNIT)
            importing = _ms(lambda: import_records(db, records, profile, actor="bench"))
            checking = median_ms(lambda: verify(db), repeat=3)
            found = verify(db)
            assert found.intact, (found.problems[:3], found.outside[:3])

            def bare() -> None:
                with sqlite3.connect(path) as connection:
                    for _row in connection.execute("SELECT * FROM audit_log ORDER BY id"):
                        pass

            reading = median_ms(bare, repeat=3)
            record = get_record(db, records[0].id)

            def save() -> None:
                record.title = record.title + "."
                save_record(db, record, profile, "bench")

            saving = median_ms(save, repeat=9)
        finally:
            db.close()
    return [
        Row(
            f"audit verify, {found.rows:,} rows + {COUNT:,} initiatives",
            checking,
            "bare sqlite3 read of every audit row",
            reading,
            "≤ 10 s",
        ),
        Row(
            f"import {COUNT:,} initiatives (audit states included)",
            importing,
            "audit verify of the result",
            checking,
            "≤ 60 s",
        ),
        Row(
            f"save one initiative in {COUNT:,} (state digest at commit)",
            saving,
            "bare sqlite3 read of every audit row",
            reading,
            "≤ 200 ms",
        ),
    ]
