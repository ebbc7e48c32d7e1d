"""What every ``sangkien`` command shares: the database and profile context, option parsing."""

from __future__ import annotations

from datetime import date

import click

from sangkien_desktop.errors import InputError
from sangkien_desktop.program.profile import ProgramProfile, load_profile
from sangkien_desktop.storage.database import Database, open_database
from sangkien_desktop.text import parse_date_vn


class Context:
    def __init__(self, db_spec: str | None) -> None:
        self.db_spec = db_spec
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = open_database(self.db_spec)
            if self._db.pre_migration_copy:
                click.echo(
                    f"Đã nâng cấp cơ sở dữ liệu; bản sao trước khi nâng cấp: "
                    f"{self._db.pre_migration_copy}",
                    err=True,
                )
        return self._db

    @property
    def profile(self) -> ProgramProfile:
        return load_profile()


pass_ctx = click.make_pass_decorator(Context)


def parse_date_option(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return parse_date_vn(value)
    except ValueError:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise InputError(f"{name}: “{value}” không phải ngày dạng dd/mm/yyyy.") from None
