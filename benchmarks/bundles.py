"""Export bundles (issue 4): 1 GB of attachments, ours vs plain hashlib.sha256 + zipfile.

The baseline is the least any bundle writer must do: one pass over the same files, hashing each
chunk with ``hashlib.sha256`` and writing it into a ``zipfile`` entry (STORED), no fsync. Ours is
the whole ``export_bundle``: selecting the initiatives, checking the rules, the summary workbook,
the manifests, the signature, the fsync and the rename. The target is at least 70% of the
baseline's speed (ratio ours/baseline ≤ 1.43). Verifying the bundle is measured beside reading
the same zip back with ``zipfile`` + ``hashlib.sha256``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from benchmarks.common import Row
from sangkien_desktop.exchange.export import export_bundle
from sangkien_desktop.exchange.keys import create_unit_key, trusted_keys
from sangkien_desktop.exchange.verify import verify_bundle
from sangkien_desktop.program import load_profile
from sangkien_desktop.records.model import (
    Application,
    AttachmentRef,
    Author,
    Benefits,
    ContentReview,
    InitiativeRecord,
    Recognition,
)
from sangkien_desktop.services.initiatives import import_records
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage.database import open_database

TOTAL_BYTES = 1024 * 1024 * 1024
FILE_BYTES = 8 * 1024 * 1024
PER_INITIATIVE = 4
CHUNK = 1024 * 1024
REPEAT = 3


def _attachments(store: Path) -> list[AttachmentRef]:
    """Incompressible files (like scans and photos) in the content-addressed store."""
    refs = []
    for number in range(TOTAL_BYTES // FILE_BYTES):
        data = os.urandom(FILE_BYTES)
        sha = hashlib.sha256(data).hexdigest()
        (store / sha[:2]).mkdir(parents=True, exist_ok=True)
        (store / sha[:2] / sha).write_bytes(data)
        refs.append(AttachmentRef(sha, f"minh-chung-{number:03d}.pdf", "EVIDENCE", FILE_BYTES))
    return refs


def _records(refs: list[AttachmentRef]) -> list[InitiativeRecord]:
    records = []
    for number in range(0, len(refs), PER_INITIATIVE):
        records.append(
            InitiativeRecord(
                id=f"bench-{number:04d}",
                code=f"SK-2023-{number:04d}",
                title=f"Cải tiến quy trình kiểm tra số {number}",
                kind="KY_THUAT",
                subkind="QUY_TRINH",
                field="Cơ khí",
                known_solution="Kiểm tra bằng mắt, mất nhiều thời gian.",
                content="Dưỡng đo tự chế kiểm tra nhanh mối hàn.",
                novelty="Lần đầu áp dụng tại đơn vị.",
                applicability="Mọi phân xưởng hàn.",
                origin_story="Tổ hàn đề xuất sau nhiều lần sửa lỗi.",
                authors=[Author("Nguyễn Văn An", contribution_pct=100, is_lead=True)],
                application=Application("APPLIED", date(2023, 3, 1), "Phân xưởng"),
                benefits=Benefits(10_000_000, "Giảm thời gian", ["AN_TOAN_LAO_DONG"], "An toàn"),
                recognition=Recognition("COUNCIL", "Hội đồng sáng kiến", "1/QĐ", date(2023, 4, 1)),
                content_review=ContentReview("Lê Minh Tâm", date(2023, 4, 2)),
                status="READY",
                attachments=refs[number : number + PER_INITIATIVE],
                created_at=datetime(2023, 2, 1, 8),
                updated_at=datetime(2023, 4, 2, 8),
            )
        )
    return records


def _baseline(sources: list[Path], target: Path) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        for source in sources:
            digest = hashlib.sha256()
            info = zipfile.ZipInfo(f"bag/data/attachments/{source.name}")
            info.file_size = source.stat().st_size
            with open(source, "rb") as reader, archive.open(info, "w") as writer:
                while chunk := reader.read(CHUNK):
                    digest.update(chunk)
                    writer.write(chunk)


def _read_back(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        for info in archive.infolist():
            digest = hashlib.sha256()
            with archive.open(info) as reader:
                while chunk := reader.read(CHUNK):
                    digest.update(chunk)


def _median(function: Callable[[], object], repeat: int = REPEAT) -> float:
    """Median wall time in ms, without a warm-up call (each call writes a gigabyte)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[len(times) // 2]


def run() -> list[Row]:
    profile = load_profile()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        db = open_database(root / "bench.sqlite")
        init_unit(db, UnitDetails("Công đoàn Thử nghiệm", "CD-BENCH"))
        create_unit_key(db, "benchmark")
        refs = _attachments(root / "attachments")
        import_records(db, _records(refs), profile)
        sources = [root / "attachments" / r.sha256[:2] / r.sha256 for r in refs]
        out = root / "out"
        bundles: list[Path] = []

        def ours() -> None:
            for old in bundles:
                old.unlink()
            bundles[:] = [export_bundle(db, profile, out, "benchmark", mode="all").path]

        def baseline() -> None:
            target = root / "baseline.zip"
            _baseline(sources, target)
            target.unlink()

        _baseline(sources, root / "warm.zip")  # fill the page cache, like the first export does
        (root / "warm.zip").unlink()
        ours_ms = _median(ours)
        base_ms = _median(baseline)
        keys = trusted_keys(db)
        verify_ms = _median(lambda: verify_bundle(bundles[0], trusted=keys, profile=profile))
        read_ms = _median(lambda: _read_back(bundles[0]))
        db.close()
    gb = TOTAL_BYTES / 2**30
    return [
        Row(
            f"export bundle, {gb:.0f} GB attachments",
            ours_ms,
            "one pass sha256 + zipfile (STORED)",
            base_ms,
            "≥ 70% of baseline speed (ratio ≤ 1.43)",
        ),
        Row(
            f"verify bundle, {gb:.0f} GB attachments",
            verify_ms,
            "zipfile read + sha256 of every entry",
            read_ms,
            "(for information)",
        ),
    ]
