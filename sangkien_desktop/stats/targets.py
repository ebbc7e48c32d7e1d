"""The unit's own targets (PROGRAM.md §4), per phase and per quarter, and progress against them.

A phase target counts the eligible initiatives of that phase; a quarter target the eligible
initiatives whose eligibility date falls in that quarter (what the quarterly TLĐ review
compares, §6).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sangkien_desktop.errors import InputError
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.security import audit
from sangkien_desktop.security.access import authorise
from sangkien_desktop.services.units import home_unit
from sangkien_desktop.stats.counts import Line, quarter_of
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Target
from sangkien_desktop.text import format_number

MAX_TARGET = 10_000_000


@dataclass(frozen=True)
class Progress:
    label: str
    target: int | None  # None: no target set
    actual: int
    phase: int | None = None
    year: int | None = None
    quarter: int | None = None

    @property
    def pct(self) -> float | None:
        return 100 * self.actual / self.target if self.target else None

    @property
    def reached(self) -> bool:
        return self.target is not None and self.actual >= self.target


def quarter_label(year: int, quarter: int) -> str:
    return f"Quý {quarter}/{year}"


def program_quarters(profile: ProgramProfile) -> list[tuple[int, int]]:
    """Every quarter from the first phase's start to the last phase's end."""
    start = min(p.eligible_from for p in profile.phases)
    end = max(p.eligible_to for p in profile.phases)
    quarters, current = [], quarter_of(start)
    while current <= quarter_of(end):
        quarters.append(current)
        year, quarter = current
        current = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return quarters


def _targets(session: Session) -> list[Target]:
    return list(session.scalars(select(Target).where(Target.unit_id == home_unit(session).id)))


def phase_progress(session: Session, profile: ProgramProfile, phases: list[Line]) -> list[Progress]:
    """Each phase of the profile: its target and its eligible initiatives (``counts.by_phase``)."""
    targets = {t.phase: t.count for t in _targets(session) if t.phase is not None}
    actual = {line.key: line.eligible for line in phases}
    return [
        Progress(p.name, targets.get(p.number), actual.get(str(p.number), 0), phase=p.number)
        for p in profile.phases
    ]


def quarter_progress(
    session: Session, profile: ProgramProfile, actual: dict[tuple[int, int], int]
) -> list[Progress]:
    """Every quarter of the program, and any other quarter with a target or an initiative."""
    targets = {
        (t.year, t.quarter): t.count
        for t in _targets(session)
        if t.year is not None and t.quarter is not None
    }
    quarters = sorted(set(program_quarters(profile)) | set(targets) | set(actual))
    return [
        Progress(quarter_label(y, q), targets.get((y, q)), actual.get((y, q), 0), year=y, quarter=q)
        for y, q in quarters
    ]


def _check_count(count: int | None, what: str) -> int | None:
    if count is None or count == 0:
        return None
    if not 0 < count <= MAX_TARGET:
        raise InputError(
            f"Chỉ tiêu {what}: {format_number(count)} không hợp lệ; ghi số sáng kiến từ 1 đến "
            f"{format_number(MAX_TARGET)} (0 hoặc để trống: bỏ chỉ tiêu).",
            english=f"Target for {what}: {count} is not valid.",
        )
    return count


def _store(
    db: Database,
    phase: int | None,
    year: int | None,
    quarter: int | None,
    count: int | None,
    actor: str,
) -> None:
    name = f"chi-tieu-giai-doan-{phase}" if phase is not None else f"chi-tieu-{year}-quy-{quarter}"
    with db.session() as session:
        unit = home_unit(session)
        row = session.scalars(
            select(Target).where(
                Target.unit_id == unit.id,
                Target.phase.is_(None) if phase is None else Target.phase == phase,
                Target.year.is_(None) if year is None else Target.year == year,
                Target.quarter.is_(None) if quarter is None else Target.quarter == quarter,
            )
        ).first()
        before = row.count if row is not None else None
        if before != count:
            audit.record(session, actor, "setting", name, "update", {"count": [before, count]})
        if count is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(
                Target(unit_id=unit.id, phase=phase, year=year, quarter=quarter, count=count)
            )
        else:
            row.count = count


def set_phase_target(
    db: Database, profile: ProgramProfile, phase: int, count: int | None, actor: str = ""
) -> None:
    """Set (or, with None or 0, remove) the home unit's target for a phase of the profile
    ("setting.edit")."""
    actor = authorise(db, "setting.edit", actor)
    names = {p.number: p.name for p in profile.phases}
    if phase not in names:
        raise InputError(
            f"Giai đoạn {phase} không có trong chương trình; dùng một trong: "
            f"{', '.join(str(n) for n in names)}.",
            english=f"Phase {phase} is not in the program.",
        )
    _store(db, phase, None, None, _check_count(count, names[phase].lower()), actor)


def set_quarter_target(
    db: Database, year: int, quarter: int, count: int | None, actor: str = ""
) -> None:
    """Set (or, with None or 0, remove) the home unit's target for one quarter of a year
    ("setting.edit")."""
    actor = authorise(db, "setting.edit", actor)
    if quarter not in (1, 2, 3, 4):
        raise InputError(f"Quý {quarter} không hợp lệ; dùng 1, 2, 3 hoặc 4.")
    if not 2000 <= year <= date.today().year + 10:
        raise InputError(f"Năm {year} không hợp lệ cho chỉ tiêu quý.")
    label = quarter_label(year, quarter).lower()
    _store(db, None, year, quarter, _check_count(count, label), actor)
