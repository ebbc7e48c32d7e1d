"""What the support team's board shows: each state's initiatives as cards, and the dossiers that
need attention — a council decision overdue (PROGRAM.md §8: within the profile's
``decision_deadline_months`` of receipt), a dossier ready to send that nobody has exported."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Initiative
from sangkien_desktop.storage.search import like_terms
from sangkien_desktop.text import name_sort_key
from sangkien_desktop.workflow.states import STATES, State

#: A ready dossier not exported after this many days is flagged (the team's habit: send weekly).
READY_WAIT_DAYS = 14
#: Cards loaded per column; the rest are counted ("+N more"), so a column stays fluid.
COLUMN_LIMIT = 500
#: Helper filter value for the dossiers nobody has been given yet.
UNASSIGNED = ""


class Flag(StrEnum):
    DECISION_OVERDUE = "DECISION_OVERDUE"  # SUBMITTED past the legal decision deadline
    WAITING_TO_SEND = "WAITING_TO_SEND"  # READY and not exported for READY_WAIT_DAYS


@dataclass(frozen=True)
class BoardFilter:
    text: str = ""
    #: None: every helper; UNASSIGNED: nobody yet; otherwise that helper's name exactly.
    helper: str | None = None
    #: Only the flagged dossiers.
    attention_only: bool = False


@dataclass(frozen=True)
class Card:
    id: str
    code: str
    title: str
    state: State
    credited_author: str
    assigned_to: str
    due_on: date | None
    error_count: int
    submitted_on: date | None
    decision_due: date | None
    changed_at: datetime | None
    flag: Flag | None


@dataclass(frozen=True)
class BoardColumn:
    state: State
    cards: tuple[Card, ...]
    total: int

    @property
    def hidden(self) -> int:
        """Cards matching the filter but beyond the column's limit."""
        return self.total - len(self.cards)


@dataclass(frozen=True)
class Board:
    columns: tuple[BoardColumn, ...]
    overdue: int
    waiting: int

    def column(self, state: str) -> BoardColumn:
        return next(c for c in self.columns if c.state == state)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months; the 31st becomes the month's last day.
    Beyond the calendar (a year-9999 date stored before the inputs bounded dates) it stops at
    its first or last day instead of failing the whole board."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not MINYEAR <= year <= MAXYEAR:
        return date.min if year < MINYEAR else date.max
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def decision_deadline(submitted_on: date, profile: ProgramProfile) -> date:
    """The last day the unit may decide on an application received on ``submitted_on``."""
    return add_months(submitted_on, profile.decision_deadline_months)


def overdue_cutoff(today: date, months: int) -> date:
    """The latest receipt date whose decision deadline has passed on ``today``.

    The deadline grows with the receipt date, so the overdue receipts are exactly those on or
    before this day, which lets SQL count them on the indexed column."""
    day = add_months(today, -months)
    while add_months(day, months) >= today:
        day -= timedelta(days=1)
    return day


def _changed_at() -> ColumnElement[datetime]:
    return func.coalesce(Initiative.status_changed_at, Initiative.updated_at)


def _overdue(today: date, profile: ProgramProfile) -> ColumnElement[bool]:
    return (Initiative.status == State.SUBMITTED) & (
        Initiative.submitted_on <= overdue_cutoff(today, profile.decision_deadline_months)
    )


def _waiting(now: datetime) -> ColumnElement[bool]:
    return (Initiative.status == State.READY) & (
        _changed_at() < now - timedelta(days=READY_WAIT_DAYS)
    )


def _filtered(query: Select, flt: BoardFilter, now: datetime, profile: ProgramProfile) -> Select:
    for condition in like_terms(Initiative.search_text, flt.text):
        query = query.where(condition)
    if flt.helper is not None:
        query = query.where(Initiative.assigned_to == flt.helper)
    if flt.attention_only:
        query = query.where(_overdue(now.date(), profile) | _waiting(now))
    return query


def _order(state: State) -> tuple[Any, ...]:
    """Oldest first where age is what matters, otherwise by the helper's due date."""
    if state == State.SUBMITTED:
        return (Initiative.submitted_on.asc().nulls_last(), Initiative.code)
    if state == State.READY:
        return (_changed_at().asc(), Initiative.code)
    return (Initiative.due_on.asc().nulls_last(), Initiative.code)


_CARD_COLUMNS = (
    Initiative.id,
    Initiative.code,
    Initiative.title,
    Initiative.status,
    Initiative.credited_author,
    Initiative.assigned_to,
    Initiative.due_on,
    Initiative.error_count,
    Initiative.submitted_on,
    _changed_at(),
)


def _card(values: tuple, profile: ProgramProfile, now: datetime) -> Card:
    (id_, code, title, status, author, helper, due_on, errors, submitted_on, changed) = values
    state = State(status)
    deadline = decision_deadline(submitted_on, profile) if submitted_on else None
    flag: Flag | None = None
    if state == State.SUBMITTED and deadline is not None and deadline < now.date():
        flag = Flag.DECISION_OVERDUE
    elif (
        state == State.READY
        and changed is not None
        and changed < now - timedelta(days=READY_WAIT_DAYS)
    ):
        flag = Flag.WAITING_TO_SEND
    return Card(
        id=id_,
        code=code,
        title=title or "",
        state=state,
        credited_author=author or "",
        assigned_to=helper or "",
        due_on=due_on,
        error_count=errors or 0,
        submitted_on=submitted_on,
        decision_due=deadline if state == State.SUBMITTED else None,
        changed_at=changed,
        flag=flag,
    )


def load_board(
    db: Database,
    profile: ProgramProfile,
    flt: BoardFilter | None = None,
    *,
    limit: int = COLUMN_LIMIT,
    now: datetime | None = None,
) -> Board:
    """Every state's cards (at most ``limit`` each), the totals and the attention counts."""
    flt = flt or BoardFilter()
    now = now or datetime.now()
    with db.reader() as session:
        totals = dict(
            session.execute(
                _filtered(select(Initiative.status, func.count()), flt, now, profile).group_by(
                    Initiative.status
                )
            ).all()
        )
        columns = []
        for state in STATES:
            rows = session.execute(
                _filtered(select(*_CARD_COLUMNS), flt, now, profile)
                .where(Initiative.status == state)
                .order_by(*_order(state))
                .limit(limit)
            ).all()
            cards = tuple(_card(tuple(r), profile, now) for r in rows)
            columns.append(BoardColumn(state, cards, totals.get(state.value, 0)))
        overdue = _count(session, flt, now, profile, _overdue(now.date(), profile))
        waiting = _count(session, flt, now, profile, _waiting(now))
    return Board(tuple(columns), overdue, waiting)


def _count(
    session: Session,
    flt: BoardFilter,
    now: datetime,
    profile: ProgramProfile,
    condition: ColumnElement[bool],
) -> int:
    query = _filtered(select(func.count()).select_from(Initiative), flt, now, profile)
    return session.scalar(query.where(condition)) or 0


def helpers(db: Database) -> list[str]:
    """The support-team members dossiers are assigned to, in Vietnamese name order."""
    with db.reader() as session:
        names = session.scalars(
            select(Initiative.assigned_to).where(Initiative.assigned_to != "").distinct()
        ).all()
    return sorted(names, key=name_sort_key)
