"""Fuzzing the readers that take files from outside: the JSON importer, the Excel importer and
the bundle verifier (ISSUE 7 point 5, docs/fuzzing.md).

Each fuzz test feeds random bytes, or mutations of a valid seed file, to one reader and checks
the same property: the call either succeeds with a sensible result or refuses with a
SangKienError whose message is clear (non-empty, Vietnamese or naming the file); it never raises
anything else, never runs long, and never writes (the database is unchanged after a refusal,
no file appears outside the example's own folder).

The budget comes from ``SANGKIEN_FUZZ``: unset (CI) runs a fixed, derandomised set of examples
in well under a minute and a half for all readers; ``long`` runs many more, randomly.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sqlite3
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, Phase, settings

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.exchange import keys
from sangkien_desktop.exchange.export import export_bundle
from sangkien_desktop.exchange.keys import KeyInfo, create_unit_key, signing_key, trusted_keys
from sangkien_desktop.program import load_profile
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.spreadsheets.templates import write_template
from sangkien_desktop.storage import Database, open_database

F = TypeVar("F", bound=Callable[..., Any])

#: "ci" (the default) or "long".
MODE = os.environ.get("SANGKIEN_FUZZ", "ci").strip().lower() or "ci"
LONG = MODE == "long"
#: The most one example may take, in seconds, before it counts as a hang.
HANG_SECONDS = 5.0


def fuzz_settings(ci: int, long: int = 5_000) -> Callable[[F], F]:
    """``@fuzz_settings(ci=…)``: the example budget of one fuzz test in the current mode.

    CI: derandomised (the same examples every run, no example database), a failure reported
    as found (not shrunk). Long: random, ``long`` examples (or ``SANGKIEN_FUZZ_EXAMPLES``),
    shrunk, with an example database in the system temporary folder so that a failure found is
    replayed first next time."""
    common: dict[str, Any] = {
        # ``within`` below is the hang detector (processor time, 5 s); hypothesis's deadline
        # measures the clock, which a busy machine stretches: it only catches the extreme.
        "deadline": timedelta(seconds=30),
        "suppress_health_check": [
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.function_scoped_fixture,
        ],
        "print_blob": True,
    }
    if LONG:
        examples = int(os.environ.get("SANGKIEN_FUZZ_EXAMPLES", long))
        from hypothesis.database import DirectoryBasedExampleDatabase

        folder = Path(tempfile.gettempdir()) / "sangkien-fuzz-examples"
        chosen = settings(
            max_examples=examples,
            database=DirectoryBasedExampleDatabase(str(folder)),
            **common,
        )
    else:
        chosen = settings(
            max_examples=ci,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            **common,
        )
    return chosen  # type: ignore[return-value]


# --- The property --------------------------------------------------------------------------


def is_clear(message: str, file_name: str = "") -> bool:
    """A message a person can act on: not empty, and Vietnamese (a letter with a diacritic or
    đ) or naming the file."""
    text = message.strip()
    if not text:
        return False
    if file_name and file_name in text:
        return True
    return any(
        ch in "đĐ" or (ch.isalpha() and unicodedata.decomposition(ch) != "" and ord(ch) > 127)
        for ch in text
    )


def assert_clear(error: SangKienError, file_name: str = "") -> None:
    assert is_clear(error.message, file_name), f"unclear refusal: {error.message!r}"
    assert "Traceback" not in error.message


@contextmanager
def within(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Fail an example that takes more than ``seconds`` of processor time (a hang, or close to
    one), or six times that on the clock (a wait that never ends). Processor time, not the
    clock: a busy machine (two test runs at once) slows the clock, not the work."""
    start, cpu = time.perf_counter(), time.process_time()
    yield
    used, elapsed = time.process_time() - cpu, time.perf_counter() - start
    assert used < seconds, f"took {used:.1f} s of processor time (limit {seconds} s): a hang?"
    assert elapsed < 6 * seconds, f"took {elapsed:.1f} s (limit {6 * seconds} s): a hang?"


def db_state(db: Database) -> str:
    """A digest of every row of every table (read through a separate connection)."""
    assert db.path is not None
    digest = hashlib.sha256()
    with sqlite3.connect(f"file:{db.path}?mode=ro", uri=True) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"'))
            digest.update("\n".join(rows).encode())
    connection.close()
    return digest.hexdigest()


def listing(folder: Path, *, backups: bool = False) -> dict[str, int]:
    """Every path under ``folder`` with its size (directories: -1). SQLite's own side files
    (``-wal``, ``-shm``, ``-journal``) are left out (``db_state`` compares the content), and so
    is ``backups/`` unless ``backups``: the import services copy the database there once a file
    has been read and is about to be written (storage.backups.backup_before_import)."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size if p.is_file() else -1)
        for p in sorted(folder.rglob("*"))
        if not p.name.endswith(("-wal", "-shm", "-journal"))
        and (backups or "backups" not in p.relative_to(folder).parts)
    }


@contextmanager
def scratch(parent: Path) -> Iterator[Path]:
    """A fresh folder for one example, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="vd-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- Databases and seeds -------------------------------------------------------------------


def new_db(folder: Path, code: str = "CDCS-TEST") -> Database:
    """A single-user database (no account) with its home unit (the bundles' sender is
    CDCS-TEST; a superior union receiving them has another code)."""
    database = open_database(folder / "sangkien.sqlite")
    init_unit(database, UnitDetails(name=f"Công đoàn {code}", code=code))
    return database


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def fuzz_db(fuzz_root: Path) -> Iterator[Database]:
    database = new_db(fuzz_root / "db", "CDCS-NHAN")
    # The attachment store exists once anything was attached; importing a bundle creates it
    # first thing, even for a bundle it then refuses.
    (database.folder / "attachments").mkdir()
    yield database
    database.close()


@pytest.fixture(scope="module")
def private_tmp(fuzz_root: Path) -> Iterator[Path]:
    """The system temporary folder, redirected to an empty folder the tests can inspect."""
    folder = fuzz_root / "system-tmp"
    folder.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(folder))
        yield folder


def json_seed() -> bytes:
    """A valid JSON export of three records (RECORD.md's example, renumbered)."""
    import copy
    import json

    from tests.records.conftest import EXAMPLE

    records = []
    for n in range(1, 4):
        raw = copy.deepcopy(EXAMPLE)
        raw["id"] = f"00000000-0000-4000-8000-{n:012d}"
        raw["code"] = f"SK-2022-{n:04d}"
        records.append(raw)
    records[2]["attachments"] = []
    return json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8")


MEMBER_ROWS = [
    [1, "Nguyễn Văn An", date(1985, 1, 2), "Nam", "Phân xưởng Hàn", "Tổ trưởng", "Kỹ sư",
     "Đoàn viên", "Có"],
    [2, "Trần Thị Bình", "03/04/1990", "Nữ", "Phòng Kỹ thuật", "Kỹ sư", "Thạc sĩ",
     "Viên chức", "x"],
    [3, "Lê Minh Châu", 33000, "nu", "Phân xưởng Cơ khí", "Công nhân", "Trung cấp", "NLĐ", ""],
    [4, "Phạm Đức Dũng", "1988-07-08", "M", "Phân xưởng Hàn", "Công nhân", "", "", "Không"],
]  # fmt: skip

INITIATIVE_ROWS = [
    [1, "SK-2023-0001", "Đồ gá hàn nhanh ống thép", "Giải pháp kỹ thuật", "", "", "Cơ khí",
     "Nguyễn Văn An (60%); Trần Thị Bình (40%)", "Hàn thủ công", "Đồ gá tự chế", "Mới",
     "Mọi tổ", "Sau sự cố", "Áp dụng", "15/03/2023", "Phân xưởng Hàn", "125.000.000 đ",
     "Giảm 30% thời gian", "", "", "Hội đồng sáng kiến", "Hội đồng sáng kiến Công ty",
     "15/QĐ-HĐSK", date(2023, 4, 20), "Lê Minh Tâm", "22/04/2023", "Không"],
    [2, "", "Phần mềm theo dõi ca", "Giải pháp kỹ thuật", "", "", "Tin học", "Lê Minh Châu",
     "", "Bảng tính", "", "", "", "Áp dụng thử", 44990, "Phòng Kỹ thuật", 5_000_000],
]  # fmt: skip


def xlsx_seed(kind: str, rows: list[list[Any]], folder: Path) -> bytes:
    """The import template of ``kind`` with ``rows`` filled in under the example row."""
    from openpyxl import load_workbook

    template = write_template(kind, folder / f"mau-{kind}.xlsx", load_profile())
    book = load_workbook(template)
    sheet = book.worksheets[0]
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class BundleSeed:
    path: Path
    members: dict[str, bytes]  # path inside the bag → bytes, in zip order
    base: str
    trusted: list[KeyInfo]
    key: Any  # Ed25519PrivateKey


@pytest.fixture(scope="session")
def bundle_seed(tmp_path_factory: pytest.TempPathFactory) -> BundleSeed:
    """A valid signed bundle of three READY initiatives, the first with two attachments."""
    from tests.exchange.conftest import PASSPHRASE, add_ready, read_members

    folder = tmp_path_factory.mktemp("fuzz-bundle")
    profile = load_profile()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "KDF", {**keys.KDF, "n": 2**10})
        database = new_db(folder / "db")
        create_unit_key(database, PASSPHRASE)
        add_ready(database, profile, folder / "files")
        result = export_bundle(database, profile, folder / "out", PASSPHRASE)
        private, _info = signing_key(database, PASSPHRASE)
        trusted = trusted_keys(database)
        database.close()
    base, members = read_members(result.path)
    return BundleSeed(result.path, members, base, trusted, private)


def zip_bytes(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of raw entries, names written as given (duplicates allowed)."""
    import warnings

    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names: on purpose
        with zipfile.ZipFile(buffer, "w", compression) as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 2, 3, 4, 6))
                info.external_attr = 0o100644 << 16
                info.compress_type = compression
                archive.writestr(info, data)
    return buffer.getvalue()


def unzip(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def with_shared_strings(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The workbook's inline strings moved to a shared-strings part, as Excel saves them."""
    import re
    from xml.sax.saxutils import escape

    from lxml import etree

    strings: list[str] = []

    def shared(match: re.Match[bytes]) -> bytes:
        text = etree.fromstring(b"<t>" + match[2] + b"</t>").text or ""
        strings.append(text)
        return match[1] + b' t="s"><v>%d</v></c>' % (len(strings) - 1)

    inline = re.compile(rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is><t>(.*?)</t></is></c>')
    out = [(n, inline.sub(shared, d) if n.startswith("xl/worksheets/sheet") else d)
           for n, d in entries]  # fmt: skip
    items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    sst = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    ).encode()
    relation = (
        b'<Relationship Id="rIdSst" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
    )
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    result = []
    for name, data in out:
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(b"</Relationships>", relation)
        elif name == "[Content_Types].xml":
            data = data.replace(b"</Types>", override)
        result.append((name, data))
    return [*result, ("xl/sharedStrings.xml", sst)]
