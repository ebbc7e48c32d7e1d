"""Local users, roles and the permission check in the core."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sangkien_desktop.cli import main
from sangkien_desktop.errors import InputError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.security.access import sign_in
from sangkien_desktop.security.audit import history
from sangkien_desktop.security.users import (
    LONGEST_WAIT,
    LoginError,
    PermissionDenied,
    UserInfo,
    add_user,
    authenticate,
    check_password,
    hash_password,
    list_users,
    require,
    wait_after,
)
from sangkien_desktop.services.initiatives import save_record
from sangkien_desktop.storage import Database
from sangkien_desktop.workflow.service import Move, move, move_many

PASSWORD = "mật-khẩu-dài"


@pytest.fixture
def admin_db(db: Database) -> Database:
    """``db`` with a first ADMIN account "admin", signed in."""
    sign_in(db, add_user(db, "admin", "Quản trị", "ADMIN", PASSWORD))
    return db


def _user(role: str) -> UserInfo:
    return UserInfo(1, role.lower(), "", role, True)


def test_password_hash_is_argon2id_with_parameters_and_checks() -> None:
    stored = hash_password(PASSWORD)
    assert stored.startswith("$argon2id$v=19$")
    assert check_password(PASSWORD, stored)
    assert not check_password("sai-mật-khẩu", stored)
    assert hash_password(PASSWORD) != stored  # a new salt each time


def test_support_cannot_move_to_recognised(db: Database, profile: ProgramProfile) -> None:
    saved = save_record(db, InitiativeRecord(id="", code="", title="Thử", kind="KY_THUAT"), profile)
    with pytest.raises(PermissionDenied, match="công nhận"):
        move(db, saved.id, Move("RECOGNISED"), profile, user=_user("SUPPORT"))


def test_support_may_move_up_the_workflow(db: Database, profile: ProgramProfile) -> None:
    saved = save_record(db, InitiativeRecord(id="", code="", title="Thử", kind="KY_THUAT"), profile)
    assert move(db, saved.id, Move("DRAFTING"), profile, user=_user("SUPPORT")) == "DRAFTING"


def test_viewer_cannot_move(db: Database, profile: ProgramProfile) -> None:
    saved = save_record(db, InitiativeRecord(id="", code="", title="Thử", kind="KY_THUAT"), profile)
    with pytest.raises(PermissionDenied):
        move(db, saved.id, Move("DRAFTING"), profile, user=_user("VIEWER"))


def test_support_cannot_sign_print_or_manage_users() -> None:
    support = _user("SUPPORT")
    for action in ("bundle.sign", "certificate.print", "user.manage", "setting.edit"):
        with pytest.raises(PermissionDenied, match="support"):
            require(support, action)


def test_chair_signs_and_admin_manages_users() -> None:
    require(_user("CHAIR"), "bundle.sign")
    require(_user("CHAIR"), "initiative.recognise")
    require(_user("ADMIN"), "user.manage")
    with pytest.raises(PermissionDenied):
        require(_user("ADMIN"), "initiative.recognise")


def test_inactive_user_may_do_nothing() -> None:
    with pytest.raises(PermissionDenied):
        require(UserInfo(1, "an", "", "CHAIR", False), "report.read")


def test_add_user_is_listed_and_audited(admin_db: Database) -> None:
    add_user(admin_db, "Hà", "Đỗ Thu Hà", "SUPPORT", PASSWORD, actor="ai đó")
    users = [(u.username, u.role) for u in list_users(admin_db)]
    assert users == [("admin", "ADMIN"), ("hà", "SUPPORT")]
    row = history(admin_db, "user")[0]
    assert (row.entity_id, row.action, row.changes["role"]) == ("hà", "create", [None, "SUPPORT"])
    assert row.actor == "admin"  # the signed-in account, not what the caller passed
    assert PASSWORD not in str(row.changes)


def test_short_password_and_duplicate_name_are_refused(admin_db: Database) -> None:
    with pytest.raises(InputError, match="ít nhất 8"):
        add_user(admin_db, "ha", "", "SUPPORT", "ngắn")
    add_user(admin_db, "ha", "", "SUPPORT", PASSWORD)
    with pytest.raises(InputError, match="đã có"):
        add_user(admin_db, "HA", "", "VIEWER", PASSWORD)


def test_the_first_account_must_be_an_admin(db: Database) -> None:
    with pytest.raises(InputError, match="đầu tiên"):
        add_user(db, "ha", "", "SUPPORT", PASSWORD)
    assert list_users(db) == []


def test_good_login_returns_the_user(admin_db: Database) -> None:
    add_user(admin_db, "ha", "Đỗ Thu Hà", "CHAIR", PASSWORD)
    assert authenticate(admin_db, "ha", PASSWORD).role == "CHAIR"


def test_failed_logins_slow_the_next_try(db: Database) -> None:
    add_user(db, "ha", "", "ADMIN", PASSWORD)
    now = datetime(2026, 1, 1, 8, 0)
    for _ in range(3):
        with pytest.raises(LoginError, match="Sai"):
            authenticate(db, "ha", "sai-mật-khẩu", now)
    with pytest.raises(LoginError, match="thử lại sau 5 giây"):
        authenticate(db, "ha", PASSWORD, now + timedelta(seconds=1))
    assert authenticate(db, "ha", PASSWORD, now + timedelta(seconds=6)).username == "ha"


def test_wait_doubles_from_the_third_failure_and_is_capped() -> None:
    assert [wait_after(n).total_seconds() for n in range(1, 6)] == [0, 0, 5, 10, 20]
    assert wait_after(50) == LONGEST_WAIT


def test_cli_user_add_reads_password_file_and_lists(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    base = ("--db", db.url, "user")
    with pytest.raises(SystemExit) as exit_info:
        main([*base, "add", "ha", "--role", "ADMIN", "--password-file", str(secret)])
        raise SystemExit(0)
    assert exit_info.value.code in (0, None)
    with pytest.raises(SystemExit):
        main([*base, "list"])
        raise SystemExit(0)
    out, _ = capsys.readouterr()
    assert "ha\tADMIN" in out
    assert authenticate(db, "ha", PASSWORD).username == "ha"


def test_move_many_refuses_each_for_a_viewer(db: Database, profile: ProgramProfile) -> None:
    saved = save_record(db, InitiativeRecord(id="", code="", title="Thử", kind="KY_THUAT"), profile)
    report = move_many(db, [saved.id], Move("DRAFTING"), profile, user=_user("VIEWER"))
    assert report.moved == []
    assert "không có quyền" in report.refused[0][1]


def test_parallel_wrong_passwords_all_count(db: Database) -> None:
    """Issue 16: parallel wrong passwords must not overwrite each other's failure count."""
    import threading

    from sqlalchemy import select

    from sangkien_desktop.storage.models import User

    add_user(db, "ha", "", "ADMIN", PASSWORD)
    now = datetime(2026, 1, 1, 8, 0)
    refused: list[str] = []
    start = threading.Barrier(8)

    def try_wrong() -> None:
        start.wait()
        try:
            authenticate(db, "ha", "sai-mật-khẩu", now)
        except LoginError as error:
            refused.append(str(error))

    threads = [threading.Thread(target=try_wrong) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wrong = sum("Sai" in message for message in refused)
    assert len(refused) == 8 and wrong >= 1
    with db.reader() as session:
        row = session.scalars(select(User).where(User.username == "ha")).one()
        assert row.failed_attempts == wrong
