"""What an import would do, row by row, before anything is written: the preview.

Every problem names the sheet, the row and the column as Excel shows them. Errors refuse the
whole file (all or nothing); warnings are shown and the rows are imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from sangkien_desktop.errors import InputError

T = TypeVar("T")
Progress = Callable[[int, int], bool]  # (done, total) → False to cancel

#: How many problems a refusal message quotes before "and N more".
QUOTED_PROBLEMS = 3


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Action(StrEnum):
    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"  # the row has an error: nothing of it would be written


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None  # the Excel row number; None for the whole file
    column: str | None  # the Excel column letter
    header: str | None  # the column's header as written in the file
    message: str
    severity: Severity = Severity.ERROR

    @property
    def where(self) -> str:
        parts = [f"Trang “{self.sheet}”"] if self.sheet else []
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột {self.column}" + (f" ({self.header})" if self.header else ""))
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ImportCancelled(InputError):
    """The person cancelled a read or an import; the database is unchanged."""

    def __init__(self) -> None:
        super().__init__(
            "Đã hủy nhập; cơ sở dữ liệu không thay đổi.",
            english="Import cancelled; nothing changed.",
        )


@dataclass
class PreviewRow(Generic[T]):
    row: int
    label: str
    value: T | None
    problems: list[Problem] = field(default_factory=list)
    action: Action = Action.ADD
    #: what a re-import matches the row on (members: folded name and birth date)
    key: object = None
    #: the workflow moves importing the row makes, "IDEA → DRAFTING"; "" when none
    moves: str = ""

    @property
    def has_error(self) -> bool:
        return any(p.severity == Severity.ERROR for p in self.problems)


@dataclass
class Preview(Generic[T]):
    """The rows of one sheet as they would be imported, with their problems."""

    file_name: str
    sheet: str
    header_row: int | None = None
    #: field → (column letter, header as written) of every column understood
    columns: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: headers of the columns no field reads, as "F: Ghi chú"
    ignored: list[str] = field(default_factory=list)
    rows: list[PreviewRow[T]] = field(default_factory=list)
    #: problems of the whole sheet (missing or doubled columns, too many rows)
    problems: list[Problem] = field(default_factory=list)

    def all_problems(self) -> list[Problem]:
        return self.problems + [p for r in self.rows for p in r.problems]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.all_problems() if p.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.all_problems() if p.severity == Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not any(p.severity == Severity.ERROR for p in self.problems) and not any(
            r.has_error for r in self.rows
        )

    def values(self) -> list[T]:
        return [r.value for r in self.rows if r.value is not None]

    def count(self, action: Action) -> int:
        return sum(r.action == action for r in self.rows)

    def refusal(self) -> InputError:
        """One message for a refused file: the first problems word for word, then a count."""
        errors = self.errors
        quoted = "; ".join(str(p) for p in errors[:QUOTED_PROBLEMS])
        more = len(errors) - QUOTED_PROBLEMS
        tail = f" (và {more} lỗi khác)" if more > 0 else ""
        return InputError(
            f"{self.file_name}: không nhập được — {quoted}{tail}. Chưa có gì được ghi vào cơ sở "
            "dữ liệu.",
            english=f"{self.file_name}: {len(errors)} problem(s); nothing was imported.",
        )

    def raise_if_errors(self) -> None:
        if not self.ok:
            raise self.refusal()
