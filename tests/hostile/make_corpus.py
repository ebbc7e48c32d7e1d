"""Write the hostile-input corpus of issue 16 into tests/data/hostile/ (``python -m
tests.hostile.make_corpus``): crafted JSON imports (``json-*``), workbooks (``cells-*.xlsx``),
changes to a signed bundle (``bundle-*.json``: bag-info labels and unit.json keys to
replace; the test signs it again) and command lines (``cli-*.json``). What each one must
cause is in corpus.toml beside them.

The files are committed; this script is how they were made, and ``test_corpus`` checks that it
still makes the same ones (all but the workbooks, whose zip bytes carry the time they were
made)."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tests.records.conftest import EXAMPLE

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
#: The kinds of input this corpus owns (other tests keep other files in the same folder).
KINDS = ("json-", "cells-", "bundle-", "cli-", "formula-")


def _record(**changes: Any) -> dict[str, Any]:
    raw = copy.deepcopy(EXAMPLE)
    raw.update(changes)
    return raw


def _author(**changes: Any) -> dict[str, Any]:
    raw = copy.deepcopy(EXAMPLE)
    raw["authors"][0].update(changes)
    return raw


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode()


JSON_INPUTS: dict[str, Callable[[], Any]] = {
    "json-nul-in-title.json": lambda: [_record(title="Đồ gá hàn\u0000 nhanh")],
    "json-ctrl-in-author.json": lambda: [_author(full_name="Nguyễn\u0001 Thị Hường")],
    "json-bell-in-content.json": lambda: [_record(content="Dưỡng đo\u0007 tự chế.")],
    "json-escape-in-decision.json": lambda: [
        _record(recognition={**EXAMPLE["recognition"], "decision_no": "15/QĐ\u001b[31m"})
    ],
    "json-created-year-9999.json": lambda: [_record(created_at="9999-12-31T23:59:00")],
    "json-submitted-year-0001.json": lambda: [_record(submitted_on="0001-01-01")],
    "json-birth-1850.json": lambda: [_author(birth_date="1850-01-01")],
    "json-pct-1e308.json": lambda: [_author(contribution_pct=1e308)],
    "json-pct-negative.json": lambda: [_author(contribution_pct=-20)],
    "json-long-text-over-excel.json": lambda: [_record(novelty="Mới. " * 7_000)],
    "json-tabs-and-lines-in-content.json": lambda: [
        _record(content="Bước 1:\tcắt ống.\r\nBước 2:\tgá vào dưỡng.\nBước 3: hàn.")
    ],
}

#: Members sheets: header, then one row per member (the template's first columns).
_MEMBER_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Phòng ban"]
CELLS_INPUTS: dict[str, list[list[Any]]] = {
    "cells-member-born-9999.xlsx": [[1, "Nguyễn Văn An", "31/12/9999", "Nam", "Hàn"]],
    "cells-member-born-0001.xlsx": [[1, "Nguyễn Văn An", "0001-01-01", "Nam", "Hàn"]],
    "cells-member-name-100k.xlsx": [[1, "Nguyễn " * 14_000, "02/01/1985", "Nam", "Hàn"]],
    "cells-member-name-control.xlsx": [[1, "Nguyễn Văn \u0001An", "02/01/1985", "Nam", "Hàn"]],
}

#: Changes to a valid bundle, which is then signed again by its key: bag-info.txt labels
#: replaced (``bag_info``), keys of unit.json replaced (``unit_json``).
BUNDLE_INPUTS: dict[str, dict[str, dict[str, str]]] = {
    "bundle-sequence-999999999999.json": {"bag_info": {"SangKien-Bundle-Sequence": "999999999999"}},
    "bundle-sequence-100000.json": {"bag_info": {"SangKien-Bundle-Sequence": "100000"}},
    "bundle-sequence-gap.json": {"bag_info": {"SangKien-Bundle-Sequence": "5000"}},
    "bundle-id-65-chars.json": {"bag_info": {"SangKien-Bundle-Id": "B" * 65}},
    "bundle-created-year-9999.json": {
        "bag_info": {"SangKien-Created-At": "9999-12-31T23:00:00+07:00"}
    },
    "bundle-unit-name-301-chars.json": {"bag_info": {"SangKien-Unit-Name": "C" * 301}},
    "bundle-unit-json-control.json": {"unit_json": {"name": "Công đoàn\u0001 Cơ sở"}},
    "bundle-unit-json-cluster-long.json": {"unit_json": {"cluster": "Cụm " * 100}},
}

CLI_INPUTS: dict[str, list[str]] = {
    "cli-stats-today-0001.json": ["stats", "--today", "01/01/0001"],
    "cli-stats-today-9999.json": ["stats", "--today", "31/12/9999"],
    "cli-audit-limit-20-digits.json": ["audit", "log", "--limit", "99999999999999999999"],
    "cli-audit-limit-zero.json": ["audit", "log", "--limit", "0"],
    "cli-audit-limit-text.json": ["audit", "log", "--limit", "mười"],
    "cli-search-limit-huge.json": ["search", "hàn", "--limit", "9223372036854775808"],
    "cli-member-name-100k.json": ["member", "add", "Nguyễn " * 14_000],
    "cli-member-name-control.json": ["member", "add", "Nguyễn\u0001 Văn An"],
    "cli-move-reason-control.json": ["move", "SK-2022-0001", "REJECTED", "--reason", "Trùng\u0001"],
    "cli-move-date-0001.json": ["move", "SK-2022-0001", "SUBMITTED", "--date", "01/01/0001"],
    "cli-init-name-control.json": ["init", "--name", "Công đoàn\u0001", "--code", "CDCS-X"],
    "cli-init-place-long.json": [
        "init",
        "--name",
        "Công đoàn",
        "--code",
        "X",
        "--place",
        "H" * 101,
    ],
}

#: Text a spreadsheet would read as a formula, in every text field the exports write.
FORMULA_TEXTS = [
    '=HYPERLINK("http://x.invalid","Bấm vào")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
]


def _formula_records() -> list[dict[str, Any]]:
    records = []
    for n, text in enumerate(FORMULA_TEXTS, start=1):
        raw = copy.deepcopy(EXAMPLE)
        raw["id"] = f"00000000-0000-4000-8000-{n:012d}"
        raw["code"] = f"SK-2022-{n:04d}"
        raw["title"] = text
        raw["field"] = text
        raw["content"] = text
        raw["authors"][0]["full_name"] = text
        raw["authors"][0]["workplace"] = text
        raw["recognition"]["body"] = text
        records.append(raw)
    return records


def member_workbook(rows: list[list[Any]]) -> bytes:
    """A members sheet; cells openpyxl refuses to hold (control characters) are written as
    the XML character reference a hand-edited file would carry."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Đoàn viên"
    sheet.append(_MEMBER_HEADER)
    marks: dict[str, str] = {}
    for row in rows:
        safe = []
        for value in row:
            if isinstance(value, str) and any(ord(ch) < 32 for ch in value):
                mark = f"CTRL{len(marks)}"
                marks[mark] = "".join(f"&#{ord(ch)};" if ord(ch) < 32 else ch for ch in value)
                value = mark
            safe.append(value)
        sheet.append(safe)
    buffer = BytesIO()
    book.save(buffer)
    if not marks:
        return buffer.getvalue()
    source = zipfile.ZipFile(BytesIO(buffer.getvalue()))
    out = BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/"):
                for mark, text in marks.items():
                    data = data.replace(mark.encode(), text.encode())
            target.writestr(info, data)
    return out.getvalue()


def corpus() -> dict[str, bytes]:
    """Every file of the corpus, by name."""
    files = {name: _json(make()) for name, make in JSON_INPUTS.items()}
    files |= {name: member_workbook(rows) for name, rows in CELLS_INPUTS.items()}
    files |= {name: _json(changes) for name, changes in BUNDLE_INPUTS.items()}
    files |= {name: _json({"args": args}) for name, args in CLI_INPUTS.items()}
    files["formula-records.json"] = _json(_formula_records())
    return files


def main() -> None:
    HOSTILE.mkdir(parents=True, exist_ok=True)
    for name, data in corpus().items():
        (HOSTILE / name).write_bytes(data)


if __name__ == "__main__":
    main()
