"""The database: pragmas, migrations with a pre-migration copy, portable URLs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from sangkien_desktop.errors import StorageError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records.model import Author, InitiativeRecord
from sangkien_desktop.services.initiatives import save_record
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.database import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
    database_url,
    head_revision,
    make_engine,
    managed_by_models,
    open_database,
)
from sangkien_desktop.storage.models import Base


def test_new_database_is_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite")
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    assert db.pre_migration_copy is None
    db.close()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite")
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": managed_by_models})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    db.close()


def test_older_schema_is_migrated_and_a_copy_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    config = alembic_config(database_url(path))
    command.upgrade(config, "0001")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO units (code, name, level, superior_union, federation, cluster, "
            "chair_name, place, is_home, created_at) VALUES ('CD1', 'Công đoàn Cũ', 'CO_SO', '', "
            "'', '', '', '', 1, '2022-01-01 00:00:00')"
        )
    db = open_database(path)
    assert current_revision(db.engine) == head_revision()
    assert db.migrated_from == "0001"
    copy = db.pre_migration_copy
    assert copy is not None and copy.exists() and copy.parent == tmp_path
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert connection.execute("SELECT name FROM units").fetchone() == ("Công đoàn Cũ",)
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM units")).scalar() == "Công đoàn Cũ"
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(initiatives)"))}
    assert {"assigned_to", "due_on", "submitted_on"} <= columns
    db.close()


def test_database_from_a_newer_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_database(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StorageError, match="phiên bản mới hơn"):
        open_database(path)


def test_foreign_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE accounts (id INTEGER)")
    before = path.read_bytes()
    with pytest.raises(StorageError, match="không phải cơ sở dữ liệu"):
        open_database(path)
    assert path.read_bytes() == before


def test_garbage_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError, match="không phải tệp SQLite"):
        open_database(path)


def test_full_url_is_accepted(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'url.sqlite'}"
    assert database_url(url) == url
    db = open_database(url)
    assert db.path == tmp_path / "url.sqlite"
    db.close()


def test_environment_variable_names_the_default_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANGKIEN_DB", str(tmp_path / "env.sqlite"))
    assert database_url(None) == f"sqlite:///{tmp_path / 'env.sqlite'}"


def test_session_rolls_back_on_error(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite")
    engine = make_engine(db.url)
    with pytest.raises(RuntimeError), db.session() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('x', '1')"))
        raise RuntimeError("boom")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM settings")).scalar() == 0
    engine.dispose()
    db.close()


@pytest.mark.sqlite_only("the FTS5 table; PostgreSQL: tests/storage/test_postgres.py")
def test_search_index_follows_inserts_updates_and_deletes(
    db: Database, profile: ProgramProfile
) -> None:
    record = InitiativeRecord(
        id="x",
        code="SK-1",
        title="Đồ gá",
        kind="KY_THUAT",
        authors=[Author("Nguyễn Đăng Khoa", contribution_pct=100)],
    )
    save_record(db, record, profile)

    def found(word: str) -> list[str]:
        with db.engine.connect() as connection:
            query = text("SELECT id FROM initiatives_fts WHERE initiatives_fts MATCH :q")
            return list(connection.execute(query, {"q": f'"{word}"'}).scalars())

    assert found("dang") == ["x"]
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE initiatives SET search_text = 'sk-1 tran van an'"))
    assert found("dang") == [] and found("tran") == ["x"]
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM initiatives"))
    assert found("tran") == []


def test_head_constant_is_alembics_head() -> None:
    assert head_revision() == HEAD_REVISION
