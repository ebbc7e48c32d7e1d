"""The history of an initiative: its moves between workflow states, newest first."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select

from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import WorkflowEvent


class HistoryEntry(NamedTuple):
    at: datetime
    from_state: str | None  # None for the first event (the initiative was created or imported)
    to_state: str
    actor: str
    comment: str


def initiative_history(db: Database, initiative_id: str) -> list[HistoryEntry]:
    """Every workflow event of the initiative ``initiative_id``, newest first."""
    with db.reader() as session:
        rows = session.execute(
            select(
                WorkflowEvent.at,
                WorkflowEvent.from_state,
                WorkflowEvent.to_state,
                WorkflowEvent.actor,
                WorkflowEvent.comment,
            )
            .where(WorkflowEvent.initiative_id == initiative_id)
            .order_by(WorkflowEvent.at.desc(), WorkflowEvent.id.desc())
        ).all()
    return [HistoryEntry(r[0], r[1], r[2], r[3] or "", r[4] or "") for r in rows]
