"""Dossier attachments: files stored once, by content, in the data folder.

A file is copied to ``<data folder>/attachments/<sha[:2]>/<sha>`` where ``sha`` is the SHA-256 of
its bytes: the same scan attached to ten initiatives is stored once, and a file name typed by
somebody else (``../../x``, ``CON.pdf``, 300 characters) never becomes a path. The copy is
written to a temporary file beside its final place and renamed, so a crash or a full disk never
leaves a half file under a real hash. The original name travels in the record only.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.records.model import AttachmentRef
from sangkien_desktop.security.access import authorise
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import fold, nfc

#: Kinds of dossier document (PROGRAM.md §8), in the order the dossier lists them.
ATTACHMENT_KINDS = (
    "APPLICATION",
    "DESCRIPTION",
    "DECISION",
    "RECEIPT",
    "EVIDENCE",
    "CONFIRMATION",
    "OTHER",
)
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")

Progress = Callable[[int, int], bool]  # (bytes done, bytes in all) → False to cancel

# Words in a file name that say which dossier document it is (folded, whole words).
_KIND_WORDS = (
    ("DECISION", ("qd", "quyet dinh", "decision")),
    ("RECEIPT", ("bien nhan", "giay bien nhan", "receipt")),
    ("CONFIRMATION", ("xac nhan", "xn", "confirmation")),
    ("APPLICATION", ("don", "don yeu cau", "application")),
    ("DESCRIPTION", ("mo ta", "ban mo ta", "description")),
    ("EVIDENCE", ("minh chung", "hinh anh", "bao cao hieu qua", "evidence")),
)


class AttachmentCancelled(InputError):
    """The person cancelled while files were being copied; nothing was attached."""


def attachments_dir(db: Database) -> Path:
    return db.folder / "attachments"


def _blob(root: Path, sha256: str) -> Path:
    if not _SHA256.fullmatch(sha256):
        raise InputError(
            f"Mã băm tệp đính kèm “{sha256}” không hợp lệ (cần 64 chữ số hex thường).",
            english=f"Invalid attachment hash '{sha256}'.",
        )
    return root / sha256[:2] / sha256


def stored_path(db: Database, sha256: str) -> Path:
    """Where the file with this SHA-256 is stored; NotFoundError when it is not there."""
    path = _blob(attachments_dir(db), sha256)
    if not path.is_file():
        raise NotFoundError(
            f"Không tìm thấy tệp đính kèm {sha256[:12]}… trong thư mục dữ liệu "
            f"{attachments_dir(db)}; có thể tệp đã bị xóa hoặc dữ liệu được chép thiếu.",
            english=f"Attachment {sha256[:12]}… is missing from {attachments_dir(db)}.",
        )
    return path


def guess_kind(file_name: str) -> str:
    """The dossier kind a file name suggests (``QD-15-HDSK.pdf`` → DECISION), else OTHER."""
    words = " ".join(re.split(r"[^0-9a-z]+", fold(Path(file_name).stem)))
    padded = f" {words} "
    for kind, keys in _KIND_WORDS:
        if any(f" {key} " in padded for key in keys):
            return kind
    return "OTHER"


def _size_of(source: Path) -> int:
    try:
        if not source.is_file():
            raise InputError(
                f"“{source}” không phải là tệp (có thể là thư mục hoặc đã bị xóa).",
                english=f"'{source}' is not a file.",
            )
        size = source.stat().st_size
    except OSError as exc:
        raise InputError(
            f"Không đọc được tệp {source.name}: {exc.strerror or exc}.",
            english=f"Cannot read {source.name}: {exc}.",
        ) from exc
    if size > MAX_ATTACHMENT_BYTES:
        raise _too_big(source, size)
    return size


def _too_big(source: Path, size: int) -> InputError:
    limit = MAX_ATTACHMENT_BYTES // 1024 // 1024
    return InputError(
        f"Tệp {source.name} nặng {size / 1024 / 1024:.0f} MB, vượt giới hạn {limit} MB cho một "
        "tệp đính kèm; hãy nén hoặc chia nhỏ tệp.",
        english=f"{source.name} is larger than {limit} MB.",
    )


def store_file(
    db: Database,
    source: Path,
    kind: str | None = None,
    progress: Progress | None = None,
    *,
    done_before: int = 0,
    total: int | None = None,
) -> AttachmentRef:
    """Copy ``source`` into the store (once per content) and describe it for a record.

    ``kind`` defaults to what the file name suggests. The file is read once, hashing and copying
    in chunks. ``done_before``/``total`` place this file's bytes in a longer progress bar.
    Needs "initiative.edit" (the file is for an initiative's dossier)."""
    authorise(db, "initiative.edit")
    source = Path(source)
    kind = kind or guess_kind(source.name)
    if kind not in ATTACHMENT_KINDS:
        raise InputError(
            f"Loại tệp đính kèm “{kind}” không hợp lệ; dùng một trong: "
            f"{', '.join(ATTACHMENT_KINDS)}.",
            english=f"Unknown attachment kind '{kind}'.",
        )
    size = _size_of(source)
    total = total if total is not None else size
    root = attachments_dir(db)
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=".nhan-", suffix=".part", dir=root)
    except OSError as exc:
        raise InputError(
            f"Không ghi được vào thư mục tệp đính kèm {root}: {exc.strerror or exc}.",
            english=f"Cannot write to {root}: {exc}.",
        ) from exc
    temp = Path(temp_name)
    digest = hashlib.sha256()
    copied = 0
    try:
        try:
            with open(source, "rb") as reader, os.fdopen(fd, "wb") as writer:
                while chunk := reader.read(CHUNK_BYTES):
                    digest.update(chunk)
                    writer.write(chunk)
                    copied += len(chunk)
                    if copied > MAX_ATTACHMENT_BYTES:  # it grew while being read
                        raise _too_big(source, copied)
                    if progress and not progress(done_before + copied, total):
                        raise AttachmentCancelled(
                            "Đã hủy thêm tệp đính kèm; hồ sơ không thay đổi.",
                            english="Adding attachments was cancelled.",
                        )
                writer.flush()
                os.fsync(writer.fileno())
        except OSError as exc:
            raise InputError(
                f"Không chép được tệp {source.name} vào thư mục dữ liệu: {exc.strerror or exc}.",
                english=f"Cannot copy {source.name}: {exc}.",
            ) from exc
        sha = digest.hexdigest()
        target = _blob(root, sha)
        if target.is_file() and target.stat().st_size == copied:
            temp.unlink()
        else:
            target.parent.mkdir(exist_ok=True)
            os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return AttachmentRef(sha256=sha, file_name=nfc(source.name), kind=kind, size=copied)


def store_files(
    db: Database, sources: Sequence[Path], progress: Progress | None = None
) -> list[AttachmentRef]:
    """Store several files with one progress bar; every size is checked before any copy."""
    authorise(db, "initiative.edit")
    sizes = [_size_of(Path(s)) for s in sources]
    refs: list[AttachmentRef] = []
    done = 0
    for source, size in zip(sources, sizes, strict=True):
        refs.append(
            store_file(db, Path(source), progress=progress, done_before=done, total=sum(sizes))
        )
        done += size
    return refs


_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


def safe_file_name(name: str) -> str:
    """A file name any file system accepts, keeping the Vietnamese letters and the extension."""
    cleaned = _UNSAFE.sub("_", nfc(name)).strip(" .")
    stem, suffix = os.path.splitext(cleaned)
    return (stem[:120] or "tep-dinh-kem") + suffix[:16]


def open_copy(db: Database, ref: AttachmentRef, folder: Path | None = None) -> Path:
    """A copy of the stored file under its own name, for the system to open it with the right
    application (the store's names have no extension). Editing the copy changes nothing."""
    source = stored_path(db, ref.sha256)
    folder = folder or Path(tempfile.gettempdir()) / "sangkien-tep-mo"
    target = folder / ref.sha256[:16] / safe_file_name(ref.file_name)
    try:
        if not (target.is_file() and target.stat().st_size == source.stat().st_size):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    except OSError as exc:
        raise InputError(
            f"Không chép được tệp {ref.file_name} ra thư mục tạm để mở: {exc.strerror or exc}.",
            english=f"Cannot copy {ref.file_name} to open it: {exc}.",
        ) from exc
    return target
