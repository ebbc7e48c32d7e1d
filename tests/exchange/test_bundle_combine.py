"""The upper level: 200 units' bundles combined without double counting; totals, participation,
quarterly ranking; re-importing changes nothing; sequence gaps and conflicts are reported."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from openpyxl import load_workbook

from sangkien_desktop.exchange.combine import (
    CombineReport,
    import_bundle,
    import_bundles,
    missing_sequences,
)
from sangkien_desktop.exchange.keys import KeyInfo, fingerprint, raw_public, trust_key
from sangkien_desktop.exchange.summary import summary_workbook
from sangkien_desktop.exchange.upper import upper_report, write_upper_report
from sangkien_desktop.exchange.writer import BundleSpec, write_bundle
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.services.initiatives import get_record
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage import Database, open_database
from tests.exchange.conftest import Sample, ready_record

UNITS = 200
CREATED = datetime(2023, 9, 1, 9, 0, tzinfo=timezone(timedelta(hours=7)))


@dataclass
class Unit:
    number: int
    key: Ed25519PrivateKey

    @property
    def code(self) -> str:
        return f"CDCS-{self.number:03d}"

    @property
    def cluster(self) -> str:
        return f"Cụm thi đua số {self.number % 7 + 1}"

    @property
    def headcount(self) -> int:
        return 20 + self.number

    @property
    def quarter_target(self) -> int:
        return self.number % 3  # its own target for Q1/2023

    def document(self) -> dict[str, object]:
        return {
            "format_version": 1,
            "code": self.code,
            "name": f"Công đoàn cơ sở số {self.number}",
            "level": "CO_SO",
            "superior_union": "Liên đoàn Lao động huyện Thử nghiệm",
            "cluster": self.cluster,
            "headcount": self.headcount,
            "targets": [{"phase": None, "year": 2023, "quarter": 1, "count": self.quarter_target}],
        }

    def records(self) -> list[InitiativeRecord]:
        """1–4 initiatives: the first two credited to the same person; in Q1/2023 except every
        third one (Q2); one in five units has one with an error (no content review)."""
        out = []
        for k in range(1 + self.number % 4):
            day = date(2023, 1, 10) + timedelta(days=k) if k % 3 != 2 else date(2023, 5, 2)
            record = ready_record(
                k + 1,
                author="Trần Văn Bình" if k < 2 else f"Tác Giả Số {k}",
                applied=day - timedelta(days=20),
                decided=day,
                id_prefix=f"u{self.number:03d}",
                status="EXPORTED",
            )
            if self.number % 5 == 0 and k == 0:
                record.content_review = replace(record.content_review, reviewer="")
            out.append(record)
        return out

    def spec(self, profile: ProgramProfile, sequence: int = 1, **changes: object) -> BundleSpec:
        spec = BundleSpec(
            bundle_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.code}/{sequence}")),
            sequence=sequence,
            previous_id=None,
            unit=self.document(),
            profile=profile,
            mode="pending",
            created_at=CREATED,
            records=self.records(),
        )
        return replace(spec, **changes)  # type: ignore[arg-type]

    def trust(self, db: Database) -> None:
        public = raw_public(self.key.public_key())
        trust_key(
            db, KeyInfo(fingerprint(public), public), self.code, f"Công đoàn số {self.number}"
        )


def _expected(units: list[Unit], profile: ProgramProfile) -> dict[str, dict[str, float]]:
    """What the report must say, worked out from the generator, not from the code under test."""
    out: dict[str, dict[str, float]] = {}
    for unit in units:
        records = unit.records()
        eligible = [r for r in records if r.content_review.reviewer]
        authors = {r.authors[0].full_name for r in eligible}
        q1 = sum(1 for r in eligible if r.recognition.decided_on < date(2023, 4, 1))
        out[unit.code] = {
            "initiatives": len(records),
            "eligible": len(eligible),
            "authors": len(authors),
            "rate": 100 * len(authors) / unit.headcount,
            "q1": q1,
        }
    return out


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Unit], list[Path]]:
    """200 units, each with its own key, and one bundle each (made once for this module)."""
    from sangkien_desktop.program import load_profile

    profile = load_profile()
    folder = tmp_path_factory.mktemp("bundles")
    units = [Unit(n, Ed25519PrivateKey.generate()) for n in range(1, UNITS + 1)]
    summary = summary_workbook(units[0].records(), profile)  # the same small sheet for each
    paths = [write_bundle(u.spec(profile), u.key, folder, summary=summary).path for u in units]
    return units, paths


@dataclass
class Combined:
    db: Database
    units: list[Unit]
    paths: list[Path]
    report: CombineReport


@pytest.fixture(scope="module")
def combined(
    tmp_path_factory: pytest.TempPathFactory, shipped: tuple[list[Unit], list[Path]]
) -> Iterator[Combined]:
    """An upper-level database that trusts the 200 units' keys and imported their bundles."""
    from sangkien_desktop.program import load_profile

    units, paths = shipped
    db = open_database(tmp_path_factory.mktemp("upper") / "upper.sqlite")
    init_unit(db, UnitDetails("Liên đoàn Lao động huyện Thử nghiệm", "LDLD-TN"))
    for unit in units:
        unit.trust(db)
    report = import_bundles(db, paths, load_profile())
    yield Combined(db, units, paths, report)
    db.close()


@pytest.fixture
def upper(db: Database, shipped: tuple[list[Unit], list[Path]]) -> Database:
    """An empty upper-level database that trusts the first unit's key."""
    shipped[0][0].trust(db)
    return db


def _snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    assert db.path is not None
    with sqlite3.connect(db.path) as connection:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'initiatives_fts%'"
            )
        ]
        return {
            t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables
        }


def test_200_units_combine_with_correct_totals(combined: Combined, profile: ProgramProfile) -> None:
    report = combined.report
    assert report.refused == 0, [b.line() for b in report.bundles if not b.imported]
    assert report.imported == UNITS
    expected = _expected(combined.units, profile)
    totals = upper_report(combined.db, profile)
    assert len(totals.units) == UNITS
    for row in totals.units:
        want = expected[row.code]
        assert (row.initiatives, row.eligible, row.credited_authors) == (
            want["initiatives"],
            want["eligible"],
            want["authors"],
        ), row.code
        assert row.participation_pct == pytest.approx(want["rate"])
        assert row.headcount == next(u.headcount for u in combined.units if u.code == row.code)
    whole = totals.totals
    assert whole.initiatives == sum(w["initiatives"] for w in expected.values())
    assert whole.eligible == sum(w["eligible"] for w in expected.values())
    assert {c.name for c in totals.clusters} == {u.cluster for u in combined.units}
    assert sum(c.units for c in totals.clusters) == UNITS
    assert sum(k.initiatives for k in totals.kinds) == whole.initiatives


def test_reimporting_the_200_bundles_changes_nothing(
    combined: Combined, profile: ProgramProfile
) -> None:
    before = _snapshot(combined.db)
    again = import_bundles(combined.db, combined.paths, profile)
    assert again.imported == UNITS
    assert all(b.added == b.updated == 0 for b in again.bundles)
    assert _snapshot(combined.db) == before


def test_quarterly_ranking_recognises_the_leader_that_beats_its_target(
    combined: Combined, profile: ProgramProfile
) -> None:
    units = combined.units
    expected = _expected(units, profile)
    report = upper_report(combined.db, profile)
    ranking = [r for r in report.ranking if (r.year, r.quarter) == (2023, 1)]
    for cluster in {u.cluster for u in units}:
        members = [u for u in units if u.cluster == cluster]
        best = max(expected[u.code]["q1"] for u in members)
        winners = {
            u.code
            for u in members
            if expected[u.code]["q1"] == best and best > u.quarter_target and best > 0
        }
        rows = [r for r in ranking if r.cluster == cluster]
        assert {r.unit_code for r in rows if r.recognised} == winners, cluster
        assert all(r.rank == 1 for r in rows if r.count == best)


def test_upper_report_is_written_to_excel(
    combined: Combined, profile: ProgramProfile, tmp_path: Path
) -> None:
    path = write_upper_report(upper_report(combined.db, profile), tmp_path / "tong-hop.xlsx")
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Đơn vị", "Cụm, khối", "Loại", "Giai đoạn", "Quý", "Xếp hạng quý"]
    rows = list(book["Đơn vị"].iter_rows(min_row=4, values_only=True))
    assert len(rows) == UNITS + 1 and rows[-1][2] == "Tổng cộng"
    assert [r[3] for r in rows[:-1]] == sorted(r[3] for r in rows[:-1])  # grouped by cluster
    book.close()


def test_initiatives_keep_their_origin_unit_and_a_unit_scoped_code(combined: Combined) -> None:
    record = get_record(combined.db, "u001-0001")
    assert record.unit_code == "CDCS-001" and record.code == "CDCS-001/SK-2022-0001"
    assert get_record(combined.db, "u002-0001").code == "CDCS-002/SK-2022-0001"


def test_newer_bundle_updates_and_out_of_sequence_is_named(
    upper: Database, shipped: tuple[list[Unit], list[Path]], profile: ProgramProfile, tmp_path: Path
) -> None:
    unit = shipped[0][0]
    import_bundles(upper, shipped[1][:1], profile)
    changed = [replace(r, title=r.title + " (sửa)") for r in unit.records()]
    spec = unit.spec(profile, 4, records=changed, previous_id="mot-goi-khac")
    fourth = write_bundle(spec, unit.key, tmp_path).path
    result = import_bundle(upper, fourth, profile)
    assert result.imported and result.updated == len(changed) and result.added == 0
    assert any("chưa nhận gói số 2, 3" in w for w in result.warnings)
    assert missing_sequences(upper) == {"CDCS-001": [2, 3]}
    assert get_record(upper, changed[0].id).title.endswith("(sửa)")


def test_older_bundle_never_overwrites_a_newer_one(
    upper: Database, shipped: tuple[list[Unit], list[Path]], profile: ProgramProfile, tmp_path: Path
) -> None:
    unit = shipped[0][0]
    changed = [replace(r, title=r.title + " (mới)") for r in unit.records()]
    newer = write_bundle(unit.spec(profile, 2, records=changed), unit.key, tmp_path).path
    assert import_bundle(upper, newer, profile).imported
    late = import_bundle(upper, shipped[1][0], profile)
    assert late.imported and late.kept_newer == len(changed) and late.updated == 0
    assert get_record(upper, changed[0].id).title.endswith("(mới)")


def test_a_different_bundle_with_a_used_sequence_number_is_refused(
    upper: Database, shipped: tuple[list[Unit], list[Path]], profile: ProgramProfile, tmp_path: Path
) -> None:
    unit = shipped[0][0]
    import_bundles(upper, shipped[1][:1], profile)
    other = write_bundle(unit.spec(profile, 1, bundle_id=str(uuid.uuid4())), unit.key, tmp_path)
    result = import_bundle(upper, other.path, profile)
    assert not result.imported
    assert "đã gửi một gói số 1 khác" in result.problems[0]


def test_untrusted_bundle_is_not_imported(
    db: Database, shipped: tuple[list[Unit], list[Path]], profile: ProgramProfile
) -> None:
    result = import_bundle(db, shipped[1][0], profile)
    assert not result.imported and "chưa được tin cậy" in result.problems[0]
    assert upper_report(db, profile).units == []


def test_a_units_own_bundle_is_not_imported_into_its_own_database(
    sample: Sample, profile: ProgramProfile, db: Database
) -> None:
    # The fixture database's home unit has the sample's unit code.
    trust_key(db, sample.trusted[0])
    result = import_bundle(db, sample.path, profile)
    assert not result.imported and "của chính đơn vị" in result.problems[0]


def test_attachments_of_an_imported_bundle_enter_the_store(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    from sangkien_desktop.services.attachments import stored_path

    upper = open_database(tmp_path / "upper.sqlite")
    init_unit(upper, UnitDetails("LĐLĐ huyện Thử nghiệm", "LDLD-TN"))
    trust_key(upper, sample.trusted[0])
    assert import_bundle(upper, sample.path, profile).imported
    for ref in sample.records[0].attachments:
        assert stored_path(upper, ref.sha256).stat().st_size == ref.size
    assert [p.name for p in (tmp_path / "attachments").iterdir() if p.name.startswith(".")] == []
    upper.close()
