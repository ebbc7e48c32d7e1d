"""Reading one cell of a spreadsheet the way union offices fill them in, and writing one.

Each reader takes the raw value openpyxl gives (text, number, date, bool or None) and returns
the value the record needs, or raises ``CellError`` with a Vietnamese sentence on what is wrong
with that value; the sheet reader adds the sheet, row and column.

Every workbook the application writes gives its cells their values through ``put``: text stays
text, whatever it starts with (openpyxl would store ``=…`` as a live formula, and Excel runs
``+``, ``-``, ``@`` once the cell is edited), so a title typed as ``=HYPERLINK(…)`` is shown,
never evaluated. No writer stores a formula on purpose.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from sangkien_desktop.records.limits import date_problem, text_problem
from sangkien_desktop.text import clean, fold

#: Excel's own limit on the characters of one cell.
MAX_CELL_CHARS = 32_767
#: The serial number of 31/12/9999, Excel's last day.
_LAST_SERIAL = 2_958_465
_EXCEL_EPOCH = date(1899, 12, 30)


class CellError(ValueError):
    """A value that cannot be read; the message names the value and the expected form."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def header_key(value: object) -> str:
    """A header folded for matching: no case, diacritics, notes in brackets, marks or spacing
    (``Ngày sinh (dd/mm/yyyy) *`` → ``ngay sinh``)."""
    if value is None:
        return ""
    text = fold(str(value))
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    return " ".join(re.sub(r"[^0-9a-z%]+", " ", text).split())


def shown(value: object) -> str:
    """A raw value as the person typed it, for messages (long text cut)."""
    if isinstance(value, datetime) and value.time() == time(0):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    text = str(value).strip()
    return text if len(text) <= 60 else text[:57] + "…"


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_text(value: object, limit: int) -> str:
    """Text trimmed, NFC, inner spaces collapsed (line breaks kept in long text fields)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "Có" if value else "Không"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, datetime | date):
        text = shown(value)
    else:
        text = str(value)
    if "\n" in text:
        text = "\n".join(clean(line) for line in text.replace("\r\n", "\n").split("\n")).strip()
    else:
        text = clean(text)
    problem = text_problem(text, limit, multiline=True)  # clean() left no tab in a line
    if problem:
        raise CellError(f"{problem}.")
    return text


_DATE_TEXT = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
_ISO_TEXT = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _two_digit_year(year: int, today: date) -> int:
    """``86`` → 1986, ``22`` → 2022: a year not after this one."""
    century = today.year // 100 * 100
    return century + year if century + year <= today.year else century - 100 + year


def read_date(value: object, today: date | None = None) -> date | None:
    """An Excel date, an Excel serial number, or text ``dd/mm/yyyy``, ``d/m/yy``,
    ``dd-mm-yyyy``, ``dd.mm.yyyy`` or ``yyyy-mm-dd``, between MIN_DATE and MAX_DATE."""
    day = _any_date(value, today)
    problem = None if day is None else date_problem(day)
    if problem:
        raise CellError(f"{problem}.")
    return day


def _any_date(value: object, today: date | None) -> date | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time | timedelta):
        raise CellError(f"“{shown(value)}” là giờ, không phải ngày.")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1900 <= value <= 2100:
            raise CellError(f"“{shown(value)}” chỉ có năm; cần đủ ngày, tháng, năm (dd/mm/yyyy).")
        if 0 < value <= _LAST_SERIAL:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(f"“{shown(value)}” không phải ngày dạng dd/mm/yyyy.")
    text = str(value).strip()
    iso = _ISO_TEXT.fullmatch(text)
    match = _DATE_TEXT.fullmatch(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if match:
            day, month, year = int(match[1]), int(match[2]), int(match[3])
            if len(match[3]) == 2:
                year = _two_digit_year(year, today or date.today())
            return date(year, month, day)
    except ValueError:
        raise CellError(f"“{text}” không phải ngày có thật.") from None
    raise CellError(f"“{shown(value)}” không phải ngày dạng dd/mm/yyyy.")


_CURRENCY = re.compile(r"(vnđ|vnd|đồng|dong|đ|d)\.?$")
_SCALES = {"nghin": 1_000, "ngan": 1_000, "trieu": 1_000_000, "ty": 1_000_000_000}
_GROUPED = re.compile(r"\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*")
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")


def _plain_number(text: str) -> float | None:
    """``125.000.000``, ``125,000,000``, ``125 000 000``, ``125000000``, ``1,5``, ``1.5``."""
    if text.isdecimal():
        return float(text)
    if _GROUPED.fullmatch(text):
        return float(re.sub(r"[.,\s]", "", text))
    if _DECIMAL.fullmatch(text):
        return float(text.replace(",", "."))
    # 1.250.000,5 or 1,250,000.5: group separators, then the other mark as decimal point
    for group, point in ((".", ","), (",", ".")):
        head, sep, tail = text.rpartition(point)
        if sep and tail.isdecimal() and _GROUPED.fullmatch(head) and group in head:
            return float(head.replace(group, "") + "." + tail)
    return None


def read_money(value: object) -> int | None:
    """A whole number of đồng: a number, or text ``125.000.000``, ``125,000,000 đ``,
    ``125 000 000 VNĐ``, ``1,5 tỷ``, ``125 triệu``."""
    if is_blank(value):
        return None
    if isinstance(value, bool | datetime | date):
        raise CellError(f"“{shown(value)}” không phải số tiền.")
    if isinstance(value, int | float):
        amount = float(value)
    else:
        text = str(value).strip().lower().replace("\u00a0", " ")
        text = _CURRENCY.sub("", text).strip()
        scale = 1
        words = fold(text).rsplit(" ", 1)
        if len(words) == 2 and words[1] in _SCALES:
            scale = _SCALES[words[1]]
            text = text.rsplit(" ", 1)[0].strip()
        number = _plain_number(text)
        if number is None:
            raise CellError(
                f"“{shown(value)}” không phải số tiền (ví dụ: 125.000.000 hoặc 125000000)."
            )
        amount = number * scale
    if amount < 0:
        raise CellError(f"“{shown(value)}” là số âm; giá trị làm lợi không được âm.")
    if not math.isfinite(amount) or amount >= 10**17:
        raise CellError(f"“{shown(value)}” lớn quá mức có thể.")
    return round(amount)


def read_percent(value: object) -> float | None:
    """``60``, ``60%``, ``0.6`` (a cell formatted as per cent), ``33,5 %``."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError(f"“{shown(value)}” không phải tỷ lệ phần trăm.")
    if isinstance(value, int | float):
        number = float(value) * (100 if 0 < value < 1 else 1)
    else:
        text = str(value).strip().rstrip("%").strip()
        parsed = _plain_number(text)
        if parsed is None:
            raise CellError(f"“{shown(value)}” không phải tỷ lệ phần trăm.")
        number = parsed
    if not 0 <= number <= 100:
        raise CellError(f"tỷ lệ “{shown(value)}” phải từ 0 đến 100%.")
    return round(number, 2)


_YES = {"co", "x", "yes", "y", "1", "true", "dung", "v", "da", "dang sinh hoat"}
_NO = {"khong", "no", "n", "0", "false", "sai", "chua", "khong con", "da nghi", "nghi"}


def read_bool(value: object) -> bool | None:
    """Có/không, x, yes/no, 1/0, an Excel TRUE/FALSE."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise CellError(f"“{shown(value)}” không phải Có/Không.")
    key = fold(str(value)).strip(". ")
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError(f"“{shown(value)}” không phải Có/Không.")


@dataclass(frozen=True)
class CodeList:
    """Codes and their Vietnamese names; a cell may hold either, in any case and accents."""

    names: Mapping[str, str]  # code → Vietnamese name
    aliases: Mapping[str, str] | None = None  # extra folded spellings → code

    def read(self, value: object, what: str) -> str | None:
        if is_blank(value):
            return None
        text = clean(str(value))
        if text in self.names:
            return text
        found = self._memo.get(text)
        if found:
            return found
        found = next(
            (
                self._lookup[key]
                for key in (fold(text), fold(text).replace(" ", "_"), header_key(text))
                if key in self._lookup
            ),
            None,
        )
        if found:
            self._memo[text] = found
            return found
        choices = "; ".join(n or c for c, n in self.names.items() if c)
        raise CellError(
            f"{what} “{shown(value)}” không có trong danh mục; dùng một trong: {choices}."
        )

    @cached_property
    def _memo(self) -> dict[str, str]:
        """Cells spelled as before: a column of 20,000 rows holds a handful of spellings."""
        return {}

    @cached_property
    def _lookup(self) -> dict[str, str]:
        lookup = {fold(code): code for code in self.names}
        for code, name in self.names.items():
            if name:
                lookup[fold(name)] = code
                lookup[header_key(name)] = code
        lookup.update(self.aliases or {})
        return lookup


@dataclass(frozen=True)
class AuthorShare:
    full_name: str
    contribution_pct: float | None
    is_lead: bool


_AUTHOR = re.compile(
    r"(?P<name>[^()\[\]\d%]+?)\s*"
    r"(?:[(\[](?P<inner>[^)\]]*)[)\]]|[-–:]?\s*(?P<pct>\d+(?:[.,]\d+)?)\s*%)?\s*"
)
_LEAD_WORDS = ("chu nhiem", "chu tri", "tac gia chinh", "cn", "lead")


def _split_outside_brackets(text: str) -> list[str]:
    """Split at separators outside brackets; a comma between digits is a decimal mark."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        decimal = ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit()
        if depth == 0 and ch in ";\n,+" and not (decimal and text[i + 1].isdigit()):
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p for p in (clean(p) for p in parts) if p]


def read_authors(value: object, name_limit: int = 200) -> list[AuthorShare]:
    """``Nguyễn Văn A (60%); Trần Thị B (40%)`` — names separated by ``;``, ``,``, ``+`` or line
    breaks, each with an optional share and an optional ``chủ nhiệm`` mark in brackets."""
    if is_blank(value):
        return []
    if not isinstance(value, str):
        raise CellError(f"“{shown(value)}” không phải họ tên tác giả.")
    authors: list[AuthorShare] = []
    for part in _split_outside_brackets(value):
        match = _AUTHOR.fullmatch(part)
        if not match:
            raise CellError(
                f"không đọc được tác giả “{shown(part)}”; ghi dạng "
                "“Nguyễn Văn A (60%); Trần Thị B (40%)”."
            )
        name = clean(match["name"]).strip(" -–:.")
        pct_text, lead = match["pct"], False
        inner = match["inner"]
        if inner is not None:
            for piece in re.split(r"[,;]\s+|\s*[-–]\s*", inner):
                piece = piece.strip()
                if not piece:
                    continue
                if fold(piece).strip(". ") in _LEAD_WORDS:
                    lead = True
                elif re.fullmatch(r"\d+(?:[.,]\d+)?\s*%?", piece):
                    pct_text = piece
                else:
                    raise CellError(
                        f"không hiểu “({inner})” sau tên {name}; ghi tỷ lệ đóng góp như “(60%)”."
                    )
        if not name:
            raise CellError(f"thiếu họ tên ở “{shown(part)}”.")
        if len(name) > name_limit:
            raise CellError(f"họ tên “{shown(name)}” dài quá {name_limit} ký tự.")
        authors.append(AuthorShare(name, read_percent(pct_text) if pct_text else None, lead))
    return authors


# --- Writing --------------------------------------------------------------------------------

#: What makes a spreadsheet take typed text for a formula (OWASP's "CSV injection" list).
_FORMULA_MARKS = ("=", "+", "-", "@")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula when it is typed or edited: it
    starts with ``= + - @``, also after leading spaces, tabs or line breaks (which Excel
    strips), or with a tab or carriage return itself."""
    if not text:
        return False
    return text[0] in "\t\r" or text.lstrip(" \t\r\n")[:1] in _FORMULA_MARKS


def put(cell: Any, value: Any) -> Any:
    """Give an openpyxl ``cell`` (ordinary or write-only) ``value``; numbers, dates and
    booleans as they are, text always as a text cell, never a formula or an error code
    (``#N/A``). Text a spreadsheet would take for a formula is also marked with a quote
    prefix (Excel's leading apostrophe), so editing the cell keeps it text. A control
    character XML cannot hold (a value stored before the inputs refused them) becomes U+FFFD
    instead of failing the whole export."""
    if isinstance(value, str):
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        cell.value = value
        cell.data_type = "s"
        quoted = formula_like(value)
        if quoted or cell.quotePrefix:
            cell.quotePrefix = quoted
    else:
        cell.value = value
    return cell


def append_row(sheet: Any, values: Iterable[Any]) -> int:
    """``sheet.append(values)`` for an ordinary (not write-only) sheet, each value through
    ``put``; the number of the row written."""
    row = sheet._current_row + 1  # where openpyxl's own append writes
    for column, value in enumerate(values, start=1):
        put(sheet.cell(row=row, column=column), value)
    sheet._current_row = row  # an empty row still takes its place, as with append
    return row
