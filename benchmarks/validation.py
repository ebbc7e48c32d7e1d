"""Validating 50,000 records (issue: packaging and benchmarks): the rules over records, and
reading a 50,000-record JSON file checked against the schema, each beside a bare baseline."""

from __future__ import annotations

import json
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.common import Row
from benchmarks.data import make_records
from sangkien_desktop.program import load_profile
from sangkien_desktop.records import dump_records, load_records_file
from sangkien_desktop.rules import check

COUNT = 50_000


def _seconds(function) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def run() -> list[Row]:
    profile = load_profile()
    records = make_records(COUNT, profile)
    today = date(2024, 1, 1)
    rules = _seconds(lambda: [check(r, profile, today) for r in records])
    bare_loop = _seconds(lambda: [(r.code, r.title, len(r.authors)) for r in records])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.json"
        path.write_text(dump_records(records), encoding="utf-8")
        reading = _seconds(lambda: load_records_file(path, profile))
        bare_json = _seconds(lambda: json.loads(path.read_bytes()))
    return [
        Row(
            f"rules C1–E4, R1–R5 over {COUNT:,} records",
            rules,
            "a loop reading three fields of each record",
            bare_loop,
            "≤ 2 s",
        ),
        Row(
            f"read + schema-check a {COUNT:,}-record JSON file",
            reading,
            "bare json.loads of the same file",
            bare_json,
            "—",
        ),
    ]
