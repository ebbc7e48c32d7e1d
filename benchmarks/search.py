"""Search over 50,000 initiatives (issue: foundation): ours vs a bare SQLite LIKE scan."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from benchmarks.common import Row, median_ms
from benchmarks.data import make_database
from sangkien_desktop.program import load_profile
from sangkien_desktop.services.initiatives import search
from sangkien_desktop.text import fold

COUNT = 50_000
QUERIES = ("nguyen dang", "Quy trình an toàn", "SK-2022-0412", "hàn")


def run() -> list[Row]:
    profile = load_profile()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        db = make_database(path, COUNT, profile)
        rows = []
        raw = sqlite3.connect(path)
        for query in QUERIES:
            terms = fold(query).split()
            where = " AND ".join("search_text LIKE ?" for _ in terms)
            sql = f"SELECT code, title, credited_author, status FROM initiatives WHERE {where} "
            sql += "ORDER BY code LIMIT 50"
            params = [f"%{t}%" for t in terms]
            ours = median_ms(lambda q=query: search(db, q, 50))
            bare = median_ms(lambda s=sql, p=params: raw.execute(s, p).fetchall())
            rows.append(
                Row(
                    f"search “{query}” in {COUNT:,} initiatives",
                    ours,
                    "bare sqlite3 LIKE on the folded column",
                    bare,
                    "< 100 ms",
                )
            )
        raw.close()
        db.close()
    return rows
