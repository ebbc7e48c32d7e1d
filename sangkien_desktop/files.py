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


def write_temp(path: Path, data: bytes, *, sync: bool = True) -> Path:
    """Write ``data`` to a hidden temporary file beside ``path`` (fsynced unless ``sync`` is
    False) and return it; the caller renames it over ``path`` with :func:`commit` (e.g. once
    the database has committed) or deletes it."""
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


def atomic_write_bytes(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write ``data`` under a temporary name in the same folder, then rename it over ``path``.
    ``sync=False`` skips the fsyncs: never half a file while the PC runs, but after a power cut
    the file may be missing or empty (for files that can be rebuilt)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    commit(write_temp(path, data, sync=sync), path, sync=sync)


def atomic_write_text(path: Path, text: str, *, sync: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), sync=sync)


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
