"""Size limits of the three readers, each hit once with its message read; attachment names
that are never used as paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sangkien_desktop.errors import InputError, SangKienError
from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.combine import import_bundle
from sangkien_desktop.exchange.verify import Limits, verify_bundle
from sangkien_desktop.program import load_profile
from sangkien_desktop.records import io
from sangkien_desktop.services.attachments import attachments_dir, open_copy, store_file
from sangkien_desktop.spreadsheets import members, sheet
from tests.exchange.conftest import resign
from tests.fuzz.conftest import (
    MEMBER_ROWS,
    BundleSeed,
    is_clear,
    json_seed,
    listing,
    new_db,
    xlsx_seed,
    zip_bytes,
)
from tests.fuzz.mutations import deep_text, dump_json

PROFILE = load_profile()
SEED = json.loads(json_seed())


def _json_file(folder: Path, data: bytes) -> Path:
    path = folder / "sang-kien.json"
    path.write_bytes(data)
    return path


def _refusal(path: Path, match: str) -> str:
    with pytest.raises(InputError, match=match) as caught:
        io.load_records_file(path, PROFILE)
    assert is_clear(caught.value.message, path.name)
    return caught.value.message


# --- JSON ----------------------------------------------------------------------------------


def test_json_file_larger_than_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(io, "MAX_FILE_BYTES", 100)
    _refusal(_json_file(tmp_path, json_seed()), "quá lớn")


def test_json_file_with_more_records_than_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(io, "MAX_RECORDS", 2)
    message = _refusal(_json_file(tmp_path, json_seed()), "vượt giới hạn 2 bản ghi")
    assert "3 bản ghi" in message


def test_json_nested_deeper_than_python_reads_is_refused(tmp_path: Path) -> None:
    _refusal(_json_file(tmp_path, deep_text(100_000).encode()), "lồng nhau quá sâu")


def test_json_record_nested_deeper_than_a_record_is_refused(tmp_path: Path) -> None:
    record = {**SEED[0], "authors": "\x00DEEP12\x00"}
    message = _refusal(_json_file(tmp_path, dump_json([record])), "lồng nhau quá sâu")
    assert "bản ghi số 1 (SK-2022-0001), trường authors" in message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_json_numbers_that_are_not_finite_are_refused(tmp_path: Path, constant: str) -> None:
    text = json.dumps(SEED).replace('"contribution_pct": 60', f'"contribution_pct": {constant}')
    _refusal(_json_file(tmp_path, text.encode()), "không phải JSON hợp lệ")


def test_json_whole_number_too_large_to_store_is_refused(tmp_path: Path) -> None:
    record = {**SEED[0], "attachments": [{**SEED[0]["attachments"][0], "size": 2**70}]}
    message = _refusal(_json_file(tmp_path, dump_json([record])), "lớn quá mức")
    assert "trường attachments[0].size" in message


def test_json_whole_number_of_thousands_of_digits_is_refused(tmp_path: Path) -> None:
    text = json.dumps(SEED).replace('"size": 183412', '"size": ' + "7" * 5_000)
    _refusal(_json_file(tmp_path, text.encode()), "5000 chữ số, quá lớn")


def test_json_text_with_a_lone_surrogate_is_refused(tmp_path: Path) -> None:
    record = {**SEED[0], "title": "Sáng kiến \ud800"}
    message = _refusal(_json_file(tmp_path, dump_json([record], ascii_only=True)), "không hợp lệ")
    assert "trường title" in message


# --- Excel ---------------------------------------------------------------------------------


@pytest.fixture
def members_file(tmp_path: Path) -> Path:
    path = tmp_path / "doan-vien.xlsx"
    path.write_bytes(xlsx_seed("members", MEMBER_ROWS, tmp_path))
    return path


def test_workbook_larger_than_the_limit_is_refused(
    members_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet, "MAX_FILE_BYTES", 1000)
    with pytest.raises(InputError, match="quá lớn"):
        members.read_members(members_file)


def test_workbook_with_too_many_parts_is_refused(
    members_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet, "MAX_ZIP_ENTRIES", 5)
    with pytest.raises(InputError, match="vượt giới hạn 5 phần") as caught:
        members.read_members(members_file)
    assert members_file.name in caught.value.message


def test_workbook_inflating_beyond_the_limit_is_refused(
    members_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet, "MAX_INFLATED_BYTES", 1000)
    with pytest.raises(InputError, match="giải nén ra quá lớn"):
        members.read_members(members_file)


def test_workbook_part_with_a_bomb_compression_ratio_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet, "RATIO_FLOOR", 1024)
    seed = xlsx_seed("members", MEMBER_ROWS, tmp_path)
    import io as bytes_io
    import zipfile

    with zipfile.ZipFile(bytes_io.BytesIO(seed)) as archive:
        parts = [(n, archive.read(n)) for n in archive.namelist()]
    path = tmp_path / "bom.xlsx"
    path.write_bytes(zip_bytes([*parts, ("xl/media/bom.bin", bytes(2 * 1024 * 1024))]))
    with pytest.raises(InputError, match="tỷ lệ bất thường") as caught:
        members.read_members(path)
    assert "xl/media/bom.bin" in caught.value.message


def test_sheet_with_more_data_rows_than_the_limit_stops_with_a_problem(
    members_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet, "MAX_DATA_ROWS", 2)
    preview = members.read_members(members_file)
    assert len(preview.rows) == 2
    assert any("hơn 2 dòng dữ liệu" in p.message for p in preview.errors)
    with pytest.raises(InputError, match="hơn 2 dòng dữ liệu"):
        preview.raise_if_errors()


def test_cell_longer_than_the_column_allows_is_a_problem_of_that_cell(tmp_path: Path) -> None:
    rows = [list(MEMBER_ROWS[0]), list(MEMBER_ROWS[1])]
    rows[1][1] = "Nguyễn " * 60  # 420 characters; the members table keeps 200
    path = tmp_path / "dai.xlsx"
    path.write_bytes(xlsx_seed("members", rows, tmp_path))
    preview = members.read_members(path)
    (problem,) = preview.errors
    assert (problem.row, problem.column) == (4, "B")
    assert "quá giới hạn 200 ký tự" in problem.message


# --- Bundles -------------------------------------------------------------------------------


def _bundle(seed: BundleSeed, folder: Path, members_: dict[str, bytes]) -> Path:
    path = folder / "goi-sangkien_CDCS-TEST_1_x.zip"
    path.write_bytes(zip_bytes([(f"{seed.base}/{n}", d) for n, d in members_.items()]))
    return path


def test_bundle_attachment_larger_than_the_limit_is_refused(
    bundle_seed: BundleSeed, private_tmp: Path
) -> None:
    result = verify_bundle(
        bundle_seed.path,
        trusted=bundle_seed.trusted,
        profile=PROFILE,
        limits=Limits(max_attachment_bytes=100),
    )
    assert not result.ok
    assert any("vượt giới hạn 100 byte" in p for p in result.problems), result.problems


def test_bundle_with_more_entries_than_the_limit_is_refused(
    bundle_seed: BundleSeed, tmp_path: Path, private_tmp: Path
) -> None:
    extra = {f"data/attachments/{i:064x}": b"x" for i in range(120)}
    path = _bundle(bundle_seed, tmp_path, {**bundle_seed.members, **extra})
    result = verify_bundle(
        path, trusted=bundle_seed.trusted, profile=PROFILE, limits=Limits(max_entries=100)
    )
    assert any("vượt giới hạn 100" in p for p in result.problems), result.problems
    assert list(private_tmp.iterdir()) == []


# --- Attachment names ----------------------------------------------------------------------

HOSTILE_FILE_NAMES = [
    "../../x.pdf",
    "..\\..\\x.pdf",
    "C:\\Windows\\x.pdf",
    "/etc/passwd",
    "con",
    "CON.pdf",
    "a\x00b.pdf",
    "x" * 250 + ".pdf",
    "~/.bashrc",
    "Quyết định số 15 – HĐSK.pdf",
]


def test_bundle_with_hostile_attachment_names_stores_files_by_hash_only(
    bundle_seed: BundleSeed, tmp_path: Path, private_tmp: Path
) -> None:
    records = json.loads(bundle_seed.members[bagfmt.INITIATIVES])
    refs = records[0]["attachments"]
    assert len(refs) == 2
    refs[0]["file_name"], refs[1]["file_name"] = HOSTILE_FILE_NAMES[0], HOSTILE_FILE_NAMES[2]
    changed = dict(bundle_seed.members)
    changed[bagfmt.INITIATIVES] = json.dumps(records, ensure_ascii=False).encode()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = _bundle(bundle_seed, inbox, resign(changed, bundle_seed.key))
    receiver = new_db(tmp_path / "tinh", "LDLD-TINH")
    try:
        before = listing(tmp_path)
        result = import_bundle(receiver, path, PROFILE, trusted=bundle_seed.trusted)
        assert result.imported, result.problems
        after = listing(tmp_path)
        added = sorted(set(after) - set(before))
        store = attachments_dir(receiver).relative_to(tmp_path)
        new_files = [p for p in added if after[p] >= 0 and not p.endswith(("-wal", "-shm"))]
        assert new_files and all(p.startswith(f"{store}/") for p in new_files), added
        for name in new_files:
            assert bagfmt.is_sha256(Path(name).name)
        assert not (tmp_path.parent / "x.pdf").exists()
    finally:
        receiver.close()


@pytest.mark.parametrize("name", HOSTILE_FILE_NAMES)
def test_hostile_attachment_names_never_become_paths(
    name: str, tmp_path: Path, bundle_seed: BundleSeed
) -> None:
    """A record naming its attachment anything is read, stored by hash, and opened as a copy
    under a safe name inside the folder asked for."""
    db = new_db(tmp_path / "db")
    try:
        source = tmp_path / "nguon.pdf"
        source.write_bytes(b"%PDF-1.4 noi dung\n")
        ref = store_file(db, source)
        record = {**SEED[0], "attachments": [{**SEED[0]["attachments"][0], "file_name": name,
                                              "sha256": ref.sha256, "size": ref.size}]}  # fmt: skip
        path = tmp_path / "sang-kien.json"
        path.write_bytes(dump_json([record]))
        try:
            (parsed,) = io.load_records_file(path, PROFILE)
        except SangKienError as exc:  # a name the schema refuses (too long): said clearly
            assert is_clear(exc.message, path.name)
            return
        attached = parsed.attachments[0]
        assert attached.sha256 == ref.sha256
        opened = open_copy(db, attached, tmp_path / "mo")
        assert (tmp_path / "mo") in opened.parents
        assert opened.parent.parent == tmp_path / "mo"
        assert opened.read_bytes() == source.read_bytes()
        assert "\x00" not in str(opened)
    finally:
        db.close()


def test_sheet_with_more_rows_than_read_even_blank_stops_with_a_problem(
    members_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet, "MAX_READ_ROWS", 3)
    preview = members.read_members(members_file)
    assert len(preview.rows) == 2  # the template's example row is one of the 3 read
    assert any("hơn 3 dòng kể cả dòng trống" in p.message for p in preview.errors)
