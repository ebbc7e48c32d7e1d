"""Issue 16, access: who may copy the database out, and what a restore may replace it with."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

import pytest
from argon2.profiles import RFC_9106_LOW_MEMORY
from sqlalchemy import select, update

from sangkien_desktop.cli import main
from sangkien_desktop.security import users
from sangkien_desktop.security.access import accounts_exist
from sangkien_desktop.security.audit import history
from sangkien_desktop.security.users import NewAccount, create_first_accounts
from sangkien_desktop.services.units import UnitDetails, init_unit, unit_details
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.backups import backups_dir, list_backups
from sangkien_desktop.storage.models import User

PASSWORD = "mật-khẩu-dài"


@pytest.fixture
def accounts_db(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    for name in ("SANGKIEN_USER", "SANGKIEN_PASSWORD", "SANGKIEN_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    create_first_accounts(
        db,
        [
            NewAccount("admin", "Quản trị", "ADMIN", PASSWORD),
            NewAccount("chu", "Chủ tịch", "CHAIR", PASSWORD),
            NewAccount("ho", "Tổ hỗ trợ", "SUPPORT", PASSWORD),
        ],
    )
    return db


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), *args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_backup_without_signing_in_is_refused_and_writes_nothing(
    accounts_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    code, _, err = run(capsys, accounts_db.path, "backup", "--to", str(usb))
    assert code == 2 and "Cần đăng nhập" in err
    assert not usb.exists() and not list_backups(backups_dir(accounts_db))


def test_backup_by_a_support_account_is_refused(
    accounts_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANGKIEN_PASSWORD", PASSWORD)
    code, _, err = run(capsys, accounts_db.path, "--user", "ho", "backup")
    assert code == 2 and "không có quyền sao lưu" in err
    assert not list_backups(backups_dir(accounts_db))


@pytest.mark.parametrize("account", ["admin", "chu"])
def test_backup_by_an_admin_or_the_chair_is_written(
    accounts_db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    account: str,
) -> None:
    monkeypatch.setenv("SANGKIEN_PASSWORD", PASSWORD)
    code, out, err = run(capsys, accounts_db.path, "--user", account, "backup")
    assert code == 0, err
    assert len(list_backups(backups_dir(accounts_db))) == 1 and "Đã sao lưu" in out


def other_database(folder: Path, code: str | None, level: str = "CO_SO") -> Path:
    """A database file of another unit (``code``; None: no unit declared), no accounts."""
    folder.mkdir()
    other = open_database(folder / "khac.sqlite")
    if code is not None:
        init_unit(other, UnitDetails(name="Công đoàn khác", code=code, level=level))
    other.close()
    return folder / "khac.sqlite"


@pytest.mark.parametrize(("code", "level"), [("CDCS-KHAC", "CO_SO"), ("CDCS-TEST", "CAP_TREN")])
def test_restoring_another_unit_s_backup_is_refused(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], code: str, level: str
) -> None:
    assert db.path is not None
    backup = other_database(tmp_path / "khac", code, level)
    db.close()
    result, _, err = run(capsys, db.path, "restore", str(backup), "--yes")
    assert result == 2 and "đơn vị khác" in err and "--other-unit" in err
    still = open_database(db.path)
    assert unit_details(still).code == "CDCS-TEST"
    still.close()


def test_another_unit_s_backup_is_restored_when_confirmed(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert db.path is not None
    backup = other_database(tmp_path / "khac", "CDCS-KHAC")
    db.close()
    result, _, err = run(capsys, db.path, "restore", str(backup), "--yes", "--other-unit")
    assert result == 0, err
    restored = open_database(db.path)
    assert unit_details(restored).code == "CDCS-KHAC"
    restored.close()


def test_a_backup_without_accounts_never_replaces_a_database_with_accounts(
    accounts_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert accounts_db.path is not None
    backup = other_database(tmp_path / "khac", "CDCS-TEST")
    accounts_db.close()
    monkeypatch.setenv("SANGKIEN_PASSWORD", PASSWORD)
    args = ("--user", "admin", "restore", str(backup), "--yes", "--other-unit")
    result, _, err = run(capsys, accounts_db.path, *args)
    assert result == 2 and "chế độ một người dùng" in err
    still = open_database(accounts_db.path)
    assert accounts_exist(still)
    still.close()


def scrypt_hash(password: str) -> str:
    """A hash as the versions before argon2id stored it."""
    salt = os.urandom(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**4, r=8, p=1, dklen=32)
    return "scrypt$16$8$1$" + "$".join(base64.b64encode(v).decode() for v in (salt, key))


def stored_hash(db: Database, name: str) -> str:
    with db.reader() as session:
        return str(session.scalar(select(User.password_hash).where(User.username == name)))


def test_new_passwords_are_hashed_with_argon2id_rfc_9106(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real parameters, not the tests' cheap ones
    assert users.PASSWORD_PROFILE == RFC_9106_LOW_MEMORY
    stored = users.hash_password(PASSWORD)
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert users.check_password(PASSWORD, stored) and not users.check_password("sai", stored)
    assert not users.needs_new_hash(stored)


def test_an_old_scrypt_hash_is_checked_and_replaced_at_the_next_good_login(
    accounts_db: Database,
) -> None:
    with accounts_db.session() as session:
        session.execute(
            update(User).where(User.username == "ho").values(password_hash=scrypt_hash(PASSWORD))
        )
    with pytest.raises(users.LoginError):
        users.authenticate(accounts_db, "ho", "sai-mật-khẩu")
    assert stored_hash(accounts_db, "ho").startswith("scrypt$")  # a wrong try changes nothing
    assert users.authenticate(accounts_db, "ho", PASSWORD).username == "ho"
    assert stored_hash(accounts_db, "ho").startswith("$argon2id$")
    assert users.authenticate(accounts_db, "ho", PASSWORD).username == "ho"
    assert history(accounts_db, "user", "ho", limit=1)[0].changes == {
        "password": [None, "băm lại bằng argon2id khi đăng nhập"]
    }
