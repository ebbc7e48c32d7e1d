"""The limits of every field a person or a file can fill in, in one place.

The JSON importer, the Excel importer, the CLI and the editors all check a record or a member
against these (``check_record``, ``check_text``, ``check_date``), so a value one input accepts
is never refused by another, nor written into an export its own importer refuses. The widths
are the database's columns; long text is capped at Excel's own limit on one cell, so every
record can go out to a spreadsheet and back. The JSON schema repeats them (a test checks it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from sangkien_desktop.errors import InputError
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.text import format_date, format_number

#: The earliest and latest day any input may carry: birth dates start after 1900, and no
#: deadline or phase of the programme reaches past 2100. Outside them date arithmetic
#: (three months later, the phase of a day) is meaningless or overflows.
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)

#: Identifiers (record id, code, bundle id): RECORD.md and bundle-format.md say 64.
ID_CHARS = 64
#: A person's name (author, member, account).
NAME_CHARS = 200
#: The title of an initiative.
TITLE_CHARS = 2_000
#: A one-line text field when no narrower width is listed below.
TEXT_CHARS = 1_000
#: A multi-line field (content, novelty…): Excel's limit on one cell.
LONG_TEXT_CHARS = 32_767
#: An author's share of the initiative, in per cent.
PERCENT_RANGE = (0.0, 100.0)
#: The largest sum of money in đồng (the record schema's bound on economic_value_vnd).
MAX_MONEY_VND = 10**15
#: A reward's recipient: a person or a collective (the rewards table's width).
RECIPIENT_CHARS = 300

#: One-line fields of a record narrower than TEXT_CHARS (the database's column widths).
RECORD_TEXT = {
    "id": ID_CHARS,
    "code": ID_CHARS,
    "title": TITLE_CHARS,
    "field": 300,
    "application.where": 300,
    "recognition.body": 300,
    "recognition.decision_no": 100,
    "content_review.reviewer": NAME_CHARS,
    "ip_protection.registration_no": 200,
    "research.confirmed_by": 200,
    "research.confirmation_no": 100,
    "unit_code": ID_CHARS,
    "full_name": NAME_CHARS,
    "workplace": 300,
    "position": 200,
    "qualification": 200,
    "file_name": 255,
}
#: The multi-line fields of a record: the only ones where a tab or a line break may stay.
LONG_FIELDS = (
    "known_solution",
    "content",
    "novelty",
    "applicability",
    "origin_story",
    "confidential",
    "benefits.economic",
    "benefits.social_description",
)
#: A member's one-line fields (the members table's widths).
MEMBER_TEXT = {"full_name": NAME_CHARS, "department": 200, "position": 200, "qualification": 200}
#: The union unit's fields (the units table's widths).
UNIT_TEXT = {
    "name": 300,
    "code": ID_CHARS,
    "superior_union": 300,
    "federation": 300,
    "cluster": 300,
    "chair_name": NAME_CHARS,
    "place": 100,
}

# C0 control characters: XML 1.0 (and so every .xlsx) cannot hold them, and nobody types them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f]")


def control_character(text: str, multiline: bool = False) -> str | None:
    """The first control character of ``text`` as ``U+0001``, or None. Tab, line feed and
    carriage return are allowed in a multi-line field only."""
    found = (_CONTROL if multiline else _CONTROL_ONE_LINE).search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def text_problem(text: str, limit: int, multiline: bool = False) -> str | None:
    """What is wrong with ``text`` in a field of at most ``limit`` characters, or None."""
    bad = control_character(text, multiline)
    if bad is not None:
        return f"chứa ký tự điều khiển {bad} (không gõ được, thường do dán từ tệp hỏng); hãy xóa"
    if len(text) > limit:
        return f"dài {format_number(len(text))} ký tự, quá giới hạn {format_number(limit)} ký tự"
    return None


def check_text(text: str, where: str, field: str, limit: int, multiline: bool = False) -> str:
    """``text`` unchanged, or InputError naming ``where`` and ``field``."""
    problem = text_problem(text, limit, multiline)
    if problem:
        raise InputError(
            f"{where}, trường {field}: {problem}.",
            english=f"{where}, field {field}: control character or too long.",
        )
    return text


def date_problem(value: date) -> str | None:
    """Why ``value`` is out of the range any input may carry, or None."""
    day = value.date() if isinstance(value, datetime) else value
    if MIN_DATE <= day <= MAX_DATE:
        return None
    shown = f"{day.day:02d}/{day.month:02d}/{day.year:04d}"  # strftime drops a year's zeros
    return (
        f"ngày {shown} nằm ngoài khoảng cho phép ({format_date(MIN_DATE)}–{format_date(MAX_DATE)})"
    )


def check_date(value: date | None, where: str, field: str) -> date | None:
    """``value`` unchanged, or InputError naming ``where`` and ``field``."""
    problem = None if value is None else date_problem(value)
    if problem:
        raise InputError(
            f"{where}, trường {field}: {problem}.",
            english=f"{where}, field {field}: {value} is outside {MIN_DATE}–{MAX_DATE}.",
        )
    return value


def percent_problem(value: float) -> str | None:
    low, high = PERCENT_RANGE
    if low <= value <= high:
        return None
    return f"tỷ lệ {value:g} phải từ {low:g} đến {high:g}%"


def _at(record: InitiativeRecord, path: str) -> str:
    """The text at ``path`` (``recognition.body``) of ``record``; "" for None."""
    value: object = record
    for part in path.split("."):
        value = getattr(value, part)
    return str(value or "")


#: The one-line fields of the record itself (its authors' and attachments' come apart).
_RECORD_LINES = (
    "id",
    "code",
    "title",
    "field",
    "application.where",
    "recognition.body",
    "recognition.decision_no",
    "research.confirmed_by",
    "research.confirmation_no",
    "content_review.reviewer",
    "ip_protection.registration_no",
    "unit_code",
)
_AUTHOR_LINES = ("full_name", "workplace", "position", "qualification")


def _texts(record: InitiativeRecord) -> Iterator[tuple[str, str, int, bool]]:
    """(field path, value, limit, multi-line) of every text of ``record``."""
    for path in _RECORD_LINES:
        yield path, _at(record, path), RECORD_TEXT[path], False
    for path in LONG_FIELDS:
        yield path, _at(record, path), LONG_TEXT_CHARS, True
    for i, author in enumerate(record.authors):
        for key in _AUTHOR_LINES:
            yield f"authors[{i}].{key}", getattr(author, key), RECORD_TEXT[key], False
    for i, attachment in enumerate(record.attachments):
        yield f"attachments[{i}].file_name", attachment.file_name, RECORD_TEXT["file_name"], False


def _dates(record: InitiativeRecord) -> Iterator[tuple[str, date | None]]:
    yield "application.first_applied_on", record.application.first_applied_on
    yield "recognition.decided_on", record.recognition.decided_on
    yield "research.accepted_on", record.research.accepted_on
    yield "research.applied_since", record.research.applied_since
    yield "research.confirmed_on", record.research.confirmed_on
    yield "content_review.reviewed_on", record.content_review.reviewed_on
    yield "submitted_on", record.submitted_on
    yield "created_at", record.created_at
    yield "updated_at", record.updated_at
    for i, author in enumerate(record.authors):
        yield f"authors[{i}].birth_date", author.birth_date


def check_record(record: InitiativeRecord, where: str) -> InitiativeRecord:
    """``record`` unchanged, or InputError naming ``where`` (the record) and the field: a
    control character, text longer than its field, a date out of range, a share outside
    0–100%."""
    for path, text, limit, multiline in _texts(record):
        check_text(text, where, path, limit, multiline)
    for path, value in _dates(record):
        check_date(value, where, path)
    for i, author in enumerate(record.authors):
        pct = author.contribution_pct
        problem = None if pct is None else percent_problem(pct)
        if problem:
            raise InputError(
                f"{where}, trường authors[{i}].contribution_pct: {problem}.",
                english=f"{where}, field authors[{i}].contribution_pct: must be 0–100.",
            )
    return record
