"""The one module that owns the engine and sessions, and the only one that knows SQLite.

``open_database`` accepts a file path or a full SQLAlchemy URL. Before it migrates an existing
database it saves a copy beside it with SQLite's online backup API (a plain file copy of a live
WAL database can miss committed pages).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from sangkien_desktop.errors import StorageError
from sangkien_desktop.files import SQLITE_HEADER, guard_database
from sangkien_desktop.paths import data_dir, default_database
from sangkien_desktop.storage.locks import WRITERS, serialize
from sangkien_desktop.storage.models import Base

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration. Opening an up-to-date database compares against this and never loads
# Alembic (a quarter of the start-up time); tests check it equals Alembic's own head.
HEAD_REVISION = "0010"

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


def database_url(spec: str | Path | None) -> str:
    """A SQLAlchemy URL for a file path or URL (``None``: the default database)."""
    text = str(spec) if spec else default_database()
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The SQLite file of a database URL, or None for a server or in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(str(parsed.database))
    return None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA query_only=ON")  # a write fails at once, with "readonly database"
    cursor.close()


def read_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` for reading only; on read-only media (no -shm can be
    made beside it) ``immutable``, or SQLite could not even read a WAL database."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return uri if os.access(path.parent, os.W_OK) else uri + "&immutable=1"


def writable(path: Path) -> bool:
    """Whether the database file and its folder (for -wal, -shm) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def make_engine(url: str, password: str | None = None, *, read_only: bool = False) -> Engine:
    file = sqlite_file(url)
    if read_only and file is not None:
        uri = read_uri(file)
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            poolclass=QueuePool,
        )
        event.listen(engine, "connect", _read_only_pragmas)
        return engine
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A server's password travels beside the URL, never in it (nor in a log line); without
    # one libpq finds it itself (PGPASSFILE, ~/.pgpass, PGPASSWORD).
    connect_args = {"password": password} if password else {}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


class PasswordNeeded(StorageError):
    """The database server asks for a password that was not given, or refused the one given."""


# What libpq says when the server wants a password it did not get, or refused it.
_PASSWORD_MESSAGES = ("no password supplied", "password authentication failed")


def _refuse_password_in_url(url: str) -> None:
    if make_url(url).password is not None:
        raise StorageError(
            "Không ghi mật khẩu trong địa chỉ cơ sở dữ liệu (nó sẽ lộ trong lệnh và nhật ký): "
            "hãy để trống, ứng dụng sẽ hỏi mật khẩu, hoặc ghi nó vào tệp PGPASSFILE (~/.pgpass)."
        )


def managed_by_models(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic's filter: the search index is made by hand in revision 0004 (SQLite: the FTS5
    table and its shadow tables; PostgreSQL: a trigram index), so comparing the models with the
    database leaves it out."""
    if type_ == "index" and name == "ix_initiatives_search_trgm":
        return False
    return not (type_ == "table" and name is not None and name.startswith("initiatives_fts"))


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """Alembic's head, read from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        ScriptDirectory.from_config(alembic_config("sqlite://")).get_revision(revision)
    except Exception:
        return False
    return True


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for an empty one."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(
    source: Path, target: Path, *, connection: sqlite3.Connection | None = None
) -> Path:
    """Copy a live SQLite database consistently (online backup API), then fsync the copy.
    ``connection``: an open connection to ``source`` to copy through (see :func:`sole_use`)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    # A copy cut short (a crash, a power cut) may have left a partial file, perhaps damaged:
    # never write over it, start afresh.
    for leftover in (partial, partial.with_name(partial.name + "-journal")):
        leftover.unlink(missing_ok=True)
    try:
        src = connection or sqlite3.connect(read_uri(Path(source)), uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            if connection is None:
                src.close()
        with open(partial, "rb+") as handle:
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
    except BaseException as exc:
        # A full disk, a pulled USB stick: no partial copy is left behind to fill the disk.
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error | OSError):
            raise StorageError(
                f"Không ghi được bản sao {target}: {disk_reason(exc)}. Hãy giải phóng chỗ trống "
                "hoặc chọn nơi khác rồi thử lại; không có bản sao dở dang nào được để lại.",
                english=f"Could not write the copy {target}: {exc}.",
            ) from exc
        raise
    return target


@contextmanager
def sole_use(path: Path) -> Iterator[sqlite3.Connection]:
    """Hold the database file ``path`` so that nobody else, in this process or another, has it
    open; yields the one connection. Every open :class:`Database` keeps a pooled connection and
    with it SQLite's shared lock on the file (WAL mode), so an application or a ``sangkien``
    command that has the database open makes this refuse (StorageError naming the file)."""
    connection = sqlite3.connect(path, timeout=0, isolation_level=None, check_same_thread=False)
    try:
        try:
            connection.execute("PRAGMA locking_mode=EXCLUSIVE")  # kept until closed
            connection.execute("BEGIN EXCLUSIVE")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
            connection.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise StorageError(
                f"Cơ sở dữ liệu {path} đang được mở ở chương trình khác (ứng dụng Sáng Kiến "
                "Desktop hoặc một lệnh sangkien đang chạy): hãy đóng chương trình đó rồi thử lại. "
                "Chưa có gì thay đổi.",
                english=f"{path} is open in another program: close it and try again.",
            ) from exc
        yield connection
    finally:
        connection.close()


def open_failure(name: str, exc: BaseException) -> StorageError:
    """The database ``name`` could not be opened: why, in Vietnamese when it is the disk."""
    original = exc.orig if isinstance(exc, DatabaseError) and exc.orig is not None else exc
    reason = disk_reason(original)
    if reason.startswith("lỗi ") and reason != "lỗi đọc/ghi ổ đĩa":
        reason = str(exc.args[0] if exc.args else exc)
    else:
        reason += " — hãy kiểm tra chỗ trống và quyền ghi của ổ đĩa rồi mở lại"
    return StorageError(f"Không mở được cơ sở dữ liệu {name}: {reason}")


def disk_reason(exc: BaseException) -> str:
    """Why a write failed, in Vietnamese, without the statement or its values."""
    text = str(exc.args[0] if exc.args else exc).lower()
    code = exc.errno if isinstance(exc, OSError) else None
    if code == errno.ENOSPC or "database or disk is full" in text:
        return "ổ đĩa đầy"
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly database" in text:
        return "không có quyền ghi (ổ chỉ đọc?)"
    if code == errno.EIO or "disk i/o" in text:
        return "lỗi đọc/ghi ổ đĩa"
    if "database disk image is malformed" in text:
        return "tệp bị hỏng"
    return f"lỗi {type(exc).__name__}"


def migrate_file(path: Path) -> None:
    """Bring the closed database file ``path`` up to :data:`HEAD_REVISION`, keeping no copy
    (for a copy about to replace the database: a restore migrates it before the swap).
    StorageError when a migration fails: the file's tables are not what its stamp says."""
    url = database_url(path)
    engine = make_engine(url)
    try:
        if current_revision(engine) != HEAD_REVISION:
            from alembic import command

            with engine.begin() as connection:
                config = alembic_config(url)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        missing = missing_columns(engine)
    except Exception as exc:  # whatever stops a migration, this file cannot be used
        reason = exc.args[0] if exc.args else type(exc).__name__
        raise StorageError(
            f"{path.name}: không nâng cấp được lên lược đồ hiện tại ({reason}); các bảng trong "
            "tệp không khớp với phiên bản lược đồ ghi trong tệp.",
            english=f"{path.name} cannot be migrated: {reason}",
        ) from exc
    finally:
        engine.dispose()
    if missing:
        raise StorageError(
            f"{path.name}: thiếu {', '.join(missing[:5])} so với lược đồ {HEAD_REVISION} ghi trong "
            "tệp; các bảng trong tệp không khớp với phiên bản lược đồ.",
            english=f"{path.name} lacks {', '.join(missing[:5])}.",
        )


def missing_columns(engine: Engine) -> list[str]:
    """The tables and columns of the models that ``engine``'s database lacks
    (``members.position``): a file whose schema stamp says more than its tables hold."""
    found = inspect(engine)
    tables = set(found.get_table_names())
    missing: list[str] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            missing.append(table.name)
            continue
        columns = {column["name"] for column in found.get_columns(table.name)}
        missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in columns]
    return missing


@dataclass
class Database:
    url: str
    engine: Engine
    migrated_from: str | None = None
    pre_migration_copy: Path | None = None
    # The signed-in account (a security.users.UserInfo), set only by security.access.sign_in;
    # every write checks its role there. None: nobody signed in.
    principal: Any = field(default=None, compare=False)
    # Whether the database has any account; None until security.access first asks.
    has_accounts: bool | None = field(default=None, compare=False)
    # Opened for reading only: the file or its folder cannot be written (read-only media), or
    # it is damaged and was opened only to be restored (then ``damaged`` says how).
    read_only: bool = field(default=False, compare=False)
    damaged: str = field(default="", compare=False)
    # The file's identity (device, inode) when opened: a restore by another program swaps in
    # another file, which every later unit of work notices (see session()).
    file_identity: tuple[int, int] | None = field(default=None, compare=False)

    def remember_file(self) -> None:
        """Note which file the path names now (open_database calls it)."""
        if self.path is not None:
            with suppress(OSError):
                found = self.path.stat()
                self.file_identity = (found.st_dev, found.st_ino)

    def _refuse_swapped_file(self) -> None:
        if self.path is None or self.file_identity is None:
            return
        try:
            found = self.path.stat()
        except OSError:
            return  # the engine's own error says what is wrong
        if (found.st_dev, found.st_ino) != self.file_identity:
            raise StorageError(
                f"Cơ sở dữ liệu {self.display_name} vừa được thay bằng tệp khác (một bản sao lưu "
                "được khôi phục?). Thay đổi vừa rồi chưa được lưu: hãy đóng ứng dụng và mở lại.",
                english=f"{self.display_name} was replaced by another file: restart.",
            )

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return sqlite_file(self.url)

    @property
    def folder(self) -> Path:
        """Where attachments and backups live: beside the file, or the per-user data folder."""
        return self.path.parent if self.path else data_dir()

    @property
    def display_name(self) -> str:
        """The file, or the server URL as typed (``host=/run/postgresql``, not ``%2F``)."""
        if self.path:
            return str(self.path)
        return unquote(make_url(self.url).render_as_string())

    @property
    def read_only_notice(self) -> str:
        """What to tell the user when the database was opened read-only ("" otherwise)."""
        if not self.read_only:
            return ""
        if self.damaged:
            return self.damaged
        return (
            f"Cơ sở dữ liệu {self.display_name} nằm trên ổ đĩa hoặc tệp chỉ cho đọc: chỉ xem được, "
            "mọi thay đổi sẽ không lưu được. Muốn sửa, hãy chép tệp vào một thư mục ghi được rồi "
            "mở tệp đó."
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises. Refused
        when the file was swapped since it was opened (its writes would go to the old file)."""
        self._refuse_swapped_file()
        try:
            with self._sessions.begin() as session:
                # PostgreSQL: one writer at a time, as on SQLite (storage.locks.WRITERS).
                serialize(session, WRITERS)
                yield session
        except DatabaseError as exc:
            failure = self._disk_failure(exc, writing=True)
            if failure is None:
                raise
            raise failure from None

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading only."""
        try:
            with self._sessions() as session:
                yield session
        except DatabaseError as exc:
            failure = self._disk_failure(exc, writing=False)
            if failure is None:
                raise
            raise failure from None

    def _disk_failure(self, exc: DatabaseError, *, writing: bool) -> StorageError | None:
        """A full disk, a read-only file or a disk error as a StorageError naming the file and
        what to do, without the statement or its values (names of people); None for any other
        error. Raised ``from None``: the values stay out of logs too."""
        if self.damaged:  # opened only to be restored: any failure is the damage
            return DamagedDatabase(self.damaged)
        reason = disk_reason(exc.orig if isinstance(exc.orig, BaseException) else exc)
        advice = {
            "ổ đĩa đầy": "Hãy giải phóng chỗ trống trên ổ đĩa rồi làm lại.",
            "không có quyền ghi (ổ chỉ đọc?)": "Hãy chép tệp cơ sở dữ liệu vào một thư mục ghi "
            "được (hoặc mở khóa ghi của ổ USB) rồi mở lại.",
            "lỗi đọc/ghi ổ đĩa": "Ổ đĩa có thể đang hỏng: hãy sao lưu ngay sang ổ khác.",
            "tệp bị hỏng": "Hãy khôi phục bản sao lưu gần nhất còn tốt (Cài đặt › Sao lưu, hoặc "
            "sangkien restore TỆP-SAO-LƯU).",
        }.get(reason)
        if advice is None:
            return None
        if not writing:
            return StorageError(
                f"Không đọc được cơ sở dữ liệu {self.display_name}: {reason}. {advice}",
                english=f"Cannot read the database {self.display_name}.",
            )
        return StorageError(
            f"Không lưu được vào cơ sở dữ liệu {self.display_name}: {reason}. Thay đổi vừa rồi "
            f"chưa được lưu; dữ liệu đã lưu trước đó vẫn nguyên. {advice}",
            english=f"Cannot write the database {self.display_name}: disk full, read-only or "
            "a disk error.",
        )

    def close(self) -> None:
        self.engine.dispose()


def _not_a_database(path: Path, what: str) -> StorageError:
    return StorageError(
        f"Tệp {path} {what}, không phải cơ sở dữ liệu của Sáng Kiến Desktop: ứng dụng không mở "
        "và không ghi gì vào tệp này. Hãy chọn đúng tệp cơ sở dữ liệu, hoặc khôi phục từ một bản "
        "sao lưu (thư mục backups).",
        english=f"{path} is not a Sáng Kiến Desktop database; it was left untouched.",
    )


class DamagedDatabase(StorageError):
    """``PRAGMA quick_check`` finds the database file damaged."""


def check_intact(path: Path) -> None:
    """Raise :class:`DamagedDatabase` when SQLite's ``PRAGMA quick_check`` (page and b-tree
    structure, no index contents: a third of ``integrity_check``'s time, 0.14–0.2 s for 50,000
    initiatives, docs/crash-safety.md) finds ``path`` damaged, e.g. a page zeroed by a failing
    disk. Read-only: writes nothing."""
    try:
        connection = sqlite3.connect(read_uri(path), uri=True)
        try:
            result = [r[0] for r in connection.execute("PRAGMA quick_check(3)")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        result = [str(exc)]
    if result != ["ok"]:
        raise DamagedDatabase(
            f"Cơ sở dữ liệu {path} bị hỏng ({'; '.join(result)[:200]}). Đừng nhập thêm dữ liệu "
            "vào tệp này: hãy khôi phục bản sao lưu gần nhất còn tốt (Cài đặt › Sao lưu, hoặc "
            "sangkien restore TỆP-SAO-LƯU); tệp hỏng được giữ lại bên cạnh.",
            english=f"The database {path} is damaged: restore a backup.",
        )


def _precheck_sqlite(path: Path) -> None:
    """Refuse, without writing a byte, a file that is not one of our databases
    (connecting through the engine would switch it to WAL mode). An empty file is refused
    too: SQLite would take it for a new database and ``init`` would start one over it."""
    if not path.exists():
        return
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StorageError(f"Không đọc được tệp cơ sở dữ liệu {path}: {exc.strerror}.") from exc
    if not header:
        raise _not_a_database(path, "rỗng (0 byte)")
    if header != SQLITE_HEADER:
        raise _not_a_database(path, "không phải tệp SQLite")
    try:
        connection = sqlite3.connect(read_uri(path), uri=True)
        try:
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise open_failure(str(path), exc) from exc
    if tables and "alembic_version" not in tables:
        raise StorageError(f"{path} không phải cơ sở dữ liệu của Sáng Kiến Desktop.")
    check_intact(path)


def open_database(
    spec: str | Path | None = None,
    *,
    migrate: bool = True,
    password: str | None = None,
    damaged_ok: bool = False,
) -> Database:
    """Open (creating if needed) and migrate the database named by ``spec`` (a server
    database: with ``password`` when given; PasswordNeeded when the server wants one).
    A damaged file is refused (DamagedDatabase), or with ``damaged_ok`` (to restore a backup
    over it) opened read-only with ``damaged`` set."""
    url = database_url(spec)
    _refuse_password_in_url(url)
    file = sqlite_file(url)
    damaged = ""
    if file is not None:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"Không tạo được thư mục dữ liệu {file}: {exc}") from exc
        try:
            _precheck_sqlite(file)
        except DamagedDatabase as exc:
            if not damaged_ok:
                raise
            damaged = exc.message
        guard_database(file)
    read_only = file is not None and file.exists() and (bool(damaged) or not writable(file))
    engine = make_engine(url, password, read_only=read_only)
    database = Database(url, engine, read_only=read_only, damaged=damaged)
    try:
        current = current_revision(engine)
        if current == HEAD_REVISION or (current is not None and not migrate):
            database.remember_file()
            return database
        if read_only:
            raise StorageError(
                f"Cơ sở dữ liệu {database.display_name} cần nâng cấp lên phiên bản này nhưng nằm "
                "trên ổ đĩa hoặc tệp chỉ cho đọc: hãy chép tệp vào một thư mục ghi được rồi mở "
                "tệp đó.",
            )
        if current is not None and not known_revision(current):
            raise StorageError(
                f"Cơ sở dữ liệu {database.display_name} được tạo bởi phiên bản mới hơn của "
                f"Sáng Kiến Desktop (lược đồ {current}); hãy cập nhật ứng dụng.",
            )
        has_tables = bool(inspect(engine).get_table_names())
        if current is None and has_tables:
            raise StorageError(
                f"{database.display_name} không phải cơ sở dữ liệu của Sáng Kiến Desktop.",
            )
        if current is not None and database.path is not None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            copy = database.path.with_name(
                f"{database.path.stem}.truoc-nang-cap-{current}-{stamp}.sqlite"
            )
            engine.dispose()
            database.pre_migration_copy = backup_sqlite(database.path, copy)
        from alembic import command

        with engine.begin() as connection:
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        database.migrated_from = current
    except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        reason = exc.args[0] if exc.args else exc
        if database.path is None and any(m in str(reason) for m in _PASSWORD_MESSAGES):
            raise PasswordNeeded(
                f"Máy chủ cơ sở dữ liệu {database.display_name} cần mật khẩu "
                f"(hoặc mật khẩu không đúng).",
            ) from exc
        raise open_failure(database.display_name, exc) from exc
    database.remember_file()
    return database
