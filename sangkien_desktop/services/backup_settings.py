"""Where backups go besides the data folder: a second folder (a USB stick, a network share)
stored in the database's settings, so every start, every ``sangkien backup`` and the settings
page copy there too."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sangkien_desktop.errors import InputError
from sangkien_desktop.security import audit
from sangkien_desktop.security.access import authorise
from sangkien_desktop.storage.backups import backup_now, backups_dir, rotate
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Setting

KEY = "backup"


def second_folder(db: Database) -> Path | None:
    """The second folder backups are copied to, or None."""
    with db.reader() as session:
        row = session.get(Setting, KEY)
        value = row.value.get("second_folder") if row is not None else None
    return Path(value) if isinstance(value, str) and value else None


def backup_folders(db: Database) -> list[Path]:
    """The folders a backup is copied to besides the data folder (for ``backup_now``)."""
    folder = second_folder(db)
    return [folder] if folder is not None else []


def set_second_folder(db: Database, folder: Path | None, actor: str = "") -> None:
    """Store (or, with None, forget) the second backup folder ("setting.edit")."""
    actor = authorise(db, "setting.edit", actor)
    if folder is not None:
        folder = Path(folder).expanduser()
        if not folder.is_absolute():
            raise InputError(
                f"Thư mục sao lưu thứ hai “{folder}” phải là đường dẫn đầy đủ.",
                english=f"The second backup folder “{folder}” must be a full path.",
            )
        if db.path is not None and folder.resolve() == backups_dir(db).resolve():
            raise InputError(
                "Thư mục sao lưu thứ hai phải khác thư mục sao lưu trong thư mục dữ liệu.",
                english="The second backup folder must differ from the data folder's backups.",
            )
    before = second_folder(db)
    after = str(folder) if folder is not None else None
    with db.session() as session:
        row = session.get(Setting, KEY)
        value = dict(row.value) if row is not None else {}
        value["second_folder"] = after
        if row is None:
            session.add(Setting(key=KEY, value=value))
        else:
            row.value = value
        old = str(before) if before is not None else None
        if old != after:
            audit.record(session, actor, "setting", KEY, "update", {"second_folder": [old, after]})


def backup_to_all(
    db: Database, reason: str = "thu-cong", folders: Iterable[Path] | None = None
) -> list[Path]:
    """Back up now into the backups folder and ``folders`` (by default the stored second
    folder), then rotate each; returns the copies written, the data folder's first.

    A backup holds the password hashes: on a database with accounts only a signed-in ADMIN or
    CHAIR may take one ("backup.create"); the application's own daily backup does not come
    here (``backups.daily_backup``)."""
    authorise(db, "backup.create")
    extra = list(folders) if folders is not None else backup_folders(db)
    written = backup_now(db, reason, extra)
    rotate(backups_dir(db))
    for folder in extra:
        rotate(folder)
    return written
