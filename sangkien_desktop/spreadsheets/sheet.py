"""Reading a worksheet as union offices make them: find the header row wherever it is (a title
merged above it, a two-line header, columns in any order, headers in any case or accents), skip
blank rows, numbering rows, the template's example row and trailing formatting, and hand each
data row over as ``field → raw value``.

openpyxl opens the workbook (shared strings, date styles, which sheets are hidden); the rows are
read here from the sheet's XML: each row's number and only the cells that exist, and a formula
without a stored result (a workbook written by a program, never opened in Excel) told apart from
an empty cell.
"""

from __future__ import annotations

import re
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import from_excel, from_ISO8601

from sangkien_desktop.errors import InputError
from sangkien_desktop.spreadsheets.cells import CellError, header_key, is_blank
from sangkien_desktop.spreadsheets.preview import (
    ImportCancelled,
    Preview,
    PreviewRow,
    Problem,
    Progress,
    Severity,
)
from sangkien_desktop.text import format_number

T = TypeVar("T")

MAX_FILE_BYTES = 100 * 1024 * 1024
#: An .xlsx is a zip: refuse one that would inflate beyond this (a "zip bomb").
MAX_INFLATED_BYTES = 1024 * 1024 * 1024
#: The most parts an .xlsx may have (Excel's own have a few dozen; each picture is one more).
MAX_ZIP_ENTRIES = 10_000
#: A part above RATIO_FLOOR bytes may inflate at most MAX_RATIO times its packed size (sheet
#: XML packs 10-30 times; a bomb, thousands).
MAX_RATIO = 500
RATIO_FLOOR = 16 * 1024 * 1024
MAX_DATA_ROWS = 100_000
#: The most rows read under the header, blank ones included (a sheet of 700.000 empty rows,
#: each a "<row/>", packs into a few kilobytes and takes a minute to walk).
MAX_READ_ROWS = 2 * MAX_DATA_ROWS
#: Excel's own limits on the rows and columns of a sheet (A1:XFD1048576).
MAX_SHEET_ROWS = 1_048_576
MAX_SHEET_COLUMNS = 16_384
#: The header row is looked for among the first rows of the sheet.
HEADER_SCAN_ROWS = 30
PROGRESS_EVERY = 1_000
#: The first column of the templates; "Ví dụ" there marks the example row.
NUMBER_HEADERS = ("stt", "tt", "so tt", "so thu tu")
EXAMPLE_MARK = "vi du"


class Uncalculated:
    """A formula cell whose workbook holds no computed result."""

    def __init__(self, formula: str) -> None:
        self.formula = formula


class ErrorValue(str):
    """An Excel error value such as ``#DIV/0!``."""


@dataclass(frozen=True)
class Column:
    """One column a sheet may have: the field it fills and the headers that name it."""

    field: str
    title: str  # the header the template writes
    aliases: tuple[str, ...] = ()
    required: bool = False
    width: int = 18  # the template's column width, in characters
    note: str = ""  # the template's hint on the header

    def header_keys(self) -> list[str]:
        return [header_key(self.title), *(header_key(a) for a in self.aliases)]


@dataclass
class Layout:
    header_row: int
    fields: dict[int, Column]  # column number (1-based) → column
    headers: dict[str, tuple[str, str]]  # field → (column letter, header as written)
    number_column: int | None = None  # the "STT" column
    ignored: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Row:
    """One data row: its cells by field, and the problems found reading them."""

    sheet: str
    number: int
    cells: dict[str, Any]
    layout: Layout
    problems: list[Problem] = field(default_factory=list)

    def has(self, name: str) -> bool:
        return name in self.layout.headers

    def add(self, name: str | None, message: str, severity: Severity = Severity.ERROR) -> None:
        letter, header = self.layout.headers.get(name or "", (None, None))
        self.problems.append(Problem(self.sheet, self.number, letter, header, message, severity))

    def read(self, name: str, reader: Callable[[Any], T | None], default: T) -> T:
        """The value of field ``name`` through ``reader``; a problem and ``default`` when the
        cell cannot be read."""
        raw = self.cells.get(name)
        if isinstance(raw, Uncalculated):
            self.add(
                name,
                f"ô có công thức “={raw.formula}” nhưng tệp không lưu kết quả tính; hãy mở tệp "
                "bằng Excel, lưu lại rồi nhập, hoặc ghi giá trị thay cho công thức.",
            )
            return default
        if isinstance(raw, ErrorValue):
            self.add(name, f"ô có lỗi công thức {raw}.")
            return default
        try:
            value = reader(raw)
        except CellError as exc:
            self.add(name, exc.message)
            return default
        return default if value is None else value

    @property
    def has_error(self) -> bool:
        return any(p.severity == Severity.ERROR for p in self.problems)


def _refuse(path: Path, reason: str) -> InputError:
    return InputError(f"Tệp {path.name}: {reason}", english=f"{path.name}: cannot be read.")


#: What zipfile raises reading a damaged or hostile central directory (NotImplementedError,
#: a RuntimeError, for a "version needed to extract" it does not know).
_BROKEN_ARCHIVE = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    EOFError,
    RuntimeError,
    struct.error,
    IndexError,
    KeyError,
    OverflowError,
)


def _check_archive(path: Path, source: BinaryIO) -> None:
    """Refuse, from the zip's central directory alone, what would take long or much memory to
    open: too many parts, too much once inflated, a part inflating far beyond its packed size."""
    try:
        with zipfile.ZipFile(source) as archive:
            entries = archive.infolist()
    except _BROKEN_ARCHIVE:
        raise _refuse(path, "không phải bảng tính Excel (.xlsx) đọc được.") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise _refuse(
            path,
            f"chứa {format_number(len(entries))} phần, vượt giới hạn "
            f"{format_number(MAX_ZIP_ENTRIES)} phần của một bảng tính (tệp hỏng hoặc bất thường).",
        )
    if sum(entry.file_size for entry in entries) > MAX_INFLATED_BYTES:
        raise _refuse(path, "giải nén ra quá lớn, không đọc được (tệp hỏng hoặc bất thường).")
    for entry in entries:
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        ):
            raise _refuse(
                path,
                f"phần “{entry.filename[:80]}” nén với tỷ lệ bất thường "
                f"({format_number(entry.file_size)} byte từ {format_number(entry.compress_size)} "
                "byte; nghi tệp zip “bom”), không đọc.",
            )


@contextmanager
def opened_workbook(path: Path) -> Iterator[Any]:
    """The workbook, read-only, while the block runs; InputError in words for every way a file
    can be wrong. The file is closed afterwards even when openpyxl fails half-way (it leaves
    its own handle open then, which on Windows keeps the file locked)."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _refuse(
            path,
            "dạng Excel 97-2003 (.xls) không đọc được; hãy mở bằng Excel và lưu lại dạng "
            "“Excel Workbook (.xlsx)”.",
        )
    if suffix in (".csv", ".ods", ".json"):
        raise _refuse(path, f"cần bảng tính Excel (.xlsx), không phải tệp {suffix}.")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp {path}.") from None
    except OSError as exc:
        raise _refuse(path, f"không đọc được ({exc.strerror or exc}).") from None
    if path.is_dir():
        raise InputError(f"{path} là thư mục, không phải tệp Excel.")
    if size > MAX_FILE_BYTES:
        raise _refuse(path, f"quá lớn ({size // 2**20} MB; tối đa {MAX_FILE_BYTES // 2**20} MB).")
    try:
        source = open(path, "rb")  # noqa: SIM115 - closed below, after the caller's block
    except OSError as exc:
        raise _refuse(path, f"không mở được ({exc.strerror or exc}).") from None
    with source:
        _check_archive(path, source)
        source.seek(0)
        try:
            with warnings.catch_warnings():
                # openpyxl warns about what it does not support (data validation extensions,
                # unknown parts); a damaged file may trigger any of them. They change nothing.
                warnings.simplefilter("ignore")
                workbook = load_workbook(source, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
            raise _refuse(
                path, f"không phải bảng tính Excel (.xlsx) đọc được ({type(exc).__name__})."
            ) from None
        except Exception as exc:  # openpyxl raises many kinds on damaged files
            raise _refuse(path, f"bảng tính bị hỏng, không đọc được ({exc}).") from None
        try:
            yield workbook
        finally:
            workbook.close()


def choose_sheet(workbook: Any, path: Path, preferred: Sequence[str]) -> Any:
    """The sheet named like one of ``preferred`` (folded), else the first visible sheet."""
    sheets = [
        ws for ws in workbook.worksheets if getattr(ws, "sheet_state", "visible") == "visible"
    ]
    for ws in sheets:
        if header_key(ws.title) in {header_key(p) for p in preferred}:
            return ws
    if not sheets:
        raise _refuse(path, "không có trang tính nào đang hiện.")
    return sheets[0]


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _FORMULA = f"{_NS}row", f"{_NS}c", f"{_NS}v", f"{_NS}f"
_INLINE, _TEXT = f"{_NS}is", f"{_NS}t"
_COLUMNS: dict[str, int] = {}


def _column(reference: str) -> int:
    letters = reference.rstrip("0123456789")
    number = _COLUMNS.get(letters)
    if number is None:
        number = _COLUMNS[letters] = column_index_from_string(letters)
    return number


class _CellReader:
    """One cell's value, as openpyxl's reader would give it with ``data_only``."""

    def __init__(self, sheet: Any) -> None:
        workbook = sheet.parent
        self.strings = sheet._shared_strings
        self.dates = set(workbook._date_formats)
        self.durations = set(workbook._timedelta_formats)
        self.epoch = workbook.epoch

    def __call__(self, cell: Any) -> Any:
        kind = cell.get("t", "n")
        raw: str | None = None
        formula: str | None = None
        for child in cell:  # <v>, <f> and <v>, or <is>
            tag = child.tag
            if tag == _VALUE:
                raw = child.text
            elif tag == _INLINE:
                if len(child) == 1:  # one <t>: no rich-text runs to join
                    return child[0].text or None
                return "".join(child.itertext(_TEXT)) or None
            elif tag == _FORMULA:
                formula = child.text or ""
        if not raw:
            return None if formula is None else Uncalculated(formula)
        if kind == "s":
            return self.strings[int(raw)]
        if kind == "n":
            try:
                number: float | int = float(raw) if any(c in raw for c in ".eE") else int(raw)
            except ValueError:  # a number cell holding text: some programs write that
                return raw
            style = cell.get("s")
            if style and int(style) in self.dates:
                return self._date(number, int(style) in self.durations, raw)
            return number
        if kind == "str":
            return raw
        if kind == "b":
            return raw == "1"
        if kind == "e":
            return ErrorValue(raw)
        if kind == "d":
            return from_ISO8601(raw)
        return raw

    def _date(self, number: float, duration: bool, raw: str) -> Any:
        try:
            return from_excel(number, self.epoch, timedelta=duration)
        except (OverflowError, ValueError):
            return ErrorValue(f"#NGÀY? ({raw})")


_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
#: What a damaged archive raises while a part is being inflated.
_BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, OSError)


class _Damaged(Exception):
    """A row or cell that no spreadsheet program writes; the message says which."""


def _row_number(reference: str | None, previous: int) -> int:
    if reference is None:
        return previous + 1
    digits = reference.isascii() and reference.isdigit() and len(reference) <= 7
    if not digits or not 1 <= int(reference) <= MAX_SHEET_ROWS:
        raise _Damaged(f"số dòng “{reference[:20]}” không hợp lệ")
    return int(reference)


def _cell_column(reference: str | None, previous: int, row: int) -> int:
    if reference is None:
        return previous + 1
    match = _REFERENCE.fullmatch(reference)
    column = _column(match[1]) if match else 0
    if not 1 <= column <= MAX_SHEET_COLUMNS:
        raise _Damaged(f"địa chỉ ô “{reference[:20]}” không hợp lệ ở dòng {row}")
    return column


def _rows(sheet: Any, path: Path) -> Iterator[tuple[int, dict[int, Any]]]:
    """(row number, {column number: value}) of every row that has a cell, in order.

    lxml walks the sheet's XML row by row (about twice as fast as openpyxl's own read-only
    reader) and frees each row once read, so memory stays flat on big sheets. A row or cell
    address out of Excel's range, a value that cannot be read or a damaged part refuses the
    file, naming the sheet and the place."""
    workbook = sheet.parent
    title = sheet.title
    try:
        value_of = _CellReader(sheet)
        source = workbook._archive.open(sheet._worksheet_path)
    except (KeyError, AttributeError, TypeError, ValueError, *_BROKEN_ZIP):
        raise _refuse(path, f"trang “{title}” bị hỏng hoặc thiếu, không đọc được.") from None
    number = 0
    with source:
        rows = etree.iterparse(
            source,
            events=("end",),
            tag=_ROW,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        try:
            for _event, row in rows:
                number = _row_number(row.get("r"), number)
                cells: dict[int, Any] = {}
                column = 0
                for cell in row.iterchildren(_CELL):
                    column = _cell_column(cell.get("r"), column, number)
                    try:
                        value = value_of(cell)
                    except (ValueError, IndexError, TypeError, OverflowError, KeyError):
                        raise _Damaged(
                            f"ô {get_column_letter(column)}{number} có giá trị không đọc được"
                        ) from None
                    if value is not None:
                        cells[column] = value
                yield number, cells
                row.clear()
                while row.getprevious() is not None:
                    del row.getparent()[0]
        except etree.XMLSyntaxError as exc:
            raise _refuse(path, f"trang “{title}” bị hỏng ({exc.msg}).") from None
        except _Damaged as exc:
            raise _refuse(path, f"trang “{title}” bị hỏng: {exc}.") from None
        except _BROKEN_ZIP:
            raise _refuse(path, f"trang “{title}” bị hỏng (dữ liệu nén sai).") from None


def _blank_row(cells: dict[int, Any]) -> bool:
    return all(is_blank(v) for v in cells.values())


def _match(
    upper: dict[int, Any], lower: dict[int, Any], columns: Sequence[Column]
) -> tuple[dict[int, Column], dict[int, str], dict[int, str]]:
    """Columns of a header row ``lower`` (with the row above for two-line headers):
    (matched, their headers as written, headers not understood)."""
    keys = {key: column for column in columns for key in column.header_keys() if key}
    matched: dict[int, Column] = {}
    written: dict[int, str] = {}
    unknown: dict[int, str] = {}
    for number in sorted(set(lower) | set(upper)):
        low = "" if is_blank(lower.get(number)) else str(lower[number]).strip()
        up = "" if is_blank(upper.get(number)) else str(upper[number]).strip()
        candidates = [low, f"{up} {low}", up] if low else [up]
        for text in candidates:
            column = keys.get(header_key(text))
            if column is not None:
                matched[number] = column
                written[number] = " ".join(text.split())
                break
        else:
            if low:
                unknown[number] = " ".join(low.split())
    return matched, written, unknown


def find_layout(
    sheet_name: str, head: list[tuple[int, dict[int, Any]]], columns: Sequence[Column]
) -> Layout:
    """The header row among the first rows: the one naming the most known columns."""
    best: tuple[int, int, dict[int, Column], dict[int, str], dict[int, str]] | None = None
    previous: dict[int, Any] = {}
    for number, cells in head:
        if _blank_row(cells):
            continue
        matched, written, unknown = _match(previous, cells, columns)
        fields = {c.field for c in matched.values()}
        if best is None or len(fields) > best[0]:
            best = (len(fields), number, matched, written, unknown)
        previous = cells
    first = next((n for n, cells in head if not _blank_row(cells)), 1)
    required = [c for c in columns if c.required]
    if best is None or best[0] == 0:
        names = ", ".join(f"“{c.title}”" for c in required) or "nào"
        problem = Problem(
            sheet_name,
            first if head else None,
            None,
            None,
            f"không thấy dòng tiêu đề có cột {names} trong {HEADER_SCAN_ROWS} dòng đầu.",
        )
        return Layout(first, {}, {}, problems=[problem])
    _count, row, matched, written, unknown = best
    layout = Layout(row, {}, {})
    for number, column in matched.items():
        letter = get_column_letter(number)
        if column.field in layout.headers:
            other = layout.headers[column.field][0]
            layout.problems.append(
                Problem(
                    sheet_name,
                    row,
                    letter,
                    written[number],
                    f"cột {other} và cột {letter} cùng là “{column.title}”; hãy xóa hoặc đổi tên "
                    "một cột.",
                )
            )
            continue
        layout.fields[number] = column
        layout.headers[column.field] = (letter, written[number])
    for number, text in unknown.items():
        if header_key(text) in NUMBER_HEADERS:
            layout.number_column = number
        else:
            layout.ignored.append(f"{get_column_letter(number)}: {text}")
    for column in required:
        if column.field not in layout.headers:
            layout.problems.append(
                Problem(
                    sheet_name,
                    row,
                    None,
                    None,
                    f"không thấy cột “{column.title}” trong dòng tiêu đề.",
                )
            )
    return layout


_NUMBERING = re.compile(r"\(?\d{1,3}\)?")


def _numbering_row(cells: dict[int, Any]) -> bool:
    """The row of column numbers (1), (2), (3)… that Vietnamese forms put under the header."""
    values = [str(v).strip() for v in cells.values() if not is_blank(v)]
    return len(values) >= 3 and all(_NUMBERING.fullmatch(v) for v in values)


def read_sheet(
    path: Path,
    columns: Sequence[Column],
    preferred_sheets: Sequence[str],
    build: Callable[[Row], tuple[str, T | None]],
    progress: Progress | None = None,
) -> Preview[T]:
    """Read ``path`` into a preview: ``build(row)`` turns each data row into (label, value),
    adding the row's problems to ``row.problems``."""
    with opened_workbook(path) as workbook:
        sheet = choose_sheet(workbook, path, preferred_sheets)
        total = sheet.max_row or 0  # 0: the file does not say (progress shows activity)
        preview: Preview[T] = Preview(path.name, sheet.title)
        rows = _rows(sheet, path)
        head: list[tuple[int, dict[int, Any]]] = []
        for item in rows:
            head.append(item)
            if len(head) >= HEADER_SCAN_ROWS:
                break
        layout = find_layout(sheet.title, head, columns)
        preview.header_row = layout.header_row
        preview.problems.extend(layout.problems)
        preview.columns = dict(layout.headers)
        preview.ignored = layout.ignored
        if any(p.severity == Severity.ERROR for p in layout.problems):
            return preview
        fields = [(number, column.field) for number, column in layout.fields.items()]
        after = [item for item in head if item[0] > layout.header_row]
        first_data = True
        number = layout.header_row
        for seen, (number, cells) in enumerate(_chain(after, rows), start=1):
            if progress and seen % PROGRESS_EVERY == 0 and not progress(number, total):
                raise ImportCancelled()
            if seen > MAX_READ_ROWS:
                preview.problems.append(
                    Problem(
                        sheet.title,
                        number,
                        None,
                        None,
                        f"trang có hơn {format_number(MAX_READ_ROWS)} dòng kể cả dòng trống "
                        "có định dạng; hãy xóa các dòng thừa ở cuối trang hoặc chia thành nhiều "
                        "tệp nhỏ hơn.",
                    )
                )
                break
            values = {name: cells[n] for n, name in fields if n in cells}
            if all(is_blank(v) for v in values.values()):
                continue
            if first_data and _numbering_row(cells):
                first_data = False
                continue
            first_data = False
            mark = cells.get(layout.number_column or 0)
            if isinstance(mark, str) and header_key(mark).startswith(EXAMPLE_MARK):
                continue
            if len(preview.rows) >= MAX_DATA_ROWS:
                preview.problems.append(
                    Problem(
                        sheet.title,
                        number,
                        None,
                        None,
                        f"trang có hơn {format_number(MAX_DATA_ROWS)} dòng dữ liệu; hãy chia "
                        "thành nhiều tệp nhỏ hơn.",
                    )
                )
                break
            row = Row(sheet.title, number, values, layout)
            label, value = build(row)
            preview.rows.append(
                PreviewRow(number, label, None if row.has_error else value, row.problems)
            )
        if progress and not progress(max(number, total), max(number, total)):
            raise ImportCancelled()
        return preview


def _chain(
    first: list[tuple[int, dict[int, Any]]], rest: Iterator[tuple[int, dict[int, Any]]]
) -> Iterator[tuple[int, dict[int, Any]]]:
    yield from first
    yield from rest
