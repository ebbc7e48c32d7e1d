"""``make bench``: every figure beside a baseline measured in the same run, and the ratio.

Run one group with ``python -m benchmarks search`` (names: see GROUPS)."""

from __future__ import annotations

import platform
import sys
from datetime import datetime

from benchmarks.audit import run as audit
from benchmarks.bundles import run as bundles
from benchmarks.certificates import run as certificates
from benchmarks.common import Row, print_table
from benchmarks.initiative_list import run as initiative_list
from benchmarks.memory import run as memory
from benchmarks.search import run as search
from benchmarks.spreadsheets import run as spreadsheets
from benchmarks.startup import run as startup
from benchmarks.validation import run as validation

GROUPS = {
    "startup": startup,
    "search": search,
    "list": initiative_list,
    "validation": validation,
    "bundles": bundles,
    "certificates": certificates,
    "memory": memory,
    "spreadsheets": spreadsheets,
    "audit": audit,
}


def main(argv: list[str]) -> int:
    wanted = argv or list(GROUPS)
    unknown = [name for name in wanted if name not in GROUPS]
    if unknown:
        print(f"unknown benchmark group(s): {', '.join(unknown)}; known: {', '.join(GROUPS)}")
        return 2
    rows: list[Row] = []
    for name in wanted:
        rows.extend(GROUPS[name]())
    print(
        f"Sáng Kiến Desktop benchmarks — {datetime.now():%Y-%m-%d %H:%M}, "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
