"""Formula injection (issue 16): text that starts like a formula, typed into an initiative, a
member or a sub-unit's unit.json, is written by every export as text (never a formula cell)
with a quote prefix, and numbers stay numbers. No workbook of the application holds a formula
on purpose, so any cell of type "f" is a failure."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import update

from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.combine import import_bundle
from sangkien_desktop.exchange.summary import summary_workbook
from sangkien_desktop.exchange.upper import upper_report, upper_workbook
from sangkien_desktop.program import load_profile
from sangkien_desktop.records import io as records_io
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.services.initiatives import import_records
from sangkien_desktop.services.members import MemberData, add_member
from sangkien_desktop.spreadsheets.cells import formula_like, put
from sangkien_desktop.spreadsheets.export import (
    export_initiatives,
    export_members,
    export_stats,
)
from sangkien_desktop.spreadsheets.templates import write_template
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative
from tests.fuzz.conftest import BundleSeed, new_db
from tests.hostile.conftest import signed_again
from tests.hostile.make_corpus import FORMULA_TEXTS, HOSTILE

PROFILE = load_profile()


def _records() -> list[InitiativeRecord]:
    return records_io.load_records_file(HOSTILE / "formula-records.json", PROFILE)


def _check(workbook: bytes | Path, *, hostile: bool = True, numbers: bool = True) -> None:
    """No formula cell; every formula-like text quoted; at least one hostile text and one
    number present (the export did write them)."""
    data = workbook.read_bytes() if isinstance(workbook, Path) else workbook
    book = load_workbook(io.BytesIO(data))
    seen_text = seen_number = False
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                where = f"{sheet.title}!{cell.coordinate} = {cell.value!r}"
                assert cell.data_type != "f", where
                if isinstance(cell.value, str) and formula_like(cell.value):
                    assert cell.data_type == "s" and cell.quotePrefix, where
                    seen_text = True
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    assert cell.data_type == "n", where
                    seen_number = True
    book.close()
    assert seen_number or not numbers
    assert seen_text or not hostile


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Database]:
    db = new_db(tmp_path / "db")
    import_records(db, _records(), PROFILE)
    for text in FORMULA_TEXTS:
        add_member(db, MemberData(full_name=text, department=text, birth_date=date(1985, 1, 2)))
    yield db
    db.close()


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("=1+1", True),
        ("+84 912", True),
        ("-2+3", True),
        ("@SUM(A1)", True),
        ("\t=1+1", True),
        ("\r=1+1", True),
        ("\tchữ", True),
        (" \n =1+1", True),
        ("Sáng kiến = giải pháp", False),
        ("", False),
        ("   ", False),
        ("#N/A", False),
    ],
)
def test_text_is_written_as_text_quoted_when_it_looks_like_a_formula(
    text: str, quoted: bool
) -> None:
    cell = Workbook().active["A1"]
    put(cell, text)
    assert (cell.value, cell.data_type, bool(cell.quotePrefix)) == (text, "s", quoted)
    put(cell, "Đồ gá")  # the writers reuse one cell per column: the mark goes with the text
    assert not cell.quotePrefix


@pytest.mark.parametrize("value", [0, -5, 12.5, 125_000_000, date(2023, 4, 20), True, None])
def test_numbers_dates_and_booleans_keep_their_type(value: object) -> None:
    cell = Workbook().active["A1"]
    put(cell, value)
    assert cell.value == value
    assert cell.data_type != "s"


def test_a_control_character_already_stored_no_longer_breaks_the_export() -> None:
    cell = Workbook().active["A1"]
    put(cell, "Đồ gá\x00hàn\x01")
    assert cell.value == "Đồ gá\ufffdhàn\ufffd"


def test_initiatives_export_writes_no_formula(office: Database, tmp_path: Path) -> None:
    export_initiatives(office, tmp_path / "sang-kien.xlsx", PROFILE)
    _check(tmp_path / "sang-kien.xlsx")


def test_members_export_writes_no_formula(office: Database, tmp_path: Path) -> None:
    export_members(office, tmp_path / "doan-vien.xlsx")
    _check(tmp_path / "doan-vien.xlsx")


def test_stats_export_writes_no_formula(office: Database, tmp_path: Path) -> None:
    export_stats(office, tmp_path / "thong-ke.xlsx", PROFILE, date(2023, 6, 30))
    _check(tmp_path / "thong-ke.xlsx", hostile=False)


def test_bundle_summary_writes_no_formula() -> None:
    _check(summary_workbook(_records(), PROFILE))


def test_templates_write_no_formula(tmp_path: Path) -> None:
    for kind in ("members", "initiatives"):
        path = write_template(kind, tmp_path / f"{kind}.xlsx", PROFILE)
        _check(path, hostile=False, numbers=False)


def test_upper_report_from_a_hostile_unit_json_writes_no_formula(
    bundle_seed: BundleSeed, tmp_path: Path
) -> None:
    members = dict(bundle_seed.members)
    unit = json.loads(members[bagfmt.UNIT])
    unit["name"], unit["cluster"] = '=HYPERLINK("http://x.invalid")', "@cụm"
    members[bagfmt.UNIT] = json.dumps(unit, ensure_ascii=False).encode()
    path = signed_again(bundle_seed, members, tmp_path)
    db = new_db(tmp_path / "tinh", "LDLD-TINH")
    try:
        result = import_bundle(db, path, PROFILE, trusted=bundle_seed.trusted)
        assert result.imported, result.problems
        _check(upper_workbook(upper_report(db, PROFILE)))
    finally:
        db.close()


def test_a_title_with_a_nul_stored_by_an_older_version_still_exports(
    office: Database, tmp_path: Path
) -> None:
    with office.session() as session:
        session.execute(update(Initiative).values(title="Đồ gá\x00hàn\x01 nhanh"))
    export_initiatives(office, tmp_path / "sang-kien.xlsx", PROFILE)
    book = load_workbook(tmp_path / "sang-kien.xlsx")
    texts = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    book.close()
    assert "Đồ gá\ufffdhàn\ufffd nhanh" in texts
    records = _records()
    records[0].title = "Đồ gá\x00hàn"
    _check(summary_workbook(records, PROFILE))
