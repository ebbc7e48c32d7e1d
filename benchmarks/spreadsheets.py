"""Excel in and out (issue: spreadsheets) on a 20,000-row member list.

Import: our preview + import (header matching, every cell parsed and checked, matching against
the members on file, one transaction) vs bare openpyxl read-only iteration plus one bulk insert of
the same rows. Export: our formatted members workbook (styles, widths, frozen header, filter,
print setup) vs openpyxl write-only of the same cells without any formatting.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import delete, insert, select

from benchmarks.common import Row
from sangkien_desktop.services.demo import _person
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.spreadsheets.export import export_members
from sangkien_desktop.spreadsheets.members import import_member_file
from sangkien_desktop.storage.database import Database, open_database
from sangkien_desktop.storage.models import Member, Unit

COUNT = 20_000
REPEAT = 5
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Phòng ban", "Chức vụ", "Trình độ"]
_DEPARTMENTS = ("Phân xưởng Cơ khí", "Phân xưởng Hàn", "Phòng Kỹ thuật", "Kho vận")


def _sheet(path: Path) -> Path:
    """A member list as HR sends it: real dates, names with accents. Written as Excel writes a
    file, with the sheet's dimension at its top (openpyxl's write-only mode leaves it out, which
    makes every reader scan the whole sheet once more before reading it)."""
    import random

    rng = random.Random(20_000)
    book = Workbook()
    sheet = book.active
    sheet.title = "Đoàn viên"
    sheet.append(HEADER)
    for number in range(1, COUNT + 1):
        name, gender = _person(rng)
        sheet.append(
            [
                number,
                name,
                date(rng.randint(1965, 2003), rng.randint(1, 12), rng.randint(1, 28)),
                "Nam" if gender == "NAM" else "Nữ",
                rng.choice(_DEPARTMENTS),
                "Công nhân",
                "Trung cấp",
            ]
        )
    book.save(path)
    return path


def _timed(setup: Callable[[], object], work: Callable[[], object]) -> float:
    """Median milliseconds of ``work`` after ``setup`` (not timed), after one warm-up."""
    setup()
    work()
    times = []
    for _ in range(REPEAT):
        setup()
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _empty(db: Database) -> Callable[[], None]:
    def run() -> None:
        with db.session() as session:
            session.execute(delete(Member))

    return run


def _bare_import(db: Database, path: Path) -> None:
    book = load_workbook(path, read_only=True, data_only=True)
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    book.close()
    with db.session() as session:
        unit_id = session.scalar(select(Unit.id))
        session.execute(
            insert(Member),
            [
                {
                    "unit_id": unit_id,
                    "full_name": r[1],
                    "name_folded": r[1],
                    "sort_key": r[1],
                    "birth_date": r[2].date() if r[2] else None,
                    "gender": r[3],
                    "department": r[4],
                    "position": r[5],
                    "qualification": r[6],
                }
                for r in rows
            ],
        )


def _bare_export(rows: list[list[object]], path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Đoàn viên")
    for row in rows:
        sheet.append(row)
    book.save(path)


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        source = _sheet(here / "members.xlsx")
        ours_db = open_database(here / "ours.sqlite")
        bare_db = open_database(here / "bare.sqlite")
        for db in (ours_db, bare_db):
            init_unit(db, UnitDetails("Công đoàn Công ty Benchmark", "CDCS-BENCH"))
        ours = _timed(_empty(ours_db), lambda: import_member_file(ours_db, source))
        bare = _timed(_empty(bare_db), lambda: _bare_import(bare_db, source))
        rows = [
            Row(
                f"import {COUNT:,} members from .xlsx",
                ours,
                "openpyxl read-only rows + bulk insert",
                bare,
                "≤ 1.3×",
            )
        ]
        # The export's baseline writes the very values our workbook holds (below its title).
        import_member_file(ours_db, source)
        export_members(ours_db, here / "ours.xlsx")
        book = load_workbook(here / "ours.xlsx", read_only=True)
        cells = [list(r) for r in book.worksheets[0].iter_rows(min_row=4, values_only=True)]
        book.close()
        ours = _timed(lambda: None, lambda: export_members(ours_db, here / "ours.xlsx"))
        bare = _timed(lambda: None, lambda: _bare_export(cells, here / "bare.xlsx"))
        rows.append(
            Row(
                f"export {COUNT:,} members, formatted .xlsx",
                ours,
                "openpyxl write-only, same cells, no format",
                bare,
                "≤ 1.3×",
            )
        )
        ours_db.close()
        bare_db.close()
    return rows


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
