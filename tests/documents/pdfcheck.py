"""The document check: Decree 30 / 933/QĐ-TLĐ measured on a rendered PDF, from the PDF alone.

``problems(path)`` returns a list of sentences, one per fault found, empty for a good PDF:
margins, heading lines (12–13 pt, one line each, clear of each other), numbers below 10 with a
leading zero, the number in 13 pt and the place and date in 13–14 pt italic, the subject (14 pt
bold), the body (13–14 pt, at least 6 pt between paragraphs), Vietnamese letters (NFC, none
lost), every font embedded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.units import mm

from sangkien_desktop.documents.fonts import BOLD, ITALIC
from sangkien_desktop.documents.furniture import MOTTO, NATIONAL_HEADING
from tests.documents.conftest import Run, face_names, text_runs

#: Decree 30, Appendix I: left 30–35 mm, right 15–20 mm, top and bottom 20–25 mm.
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
#: The certificate is framed: its text stays inside the inner border.
CERTIFICATE_FRAME = 12.5 * mm
SLACK = 0.6  # points: rounding of positions and widths
HEADING_GAP = 5 * mm  # between the issuing body's lines and the national heading
PARAGRAPH_SPACE = 6  # points, Decree 30: at least 6 pt between paragraphs
PARAGRAPH_STARTS = ("Căn cứ", "Xét đề nghị", "Điều ")
DATE_LINE = re.compile(r", ngày \d\d tháng \d\d? năm \d{4}")
NUMBER = re.compile(r"(?:Số:|[Qq]uyết định số)\s*(\d+)/")


@dataclass(frozen=True)
class Line:
    page: int
    y: float
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return " ".join(r.text.strip() for r in sorted(self.runs, key=lambda r: r.x))

    @property
    def left(self) -> float:
        return min(r.x for r in self.runs)

    @property
    def right(self) -> float:
        return max(r.x + r.width for r in self.runs)


def lines_of(runs: Iterable[Run], xmin: float = 0, xmax: float = 1e9) -> list[Line]:
    """Runs on the same baseline (within 1 pt) of one page, between ``xmin`` and ``xmax``,
    top to bottom."""
    found: dict[tuple[int, float], list[Run]] = {}
    for run in runs:
        if not xmin - SLACK <= run.x <= xmax:
            continue
        key = next(
            (k for k in found if k[0] == run.page and abs(k[1] - run.y) < 1), (run.page, run.y)
        )
        found.setdefault(key, []).append(run)
    lines = [Line(page, y, tuple(rs)) for (page, y), rs in found.items()]
    return sorted(lines, key=lambda line: (line.page, -line.y))


def _sizes(line: Line) -> set[float]:
    return {round(r.size, 1) for r in line.runs}


class Check:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.runs, self.page_width = text_runs(path)
        reader = PdfReader(path)
        self.page_height = float(reader.pages[0].mediabox.height)
        self.reader = reader
        self.text = "\n".join(page.extract_text() for page in reader.pages)
        self.landscape = self.page_width > self.page_height
        self.found: list[str] = []

    def fault(self, message: str) -> None:
        self.found.append(f"{self.path.name}: {message}")

    def margins(self) -> None:
        if self.landscape:
            left = right = top = bottom = CERTIFICATE_FRAME
        else:
            left, right, top, bottom = LEFT, RIGHT, TOP, BOTTOM
        for run in self.runs:
            page_number = run.text.strip().isdigit() and run.y > self.page_height - top
            if page_number and run.page > 0:
                continue  # Decree 30: page numbers from page 2, in the top margin
            if run.x < left - SLACK or run.x + run.width > self.page_width - right + SLACK:
                self.fault(f"page {run.page + 1}: “{run.text[:40]}” outside the side margins")
            if run.y < bottom - SLACK or run.y + run.size * 0.7 > self.page_height - top + SLACK:
                self.fault(f"page {run.page + 1}: “{run.text[:40]}” in the top or bottom margin")

    def leading_zero(self) -> None:
        for number in NUMBER.findall(self.text):
            if len(number) < 2:
                self.fault(f"number “{number}” below 10 without its leading zero")

    def letters(self) -> None:
        if unicodedata.normalize("NFC", self.text) != self.text or "\ufffd" in self.text:
            self.fault("text is not NFC or lost letters")
        names = face_names()
        for page in self.reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                base = str(font["/BaseFont"]).split("+", 1)[-1]
                if "/DescendantFonts" in font:
                    font = font["/DescendantFonts"][0].get_object()
                descriptor = font["/FontDescriptor"].get_object()
                if base not in names or "/FontFile2" not in descriptor:
                    self.fault(f"font {base} is not one of ours, embedded")

    def heading(self) -> None:
        """Every heading line 12–13 pt (motto 13–14) on its own line; the issuing body's
        lines clear of the national heading."""
        national = [r for r in self.runs if r.page == 0 and r.text.strip() == NATIONAL_HEADING]
        if not national:
            return
        if len(national) != 1:
            self.fault("the national heading is not one line")
            return
        head = national[0]
        if not 12 <= round(head.size, 1) <= 13 or head.face != BOLD:
            self.fault(f"national heading {head.size:.1f} pt, not 12–13 pt bold")
        motto = [r for r in self.runs if r.page == 0 and r.text.strip() == MOTTO]
        if len(motto) != 1 or not 13 <= round(motto[0].size, 1) <= 14:
            self.fault("the motto is not one line of 13–14 pt")
        # The issuing block: left of the national heading, from its top down to the number.
        # A form a person signs (application, description) has none.
        number = [r for r in self.runs if r.page == 0 and r.text.startswith("Số:")]
        if not number:
            return
        if round(number[0].size, 1) != 13:
            self.fault(f"“{number[0].text}” is {number[0].size:.1f} pt, not 13 pt")
        dated = [r for r in self.runs if r.page == 0 and DATE_LINE.search(r.text)]
        if not dated or not 13 <= round(dated[0].size, 1) <= 14 or dated[0].face != ITALIC:
            self.fault("the place and date line is not 13–14 pt italic")
        floor = number[0].y
        left = [
            r
            for r in self.runs
            if r.page == 0 and r.x + r.width < head.x and floor < r.y <= head.y + head.size
        ]
        if not left:
            self.fault("no issuing body left of the national heading")
        for run in left:
            if not 12 <= round(run.size, 1) <= 13:
                self.fault(f"heading line “{run.text}” is {run.size:.1f} pt, not 12–13 pt")
        gap = min((head.x - (r.x + r.width) for r in left), default=HEADING_GAP)
        if gap < HEADING_GAP - SLACK:
            self.fault(f"the issuing body is {gap / mm:.1f} mm from the national heading")

    def decision(self) -> None:
        """The subject 14 pt bold; the body 13–14 pt with ≥ 6 pt between paragraphs."""
        if "QUYẾT ĐỊNH:" not in self.text:
            return
        lines = lines_of(self.runs)
        first = [line for line in lines if line.page == 0]
        texts = [line.text for line in first]
        start = texts.index("QUYẾT ĐỊNH") + 1
        board = next(i for i, t in enumerate(texts) if t.startswith("BAN CHẤP HÀNH"))
        for line in first[start:board]:
            if _sizes(line) != {14.0} or {r.face for r in line.runs} != {BOLD}:
                self.fault(f"subject line “{line.text[:40]}” is not 14 pt bold")
        body = [
            line
            for line in first[board + 1 :]
            if line.left < LEFT + 12 * mm and line.text != "QUYẾT ĐỊNH:"
        ]
        body = body[: next(i for i, b in enumerate(body) if b.text.startswith("Nơi nhận"))]
        steps = []
        for before, line in pairwise(body):
            if not 13 <= min(_sizes(line)) <= max(_sizes(line)) <= 14:
                self.fault(f"body line “{line.text[:40]}” is not 13–14 pt")
            steps.append((before.y - line.y, line.text.startswith(PARAGRAPH_STARTS)))
        within = min((step for step, starts in steps if not starts), default=None)
        if within is None:
            return
        for step, starts in steps:
            if starts and step < within + PARAGRAPH_SPACE - SLACK:
                self.fault(f"{step - within:.1f} pt between paragraphs, Decree 30 asks ≥ 6 pt")
                break

    def run(self) -> list[str]:
        self.margins()
        self.leading_zero()
        self.letters()
        self.heading()
        self.decision()
        return self.found


def problems(path: Path) -> list[str]:
    """Every fault the check finds in the PDF at ``path``; empty when it passes."""
    return Check(path).run()
