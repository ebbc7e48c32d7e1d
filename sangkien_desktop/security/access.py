"""Who is at the keyboard, and whether they may do what they ask.

A database with no account yet (made by ``sangkien init`` before ``sangkien user add``) is in
single-user mode: every action is allowed and the audit trail names the caller's ``actor``
(the operating-system user). As soon as one account exists, every checked action needs a
signed-in account whose role allows it; nobody signed in is refused, whatever the caller
passes as ``actor``. The first-run wizard creates the accounts, so an office installation is
never in single-user mode.

The signed-in account lives on the :class:`Database` object (``db.principal``): the GUI signs
in after its login screen and out on log-out; the CLI signs in from ``--user``. Services call
:func:`authorise` at their top, before opening a transaction, and record the name it returns.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from sangkien_desktop.security.users import PermissionDenied, UserInfo, require
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import User
from sangkien_desktop.text import clean


class SignInRequired(PermissionDenied):
    """Nobody is signed in to a database that has accounts."""


def accounts_exist(db: Database) -> bool:
    """Whether the database has at least one account (cached on ``db``; accounts are never
    deleted, only disabled)."""
    if not db.has_accounts:
        with db.reader() as session:
            db.has_accounts = session.scalars(select(User.id).limit(1)).first() is not None
    return bool(db.has_accounts)


def sign_in_wait(db: Database, username: str, now: datetime | None = None) -> timedelta:
    """How long ``username`` must still wait before the next sign-in try (zero: a try counts
    now). The wait follows failed tries (``users.wait_after``); a login screen counts it down."""
    name = clean(username).lower()
    with db.reader() as session:
        until = session.scalars(select(User.next_try_at).where(User.username == name)).first()
    left = until - (now or datetime.now()) if until is not None else timedelta(0)
    return max(left, timedelta(0))


def sign_in(db: Database, user: UserInfo) -> None:
    """Make ``user`` (from :func:`users.authenticate`) the account every later call acts as."""
    db.principal = user
    db.has_accounts = True


def sign_out(db: Database) -> None:
    db.principal = None


def current_user(db: Database) -> UserInfo | None:
    user = db.principal
    return user if isinstance(user, UserInfo) else None


def authorise(db: Database, action: str, actor: str = "") -> str:
    """Check ``action`` (a key of ``users.ACTIONS``) for whoever is signed in to ``db`` and
    return the name to record in the audit trail.

    Signed in: the role must allow it (PermissionDenied otherwise); the account's user name is
    returned. Nobody signed in: refused when the database has accounts; in single-user mode
    ``actor`` is returned unchanged."""
    user = current_user(db)
    if user is not None:
        require(user, action)
        return user.username
    if accounts_exist(db):
        raise SignInRequired(
            "Cần đăng nhập trước khi làm việc này (cơ sở dữ liệu đã có tài khoản người dùng).",
            english="Sign in first: this database has user accounts.",
        )
    return actor


def can(db: Database, action: str) -> bool:
    """Whether :func:`authorise` would allow ``action`` now (for enabling buttons)."""
    try:
        authorise(db, action)
    except PermissionDenied:
        return False
    return True
