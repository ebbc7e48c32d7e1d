"""Certificate numbers: per year, continuous, never reused, one per (initiative, author).

Numbers are taken inside the caller's write transaction. On SQLite the transaction is opened
with ``BEGIN IMMEDIATE`` so a second print (another window, another PC on the same file)
waits for the first to commit instead of reading the same highest number; the unique
constraints on (year, number) and (initiative, author) are the last line of defence on any
database, and :func:`with_retry` runs the whole unit of work again when one of them fires.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sangkien_desktop.storage.locks import CERTIFICATES, serialize
from sangkien_desktop.storage.models import Certificate
from sangkien_desktop.text import clean

ATTEMPTS = 5
T = TypeVar("T")


@dataclass(frozen=True)
class Holder:
    """Who a certificate number belongs to."""

    initiative_id: str
    initiative_code: str
    author_name: str

    @property
    def key(self) -> tuple[str, str]:
        return self.initiative_id, clean(self.author_name)


@dataclass(frozen=True)
class Number:
    year: int
    number: int
    issued_on: date
    new: bool


def document_number(number: int | str, symbol: str) -> str:
    """``1`` → ``01/GCN-CĐCS``: Decree 30 (Appendix I, II.3.c) writes numbers below 10 with a
    leading zero."""
    digits = str(number).strip()
    if digits.isdigit():
        digits = f"{int(digits):02d}"
    return f"{digits}/{symbol}"


def begin_exclusive(session: Session) -> None:
    """Make the session's transaction a writer from its first statement (SQLite), so numbers
    read and numbers written belong to the same snapshot; on PostgreSQL, take the certificate
    numbers' advisory lock until the commit, so another PC waits and then reads the numbers
    this one took."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    serialize(session, CERTIFICATES)


def with_retry(work: Callable[[], T]) -> T:
    """Run ``work`` (one whole transaction) again when a unique constraint fired because
    another writer took the same number first (databases without ``BEGIN IMMEDIATE``)."""
    for attempt in range(ATTEMPTS):
        try:
            return work()
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def existing_numbers(
    session: Session, initiative_ids: Sequence[str]
) -> dict[tuple[str, str], Number]:
    """The numbers already issued to the authors of these initiatives."""
    found: dict[tuple[str, str], Number] = {}
    for start in range(0, len(initiative_ids), 500):
        rows = session.scalars(
            select(Certificate).where(
                Certificate.initiative_id.in_(initiative_ids[start : start + 500])
            )
        )
        for row in rows:
            found[(row.initiative_id or "", row.author_name)] = Number(
                row.year, row.number, row.issued_on, False
            )
    return found


def assign_numbers(session: Session, holders: Sequence[Holder], issued_on: date) -> list[Number]:
    """The number of each holder, in order: the one already issued (a reprint keeps its number
    and its date), or the next of ``issued_on``'s year. Call after :func:`begin_exclusive`."""
    numbers, rows = _numbers(session, holders, issued_on)
    if rows:
        session.execute(insert(Certificate), rows)  # bulk: a batch takes 1,000 numbers at once
    return numbers


def preview_numbers(session: Session, holders: Sequence[Holder], issued_on: date) -> list[Number]:
    """The numbers :func:`assign_numbers` would give now, without taking any (what a print
    asks the user to confirm; another print may take them first, see ``expected``)."""
    return _numbers(session, holders, issued_on)[0]


def _numbers(
    session: Session, holders: Sequence[Holder], issued_on: date
) -> tuple[list[Number], list[dict[str, object]]]:
    known = existing_numbers(session, sorted({h.initiative_id for h in holders}))
    year = issued_on.year
    last = session.scalar(select(func.max(Certificate.number)).where(Certificate.year == year))
    next_number = (last or 0) + 1
    now = datetime.now().replace(microsecond=0)
    numbers: list[Number] = []
    rows: list[dict[str, object]] = []
    for holder in holders:
        number = known.get(holder.key)
        if number is None:
            number = Number(year, next_number, issued_on, True)
            next_number += 1
            known[holder.key] = number
            rows.append(
                {
                    "year": year,
                    "number": number.number,
                    "initiative_id": holder.initiative_id,
                    "initiative_code": holder.initiative_code,
                    "author_name": holder.key[1],
                    "issued_on": issued_on,
                    "created_at": now,
                }
            )
        numbers.append(number)
    return numbers, rows


def is_certified(session: Session, initiative_ids: Sequence[str]) -> set[tuple[str, str]]:
    """(initiative id, author name) pairs that already hold a certificate."""
    return set(existing_numbers(session, initiative_ids))
