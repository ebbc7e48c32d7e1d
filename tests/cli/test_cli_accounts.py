"""The command line on a database with accounts: ``--user`` signs in, writes without it are
refused, the ``user`` commands, and the two-step recovery of a forgotten admin password."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sangkien_desktop.cli import main
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.security.audit import history
from sangkien_desktop.security.users import (
    RECOVERY_FILE,
    NewAccount,
    authenticate,
    create_first_accounts,
    list_users,
)
from sangkien_desktop.services.initiatives import save_record
from sangkien_desktop.storage import Database

PASSWORD = "mật-khẩu-dài"
NEW = "mật-khẩu-mới-123"


@pytest.fixture
def accounts_db(db: Database, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch) -> Database:
    for name in ("SANGKIEN_USER", "SANGKIEN_PASSWORD", "SANGKIEN_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    save_record(
        db, InitiativeRecord(id="id-1", code="SK-2024-0001", title="Thử", kind="KY_THUAT"), profile
    )
    create_first_accounts(
        db,
        [
            NewAccount("admin", "Quản trị", "ADMIN", PASSWORD),
            NewAccount("ho", "Tổ hỗ trợ", "SUPPORT", PASSWORD),
        ],
    )
    return db


def run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db.url, *args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_a_write_without_signing_in_is_refused_but_reading_is_not(
    accounts_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, accounts_db, "member", "add", "Trần Thị Bình")
    assert code == 2 and "Cần đăng nhập" in err and "--user" in err
    code, out, _ = run(capsys, accounts_db, "member", "list")
    assert code == 0 and "— 0 đoàn viên" in out


def test_user_option_signs_in_and_the_audit_names_the_account(
    accounts_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANGKIEN_PASSWORD", PASSWORD)
    code, _, err = run(capsys, accounts_db, "--user", "ho", "member", "add", "Trần Thị Bình")
    assert code == 0, err
    assert history(accounts_db, "member", limit=1)[0].actor == "ho"


def test_a_wrong_password_stops_with_exit_code_2(
    accounts_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANGKIEN_PASSWORD", "sai-mật-khẩu")
    code, _, err = run(capsys, accounts_db, "--user", "ho", "member", "add", "Trần Thị Bình")
    assert code == 2 and "Sai tên đăng nhập hoặc mật khẩu" in err


def test_support_cannot_recognise_from_the_command_line(
    accounts_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANGKIEN_USER", "ho")
    monkeypatch.setenv("SANGKIEN_PASSWORD", PASSWORD)
    code, _, err = run(capsys, accounts_db, "move", "SK-2024-0001", "RECOGNISED")
    assert code == 2 and "không có quyền công nhận" in err


@pytest.mark.sqlite_only("restore of a server database (pg_restore): not done yet")
def test_restore_needs_an_administrator(
    accounts_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, accounts_db, "restore", str(tmp_path / "x.sqlite"), "--yes")
    assert code == 2 and "Cần đăng nhập" in err


def test_admin_changes_roles_and_disables_but_never_the_last_admin(
    accounts_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANGKIEN_PASSWORD", PASSWORD)
    admin = ("--user", "admin", "user")
    assert run(capsys, accounts_db, *admin, "set-role", "ho", "CHAIR")[0] == 0
    assert run(capsys, accounts_db, *admin, "disable", "ho")[0] == 0
    assert [(u.username, u.role, u.active) for u in list_users(accounts_db)] == [
        ("admin", "ADMIN", True),
        ("ho", "CHAIR", False),
    ]
    assert run(capsys, accounts_db, *admin, "enable", "ho")[0] == 0
    code, _, err = run(capsys, accounts_db, *admin, "disable", "admin")
    assert code == 2 and "cuối cùng" in err


def test_passwd_changes_ones_own_password(
    accounts_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANGKIEN_PASSWORD", PASSWORD)
    monkeypatch.setenv("SANGKIEN_NEW_PASSWORD", NEW)
    code, _, err = run(capsys, accounts_db, "user", "passwd", "ho")
    assert code == 0, err
    assert authenticate(accounts_db, "ho", NEW).username == "ho"


@pytest.mark.sqlite_only("recovery needs the file beside the database file, by design")
def test_recover_takes_two_runs_and_the_file_with_the_code(
    accounts_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert accounts_db.path is not None
    file = accounts_db.path.parent / RECOVERY_FILE
    code, out, _ = run(capsys, accounts_db, "user", "recover")
    assert code == 0 and str(file) in out
    match = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", out)
    assert match is not None
    file.write_text("SAI0-SAI0-SAI0", encoding="utf-8")
    monkeypatch.setenv("SANGKIEN_NEW_PASSWORD", NEW)
    code, _, err = run(capsys, accounts_db, "user", "recover", "--account", "admin")
    assert code == 2 and "không chứa đúng mã" in err
    file.write_text(match[0] + "\n", encoding="utf-8")
    code, out, err = run(capsys, accounts_db, "user", "recover", "--account", "admin")
    assert code == 0, err
    assert not file.exists()
    assert authenticate(accounts_db, "admin", NEW).username == "admin"
    assert history(accounts_db, "user", "admin", limit=1)[0].action == "recover"
