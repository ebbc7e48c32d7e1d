"""Local accounts of the shared office PC, their roles, and the permission check.

Passwords are stretched with scrypt (memory-hard; n=2**14, r=8, p=1, 16-byte salt), stored with
their parameters so they can be raised later. Several failed logins slow the next try: from the
third failure in a row the wait doubles (5 s, 10 s, 20 s …, at most 5 minutes); a good login
clears it.

Every action is checked in the core with :func:`require`, not only by hiding buttons. ADMIN is
deliberately not a super-user: it manages users, settings and keys; recognising, signing and
printing certificates belong to CHAIR (a small union gives one person two accounts).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select

from sangkien_desktop.errors import InputError, NotFoundError, SangKienError
from sangkien_desktop.security import audit
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import User
from sangkien_desktop.text import clean

SCRYPT_N, SCRYPT_R, SCRYPT_P, SALT_BYTES, KEY_BYTES = 2**14, 8, 1, 16, 32
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
}

_READ = frozenset({"report.read", "report.export"})
_SUPPORT = _READ | {"initiative.edit", "initiative.move", "member.edit"}
PERMISSIONS: dict[Role, frozenset[str]] = {
    Role.VIEWER: _READ,
    Role.SUPPORT: frozenset(_SUPPORT),
    Role.CHAIR: frozenset(
        _SUPPORT | {"initiative.recognise", "reward.edit", "bundle.sign", "certificate.print"}
    ),
    Role.ADMIN: frozenset(_READ | {"user.manage", "setting.edit", "key.manage"}),
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
        english=f"User '{user.username}' ({user.role}) may not do {action}.",
    )


def move_action(target: str) -> str:
    """The action a move to ``target`` needs."""
    return MOVE_ACTIONS.get(target, "initiative.move")


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(SALT_BYTES)
    key = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES
    )
    encoded = [base64.b64encode(part).decode("ascii") for part in (salt, key)]
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encoded[0]}${encoded[1]}"


def check_password(password: str, stored: str) -> bool:
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


def add_user(
    db: Database, username: str, full_name: str, role: str, password: str, actor: str = ""
) -> UserInfo:
    """Create an account; the user name is unique (case-insensitive)."""
    name = clean(username).lower()
    if not name or any(ch.isspace() for ch in name):
        raise InputError("Tên đăng nhập không được để trống hay có dấu cách.")
    if role not in ROLES:
        raise InputError(
            f"Tài khoản “{name}”: vai trò “{role}” không hợp lệ "
            f"(chọn {', '.join(r.value for r in Role)})."
        )
    _check_password_strength(password, name)
    with db.session() as session:
        if session.scalars(select(User.id).where(User.username == name)).first() is not None:
            raise InputError(f"Tên đăng nhập “{name}” đã có.")
        row = User(
            username=name,
            full_name=clean(full_name),
            role=role,
            password_hash=hash_password(password),
            active=True,
            failed_attempts=0,
            created_at=datetime.now().replace(microsecond=0),
        )
        session.add(row)
        session.flush()
        changes = {"full_name": [None, row.full_name], "role": [None, role]}
        audit.record(session, actor, "user", name, "create", changes)
        return _info(row)


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
            row.failed_attempts += 1
            wait = wait_after(row.failed_attempts)
            row.next_try_at = now + wait if wait else None
            failure = LoginError("Sai tên đăng nhập hoặc mật khẩu.")
        elif not row.active:
            raise LoginError(f"Tài khoản “{name}” đã bị khóa; hãy hỏi người quản trị.")
        else:
            row.failed_attempts, row.next_try_at = 0, None
            return _info(row)
    raise failure


def get_user(db: Database, username: str) -> UserInfo:
    with db.reader() as session:
        row = session.scalars(select(User).where(User.username == clean(username).lower())).first()
        if row is None:
            raise NotFoundError(f"Không có tài khoản “{username}”.")
        return _info(row)
