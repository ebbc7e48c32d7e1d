"""Write a signed bundle: one zip file holding one BagIt bag (RFC 8493).

Every file is written into the zip in one streaming pass that also computes its SHA-256, so
a gigabyte of attachments is read once, in chunks. Attachments (PDF scans, photos, Office files:
already compressed) and ``summary.xlsx`` are STORED; the JSON and tag files are DEFLATED. The zip
is written under a temporary name in the target folder, flushed to disk, and only renamed to its
final name when complete: a crash or a full disk never leaves a half bundle that looks whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sangkien_desktop import __version__
from sangkien_desktop.errors import InputError
from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.keys import b64, fingerprint, raw_public
from sangkien_desktop.exchange.summary import summary_workbook
from sangkien_desktop.files import refuse_own_files
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.io import record_to_dict
from sangkien_desktop.records.model import InitiativeRecord

CHUNK = 1024 * 1024
GENERATOR = f"Sáng Kiến Desktop {__version__}"
Progress = Callable[[int, int], bool]  # (bytes done, bytes in all) → False to cancel


class BundleCancelled(InputError):
    """The person stopped the export; no bundle was written and nothing was marked."""


@dataclass
class BundleSpec:
    """Everything a bundle holds, gathered before a byte is written."""

    bundle_id: str
    sequence: int
    previous_id: str | None
    unit: dict[str, Any]  # data/unit.json (code, name, superior_union, headcount, targets…)
    profile: ProgramProfile
    mode: str
    created_at: datetime  # with its time zone
    records: Sequence[InitiativeRecord]
    #: sha256 → the stored file; the writer checks each file still has that hash.
    attachments: Mapping[str, Path] = field(default_factory=dict)
    #: sha256 → (initiative code, file name), to name a damaged file in a refusal.
    attachment_owners: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    #: The end of the unit's audit chain, signed with the bundle (None: an empty log).
    audit: bagfmt.AuditCheckpoint | None = None


@dataclass
class WrittenBundle:
    path: Path
    bundle_id: str
    sequence: int
    initiative_count: int
    attachment_count: int
    payload_bytes: int
    key_fingerprint: str


def bundle_stem(unit_code: str, sequence: int, created: datetime) -> str:
    """``goi-sangkien_CDCS-CKDA_00003_20240501``: the zip's name and the bag's base folder."""
    code = re.sub(r"[^A-Za-z0-9-]+", "-", unit_code).strip("-")[:40] or "don-vi"
    return f"goi-sangkien_{code}_{sequence:05d}_{created:%Y%m%d}"


def initiatives_json(records: Sequence[InitiativeRecord]) -> bytes:
    """``data/initiatives.json``: a JSON array of RECORD.md records, UTF-8, no BOM."""
    text = json.dumps([record_to_dict(r) for r in records], ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")


def canonical_json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


class _Writer:
    def __init__(
        self,
        archive: zipfile.ZipFile,
        base: str,
        created: datetime,
        total: int,
        progress: Progress | None,
    ) -> None:
        self.archive = archive
        self.base = base
        self.stamp = created.timetuple()[:6]
        self.total = max(total, 1)
        self.done = 0
        self.progress = progress
        self.manifest: dict[str, str] = {}
        self.tags: dict[str, str] = {}

    def _info(self, name: str, compress: int, size: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(f"{self.base}/{name}", date_time=self.stamp)
        info.compress_type = compress
        info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
        info.file_size = size
        return info

    def _tick(self, count: int) -> None:
        self.done += count
        if self.progress and not self.progress(min(self.done, self.total), self.total):
            raise BundleCancelled(
                "Đã hủy xuất gói; không có tệp gói nào được tạo và sáng kiến không thay đổi.",
                english="Export cancelled; no bundle was written.",
            )

    def put(self, name: str, data: bytes, compress: int = zipfile.ZIP_DEFLATED) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self.archive.writestr(self._info(name, compress, len(data)), data, compress_type=compress)
        (self.manifest if name.startswith("data/") else self.tags)[name] = digest
        self._tick(len(data))
        return digest

    def stream(self, name: str, source: IO[bytes], size: int) -> str:
        digest = hashlib.sha256()
        written = 0
        info = self._info(name, zipfile.ZIP_STORED, size)
        with self.archive.open(info, "w", force_zip64=size > 2**31) as target:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                target.write(chunk)
                written += len(chunk)
                self._tick(len(chunk))
        if written != size:
            raise InputError(
                f"Tệp đính kèm {name.rsplit('/', 1)[-1][:12]}… thay đổi kích thước trong khi xuất "
                "gói; hãy xuất lại.",
                english=f"{name} changed size during the export.",
            )
        self.manifest[name] = digest.hexdigest()
        return self.manifest[name]


def write_bundle(
    spec: BundleSpec,
    key: Ed25519PrivateKey,
    out_dir: Path,
    progress: Progress | None = None,
    *,
    summary: bytes | None = None,
) -> WrittenBundle:
    """Write ``spec`` as a signed bundle in ``out_dir``; returns where and what.

    ``summary`` replaces the generated ``summary.xlsx`` (tests that make many bundles pass the
    same bytes to each)."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"Không tạo được thư mục {out_dir}: {exc.strerror or exc}.") from exc
    stem = bundle_stem(str(spec.unit.get("code", "")), spec.sequence, spec.created_at)
    refuse_own_files(out_dir / f"{stem}.zip")
    records_bytes = initiatives_json(spec.records)
    unit_bytes = canonical_json(spec.unit)
    summary_bytes = summary if summary is not None else summary_workbook(spec.records, spec.profile)
    sizes: dict[str, int] = {}
    for sha, path in spec.attachments.items():
        try:
            sizes[sha] = path.stat().st_size
        except OSError:
            code, name = spec.attachment_owners.get(sha, ("?", sha[:12]))
            raise InputError(
                f"Sáng kiến {code}: không tìm thấy tệp đính kèm “{name}” trong thư mục dữ liệu "
                f"({path}); gói không được tạo.",
                english=f"{code}: attachment '{name}' is missing from the data folder.",
            ) from None
    payload_bytes = sum(sizes.values()) + len(records_bytes) + len(unit_bytes) + len(summary_bytes)
    payload_count = len(sizes) + 3
    public = raw_public(key.public_key())
    info = bagfmt.BundleInfo(
        bundle_id=spec.bundle_id,
        sequence=spec.sequence,
        previous_id=spec.previous_id,
        unit_code=str(spec.unit.get("code", "")),
        unit_name=str(spec.unit.get("name", "")),
        superior_union=str(spec.unit.get("superior_union", "")),
        profile_id=spec.profile.id,
        mode=spec.mode,
        initiative_count=len(spec.records),
        attachment_count=len(sizes),
        created_at=spec.created_at,
        generator=GENERATOR,
        key_fingerprint=fingerprint(public),
        payload_oxum=f"{payload_bytes}.{payload_count}",
        audit=spec.audit,
    )
    fd, temp_name = tempfile.mkstemp(prefix=f".{stem}.", suffix=".part", dir=out_dir)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            with zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
                writer = _Writer(archive, stem, spec.created_at, payload_bytes, progress)
                writer.put(bagfmt.INITIATIVES, records_bytes)
                writer.put(bagfmt.UNIT, unit_bytes)
                writer.put(bagfmt.SUMMARY, summary_bytes, zipfile.ZIP_STORED)
                for sha in sorted(sizes):
                    name = bagfmt.attachment_path(sha)
                    with open(spec.attachments[sha], "rb") as source:
                        got = writer.stream(name, source, sizes[sha])
                    if got != sha:
                        code, file_name = spec.attachment_owners.get(sha, ("?", sha[:12]))
                        raise InputError(
                            f"Sáng kiến {code}: tệp đính kèm “{file_name}” trong thư mục dữ liệu "
                            "đã bị hỏng (mã băm SHA-256 không còn khớp); gói không được tạo.",
                            english=f"{code}: attachment '{file_name}' is damaged in the store.",
                        )
                writer.put(bagfmt.BAGIT, bagfmt.BAGIT_TXT, zipfile.ZIP_STORED)
                writer.put(
                    bagfmt.BAG_INFO,
                    bagfmt.format_tags(bagfmt.bag_info_tags(info, info.unit_name, payload_bytes)),
                )
                writer.put(bagfmt.MANIFEST, bagfmt.format_manifest(writer.manifest))
                tagmanifest = bagfmt.format_manifest(writer.tags)
                writer.put(bagfmt.TAGMANIFEST, tagmanifest)
                signature = key.sign(bagfmt.signature_message(tagmanifest))
                writer.put(
                    bagfmt.SIGNATURE,
                    bagfmt.format_signature(info.key_fingerprint, b64(public), b64(signature)),
                    zipfile.ZIP_STORED,
                )
            handle.flush()
            os.fsync(handle.fileno())
        target = out_dir / f"{stem}.zip"
        counter = 2
        while target.exists():
            target = out_dir / f"{stem}-{counter}.zip"
            counter += 1
        os.replace(temp, target)
        _sync_folder(out_dir)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise InputError(
            f"Không ghi được gói vào thư mục {out_dir}: {exc.strerror or exc} (ổ đĩa đầy hoặc "
            "không có quyền ghi?). Không có gói nào được tạo.",
            english=f"Cannot write the bundle to {out_dir}: {exc}.",
        ) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return WrittenBundle(
        target,
        spec.bundle_id,
        spec.sequence,
        len(spec.records),
        len(sizes),
        payload_bytes,
        info.key_fingerprint,
    )


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
