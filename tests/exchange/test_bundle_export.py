"""Exporting a signed bundle: what it holds, what it marks, what it refuses."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
import zipfile
from dataclasses import replace
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import bagit
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from sangkien_desktop.errors import InputError
from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.export import (
    candidates,
    confirm_uploaded,
    export_bundle,
    sent_bundles,
)
from sangkien_desktop.exchange.keys import trusted_keys
from sangkien_desktop.exchange.verify import verify_bundle
from sangkien_desktop.exchange.writer import BundleCancelled, bundle_stem
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.services.attachments import attachments_dir
from sangkien_desktop.services.initiatives import get_record, import_records, save_record
from sangkien_desktop.services.members import MemberData, import_members
from sangkien_desktop.services.units import home_unit
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative, Target
from sangkien_desktop.workflow.service import Move, move
from tests.exchange.conftest import PASSPHRASE, Exported, add_ready, read_members, ready_record
from tests.timing import scaled


def test_exported_bundle_is_a_valid_bagit_bag(exported: Exported, tmp_path: Path) -> None:
    target = tmp_path / "extracted"
    with zipfile.ZipFile(exported.path) as archive:
        archive.extractall(target)  # the test's own trusted file: the library needs a folder
    [bag_folder] = list(target.iterdir())
    bag = bagit.Bag(str(bag_folder))
    bag.validate()
    assert bag.info["SangKien-Initiative-Count"] == "3"
    assert bag.info["Payload-Oxum"].endswith(".5")  # 3 fixed payload files + 2 attachments


def test_exported_bundle_passes_the_bagit_command_line_validator(
    exported: Exported, tmp_path: Path
) -> None:
    target = tmp_path / "extracted"
    with zipfile.ZipFile(exported.path) as archive:
        archive.extractall(target)
    [bag_folder] = list(target.iterdir())
    done = subprocess.run(
        [sys.executable, "-m", "bagit", "--validate", str(bag_folder)],
        capture_output=True,
        text=True,
        timeout=scaled(120),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "is valid" in done.stderr


def test_exported_bundle_passes_our_verify(exported: Exported, profile: ProgramProfile) -> None:
    result = verify_bundle(exported.path, trusted=trusted_keys(exported.db), profile=profile)
    assert result.problems == []
    assert result.ok
    assert [r.id for r in result.records] == [r.id for r in exported.records]
    assert result.info is not None and result.info.sequence == 1


def test_bundle_holds_records_unit_summary_and_attachments(exported: Exported) -> None:
    base, members = read_members(exported.path)
    assert base == exported.path.stem
    records = json.loads(members[bagfmt.INITIATIVES].decode("utf-8"))
    assert [r["code"] for r in records] == ["SK-2022-0001", "SK-2022-0002", "SK-2022-0003"]
    assert {r["unit_code"] for r in records} == {"CDCS-TEST"}
    shas = {a["sha256"] for a in records[0]["attachments"]}
    assert {n for n in members if n.startswith("data/attachments/")} == {
        f"data/attachments/{sha}" for sha in shas
    }
    unit = json.loads(members[bagfmt.UNIT])
    assert unit["code"] == "CDCS-TEST" and unit["name"] == "Công đoàn Công ty Thử nghiệm"
    book = load_workbook(BytesIO(members[bagfmt.SUMMARY]), read_only=True)
    rows = list(book["Sáng kiến"].iter_rows(values_only=True))
    assert rows[0][:3] == ("STT", "Mã sáng kiến", "Tên sáng kiến")
    assert rows[1][1] == "SK-2022-0001" and rows[1][7] == "Nguyễn Thị Hường"
    authors = list(book["Tác giả"].iter_rows(values_only=True))
    assert len(authors) == 1 + 3 * 2
    book.close()


def test_signature_file_names_the_key_and_covers_the_tag_manifest(exported: Exported) -> None:
    _base, members = read_members(exported.path)
    tags = dict(bagfmt.parse_tags(members[bagfmt.SIGNATURE], bagfmt.SIGNATURE))
    assert tags["Signed-File"] == bagfmt.TAGMANIFEST
    assert tags["Key-Fingerprint"] == exported.result.key_fingerprint
    listed = bagfmt.parse_manifest(members[bagfmt.TAGMANIFEST], bagfmt.TAGMANIFEST)
    assert set(listed) == {bagfmt.BAGIT, bagfmt.BAG_INFO, bagfmt.MANIFEST}


def test_exported_initiatives_move_to_exported_with_the_bundle_id(exported: Exported) -> None:
    for record in exported.records:
        stored = get_record(exported.db, record.id)
        assert stored.status == "EXPORTED"
    assert exported.result.moved == ["SK-2022-0001", "SK-2022-0002", "SK-2022-0003"]
    with exported.db.reader() as session:
        ids = set(session.scalars(select(Initiative.bundle_id)))
    assert ids == {exported.result.bundle_id}


def test_bundle_records_travel_as_exported(exported: Exported) -> None:
    _base, members = read_members(exported.path)
    assert {r["status"] for r in json.loads(members[bagfmt.INITIATIVES])} == {"EXPORTED"}


def test_default_export_leaves_out_what_was_sent_and_unchanged(
    exported: Exported, profile: ProgramProfile
) -> None:
    first = exported.records[0]
    move(exported.db, first.id, Move("READY"), profile)  # sent back, not changed
    assert candidates(exported.db) == []
    with pytest.raises(InputError, match="Không có sáng kiến nào cần gửi"):
        export_bundle(exported.db, profile, exported.path.parent, PASSPHRASE)


def test_default_export_takes_what_changed_since_it_was_sent(
    exported: Exported, profile: ProgramProfile, tmp_path: Path
) -> None:
    first = exported.records[0]
    move(exported.db, first.id, Move("READY"), profile)
    changed = get_record(exported.db, first.id)
    changed.title = "Quy trình kiểm tra nhanh mối hàn (bản sửa)"
    save_record(exported.db, changed, profile)
    import_records(exported.db, [ready_record(9)], profile)
    second = export_bundle(exported.db, profile, tmp_path / "out", PASSPHRASE)
    assert second.sequence == 2
    assert sorted(second.moved) == ["SK-2022-0001", "SK-2022-0009"]
    info = verify_bundle(second.path, trusted=trusted_keys(exported.db), profile=profile).info
    assert info is not None and info.previous_id == exported.result.bundle_id


def test_export_all_resends_every_initiative_from_ready_on(
    exported: Exported, profile: ProgramProfile, tmp_path: Path
) -> None:
    again = export_bundle(exported.db, profile, tmp_path / "out", PASSPHRASE, mode="all")
    assert again.initiative_count == 3 and again.sequence == 2
    assert again.moved == []  # they already are EXPORTED


def test_initiative_with_an_error_finding_is_refused_with_the_finding(
    keyed_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    import_records(keyed_db, [ready_record(1), ready_record(2)], profile)
    # An import cannot make a record with an error READY; the editor can still take the
    # reviewer away from a READY one.
    bad = get_record(keyed_db, "SK-2022-0001")
    bad.content_review = replace(bad.content_review, reviewer="", reviewed_on=None)
    save_record(keyed_db, bad, profile)
    with pytest.raises(InputError, match=r"SK-2022-0001: E3_PUBLIC_ORDER") as error:
        export_bundle(keyed_db, profile, tmp_path / "out", PASSPHRASE)
    assert "1 sáng kiến còn lỗi" in error.value.message
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert get_record(keyed_db, "sk-0002").status == "READY"


def test_attachment_missing_from_the_store_is_refused_naming_it(
    keyed_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    records = add_ready(keyed_db, profile, tmp_path / "files", count=1, files=1)
    sha = records[0].attachments[0].sha256
    (attachments_dir(keyed_db) / sha[:2] / sha).unlink()
    with pytest.raises(InputError, match=r"SK-2022-0001.*QĐ-1-HĐSK\.pdf"):
        export_bundle(keyed_db, profile, tmp_path / "out", PASSPHRASE)
    assert sent_bundles(keyed_db) == []


def test_attachment_damaged_in_the_store_is_refused_and_leaves_no_file(
    keyed_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    records = add_ready(keyed_db, profile, tmp_path / "files", count=1, files=1)
    sha = records[0].attachments[0].sha256
    blob = attachments_dir(keyed_db) / sha[:2] / sha
    blob.write_bytes(b"X" + blob.read_bytes()[1:])
    with pytest.raises(InputError, match="bị hỏng"):
        export_bundle(keyed_db, profile, tmp_path / "out", PASSPHRASE)
    assert list((tmp_path / "out").iterdir()) == []  # not even the temporary .part
    assert sent_bundles(keyed_db) == []
    assert get_record(keyed_db, "sk-0001").status == "READY"


def test_wrong_passphrase_is_refused_before_any_work(
    keyed_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    add_ready(keyed_db, profile, tmp_path / "files")
    with pytest.raises(InputError, match="Mật khẩu khóa ký không đúng"):
        export_bundle(keyed_db, profile, tmp_path / "out", "không phải mật khẩu")
    assert not (tmp_path / "out").exists()


def test_cancel_writes_nothing_and_the_sequence_is_reused(
    keyed_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    add_ready(keyed_db, profile, tmp_path / "files")
    calls: list[tuple[int, int]] = []

    def stop_midway(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 3

    with pytest.raises(BundleCancelled):
        export_bundle(keyed_db, profile, tmp_path / "out", PASSPHRASE, progress=stop_midway)
    assert list((tmp_path / "out").iterdir()) == []
    assert sent_bundles(keyed_db) == []
    assert get_record(keyed_db, "sk-0001").status == "READY"
    done = export_bundle(keyed_db, profile, tmp_path / "out", PASSPHRASE)
    assert done.sequence == 1 and [p.name for p in (tmp_path / "out").iterdir()] == [done.path.name]


def test_full_disk_leaves_no_half_bundle_and_marks_nothing(
    keyed_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    add_ready(keyed_db, profile, tmp_path / "files")

    def disk_fills_up(done: int, total: int) -> bool:
        if done > total // 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return True

    with pytest.raises(InputError, match="ổ đĩa đầy"):
        export_bundle(keyed_db, profile, tmp_path / "out", PASSPHRASE, progress=disk_fills_up)
    assert list((tmp_path / "out").iterdir()) == []
    assert sent_bundles(keyed_db) == []
    assert get_record(keyed_db, "sk-0001").status == "READY"


def test_progress_reaches_the_whole(
    exported: Exported, profile: ProgramProfile, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    export_bundle(
        exported.db,
        profile,
        tmp_path / "again",
        PASSPHRASE,
        mode="all",
        progress=lambda done, total: seen.append((done, total)) or True,
    )
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_confirm_uploaded_marks_the_bundles_initiatives(
    exported: Exported, profile: ProgramProfile
) -> None:
    report = confirm_uploaded(exported.db, "1", profile, date(2023, 5, 2))
    assert sorted(report.moved) == ["SK-2022-0001", "SK-2022-0002", "SK-2022-0003"]
    assert get_record(exported.db, "sk-0002").status == "UPLOADED"
    [bundle] = sent_bundles(exported.db)
    assert bundle.uploaded_on == date(2023, 5, 2) and bundle.still_exported == 0


def test_unit_json_carries_headcount_and_own_targets(
    keyed_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    import_members(keyed_db, [MemberData(f"Người Số {i}") for i in range(12)])
    with keyed_db.session() as session:
        session.add(Target(unit_id=home_unit(session).id, year=2022, quarter=2, count=5))
    add_ready(keyed_db, profile, tmp_path / "files", files=0)
    result = export_bundle(keyed_db, profile, tmp_path / "out", PASSPHRASE)
    unit = json.loads(read_members(result.path)[1][bagfmt.UNIT])
    assert unit["headcount"] == 12 and unit["headcount_source"] == "members"
    assert unit["targets"] == [{"phase": None, "year": 2022, "quarter": 2, "count": 5}]


def test_existing_file_is_never_overwritten(exported: Exported, profile: ProgramProfile) -> None:
    stem = bundle_stem("CDCS-TEST", 2, datetime.now())
    taken = exported.path.parent / f"{stem}.zip"
    taken.write_bytes(b"someone else's file")
    again = export_bundle(exported.db, profile, exported.path.parent, PASSPHRASE, mode="all")
    assert again.path.name == f"{stem}-2.zip"
    assert taken.read_bytes() == b"someone else's file"
