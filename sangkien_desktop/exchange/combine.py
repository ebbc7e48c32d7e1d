"""Upper-level mode: verify bundles from the grassroots unions and combine them in one database.

Each bundle is verified first (``verify.verify_bundle``, with the keys this database trusts) and
imported in one transaction, or not at all. Every initiative keeps its origin unit (the unit is
created or updated from ``bag-info.txt`` and ``unit.json``). The initiative's ``id`` is the key:
importing the same bundle again, or a newer bundle that repeats an initiative, updates instead of
duplicating, and an initiative already written by a newer bundle of its unit is never overwritten
by an older one. Initiative codes are only unique inside a unit, so the upper-level database
stores them prefixed with the unit code (``CDCS-CKDA/SK-2022-0042``).

A bundle out of sequence is imported with a warning naming the sequence numbers still missing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.checkpoints import receive as receive_checkpoint
from sangkien_desktop.exchange.keys import KeyInfo, trusted_keys
from sangkien_desktop.exchange.verify import Verification, verify_bundle
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.io import record_to_dict
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.security.access import authorise
from sangkien_desktop.services.attachments import attachments_dir
from sangkien_desktop.services.initiatives import store_row
from sangkien_desktop.storage.backups import backup_before_import
from sangkien_desktop.storage.convert import to_record
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import (
    Initiative,
    ReceivedBundle,
    ReceivedInitiative,
    Target,
    Unit,
)
from sangkien_desktop.text import clean

Progress = Callable[[int, int], bool]  # (bundles done, bundles in all) → False to stop
#: The most bundles a unit may skip after its newest received one: beyond it the number is a
#: mistake or an attack, not bundles lost on the way (a unit sends a few a year).
MAX_SEQUENCE_GAP = 1_000


@dataclass
class BundleImport:
    """What happened to one bundle."""

    path: Path
    verification: Verification
    imported: bool = False
    unit_code: str = ""
    unit_name: str = ""
    sequence: int | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_newer: int = 0  # initiatives a newer bundle of the unit had already written
    repaired: int = 0  # initiatives changed outside the application, restored from the bundle
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One Vietnamese line for the bundle."""
        who = (
            f"{self.unit_name} ({self.unit_code}), gói số {self.sequence}" if self.unit_code else ""
        )
        if not self.imported:
            reason = self.problems[0] if self.problems else "gói không hợp lệ"
            return f"{self.path.name}: KHÔNG NHẬN — {reason}"
        parts = [f"{self.added} mới", f"{self.updated} cập nhật", f"{self.unchanged} không đổi"]
        if self.repaired:
            parts.append(f"{self.repaired} đã sửa lại")
        if self.kept_newer:
            parts.append(f"{self.kept_newer} giữ bản mới hơn")
        return f"{self.path.name}: đã nhận {who} — {', '.join(parts)}."


@dataclass
class CombineReport:
    bundles: list[BundleImport] = field(default_factory=list)
    stopped: bool = False

    @property
    def imported(self) -> int:
        return sum(b.imported for b in self.bundles)

    @property
    def refused(self) -> int:
        return sum(not b.imported for b in self.bundles)


class _Refuse(Exception):
    pass


def stored_code(unit_code: str, code: str) -> str:
    """The code an initiative of unit ``unit_code`` has in the upper-level database."""
    prefix = f"{unit_code}/"
    return code if code.startswith(prefix) else prefix + code


def content_digest(record: InitiativeRecord, leave_out: tuple[str, ...] = ()) -> str:
    """SHA-256 of everything the bundle says about the initiative, its state included (not the
    time it was last saved, which a mere re-send changes), without the keys ``leave_out``."""
    skip = ("unit_code", "updated_at", *leave_out)
    data = {k: v for k, v in record_to_dict(record).items() if k not in skip}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _holds(row: Initiative, record: InitiativeRecord, unit_code: str) -> bool:
    """Whether the stored ``row`` still holds ``record`` as its bundle brought it. The creation
    time is left out: the database keeps it without its UTC offset."""
    stored = to_record(row, unit_code)
    return content_digest(stored, ("created_at",)) == content_digest(record, ("created_at",))


def import_bundles(
    db: Database,
    paths: Sequence[Path],
    profile: ProgramProfile,
    *,
    progress: Progress | None = None,
    actor: str = "",
) -> CombineReport:
    """Verify and import each bundle on its own: one refused bundle never blocks the others.
    Bundles are taken in the order (unit, sequence) where they can be read, so a folder of
    bundles imports without false "out of sequence" warnings.

    Needs "initiative.edit"; one backup of the database is taken before the first bundle that
    passes verification is written."""
    actor = authorise(db, "initiative.edit", actor)
    report = CombineReport()
    trusted = trusted_keys(db)
    before_write = _OnceBackup(db)
    for done, path in enumerate(_in_sequence(paths), start=1):
        report.bundles.append(_import_bundle(db, path, profile, trusted, actor, before_write))
        if progress and not progress(done, len(paths)) and done < len(paths):
            report.stopped = True
            break
    return report


def _in_sequence(paths: Sequence[Path]) -> list[Path]:
    """Sort by the unit code and sequence number the file names carry (``bundle_stem``)."""

    def key(path: Path) -> tuple[str, int, str]:
        parts = Path(path).stem.split("_")
        if len(parts) >= 4 and parts[0] == "goi-sangkien" and parts[2].isdigit():
            return (parts[1], int(parts[2]), str(path))
        return ("", 0, str(path))

    return sorted((Path(p) for p in paths), key=key)


def import_bundle(
    db: Database,
    path: Path,
    profile: ProgramProfile,
    *,
    trusted: Sequence[KeyInfo] | None = None,
    actor: str = "",
) -> BundleImport:
    """Verify ``path`` and import it in one transaction (or not at all; "initiative.edit").
    A backup of the database is taken once the bundle passes verification."""
    actor = authorise(db, "initiative.edit", actor)
    return _import_bundle(db, path, profile, trusted, actor, _OnceBackup(db))


class _OnceBackup:
    """Takes the pre-import backup the first time it is called, never again."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.done = False

    def __call__(self) -> None:
        if not self.done:
            self.done = True
            backup_before_import(self.db)


def _import_bundle(
    db: Database,
    path: Path,
    profile: ProgramProfile,
    trusted: Sequence[KeyInfo] | None,
    actor: str,
    before_write: Callable[[], None],
) -> BundleImport:
    keys = trusted_keys(db) if trusted is None else trusted
    store = attachments_dir(db)
    # The work folder is a hidden folder in the data folder, on the same file system as the
    # attachment store, so verified attachments are moved into the store by a rename instead
    # of a copy. The store itself is made only when attachments arrive: a refused bundle
    # leaves nothing behind.
    store.parent.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix=".nhan-goi-", dir=store.parent))
    try:
        verification = verify_bundle(path, trusted=keys, profile=profile, workdir=workdir)
        result = BundleImport(Path(path), verification)
        info = verification.info
        if info is not None:
            result.unit_code, result.unit_name = info.unit_code, info.unit_name
            result.sequence = info.sequence
        if not verification.ok:
            result.problems = (
                list(verification.problems)
                or [w for w in verification.warnings if w.startswith("Khóa ký")][:1]
            )
            return result
        assert info is not None and verification.root is not None
        before_write()
        try:
            with db.session() as session, session.no_autoflush:
                _import(session, verification, profile, result, actor)
                _store_attachments(verification.root, store)
        except _Refuse as exc:
            result.problems.append(str(exc))
            result.added = result.updated = result.unchanged = result.kept_newer = 0
            result.repaired = 0
            return result
        result.imported = True
        result.warnings = [w for w in verification.warnings if not w.startswith("Khóa ký")] + (
            result.warnings
        )
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _store_attachments(root: Path, store: Path) -> None:
    folder = root / "data" / "attachments"
    if not folder.is_dir():
        return
    for source in folder.iterdir():
        target = store / source.name[:2] / source.name
        if target.is_file():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)


def _unit(session: Session, info: bagfmt.BundleInfo, document: dict[str, Any]) -> Unit:
    unit = session.scalars(select(Unit).where(Unit.code == info.unit_code)).first()
    if unit is not None and unit.is_home:
        raise _Refuse(
            f"Gói này là của chính đơn vị dùng cơ sở dữ liệu này ({info.unit_code}); chỉ nhận gói "
            "của các đơn vị cấp dưới."
        )
    if unit is None:
        unit = Unit(
            code=info.unit_code,
            name=clean(info.unit_name) or info.unit_code,
            level=str(document.get("level") or "CO_SO"),
            is_home=False,
            created_at=datetime.now().replace(microsecond=0),
        )
        session.add(unit)
        session.flush()
    return unit


def _update_unit(session: Session, unit: Unit, document: dict[str, Any]) -> None:
    """The unit's details and targets as its newest bundle states them."""
    unit.name = clean(str(document.get("name") or unit.name))
    for attribute in ("superior_union", "federation", "cluster", "chair_name", "place", "level"):
        value = document.get(attribute)
        if isinstance(value, str) and (value.strip() or attribute != "level"):
            setattr(unit, attribute, clean(value))
    headcount = document.get("headcount")
    unit.headcount = headcount if isinstance(headcount, int) and headcount >= 0 else None
    session.execute(delete(Target).where(Target.unit_id == unit.id))
    seen = set()
    for target in document.get("targets") or []:
        key = (target.get("phase"), target.get("year"), target.get("quarter"))
        if key in seen:
            continue
        seen.add(key)
        session.add(
            Target(
                unit_id=unit.id, phase=key[0], year=key[1], quarter=key[2], count=target["count"]
            )
        )


def _import(
    session: Session,
    verification: Verification,
    profile: ProgramProfile,
    result: BundleImport,
    actor: str,
) -> None:
    info = verification.info
    assert info is not None
    document = verification.unit or {}
    unit = _unit(session, info, document)
    same = session.get(ReceivedBundle, info.bundle_id)
    if same is not None:
        if same.content_sha256 != verification.content_sha256 or same.unit_id != unit.id:
            raise _Refuse(f"Đã nhận một gói khác có cùng mã {info.bundle_id}; gói này bị từ chối.")
        # A re-send still restores what was changed here since (an edit by SQL, a restore).
        _records(session, verification.records, unit, info, profile, result, actor)
        result.warnings.append(
            "Gói này đã được nhận trước đây; "
            + (
                f"{result.repaired} sáng kiến bị sửa ngoài gói đã được sửa lại theo gói."
                if result.repaired
                else "không có gì thay đổi."
            )
        )
        return
    received = {
        b.sequence: b
        for b in session.scalars(select(ReceivedBundle).where(ReceivedBundle.unit_id == unit.id))
    }
    clash = received.get(info.sequence)
    if clash is not None:
        raise _Refuse(
            f"Đơn vị {info.unit_code} đã gửi một gói số {info.sequence} khác (mã {clash.id}); "
            "hãy hỏi lại đơn vị gửi."
        )
    newest_received = max(received, default=0)
    if info.sequence - newest_received > MAX_SEQUENCE_GAP:
        raise _Refuse(
            f"Gói số {info.sequence} của {info.unit_code} cách gói mới nhất đã nhận "
            f"(số {newest_received}) quá {MAX_SEQUENCE_GAP} gói: số thứ tự bất thường, gói bị "
            "từ chối; hãy hỏi lại đơn vị gửi."
        )
    missing = [n for n in range(1, info.sequence) if n not in received]
    if missing:
        shown = ", ".join(str(n) for n in missing[:20]) + ("…" if len(missing) > 20 else "")
        result.warnings.append(
            f"Gói số {info.sequence} của {info.unit_code} đến không theo thứ tự: chưa nhận gói số "
            f"{shown}. Gói này vẫn được nhận; hãy đề nghị đơn vị gửi các gói còn thiếu."
        )
    before = received.get(info.sequence - 1)
    if before is not None and info.previous_id != before.id:
        result.warnings.append(
            f"Gói số {info.sequence} của {info.unit_code} ghi gói trước là "
            f"“{info.previous_id or '(không có)'}”, nhưng gói số {info.sequence - 1} đã nhận có mã "
            f"{before.id}."
        )
    newest = not received or info.sequence > max(received)
    if newest:
        _update_unit(session, unit, document)
    bundle = ReceivedBundle(
        id=info.bundle_id,
        unit_id=unit.id,
        sequence=info.sequence,
        previous_id=info.previous_id,
        key_fingerprint=info.key_fingerprint,
        content_sha256=verification.content_sha256,
        file_name=verification.path.name[:300],
        initiative_count=len(verification.records),
        created_at=info.created_at.astimezone().replace(tzinfo=None),
        received_at=datetime.now().replace(microsecond=0),
    )
    session.add(bundle)
    session.flush()
    result.warnings += receive_checkpoint(session, info)
    _records(session, verification.records, unit, info, profile, result, actor)


def _records(
    session: Session,
    records: Sequence[InitiativeRecord],
    unit: Unit,
    info: bagfmt.BundleInfo,
    profile: ProgramProfile,
    result: BundleImport,
    actor: str,
) -> None:
    ids = [r.id for r in records]
    rows = {
        row.id: row
        for row in session.scalars(
            select(Initiative)
            .where(Initiative.id.in_(ids))
            .options(selectinload(Initiative.authors), selectinload(Initiative.attachments))
        )
    }
    sources = {
        s.initiative_id: s
        for s in session.scalars(
            select(ReceivedInitiative).where(ReceivedInitiative.initiative_id.in_(ids))
        )
    }
    codes = [stored_code(info.unit_code, r.code) for r in records]
    taken = dict(
        session.execute(
            select(Initiative.code, Initiative.id).where(Initiative.code.in_(codes))
        ).all()
    )
    for record, code in zip(records, codes, strict=True):
        row = rows.get(record.id)
        if row is not None and row.unit_id != unit.id:
            owner = session.get(Unit, row.unit_id)
            raise _Refuse(
                f"Sáng kiến {record.code} (id {record.id}) đã thuộc đơn vị "
                f"{owner.code if owner else row.unit_id}; gói của {info.unit_code} không được ghi "
                "đè. Hãy liên hệ hai đơn vị."
            )
        if taken.get(code, record.id) != record.id:
            raise _Refuse(
                f"Mã sáng kiến {record.code} của {info.unit_code} đã dùng cho một sáng kiến khác "
                "(id khác) trong cơ sở dữ liệu."
            )
        stored = replace(record, code=code, unit_code=info.unit_code)
        digest = content_digest(stored)
        source = sources.get(record.id)
        if source is not None and source.sequence > info.sequence:
            result.kept_newer += 1
            continue
        # The same content again: nothing to do, unless the stored row no longer holds it
        # (changed by SQL or by anything but a signed bundle), which the bundle repairs.
        resent = source is not None and (
            source.digest == digest or source.bundle_id == info.bundle_id
        )
        if source is None:
            source = ReceivedInitiative(initiative_id=record.id, unit_id=unit.id)
            session.add(source)
        elif resent and row is not None:
            source.bundle_id, source.sequence = info.bundle_id, info.sequence
            if _holds(row, stored, info.unit_code):
                result.unchanged += 1
                continue
        inserted = row is None
        repair = resent and not inserted
        comment = (
            f"{'Sửa lại theo' if repair else 'Nhận từ'} {info.unit_code}, gói số {info.sequence}"
        )
        store_row(session, row, stored, profile, unit.id, actor, comment)
        source.bundle_id, source.sequence, source.digest = info.bundle_id, info.sequence, digest
        result.added += inserted
        result.repaired += repair
        result.updated += not inserted and not repair
    session.flush()


class ReceivedBundleRow(NamedTuple):
    unit_code: str
    unit_name: str
    sequence: int
    bundle_id: str
    key_fingerprint: str
    created_at: datetime
    received_at: datetime
    initiative_count: int


def received_bundles(db: Database) -> list[ReceivedBundleRow]:
    """Every bundle received, by unit code and sequence number."""
    with db.reader() as session:
        rows = session.execute(
            select(
                Unit.code,
                Unit.name,
                ReceivedBundle.sequence,
                ReceivedBundle.id,
                ReceivedBundle.key_fingerprint,
                ReceivedBundle.created_at,
                ReceivedBundle.received_at,
                ReceivedBundle.initiative_count,
            )
            .join(Unit, Unit.id == ReceivedBundle.unit_id)
            .order_by(Unit.code, ReceivedBundle.sequence)
        ).all()
    return [ReceivedBundleRow(*row) for row in rows]


def missing_sequences(db: Database) -> dict[str, list[int]]:
    """Unit code → the sequence numbers below its newest bundle that never arrived."""
    seen: dict[str, set[int]] = {}
    for row in received_bundles(db):
        seen.setdefault(row.unit_code, set()).add(row.sequence)
    return {
        code: gaps
        for code, numbers in seen.items()
        if (gaps := [n for n in range(1, max(numbers)) if n not in numbers])
    }
