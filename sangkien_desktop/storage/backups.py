"""Backups of the database: online copies (SQLite's backup API), rotation, checked restore.

A backup is ``backups/sangkien-YYYYMMDD-HHMMSS-<reason>.sqlite`` in the data folder, and
optionally the same file in a second folder (a USB stick). Reasons: ``hang-ngay`` (the first
start of a day), ``thu-cong`` (on request), ``truoc-nhap`` (before an import writes anything).
Rotation keeps the newest backup of each of the last 7 days, of the last 4 ISO weeks and of the
last 12 months. Restore checks the
file (``PRAGMA integrity_check``, a schema this version knows) before replacing anything, and
keeps the replaced database beside it.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import exists, select

from sangkien_desktop.errors import InputError, StorageError
from sangkien_desktop.files import refuse_own_files
from sangkien_desktop.storage.database import (
    Database,
    backup_sqlite,
    check_intact,
    disk_reason,
    known_revision,
    migrate_file,
    read_uri,
    sole_use,
)
from sangkien_desktop.storage.models import Initiative, Member

PATTERN = re.compile(r"^sangkien-(\d{8})-(\d{6})-([a-z0-9-]+)\.sqlite$")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
RECENT, KEEP_RECENT = timedelta(hours=24), 20


LEFTOVER_SUFFIXES = (".part", ".part-journal", ".restore-part")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    reason: str


def backups_dir(db: Database) -> Path:
    return db.folder / "backups"


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first (other files are ignored)."""
    found = []
    for path in folder.glob("sangkien-*.sqlite") if folder.is_dir() else ():
        match = PATTERN.match(path.name)
        if match:
            taken = datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
            found.append(Backup(path, taken, match[3]))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def backup_now(
    db: Database,
    reason: str = "thu-cong",
    folders: Iterable[Path] = (),
    now: datetime | None = None,
) -> list[Path]:
    """Copy the live database into the backups folder (and each of ``folders``)."""
    if db.path is None:
        raise StorageError("Chỉ sao lưu được cơ sở dữ liệu dạng tệp (SQLite).")
    moment = now or datetime.now()
    name = f"sangkien-{moment:%Y%m%d-%H%M%S}-{reason}.sqlite"
    folders = list(folders)
    for folder in folders:
        refuse_own_files(folder / name)
    check_intact(db.path)  # a damaged database is never copied over good backups
    first = backup_sqlite(db.path, backups_dir(db) / name)
    written = [first]
    for folder in folders:
        target = folder / name
        partial = target.with_name(target.name + ".part")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(first, partial)
            partial.replace(target)
            written.append(target)
        except OSError as exc:
            with suppress(OSError):  # a full stick keeps no half copy
                partial.unlink(missing_ok=True)
            raise StorageError(
                f"Đã sao lưu vào {first.parent} nhưng không ghi được vào {folder}: "
                f"{disk_reason(exc)}."
            ) from exc
    return written


def to_keep(backups: list[Backup]) -> set[Path]:
    """The backups rotation keeps: every one of the last 24 hours (at most KEEP_RECENT: the
    copy before this morning's import must survive the afternoon's), then the newest of each
    recent day, ISO week and month."""
    keep: set[Path] = set()
    if backups:
        newest = backups[0].taken_at
        recent = [b.path for b in backups if newest - b.taken_at < RECENT][:KEEP_RECENT]
        keep.update(recent)
    for key, limit in (
        (lambda b: b.taken_at.date(), KEEP_DAILY),
        (lambda b: b.taken_at.isocalendar()[:2], KEEP_WEEKLY),
        (lambda b: (b.taken_at.year, b.taken_at.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for backup in backups:  # newest first: the first of each period is its newest
            period = key(backup)
            if period not in seen:
                seen.append(period)
                if len(seen) <= limit:
                    keep.add(backup.path)
    return keep


def stale_leftovers(folder: Path, now: datetime | None = None) -> list[Path]:
    """Partial files that an interrupted copy or write left in ``folder`` more than an hour
    ago (``*.part``, ``*.part-journal``, ``*.restore-part``): never complete, safe to delete."""
    if not folder.is_dir():
        return []
    cutoff = (now or datetime.now()).timestamp() - 3600
    found = []
    for path in folder.iterdir():
        if path.name.endswith(LEFTOVER_SUFFIXES) and path.is_file():
            try:
                if path.stat().st_mtime < cutoff:
                    found.append(path)
            except OSError:
                continue
    return found


def rotate(folder: Path) -> list[Path]:
    """Delete the backups rotation does not keep, and stale partial copies; returns the
    deleted files."""
    backups = list_backups(folder)
    if backups:
        check_intact(backups[0].path)  # damaged: the older good copies must all stay
    keep = to_keep(backups)
    deleted = [b.path for b in backups if b.path not in keep] + stale_leftovers(folder)
    for path in deleted:
        path.unlink(missing_ok=True)
    return deleted


def daily_backup(
    db: Database, folders: Iterable[Path] = (), today: date | None = None
) -> Path | None:
    """The first start of each day takes a backup and rotates; later starts do nothing (nor
    does a database on read-only media: there is nowhere to write)."""
    if db.path is None or db.read_only:
        return None
    day = today or date.today()
    if any(b.taken_at.date() == day for b in list_backups(backups_dir(db))):
        return None
    written = backup_now(db, "hang-ngay", folders)
    rotate(backups_dir(db))
    own = (db.path.name, f".{db.path.stem}", f".{db.path.name}")  # the database's own leftovers
    for path in stale_leftovers(db.path.parent):
        if path.name.startswith(own):
            path.unlink(missing_ok=True)
    for folder in folders:
        rotate(folder)
    return written[0]


#: The reason in the name of the backup taken before an import.
BEFORE_IMPORT = "truoc-nhap"


def backup_before_import(db: Database) -> Path | None:
    """Copy the database before an import writes (members, initiatives, bundles), and rotate.

    Only SQLite files are copied (a server database has its own backups), and only when there
    is something an import could overwrite: a database with no member and no initiative yet
    (a first import, the demo) is not copied. Returns the copy, or None."""
    if db.path is None:
        return None
    with db.reader() as session:
        has_rows = session.scalar(select(exists().select_from(Member))) or session.scalar(
            select(exists().select_from(Initiative))
        )
    if not has_rows:
        return None
    [written] = backup_now(db, BEFORE_IMPORT)
    rotate(backups_dir(db))
    return written


def check_backup(path: Path) -> str:
    """The schema revision of a backup file; StorageError when it cannot be restored."""
    if not path.is_file():
        raise InputError(f"Không tìm thấy tệp sao lưu {path}.")
    try:
        connection = sqlite3.connect(read_uri(path), uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path.name} không phải bản sao lưu dùng được: {exc}") from exc
    if not result or result[0] != "ok":
        raise StorageError(f"{path.name} bị hỏng (integrity_check: {result and result[0]}).")
    if not revision:
        raise StorageError(f"{path.name} không phải cơ sở dữ liệu của Sáng Kiến Desktop.")
    if not known_revision(str(revision[0])):
        raise StorageError(
            f"{path.name} được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {revision[0]})."
        )
    return str(revision[0])


@dataclass(frozen=True)
class Owner:
    """Whose database a file is: its home unit (code, level; None: none declared) and whether
    it has accounts (no: single-user mode, anyone may do anything)."""

    unit: tuple[str, str] | None
    has_accounts: bool


def owner(path: Path) -> Owner:
    """The :class:`Owner` of the database file ``path`` (opened read-only)."""
    try:
        connection = sqlite3.connect(read_uri(path), uri=True)
        try:
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
            unit = connection.execute(
                "SELECT code, level FROM units WHERE is_home ORDER BY id LIMIT 1"
            ).fetchone()
            accounts = "users" in tables and bool(
                connection.execute("SELECT 1 FROM users LIMIT 1").fetchone()
            )
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"Không đọc được {path}: {exc}") from exc
    return Owner((str(unit[0]), str(unit[1])) if unit else None, accounts)


def check_restore(target: Path, backup: Path, *, other_unit: bool = False) -> str:
    """Check ``backup`` (:func:`check_backup`) and that it may replace ``target``: a backup of
    another unit (or another level) only with ``other_unit``; a backup without accounts never
    replaces a database that has them (it would open the office to anyone). Returns the
    backup's schema revision."""
    revision = check_backup(backup)
    if not target.exists():
        return revision
    try:
        current = owner(target)
    except StorageError:
        return revision  # too damaged to say whose it is: restoring is the way out
    incoming = owner(backup)
    if current.has_accounts and not incoming.has_accounts:
        raise InputError(
            f"{backup.name} không có tài khoản người dùng nào: khôi phục sẽ đưa {target.name} về "
            "chế độ một người dùng, ai mở máy cũng làm được mọi việc. Không khôi phục; hãy chọn "
            "bản sao lưu có tài khoản.",
            english=f"{backup.name} has no accounts: restoring it would drop the sign-in.",
        )
    if current.unit is not None and incoming.unit != current.unit and not other_unit:
        theirs = "chưa khai báo đơn vị" if incoming.unit is None else "/".join(incoming.unit)
        raise InputError(
            f"{backup.name} là bản sao lưu của đơn vị khác ({theirs}), không phải của đơn vị "
            f"đang dùng ({'/'.join(current.unit)}). Không khôi phục. Nếu thật sự muốn thay cả "
            "đơn vị, người quản trị chạy lệnh “sangkien restore TỆP --other-unit”.",
            english=f"{backup.name} belongs to another unit ({theirs}).",
        )
    return revision


def restore(
    target: Path, backup: Path, now: datetime | None = None, *, other_unit: bool = False
) -> Path | None:
    """Replace the database file ``target`` (closed) by ``backup``; the replaced file is kept
    as ``<name>.thay-the-<time>.sqlite`` and its path returned (None if there was none).
    ``other_unit``: see :func:`check_restore`."""
    check_restore(target, backup, other_unit=other_unit)
    moment = now or datetime.now()
    incoming = target.with_name(target.name + ".restore-part")
    backup_sqlite(backup, incoming)
    try:
        # Migrated before the swap: a backup whose stamp lies about its tables fails here,
        # while the database is still whole.
        migrate_file(incoming)
    except StorageError as exc:
        for leftover in (incoming, *(Path(f"{incoming}{s}") for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        raise StorageError(
            f"Không khôi phục {backup.name}: {exc.message} Cơ sở dữ liệu {target.name} không thay "
            "đổi.",
            english=f"{backup.name} was not restored: {exc.english}",
        ) from exc
    kept = None
    try:
        if target.exists():
            # Nobody may have it open: a program that had would go on writing to the replaced
            # file, and those writes would be lost. Closing the connection checkpoints the WAL
            # into the file; the swap follows at once (Windows cannot rename an open file).
            with sole_use(target) as connection:
                kept = target.with_name(f"{target.stem}.thay-the-{moment:%Y%m%d-%H%M%S}.sqlite")
                try:
                    backup_sqlite(target, kept, connection=connection)
                except StorageError:
                    # Too damaged for SQLite to copy page by page: keep the file as it is.
                    shutil.copyfile(target, kept)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        incoming.replace(target)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    return kept
