"""Search that matches with or without diacritics, done in SQL over folded text.

Every initiative keeps ``search_text``: its code, title, author names and field, folded (no
accents, đ → d, lower case). ``TextMatch`` is one SQL condition whose form depends on the
database: on SQLite it asks the FTS5 trigram index ``initiatives_fts`` (revision 0004, kept in
step by triggers) for every word of three letters or more, so a search over 50,000 initiatives
reads the index instead of the table; elsewhere, and for shorter words, it is ``LIKE '%word%'``
on the folded column.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, and_, bindparam
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute

from sangkien_desktop.text import fold

FTS_TABLE = "initiatives_fts"
TRIGRAM = 3


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_terms(column: InstrumentedAttribute[str], text: str) -> list[ColumnElement[bool]]:
    """One ``LIKE '%term%'`` per word of ``text``, folded: every word must occur."""
    return [column.like(f"%{_escape_like(term)}%", escape="\\") for term in fold(text).split()]


class TextMatch(ColumnElement[bool]):
    """Every folded word of ``text`` occurs in the initiative's ``search_text``."""

    inherit_cache = False
    type = Boolean()

    def __init__(self, id_column: Any, text_column: Any, text: str) -> None:
        self.id_column = id_column
        self.text_column = text_column
        self.terms = fold(text).split()

    def likes(self, terms: list[str]) -> ColumnElement[bool]:
        return and_(*(self.text_column.like(f"%{_escape_like(t)}%", escape="\\") for t in terms))


@compiles(TextMatch)
def _compile_like(element: TextMatch, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.likes(element.terms), **kw))


@compiles(TextMatch, "sqlite")
def _compile_fts(element: TextMatch, compiler: Any, **kw: Any) -> str:
    long_terms = [t for t in element.terms if len(t) >= TRIGRAM]
    short_terms = [t for t in element.terms if len(t) < TRIGRAM]
    parts = []
    if long_terms:
        query = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        match: Any = bindparam("fts_query", query, unique=True)
        id_sql = compiler.process(element.id_column, **kw)
        parts.append(
            f"{id_sql} IN (SELECT id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH "
            f"{compiler.process(match, **kw)})"
        )
    if short_terms:
        parts.append(str(compiler.process(element.likes(short_terms), **kw)))
    return " AND ".join(parts) if parts else "1 = 1"


def text_match(id_column: Any, text_column: Any, text: str) -> TextMatch | None:
    """The condition for ``text``, or None when it holds no word."""
    match = TextMatch(id_column, text_column, text)
    return match if match.terms else None


def rebuild_search_index(connection: Any) -> None:
    """Refill the SQLite FTS index from ``initiatives`` (after a VACUUM, or to repair it)."""
    if connection.dialect.name != "sqlite":
        return
    from sqlalchemy import text

    connection.execute(text(f"DELETE FROM {FTS_TABLE}"))
    connection.execute(
        text(
            f"INSERT INTO {FTS_TABLE} (rowid, id, search_text) "
            "SELECT rowid, id, search_text FROM initiatives"
        )
    )
