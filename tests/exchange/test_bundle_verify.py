"""Verifying a bundle: any change to any byte that matters is refused, with a reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.keys import KeyInfo, fingerprint, raw_public
from sangkien_desktop.exchange.verify import Verification, verify_bundle
from sangkien_desktop.program import ProgramProfile
from tests.exchange.conftest import Sample, read_members, resign, write_zip


def _verify(path: Path, sample: Sample, profile: ProgramProfile) -> Verification:
    return verify_bundle(path, trusted=sample.trusted, profile=profile)


def _flip(data: bytes, position: int, mask: int = 0xFF) -> bytes:
    return data[:position] + bytes([data[position] ^ mask]) + data[position + 1 :]


def _refused(result: Verification) -> None:
    assert not result.ok
    assert result.problems, "a refused bundle must say why"
    assert all(p.strip() and "\n" not in p for p in result.problems)


def test_rebuilt_but_unchanged_bundle_still_passes(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    base, members = read_members(sample.path)
    assert _verify(write_zip(tmp_path / "same.zip", base, members), sample, profile).ok


def test_flipping_any_byte_of_any_file_in_the_bag_is_refused(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    base, members = read_members(sample.path)
    tried = 0
    for name, data in members.items():
        for position in sorted({0, len(data) // 3, len(data) // 2, len(data) - 1}):
            for mask in (0x01, 0xFF):
                changed = dict(members, **{name: _flip(data, position, mask)})
                bundle = write_zip(tmp_path / f"flip-{tried}.zip", base, changed)
                result = _verify(bundle, sample, profile)
                assert not result.ok, f"{name}[{position}] ^ {mask:#x} was accepted"
                _refused(result)
                bundle.unlink()
                tried += 1
    assert tried >= 8 * len(members) - 8  # every member, several places, two kinds of flip


def test_flipping_bytes_across_the_zip_fails_or_changes_nothing(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    original = sample.path.read_bytes()
    reference = _verify(sample.path, sample, profile)
    assert reference.ok
    refused = 0
    positions = sorted({i * len(original) // 200 + i % 7 for i in range(200)})
    for position in positions:
        mutated = tmp_path / "mutated.zip"
        mutated.write_bytes(_flip(original, min(position, len(original) - 1)))
        result = _verify(mutated, sample, profile)
        if result.ok:
            assert result.files == reference.files, f"byte {position} changed the content"
        else:
            _refused(result)
            refused += 1
    assert len(positions) == 200
    assert refused > 150  # most bytes of a zip are content or structure


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda m: m.pop(bagfmt.SUMMARY) and None, "thiếu tệp"),
        (lambda m: m.update({"data/ghi-chu.txt": b"them"}), "Tệp lạ"),
        (lambda m: m.update({"data/summary.xls": m.pop(bagfmt.SUMMARY)}), "Tệp lạ"),
        (lambda m: m.update({"data/attachments/" + "0" * 64: b"x"}), "không có trong bảng kê"),
        (lambda m: m.pop(bagfmt.SIGNATURE) and None, "signature-ed25519.txt"),
        (lambda m: m.update({bagfmt.BAG_INFO: m[bagfmt.BAG_INFO] + b"Them: 1\n"}), "bag-info.txt"),
    ],
    ids=["missing", "added", "renamed", "added-attachment", "unsigned", "bag-info-edited"],
)
def test_added_missing_or_renamed_files_are_refused(
    sample: Sample, profile: ProgramProfile, tmp_path: Path, change, reason: str
) -> None:
    base, members = read_members(sample.path)
    change(members)
    result = _verify(write_zip(tmp_path / "changed.zip", base, members), sample, profile)
    _refused(result)
    assert any(reason in p for p in result.problems), result.problems


def test_renamed_attachment_is_refused(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    base, members = read_members(sample.path)
    name = next(n for n in members if n.startswith(bagfmt.ATTACHMENTS))
    members["data/attachments/" + "a" * 64] = members.pop(name)
    result = _verify(write_zip(tmp_path / "renamed.zip", base, members), sample, profile)
    _refused(result)
    assert any("thiếu tệp" in p for p in result.problems)


def test_unknown_key_is_named_with_its_fingerprint(sample: Sample, profile: ProgramProfile) -> None:
    result = verify_bundle(sample.path, trusted=[], profile=profile)
    assert result.valid and not result.ok and result.key_status == "unknown"
    assert sample.fingerprint in result.warnings[0]
    assert "chưa được tin cậy" in "\n".join(result.lines())


def test_key_trusted_for_another_unit_is_refused(sample: Sample, profile: ProgramProfile) -> None:
    [own] = sample.trusted
    other = KeyInfo(own.fingerprint, own.public_key, None, "CD-KHAC", "Công đoàn khác")
    result = verify_bundle(sample.path, trusted=[other], profile=profile)
    _refused(result)
    assert result.key_status == "wrong-unit"
    assert any("CD-KHAC" in p for p in result.problems)


def test_bundle_signed_by_another_key_with_the_same_claims_is_unknown(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    base, members = read_members(sample.path)
    forger = Ed25519PrivateKey.generate()
    forged = resign(members, forger)
    result = _verify(write_zip(tmp_path / "forged.zip", base, forged), sample, profile)
    assert not result.ok
    assert any("bag-info.txt ghi khóa" in p for p in result.problems)
    assert fingerprint(raw_public(forger.public_key())) != sample.fingerprint


def _resigned(sample: Sample, tmp_path: Path, records: bytes) -> Path:
    """The sample bundle with other ``initiatives.json`` bytes, signed again by the unit."""
    base, members = read_members(sample.path)
    members[bagfmt.INITIATIVES] = records
    return write_zip(tmp_path / "resigned.zip", base, resign(members, sample.key))


def _verify_edited(
    sample: Sample, profile: ProgramProfile, tmp_path: Path, edit: Callable[[list[Any]], None]
) -> Verification:
    """Verify the sample bundle after ``edit`` changed its records and the unit signed again."""
    _base, members = read_members(sample.path)
    records = json.loads(members[bagfmt.INITIATIVES])
    edit(records)
    data = json.dumps(records, ensure_ascii=False).encode()
    return _verify(_resigned(sample, tmp_path, data), sample, profile)


def test_invalid_utf8_in_initiatives_json_is_refused(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    _base, members = read_members(sample.path)
    broken = members[bagfmt.INITIATIVES].replace("Quy trình".encode(), b"Quy tr\xc3\x28nh", 1)
    bundle = _resigned(sample, tmp_path, broken)
    result = _verify(bundle, sample, profile)
    _refused(result)
    assert any("không phải văn bản UTF-8" in p for p in result.problems)


def test_invalid_json_is_refused(sample: Sample, profile: ProgramProfile, tmp_path: Path) -> None:
    bundle = _resigned(sample, tmp_path, b"[{]")
    result = _verify(bundle, sample, profile)
    _refused(result)
    assert any("không phải JSON hợp lệ" in p for p in result.problems)


def test_record_against_the_schema_is_refused_naming_the_field(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    result = _verify_edited(
        sample, profile, tmp_path, lambda r: r[1]["benefits"].update(economic_value_vnd=-5)
    )
    _refused(result)
    assert any("benefits.economic_value_vnd" in p for p in result.problems)


def test_record_of_another_unit_is_refused(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    result = _verify_edited(sample, profile, tmp_path, lambda r: r[0].update(unit_code="CD-KHAC"))
    _refused(result)
    assert any("CD-KHAC" in p for p in result.problems)


def test_attachment_whose_content_does_not_match_its_name_is_refused(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    base, members = read_members(sample.path)
    name = next(n for n in members if n.startswith(bagfmt.ATTACHMENTS))
    members[name] = b"another file entirely"
    bundle = write_zip(tmp_path / "swapped.zip", base, resign(members, sample.key))
    result = _verify(bundle, sample, profile)
    _refused(result)
    assert any("không khớp tên" in p for p in result.problems)


def test_rule_errors_are_summarised_not_refused(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    result = _verify_edited(sample, profile, tmp_path, lambda r: r[2].update(content_review=None))
    assert result.ok and result.error_records == 1
    assert any("SK-2022-0003: E3_PUBLIC_ORDER" in w for w in result.warnings)


def test_report_lines_name_the_unit_and_the_result(sample: Sample, profile: ProgramProfile) -> None:
    lines = _verify(sample.path, sample, profile).lines()
    assert "Công đoàn Công ty Thử nghiệm (CDCS-TEST) — gói số 1" in lines[1]
    assert lines[-1].startswith("KẾT QUẢ: gói hợp lệ")
