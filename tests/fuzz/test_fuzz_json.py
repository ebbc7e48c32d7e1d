"""Fuzzing the JSON importer (records/io.py → services.initiatives.import_records)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from hypothesis import example, given

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.program import ProgramProfile, load_profile
from sangkien_desktop.records.io import load_records_file
from sangkien_desktop.services.initiatives import import_records
from sangkien_desktop.storage import Database
from tests.fuzz.conftest import (
    assert_clear,
    db_state,
    fuzz_settings,
    json_seed,
    listing,
    scratch,
    within,
)
from tests.fuzz.mutations import (
    deep_text,
    dump_json,
    mutated_bytes,
    mutated_json,
    random_or_mutated,
)

SEED = json_seed()
SEED_VALUE = json.loads(SEED)
PROFILE = load_profile()


def import_json(db: Database, data: bytes, folder: Path, profile: ProgramProfile) -> None:
    """Write ``data`` as a file, read and import it; check the property."""
    path = folder / "sang-kien.json"
    path.write_bytes(data)
    before, files = db_state(db), listing(db.folder, backups=True)
    with within():
        try:
            records = load_records_file(path, profile)
        except SangKienError as exc:
            assert_clear(exc, path.name)
            assert db_state(db) == before
            assert listing(db.folder, backups=True) == files
            return
        assert isinstance(records, list)
        assert all(r.id and r.code for r in records)
        try:
            result = import_records(db, records, profile)
        except SangKienError as exc:
            assert_clear(exc, path.name)
            assert db_state(db) == before
            return
        assert result.added + result.updated == len(records)


def _with(**changes: Any) -> bytes:
    """The seed's first record with ``changes``, as JSON bytes."""
    return dump_json([{**SEED_VALUE[0], **changes}])


@fuzz_settings(ci=200)
@given(data=random_or_mutated(SEED))
@example(data=b"")
@example(data=b"\xef\xbb\xbf")
@example(data=b"[" * 100_000)
@example(data=b'{"initiatives": ' * 5_000)
@example(data=b"[1e999999]")
# Found reading the code after the long run of 25/11/2026: json.loads raised a bare ValueError
# for a whole number of more than 4 300 digits (Python's int/str conversion limit).
@example(data=b"[" + b"1" * 5_000 + b"]")
@example(data=b'{"initiatives": [{"size": -' + b"9" * 4_301 + b"}]}")
@example(data=b'[{"id": NaN}]')
@example(data=b"\xff\xfe[\x00]\x00")  # UTF-16
def test_json_bytes_are_imported_or_refused_clearly(
    data: bytes, fuzz_db: Database, fuzz_root: Path
) -> None:
    with scratch(fuzz_root) as folder:
        import_json(fuzz_db, data, folder, PROFILE)


@fuzz_settings(ci=250)
@given(data=mutated_json(SEED_VALUE))
@example(data=deep_text(5_000).encode())
@example(data=_with(authors="\x00DEEP3000\x00"))
@example(data=dump_json({"initiatives": {"a": 1}}))
@example(data=_with(title="ạ" * 3_000_000))
@example(data=_with(id="\ud800"))
@example(data=dump_json([{**SEED_VALUE[0], "id": "\ud800"}], ascii_only=True))
@example(data=_with(created_at="2022-03-01T08:30:00+25:00"))
@example(data=_with(status="ARCHIVED"))
@example(data=_with(benefits={**SEED_VALUE[0]["benefits"], "economic_value_vnd": 1e300}))
@example(data=_with(attachments=[{**SEED_VALUE[0]["attachments"][0], "size": 2**70}]))
@example(data=_with(authors=[{**SEED_VALUE[0]["authors"][0], "member_id": 2**70}]))
@example(data=_with(authors=[{**SEED_VALUE[0]["authors"][0], "contribution_pct": math.nan}]))
@example(data=_with(authors=[{**SEED_VALUE[0]["authors"][0], "contribution_pct": 1e308}]))
def test_json_structure_is_imported_or_refused_clearly(
    data: bytes, fuzz_db: Database, fuzz_root: Path
) -> None:
    with scratch(fuzz_root) as folder:
        import_json(fuzz_db, data, folder, PROFILE)


@fuzz_settings(ci=40)
@given(data=mutated_bytes(SEED, max_ops=8))
def test_json_heavily_damaged_is_refused_clearly(
    data: bytes, fuzz_db: Database, fuzz_root: Path
) -> None:
    with scratch(fuzz_root) as folder:
        import_json(fuzz_db, data, folder, PROFILE)
