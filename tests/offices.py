"""A union office with one account per role (admin, chu: CHAIR, ho: SUPPORT), the account that
works, and a dump of every table to show that a refused import changed nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from sangkien_desktop.security.access import sign_in
from sangkien_desktop.security.users import NewAccount, create_first_accounts, list_users
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage import Database, open_database

PASSWORD = "mật-khẩu-dài"


def open_office(path: Path, monkeypatch: pytest.MonkeyPatch, code: str = "CDCS-TEST") -> Database:
    db = open_database(path)
    init_unit(db, UnitDetails(name=f"Công đoàn {code}", code=code))
    create_first_accounts(
        db,
        [
            NewAccount("admin", "Admin", "ADMIN", PASSWORD),
            NewAccount("chu", "Chu", "CHAIR", PASSWORD),
            NewAccount("ho", "Ho", "SUPPORT", PASSWORD),
        ],
    )
    return db


def signed_in(db: Database, name: str) -> Database:
    sign_in(db, {u.username: u for u in list_users(db)}[name])
    return db


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the search index's shadow tables aside)."""
    with db.engine.connect() as connection:
        names = [n for n in inspect(connection).get_table_names() if "fts" not in n]
        return {
            name: sorted(
                tuple(map(repr, row)) for row in connection.execute(text(f"SELECT * FROM {name}"))
            )
            for name in names
        }
