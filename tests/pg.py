"""A throw-away PostgreSQL cluster for the tests, and the database fixtures for both stores.

``pg_cluster`` (one per test run) runs ``initdb`` in a new folder under the system's temporary
folder and the server as a child process, listening on a Unix socket only (no TCP port); when
the run ends ``pg_ctl stop`` stops it and the process is reaped. As root, both run as the
``postgres`` user. Without PostgreSQL installed (no ``initdb``) the PostgreSQL variants are
skipped and say so; with ``SANGKIEN_PG_REQUIRED=1`` (CI) they fail instead.

``database_spec`` is what the ``db`` fixture opens: a new SQLite file, or (``store`` =
"postgresql") a new database copied from a migrated template. A folder's conftest.py that
defines ``store`` with ``params=STORES`` runs its tests on both.

The cluster trusts the ``postgres`` role on its socket; every other role signs in with a
password (scram-sha-256), for the tests of the password prompt.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

STORES = ["sqlite", "postgresql"]
REQUIRED_ENV = "SANGKIEN_PG_REQUIRED"
STORE_ENV = "SANGKIEN_TEST_STORE"
TEMPLATE = "sangkien_template"
# Generous: how long another connection may take to reach a lock on a loaded machine.
BLOCKED_WAIT_S = 600
# Generous: starting and stopping a cluster on a loaded 2-core machine can take a while.
PG_CTL_WAIT_S = 300


def pg_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: on the PATH, else Debian's newest."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


class Cluster:
    """One PostgreSQL server in ``folder`` (data in ``folder/data``, socket in ``folder``)."""

    def __init__(self, bin_dir: Path, folder: Path) -> None:
        self.bin_dir = bin_dir
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "server.log"
        self._names = itertools.count(1)
        self.server: subprocess.Popen[bytes] | None = None
        self._log_handle: Any = None
        # initdb refuses to run as root: as root, run the server as the "postgres" user.
        self._prefix: list[str] = []
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            import pwd  # Unix only, like running as root

            owner = pwd.getpwnam("postgres")
            os.chown(folder, owner.pw_uid, owner.pw_gid)
            self._prefix = ["runuser", "-u", "postgres", "--"]

    def _run(self, tool: str, *args: str) -> None:
        command = [*self._prefix, str(self.bin_dir / tool), *args]
        result = subprocess.run(
            command, cwd=self.folder, capture_output=True, text=True, check=False, timeout=900
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed: {result.stdout}{result.stderr}{log}")

    def start(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--auth-local=trust",
            "--auth-host=reject",
        )
        hba = self.data / "pg_hba.conf"
        hba.write_text("local all postgres trust\nlocal all all scram-sha-256\n", encoding="utf-8")
        # The server runs as this process's child (not daemonised by pg_ctl), so stop() reaps it.
        self._log_handle = open(self.log, "ab")  # noqa: SIM115 (closed by stop())
        self.server = subprocess.Popen(
            [
                *self._prefix,
                str(self.bin_dir / "postgres"),
                "-D",
                str(self.data),
                "-k",
                str(self.folder),
                "-c",
                "listen_addresses=",
                "-c",
                "fsync=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "max_connections=200",
            ],
            cwd=self.folder,
            stdin=subprocess.DEVNULL,
            stdout=self._log_handle,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + PG_CTL_WAIT_S
        while True:
            if self.server is not None and self.server.poll() is not None:
                raise RuntimeError(
                    f"postgres stopped at start: {self.log.read_text(errors='replace')}"
                )
            try:
                self.admin("SELECT 1")
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        """Stop the server (fast shutdown) and reap its process."""
        if self.server is None:
            if self._log_handle is not None:
                self._log_handle.close()
            return
        try:
            if self.server.poll() is None and (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "300", "stop")
        finally:
            try:
                self.server.wait(timeout=PG_CTL_WAIT_S)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
            self._log_handle.close()
            self.server = None

    def url(self, name: str, user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@/{name}?host={self.folder}"

    def admin(self, sql: str) -> None:
        """Run one statement as ``postgres`` on the ``postgres`` database (autocommit)."""
        import psycopg

        with psycopg.connect(
            host=str(self.folder), dbname="postgres", user="postgres", autocommit=True
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def new_name(self) -> str:
        return f"test_{os.getpid()}_{next(self._names)}"

    def create(self, name: str, template: str | None = None) -> str:
        copy = f" TEMPLATE {template}" if template else ""
        self.admin(f"CREATE DATABASE {name}{copy}")
        return self.url(name)

    def drop(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRED_ENV) == "1":
        pytest.fail(f"PostgreSQL is required ({REQUIRED_ENV}=1) but {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason} (apt-get install postgresql)")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A running throw-away cluster with a migrated template database, stopped at the end."""
    bin_dir = pg_bin()
    if bin_dir is None:
        _unavailable("initdb was not found")
    assert bin_dir is not None
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("the tests run as root and there is no 'postgres' user to run it")
    folder = Path(tempfile.mkdtemp(prefix="sangkien-pg-"))
    cluster = Cluster(bin_dir, folder)
    try:
        cluster.start()
        from sangkien_desktop.storage import open_database

        open_database(cluster.create(TEMPLATE)).close()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def pick_store(request: pytest.FixtureRequest) -> str:
    """The ``store`` of a folder that runs on both (``params=STORES``): a test marked
    ``sqlite_only("why")`` skips its PostgreSQL variant, saying why."""
    store = str(request.param)
    marker = request.node.get_closest_marker("sqlite_only")
    if store == "postgresql" and marker is not None:
        pytest.skip(f"SQLite only: {marker.args[0]}")
    return store


@pytest.fixture
def store() -> str:
    """Which database the ``db`` fixture opens; a folder's conftest.py may ask for both.
    ``SANGKIEN_TEST_STORE=postgresql`` tries every other folder's tests on PostgreSQL."""
    return os.environ.get(STORE_ENV, "sqlite")


@pytest.fixture
def pg_database(pg_cluster: Cluster) -> Iterator[str]:
    """The URL of a new, migrated PostgreSQL database, dropped after the test."""
    name = pg_cluster.new_name()
    url = pg_cluster.create(name, template=TEMPLATE)
    try:
        yield url
    finally:
        pg_cluster.drop(name)


@pytest.fixture
def database_spec(
    store: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> str | Path:
    """A new database for ``db``: a SQLite file in ``tmp_path``, or a PostgreSQL URL (its
    attachments and backups then go to a data folder in ``tmp_path``)."""
    if store == "sqlite":
        return tmp_path / "sangkien.sqlite"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return str(request.getfixturevalue("pg_database"))


def wait_until_blocked(db: Any) -> None:
    """Return once another connection to ``db`` (a PostgreSQL Database) waits for a lock."""
    from sqlalchemy import text

    query = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    deadline = time.monotonic() + BLOCKED_WAIT_S
    while time.monotonic() < deadline:
        with db.engine.connect() as connection:
            if connection.execute(query).scalar():
                return
        time.sleep(0.05)
    raise AssertionError("no other connection ever waited for a lock")
