"""Write files so that a crash or a full disk never leaves a half file that looks whole.

One implementation for every writer: exports, PDFs, workbooks, key files and the audit
trail's anchor. A file is written under a hidden temporary name beside its target
(``.NAME.xxxx.part``), created like any new file (the umask decides its permissions, so an
export is an ordinary file to copy to a USB stick), then renamed over the target.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from sangkien_desktop.errors import InputError

#: The audit trail's anchor beside the database (``security.audit.ANCHOR_SUFFIX``; a test
#: checks they agree: this module is below the audit trail and cannot import it).
ANCHOR_SUFFIX = ".audit-anchor.json"
SQLITE_HEADER = b"SQLite format 3\x00"
_DATABASE_FILES = ("", "-wal", "-shm", "-journal")

# The database files this process opened (storage.database.open_database adds each).
_databases: set[Path] = set()


def guard_database(path: Path) -> None:
    """From now on no writer here may replace ``path``, its ``-wal``/``-shm``/``-journal``,
    its audit anchor, or write inside the backups folder beside it."""
    _databases.add(Path(path).resolve())


def refuse_own_files(path: Path) -> None:
    """InputError when ``path`` is a database's own file (see :func:`guard_database`), lies in
    its backups folder, or is an existing SQLite database: an export there would destroy it."""
    target = Path(path).resolve()
    for database in _databases:
        own = {Path(f"{database}{suffix}") for suffix in _DATABASE_FILES}
        own.add(database.with_name(database.stem + ANCHOR_SUFFIX))
        if target in own:
            raise InputError(
                f"Không ghi ra {path}: đó là tệp cơ sở dữ liệu đang dùng (hoặc tệp đi kèm của nó); "
                "ghi đè sẽ làm mất dữ liệu. Hãy chọn tên tệp hoặc thư mục khác.",
                english=f"Will not write {path}: it is the database or one of its own files.",
            )
        backups = database.parent / "backups"
        if target.is_relative_to(backups):
            raise InputError(
                f"Không ghi ra {path}: đó là thư mục sao lưu {backups} của ứng dụng (tệp lạ trong "
                "đó có thể thay thế hay làm xoay vòng mất bản sao lưu). Hãy chọn thư mục khác.",
                english=f"Will not write {path}: it is inside the backups folder {backups}.",
            )
    try:
        with open(target, "rb") as handle:
            is_database = handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return  # no such file (or not readable): nothing there to lose
    if is_database:
        raise InputError(
            f"Không ghi ra {path}: tệp này là một cơ sở dữ liệu; ghi đè sẽ làm mất dữ liệu. Hãy "
            "chọn tên tệp khác.",
            english=f"Will not write {path}: it is a database.",
        )


def write_temp(path: Path, data: bytes, *, sync: bool = True, own: bool = False) -> Path:
    """Write ``data`` to a hidden temporary file beside ``path`` (fsynced unless ``sync`` is
    False) and return it; the caller renames it over ``path`` with :func:`commit` (e.g. once
    the database has committed) or deletes it. Unless ``own`` (the database's own files: the
    audit anchor), a path :func:`refuse_own_files` refuses is never written."""
    if not own:
        refuse_own_files(path)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.part")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def commit(temp: Path, path: Path, *, sync: bool = True) -> None:
    """Rename the temporary file ``temp`` over ``path`` (deleting it if that fails); with
    ``sync``, make the rename itself durable."""
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if sync:
        _sync_folder(path.parent)


def atomic_write_bytes(path: Path, data: bytes, *, sync: bool = True, own: bool = False) -> None:
    """Write ``data`` under a temporary name in the same folder, then rename it over ``path``.
    ``sync=False`` skips the fsyncs: never half a file while the PC runs, but after a power cut
    the file may be missing or empty (for files that can be rebuilt). ``own``: see
    :func:`write_temp`."""
    path = Path(path)
    if not own:
        refuse_own_files(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    commit(write_temp(path, data, sync=sync, own=True), path, sync=sync)


def atomic_write_text(path: Path, text: str, *, sync: bool = True, own: bool = False) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), sync=sync, own=own)


def _sync_folder(folder: Path) -> None:
    """After a power cut the renamed file is there, not missing. Folders cannot be opened on
    Windows; there NTFS journals the rename."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
