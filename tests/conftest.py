"""Shared fixtures. Qt runs offscreen; every test gets its own database file."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2.profiles import CHEAPEST

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's settings (window geometry, language, columns) go to a private folder, not the user's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sangkien-test-config-")
os.environ.pop("SANGKIEN_DB", None)

from sangkien_desktop.program import ProgramProfile, load_profile
from sangkien_desktop.security import users
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage import Database, open_database
from tests.pg import database_spec, pg_cluster, pg_database, store  # noqa: F401  (both stores)
from tests.timing import ENV as SLOWDOWN_ENV
from tests.timing import slowdown


def pytest_report_header() -> str:
    return f"subprocess time-outs x{slowdown():.1f} ({SLOWDOWN_ENV} sets it; tests/timing.py)"


@pytest.fixture
def profile() -> ProgramProfile:
    return load_profile()


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its cheapest (the parameters travel in each hash, so checks still work);
    tests/security/test_users.py checks the real parameters."""
    monkeypatch.setattr(users, "PASSWORD_PROFILE", CHEAPEST)


@pytest.fixture
def db(database_spec: str | Path) -> Iterator[Database]:  # noqa: F811 (a fixture)
    """An empty database with its home unit declared (SQLite, or PostgreSQL: tests/pg.py)."""
    database = open_database(database_spec)
    init_unit(database, UnitDetails(name="Công đoàn Công ty Thử nghiệm", code="CDCS-TEST"))
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per test run; tests copy it."""
    from sangkien_desktop.services.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(path)
    fill_demo(database, load_profile())
    database.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database."""
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, target)
    database = open_database(target)
    yield database
    database.close()
