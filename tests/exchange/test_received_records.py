"""Received records belong to their bundles (issue 16 point 2): at the upper level an unsigned
import never changes a record that arrived in a signed bundle nor adds one in another unit's
name, the upper report counts only records received in signed bundles, and a signed re-send
restores a record changed behind the application's back."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from sangkien_desktop.errors import InputError
from sangkien_desktop.exchange.combine import import_bundle
from sangkien_desktop.exchange.keys import trust_key
from sangkien_desktop.exchange.upper import upper_report
from sangkien_desktop.exchange.writer import BundleSpec, write_bundle
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import parse_records
from sangkien_desktop.services.initiatives import get_record, import_records
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.spreadsheets.initiatives import import_preview, read_initiatives
from sangkien_desktop.storage import Database, open_database
from tests.exchange.conftest import Sample, ready_record
from tests.offices import dump
from tests.spreadsheets.conftest import write_sheet

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
FORGED_VND = 1_001_232_499_999


@pytest.fixture
def upper(sample: Sample, profile: ProgramProfile, tmp_path: Path) -> Iterator[Database]:
    """An upper-level database that received the sample unit's signed bundle."""
    db = open_database(tmp_path / "upper.sqlite")
    init_unit(db, UnitDetails("Liên đoàn Lao động huyện Thử nghiệm", "LDLD-TN"))
    trust_key(db, sample.trusted[0])
    assert import_bundle(db, sample.path, profile).imported
    yield db
    db.close()


def _hostile(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((HOSTILE / name).read_text(encoding="utf-8"))
    return data


def _value(db: Database, profile: ProgramProfile) -> int:
    return sum(u.economic_value_vnd for u in upper_report(db, profile).units)


def test_unsigned_import_over_a_received_record_is_refused_naming_it(
    upper: Database, profile: ProgramProfile
) -> None:
    before = dump(upper)
    records = parse_records(_hostile("import-upper-overwrite.json"), profile)
    with pytest.raises(InputError, match=r"\(CDCS-TEST/SK-2022-0001\), trường id") as caught:
        import_records(upper, records, profile)
    assert "gói số 1 của CDCS-TEST" in caught.value.message
    assert dump(upper) == before


def test_unsigned_import_of_a_record_in_another_units_name_is_refused(
    upper: Database, profile: ProgramProfile
) -> None:
    before = dump(upper)
    records = parse_records(_hostile("import-upper-forged.json"), profile)
    with pytest.raises(InputError, match=r"\(SK-2022-0999\), trường unit_code") as caught:
        import_records(upper, records, profile)
    assert "CDCS-TEST" in caught.value.message
    assert dump(upper) == before


def test_unsigned_excel_row_over_a_received_record_is_an_error_in_the_preview(
    upper: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    before = dump(upper)
    path = write_sheet(
        tmp_path / "sua.xlsx",
        [["Mã", "Tên sáng kiến", "Loại", "Tác giả", "Giá trị làm lợi (đồng)"],
         ["CDCS-TEST/SK-2022-0001", "Đã bị sửa", "KY_THUAT", "Lê Văn C", FORGED_VND]],
        title="Sáng kiến",
    )  # fmt: skip
    preview = read_initiatives(upper, path, profile)
    [problem] = preview.errors
    assert (problem.row, problem.column) == (2, "A")
    assert problem.message.startswith(
        "sáng kiến CDCS-TEST/SK-2022-0001, trường id: sáng kiến này đã nhận trong gói hồ sơ ký "
        "số (gói số 1 của CDCS-TEST)"
    )
    with pytest.raises(InputError, match="CDCS-TEST/SK-2022-0001"):
        import_preview(upper, preview, profile)
    assert dump(upper) == before


def test_upper_report_counts_only_records_received_in_signed_bundles(
    upper: Database, profile: ProgramProfile
) -> None:
    expected = _value(upper, profile)
    [raw] = _hostile("import-recognised.json")
    raw |= {"submitted_on": "2022-04-01", "unit_code": None}
    raw["benefits"]["economic_value_vnd"] = FORGED_VND
    import_records(upper, parse_records([raw], profile), profile)  # the upper union's own
    assert upper.path is not None
    with sqlite3.connect(upper.path) as connection:  # an initiative slipped in by SQL
        connection.execute(
            "UPDATE initiatives SET unit_id = (SELECT id FROM units WHERE code = 'CDCS-TEST') "
            "WHERE code = ?",
            (raw["code"],),
        )
    connection.close()
    report = upper_report(upper, profile)
    assert [(u.code, u.initiatives) for u in report.units] == [("CDCS-TEST", 3)]
    assert _value(upper, profile) == expected < FORGED_VND


def test_signed_resend_repairs_a_record_changed_by_sql(
    upper: Database, profile: ProgramProfile, sample: Sample
) -> None:
    expected = _value(upper, profile)
    assert upper.path is not None
    with sqlite3.connect(upper.path) as connection:
        connection.execute(
            "UPDATE initiatives SET economic_value_vnd = ?, title = 'Đã bị sửa' WHERE id = ?",
            (FORGED_VND, sample.records[0].id),
        )
    connection.close()
    result = import_bundle(upper, sample.path, profile)
    assert result.imported and result.repaired == 1
    assert "1 đã sửa lại" in result.line() and "2 không đổi" in result.line()
    record = get_record(upper, sample.records[0].id)
    assert record.title == sample.records[0].title
    assert record.benefits.economic_value_vnd == sample.records[0].benefits.economic_value_vnd
    assert _value(upper, profile) == expected


def test_signed_resend_with_offset_times_reports_nothing_changed(
    upper: Database, profile: ProgramProfile, sample: Sample, tmp_path: Path
) -> None:
    """A bundle whose times carry their UTC offset (RECORD.md's example) is not "repaired" on
    every re-send because the database keeps times without it."""
    hanoi = timezone(timedelta(hours=7))
    records = [
        replace(
            ready_record(n, status="EXPORTED"), created_at=datetime(2022, 3, 1, 8, 30, tzinfo=hanoi)
        )
        for n in (7, 8)
    ]
    spec = BundleSpec(
        bundle_id=str(uuid.uuid4()),
        sequence=2,
        previous_id=None,
        unit={"format_version": 1, "code": "CDCS-TEST", "name": "Công đoàn Công ty Thử nghiệm"},
        profile=profile,
        mode="pending",
        created_at=datetime(2023, 9, 1, 9, 0, tzinfo=hanoi),
        records=records,
    )
    path = write_bundle(spec, sample.key, tmp_path / "out").path
    assert import_bundle(upper, path, profile).added == 2
    again = import_bundle(upper, path, profile)
    assert (again.unchanged, again.repaired, again.updated) == (2, 0, 0)
