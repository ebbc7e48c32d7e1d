"""Every figure of the unit in one read: what the overview, the reports screen, the statistics
workbook and ``sangkien stats`` show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.units import home_unit
from sangkien_desktop.stats.counts import (
    DepartmentLine,
    Line,
    MonthLine,
    Scope,
    Totals,
    by_kind,
    by_month,
    by_phase,
    by_state,
    credited_authors,
    eligible_by_quarter,
    totals,
)
from sangkien_desktop.stats.participation import Participation, participation
from sangkien_desktop.stats.targets import Progress, phase_progress, quarter_progress
from sangkien_desktop.stats.workload import HelperLoad, Todo, todo, workload
from sangkien_desktop.storage.database import Database


@dataclass(frozen=True)
class Report:
    unit_name: str
    today: date
    totals: Totals
    participation: Participation
    by_state: list[Line]
    by_kind: list[Line]
    by_phase: list[Line]
    by_month: list[MonthLine]
    by_department: list[DepartmentLine]
    phases: list[Progress]
    quarters: list[Progress]
    workload: list[HelperLoad]
    todo: Todo


def build_report(
    db: Database,
    profile: ProgramProfile,
    today: date | None = None,
    scope: Scope | None = None,
) -> Report:
    """The home unit's figures (``scope``: which units; by default every unit on file)."""
    day = today or date.today()
    scope = scope or Scope()
    with db.reader() as session:
        unit = home_unit(session)
        phases = by_phase(session, profile, scope)
        credited = credited_authors(session, scope)
        return Report(
            unit_name=unit.name,
            today=day,
            totals=totals(session, scope),
            participation=participation(session, profile, credited.authors, scope),
            by_state=by_state(session, scope),
            by_kind=by_kind(session, profile, scope),
            by_phase=phases,
            by_month=by_month(session, scope),
            by_department=credited.departments,
            phases=phase_progress(session, profile, phases),
            quarters=quarter_progress(session, profile, eligible_by_quarter(session, scope)),
            workload=workload(session, profile, day, scope),
            todo=todo(session, profile, day, scope),
        )
