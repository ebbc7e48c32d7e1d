"""Role checks in the core: every write path refuses a role that may not do it, before it
changes anything, and records the signed-in account in the audit trail."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2.profiles import CHEAPEST
from sqlalchemy import inspect, text

from sangkien_desktop.documents.service import (
    print_certificates,
    print_form,
    print_reward_decision,
)
from sangkien_desktop.documents.settings import load_settings, save_settings
from sangkien_desktop.exchange.export import confirm_uploaded, export_bundle
from sangkien_desktop.exchange.keys import create_unit_key
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.security import users
from sangkien_desktop.security.access import (
    authorise,
    can,
    current_user,
    sign_in,
    sign_in_wait,
    sign_out,
)
from sangkien_desktop.security.audit import history
from sangkien_desktop.security.users import (
    RECOVERY_FILE,
    LoginError,
    NewAccount,
    PermissionDenied,
    RecoveryError,
    UserInfo,
    add_user,
    authenticate,
    change_password,
    create_first_accounts,
    finish_recovery,
    list_users,
    lock_minutes,
    set_lock_minutes,
    set_password,
    start_recovery,
    update_user,
)
from sangkien_desktop.services.initiatives import import_records, iter_records, save_record
from sangkien_desktop.services.members import MemberData, add_member, import_members
from sangkien_desktop.services.rewards import NewReward, add_reward
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.spreadsheets.export import export_members
from sangkien_desktop.stats.targets import set_phase_target
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.workflow.service import Move, assign_many, move

PASSWORD = "mật-khẩu-dài"
ACCOUNTS = {"admin": "ADMIN", "chu": "CHAIR", "ho": "SUPPORT", "xem": "VIEWER"}


@dataclass
class Office:
    db: Database
    profile: ProgramProfile
    initiative: InitiativeRecord  # in DRAFTING, saved before the accounts existed
    people: dict[str, UserInfo]
    out: Path

    def as_(self, name: str | None) -> Database:
        if name is None:
            sign_out(self.db)
        else:
            sign_in(self.db, self.people[name])
        return self.db


def _new(title: str = "Thử") -> InitiativeRecord:
    return InitiativeRecord(id="", code="", title=title, kind="KY_THUAT")


@pytest.fixture(scope="module")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The office database, made once for this module; each test gets a copy. It has an
    initiative in DRAFTING and a member, saved before the accounts existed, and one account
    of each role."""
    from sangkien_desktop.program import load_profile

    path = tmp_path_factory.mktemp("office") / "sangkien.sqlite"
    db = open_database(path)
    profile = load_profile()
    init_unit(db, UnitDetails(name="Công đoàn Công ty Thử nghiệm", code="CDCS-TEST"))
    saved = save_record(db, _new(), profile, actor="trước khi có tài khoản")
    move(db, saved.id, Move("DRAFTING"), profile)
    add_member(db, MemberData("Nguyễn Văn An"))
    # Made once per module, before the per-test cheap_password_hashes: cheap here too.
    users.PASSWORD_PROFILE, kept = CHEAPEST, users.PASSWORD_PROFILE
    try:
        create_first_accounts(
            db, [NewAccount(name, name.title(), role, PASSWORD) for name, role in ACCOUNTS.items()]
        )
    finally:
        users.PASSWORD_PROFILE = kept
    db.close()
    return path


@pytest.fixture
def office(office_template: Path, profile: ProgramProfile, tmp_path: Path) -> Iterator[Office]:
    target = tmp_path / "sangkien.sqlite"
    shutil.copyfile(office_template, target)
    db = open_database(target)
    out = tmp_path / "ra"
    out.mkdir()
    [initiative] = list(iter_records(db))
    yield Office(db, profile, initiative, {u.username: u for u in list_users(db)}, out)
    db.close()


def _snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the FTS shadow tables aside)."""
    with db.engine.connect() as connection:
        names = [n for n in inspect(connection).get_table_names() if "fts" not in n]
        return {
            name: sorted(
                (
                    tuple(map(repr, row))
                    for row in connection.execute(text(f"SELECT * FROM {name}"))
                ),
            )
            for name in names
        }


Call = Callable[[Office], object]


def _move_to(target: str, **details: Any) -> Call:
    return lambda o: move(o.db, o.initiative.id, Move(target, **details), o.profile)


CALLS: dict[str, Call] = {
    "recognise": _move_to("RECOGNISED"),
    "reject": _move_to("REJECTED", reason="Trùng giải pháp"),
    "move to EXPORTED": _move_to("EXPORTED"),
    "move up": _move_to("SUBMITTED", submitted_on=date(2024, 3, 1)),
    "sign a bundle": lambda o: export_bundle(o.db, o.profile, o.out, "cụm-mật-khẩu-ký"),
    "confirm uploaded": lambda o: confirm_uploaded(o.db, "1", o.profile),
    "add a user": lambda o: add_user(o.db, "moi", "", "VIEWER", PASSWORD),
    "change a role": lambda o: update_user(o.db, "xem", role="CHAIR"),
    "disable a user": lambda o: update_user(o.db, "xem", active=False),
    "reset a password": lambda o: set_password(o.db, "xem", "mật-khẩu-mới-123"),
    "print certificates": lambda o: print_certificates(o.db, o.profile, o.out / "gcn.pdf"),
    "print a reward decision": lambda o: print_reward_decision(
        o.db, o.profile, o.out / "qd.pdf", "1"
    ),
    "record a reward": lambda o: add_reward(o.db, NewReward("Nguyễn Văn An")),
    "save settings": lambda o: save_settings(o.db, replace(load_settings(o.db), place="Hà Nội")),
    "set the lock time": lambda o: set_lock_minutes(o.db, 30),
    "set a target": lambda o: set_phase_target(o.db, o.profile, 1, 5),
    "change the unit": lambda o: init_unit(o.db, UnitDetails("Tên mới", "CDCS-TEST")),
    "make a signing key": lambda o: create_unit_key(o.db, "cụm-mật-khẩu-ký"),
    "save an initiative": lambda o: save_record(o.db, _new("Mới"), o.profile),
    "import initiatives": lambda o: import_records(o.db, [_new_with_id()], o.profile),
    "assign": lambda o: assign_many(o.db, [o.initiative.id], "Đỗ Thu Hà", None),
    "add a member": lambda o: add_member(o.db, MemberData("Trần Thị Bình")),
    "import members": lambda o: import_members(o.db, [MemberData("Trần Thị Bình")]),
    "export members": lambda o: export_members(o.db, o.out / "dv.xlsx"),
    "print a form": lambda o: print_form(
        o.db, o.profile, "application", o.initiative.code, o.out / "don.pdf"
    ),
}


def _new_with_id() -> InitiativeRecord:
    record = _new("Nhập")
    record.id, record.code = "id-nhap", "SK-2024-0999"
    return record


REFUSED = [
    ("ho", "recognise"),
    ("ho", "reject"),
    ("ho", "move to EXPORTED"),
    ("ho", "sign a bundle"),
    ("ho", "confirm uploaded"),
    ("ho", "add a user"),
    ("ho", "change a role"),
    ("ho", "disable a user"),
    ("ho", "reset a password"),
    ("ho", "print certificates"),
    ("ho", "print a reward decision"),
    ("ho", "record a reward"),
    ("ho", "save settings"),
    ("ho", "set the lock time"),
    ("ho", "set a target"),
    ("ho", "change the unit"),
    ("ho", "make a signing key"),
    ("xem", "save an initiative"),
    ("xem", "import initiatives"),
    ("xem", "move up"),
    ("xem", "assign"),
    ("xem", "add a member"),
    ("xem", "import members"),
    ("chu", "add a user"),
    ("chu", "save settings"),
    ("chu", "make a signing key"),
    ("admin", "recognise"),
    ("admin", "save an initiative"),
    ("admin", "print certificates"),
    ("admin", "sign a bundle"),
    (None, "save an initiative"),
    (None, "add a member"),
    (None, "add a user"),
    (None, "change the unit"),
    (None, "export members"),
    (None, "print a form"),
]


@pytest.mark.parametrize(("who", "what"), REFUSED, ids=[f"{w}-{a}" for w, a in REFUSED])
def test_role_is_refused_and_nothing_changes(office: Office, who: str | None, what: str) -> None:
    before = _snapshot(office.db)
    office.as_(who)
    with pytest.raises(PermissionDenied) as refused:
        CALLS[what](office)
    assert ("không có quyền" if who else "đăng nhập") in refused.value.message
    assert _snapshot(office.db) == before
    assert list(office.out.iterdir()) == []


ALLOWED = [
    ("ho", "move up"),
    ("ho", "save an initiative"),
    ("ho", "import initiatives"),
    ("ho", "assign"),
    ("ho", "add a member"),
    ("ho", "import members"),
    ("chu", "record a reward"),
    ("chu", "move up"),
    ("admin", "add a user"),
    ("admin", "change a role"),
    ("admin", "reset a password"),
    ("admin", "save settings"),
    ("admin", "set the lock time"),
    ("admin", "set a target"),
    ("admin", "change the unit"),
    ("xem", "export members"),
    ("xem", "print a form"),
]


EXPORTS = {"export members", "print a form"}  # they write files, no audit row


@pytest.mark.parametrize(("who", "what"), ALLOWED, ids=[f"{w}-{a}" for w, a in ALLOWED])
def test_role_is_allowed_and_audited_under_its_name(office: Office, who: str, what: str) -> None:
    newest = history(office.db, limit=1)[0].id
    office.as_(who)
    CALLS[what](office)
    written = [line for line in history(office.db) if line.id > newest]
    assert {line.actor for line in written} == (set() if what in EXPORTS else {who})


def test_role_names_are_checked_through_access_can(office: Office) -> None:
    office.as_("ho")
    assert can(office.db, "initiative.edit") and not can(office.db, "initiative.recognise")
    office.as_(None)
    assert not can(office.db, "report.export")


def test_move_records_the_signed_in_account_not_the_callers_name(office: Office) -> None:
    db = office.as_("ho")
    move(db, office.initiative.id, Move("IDEA", actor="Tên gõ tay"), office.profile)
    line = history(db, "initiative", office.initiative.code, limit=1)[0]
    assert (line.action, line.actor) == ("move", "ho")
    with db.engine.connect() as connection:
        actor = connection.execute(
            text("SELECT actor FROM workflow_events ORDER BY id DESC LIMIT 1")
        ).scalar()
    assert actor == "ho"


def test_single_user_mode_allows_everything_under_the_callers_name(
    db: Database, profile: ProgramProfile
) -> None:
    saved = save_record(db, _new(), profile, actor="Đỗ Thu Hà")
    assert authorise(db, "user.manage", "Đỗ Thu Hà") == "Đỗ Thu Hà"
    assert history(db, "initiative", saved.code)[0].actor == "Đỗ Thu Hà"
    set_lock_minutes(db, 15, actor="Đỗ Thu Hà")
    assert lock_minutes(db) == 15


def test_init_unit_is_free_only_on_a_first_run(db: Database, tmp_path: Path) -> None:
    fresh = open_database(tmp_path / "moi.sqlite")
    try:
        create_first_accounts(fresh, [NewAccount("admin", "", "ADMIN", PASSWORD)])
        with pytest.raises(PermissionDenied):  # accounts exist: the wizard signs in first
            init_unit(fresh, UnitDetails("Công đoàn Mới", "CDCS-MOI"))
        sign_in(fresh, authenticate(fresh, "admin", PASSWORD))
        init_unit(fresh, UnitDetails("Công đoàn Mới", "CDCS-MOI"))
    finally:
        fresh.close()


def test_lock_minutes_default_and_range(office: Office) -> None:
    db = office.as_("admin")
    assert lock_minutes(db) == 10
    for wrong in (0, 121):
        with pytest.raises(users.InputError, match="từ 1 đến 120"):
            set_lock_minutes(db, wrong)
    set_lock_minutes(db, 120)
    assert lock_minutes(db) == 120
    line = history(db, "setting", "lock", limit=1)[0]
    assert (line.actor, line.changes) == ("admin", {"minutes": [10, 120]})


# Accounts


def test_first_accounts_are_made_once_and_need_an_admin(db: Database) -> None:
    with pytest.raises(users.InputError, match="ADMIN"):
        create_first_accounts(db, [NewAccount("ho", "", "SUPPORT", PASSWORD)])
    assert list_users(db) == [] and not db.has_accounts
    made = create_first_accounts(
        db,
        [NewAccount("Admin", "", "ADMIN", PASSWORD), NewAccount("ho", "", "SUPPORT", PASSWORD)],
    )
    assert [u.username for u in made] == ["admin", "ho"] and db.has_accounts
    assert {line.actor for line in history(db, "user")} == {"admin"}
    with pytest.raises(PermissionDenied, match="đã có tài khoản"):
        create_first_accounts(db, [NewAccount("khac", "", "ADMIN", PASSWORD)])
    assert len(list_users(db)) == 2


def test_first_accounts_refuse_a_repeated_name_and_write_nothing(db: Database) -> None:
    with pytest.raises(users.InputError, match="hai lần"):
        create_first_accounts(
            db,
            [NewAccount("an", "", "ADMIN", PASSWORD), NewAccount("AN", "", "VIEWER", PASSWORD)],
        )
    assert list_users(db) == []


def test_the_last_active_admin_can_be_neither_disabled_nor_demoted(office: Office) -> None:
    db = office.as_("admin")
    for change in ({"active": False}, {"role": "CHAIR"}):
        with pytest.raises(users.InputError, match="cuối cùng"):
            update_user(db, "admin", **change)
    add_user(db, "admin2", "", "ADMIN", PASSWORD)
    update_user(db, "admin", role="CHAIR")
    signed_in = current_user(db)
    assert signed_in is not None and signed_in.role == "CHAIR"
    with pytest.raises(PermissionDenied):  # the demotion took effect at once
        update_user(db, "xem", role="SUPPORT")


def test_disabled_account_cannot_sign_in(office: Office) -> None:
    update_user(office.as_("admin"), "xem", active=False, full_name="Người Xem")
    with pytest.raises(LoginError, match="bị khóa"):
        authenticate(office.db, "xem", PASSWORD)
    line = history(office.db, "user", "xem", limit=1)[0]
    assert line.changes == {"active": [True, False], "full_name": ["Xem", "Người Xem"]}


def test_change_own_password_needs_the_old_one(office: Office) -> None:
    db = office.as_("ho")
    with pytest.raises(LoginError):
        change_password(db, "ho", "sai-mật-khẩu", "mật-khẩu-mới-123")
    change_password(db, "ho", PASSWORD, "mật-khẩu-mới-123")
    assert authenticate(db, "ho", "mật-khẩu-mới-123").username == "ho"
    with pytest.raises(PermissionDenied, match="chính mình"):
        change_password(db, "xem", PASSWORD, "mật-khẩu-mới-123")
    assert "mật-khẩu-mới" not in str(history(db, "user", "ho", limit=1)[0].changes)


def test_admin_resets_a_password_and_clears_the_wait(office: Office) -> None:
    moment = datetime.now()
    for _ in range(4):
        with pytest.raises(LoginError):
            authenticate(office.db, "xem", "sai-mật-khẩu", moment)
    set_password(office.as_("admin"), "xem", "mật-khẩu-mới-123")
    assert authenticate(office.db, "xem", "mật-khẩu-mới-123").username == "xem"
    assert history(office.db, "user", "xem", limit=1)[0].actor == "admin"


# Recovery of a forgotten admin password


def _recovery_file(db: Database) -> Path:
    assert db.path is not None
    return db.path.parent / RECOVERY_FILE


def test_recovery_without_the_file_is_refused(office: Office) -> None:
    start_recovery(office.db)
    with pytest.raises(RecoveryError, match="Không thấy tệp"):
        finish_recovery(office.db, "admin", "mật-khẩu-mới-123")
    with pytest.raises(LoginError):
        authenticate(office.db, "admin", "mật-khẩu-mới-123")


def test_recovery_with_a_wrong_code_is_refused(office: Office) -> None:
    start_recovery(office.db)
    _recovery_file(office.db).write_text("AAAA-BBBB-CCCC\n", encoding="utf-8")
    with pytest.raises(RecoveryError, match="không chứa đúng mã"):
        finish_recovery(office.db, "admin", "mật-khẩu-mới-123")
    assert _recovery_file(office.db).exists()
    assert authenticate(office.db, "admin", PASSWORD).username == "admin"


def test_recovery_without_a_fresh_code_is_refused(office: Office) -> None:
    started = start_recovery(office.db, now=datetime.now() - timedelta(hours=2))
    _recovery_file(office.db).write_text(started.code, encoding="utf-8")
    with pytest.raises(RecoveryError, match="còn hạn"):
        finish_recovery(office.db, "admin", "mật-khẩu-mới-123")


def test_recovery_with_the_right_code_resets_and_removes_the_file(office: Office) -> None:
    started = start_recovery(office.db)
    assert started.file == _recovery_file(office.db)
    # Typed by hand: lower case, spaces and a new line are forgiven.
    started.file.write_text(f" {started.code.lower()}\r\n", encoding="utf-8")
    with pytest.raises(users.InputError, match="không phải tài khoản Quản trị"):
        finish_recovery(office.db, "ho", "mật-khẩu-mới-123")
    info = finish_recovery(office.db, "admin", "mật-khẩu-mới-123")
    assert info.username == "admin"
    assert not started.file.exists()
    assert authenticate(office.db, "admin", "mật-khẩu-mới-123").username == "admin"
    line = history(office.db, "user", "admin", limit=1)[0]
    assert line.action == "recover" and "mật-khẩu-mới" not in str(line.changes)
    with pytest.raises(RecoveryError):  # the code was used once
        started.file.write_text(started.code, encoding="utf-8")
        finish_recovery(office.db, "admin", "mật-khẩu-khác-123")


def test_a_refusal_names_the_account_role_and_action_in_both_languages() -> None:
    from sangkien_desktop.security.users import UserInfo, require

    with pytest.raises(PermissionDenied) as refused:
        require(UserInfo(7, "hotro", "Lê Minh Tâm", "SUPPORT", True), "initiative.recognise")
    assert refused.value.message == (
        "Tài khoản “hotro” (vai trò Tổ hỗ trợ sáng kiến) không có quyền "
        "công nhận hoặc không công nhận sáng kiến."
    )
    assert refused.value.english == (
        "The account 'hotro' (role Initiative support team) may not recognise or reject "
        "initiatives."
    )


def test_every_action_and_role_has_an_english_name() -> None:
    from sangkien_desktop.security import users

    assert set(users.ACTIONS_EN) == set(users.ACTIONS)
    assert set(users.ROLE_NAMES_EN) == set(users.ROLE_NAMES)


def test_sign_in_wait_counts_down_after_the_third_failure(office: Office) -> None:
    moment = datetime(2026, 12, 3, 8, 0)
    for _ in range(2):
        with pytest.raises(LoginError):
            authenticate(office.db, "xem", "sai-mật-khẩu", moment)
    assert sign_in_wait(office.db, "xem", moment) == timedelta(0)
    with pytest.raises(LoginError):
        authenticate(office.db, "xem", "sai-mật-khẩu", moment)
    assert sign_in_wait(office.db, " XEM ", moment + timedelta(seconds=2)) == timedelta(seconds=3)
    assert sign_in_wait(office.db, "xem", moment + timedelta(seconds=9)) == timedelta(0)
    assert sign_in_wait(office.db, "ai-do", moment) == timedelta(0)
