"""Local accounts of the shared office PC, their roles, and the permission check.

Passwords are stretched with argon2id, RFC 9106's second recommended option (argon2-cffi's
default: 3 passes over 64 MiB, 4 lanes, 16-byte salt), stored in the PHC string format with
their parameters. Hashes from before (scrypt) are still checked and replaced by an argon2id hash
at the account's next good login, as is any hash made with weaker parameters than today's.

Several failed logins slow the next try: from the third failure in a row the wait doubles
(5 s, 10 s, 20 s …, at most 5 minutes); a good login clears it.

Every action is checked in the core (``access.authorise`` calls :func:`require`), not only by
hiding buttons. ADMIN is
deliberately not a super-user: it manages users, settings and keys; recognising, signing and
printing certificates belong to CHAIR (a small union gives one person two accounts).
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import RFC_9106_LOW_MEMORY
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sangkien_desktop.errors import InputError, NotFoundError, SangKienError
from sangkien_desktop.security import audit
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Setting, User
from sangkien_desktop.text import clean

#: The argon2id parameters of new hashes (tests make them cheap: argon2.profiles.CHEAPEST).
PASSWORD_PROFILE = RFC_9106_LOW_MEMORY
MIN_PASSWORD = 8
FREE_FAILURES = 2  # the third failure in a row starts the wait
FIRST_WAIT = timedelta(seconds=5)
LONGEST_WAIT = timedelta(minutes=5)


class Role(StrEnum):
    ADMIN = "ADMIN"
    CHAIR = "CHAIR"
    SUPPORT = "SUPPORT"
    VIEWER = "VIEWER"


ROLES = frozenset(r.value for r in Role)
ROLE_NAMES = {
    Role.ADMIN: "Quản trị",
    Role.CHAIR: "Chủ tịch / Hội đồng",
    Role.SUPPORT: "Tổ hỗ trợ sáng kiến",
    Role.VIEWER: "Chỉ xem",
}

# What each action means, for messages.
ACTIONS = {
    "report.read": "xem sổ sáng kiến và báo cáo",
    "report.export": "xuất báo cáo (Excel, PDF)",
    "initiative.edit": "nhập, sửa sáng kiến",
    "initiative.move": "chuyển trạng thái sáng kiến (đến “Sẵn sàng gửi”)",
    "initiative.recognise": "công nhận hoặc không công nhận sáng kiến",
    "member.edit": "sửa danh sách đoàn viên",
    "reward.edit": "ghi khen thưởng",
    "bundle.sign": "ký và xuất gói hồ sơ gửi cấp trên",
    "certificate.print": "in giấy chứng nhận",
    "user.manage": "quản lý tài khoản người dùng",
    "setting.edit": "thay đổi cài đặt",
    "key.manage": "quản lý khóa ký của đơn vị",
    "backup.create": "sao lưu cơ sở dữ liệu (bản sao có cả mật khẩu đã băm)",
}

ROLE_NAMES_EN: dict[str, str] = {
    Role.ADMIN: "Administrator",
    Role.CHAIR: "Chair / Council",
    Role.SUPPORT: "Initiative support team",
    Role.VIEWER: "View only",
}
ACTIONS_EN = {
    "report.read": "view the initiatives and reports",
    "report.export": "export reports (Excel, PDF)",
    "initiative.edit": "enter or edit initiatives",
    "initiative.move": "move initiatives (up to “Ready to send”)",
    "initiative.recognise": "recognise or reject initiatives",
    "member.edit": "edit the member list",
    "reward.edit": "record rewards",
    "bundle.sign": "sign and export bundles for the superior union",
    "certificate.print": "print certificates",
    "user.manage": "manage user accounts",
    "setting.edit": "change settings",
    "key.manage": "manage the unit's signing key",
    "backup.create": "back up the database (a copy holds the password hashes)",
}

_READ = frozenset({"report.read", "report.export"})
_SUPPORT = _READ | {"initiative.edit", "initiative.move", "member.edit"}
PERMISSIONS: dict[Role, frozenset[str]] = {
    Role.VIEWER: _READ,
    Role.SUPPORT: frozenset(_SUPPORT),
    Role.CHAIR: frozenset(
        _SUPPORT
        | {"initiative.recognise", "reward.edit", "bundle.sign", "certificate.print"}
        | {"backup.create"}
    ),
    Role.ADMIN: frozenset(_READ | {"user.manage", "setting.edit", "key.manage", "backup.create"}),
}

# Moving to these states needs more than "initiative.move".
MOVE_ACTIONS = {
    "RECOGNISED": "initiative.recognise",
    "REJECTED": "initiative.recognise",
    "EXPORTED": "bundle.sign",
    "UPLOADED": "bundle.sign",
}


class PermissionDenied(SangKienError):
    """The signed-in user's role does not allow the action."""


class LoginError(SangKienError):
    """Wrong user name or password, a disabled account, or a try made too soon."""


@dataclass(frozen=True)
class UserInfo:
    """A user as the rest of the application sees it (never the password hash)."""

    id: int
    username: str
    full_name: str
    role: str
    active: bool

    @property
    def label(self) -> str:
        return self.full_name or self.username


def allowed(role: str, action: str) -> bool:
    try:
        return action in PERMISSIONS[Role(role)]
    except ValueError:
        return False


def require(user: UserInfo, action: str) -> None:
    """Raise PermissionDenied unless ``user`` is active and its role allows ``action``."""
    if user.active and allowed(user.role, action):
        return
    role = ROLE_NAMES[Role(user.role)] if user.role in ROLES else user.role
    raise PermissionDenied(
        f"Tài khoản “{user.username}” (vai trò {role}) không có quyền "
        f"{ACTIONS.get(action, action)}.",
        english=f"The account '{user.username}' (role {ROLE_NAMES_EN.get(user.role, user.role)}) "
        f"may not {ACTIONS_EN.get(action, action)}.",
    )


def move_action(target: str) -> str:
    """The action a move to ``target`` needs."""
    return MOVE_ACTIONS.get(target, "initiative.move")


def _hasher() -> PasswordHasher:
    return PasswordHasher.from_parameters(PASSWORD_PROFILE)


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (PHC string: ``$argon2id$v=19$m=…,t=…,p=…$salt$hash``)."""
    return _hasher().hash(password)


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``: an argon2 hash or an older scrypt one."""
    if stored.startswith("$argon2"):
        try:
            return _hasher().verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    return _check_scrypt(password, stored)


def needs_new_hash(stored: str) -> bool:
    """Whether ``stored`` should be replaced at the next good login: not argon2id, or made
    with other parameters than :data:`PASSWORD_PROFILE`."""
    try:
        return not stored.startswith("$argon2id$") or _hasher().check_needs_rehash(stored)
    except InvalidHashError:
        return True


def _check_scrypt(password: str, stored: str) -> bool:
    """A hash of the versions before argon2id: ``scrypt$n$r$p$salt$key`` (base64)."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=256 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _info(row: User) -> UserInfo:
    return UserInfo(row.id, row.username, row.full_name, row.role, row.active)


def _check_password_strength(password: str, username: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(
            f"Mật khẩu của “{username}” phải có ít nhất {MIN_PASSWORD} ký tự.",
            english=f"The password of '{username}' needs at least {MIN_PASSWORD} characters.",
        )


def _authorise(db: Database, action: str, actor: str) -> str:
    from sangkien_desktop.security import access  # access imports this module

    return access.authorise(db, action, actor)


def _checked_name(username: str) -> str:
    name = clean(username).lower()
    if not name or any(ch.isspace() for ch in name):
        raise InputError("Tên đăng nhập không được để trống hay có dấu cách.")
    if len(name) > 64:
        raise InputError(f"Tên đăng nhập “{name[:20]}…” dài quá 64 ký tự.")
    return name


def _checked_role(role: str, name: str) -> str:
    if role not in ROLES:
        raise InputError(
            f"Tài khoản “{name}”: vai trò “{role}” không hợp lệ "
            f"(chọn {', '.join(r.value for r in Role)})."
        )
    return role


@dataclass(frozen=True)
class NewAccount:
    """An account to create (the first-run wizard, ``add_user``)."""

    username: str
    full_name: str
    role: str
    password: str


def _create(session: Session, actor: str, account: NewAccount) -> UserInfo:
    """Insert one checked account and its audit row in the caller's transaction."""
    name = _checked_name(account.username)
    if session.scalars(select(User.id).where(User.username == name)).first() is not None:
        raise InputError(f"Tên đăng nhập “{name}” đã có.")
    row = User(
        username=name,
        full_name=clean(account.full_name),
        role=account.role,
        password_hash=hash_password(account.password),
        active=True,
        failed_attempts=0,
        created_at=datetime.now().replace(microsecond=0),
    )
    session.add(row)
    session.flush()
    changes = {"full_name": [None, row.full_name], "role": [None, row.role]}
    audit.record(session, actor, "user", name, "create", changes)
    return _info(row)


def _check_new(account: NewAccount) -> None:
    name = _checked_name(account.username)
    _checked_role(account.role, name)
    _check_password_strength(account.password, name)


def add_user(
    db: Database, username: str, full_name: str, role: str, password: str, actor: str = ""
) -> UserInfo:
    """Create an account ("user.manage"); the user name is unique (case-insensitive).

    In single-user mode (no account yet) the first account must be an ADMIN, so that someone
    can always manage the others."""
    actor = _authorise(db, "user.manage", actor)
    account = NewAccount(username, full_name, role, password)
    _check_new(account)
    with db.session() as session:
        first = session.scalars(select(User.id).limit(1)).first() is None
        if first and role != Role.ADMIN:
            raise InputError(
                f"Tài khoản đầu tiên phải có vai trò {ROLE_NAMES[Role.ADMIN]} (ADMIN), để luôn "
                f"có người quản lý tài khoản; “{_checked_name(username)}” có vai trò {role}.",
                english="The first account must be an ADMIN.",
            )
        info = _create(session, actor, account)
    db.has_accounts = True
    return info


def _accounts_exist() -> PermissionDenied:
    return PermissionDenied(
        "Cơ sở dữ liệu đã có tài khoản người dùng; người quản trị thêm tài khoản mới trong phần "
        "Cài đặt › Tài khoản.",
        english="This database already has accounts.",
    )


def create_first_accounts(db: Database, accounts: Sequence[NewAccount]) -> list[UserInfo]:
    """Create the first accounts of a database (the first-run wizard) in one transaction.

    Works only while the database has no account at all, and needs at least one ADMIN among
    ``accounts``; the audit rows name the first ADMIN as the one who made them."""
    if has_users(db):
        raise _accounts_exist()
    if not accounts:
        raise InputError("Chưa có tài khoản nào để tạo.", english="No account to create.")
    for account in accounts:
        _check_new(account)
    names = [_checked_name(a.username) for a in accounts]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise InputError(f"Tên đăng nhập “{repeated[0]}” có hai lần trong danh sách.")
    admins = [n for n, a in zip(names, accounts, strict=True) if a.role == Role.ADMIN]
    if not admins:
        raise InputError(
            f"Cần ít nhất một tài khoản {ROLE_NAMES[Role.ADMIN]} (ADMIN) để quản lý tài khoản "
            "và cài đặt.",
            english="At least one account must be an ADMIN.",
        )
    with db.session() as session:
        if session.scalars(select(User.id).limit(1)).first() is not None:
            raise _accounts_exist()  # made meanwhile by another program
        created = [_create(session, admins[0], account) for account in accounts]
    db.has_accounts = True
    return created


def list_users(db: Database) -> list[UserInfo]:
    with db.reader() as session:
        return [_info(r) for r in session.scalars(select(User).order_by(User.username))]


def has_users(db: Database) -> bool:
    with db.reader() as session:
        return session.scalars(select(User.id).limit(1)).first() is not None


def wait_after(failures: int) -> timedelta:
    """How long the next try must wait after ``failures`` failed logins in a row."""
    if failures <= FREE_FAILURES:
        return timedelta(0)
    doublings = min(failures - FREE_FAILURES - 1, 16)  # 5 s × 2**16 is far past the cap
    return min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)


def authenticate(
    db: Database, username: str, password: str, now: datetime | None = None
) -> UserInfo:
    """The user when the password is right; LoginError otherwise (and the next try waits)."""
    now = now or datetime.now()
    name = clean(username).lower()
    with db.session() as session:
        row = session.scalars(select(User).where(User.username == name)).first()
        if row is None:
            raise LoginError("Sai tên đăng nhập hoặc mật khẩu.")
        if row.next_try_at is not None and now < row.next_try_at:
            seconds = int((row.next_try_at - now).total_seconds()) + 1
            raise LoginError(f"Đã đăng nhập sai nhiều lần; hãy thử lại sau {seconds} giây.")
        if not check_password(password, row.password_hash):
            # One UPDATE adds the failure in the database itself: parallel wrong tries
            # (other processes, other threads) each count instead of overwriting each other.
            session.expunge(row)
            failures = session.execute(
                update(User)
                .where(User.id == row.id)
                .values(failed_attempts=User.failed_attempts + 1)
                .returning(User.failed_attempts)
                .execution_options(synchronize_session=False)
            ).scalar_one()
            wait = wait_after(failures)
            session.execute(
                update(User)
                .where(User.id == row.id)
                .values(next_try_at=now + wait if wait else None)
                .execution_options(synchronize_session=False)
            )
            failure = LoginError("Sai tên đăng nhập hoặc mật khẩu.")
        elif not row.active:
            raise LoginError(f"Tài khoản “{name}” đã bị khóa; hãy hỏi người quản trị.")
        else:
            row.failed_attempts, row.next_try_at = 0, None
            if needs_new_hash(row.password_hash):
                # Only now is the password at hand: an old scrypt (or weaker) hash is replaced,
                # recorded like any change of the account (the audit trail seals the hash).
                row.password_hash = hash_password(password)
                audit.record(
                    session,
                    row.username,
                    "user",
                    row.username,
                    "update",
                    {"password": [None, "băm lại bằng argon2id khi đăng nhập"]},
                )
            return _info(row)
    raise failure


def get_user(db: Database, username: str) -> UserInfo:
    with db.reader() as session:
        row = session.scalars(select(User).where(User.username == clean(username).lower())).first()
        if row is None:
            raise NotFoundError(f"Không có tài khoản “{username}”.")
        return _info(row)


def _row(session: Session, username: str) -> User:
    row = session.scalars(select(User).where(User.username == clean(username).lower())).first()
    if row is None:
        raise NotFoundError(f"Không có tài khoản “{username}”.")
    return row


def _new_password(row: User, password: str) -> None:
    _check_password_strength(password, row.username)
    row.password_hash = hash_password(password)
    row.failed_attempts, row.next_try_at = 0, None


def change_password(db: Database, username: str, old_password: str, new_password: str) -> None:
    """The user ``username`` changes their own password; the old one must be right (a wrong
    one counts as a failed login and slows the next try). When someone is signed in, only
    their own password can be changed this way (an ADMIN resets others with
    :func:`set_password`)."""
    from sangkien_desktop.security import access

    signed_in = access.current_user(db)
    name = clean(username).lower()
    if signed_in is not None and signed_in.username != name:
        raise PermissionDenied(
            f"Tài khoản “{signed_in.username}” chỉ đổi được mật khẩu của chính mình; mật khẩu "
            f"của “{name}” do người quản trị đặt lại.",
            english="You can only change your own password.",
        )
    _check_password_strength(new_password, name)
    user = authenticate(db, name, old_password)
    with db.session() as session:
        row = _row(session, user.username)
        _new_password(row, new_password)
        changes = {"password": [None, "tự đổi mật khẩu"]}
        audit.record(session, user.username, "user", row.username, "update", changes)


def set_password(db: Database, username: str, new_password: str, actor: str = "") -> None:
    """An ADMIN sets a new password for ``username`` ("user.manage"); its failed logins are
    cleared."""
    actor = _authorise(db, "user.manage", actor)
    with db.session() as session:
        row = _row(session, username)
        _new_password(row, new_password)
        changes = {"password": [None, "đặt lại bởi quản trị"]}
        audit.record(session, actor, "user", row.username, "update", changes)


def _active_admins(session: Session) -> int:
    query = select(func.count()).where(User.role == Role.ADMIN.value, User.active.is_(True))
    return session.scalar(query) or 0


def update_user(
    db: Database,
    username: str,
    *,
    full_name: str | None = None,
    role: str | None = None,
    active: bool | None = None,
    actor: str = "",
) -> UserInfo:
    """Change an account's full name, role or whether it may sign in ("user.manage").
    The last active ADMIN can be neither disabled nor given another role."""
    actor = _authorise(db, "user.manage", actor)
    with db.session() as session:
        row = _row(session, username)
        if role is not None:
            _checked_role(role, row.username)
        before = {"full_name": row.full_name, "role": row.role, "active": row.active}
        after = dict(before)
        if full_name is not None:
            after["full_name"] = clean(full_name)
        if role is not None:
            after["role"] = role
        if active is not None:
            after["active"] = active
        stays_admin = after["role"] == Role.ADMIN and after["active"]
        was_admin = row.role == Role.ADMIN and row.active
        if was_admin and not stays_admin and _active_admins(session) <= 1:
            raise InputError(
                f"“{row.username}” là tài khoản {ROLE_NAMES[Role.ADMIN]} cuối cùng còn hoạt "
                "động: không thể khóa hay đổi vai trò; hãy tạo hoặc mở lại một tài khoản quản "
                "trị khác trước.",
                english=f"'{row.username}' is the last active ADMIN.",
            )
        row.full_name = str(after["full_name"])
        row.role = str(after["role"])
        row.active = bool(after["active"])
        changes = audit.diff(before, after)
        if changes:
            audit.record(session, actor, "user", row.username, "update", changes)
        info = _info(row)
    from sangkien_desktop.security import access

    signed_in = access.current_user(db)
    if signed_in is not None and signed_in.username == info.username:
        db.principal = info  # a changed role or a disabled account takes effect at once
    return info


LOCK_KEY = "lock"
DEFAULT_LOCK_MINUTES = 10
LOCK_RANGE = (1, 120)


def lock_minutes(db: Database) -> int:
    """After how many idle minutes the application locks (default 10)."""
    with db.reader() as session:
        row = session.get(Setting, LOCK_KEY)
        value = row.value.get("minutes") if row is not None else None
    if isinstance(value, int) and LOCK_RANGE[0] <= value <= LOCK_RANGE[1]:
        return value
    return DEFAULT_LOCK_MINUTES


def set_lock_minutes(db: Database, minutes: int, actor: str = "") -> None:
    """Set the idle time before locking, 1–120 minutes ("setting.edit")."""
    actor = _authorise(db, "setting.edit", actor)
    low, high = LOCK_RANGE
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not low <= minutes <= high:
        raise InputError(
            f"Thời gian tự khóa {minutes} phút không hợp lệ; chọn từ {low} đến {high} phút.",
            english=f"Lock time must be {low}–{high} minutes.",
        )
    before = lock_minutes(db)
    with db.session() as session:
        row = session.get(Setting, LOCK_KEY)
        if row is None:
            session.add(Setting(key=LOCK_KEY, value={"minutes": minutes}))
        else:
            row.value = {"minutes": minutes}
        if before != minutes:
            audit.record(
                session, actor, "setting", LOCK_KEY, "update", {"minutes": [before, minutes]}
            )


# Recovery of a forgotten administrator password. No back door: the person must be at the PC
# and able to write the data folder. Step one stores a one-time code (its hash) and shows it;
# the person creates RECOVERY_FILE beside the database holding that code; step two checks the
# file, sets the new password, deletes the file and writes the audit trail.
RECOVERY_FILE = "KHOI-PHUC-QUAN-TRI.txt"
RECOVERY_KEY = "recovery"
RECOVERY_VALID = timedelta(hours=1)
_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class RecoveryError(PermissionDenied):
    """The recovery file is missing, late or does not hold the code just shown."""


@dataclass(frozen=True)
class RecoveryStart:
    code: str  # to write in the file
    file: Path  # the file to create
    until: datetime  # the code is good until then


def _machine_actor() -> str:
    """Who recovered, as far as the PC knows: its operating-system account."""
    try:
        who = getpass.getuser()
    except Exception:  # no such account name on this system
        who = "?"
    return f"(khôi phục tại máy, tài khoản hệ điều hành {who})"


def recovery_file(db: Database) -> Path:
    """Where the recovery file must be created: beside the database file."""
    if db.path is None:
        raise InputError(
            "Khôi phục mật khẩu quản trị chỉ làm được với cơ sở dữ liệu dạng tệp (SQLite).",
            english="Recovery needs a SQLite database file.",
        )
    return db.path.parent / RECOVERY_FILE


def _code_digest(code: str) -> str:
    normal = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normal.encode("ascii", "ignore")).hexdigest()


def start_recovery(db: Database, now: datetime | None = None) -> RecoveryStart:
    """Step one: make a new one-time code (any earlier one stops working) and say where the
    recovery file must be created."""
    path = recovery_file(db)
    if not has_users(db):
        raise InputError(
            "Cơ sở dữ liệu chưa có tài khoản nào: không cần khôi phục, hãy tạo tài khoản quản "
            "trị (sangkien user add … --role ADMIN).",
        )
    moment = (now or datetime.now()).replace(microsecond=0)
    raw = "".join(secrets.choice(_CODE_LETTERS) for _ in range(12))
    code = "-".join(raw[i : i + 4] for i in range(0, 12, 4))
    value = {"digest": _code_digest(code), "at": moment.isoformat()}
    with db.session() as session:
        row = session.get(Setting, RECOVERY_KEY)
        if row is None:
            session.add(Setting(key=RECOVERY_KEY, value=value))
        else:
            row.value = value
    return RecoveryStart(code, path, moment + RECOVERY_VALID)


def recovery_pending(db: Database, now: datetime | None = None) -> bool:
    """Whether a code from :func:`start_recovery` is waiting and still good."""
    with db.reader() as session:
        row = session.get(Setting, RECOVERY_KEY)
        value = dict(row.value) if row is not None else {}
    try:
        started = datetime.fromisoformat(str(value["at"]))
    except (KeyError, ValueError):
        return False
    return (now or datetime.now()) <= started + RECOVERY_VALID


def finish_recovery(
    db: Database, username: str, new_password: str, now: datetime | None = None
) -> UserInfo:
    """Step two: when the recovery file beside the database holds the code of step one (within
    the hour), give the ADMIN account ``username`` the password ``new_password`` (and open it
    again if it was disabled), delete the file and record it in the audit trail."""
    path = recovery_file(db)
    moment = now or datetime.now()
    with db.reader() as session:
        row = session.get(Setting, RECOVERY_KEY)
        pending = dict(row.value) if row is not None else {}
    if not pending or not recovery_pending(db, moment):
        raise RecoveryError(
            "Chưa có mã khôi phục còn hạn: chạy lại lệnh khôi phục để nhận mã mới.",
            english="No valid recovery code: start again.",
        )
    try:
        written = path.read_text(encoding="utf-8-sig").strip()
    except FileNotFoundError:
        raise RecoveryError(
            f"Không thấy tệp {path}: hãy tạo tệp này (ngay cạnh tệp cơ sở dữ liệu) và ghi mã "
            "khôi phục vào đó.",
            english=f"{path} does not exist.",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RecoveryError(f"Không đọc được tệp {path}: {exc}.") from exc
    if not hmac.compare_digest(_code_digest(written), str(pending.get("digest", ""))):
        raise RecoveryError(
            f"Tệp {path.name} không chứa đúng mã khôi phục vừa được cấp: hãy ghi lại đúng mã "
            "(hoặc chạy lại lệnh để nhận mã mới).",
            english=f"{path.name} does not hold the recovery code.",
        )
    name = clean(username).lower()
    _check_password_strength(new_password, name)
    with db.session() as session:
        user = _row(session, name)
        if user.role != Role.ADMIN:
            raise InputError(
                f"“{user.username}” không phải tài khoản {ROLE_NAMES[Role.ADMIN]}: chỉ khôi phục "
                "được mật khẩu của tài khoản quản trị (người quản trị đặt lại mật khẩu cho các "
                "tài khoản khác).",
            )
        changes: dict[str, list[object]] = {
            "password": [None, f"khôi phục bằng tệp {RECOVERY_FILE}"]
        }
        if not user.active:
            changes["active"] = [False, True]
            user.active = True
        _new_password(user, new_password)
        setting = session.get(Setting, RECOVERY_KEY)
        if setting is not None:
            session.delete(setting)
        audit.record(session, _machine_actor(), "user", user.username, "recover", changes)
        info = _info(user)
    path.unlink(missing_ok=True)
    return info
