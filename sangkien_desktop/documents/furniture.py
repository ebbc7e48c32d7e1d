"""Page furniture shared by every document: styles, the Decree 30 heading (issuing body and
number on the left, national heading, motto and date on the right), signature blocks, dotted
blanks for missing data, and building a PDF.

Every string goes through :func:`esc` (NFC, XML-escaped) or :func:`nfc` before it is drawn:
reportlab does no shaping, so decomposed text would put the accents beside their letters.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sangkien_desktop import __version__
from sangkien_desktop.documents.fonts import BOLD, BOLD_ITALIC, ITALIC, SERIF, register_fonts
from sangkien_desktop.documents.settings import DocumentSettings
from sangkien_desktop.errors import InputError
from sangkien_desktop.files import atomic_write_bytes
from sangkien_desktop.text import nfc

NATIONAL_HEADING = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
CREATOR = f"Sáng Kiến Desktop {__version__}"


@dataclass(frozen=True)
class Margins:
    """Decree 30, Appendix I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm."""

    top: float = 20 * mm
    bottom: float = 20 * mm
    left: float = 30 * mm
    right: float = 15 * mm


PORTRAIT_MARGINS = Margins()


class PrintCancelled(InputError):
    """The person pressed Cancel: nothing was written, no number was taken."""


def upper(text: str) -> str:
    """Upper case of Vietnamese text (NFC first, so combining marks stay on their letters)."""
    return nfc(text).upper()


def esc(text: str | None) -> str:
    """NFC and XML-escaped: safe inside Paragraph markup."""
    return escape(nfc(text or ""))


def para(text: str | None, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text (no markup)."""
    return Paragraph(esc(text), style)


def markup(xml: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of markup whose data parts were passed through :func:`esc`."""
    return Paragraph(nfc(xml), style)


def _style(name: str, font: str = SERIF, size: float = 13, **kwargs: Any) -> ParagraphStyle:
    kwargs.setdefault("leading", round(size * 1.25, 1))
    # reportlab squeezes the spaces of a justified line by up to 5 % to fit one more word,
    # which pushes its natural width past the margin; a line only ever stretches here.
    kwargs.setdefault("spaceShrinkage", 0)
    return ParagraphStyle(name, fontName=font, fontSize=size, **kwargs)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_center: ParagraphStyle
    field: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    subject: ParagraphStyle
    italic_center: ParagraphStyle
    head: ParagraphStyle
    head_bold: ParagraphStyle
    national: ParagraphStyle
    motto: ParagraphStyle
    number: ParagraphStyle
    date_line: ParagraphStyle
    sign: ParagraphStyle
    sign_note: ParagraphStyle
    recipients_title: ParagraphStyle
    recipients: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle


@cache
def styles() -> Styles:
    """The paragraph styles of Decree 30 (sizes in points; body 13 with at least 6 pt between
    paragraphs, heading lines 12–13, the subject of a decision 14)."""
    register_fonts()
    return Styles(
        body=_style(
            "body", alignment=TA_JUSTIFY, leading=17, spaceAfter=6, firstLineIndent=10 * mm
        ),
        body_center=_style("body_center", alignment=TA_CENTER, leading=17),
        field=_style("field", alignment=TA_JUSTIFY, leading=17, spaceAfter=2),
        title=_style("title", BOLD, 14, alignment=TA_CENTER, spaceBefore=10),
        subtitle=_style("subtitle", BOLD, 13, alignment=TA_CENTER, leading=16.5),
        subject=_style("subject", BOLD, 14, alignment=TA_CENTER, leading=17.5),
        italic_center=_style("italic_center", ITALIC, 13, alignment=TA_CENTER),
        head=_style("head", SERIF, 12, alignment=TA_CENTER, leading=14.5),
        head_bold=_style("head_bold", BOLD, 12, alignment=TA_CENTER, leading=14.5),
        national=_style("national", BOLD, 12, alignment=TA_CENTER, leading=14.5),
        motto=_style("motto", BOLD, 13, alignment=TA_CENTER, leading=15.5),
        number=_style("number", SERIF, 13, alignment=TA_CENTER, leading=16),
        date_line=_style("date_line", ITALIC, 13, alignment=TA_CENTER, leading=16),
        sign=_style("sign", BOLD, 13, alignment=TA_CENTER, leading=16),
        sign_note=_style("sign_note", ITALIC, 12, alignment=TA_CENTER, leading=14.5),
        recipients_title=_style("recipients_title", BOLD_ITALIC, 12, leading=14),
        recipients=_style("recipients", SERIF, 11, leading=13),
        cell=_style("cell", SERIF, 12, leading=14.5),
        cell_center=_style("cell_center", SERIF, 12, alignment=TA_CENTER, leading=14.5),
        cell_right=_style("cell_right", SERIF, 12, alignment=2, leading=14.5),
        cell_head=_style("cell_head", BOLD, 12, alignment=TA_CENTER, leading=14.5),
    )


class Rule(Flowable):
    """A short horizontal rule centred in its column (under the issuing body and the motto)."""

    def __init__(
        self, width: float, thickness: float = 0.6, above: float = 4, below: float = 2
    ) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = thickness
        self.above = above
        self.below = below

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.avail = aW
        self.rule_width = min(self.rule_width, aW)
        return aW, self.above + self.below + self.thickness

    def draw(self) -> None:
        x = (self.avail - self.rule_width) / 2
        y = self.below + self.thickness / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, y, x + self.rule_width, y)


def line_width(text: str, style: ParagraphStyle, width: float) -> float:
    """The width of the widest line ``text`` takes when wrapped at ``width``."""
    lines = simpleSplit(nfc(text), style.fontName, style.fontSize, width)
    return max((stringWidth(line, style.fontName, style.fontSize) for line in lines), default=0)


GUTTER = 4 * mm  # between the issuing body and the national heading


def balanced(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """``text`` on as few lines as ``width`` allows, those lines as even as possible
    ("CÔNG ĐOÀN CÔNG TY CỔ PHẦN / CƠ KHÍ ĐÔNG ANH", not a last word alone)."""
    text = nfc(text)
    lines = simpleSplit(text, style.fontName, style.fontSize, width)
    if len(lines) > 1:
        narrow, wide = width / len(lines), width
        while wide - narrow > 1:
            middle = (narrow + wide) / 2
            if len(simpleSplit(text, style.fontName, style.fontSize, middle)) > len(lines):
                narrow = middle
            else:
                wide = middle
        lines = simpleSplit(text, style.fontName, style.fontSize, wide)
    return Paragraph("<br/>".join(esc(line) for line in lines), style)


def issuing_block(settings: DocumentSettings, width: float) -> list[Flowable]:
    """Upper-level union (regular), issuing union (bold) and the rule under it. Decree 30
    sets 12–13 pt: a long name wraps onto even lines rather than shrinks below that."""
    s = styles()
    block: list[Flowable] = []
    if settings.superior_body:
        block.append(balanced(upper(settings.superior_body), s.head, width))
    issuing = upper(settings.issuing_body)
    block.append(balanced(issuing, s.head_bold, width))
    block.append(Rule(line_width(issuing, s.head_bold, width) * 0.4))
    return block


def national_block() -> list[Flowable]:
    """National heading and motto, with a rule as long as the motto under it."""
    s = styles()
    return [
        para(NATIONAL_HEADING, s.national),
        para(MOTTO, s.motto),
        Rule(stringWidth(MOTTO, s.motto.fontName, s.motto.fontSize)),
    ]


_HEADING_STYLE = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 4),
    ]
)


def heading_widths(width: float) -> tuple[float, float]:
    """Left (issuing body) and right (national heading) columns of the heading: the right
    one just wide enough for the national heading on one line (a portrait page), or 45 % of a
    wider page (the landscape certificate), the rest for the issuing body."""
    s = styles()
    national = stringWidth(NATIONAL_HEADING, s.national.fontName, s.national.fontSize)
    right = max(national + GUTTER, width * 0.45)
    return width - right, right


def heading(
    settings: DocumentSettings, width: float, number: str | None, date_line: str | None
) -> Table:
    """The two-block heading: issuing body over ``number`` on the left; national heading and
    motto over ``date_line`` on the right, "Số" and the date on one baseline."""
    s = styles()
    left_width, right_width = heading_widths(width)
    issuing = issuing_block(settings, left_width - GUTTER)
    rows: list[list[Any]] = [[issuing, national_block()]]
    if number is not None or date_line is not None:
        rows.append([para(number or "", s.number), para(date_line or "", s.date_line)])
    table = Table(rows, colWidths=[left_width, right_width], hAlign="CENTER")
    table.setStyle(_HEADING_STYLE)
    table.setStyle(TableStyle([("RIGHTPADDING", (0, 0), (0, -1), GUTTER)]))
    return table


def signature(
    lines: Sequence[str], note: str | None = None, name: str | None = None, gap: float = 24 * mm
) -> list[Flowable]:
    """A signature slot: bold title lines, an italic note, room to sign, the name in bold."""
    s = styles()
    block: list[Flowable] = [para(line, s.sign) for line in lines if line]
    if note:
        block.append(para(note, s.sign_note))
    block.append(Spacer(1, gap))
    if name:
        block.append(para(name, s.sign))
    return block


def signatory(settings: DocumentSettings, gap: float = 24 * mm) -> list[Flowable]:
    """``TM. BAN CHẤP HÀNH`` / ``CHỦ TỊCH`` / room to sign / name."""
    return signature(
        [upper(settings.on_behalf), upper(settings.signatory_title)],
        None,
        settings.signatory_name,
        gap,
    )


def columns(
    left: list[Flowable] | Flowable, right: list[Flowable] | Flowable, width: float, split: float
) -> Table:
    """Two columns side by side (``split``: share of the width on the left), tops aligned."""
    table = Table([[left, right]], colWidths=[width * split, width * (1 - split)])
    table.setStyle(_HEADING_STYLE)
    return table


def dots(width: float, style: ParagraphStyle) -> str:
    """A run of dots as wide as ``width`` (a blank to fill in by hand)."""
    dot = stringWidth(".", style.fontName, style.fontSize)
    return "." * max(int(width / dot) - 2, 3)


def field(
    label: str,
    value: str | None,
    width: float,
    style: ParagraphStyle,
    blank_lines: int = 0,
    bold_label: bool = False,
) -> list[Flowable]:
    """``label value`` — or the label followed by dotted blanks where the value is missing:
    the rest of the line, then ``blank_lines`` more full lines."""
    shown = f"<b>{esc(label)}</b>" if bold_label else esc(label)
    if value and value.strip():
        return [markup(f"{shown} {esc(value.strip())}", style)]
    font = BOLD if bold_label else style.fontName
    lines = simpleSplit(nfc(label), font, style.fontSize, width) or [""]
    used = stringWidth(lines[-1] + " ", font, style.fontSize) if len(lines[-1]) else 0
    rest = width - used if width - used > 20 else width
    flowables: list[Flowable] = [markup(f"{shown} {dots(rest, style)}", style)]
    flowables += [para(dots(width, style), style) for _ in range(blank_lines)]
    return flowables


def make_canvas(out: str | BinaryIO, **kwargs: Any) -> Canvas:
    """A canvas whose initial font is ours (reportlab would put a non-embedded Helvetica
    in every page's resources)."""
    register_fonts()
    kwargs["initialFontName"] = kwargs.get("initialFontName") or SERIF
    kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 13
    kwargs["pageCompression"] = 1
    return Canvas(out, **kwargs)


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """Decree 30: page numbers from the second page, centred in the top margin."""
    canvas.saveState()
    canvas.setFont(SERIF, 13)
    canvas.drawCentredString(doc.pagesize[0] / 2, doc.pagesize[1] - 12 * mm, str(doc.page))
    canvas.restoreState()


def build_pdf(
    story: list[Flowable],
    title: str,
    pagesize: tuple[float, float] = A4,
    margins: Margins = PORTRAIT_MARGINS,
) -> bytes:
    """Lay out ``story`` on A4 pages (text exactly within the Decree 30 margins, page numbers
    from the second page) and return the PDF."""
    register_fonts()
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margins.left,
        rightMargin=margins.right,
        topMargin=margins.top,
        bottomMargin=margins.bottom,
        title=nfc(title),
        creator=CREATOR,
        author=CREATOR,
    )
    frame = Frame(
        margins.left,
        margins.bottom,
        frame_width(pagesize, margins),
        pagesize[1] - margins.top - margins.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate("first", [frame], autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=_page_number),
        ]
    )
    doc.build(story, canvasmaker=make_canvas)
    return buffer.getvalue()


def frame_width(pagesize: tuple[float, float] = A4, margins: Margins = PORTRAIT_MARGINS) -> float:
    return pagesize[0] - margins.left - margins.right


def check_output(path: Path) -> Path:
    """The output file, its folder created; InputError when it cannot be written there."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"“{path}” là một thư mục; hãy chọn tên tệp PDF để lưu.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"Không tạo được thư mục {path.parent}: {exc.strerror}.") from exc
    if not os.access(path.parent, os.W_OK):
        raise InputError(f"Không ghi được vào thư mục {path.parent}.")
    return path


def write_pdf(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step: never half a PDF under the final name."""
    atomic_write_bytes(path, data)
