"""Large databases for the benchmarks, generated fast with bulk inserts."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.model import (
    Application,
    Author,
    Benefits,
    ContentReview,
    InitiativeRecord,
    Recognition,
)
from sangkien_desktop.services.demo import DEMO_UNIT, _person
from sangkien_desktop.services.units import init_unit
from sangkien_desktop.storage.convert import apply_record
from sangkien_desktop.storage.database import Database, open_database
from sangkien_desktop.storage.models import Author as AuthorRow
from sangkien_desktop.storage.models import Initiative

_WORDS = (
    "Cải tiến",
    "Quy trình",
    "Ứng dụng",
    "Giải pháp",
    "Mô hình",
    "Thiết bị",
    "Đồ gá",
    "kiểm tra",
    "tiết kiệm",
    "an toàn",
    "điện năng",
    "mối hàn",
    "khuôn dập",
    "bảo dưỡng",
    "đóng gói",
    "vận chuyển",
    "hồ sơ",
    "đào tạo",
    "công nhân",
    "phân xưởng",
)
_STATES = ("IDEA", "DRAFTING", "SUBMITTED", "RECOGNISED", "READY", "EXPORTED", "UPLOADED")


def make_records(count: int, profile: ProgramProfile, seed: int = 7) -> list[InitiativeRecord]:
    rng = random.Random(seed)
    records = []
    for number in range(1, count + 1):
        applied = date(2021, 8, 1) + timedelta(days=rng.randint(0, 800))
        decided = applied + timedelta(days=rng.randint(5, 60))
        names = [_person(rng)[0] for _ in range(rng.choice((1, 2, 2, 3)))]
        shares = {1: [100], 2: [60, 40], 3: [50, 30, 20]}[len(names)]
        kind = rng.choice(profile.kinds[:-1])
        records.append(
            InitiativeRecord(
                id=f"bench-{number:07d}",
                code=f"SK-{decided.year}-{number:06d}",
                title=" ".join(rng.sample(_WORDS, 6)),
                kind=kind.code,
                subkind=kind.subkinds[0].code if kind.subkinds else None,
                content="Nội dung giải pháp.",
                authors=[
                    Author(n, None, "Phân xưởng", "", "", s, i == 0)
                    for i, (n, s) in enumerate(zip(names, shares, strict=True))
                ],
                application=Application("APPLIED", applied, "Phân xưởng"),
                benefits=Benefits(rng.choice((None, 10_000_000, 125_000_000)), "Giảm chi phí"),
                recognition=Recognition("COUNCIL", "Hội đồng sáng kiến", f"{number}/QĐ", decided),
                content_review=ContentReview("Lê Minh Tâm", decided),
                status=rng.choice(_STATES),
            )
        )
    return records


def make_database(path: Path, count: int, profile: ProgramProfile) -> Database:
    """A database holding ``count`` initiatives (bulk insert, derived columns computed)."""
    db = open_database(path)
    unit_id = init_unit(db, DEMO_UNIT)
    now = datetime(2024, 1, 1, 8)
    initiative_rows, author_rows = [], []
    for record in make_records(count, profile):
        row = Initiative(id=record.id, unit_id=unit_id, created_at=now)
        apply_record(row, record, profile, today=date(2024, 1, 1))
        values = {c.key: getattr(row, c.key) for c in Initiative.__table__.columns}
        initiative_rows.append(values)
        for author in row.authors:
            author_rows.append(
                {
                    c.key: getattr(author, c.key)
                    for c in AuthorRow.__table__.columns
                    if c.key != "id"
                }
                | {"initiative_id": record.id}
            )
    with db.session() as session:
        session.execute(insert(Initiative), initiative_rows)
        session.execute(insert(AuthorRow), author_rows)
    return db
