"""Attachments are stored once by content, under their hash, never under their own name."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.services import attachments
from sangkien_desktop.services.attachments import (
    AttachmentCancelled,
    attachments_dir,
    guess_kind,
    open_copy,
    safe_file_name,
    store_file,
    store_files,
    stored_path,
)
from sangkien_desktop.storage import Database


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _blobs(db: Database) -> list[Path]:
    return [p for p in attachments_dir(db).rglob("*") if p.is_file()]


def test_file_is_stored_under_its_sha256(db: Database, tmp_path: Path) -> None:
    data = b"Quyet dinh 15/QD-HDSK" * 1000
    ref = store_file(db, _file(tmp_path, "QĐ-15-HĐSK.pdf", data), "DECISION")
    sha = hashlib.sha256(data).hexdigest()
    assert ref.sha256 == sha
    assert ref.size == len(data)
    assert ref.file_name == "QĐ-15-HĐSK.pdf"
    assert stored_path(db, sha) == db.folder / "attachments" / sha[:2] / sha
    assert stored_path(db, sha).read_bytes() == data


def test_same_content_is_stored_once(db: Database, tmp_path: Path) -> None:
    first = store_file(db, _file(tmp_path, "a.pdf", b"same bytes"))
    second = store_file(db, _file(tmp_path, "b.pdf", b"same bytes"))
    assert first.sha256 == second.sha256
    assert (first.file_name, second.file_name) == ("a.pdf", "b.pdf")
    assert len(_blobs(db)) == 1


def test_original_name_never_becomes_a_path(db: Database, tmp_path: Path) -> None:
    store_file(db, _file(tmp_path, "..evil name?.pdf", b"x"))
    assert all(".." not in p.name and "evil" not in p.name for p in _blobs(db))


def test_no_temporary_file_is_left_behind(db: Database, tmp_path: Path) -> None:
    store_file(db, _file(tmp_path, "a.txt", b"abc"))
    store_file(db, _file(tmp_path, "b.txt", b"abc"))
    assert not list(attachments_dir(db).glob("*.part"))


def test_file_above_the_limit_is_refused_in_vietnamese(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 10)
    with pytest.raises(InputError, match="vượt giới hạn"):
        store_file(db, _file(tmp_path, "to.pdf", b"x" * 11))
    assert _blobs(db) == []


def test_files_are_hashed_in_chunks_with_progress(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "CHUNK_BYTES", 4)
    calls: list[tuple[int, int]] = []
    store_file(
        db, _file(tmp_path, "a.bin", b"0123456789"), progress=lambda d, t: not calls.append((d, t))
    )
    assert calls == [(4, 10), (8, 10), (10, 10)]


def test_cancelling_leaves_nothing_stored(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "CHUNK_BYTES", 4)
    with pytest.raises(AttachmentCancelled):
        store_file(db, _file(tmp_path, "a.bin", b"0123456789"), progress=lambda d, t: False)
    assert _blobs(db) == []


def test_store_files_checks_every_size_before_copying(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 5)
    small = _file(tmp_path, "small.txt", b"ok")
    big = _file(tmp_path, "big.txt", b"too large")
    with pytest.raises(InputError, match=r"big\.txt"):
        store_files(db, [small, big])
    assert _blobs(db) == []


def test_missing_source_is_an_input_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không phải là tệp"):
        store_file(db, tmp_path / "khong-co.pdf")


def test_unknown_kind_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Loại tệp đính kèm"):
        store_file(db, _file(tmp_path, "a.pdf", b"x"), "PHOTO")


def test_stored_path_of_a_missing_file_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError, match="Không tìm thấy tệp đính kèm"):
        stored_path(db, "a" * 64)


def test_stored_path_refuses_a_hash_that_could_escape_the_folder(db: Database) -> None:
    with pytest.raises(InputError):
        stored_path(db, "../" + "a" * 61)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("QD-15-HDSK.pdf", "DECISION"),
        ("Quyết định công nhận.pdf", "DECISION"),
        ("Đơn yêu cầu công nhận sáng kiến.docx", "APPLICATION"),
        ("Bản mô tả sáng kiến.docx", "DESCRIPTION"),
        ("Giấy biên nhận đơn.pdf", "RECEIPT"),
        ("Văn bản xác nhận hiệu quả.pdf", "CONFIRMATION"),
        ("Hình ảnh minh chứng.jpg", "EVIDENCE"),
        ("scan001.pdf", "OTHER"),
    ],
)
def test_kind_is_guessed_from_the_file_name(name: str, kind: str) -> None:
    assert guess_kind(name) == kind


def test_safe_file_name_keeps_vietnamese_and_extension() -> None:
    assert safe_file_name("Quyết định: 15/QĐ?.pdf") == "Quyết định_ 15_QĐ_.pdf"
    assert "/" not in safe_file_name("../../etc/passwd")
    assert safe_file_name('Quyết định "số 15".pdf') == "Quyết định _số 15_.pdf"
    assert safe_file_name("...") == "tep-dinh-kem"


def test_open_copy_has_the_original_name(db: Database, tmp_path: Path) -> None:
    ref = store_file(db, _file(tmp_path, "Bản mô tả.docx", b"docx bytes"))
    copy = open_copy(db, ref, tmp_path / "open")
    assert copy.name == "Bản mô tả.docx"
    assert copy.read_bytes() == b"docx bytes"
