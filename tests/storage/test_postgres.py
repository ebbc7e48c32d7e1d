"""PostgreSQL as the shared store: migrations, search, the audit chain under two writers, the
password that never travels in the URL (a throw-away cluster: tests/pg.py)."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import create_engine, text, update
from sqlalchemy.exc import IntegrityError

from sangkien_desktop.cli import cli, main
from sangkien_desktop.documents.numbering import Holder, assign_numbers, begin_exclusive
from sangkien_desktop.errors import StorageError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.records.model import Author
from sangkien_desktop.security.audit import history, record, verify
from sangkien_desktop.services.initiatives import (
    get_record,
    next_code,
    save_record,
    search,
    store_row,
)
from sangkien_desktop.services.units import UnitDetails, home_unit, init_unit
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.database import (
    HEAD_REVISION,
    PasswordNeeded,
    alembic_config,
    current_revision,
    managed_by_models,
)
from sangkien_desktop.storage.locks import INITIATIVE_CODES, serialize
from sangkien_desktop.storage.models import Base, Initiative
from tests.pg import Cluster, wait_until_blocked

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("pg_writer.py")
# Generous: two processes on a loaded 2-core machine.
WRITER_TIMEOUT_S = 900


@pytest.fixture
def empty_pg(pg_cluster: Cluster) -> tuple[Cluster, str]:
    """A new database with nothing in it (not copied from the migrated template)."""
    name = pg_cluster.new_name()
    return pg_cluster, name


def test_an_empty_postgresql_database_migrates_to_head_matching_the_models(
    empty_pg: tuple[Cluster, str],
) -> None:
    cluster, name = empty_pg
    db = open_database(cluster.create(name))
    try:
        assert current_revision(db.engine) == HEAD_REVISION
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_name": managed_by_models}
            )
            assert compare_metadata(context, Base.metadata) == []
            indexes = connection.execute(
                text(
                    "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_initiatives_search_trgm'"
                )
            ).scalar()
            assert indexes is not None and "gin_trgm_ops" in indexes
    finally:
        db.close()
        cluster.drop(name)


def test_every_older_revision_migrates_to_head_on_postgresql(pg_cluster: Cluster) -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    revisions = [r.revision for r in script.walk_revisions()]
    assert HEAD_REVISION in revisions
    for revision in revisions:
        name = pg_cluster.new_name()
        url = pg_cluster.create(name)
        try:
            engine = create_engine(url)
            try:
                with engine.begin() as connection:
                    config = alembic_config(url)
                    config.attributes["connection"] = connection
                    command.upgrade(config, revision)
            finally:
                engine.dispose()
            db = open_database(url)
            try:
                assert current_revision(db.engine) == HEAD_REVISION, revision
                assert db.migrated_from == (None if revision == HEAD_REVISION else revision)
            finally:
                db.close()
        finally:
            pg_cluster.drop(name)


def test_a_server_database_is_named_as_typed_without_a_password(pg_database: str) -> None:
    db = open_database(pg_database)
    try:
        assert db.display_name == pg_database
        assert db.path is None
    finally:
        db.close()


def test_the_audit_log_refuses_truncate_on_postgresql(pg_database: str) -> None:
    db = open_database(pg_database)
    try:
        with (
            pytest.raises(IntegrityError, match="chỉ được ghi thêm"),
            db.engine.begin() as connection,
        ):
            connection.exec_driver_sql("TRUNCATE audit_log")
    finally:
        db.close()


@pytest.mark.parametrize("store", ["postgresql"])
def test_search_finds_with_or_without_diacritics_and_d_on_postgresql(
    db: Database, profile: ProgramProfile
) -> None:
    save_record(
        db,
        InitiativeRecord(
            id="",
            code="SK-2024-0001",
            title="Cải tiến đồ gá hàn",
            kind="KY_THUAT",
            authors=[Author("Đặng Thị Hường", contribution_pct=100)],
        ),
        profile,
    )
    save_record(
        db, InitiativeRecord(id="", code="SK-2024-0002", title="Khác", kind="KY_THUAT"), profile
    )
    for query in ("dang", "Đặng", "huong", "HƯỜNG", "do ga", "đồ gá hàn", "0001", "50%_"):
        found = [row[0] for row in search(db, query)]
        assert found == ([] if query == "50%_" else ["SK-2024-0001"]), query


@pytest.mark.parametrize("store", ["postgresql"])
def test_two_processes_saving_the_same_initiatives_keep_one_audit_chain(
    db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two PCs (two processes) save the same initiatives over and over: every save has its
    audit row, the chain is one line and the data agrees with the log."""
    codes = []
    for i in range(3):
        saved = save_record(
            db, InitiativeRecord(id="", code="", title=f"Ban đầu {i}", kind="KY_THUAT"), profile
        )
        codes.append(saved.code)
    before = len(history(db, "initiative", limit=10_000))
    rounds = 15
    writers = [
        subprocess.Popen(
            [sys.executable, str(WRITER), db.url, who, str(rounds), *codes],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("Máy A", "Máy B")
    ]
    outputs = []
    try:
        for writer in writers:
            outputs.append(writer.communicate(timeout=WRITER_TIMEOUT_S))
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
            writer.communicate()
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert out.strip() == str(rounds * len(codes))
    rows = history(db, "initiative", limit=10_000)
    assert len(rows) - before == 2 * rounds * len(codes)  # no save lost its audit row
    result = verify(db)
    assert result.problems == [] and result.outside == [], (result.problems, result.outside)
    assert result.intact
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db.url, "audit", "verify"])
        raise SystemExit(0)
    assert not exit_info.value.code, capsys.readouterr()
    assert "nguyên vẹn" in capsys.readouterr().out


@pytest.mark.parametrize("store", ["postgresql"])
def test_a_second_pc_printing_certificates_waits_and_takes_the_next_number(
    db: Database, profile: ProgramProfile
) -> None:
    first, second = (
        save_record(db, InitiativeRecord(id="", code="", title=t, kind="KY_THUAT"), profile)
        for t in ("Một", "Hai")
    )
    other = open_database(db.url)
    day = date(2026, 3, 1)
    taken: list[object] = []

    def print_on_the_other_pc() -> None:
        try:
            with other.session() as session:
                begin_exclusive(session)
                [number] = assign_numbers(session, [Holder(second.id, second.code, "B")], day)
                taken.append(number.number)
        except Exception as exc:
            taken.append(exc)

    thread = threading.Thread(target=print_on_the_other_pc)
    try:
        with db.session() as session:
            begin_exclusive(session)
            [mine] = assign_numbers(session, [Holder(first.id, first.code, "A")], day)
            thread.start()
            wait_until_blocked(db)
    finally:
        thread.join()
        other.close()
    assert (mine.number, taken) == (1, [2])


@pytest.mark.parametrize("store", ["postgresql"])
def test_a_second_pc_creating_an_initiative_waits_and_takes_the_next_code(
    db: Database, profile: ProgramProfile
) -> None:
    other = open_database(db.url)
    made: list[object] = []

    def create_on_the_other_pc() -> None:
        try:
            new = InitiativeRecord(id="", code="", title="Của máy B", kind="KY_THUAT")
            made.append(save_record(other, new, profile).code)
        except Exception as exc:
            made.append(exc)

    thread = threading.Thread(target=create_on_the_other_pc)
    try:
        # The first PC is saving a new initiative (what save_record does, held open).
        with db.session() as session:
            serialize(session, INITIATIVE_CODES)
            mine = InitiativeRecord(
                id="a", code=next_code(session), title="Của máy A", kind="KY_THUAT"
            )
            store_row(session, None, mine, profile, home_unit(session).id, "", "Tạo mới")
            thread.start()
            wait_until_blocked(db)
    finally:
        thread.join()
        other.close()
    year = date.today().year
    assert (mine.code, made) == (f"SK-{year}-0001", [f"SK-{year}-0002"])


@pytest.mark.parametrize("store", ["postgresql"])
def test_a_bulk_write_and_a_save_of_the_same_initiative_at_once_both_succeed(
    db: Database, profile: ProgramProfile
) -> None:
    """An import writes its rows first and its audit rows after; a save from the editor records
    its audit row before its row is flushed. On two PCs at once over the same initiative, each
    waited for the other's lock (a deadlock PostgreSQL breaks by failing one of them)."""
    saved = save_record(db, InitiativeRecord(id="", code="", title="Đầu", kind="KY_THUAT"), profile)
    other = open_database(db.url)
    outcome: list[object] = []

    def save_on_the_other_pc() -> None:
        try:
            mine = get_record(other, saved.id)
            mine.title = "Máy B"
            save_record(other, mine, profile, "Máy B")
            outcome.append("saved")
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=save_on_the_other_pc)
    try:
        with db.session() as session:  # what import_records does: rows first, audit after
            session.execute(
                update(Initiative).where(Initiative.id == saved.id).values(title="Máy A")
            )
            thread.start()
            wait_until_blocked(db)
            record(
                session, "Máy A", "initiative", saved.code, "update", {"title": ["Đầu", "Máy A"]}
            )
    finally:
        thread.join()
        other.close()
    assert outcome == ["saved"]
    assert get_record(db, saved.id).title == "Máy B"
    assert verify(db).intact


def test_a_password_in_the_url_is_refused_before_connecting(pg_cluster: Cluster) -> None:
    url = pg_cluster.url("postgres", user="office").replace("office@", "office:secret@")
    with pytest.raises(StorageError, match="Không ghi mật khẩu") as caught:
        open_database(url)
    assert "secret" not in str(caught.value)


@pytest.fixture
def office_role(pg_cluster: Cluster) -> tuple[str, str]:
    """A role that signs in with a password (scram), owning a new database: (url, password)."""
    name = pg_cluster.new_name()
    password = "mật-khẩu 'văn phòng'"
    pg_cluster.admin(f"DROP ROLE IF EXISTS {name}_owner")
    quoted = password.replace("'", "''")
    pg_cluster.admin(f"CREATE ROLE {name}_owner LOGIN PASSWORD '{quoted}'")
    pg_cluster.admin(f"CREATE DATABASE {name} OWNER {name}_owner")
    yield pg_cluster.url(name, user=f"{name}_owner"), password
    pg_cluster.drop(name)
    pg_cluster.admin(f"DROP ROLE IF EXISTS {name}_owner")


def test_a_server_password_comes_from_pgpassfile_or_the_argument_never_the_url(
    office_role: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, password = office_role
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(PasswordNeeded, match="cần mật khẩu"):
        open_database(url)
    with pytest.raises(PasswordNeeded):
        open_database(url, password="sai")
    db = open_database(url, password=password)  # a new database: migrated by its owner
    db.close()
    passfile = tmp_path / "pgpass"
    escaped = password.replace("\\", "\\\\").replace(":", "\\:")
    passfile.write_text(f"*:*:*:*:{escaped}\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    db = open_database(url)
    try:
        init_unit(db, UnitDetails(name="LĐLĐ tỉnh Thử", code="LDLD-TEST"))
    finally:
        db.close()


def test_the_cli_asks_for_the_server_password_hidden(
    office_role: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, password = office_role
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["--db", url, "init", "--name", "LĐLĐ tỉnh Thử", "--code", "LDLD-TEST"],
        input=password + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Mật khẩu máy chủ cơ sở dữ liệu" in result.output
    assert "Đã khai báo đơn vị" in result.output
    assert password not in result.output


def test_the_cli_builds_the_demo_on_postgresql_and_its_audit_verifies(
    pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (("demo",), ("audit", "verify"), ("search", "dang")):
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", pg_database, *args])
            raise SystemExit(0)
        out, err = capsys.readouterr()
        assert exit_info.value.code in (0, None), (args, out, err)
    assert "SK-" in out


def test_demo_force_on_a_server_database_says_it_recreates_files_only(
    pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    init = ["init", "--name", "LĐLĐ tỉnh Thử", "--code", "LDLD-TEST"]
    for args, expected in ((init, 0), (["demo", "--force"], 2)):
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", pg_database, *args])
            raise SystemExit(0)
        assert (exit_info.value.code or 0) == expected
    err = capsys.readouterr().err
    assert "--force chỉ tạo lại được một tệp" in err and "cơ sở dữ liệu mới" in err
