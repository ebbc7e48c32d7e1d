"""Hostile archives are refused, and nothing is written outside the temporary folder."""

from __future__ import annotations

import re
import stat
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.verify import Limits, verify_bundle
from sangkien_desktop.program import ProgramProfile
from tests.exchange.conftest import Sample, read_members, resign, tree, write_zip

Entry = tuple[str, bytes]  # (name inside the zip, data)


def _zip(path: Path, entries: list[Entry], *, symlink: str | None = None) -> Path:
    """A zip of raw entries; names are written exactly as given."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names: that is the point
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 2, 3, 4, 6))
                info.external_attr = 0o100644 << 16
                if name == symlink:
                    info.create_system = 3
                    info.external_attr = (stat.S_IFLNK | 0o777) << 16
                archive.writestr(info, data)
    return path


def _entries(sample: Sample) -> tuple[str, list[Entry]]:
    base, members = read_members(sample.path)
    return base, [(f"{base}/{name}", data) for name, data in members.items()]


def _central_directory(data: bytes) -> int:
    """Where the outer zip's central directory starts (``summary.xlsx`` is a zip too, stored:
    its own headers appear inside the outer file)."""
    end = data.rfind(b"PK\x05\x06")
    return int(struct.unpack_from("<I", data, end + 16)[0])


def _set_sizes(path: Path, name: str, size: int, *, local: bool = True) -> None:
    """Rewrite the uncompressed size the zip declares for ``name`` (central directory and,
    when ``local``, the local header), leaving the data as it is."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    start = _central_directory(bytes(data))
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if bytes(data[start + 46 : start + 46 + name_length]) == encoded:
            struct.pack_into("<I", data, start + 24, size)
            offset = struct.unpack_from("<I", data, start + 42)[0]
            if local:
                struct.pack_into("<I", data, offset + 22, size)
        start += 4
    path.write_bytes(bytes(data))


def escaping_parent(sample: Sample, folder: Path) -> Path:
    base, entries = _entries(sample)
    return _zip(folder / "h.zip", [*entries, (f"{base}/../../evil.txt", b"pwned")])


def absolute_path(sample: Sample, folder: Path) -> Path:
    _base, entries = _entries(sample)
    return _zip(folder / "h.zip", [*entries, (str(folder / "evil-absolute.txt"), b"pwned")])


def windows_path(sample: Sample, folder: Path) -> Path:
    base, entries = _entries(sample)
    return _zip(folder / "h.zip", [*entries, (f"{base}\\..\\evil.txt", b"pwned")])


def drive_letter(sample: Sample, folder: Path) -> Path:
    _base, entries = _entries(sample)
    return _zip(folder / "h.zip", [*entries, ("C:/evil.txt", b"pwned")])


def symlink_entry(sample: Sample, folder: Path) -> Path:
    base, entries = _entries(sample)
    link = f"{base}/data/attachments/{'b' * 64}"
    return _zip(folder / "h.zip", [*entries, (link, b"/etc/passwd")], symlink=link)


def duplicate_entry(sample: Sample, folder: Path) -> Path:
    base, entries = _entries(sample)
    return _zip(folder / "h.zip", [*entries, (f"{base}/{bagfmt.INITIATIVES}", b"[]")])


def duplicate_ignoring_case(sample: Sample, folder: Path) -> Path:
    base, entries = _entries(sample)
    return _zip(folder / "h.zip", [*entries, (f"{base}/{bagfmt.UNIT.upper()}", b"{}")])


def declared_size_bomb(sample: Sample, folder: Path) -> Path:
    base, entries = _entries(sample)
    path = _zip(folder / "h.zip", entries)
    _set_sizes(path, f"{base}/{bagfmt.SUMMARY}", 0xFFFF_FFF0)
    return path


def real_size_bomb(sample: Sample, folder: Path) -> Path:
    """A deflated entry that expands to 64 MB while the zip declares 1 000 bytes."""
    base, entries = _entries(sample)
    name = f"{base}/data/attachments/{'c' * 64}"
    path = folder / "h.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry_name, data in entries:
            archive.writestr(entry_name, data)
        archive.writestr(name, bytes(64 * 1024 * 1024))
    _set_sizes(path, name, 1000)
    return path


def compression_ratio_bomb(sample: Sample, folder: Path) -> Path:
    """An honest entry of 8 MB of zeros: the ratio alone betrays it."""
    base, entries = _entries(sample)
    path = folder / "h.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry_name, data in entries:
            archive.writestr(entry_name, data)
        archive.writestr(f"{base}/data/attachments/{'d' * 64}", bytes(8 * 1024 * 1024))
    return path


def invalid_utf8(sample: Sample, folder: Path) -> Path:
    base, members = read_members(sample.path)
    members[bagfmt.INITIATIVES] = b"[\xff\xfe]"
    return write_zip(folder / "h.zip", base, resign(members, sample.key))


def invalid_json(sample: Sample, folder: Path) -> Path:
    base, members = read_members(sample.path)
    members[bagfmt.INITIATIVES] = b'[{"id": "x",]'
    return write_zip(folder / "h.zip", base, resign(members, sample.key))


def extra_file(sample: Sample, folder: Path) -> Path:
    base, entries = _entries(sample)
    return _zip(folder / "h.zip", [*entries, (f"{base}/data/virus.exe", b"MZ")])


def hidden_file(sample: Sample, folder: Path) -> Path:
    base, entries = _entries(sample)
    return _zip(folder / "h.zip", [*entries, (f"{base}/.DS_Store", b"x")])


def renamed_file(sample: Sample, folder: Path) -> Path:
    _base, entries = _entries(sample)
    renamed = [(n.replace("unit.json", "don-vi.json"), d) for n, d in entries]
    return _zip(folder / "h.zip", renamed)


def two_base_folders(sample: Sample, folder: Path) -> Path:
    _base, entries = _entries(sample)
    return _zip(folder / "h.zip", [*entries, ("other/bagit.txt", bagfmt.BAGIT_TXT)])


def bag_at_the_root(sample: Sample, folder: Path) -> Path:
    base, entries = _entries(sample)
    return _zip(folder / "h.zip", [(n[len(base) + 1 :], d) for n, d in entries])


def encrypted_entry(sample: Sample, folder: Path) -> Path:
    _base, entries = _entries(sample)
    path = _zip(folder / "h.zip", entries)
    data = bytearray(path.read_bytes())
    start = _central_directory(bytes(data))
    data[start + 8] |= 0x01  # general purpose flag, bit 0: encrypted
    path.write_bytes(bytes(data))
    return path


def not_a_zip(sample: Sample, folder: Path) -> Path:
    path = folder / "h.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip" * 20)
    return path


def truncated_zip(sample: Sample, folder: Path) -> Path:
    data = sample.path.read_bytes()
    path = folder / "h.zip"
    path.write_bytes(data[: len(data) // 2])
    return path


def empty_zip(sample: Sample, folder: Path) -> Path:
    return _zip(folder / "h.zip", [])


HOSTILE: dict[str, tuple[Callable[[Sample, Path], Path], str]] = {
    "parent-path": (escaping_parent, "thoát ra ngoài"),
    "absolute-path": (absolute_path, "tuyệt đối"),
    "backslash-path": (windows_path, "dấu “\\\\”"),
    "drive-letter": (drive_letter, "tuyệt đối"),
    "symlink": (symlink_entry, "symlink"),
    "duplicate": (duplicate_entry, "hai lần"),
    "duplicate-case": (duplicate_ignoring_case, "hai lần"),
    "declared-size-bomb": (declared_size_bomb, "zip “bom”"),
    "real-size-bomb": (real_size_bomb, "tệp zip bị hỏng"),
    "ratio-bomb": (compression_ratio_bomb, "tỷ lệ nén"),
    "invalid-utf8": (invalid_utf8, "UTF-8"),
    "invalid-json": (invalid_json, "JSON hợp lệ"),
    "extra-file": (extra_file, "Tệp lạ"),
    "hidden-file": (hidden_file, "không hợp lệ"),
    "renamed-file": (renamed_file, "Tệp lạ"),
    "two-bases": (two_base_folders, "đúng một thư mục gốc"),
    "bag-at-root": (bag_at_the_root, "đúng một thư mục gốc"),
    "encrypted": (encrypted_entry, "mã hóa"),
    "not-a-zip": (not_a_zip, "không phải tệp zip"),
    # Cut in half, the file ends inside summary.xlsx, itself a zip: either reason is right.
    "truncated": (truncated_zip, "không phải tệp zip|không hợp lệ"),
    "empty": (empty_zip, "rỗng"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_archive_is_refused_and_nothing_escapes(
    case: str, sample: Sample, profile: ProgramProfile, tmp_path: Path, private_tmp: Path
) -> None:
    build, reason = HOSTILE[case]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    bundle = build(sample, inbox)
    before = tree(tmp_path)
    around = sorted(p.name for p in tmp_path.parent.iterdir())
    result = verify_bundle(bundle, trusted=sample.trusted, profile=profile)
    assert not result.ok
    assert len(result.problems) >= 1 and all("\n" not in p for p in result.problems)
    assert any(re.search(reason, p) for p in result.problems), result.problems
    assert tree(tmp_path) == before  # the temporary folder is gone, nothing else appeared
    assert list(private_tmp.iterdir()) == []
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == around
    assert not (tmp_path.parent / "evil.txt").exists()
    assert not (tmp_path / "evil-absolute.txt").exists()


def test_archive_larger_than_the_total_limit_is_refused_before_reading(
    sample: Sample, profile: ProgramProfile, private_tmp: Path
) -> None:
    limits = Limits(max_total_bytes=1000)
    result = verify_bundle(sample.path, trusted=sample.trusted, profile=profile, limits=limits)
    assert any("tổng kích thước giải nén" in p for p in result.problems)
    assert list(private_tmp.iterdir()) == []


def test_too_many_entries_are_refused(
    sample: Sample, profile: ProgramProfile, private_tmp: Path
) -> None:
    result = verify_bundle(
        sample.path, trusted=sample.trusted, profile=profile, limits=Limits(max_entries=3)
    )
    assert any("vượt giới hạn 3" in p for p in result.problems)


def test_a_valid_bundle_leaves_the_temporary_folder_empty(
    sample: Sample, profile: ProgramProfile, private_tmp: Path
) -> None:
    assert verify_bundle(sample.path, trusted=sample.trusted, profile=profile).ok
    assert list(private_tmp.iterdir()) == []


def test_a_refused_bundle_leaves_no_attachment_or_work_folder_in_a_fresh_database(
    sample: Sample, profile: ProgramProfile, tmp_path: Path
) -> None:
    from sangkien_desktop.exchange.combine import import_bundle
    from sangkien_desktop.services.units import UnitDetails, init_unit
    from sangkien_desktop.storage import open_database

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    bundle = escaping_parent(sample, inbox)
    upper = open_database(tmp_path / "cap-tren" / "sangkien.sqlite")
    try:
        init_unit(upper, UnitDetails(name="Liên đoàn Lao động Thử nghiệm", code="LDLD-TN"))
        before = sorted(p.name for p in upper.folder.iterdir())
        result = import_bundle(upper, bundle, profile, trusted=sample.trusted)
        assert not result.imported and result.problems
        assert sorted(p.name for p in upper.folder.iterdir()) == before
        assert not (upper.folder / "attachments").exists()
    finally:
        upper.close()
