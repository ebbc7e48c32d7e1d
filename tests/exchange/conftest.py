"""Fixtures and helpers for the bundle tests: a unit with a key and READY initiatives, a bundle
it exported, and tools to take a bundle apart, change it, re-sign it and zip it again."""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sangkien_desktop.exchange import bagfmt, keys
from sangkien_desktop.exchange.export import ExportResult, export_bundle
from sangkien_desktop.exchange.keys import (
    KeyInfo,
    b64,
    create_unit_key,
    fingerprint,
    raw_public,
    signing_key,
    trusted_keys,
)
from sangkien_desktop.program import ProgramProfile, load_profile
from sangkien_desktop.records.model import (
    Application,
    AttachmentRef,
    Author,
    Benefits,
    ContentReview,
    InitiativeRecord,
    Recognition,
)
from sangkien_desktop.services.attachments import store_file
from sangkien_desktop.services.initiatives import import_records
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage import Database, open_database
from tests.pg import STORES, pick_store

PASSPHRASE = "mật khẩu thử nghiệm"


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest) -> str:
    """These tests run on both stores: SQLite and PostgreSQL (tests/pg.py)."""
    return pick_store(request)


@pytest.fixture(autouse=True)
def cheap_key_stretching(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at its lowest allowed cost: the tests open keys often, people once a day.
    (Each stored key records its own parameters, so this changes no behaviour.)"""
    monkeypatch.setattr(keys, "KDF", {**keys.KDF, "n": 2**10})


def ready_record(
    number: int,
    *,
    author: str = "Nguyễn Thị Hường",
    applied: date = date(2022, 3, 15),
    decided: date = date(2022, 4, 20),
    attachments: list[AttachmentRef] | None = None,
    status: str = "READY",
    id_prefix: str = "sk",
) -> InitiativeRecord:
    """A record that passes every rule of the program, in state ``status``."""
    return InitiativeRecord(
        id=f"{id_prefix}-{number:04d}",
        code=f"SK-2022-{number:04d}",
        title=f"Quy trình kiểm tra nhanh mối hàn số {number}",
        kind="KY_THUAT",
        subkind="QUY_TRINH",
        field="Cơ khí chế tạo",
        known_solution="Kiểm tra bằng mắt thường, mất nhiều thời gian.",
        content="Dưỡng đo tự chế kiểm tra nhanh kích thước mối hàn.",
        novelty="Lần đầu áp dụng tại đơn vị.",
        applicability="Áp dụng được ở mọi tổ hàn.",
        origin_story="Tổ hàn đề xuất sau nhiều lần phải sửa mối hàn lỗi.",
        authors=[
            Author(author, date(1986, 4, 12), "Phân xưởng Hàn", "Tổ trưởng", "Kỹ sư", 60, True),
            Author("Đặng Văn Đức", None, "Phân xưởng Hàn", "Công nhân", "Trung cấp", 40, False),
        ],
        application=Application("APPLIED", applied, "Phân xưởng Hàn"),
        benefits=Benefits(125_000_000, "Giảm 30% thời gian", ["AN_TOAN_LAO_DONG"], "An toàn hơn"),
        recognition=Recognition("COUNCIL", "Hội đồng sáng kiến Công ty", "15/QĐ-HĐSK", decided),
        content_review=ContentReview("Lê Minh Tâm", decided),
        status=status,
        attachments=list(attachments or []),
        created_at=datetime(2022, 3, 1, 8, 30),
        updated_at=datetime(2022, 4, 22, 16, 5),
    )


@pytest.fixture
def db_factory(tmp_path: Path) -> Iterator[Callable[..., Database]]:
    """Make more databases in the test (another PC of the same unit, or the superior union)."""
    made: list[Database] = []

    def make(code: str = "CDCS-TEST", name: str = "Công đoàn Công ty Thử nghiệm") -> Database:
        database = open_database(tmp_path / f"khac-{len(made)}" / "sangkien.sqlite")
        init_unit(database, UnitDetails(name=name, code=code))
        made.append(database)
        return database

    yield make
    for database in made:
        database.close()


@pytest.fixture
def keyed_db(db: Database) -> Database:
    """The test unit with a signing key (passphrase ``PASSPHRASE``)."""
    create_unit_key(db, PASSPHRASE)
    return db


def add_ready(
    db: Database, profile: ProgramProfile, folder: Path, count: int = 3, files: int = 2
) -> list[InitiativeRecord]:
    """``count`` READY initiatives; the first has ``files`` attachments in the store."""
    folder.mkdir(parents=True, exist_ok=True)
    refs = []
    for number in range(files):
        source = folder / f"QĐ-{number + 1}-HĐSK.pdf"
        source.write_bytes(f"%PDF-1.4 quyết định số {number}\n".encode() * (200 + number))
        refs.append(store_file(db, source))
    records = [ready_record(n, attachments=refs if n == 1 else None) for n in range(1, count + 1)]
    import_records(db, records, profile)
    return records


@dataclass
class Exported:
    db: Database
    result: ExportResult
    records: list[InitiativeRecord]

    @property
    def path(self) -> Path:
        return self.result.path


@pytest.fixture
def exported(keyed_db: Database, profile: ProgramProfile, tmp_path: Path) -> Exported:
    """A bundle of three READY initiatives (two attachments) exported by the test unit."""
    records = add_ready(keyed_db, profile, tmp_path / "files")
    result = export_bundle(keyed_db, profile, tmp_path / "out", PASSPHRASE)
    return Exported(keyed_db, result, records)


@dataclass(frozen=True)
class Sample:
    """A bundle made once per test run, for tests that only read it."""

    path: Path
    trusted: list[KeyInfo]
    key: Ed25519PrivateKey
    fingerprint: str
    records: list[InitiativeRecord]


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    folder = tmp_path_factory.mktemp("sample-bundle")
    profile = load_profile()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "KDF", {**keys.KDF, "n": 2**10})
        db = open_database(folder / "sample.sqlite")
        init_unit(db, UnitDetails(name="Công đoàn Công ty Thử nghiệm", code="CDCS-TEST"))
        create_unit_key(db, PASSPHRASE)
        records = add_ready(db, profile, folder / "files")
        result = export_bundle(db, profile, folder / "out", PASSPHRASE)
        private, _info = signing_key(db, PASSPHRASE)
        trusted = trusted_keys(db)
        db.close()
    return Sample(result.path, trusted, private, result.key_fingerprint, records)


# --- Taking bundles apart and putting them back together ------------------------------------


def read_members(path: Path) -> tuple[str, dict[str, bytes]]:
    """The bag's base folder and its files (path inside the bag → bytes), in zip order."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        base = names[0].split("/", 1)[0]
        return base, {n[len(base) + 1 :]: archive.read(n) for n in names}


def write_zip(path: Path, base: str, members: dict[str, bytes]) -> Path:
    """A zip of ``members`` under ``base/`` (STORED, like the attachments of a real bundle)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(f"{base}/{name}", date_time=(2024, 1, 2, 3, 4, 6))
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data)
    return path


def resign(members: dict[str, bytes], key: Ed25519PrivateKey) -> dict[str, bytes]:
    """Recompute the manifests and the signature, as a dishonest but key-holding sender would:
    what remains wrong is only what the caller changed in the content."""
    out = dict(members)
    payload = {n: hashlib.sha256(d).hexdigest() for n, d in out.items() if n.startswith("data/")}
    oxum = f"{sum(len(d) for n, d in out.items() if n.startswith('data/'))}.{len(payload)}"
    out[bagfmt.BAG_INFO] = re.sub(
        rb"Payload-Oxum: [0-9.]+", f"Payload-Oxum: {oxum}".encode(), out[bagfmt.BAG_INFO]
    )
    out[bagfmt.MANIFEST] = bagfmt.format_manifest(payload)
    tags = {n: hashlib.sha256(out[n]).hexdigest() for n in bagfmt.TAGGED}
    out[bagfmt.TAGMANIFEST] = bagfmt.format_manifest(tags)
    public = raw_public(key.public_key())
    signature = key.sign(bagfmt.signature_message(out[bagfmt.TAGMANIFEST]))
    out[bagfmt.SIGNATURE] = bagfmt.format_signature(
        fingerprint(public), b64(public), b64(signature)
    )
    return out


def tree(folder: Path) -> dict[str, int]:
    """Every path under ``folder`` with its size (directories: -1)."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size if p.is_file() else -1)
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The system temporary folder, redirected to an empty folder the test can inspect."""
    import tempfile

    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
