"""Counts of initiatives: by state, kind, phase, month, quarter and department, and the economic
value they bring.

An initiative *counts for the program* ("eligible") once it is recognised (state RECOGNISED or
later, not rejected), has no error finding left and became eligible inside one of the profile's
phases: exactly what the national portal would accept. Participation and targets are measured
on these.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, extract, func, select
from sqlalchemy.orm import Session, aliased

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.storage.models import Author, Initiative, Member, Unit
from sangkien_desktop.text import fold, sort_key
from sangkien_desktop.workflow.states import STATES, State

#: States of an initiative the competent level has recognised.
RECOGNISED_STATES = (State.RECOGNISED, State.READY, State.EXPORTED, State.UPLOADED)
#: Where an initiative's department is unknown.
NO_DEPARTMENT = "(Chưa rõ phòng ban)"
NO_PHASE = "Chưa xác định giai đoạn"


def eligible() -> ColumnElement[bool]:
    """The SQL condition of an initiative that counts for the program."""
    return (
        Initiative.status.in_([s.value for s in RECOGNISED_STATES])
        & (Initiative.error_count == 0)
        & Initiative.phase.is_not(None)
    )


@dataclass(frozen=True)
class Scope:
    """Which units' initiatives and members are counted; empty: every unit in the database."""

    unit_ids: tuple[int, ...] = ()

    def initiatives(self, query: Select) -> Select:
        return query.where(Initiative.unit_id.in_(self.unit_ids)) if self.unit_ids else query

    def members(self, query: Select) -> Select:
        return query.where(Member.unit_id.in_(self.unit_ids)) if self.unit_ids else query

    def units(self, query: Select) -> Select:
        return query.where(Unit.id.in_(self.unit_ids)) if self.unit_ids else query


@dataclass(frozen=True)
class Line:
    """One line of a breakdown."""

    key: str
    label: str
    total: int = 0  # every initiative of the group
    eligible: int = 0  # those that count for the program
    value_vnd: int = 0  # economic value of the eligible ones


def _grouped(session: Session, scope: Scope, key: Any) -> dict[object, tuple[int, int, int]]:
    """key → (total, eligible, value of the eligible) in one query."""
    counted = func.sum(case((eligible(), 1), else_=0))
    value = func.sum(case((eligible(), func.coalesce(Initiative.economic_value_vnd, 0)), else_=0))
    query = scope.initiatives(select(key, func.count(), counted, value).group_by(key))
    return {row[0]: (row[1], int(row[2] or 0), int(row[3] or 0)) for row in session.execute(query)}


def by_state(session: Session, scope: Scope = Scope()) -> list[Line]:
    """Every workflow state in order, zeros included."""
    counts = _grouped(session, scope, Initiative.status)
    return [Line(s.value, info.name, *counts.get(s.value, (0, 0, 0))) for s, info in STATES.items()]


def by_kind(session: Session, profile: ProgramProfile, scope: Scope = Scope()) -> list[Line]:
    """Every kind of the profile in order (zeros included), then any other code found."""
    counts = _grouped(session, scope, Initiative.kind)
    lines = [Line(k.code, k.name, *counts.pop(k.code, (0, 0, 0))) for k in profile.kinds]
    lines += [Line(str(code), str(code), *values) for code, values in sorted(counts.items())]
    return lines


def by_phase(session: Session, profile: ProgramProfile, scope: Scope = Scope()) -> list[Line]:
    """Each phase of the profile, then the initiatives whose phase is not known yet."""
    counts = _grouped(session, scope, Initiative.phase)
    lines = [Line(str(p.number), p.name, *counts.pop(p.number, (0, 0, 0))) for p in profile.phases]
    rest = [sum(v) for v in zip(*counts.values(), strict=True)] if counts else [0, 0, 0]
    lines.append(Line("", NO_PHASE, *rest))
    return lines


@dataclass(frozen=True)
class MonthLine:
    year: int
    month: int
    registered: int  # initiatives entered that month (the record's creation)
    eligible: int  # initiatives that became eligible that month and count

    @property
    def label(self) -> str:
        return f"{self.month:02d}/{self.year}"


def _per_month(
    session: Session, scope: Scope, column: Any, only_eligible: bool
) -> dict[tuple[int, int], int]:
    year, month = extract("year", column), extract("month", column)
    query = select(year, month, func.count()).where(column.is_not(None)).group_by(year, month)
    if only_eligible:
        query = query.where(eligible())
    return {(int(y), int(m)): n for y, m, n in session.execute(scope.initiatives(query))}


def by_month(session: Session, scope: Scope = Scope()) -> list[MonthLine]:
    """Month by month from the first to the last month with any initiative, gaps as zeros."""
    registered = _per_month(session, scope, Initiative.created_at, False)
    counted = _per_month(session, scope, Initiative.eligibility_date, True)
    months = sorted(set(registered) | set(counted))
    if not months:
        return []
    (year, month), last = months[0], months[-1]
    lines = []
    while (year, month) <= last:
        key = (year, month)
        lines.append(MonthLine(year, month, registered.get(key, 0), counted.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return lines


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def eligible_by_quarter(session: Session, scope: Scope = Scope()) -> dict[tuple[int, int], int]:
    """(year, quarter) → initiatives that became eligible in that quarter and count."""
    quarters: dict[tuple[int, int], int] = defaultdict(int)
    for (year, month), n in _per_month(session, scope, Initiative.eligibility_date, True).items():
        quarters[(year, (month - 1) // 3 + 1)] += n
    return dict(quarters)


@dataclass(frozen=True)
class DepartmentLine(Line):
    members: int = 0  # active members of the department
    authors: int = 0  # distinct credited authors of its eligible initiatives

    @property
    def rate_pct(self) -> float | None:
        return 100 * self.authors / self.members if self.members else None


@dataclass(frozen=True)
class Credited:
    """The credited authors of the eligible initiatives, by department."""

    departments: list[DepartmentLine]
    authors: int  # distinct credited authors of every eligible initiative


def active_members(session: Session, scope: Scope, key: Any) -> dict[Any, int]:
    """Active members counted by ``key`` (a column of ``Member``)."""
    query = select(key, func.count()).where(Member.active.is_(True)).group_by(key)
    return dict(session.execute(scope.members(query)).all())


def credited_authors(session: Session, scope: Scope = Scope()) -> Credited:
    """Each initiative belongs to the department of its credited author (the member's
    department, else the workplace written for the author). A person is one member, or one
    folded name when the author is not linked to a member."""
    credited = aliased(Author)
    query = (
        select(
            Initiative.id,
            eligible(),
            Initiative.economic_value_vnd,
            Initiative.credited_author,
            credited.member_id,
            func.coalesce(
                func.nullif(Member.department, ""), func.nullif(credited.workplace, ""), ""
            ),
        )
        .select_from(Initiative)
        .outerjoin(
            credited,
            (credited.initiative_id == Initiative.id)
            & (credited.full_name == Initiative.credited_author),
        )
        .outerjoin(Member, Member.id == credited.member_id)
    )
    seen: set[str] = set()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    people: dict[str, set[object]] = defaultdict(set)
    everyone: set[object] = set()
    for initiative_id, counts, value, name, member_id, department in session.execute(
        scope.initiatives(query)
    ):
        if initiative_id in seen:  # two authors of one initiative with the same name
            continue
        seen.add(initiative_id)
        line = totals[department]
        line[0] += 1
        if counts:
            line[1] += 1
            line[2] += value or 0
            person = member_id if member_id is not None else fold(name)
            if person:
                people[department].add(person)
                everyone.add(person)
    members = active_members(session, scope, Member.department)
    names = sorted(set(totals) | set(members), key=lambda d: (not d, sort_key(d)))
    lines = [
        DepartmentLine(
            d,
            d or NO_DEPARTMENT,
            total=totals[d][0] if d in totals else 0,
            eligible=totals[d][1] if d in totals else 0,
            value_vnd=totals[d][2] if d in totals else 0,
            members=members.get(d, 0),
            authors=len(people.get(d, ())),
        )
        for d in names
    ]
    return Credited(lines, len(everyone))


@dataclass(frozen=True)
class Totals:
    initiatives: int
    eligible: int
    value_vnd: int  # economic value of the eligible initiatives
    value_all_vnd: int  # economic value written on every initiative not rejected


def totals(session: Session, scope: Scope = Scope()) -> Totals:
    value = func.coalesce(Initiative.economic_value_vnd, 0)
    not_rejected = Initiative.status != State.REJECTED.value
    row = session.execute(
        scope.initiatives(
            select(
                func.count(),
                func.sum(case((eligible(), 1), else_=0)),
                func.sum(case((eligible(), value), else_=0)),
                func.sum(case((not_rejected, value), else_=0)),
            )
        )
    ).one()
    return Totals(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0), int(row[3] or 0))
