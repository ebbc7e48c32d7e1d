"""The recognition certificate (Giấy chứng nhận sáng kiến): A4 landscape, one page per author.

What is the same on every page of a batch (border, heading, title, signatory, logo) is drawn
once into a PDF form XObject and placed on each page; only the number, the person, the
initiative and the date are drawn per page. A line that fits is drawn directly; anything
longer (titles, decisions, co-author lists, very long names) is a wrapping Paragraph, and a
page whose text would not fit is shrunk to fit rather than run into the signature.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import BinaryIO

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, KeepInFrame, Spacer

from sangkien_desktop.documents.fonts import BOLD, BOLD_ITALIC, ITALIC, SERIF, register_fonts
from sangkien_desktop.documents.furniture import (
    CREATOR,
    PrintCancelled,
    heading,
    make_canvas,
    para,
    signatory,
    styles,
    upper,
)
from sangkien_desktop.documents.numbering import document_number
from sangkien_desktop.documents.settings import DocumentSettings
from sangkien_desktop.documents.wording import place_and_day
from sangkien_desktop.errors import InputError
from sangkien_desktop.text import format_date, nfc

PAGE = landscape(A4)
TITLE = "GIẤY CHỨNG NHẬN SÁNG KIẾN"
FORM_NAME = "certificateFurniture"
RED = HexColor("#8b1a1a")
BORDER_OUTER = 10 * mm
BORDER_INNER = 12.5 * mm
SIDE = 22 * mm
TOP = 19 * mm
LOGO_HEIGHT = 20 * mm
SIGNATURE_SPLIT = 0.52  # the signature column starts at this share of the width

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class CertificateData:
    """One certificate: one author of one recognised initiative."""

    number: int
    year: int
    issued_on: date
    author_name: str
    salutation: str  # "ông", "bà", or "ông (bà)" when the gender is not known
    workplace: str
    co_authors: tuple[str, ...]
    code: str
    title: str
    kind_name: str
    decision_no: str
    decided_on: date | None
    decision_body: str
    #: A research project (đề tài nghiên cứu khoa học) is worded as one: its level, its head
    #: (chủ nhiệm), its acceptance and the confirmation of its effect (Guidance 46, I.2.3).
    research: ResearchFacts | None = None


@dataclass(frozen=True)
class ResearchFacts:
    level: str  # "Cấp tỉnh"
    is_lead: bool  # this page's person is the head of the project
    lead_name: str
    accepted_on: date | None = None
    applied_since: date | None = None
    confirmed_by: str = ""
    confirmation_no: str = ""
    confirmed_on: date | None = None


def research_kind(level: str) -> str:
    """``Cấp tỉnh`` → ``Đề tài nghiên cứu khoa học cấp tỉnh``."""
    level = level.strip()
    return f"Đề tài nghiên cứu khoa học {level[:1].lower()}{level[1:]}".strip()


def research_note(facts: ResearchFacts) -> str:
    """``chủ nhiệm: X; nghiệm thu ngày …; hiệu quả xác nhận tại văn bản số … ngày …`` (the
    annex of a reward decision)."""
    parts = [f"chủ nhiệm: {facts.lead_name}" if facts.lead_name else ""]
    if facts.accepted_on:
        parts.append(f"nghiệm thu ngày {format_date(facts.accepted_on)}")
    if facts.confirmation_no or facts.confirmed_on:
        confirmed = "hiệu quả xác nhận"
        if facts.confirmation_no:
            confirmed += f" tại văn bản số {facts.confirmation_no}"
        if facts.confirmed_on:
            confirmed += f" ngày {format_date(facts.confirmed_on)}"
        parts.append(confirmed)
    return "; ".join(p for p in parts if p)


def research_record(facts: ResearchFacts) -> str:
    """The acceptance and the confirmation of effect, as one sentence."""
    parts = [f"Đề tài đã được nghiệm thu ngày {format_date(facts.accepted_on)}"]
    if facts.applied_since:
        parts.append(f"áp dụng vào thực tiễn từ ngày {format_date(facts.applied_since)}")
    confirmed = "hiệu quả áp dụng đã được xác nhận"
    if facts.confirmed_by:
        confirmed += f" bởi {facts.confirmed_by}"
    if facts.confirmation_no:
        confirmed += f" tại văn bản số {facts.confirmation_no}"
    if facts.confirmed_on:
        confirmed += f" ngày {format_date(facts.confirmed_on)}"
    parts.append(confirmed)
    return ", ".join(parts) + "."


def number_text(data: CertificateData, settings: DocumentSettings) -> str:
    return f"Số: {document_number(data.number, settings.certificate_symbol)}"


def _style(name: str, font: str, size: float, color: Color = black) -> ParagraphStyle:
    leading = round(size * 1.22, 1)
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading, alignment=TA_CENTER, textColor=color
    )


@dataclass(frozen=True)
class _Styles:
    lead: ParagraphStyle
    name: ParagraphStyle
    line: ParagraphStyle
    title: ParagraphStyle
    note: ParagraphStyle
    heading: ParagraphStyle


def _styles() -> _Styles:
    return _Styles(
        lead=_style("cert_lead", ITALIC, 16),
        name=_style("cert_name", BOLD, 24, HexColor("#0b2a5b")),
        line=_style("cert_line", SERIF, 15),
        title=_style("cert_title", BOLD_ITALIC, 19, HexColor("#0b2a5b")),
        note=_style("cert_note", ITALIC, 14.5),
        heading=_style("cert_heading", BOLD, 28, RED),
    )


@lru_cache(maxsize=4096)
def _width(text: str, font: str, size: float) -> float:
    """Width of a line; the lines every page repeats are measured once."""
    return stringWidth(text, font, size)


@dataclass
class _Block:
    """One line of the body: drawn directly when ``flowable`` is None, else wrapped."""

    text: str
    style: ParagraphStyle
    height: float
    space_before: float
    width: float = 0
    flowable: Flowable | None = None


class CertificateWriter:
    """Writes certificates, one per page, to ``out`` (a path or a binary file object)."""

    def __init__(self, out: str | BinaryIO, settings: DocumentSettings) -> None:
        register_fonts()
        self.settings = settings
        self.styles = _styles()
        self.canvas = make_canvas(out, pagesize=PAGE)
        self.canvas.setTitle(nfc(TITLE.capitalize()))
        self.canvas.setCreator(CREATOR)
        self.canvas.setAuthor(nfc(settings.issuing_body))
        self.width = PAGE[0] - 2 * SIDE
        self.pages = 0
        self._layout()

    def _layout(self) -> None:
        """Draw the furniture once into a form XObject and note where the rest goes."""
        c, settings, width = self.canvas, self.settings, self.width
        page_w, page_h = PAGE
        c.beginForm(FORM_NAME)
        c.setStrokeColor(RED)
        c.setLineWidth(2.4)
        c.rect(BORDER_OUTER, BORDER_OUTER, page_w - 2 * BORDER_OUTER, page_h - 2 * BORDER_OUTER)
        c.setLineWidth(0.8)
        c.rect(BORDER_INNER, BORDER_INNER, page_w - 2 * BORDER_INNER, page_h - 2 * BORDER_INNER)
        c.setStrokeColor(black)
        top = heading(settings, width, None, None)
        _, height = top.wrapOn(c, width, page_h)
        top.drawOn(c, SIDE, page_h - TOP - height)
        y = page_h - TOP - height
        left_width = top._colWidths[0]
        self.number_at = (SIDE + left_width / 2, y - 17)
        y -= 30
        if settings.logo_path:
            try:
                logo = ImageReader(settings.logo_path)
                logo_w, logo_h = logo.getSize()
            except OSError as exc:
                raise InputError(
                    f"Không đọc được logo “{settings.logo_path}”: {exc}. Sửa đường dẫn logo "
                    "trong cài đặt văn bản."
                ) from exc
            draw_w = LOGO_HEIGHT * logo_w / max(logo_h, 1)
            c.drawImage(
                logo, (page_w - draw_w) / 2, y - LOGO_HEIGHT, draw_w, LOGO_HEIGHT, mask="auto"
            )
            y -= LOGO_HEIGHT + 6
        title = self.styles.heading
        c.setFillColor(title.textColor)
        c.setFont(title.fontName, title.fontSize)
        c.drawCentredString(page_w / 2, y - title.fontSize, nfc(TITLE))
        c.setFillColor(black)
        self.body_top = y - title.fontSize - 16
        # The signatory: right column, under a date line drawn per page.
        sign_x = SIDE + width * SIGNATURE_SPLIT
        sign_w = width * (1 - SIGNATURE_SPLIT)
        date_style = styles().date_line
        block = signatory(settings, gap=22 * mm)
        heights = [f.wrapOn(c, sign_w, page_h)[1] for f in block]
        y = BORDER_INNER + 10 * mm + sum(heights)
        self.date_at = (sign_x + sign_w / 2, y + 5)
        self.body_bottom = y + date_style.leading + 8
        for flowable, h in zip(block, heights, strict=True):
            y -= h
            flowable.drawOn(c, sign_x, y)
        c.endForm()

    def _lines(self, data: CertificateData) -> list[tuple[str, ParagraphStyle, float]]:
        s = self.styles
        lines: list[tuple[str, ParagraphStyle, float]] = [
            (f"Chứng nhận {data.salutation}:", s.lead, 0),
            (upper(data.author_name), s.name, 4),
        ]
        if data.workplace:
            lines.append((f"Nơi công tác: {data.workplace}", s.line, 0))
        if data.research is not None:
            return lines + self._research_lines(data, data.research)
        role = "Là đồng tác giả sáng kiến:" if data.co_authors else "Là tác giả sáng kiến:"
        lines.append((role, s.lead, 8))
        lines.append((f"“{data.title}”", s.title, 3))
        kind = f" – Loại: {data.kind_name}" if data.kind_name else ""
        lines.append((f"Mã sáng kiến: {data.code}{kind}", s.line, 6))
        if data.co_authors:
            lines.append((f"Các đồng tác giả: {', '.join(data.co_authors)}.", s.note, 0))
        body = f" của {data.decision_body}" if data.decision_body else ""
        lines.append(
            (
                f"Đã được công nhận là sáng kiến theo Quyết định số {data.decision_no} ngày "
                f"{format_date(data.decided_on)}{body}.",
                s.line,
                8,
            )
        )
        return lines

    def _research_lines(
        self, data: CertificateData, facts: ResearchFacts
    ) -> list[tuple[str, ParagraphStyle, float]]:
        s = self.styles
        kind = research_kind(facts.level)
        role = "Là chủ nhiệm đề tài:" if facts.is_lead else "Là thành viên đề tài:"
        lines: list[tuple[str, ParagraphStyle, float]] = [
            (role, s.lead, 8),
            (f"“{data.title}”", s.title, 3),
            (f"Mã số: {data.code} – {kind}", s.line, 6),
        ]
        if not facts.is_lead and facts.lead_name:
            lines.append((f"Chủ nhiệm đề tài: {facts.lead_name}.", s.note, 0))
        members = [n for n in data.co_authors if n != facts.lead_name]
        if members:
            lines.append((f"Các thành viên khác: {', '.join(members)}.", s.note, 0))
        lines.append((research_record(facts), s.line, 8))
        if data.decision_no:
            body = f" của {data.decision_body}" if data.decision_body else ""
            lines.append(
                (
                    f"Được công nhận theo Quyết định số {data.decision_no} ngày "
                    f"{format_date(data.decided_on)}{body}.",
                    s.line,
                    4,
                )
            )
        return lines

    def _blocks(self, data: CertificateData) -> list[_Block]:
        blocks = []
        for text, style, space in self._lines(data):
            text = nfc(text)
            width = _width(text, style.fontName, style.fontSize)
            if width <= self.width - 2:
                blocks.append(_Block(text, style, style.leading, space, width))
            else:
                flowable = para(text, style)
                _, height = flowable.wrap(self.width, self.body_top)
                blocks.append(_Block(text, style, height, space, width, flowable))
        return blocks

    def add(self, data: CertificateData) -> None:
        c = self.canvas
        c.doForm(FORM_NAME)
        # One text object for every line that fits: reportlab's drawString would measure each
        # string a second time and open a text block per line.
        text = c.beginText()
        text.setFont(SERIF, 13)
        self._centred(text, self.number_at, nfc(number_text(data, self.settings)), SERIF, 13)
        day = place_and_day(self.settings.place, data.issued_on)
        text.setFont(ITALIC, 13)
        self._centred(text, self.date_at, day, ITALIC, 13)
        blocks = self._blocks(data)
        available = self.body_top - self.body_bottom
        total = sum(b.height + b.space_before for b in blocks)
        if total > available:
            c.drawText(text)
            self._draw_shrunk(blocks, available)
        else:
            self._draw(text, blocks, self.body_top - (available - total) * 0.35)
        c.showPage()
        self.pages += 1

    @staticmethod
    def _centred(
        text: PDFTextObject, at: tuple[float, float], line: str, font: str, size: float
    ) -> None:
        text.setTextOrigin(at[0] - _width(line, font, size) / 2, at[1])
        text.textLine(line)

    def _draw(self, text: PDFTextObject, blocks: list[_Block], y: float) -> None:
        c, centre = self.canvas, PAGE[0] / 2
        for block in blocks:
            y -= block.space_before
            if block.flowable is None:
                style = block.style
                text.setFillColor(style.textColor)
                text.setFont(style.fontName, style.fontSize)
                text.setTextOrigin(centre - block.width / 2, y - style.fontSize)
                text.textLine(block.text)  # textOut would measure it again
            else:
                block.flowable.drawOn(c, SIDE, y - block.height)
            y -= block.height
        text.setFillColor(black)
        c.drawText(text)

    def _draw_shrunk(self, blocks: list[_Block], available: float) -> None:
        content: list[Flowable] = []
        for block in blocks:
            content += [
                Spacer(1, block.space_before),
                block.flowable or para(block.text, block.style),
            ]
        frame = KeepInFrame(self.width, available, content, mode="shrink")
        _, height = frame.wrapOn(self.canvas, self.width, available)
        frame.drawOn(self.canvas, SIDE, self.body_top - height)

    def save(self) -> None:
        self.canvas.save()


def write_certificates(
    out: str | BinaryIO,
    certificates: Iterable[CertificateData],
    settings: DocumentSettings,
    total: int,
    progress: Progress | None = None,
) -> int:
    """Write every certificate to ``out``; PrintCancelled (nothing saved) when ``progress``
    returns False. Returns the number of pages."""
    writer = CertificateWriter(out, settings)
    for done, data in enumerate(certificates, start=1):
        writer.add(data)
        if progress is not None and not progress(done, total):
            raise PrintCancelled(
                "Đã hủy in giấy chứng nhận: chưa ghi tệp và chưa cấp số nào.",
                english="Printing cancelled: no file written, no number taken.",
            )
    writer.save()
    return writer.pages
