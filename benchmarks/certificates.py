"""Batch printing of 1,000 recognition certificates (issue: printed documents): ours — from
the database, numbers taken, laid out, written safely — against plain reportlab drawing the
same strings with the same fonts on the same pages, in the same run and with the same reportlab
settings (``register_fonts`` turns the ASCII85 armour of page streams off for both)."""

from __future__ import annotations

import itertools
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from benchmarks.common import Row
from benchmarks.data import make_database
from sangkien_desktop.documents.eligibility import blocking_findings
from sangkien_desktop.documents.fonts import BOLD, BOLD_ITALIC, ITALIC, SERIF, register_fonts
from sangkien_desktop.documents.furniture import MOTTO, NATIONAL_HEADING
from sangkien_desktop.documents.service import RECOGNISED_STATES, print_certificates
from sangkien_desktop.documents.settings import load_settings
from sangkien_desktop.documents.wording import place_and_day
from sangkien_desktop.program import ProgramProfile, load_profile
from sangkien_desktop.storage import open_database
from sangkien_desktop.storage.convert import to_record
from sangkien_desktop.storage.models import Initiative
from sangkien_desktop.text import format_date

CERTIFICATES = 1_000
INITIATIVES = 1_200  # about 4 in 7 are recognised, with 2 authors on average
REPEAT = 5
PAGE = landscape(A4)


def _interleaved(ours: Callable[[], float], baseline: Callable[[], float]) -> tuple[float, float]:
    """Median milliseconds of each, run in turns so that load from elsewhere on the machine
    falls on both alike; each callable returns the seconds of the part to count."""
    ours()
    baseline()
    pairs = [(ours() * 1000, baseline() * 1000) for _ in range(REPEAT)]
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def _selection(
    db_path: Path, profile: ProgramProfile
) -> tuple[list[str], list[list[tuple[str, str]]]]:
    """Codes the eligibility gate lets through holding exactly ``CERTIFICATES`` authors (or as
    close as the data allows), and the (font, text) lines each of their certificates shows."""
    db = open_database(db_path)
    settings = load_settings(db)
    day = place_and_day(settings.place, date.today())
    codes: list[str] = []
    pages: list[list[tuple[str, str]]] = []
    with db.reader() as session:
        rows = session.scalars(
            select(Initiative)
            .where(Initiative.status.in_(RECOGNISED_STATES))
            .options(selectinload(Initiative.authors), selectinload(Initiative.attachments))
            .order_by(Initiative.code)
        )
        for row in rows:
            if len(pages) + len(row.authors) > CERTIFICATES:
                continue
            if blocking_findings(to_record(row), profile):
                continue
            codes.append(row.code)
            for author in row.authors:
                others = ", ".join(a.full_name for a in row.authors if a is not author)
                pages.append(
                    [
                        (SERIF, settings.superior_body.upper()),
                        (BOLD, settings.issuing_body.upper()),
                        (BOLD, NATIONAL_HEADING),
                        (BOLD, MOTTO),
                        (SERIF, f"Số: {len(pages) + 1}/{settings.certificate_symbol}"),
                        (BOLD, "GIẤY CHỨNG NHẬN SÁNG KIẾN"),
                        (ITALIC, "Chứng nhận ông (bà):"),
                        (BOLD, author.full_name.upper()),
                        (SERIF, f"Nơi công tác: {author.workplace}"),
                        (ITALIC, "Là đồng tác giả sáng kiến:" if others else "Là tác giả:"),
                        (BOLD_ITALIC, f"“{row.title}”"),
                        (SERIF, f"Mã sáng kiến: {row.code}"),
                        (ITALIC, f"Các đồng tác giả: {others}."),
                        (
                            SERIF,
                            f"Đã được công nhận là sáng kiến theo Quyết định số {row.decision_no} "
                            f"ngày {format_date(row.decided_on)} của {row.recognition_body}.",
                        ),
                        (ITALIC, day),
                        (BOLD, settings.on_behalf),
                        (BOLD, settings.signatory_title),
                        (BOLD, settings.signatory_name),
                    ]
                )
            if len(pages) == CERTIFICATES:
                break
    db.close()
    return codes, pages


def _plain_reportlab(pages: list[list[tuple[str, str]]], out: Path) -> None:
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, initialFontName=SERIF)
    for lines in pages:
        canvas.rect(10 * mm, 10 * mm, PAGE[0] - 20 * mm, PAGE[1] - 20 * mm)
        canvas.rect(12.5 * mm, 12.5 * mm, PAGE[0] - 25 * mm, PAGE[1] - 25 * mm)
        y = PAGE[1] - 25 * mm
        for font, text in lines:
            canvas.setFont(font, 14)
            canvas.drawCentredString(PAGE[0] / 2, y, text)
            y -= 24
        canvas.showPage()
    canvas.save()
    out.write_bytes(buffer.getvalue())


def run() -> list[Row]:
    profile = load_profile()
    register_fonts()
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "template.sqlite"
        make_database(template, INITIATIVES, profile).close()
        codes, pages = _selection(template, profile)
        out = Path(folder) / "out.pdf"
        copies = itertools.count()

        def ours() -> float:
            """One print on a fresh copy, where every number is new (the copy not counted)."""
            path = Path(folder) / f"copy-{next(copies)}.sqlite"
            shutil.copyfile(template, path)
            db = open_database(path)
            try:
                start = time.perf_counter()
                count = print_certificates(db, profile, out, codes)
                elapsed = time.perf_counter() - start
            finally:
                db.close()
            assert count == len(pages), count
            return elapsed

        def plain() -> float:
            start = time.perf_counter()
            _plain_reportlab(pages, out)
            return time.perf_counter() - start

        ours_ms, plain_ms = _interleaved(ours, plain)
    return [
        Row(
            f"{len(pages):,} certificates, numbered, one PDF",
            ours_ms,
            "plain reportlab canvas, same strings and fonts",
            plain_ms,
            "≤ 1.3× baseline",
        )
    ]
