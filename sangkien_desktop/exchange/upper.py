"""Upper-level totals of the units whose bundles were combined, and their Excel report.

- Only initiatives received in their unit's signed bundles count (``received_initiatives``):
  the upper union's own and anything not brought by a signed bundle are left out.
- An initiative is *eligible* when it has no error finding and its eligibility date falls in a
  phase of the program (PROGRAM.md §2, §3, §5); totals show all initiatives and the eligible ones.
- Participation rate of a unit (PROGRAM.md §4) = distinct credited authors of its eligible
  initiatives ÷ the headcount its newest bundle reported, against the profile's target (10%).
  Authors are told apart by folded name and date of birth.
- Quarters are those of the eligibility date (the day the initiative became eligible), so a
  re-sent bundle never moves an initiative to another quarter.
- Quarterly ranking (PROGRAM.md §6, 46/HD-TLĐ Section V): inside each emulation cluster/block,
  units are ranked by their eligible initiatives of the quarter. A unit is *recognised* when it
  has the most in its cluster and, at the same time, more than its own target for that quarter
  ("cao hơn chỉ tiêu": strictly more). A unit without a target for the quarter cannot be
  recognised.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from sangkien_desktop.files import atomic_write_bytes
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.security.access import authorise
from sangkien_desktop.spreadsheets.cells import append_row, put
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import (
    Author,
    Initiative,
    ReceivedBundle,
    ReceivedInitiative,
    Target,
    Unit,
)
from sangkien_desktop.text import fold, format_date

NO_CLUSTER = "(chưa ghi cụm, khối)"


@dataclass
class UnitTotals:
    unit_id: int
    code: str
    name: str
    cluster: str
    headcount: int | None
    initiatives: int = 0
    eligible: int = 0
    by_phase: dict[int, int] = field(default_factory=dict)  # eligible, per phase
    economic_value_vnd: int = 0  # of eligible initiatives
    credited_authors: int = 0
    bundles: int = 0
    last_sequence: int | None = None

    @property
    def participation_pct(self) -> float | None:
        if not self.headcount:
            return None
        return 100.0 * self.credited_authors / self.headcount


@dataclass
class GroupTotals:
    key: str
    name: str
    units: int = 0
    initiatives: int = 0
    eligible: int = 0
    credited_authors: int = 0
    headcount: int = 0

    @property
    def participation_pct(self) -> float | None:
        return 100.0 * self.credited_authors / self.headcount if self.headcount else None


@dataclass
class RankRow:
    year: int
    quarter: int
    cluster: str
    rank: int
    unit_code: str
    unit_name: str
    count: int
    target: int | None
    beats_target: bool
    recognised: bool


@dataclass
class UpperReport:
    target_pct: float
    units: list[UnitTotals]
    clusters: list[GroupTotals]
    kinds: list[GroupTotals]
    phases: list[GroupTotals]
    quarters: list[GroupTotals]
    ranking: list[RankRow]
    made_on: date

    @property
    def totals(self) -> GroupTotals:
        whole = GroupTotals("", "Tổng cộng")
        for u in self.units:
            whole.units += 1
            whole.initiatives += u.initiatives
            whole.eligible += u.eligible
            whole.credited_authors += u.credited_authors
            whole.headcount += u.headcount or 0
        return whole


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def upper_report(db: Database, profile: ProgramProfile) -> UpperReport:
    """Totals of every unit whose signed bundles brought initiatives into this database. Only
    initiatives received in a signed bundle of their own unit count: the upper union's own, and
    anything written by an unsigned import or outside the application, never do."""
    with db.reader() as session:
        units = {u.id: u for u in session.scalars(select(Unit))}
        rows = session.execute(
            select(
                Initiative.id,
                Initiative.unit_id,
                Initiative.kind,
                Initiative.phase,
                Initiative.error_count,
                Initiative.eligibility_date,
                Initiative.credited_author,
                Initiative.economic_value_vnd,
            ).join(
                ReceivedInitiative,
                (ReceivedInitiative.initiative_id == Initiative.id)
                & (ReceivedInitiative.unit_id == Initiative.unit_id),
            )
        ).all()
        eligible_ids = [r[0] for r in rows if r[4] == 0 and r[3] is not None]
        births: dict[tuple[str, str], date | None] = {}
        for start in range(0, len(eligible_ids), 900):
            for initiative_id, name, born in session.execute(
                select(Author.initiative_id, Author.full_name, Author.birth_date).where(
                    Author.initiative_id.in_(eligible_ids[start : start + 900])
                )
            ):
                births[(initiative_id, name)] = born
        bundles: dict[int, list[int]] = defaultdict(list)
        for unit_id, sequence in session.execute(
            select(ReceivedBundle.unit_id, ReceivedBundle.sequence)
        ):
            bundles[unit_id].append(sequence)
        targets = {
            (t.unit_id, t.year, t.quarter): t.count
            for t in session.scalars(select(Target).where(Target.quarter.is_not(None)))
        }
    totals: dict[int, UnitTotals] = {}
    authors: dict[int, set[tuple[str, date | None]]] = defaultdict(set)
    kinds: dict[str, GroupTotals] = {}
    phases: dict[str, GroupTotals] = {}
    quarters: dict[tuple[int, int], GroupTotals] = {}
    per_quarter: dict[tuple[int, int], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for initiative_id, unit_id, kind, phase, errors, eligible_on, credited, value in rows:
        unit = units[unit_id]
        t = totals.get(unit_id)
        if t is None:
            t = totals[unit_id] = UnitTotals(
                unit_id, unit.code, unit.name, unit.cluster or NO_CLUSTER, unit.headcount
            )
        eligible = errors == 0 and phase is not None
        t.initiatives += 1
        k = kinds.get(kind)
        if k is None:
            found = profile.kind(kind)
            k = kinds[kind] = GroupTotals(kind, found.name if found else kind)
        k.initiatives += 1
        phase_key = str(phase) if phase is not None else "-"
        p = phases.get(phase_key)
        if p is None:
            p = phases[phase_key] = GroupTotals(
                phase_key, f"Giai đoạn {phase}" if phase else "Ngoài các giai đoạn / chưa đủ ĐK"
            )
        p.initiatives += 1
        if not eligible or phase is None:
            continue
        t.eligible += 1
        k.eligible += 1
        p.eligible += 1
        t.by_phase[phase] = t.by_phase.get(phase, 0) + 1
        t.economic_value_vnd += value or 0
        if credited:
            authors[unit_id].add((fold(credited), births.get((initiative_id, credited))))
        if eligible_on is not None:
            yq = quarter_of(eligible_on)
            q = quarters.get(yq)
            if q is None:
                q = quarters[yq] = GroupTotals(f"{yq[0]}-Q{yq[1]}", f"Quý {yq[1]}/{yq[0]}")
            q.initiatives += 1
            q.eligible += 1
            per_quarter[yq][unit_id] += 1
    for unit_id, t in totals.items():
        t.credited_authors = len(authors[unit_id])
        t.bundles = len(bundles.get(unit_id, []))
        t.last_sequence = max(bundles[unit_id]) if bundles.get(unit_id) else None
    ordered = sorted(totals.values(), key=lambda u: (fold(u.cluster), fold(u.name), u.code))
    clusters: dict[str, GroupTotals] = {}
    for u in ordered:
        c = clusters.setdefault(u.cluster, GroupTotals(u.cluster, u.cluster))
        c.units += 1
        c.initiatives += u.initiatives
        c.eligible += u.eligible
        c.credited_authors += u.credited_authors
        c.headcount += u.headcount or 0
    ranking = _ranking(ordered, per_quarter, targets)
    return UpperReport(
        target_pct=profile.participation_target_pct,
        units=ordered,
        clusters=list(clusters.values()),
        kinds=sorted(
            kinds.values(),
            key=lambda g: profile.kind_codes.index(g.key) if g.key in profile.kind_codes else 99,
        ),
        phases=sorted(phases.values(), key=lambda g: g.key),
        quarters=[quarters[k] for k in sorted(quarters)],
        ranking=ranking,
        made_on=date.today(),
    )


def _ranking(
    units: Sequence[UnitTotals],
    per_quarter: dict[tuple[int, int], dict[int, int]],
    targets: dict[tuple[int, int | None, int | None], int],
) -> list[RankRow]:
    rows: list[RankRow] = []
    by_cluster: dict[str, list[UnitTotals]] = defaultdict(list)
    for u in units:
        by_cluster[u.cluster].append(u)
    for year, quarter in sorted(per_quarter):
        counts = per_quarter[(year, quarter)]
        for cluster, members in by_cluster.items():
            entries = [
                (counts.get(u.unit_id, 0), u, targets.get((u.unit_id, year, quarter)))
                for u in members
            ]
            entries = [e for e in entries if e[0] or e[2] is not None]
            if not entries:
                continue
            entries.sort(key=lambda e: (-e[0], fold(e[1].name)))
            best = entries[0][0]
            rank = 0
            previous = None
            for position, (count, unit, target) in enumerate(entries, start=1):
                if count != previous:
                    rank, previous = position, count
                beats = target is not None and count > target
                rows.append(
                    RankRow(
                        year,
                        quarter,
                        cluster,
                        rank,
                        unit.code,
                        unit.name,
                        count,
                        target,
                        beats,
                        beats and count == best and count > 0,
                    )
                )
    return rows


# --- Excel --------------------------------------------------------------------------------

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_PCT = '0.0"%"'
_MONEY = "#,##0"


def _sheet(book: Workbook, title: str, heading: str, headers: Sequence[tuple[str, int]]) -> Any:
    sheet = book.create_sheet(title)
    put(sheet["A1"], heading).font = _TITLE
    for index, (name, width) in enumerate(headers, start=1):
        cell = put(sheet.cell(row=3, column=index), name)
        cell.font = _BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[3].height = 44  # room for the wrapped headers
    sheet.freeze_panes = "A4"
    # Printed on A4 landscape, every column on the page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "3:3"
    return sheet


def _put(sheet: Any, values: Sequence[Any], formats: dict[int, str] | None = None) -> None:
    row = append_row(sheet, values)
    for column, fmt in (formats or {}).items():
        sheet.cell(row=row, column=column).number_format = fmt


def _pct(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


def upper_workbook(report: UpperReport) -> bytes:
    import io

    book = Workbook()
    book.remove(book.active)
    made = format_date(report.made_on)
    target = f"{report.target_pct:g}%"
    sheet = _sheet(
        book,
        "Đơn vị",
        f"Tổng hợp sáng kiến theo đơn vị — lập ngày {made} (chỉ tiêu tham gia {target})",
        [
            ("STT", 6),
            ("Mã đơn vị", 16),
            ("Tên đơn vị", 44),
            ("Cụm, khối thi đua", 30),
            ("Số sáng kiến", 11),
            ("Đủ điều kiện", 11),
            ("Giai đoạn 1", 11),
            ("Giai đoạn 2", 11),
            ("Giá trị làm lợi (đồng)", 18),
            ("Tác giả được công nhận", 12),
            ("Số người", 10),
            ("Tỷ lệ tham gia", 10),
            (f"Đạt {target}", 8),
            ("Số gói đã nhận", 9),
            ("Gói mới nhất", 9),
        ],
    )
    for number, u in enumerate(report.units, start=1):
        pct = u.participation_pct
        met = "" if pct is None else ("Đạt" if pct >= report.target_pct else "Chưa đạt")
        _put(
            sheet,
            [
                number,
                u.code,
                u.name,
                u.cluster,
                u.initiatives,
                u.eligible,
                u.by_phase.get(1, 0),
                u.by_phase.get(2, 0),
                u.economic_value_vnd,
                u.credited_authors,
                u.headcount,
                _pct(pct),
                met,
                u.bundles,
                u.last_sequence,
            ],
            {9: _MONEY, 12: _PCT},
        )
    whole = report.totals
    _put(
        sheet,
        [
            "",
            "",
            whole.name,
            "",
            whole.initiatives,
            whole.eligible,
            sum(u.by_phase.get(1, 0) for u in report.units),
            sum(u.by_phase.get(2, 0) for u in report.units),
            sum(u.economic_value_vnd for u in report.units),
            whole.credited_authors,
            whole.headcount,
            _pct(whole.participation_pct),
            "",
            "",
            "",
        ],
        {9: _MONEY, 12: _PCT},
    )
    for cell in sheet[sheet.max_row]:
        cell.font = _BOLD
    sheet = _sheet(
        book,
        "Cụm, khối",
        f"Tổng hợp theo cụm, khối thi đua — lập ngày {made}",
        [
            ("Cụm, khối thi đua", 40),
            ("Số đơn vị", 10),
            ("Số sáng kiến", 11),
            ("Đủ điều kiện", 11),
            ("Tác giả được công nhận", 12),
            ("Số người", 10),
            ("Tỷ lệ tham gia", 10),
        ],
    )
    for c in report.clusters:
        _put(
            sheet,
            [
                c.name,
                c.units,
                c.initiatives,
                c.eligible,
                c.credited_authors,
                c.headcount,
                _pct(c.participation_pct),
            ],
            {7: _PCT},
        )
    for title, heading, groups in (
        ("Loại", "Theo loại giải pháp", report.kinds),
        ("Giai đoạn", "Theo giai đoạn của Chương trình", report.phases),
        ("Quý", "Sáng kiến đủ điều kiện theo quý (ngày đủ điều kiện)", report.quarters),
    ):
        sheet = _sheet(
            book,
            title,
            f"{heading} — lập ngày {made}",
            [(title, 40), ("Số sáng kiến", 12), ("Đủ điều kiện", 12)],
        )
        for g in groups:
            _put(sheet, [g.name, g.initiatives, g.eligible])
    sheet = _sheet(
        book,
        "Xếp hạng quý",
        "Xếp hạng theo quý trong từng cụm, khối (nhiều sáng kiến nhất và cao hơn chỉ tiêu quý)",
        [
            ("Quý", 10),
            ("Cụm, khối thi đua", 34),
            ("Hạng", 6),
            ("Mã đơn vị", 16),
            ("Tên đơn vị", 44),
            ("Sáng kiến trong quý", 11),
            ("Chỉ tiêu quý", 10),
            ("Cao hơn chỉ tiêu", 10),
            ("Được ghi nhận", 10),
        ],
    )
    for r in report.ranking:
        _put(
            sheet,
            [
                f"Q{r.quarter}/{r.year}",
                r.cluster,
                r.rank,
                r.unit_code,
                r.unit_name,
                r.count,
                r.target if r.target is not None else "chưa có",
                "Có" if r.beats_target else "Không",
                "Ghi nhận" if r.recognised else "",
            ],
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_upper_report(report: UpperReport, path: Path, db: Database | None = None) -> Path:
    """Write the Excel report (to a temporary file, then renamed). With ``db`` (the database
    the report was read from), whoever is signed in must be allowed "report.export"."""
    if db is not None:
        authorise(db, "report.export")
    atomic_write_bytes(Path(path), upper_workbook(report))
    return Path(path)
