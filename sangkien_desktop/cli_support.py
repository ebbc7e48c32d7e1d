"""What every ``sangkien`` command shares: the database and profile context, option parsing.

Signing in: with ``--user NAME`` (or ``SANGKIEN_USER``) the first command that opens the
database signs in as NAME, with the password from ``SANGKIEN_PASSWORD`` or a hidden prompt;
a wrong password is a LoginError (exit code 2). Without it, a database that has accounts
refuses every write (PermissionDenied, exit code 2); reading stays open.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click

from sangkien_desktop.errors import InputError
from sangkien_desktop.program.profile import ProgramProfile, load_profile
from sangkien_desktop.records.limits import date_problem
from sangkien_desktop.storage.database import (
    Database,
    PasswordNeeded,
    database_url,
    open_database,
    sqlite_file,
)
from sangkien_desktop.text import format_number, parse_date_vn

USER_ENV = "SANGKIEN_USER"
PASSWORD_ENV = "SANGKIEN_PASSWORD"


def login_password(username: str) -> str:
    """The sign-in password: ``SANGKIEN_PASSWORD``, else a hidden prompt."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    return str(click.prompt(f"Mật khẩu của {username}", hide_input=True, err=True))


class Context:
    def __init__(self, db_spec: str | None, username: str | None = None) -> None:
        self.db_spec = db_spec
        self.username = (username or "").strip() or None
        self._db: Database | None = None
        self._signed_in = False
        # A damaged database opens (read-only) instead of being refused: ``restore`` only.
        self.damaged_ok = False

    @property
    def db(self) -> Database:
        """The database, signed in as ``--user`` when one was given."""
        database = self.open_db()
        if self.username and not self._signed_in:
            from sangkien_desktop.security.access import sign_in
            from sangkien_desktop.security.users import authenticate

            sign_in(database, authenticate(database, self.username, login_password(self.username)))
            self._signed_in = True
        return database

    def forget_db(self) -> None:
        """Close the database (its file is about to be replaced); the next use opens it again
        and signs in again."""
        if self._db is not None:
            self._db.close()
        self._db, self._signed_in = None, False

    def database_file(self) -> Path | None:
        """The SQLite file the database is (or would be) in, without opening it; None for a
        server database."""
        return sqlite_file(database_url(self.db_spec))

    def open_db(self) -> Database:
        """The database without signing in (``user recover``, ``user passwd``)."""
        if self._db is None:
            try:
                self._db = open_database(self.db_spec, damaged_ok=self.damaged_ok)
            except PasswordNeeded as exc:
                # A server database whose password libpq did not find (PGPASSFILE, ~/.pgpass):
                # asked for here, hidden, never an argument or a log line.
                click.echo(str(exc), err=True)
                password = click.prompt("Mật khẩu máy chủ cơ sở dữ liệu", hide_input=True, err=True)
                self._db = open_database(
                    self.db_spec, password=str(password), damaged_ok=self.damaged_ok
                )
            if self._db.pre_migration_copy:
                click.echo(
                    f"Đã nâng cấp cơ sở dữ liệu; bản sao trước khi nâng cấp: "
                    f"{self._db.pre_migration_copy}",
                    err=True,
                )
            if self._db.read_only:
                click.echo(f"Lưu ý: {self._db.read_only_notice}", err=True)
        return self._db

    @property
    def profile(self) -> ProgramProfile:
        return load_profile()


pass_ctx = click.make_pass_decorator(Context)


def parse_date_option(value: str | None, name: str) -> date | None:
    """A date option (dd/mm/yyyy or yyyy-mm-dd), within the range every input shares."""
    if not value:
        return None
    try:
        day = parse_date_vn(value)
    except ValueError:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise InputError(f"{name}: “{value}” không phải ngày dạng dd/mm/yyyy.") from None
    problem = date_problem(day)
    if problem:
        raise InputError(f"{name}: {problem}.", english=f"{name}: {value} is out of range.")
    return day


class Count(click.ParamType):
    """A whole number between ``low`` and ``high``; anything else is an InputError naming the
    option, in Vietnamese (click's own int type takes 20 digits, which SQLite then cannot
    bind, and answers in English)."""

    name = "số"

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        option = param.opts[0] if param is not None and param.opts else "giá trị"
        wanted = f"một số nguyên từ {self.low} đến {format_number(self.high)}"
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip()
            if not (text.isascii() and text.isdigit()):
                raise InputError(f"{option}: “{str(value)[:30]}” không phải {wanted}.")
            number = int(text) if len(text) <= 18 else self.high + 1
        if not self.low <= number <= self.high:
            raise InputError(f"{option}: {str(value)[:30]} quá giới hạn; cần {wanted}.")
        return number
