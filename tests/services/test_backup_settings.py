"""The second backup folder: stored in the database's settings, checked and audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from sangkien_desktop.errors import InputError
from sangkien_desktop.security import access
from sangkien_desktop.security.users import PermissionDenied, authenticate
from sangkien_desktop.services.backup_settings import (
    backup_to_all,
    second_folder,
    set_second_folder,
)
from sangkien_desktop.services.demo import DEMO_PASSWORD, add_demo_accounts
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.backups import backups_dir, list_backups
from sangkien_desktop.storage.models import AuditEntry


def sign_in(db: Database, username: str) -> None:
    access.sign_in(db, authenticate(db, username, DEMO_PASSWORD))


def test_no_second_folder_by_default(db: Database) -> None:
    assert second_folder(db) is None


def test_second_folder_is_stored_and_audited(db: Database, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    set_second_folder(db, usb, actor="Lê Minh Tâm")
    assert second_folder(db) == usb
    with db.reader() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None
    assert (entry.entity, entry.entity_id, entry.action) == ("setting", "backup", "update")
    assert entry.actor == "Lê Minh Tâm"
    assert entry.changes == {"second_folder": [None, str(usb)]}


def test_second_folder_can_be_forgotten(db: Database, tmp_path: Path) -> None:
    set_second_folder(db, tmp_path / "usb")
    set_second_folder(db, None)
    assert second_folder(db) is None


def test_second_folder_must_be_a_full_path(db: Database) -> None:
    with pytest.raises(InputError, match="đường dẫn đầy đủ"):
        set_second_folder(db, Path("usb"))


def test_support_may_not_set_the_second_folder(demo_db: Database, tmp_path: Path) -> None:
    add_demo_accounts(demo_db)
    sign_in(demo_db, "hotro")
    with pytest.raises(PermissionDenied):
        set_second_folder(demo_db, tmp_path / "usb")
    assert second_folder(demo_db) is None


def test_admin_sets_the_second_folder_in_their_name(demo_db: Database, tmp_path: Path) -> None:
    add_demo_accounts(demo_db)
    sign_in(demo_db, "quantri")
    set_second_folder(demo_db, tmp_path / "usb", actor="ignored")
    with demo_db.reader() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.actor == "quantri"


@pytest.mark.sqlite_only("backups of a server database (pg_dump): not done yet")
def test_backup_to_all_copies_into_the_stored_second_folder(db: Database, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    set_second_folder(db, usb)
    first, second = backup_to_all(db)
    assert first.parent == backups_dir(db)
    assert second == usb / first.name
    assert [b.path for b in list_backups(usb)] == [second]


@pytest.mark.sqlite_only("backups of a server database (pg_dump): not done yet")
def test_cli_backup_copies_into_the_stored_second_folder(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sangkien_desktop.cli import main

    usb = tmp_path / "usb"
    set_second_folder(db, usb)
    main(["--db", str(db.path), "backup"])
    assert f"Đã sao lưu vào {usb}" in capsys.readouterr().out
    assert len(list_backups(usb)) == 1
