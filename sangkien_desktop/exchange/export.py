"""Export the unit's initiatives to the superior union as a signed bundle, and confirm later
that a bundle's initiatives are on the national portal.

By default a bundle holds the initiatives in READY that were never sent, or that changed since
they were last sent (the content is compared by a digest kept for each initiative sent). After
the bundle is written, its READY initiatives move to EXPORTED with the bundle's id, through the
workflow service (so each move is recorded in the initiative's history).

The bundle's sequence number is reserved in the database before the file is written and released
if the export fails or is cancelled; only a crash can leave a gap, which the receiver reports as
a missing sequence number rather than silently mixing two bundles with one number.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from sangkien_desktop.errors import InputError, NotFoundError, SangKienError
from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.checkpoints import chain_checkpoint, forget_sent, record_sent
from sangkien_desktop.exchange.keys import signing_key
from sangkien_desktop.exchange.writer import BundleSpec, Progress, WrittenBundle, write_bundle
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.io import record_to_dict
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.rules import Severity, check
from sangkien_desktop.security.access import authorise
from sangkien_desktop.services.attachments import attachments_dir
from sangkien_desktop.services.members import headcount
from sangkien_desktop.services.units import home_unit
from sangkien_desktop.storage.convert import to_record
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.locks import BUNDLES, serialize
from sangkien_desktop.storage.models import (
    Initiative,
    SentBundle,
    SentBundleItem,
    Target,
    Unit,
)
from sangkien_desktop.workflow.service import Move, MoveReport, move, move_many
from sangkien_desktop.workflow.states import State

MODES = ("pending", "all")
#: States a bundle may carry: "pending" takes READY only, "all" every state from READY on.
SENDABLE = (State.READY, State.EXPORTED, State.UPLOADED)
_NOT_CONTENT = ("status", "updated_at", "unit_code")


def record_digest(record: InitiativeRecord) -> str:
    """SHA-256 of the record's content: what was sent, not its workflow state or save time."""
    data = {k: v for k, v in record_to_dict(record).items() if k not in _NOT_CONTENT}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    sequence: int
    initiative_count: int
    attachment_count: int
    payload_bytes: int
    key_fingerprint: str
    moved: list[str] = field(default_factory=list)  # codes now EXPORTED
    refused: list[tuple[str, str]] = field(default_factory=list)  # (code, why it did not move)


def _last_items(session: Session, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """initiative id → (bundle id, digest) of the latest bundle that carried it."""
    latest: dict[str, tuple[int, str, str]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(
                SentBundleItem.initiative_id,
                SentBundle.sequence,
                SentBundle.id,
                SentBundleItem.digest,
            )
            .join(SentBundle, SentBundle.id == SentBundleItem.bundle_id)
            .where(SentBundleItem.initiative_id.in_(ids[start : start + 500]))
        ).all()
        for initiative_id, sequence, bundle_id, digest in rows:
            if initiative_id not in latest or latest[initiative_id][0] < sequence:
                latest[initiative_id] = (sequence, bundle_id, digest)
    return {k: (v[1], v[2]) for k, v in latest.items()}


def candidates(db: Database, mode: str = "pending") -> list[InitiativeRecord]:
    """The initiatives an export in ``mode`` would carry, in code order."""
    if mode not in MODES:
        raise InputError(f"Chế độ xuất “{mode}” không hợp lệ; dùng: {', '.join(MODES)}.")
    states = [State.READY] if mode == "pending" else list(SENDABLE)
    with db.reader() as session:
        unit = home_unit(session)
        rows = session.scalars(
            select(Initiative)
            .where(Initiative.status.in_(states), Initiative.unit_id == unit.id)
            .options(selectinload(Initiative.authors), selectinload(Initiative.attachments))
            .order_by(Initiative.code)
        ).all()
        records = [(row, to_record(row, unit.code)) for row in rows]
        if mode == "all":
            return [record for _row, record in records]
        last = _last_items(session, [row.id for row, _record in records])
    chosen = []
    for row, record in records:
        sent = last.get(row.id)
        if sent is None or sent[1] != record_digest(record) or row.bundle_id != sent[0]:
            chosen.append(record)
    return chosen


def _refuse_errors(records: Sequence[InitiativeRecord], profile: ProgramProfile) -> None:
    lines = []
    for record in records:
        for finding in check(record, profile):
            if finding.severity == Severity.ERROR:
                lines.append(f"- {record.code}: {finding.rule} — {finding.message}")
    if lines:
        count = len({line.split(":")[0] for line in lines})
        shown = lines[:30] + ([f"… và {len(lines) - 30} lỗi khác."] if len(lines) > 30 else [])
        raise InputError(
            f"Không xuất được gói: {count} sáng kiến còn lỗi theo quy định của Chương trình; "
            "hãy sửa rồi xuất lại.\n" + "\n".join(shown),
            english=f"Cannot export: {count} initiative(s) have error findings.",
        )


def unit_document(session: Session, unit: Unit) -> dict[str, Any]:
    """``data/unit.json``: the sending unit, its headcount and its own targets."""
    targets = session.scalars(
        select(Target)
        .where(Target.unit_id == unit.id)
        .order_by(Target.phase, Target.year, Target.quarter)
    ).all()
    members = headcount(session)
    return {
        "format_version": bagfmt.FORMAT_VERSION,
        "code": unit.code,
        "name": unit.name,
        "level": unit.level,
        "superior_union": unit.superior_union,
        "federation": unit.federation,
        "cluster": unit.cluster,
        "chair_name": unit.chair_name,
        "place": unit.place,
        "headcount": unit.headcount if unit.headcount else members,
        "headcount_source": "declared" if unit.headcount else "members",
        "targets": [
            {"phase": t.phase, "year": t.year, "quarter": t.quarter, "count": t.count}
            for t in targets
        ],
    }


def _attachments(
    db: Database, records: Sequence[InitiativeRecord]
) -> tuple[dict[str, Path], dict[str, tuple[str, str]]]:
    root = attachments_dir(db)
    sources: dict[str, Path] = {}
    owners: dict[str, tuple[str, str]] = {}
    for record in records:
        for ref in record.attachments:
            if not bagfmt.is_sha256(ref.sha256):
                raise InputError(
                    f"Sáng kiến {record.code}: tệp đính kèm “{ref.file_name}” có mã băm không hợp "
                    "lệ; gói không được tạo.",
                )
            path = root / ref.sha256[:2] / ref.sha256
            if not path.is_file():
                raise InputError(
                    f"Sáng kiến {record.code}: không tìm thấy tệp đính kèm “{ref.file_name}” trong "
                    f"thư mục dữ liệu ({root}); hãy đính kèm lại tệp rồi xuất lại.",
                    english=f"{record.code}: attachment '{ref.file_name}' is missing.",
                )
            sources[ref.sha256] = path
            owners.setdefault(ref.sha256, (record.code, ref.file_name))
    return sources, owners


def export_bundle(
    db: Database,
    profile: ProgramProfile,
    out_dir: Path,
    passphrase: str,
    mode: str = "pending",
    progress: Progress | None = None,
    actor: str = "",
) -> ExportResult:
    """Write a signed bundle of the initiatives ``mode`` selects into ``out_dir`` and mark the
    READY ones EXPORTED. Refuses (InputError, nothing written) when there is nothing to send,
    when an initiative has error findings, or when an attachment is missing from the store.
    Needs "bundle.sign"."""
    actor = authorise(db, "bundle.sign", actor)
    key, key_info = signing_key(db, passphrase)  # a wrong passphrase stops before any work
    records = candidates(db, mode)
    if not records:
        raise InputError(
            "Không có sáng kiến nào cần gửi: mọi sáng kiến “Sẵn sàng gửi” đã có trong gói trước "
            "và chưa thay đổi (dùng --all để gửi lại tất cả).",
            english="Nothing to send.",
        )
    _refuse_errors(records, profile)
    sources, owners = _attachments(db, records)
    created = datetime.now().astimezone().replace(microsecond=0)
    bundle_id = str(uuid.uuid4())
    with db.session() as session:
        unit = home_unit(session)
        unit_doc = unit_document(session, unit)
        serialize(session, BUNDLES)  # PostgreSQL: another PC's export waits, then numbers after
        last = session.scalars(select(SentBundle).order_by(SentBundle.sequence.desc())).first()
        sequence = (last.sequence + 1) if last else 1
        previous = last.id if last else None
        session.add(
            SentBundle(
                id=bundle_id,
                sequence=sequence,
                file_name="",
                mode=mode,
                key_fingerprint=key_info.fingerprint,
                initiative_count=len(records),
                attachment_count=len(sources),
                payload_bytes=0,
                created_at=created.replace(tzinfo=None),
            )
        )
        session.flush()
        session.add_all(
            SentBundleItem(bundle_id=bundle_id, initiative_id=r.id, digest=record_digest(r))
            for r in records
        )
        audit = chain_checkpoint(session, unit.code)
        if audit is not None:
            record_sent(session, unit.code, bundle_id, sequence, created, audit)
    spec = BundleSpec(
        bundle_id=bundle_id,
        sequence=sequence,
        previous_id=previous,
        unit=unit_doc,
        profile=profile,
        mode=mode,
        created_at=created,
        # READY initiatives travel as they will be once the bundle is written: EXPORTED.
        records=[
            replace(r, status=State.EXPORTED.value) if r.status == State.READY else r
            for r in records
        ],
        attachments=sources,
        attachment_owners=owners,
        audit=audit,
    )
    try:
        written = write_bundle(spec, key, Path(out_dir), progress)
    except BaseException:
        _release(db, bundle_id)
        raise
    with db.session() as session:
        row = session.get(SentBundle, bundle_id)
        assert row is not None
        row.file_name = written.path.name
        row.payload_bytes = written.payload_bytes
    result = _result(written)
    request = Move(
        State.EXPORTED,
        actor,
        f"Xuất trong gói số {sequence} ({written.path.name})",
        bundle_id=bundle_id,
    )
    for record in records:
        if record.status != State.READY:
            continue
        try:
            move(db, record.id, request, profile)
        except SangKienError as exc:
            result.refused.append((record.code, exc.message))
        else:
            result.moved.append(record.code)
    return result


def _release(db: Database, bundle_id: str) -> None:
    with db.session() as session:
        forget_sent(session, bundle_id)
        session.execute(delete(SentBundleItem).where(SentBundleItem.bundle_id == bundle_id))
        session.execute(delete(SentBundle).where(SentBundle.id == bundle_id))


def _result(written: WrittenBundle) -> ExportResult:
    return ExportResult(
        written.path,
        written.bundle_id,
        written.sequence,
        written.initiative_count,
        written.attachment_count,
        written.payload_bytes,
        written.key_fingerprint,
    )


@dataclass(frozen=True)
class SentBundleSummary:
    bundle_id: str
    sequence: int
    file_name: str
    mode: str
    initiative_count: int
    attachment_count: int
    payload_bytes: int
    created_at: datetime
    uploaded_on: date | None
    still_exported: int  # initiatives of the bundle still waiting for "confirm uploaded"


def sent_bundles(db: Database) -> list[SentBundleSummary]:
    """The bundles this unit exported, newest first."""
    with db.reader() as session:
        waiting = dict(
            session.execute(
                select(SentBundleItem.bundle_id, func.count())
                .join(Initiative, Initiative.id == SentBundleItem.initiative_id)
                .where(Initiative.status == State.EXPORTED)
                .group_by(SentBundleItem.bundle_id)
            ).all()
        )
        rows = session.scalars(select(SentBundle).order_by(SentBundle.sequence.desc())).all()
        return [
            SentBundleSummary(
                r.id,
                r.sequence,
                r.file_name,
                r.mode,
                r.initiative_count,
                r.attachment_count,
                r.payload_bytes,
                r.created_at,
                r.uploaded_on,
                waiting.get(r.id, 0),
            )
            for r in rows
        ]


def find_sent_bundle(db: Database, key: str) -> SentBundleSummary:
    """A sent bundle by its id, its sequence number or its file name (or path)."""
    wanted = key.strip()
    name = Path(wanted).name
    for bundle in sent_bundles(db):
        if wanted in (bundle.bundle_id, str(bundle.sequence)) or (
            name and name == bundle.file_name
        ):
            return bundle
    raise NotFoundError(
        f"Không có gói đã xuất nào có mã, số thứ tự hoặc tên tệp “{key}”.",
        english=f"No exported bundle '{key}'.",
    )


def confirm_uploaded(
    db: Database,
    bundle_key: str,
    profile: ProgramProfile,
    uploaded_on: date | None = None,
    actor: str = "",
    progress: Progress | None = None,
) -> MoveReport:
    """Mark the bundle's initiatives that are still EXPORTED as UPLOADED (on the portal;
    "bundle.sign")."""
    actor = authorise(db, "bundle.sign", actor)
    bundle = find_sent_bundle(db, bundle_key)
    day = uploaded_on or date.today()
    with db.reader() as session:
        ids = list(
            session.scalars(
                select(Initiative.id)
                .join(SentBundleItem, SentBundleItem.initiative_id == Initiative.id)
                .where(
                    SentBundleItem.bundle_id == bundle.bundle_id,
                    Initiative.status == State.EXPORTED,
                )
                .order_by(Initiative.code)
            )
        )
    request = Move(
        State.UPLOADED, actor, f"Đã lên Cổng (gói số {bundle.sequence})", uploaded_on=day
    )
    report = move_many(db, ids, request, profile, progress)
    if report.moved:
        with db.session() as session:
            row = session.get(SentBundle, bundle.bundle_id)
            if row is not None:
                row.uploaded_on = day
    return report
