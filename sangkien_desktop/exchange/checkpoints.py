"""Audit-chain checkpoints carried by signed bundles: the unit's history anchored outside its PC.

The audit chain and its anchor file (``security.audit``) sit on the unit's PC: whoever can
write its data folder can edit rows, recompute every hash and rewrite the anchor. Each bundle
therefore carries, inside its signed ``bag-info.txt``, the end of the unit's chain when it was
made (row count, last row number, that row's hash) and the hash each earlier bundle's last row
has now (``bagfmt.AuditCheckpoint``).

- The unit keeps the checkpoints it sent (``audit_checkpoints``, direction "sent") to give the
  next bundle those earlier hashes.
- The upper level keeps those it received, per unit, and on each new bundle checks that the
  new chain still leads through the old checkpoints (and a late older bundle through the newer
  ones): a history rewritten in between is reported by name.
- ``sangkien audit verify --checkpoints FILE`` checks the local chain against checkpoints the
  upper level gives back (``sangkien audit checkpoints``, a JSON file) or the unit's own bundle
  files: a history rewritten after an export is caught even with the anchor rewritten too.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from sangkien_desktop.errors import InputError, SangKienError
from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.keys import fingerprint, unb64, verify_signature
from sangkien_desktop.files import atomic_write_text
from sangkien_desktop.security.access import authorise
from sangkien_desktop.services.units import home_unit
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import AuditCheckpoint, AuditEntry
from sangkien_desktop.text import format_date

SENT = "sent"
RECEIVED = "received"
FILE_FORMAT = "sangkien-audit-checkpoints"
FILE_VERSION = 1
_SMALL = 1024 * 1024  # the most a tag file of a bundle may hold (docs/bundle-format.md §7)


@dataclass(frozen=True)
class Checkpoint:
    """One bundle's checkpoint of its unit's audit chain."""

    unit_code: str
    sequence: int
    bundle_id: str
    created_at: datetime
    count: int
    last_row: int
    head: str
    source: str = ""  # the file it was read from, for messages

    @property
    def name(self) -> str:
        return f"gói số {self.sequence} (tạo {format_date(self.created_at.date())})"


# --- The unit: what a new bundle carries -------------------------------------------------------


def chain_checkpoint(session: Session, unit_code: str) -> bagfmt.AuditCheckpoint | None:
    """The end of the chain now, with the hashes the last rows of the unit's earlier bundles
    have now; None while the log is empty."""
    table = AuditEntry.__table__
    last = session.execute(
        select(table.c.id, table.c.hash).order_by(table.c.id.desc()).limit(1)
    ).first()
    if last is None:
        return None
    count = session.scalar(select(func.count()).select_from(table)) or 0
    rows = set(
        session.scalars(
            select(AuditCheckpoint.last_id).where(
                AuditCheckpoint.direction == SENT, AuditCheckpoint.unit_code == unit_code
            )
        )
    )
    earlier = dict(
        session.execute(select(table.c.id, table.c.hash).where(table.c.id.in_(sorted(rows)))).all()
    )
    return bagfmt.AuditCheckpoint(count, last[0], last[1], earlier)


def record_sent(
    session: Session,
    unit_code: str,
    bundle_id: str,
    sequence: int,
    created_at: datetime,
    audit: bagfmt.AuditCheckpoint,
) -> None:
    session.add(_row(SENT, unit_code, bundle_id, sequence, created_at, audit))


def forget_sent(session: Session, bundle_id: str) -> None:
    """Drop the checkpoint of a bundle whose export failed."""
    session.execute(
        delete(AuditCheckpoint).where(
            AuditCheckpoint.direction == SENT, AuditCheckpoint.bundle_id == bundle_id
        )
    )


def _row(
    direction: str,
    unit_code: str,
    bundle_id: str,
    sequence: int,
    created_at: datetime,
    audit: bagfmt.AuditCheckpoint,
) -> AuditCheckpoint:
    return AuditCheckpoint(
        direction=direction,
        unit_code=unit_code,
        bundle_id=bundle_id,
        sequence=sequence,
        created_at=created_at.astimezone().replace(tzinfo=None),  # local time, as stored
        count=audit.count,
        last_id=audit.last_row,
        head=audit.head,
        earlier={str(k): v for k, v in audit.earlier.items()},
    )


# --- The upper level: what each received bundle is checked against -------------------------------


def receive(session: Session, info: bagfmt.BundleInfo) -> list[str]:
    """Store the checkpoint of a bundle being imported (in the caller's transaction) and compare
    it with the unit's other received checkpoints; returns the warnings, one line each."""
    audit = info.audit
    unit = info.unit_code
    stored = list(
        session.scalars(
            select(AuditCheckpoint)
            .where(AuditCheckpoint.direction == RECEIVED, AuditCheckpoint.unit_code == unit)
            .where(AuditCheckpoint.bundle_id != info.bundle_id)
            .order_by(AuditCheckpoint.sequence)
        )
    )
    if audit is None:
        if stored:
            return [
                f"Gói số {info.sequence} của {unit} không mang mốc nhật ký thay đổi (ứng dụng "
                "phiên bản cũ?): chưa kiểm tra được lịch sử của đơn vị có bị viết lại không."
            ]
        return []
    lines = []
    # The nearest older and newer checkpoints: a chain that leads through them leads through
    # all the others they were checked against when they arrived.
    before = [c for c in stored if c.sequence < info.sequence][-1:]
    after = [c for c in stored if c.sequence > info.sequence][:1]
    for other in before + after:
        if other.sequence < info.sequence:
            older = (other.sequence, other.count, other.last_id, other.head)
            newer = (info.sequence, audit.count, audit.earlier)
        else:
            older = (info.sequence, audit.count, audit.last_row, audit.head)
            newer = (other.sequence, other.count, {int(k): v for k, v in other.earlier.items()})
        line = _follows(unit, *older, *newer)
        if line:
            lines.append(line)
    session.add(_row(RECEIVED, unit, info.bundle_id, info.sequence, info.created_at, audit))
    return lines


def _follows(
    unit: str,
    old_sequence: int,
    old_count: int,
    old_row: int,
    old_head: str,
    new_sequence: int,
    new_count: int,
    new_earlier: Mapping[int, str],
) -> str | None:
    """Whether the chain of bundle ``new_sequence`` leads through the checkpoint of the older
    bundle ``old_sequence``: a warning line when it does not, or cannot be told."""
    now = new_earlier.get(old_row)
    if now == old_head:
        return None
    if now is not None:
        return (
            f"CẢNH BÁO — nhật ký thay đổi của {unit} đã bị viết lại: gói số {new_sequence} cho "
            f"dòng nhật ký số {old_row} mã băm khác với gói số {old_sequence} đã nhận. Lịch sử "
            f"đến dòng đó (lúc gửi gói số {old_sequence}) đã bị sửa rồi tính lại mã băm sau "
            "khi gửi; hãy đề nghị đơn vị giải trình."
        )
    if new_count < old_count:
        return (
            f"CẢNH BÁO — nhật ký thay đổi của {unit} đã ngắn đi: gói số {new_sequence} có "
            f"{new_count} dòng, gói số {old_sequence} đã có {old_count} dòng (các dòng đã bị "
            "xóa, hoặc đơn vị khôi phục một bản sao lưu cũ); hãy đề nghị đơn vị giải trình."
        )
    return (
        f"Gói số {new_sequence} của {unit} không mang mã băm dòng nhật ký số {old_row} (dòng "
        f"cuối khi gửi gói số {old_sequence}): chưa kiểm tra được lịch sử giữa hai gói (cơ sở "
        "dữ liệu của đơn vị đã được thay?)."
    )


def received_checkpoints(db: Database, unit_code: str) -> list[Checkpoint]:
    """The checkpoints received from ``unit_code``, by sequence number."""
    with db.reader() as session:
        rows = session.scalars(
            select(AuditCheckpoint)
            .where(AuditCheckpoint.direction == RECEIVED, AuditCheckpoint.unit_code == unit_code)
            .order_by(AuditCheckpoint.sequence)
        ).all()
        return [_checkpoint(row) for row in rows]


def _checkpoint(row: AuditCheckpoint, source: str = "") -> Checkpoint:
    return Checkpoint(
        row.unit_code,
        row.sequence,
        row.bundle_id,
        row.created_at,
        row.count,
        row.last_id,
        row.head,
        source,
    )


def write_checkpoints(db: Database, unit_code: str, path: Path) -> int:
    """Write the checkpoints received from ``unit_code`` as a JSON file the unit can check its
    log against ("report.export"); returns how many."""
    authorise(db, "report.export")
    found = received_checkpoints(db, unit_code)
    if not found:
        raise InputError(
            f"Chưa nhận gói nào của đơn vị {unit_code} có mốc nhật ký thay đổi.",
            english=f"No checkpoint received from {unit_code}.",
        )
    data = {
        "format": FILE_FORMAT,
        "format_version": FILE_VERSION,
        "unit_code": unit_code,
        "written_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "checkpoints": [
            {
                "sequence": c.sequence,
                "bundle_id": c.bundle_id,
                "created_at": c.created_at.isoformat(),
                "count": c.count,
                "last_row": c.last_row,
                "head": c.head,
            }
            for c in found
        ],
    }
    atomic_write_text(Path(path), json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return len(found)


# --- The unit: its chain against checkpoints from outside -------------------------------------


def load_checkpoints(paths: Iterable[Path]) -> list[Checkpoint]:
    """Checkpoints from files: a JSON file of ``write_checkpoints`` or a bundle (``.zip``,
    its signature checked). An unreadable file is an InputError naming it."""
    found: list[Checkpoint] = []
    for path in paths:
        path = Path(path)
        if zipfile.is_zipfile(path):
            found.append(_from_bundle(path))
        else:
            found += _from_json(path)
    return found


def _unreadable(path: Path, why: str) -> InputError:
    return InputError(
        f"Tệp mốc {path.name}: {why}", english=f"Checkpoint file {path.name}: unreadable."
    )


def _from_json(path: Path) -> list[Checkpoint]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _unreadable(path, f"không đọc được tệp JSON ({exc}).") from None
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise _unreadable(path, "không phải tệp mốc nhật ký (sangkien audit checkpoints).")
    if data.get("format_version") != FILE_VERSION:
        raise _unreadable(path, f"phiên bản “{data.get('format_version')}” không được hỗ trợ.")
    unit = str(data.get("unit_code") or "")
    found = []
    for index, item in enumerate(data.get("checkpoints") or [], start=1):
        try:
            checkpoint = Checkpoint(
                unit,
                int(item["sequence"]),
                str(item["bundle_id"]),
                datetime.fromisoformat(item["created_at"]),
                int(item["count"]),
                int(item["last_row"]),
                str(item["head"]),
                path.name,
            )
        except (KeyError, TypeError, ValueError):
            raise _unreadable(path, f"mốc số {index} thiếu hoặc sai trường.") from None
        if not bagfmt.is_sha256(checkpoint.head):
            raise _unreadable(path, f"mốc số {index} có mã băm không hợp lệ.")
        found.append(checkpoint)
    return found


def _from_bundle(path: Path) -> Checkpoint:
    """The checkpoint in a bundle's ``bag-info.txt``, once the signature over its tag manifest
    and the tag manifest's hash of ``bag-info.txt`` are right."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = {
                info.filename.split("/", 1)[1]: info
                for info in archive.infolist()
                if info.filename.count("/") == 1 and info.file_size <= _SMALL
            }
            wanted = (bagfmt.BAG_INFO, bagfmt.TAGMANIFEST, bagfmt.SIGNATURE)
            if any(name not in names for name in wanted):
                raise _unreadable(path, "không phải gói của Sáng Kiến Desktop.")
            bag_info, tagmanifest, signature = (archive.read(names[n]) for n in wanted)
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise _unreadable(path, f"không đọc được gói ({exc}).") from None
    try:
        tags = dict(bagfmt.parse_tags(signature, bagfmt.SIGNATURE))
        public = unb64(tags.get("Public-Key", ""), "Khóa công khai")
        signed = unb64(tags.get("Signature", ""), "Chữ ký")
        listed = bagfmt.parse_manifest(tagmanifest, bagfmt.TAGMANIFEST)
        info = bagfmt.parse_bag_info(bag_info)
    except bagfmt.FormatProblem as exc:
        raise _unreadable(path, str(exc)) from None
    except SangKienError as exc:
        raise _unreadable(path, exc.message) from None
    if (
        len(public) != 32
        or not verify_signature(public, signed, bagfmt.signature_message(tagmanifest))
        or listed.get(bagfmt.BAG_INFO) != hashlib.sha256(bag_info).hexdigest()
        or info.key_fingerprint != fingerprint(public)
    ):
        raise _unreadable(path, "chữ ký của gói không đúng (gói đã bị sửa).")
    if info.audit is None:
        raise _unreadable(path, "gói không mang mốc nhật ký (tạo bởi phiên bản cũ).")
    return Checkpoint(
        info.unit_code,
        info.sequence,
        info.bundle_id,
        info.created_at.astimezone().replace(tzinfo=None),
        info.audit.count,
        info.audit.last_row,
        info.audit.head,
        path.name,
    )


def check_log(db: Database, checkpoints: Sequence[Checkpoint], unit_code: str) -> list[str]:
    """The local chain against ``checkpoints`` (of unit ``unit_code``): one line per checkpoint
    the chain no longer leads through. The chain's own hashes are checked by ``audit.verify``;
    this tells a rewrite that kept them consistent."""
    lines = []
    ordered = sorted(checkpoints, key=lambda c: (c.last_row, c.sequence))
    with db.reader() as session:
        table = AuditEntry.__table__
        wanted = sorted({c.last_row for c in ordered})
        hashes: dict[int, str] = {}
        for start in range(0, len(wanted), 500):
            hashes.update(
                session.execute(
                    select(table.c.id, table.c.hash).where(
                        table.c.id.in_(wanted[start : start + 500])
                    )
                ).all()
            )
        good = 0
        for checkpoint in ordered:
            where = f"{checkpoint.name}, tệp {checkpoint.source}"
            if checkpoint.unit_code and checkpoint.unit_code != unit_code:
                lines.append(
                    f"Mốc của {where} thuộc đơn vị {checkpoint.unit_code}, không phải "
                    f"{unit_code}: bỏ qua."
                )
                continue
            row = checkpoint.last_row
            counted = session.scalar(select(func.count()).where(table.c.id <= row)) or 0
            if row not in hashes or counted < checkpoint.count:
                lines.append(
                    f"Nhật ký thiếu dòng so với mốc của {where}: khi đó có {checkpoint.count} "
                    f"dòng đến dòng số {row}, nay còn {counted}. Các dòng đã bị xóa (hoặc cơ sở "
                    "dữ liệu được khôi phục từ một bản sao lưu cũ hơn gói này)."
                )
            elif hashes[row] != checkpoint.head or counted != checkpoint.count:
                lines.append(
                    f"Nhật ký đã bị viết lại sau khi xuất {where}: dòng số {row} nay có mã băm "
                    f"khác với mốc đã gửi cấp trên — một dòng từ số {good + 1} đến {row} đã bị "
                    "sửa và chuỗi mã băm được tính lại từ dòng đó."
                )
            else:
                good = max(good, row)
    return lines


def check_log_against(db: Database, paths: Sequence[Path]) -> tuple[int, list[str]]:
    """:func:`check_log` with the checkpoints in ``paths``, for this database's own unit;
    returns how many checkpoints were read, and the lines."""
    found = load_checkpoints(paths)
    with db.reader() as session:
        unit_code = home_unit(session).code
    return len(found), check_log(db, found, unit_code)
