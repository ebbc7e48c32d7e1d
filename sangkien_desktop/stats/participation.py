"""Participation (PROGRAM.md §4): distinct credited authors of eligible initiatives ÷ headcount,
against the profile's target (10% in 46/HD-TLĐ)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.stats.counts import Scope, active_members
from sangkien_desktop.storage.models import Member, Unit


@dataclass(frozen=True)
class Participation:
    authors: int  # distinct credited authors of the eligible initiatives
    headcount: int
    target_pct: float
    #: True when every unit's headcount is the one it declared, not the members on file.
    declared: bool = False

    @property
    def rate_pct(self) -> float | None:
        return 100 * self.authors / self.headcount if self.headcount else None

    @property
    def reached(self) -> bool:
        return self.rate_pct is not None and self.rate_pct >= self.target_pct

    @property
    def authors_needed(self) -> int:
        """How many more credited authors the unit needs to reach the target."""
        return max(math.ceil(self.headcount * self.target_pct / 100 - 1e-9) - self.authors, 0)


def headcount(session: Session, scope: Scope = Scope()) -> tuple[int, bool]:  # noqa: B008
    """(headcount, declared): each unit's declared headcount where it has one, otherwise its
    active members on file."""
    active = active_members(session, scope, Member.unit_id)
    total, declared = 0, True
    for unit_id, declared_count in session.execute(scope.units(select(Unit.id, Unit.headcount))):
        if declared_count:
            total += declared_count
        else:
            total += active.get(unit_id, 0)
            declared = False
    return total, declared


def participation(
    session: Session,
    profile: ProgramProfile,
    authors: int,
    scope: Scope = Scope(),  # noqa: B008
) -> Participation:
    """The rate for ``authors`` credited authors (see ``counts.credited_authors``)."""
    count, declared = headcount(session, scope)
    return Participation(authors, count, profile.participation_target_pct, declared)
