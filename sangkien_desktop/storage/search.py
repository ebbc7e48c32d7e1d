"""Search that matches with or without diacritics, done in SQL over folded columns."""

from __future__ import annotations

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute

from sangkien_desktop.text import fold


def like_terms(column: InstrumentedAttribute[str], text: str) -> list[ColumnElement[bool]]:
    """One ``LIKE '%term%'`` per word of ``text``, folded: every word must occur."""
    conditions: list[ColumnElement[bool]] = []
    for term in fold(text).split():
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(column.like(f"%{escaped}%", escape="\\"))
    return conditions
