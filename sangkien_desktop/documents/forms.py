"""The dossier forms of PROGRAM.md §8, filled from an initiative record, with dotted blanks
where the record has nothing yet (the author fills them in by hand before signing):

- ``application``: Đơn yêu cầu công nhận sáng kiến (Circular 18/2013/TT-BKHCN, Appendix I);
- ``description``: Mô tả sáng kiến (sections 3.1–3.5);
- ``receipt``: Giấy biên nhận đơn (Appendix II), with the date the unit promises to answer by;
- ``portal_sheet``: Phiếu thông tin sáng kiến, one page of what the national portal asks.

Each function returns the PDF as bytes.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, Spacer, Table, TableStyle

from sangkien_desktop.documents.certificate import research_kind
from sangkien_desktop.documents.checklist import checklist_page
from sangkien_desktop.documents.eligibility import blocking_findings
from sangkien_desktop.documents.fonts import SERIF
from sangkien_desktop.documents.furniture import (
    PORTRAIT_MARGINS,
    columns,
    dots,
    esc,
    field,
    frame_width,
    heading,
    make_canvas,
    markup,
    national_block,
    para,
    signature,
    styles,
)
from sangkien_desktop.documents.furniture import build_pdf as _build
from sangkien_desktop.documents.settings import DocumentSettings
from sangkien_desktop.documents.wording import money, place_and_day
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.model import Author, InitiativeRecord
from sangkien_desktop.rules.engine import Finding, credited_author, derive, is_research
from sangkien_desktop.services.units import UnitDetails
from sangkien_desktop.text import format_date

WIDTH = frame_width()
APPLICATION_MODES = {"APPLIED": "Áp dụng chính thức", "TRIAL": "Áp dụng thử"}
RECOGNISED_BY = {"COUNCIL": "Hội đồng sáng kiến", "HEAD": "Thủ trưởng đơn vị"}

_GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)


@dataclass(frozen=True)
class FormContext:
    """What a form needs besides the record."""

    settings: DocumentSettings
    unit: UnitDetails
    profile: ProgramProfile
    today: date
    #: The record's findings, listed on a checklist page after a dossier form (checklist.py).
    findings: tuple[Finding, ...] = ()


def _lines(text: str) -> list[Flowable]:
    """One paragraph per line of ``text`` (people type line breaks into long fields)."""
    s = styles()
    return [para(line.strip(), s.body) for line in text.splitlines() if line.strip()]


def _section(label: str, text: str, blank_lines: int = 3) -> list[Flowable]:
    """A numbered heading and its text below it, or dotted lines to write on."""
    s = styles()
    if text.strip():
        return [markup(f"<b>{esc(label)}</b>", s.field), *_lines(text)]
    return field(label, None, WIDTH, s.field, blank_lines, bold_label=True)


def _authors_table(
    authors: Sequence[Author], last_column: str, value: Callable[[Author], str], blank_rows: int
) -> Table:
    s = styles()
    head = [
        "Số TT",
        "Họ và tên",
        "Ngày tháng năm sinh",
        "Nơi công tác (hoặc nơi thường trú)",
        "Chức danh",
        "Trình độ chuyên môn",
        last_column,
    ]
    rows: list[list[Flowable | str]] = [[para(h, s.cell_head) for h in head]]
    for number, author in enumerate(authors, start=1):
        rows.append(
            [
                para(str(number), s.cell_center),
                para(author.full_name, s.cell),
                para(format_date(author.birth_date), s.cell_center),
                para(author.workplace, s.cell),
                para(author.position, s.cell),
                para(author.qualification, s.cell),
                para(value(author), s.cell_center),
            ]
        )
    for number in range(len(authors) + 1, len(authors) + 1 + blank_rows):
        rows.append([para(str(number), s.cell_center), "", "", "", "", "", ""])
    widths = [28, 96, 62, 94, 60, 64, 64]
    scale = WIDTH / sum(widths)
    table = Table(
        rows,
        colWidths=[w * scale for w in widths],
        repeatRows=1,
        rowHeights=[None] + [None] * len(authors) + [20] * blank_rows,
    )
    table.setStyle(_GRID)
    return table


def _share(author: Author) -> str:
    return f"{author.contribution_pct:g}%" if author.contribution_pct is not None else ""


def _benefits_text(record: InitiativeRecord, profile: ProgramProfile) -> str:
    parts = []
    if record.benefits.economic:
        parts.append(record.benefits.economic.rstrip(".") + ".")
    if record.benefits.economic_value_vnd:
        parts.append(f"Giá trị làm lợi ước tính: {money(record.benefits.economic_value_vnd)}.")
    social = _social_names(record, profile)
    if social:
        parts.append(f"Lợi ích xã hội: {social}.")
    if record.benefits.social_description:
        parts.append(record.benefits.social_description.rstrip(".") + ".")
    return " ".join(parts)


def _social_names(record: InitiativeRecord, profile: ProgramProfile) -> str:
    names = {s.code: s.name for s in profile.social_benefits}
    return "; ".join(names.get(code, code).lower() for code in record.benefits.social)


def _first_applied(record: InitiativeRecord) -> str:
    day = record.application.first_applied_on or record.research.applied_since
    if day is None:
        return ""
    mode = " (áp dụng thử)" if record.application.mode == "TRIAL" else ""
    return f"{format_date(day)}{mode}"


def _signers(title: str, record: InitiativeRecord, day: date | None, place: str) -> list[Flowable]:
    """The date line, the signature title, and a space to sign above each author's name,
    two authors to a row."""
    s = styles()
    block: list[Flowable] = [
        para(place_and_day(place, day), s.date_line),
        *signature([title], "(Ký và ghi rõ họ tên)", gap=0),
    ]
    names = [a.full_name for a in record.authors] or [""]
    per_row = 1 if len(names) == 1 else 2
    rows = [names[i : i + per_row] for i in range(0, len(names), per_row)]
    slots = [[[Spacer(1, 18 * mm), para(name, s.sign)] for name in row] for row in rows]
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    if len(slots[-1]) < per_row:  # a last name alone is centred under the others
        commands.append(("SPAN", (0, len(slots) - 1), (-1, len(slots) - 1)))
        slots[-1] += [[]] * (per_row - len(slots[-1]))
    table = Table(slots)
    table.setStyle(TableStyle(commands))
    return [*block, table]


def application(record: InitiativeRecord, ctx: FormContext) -> bytes:
    """Đơn yêu cầu công nhận sáng kiến."""
    s = styles()
    addressee = record.recognition.body or ctx.settings.addressee or ctx.settings.issuing_body
    story: list[Flowable] = [
        *national_block(),
        Spacer(1, 8),
        para("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", s.title),
        Spacer(1, 8),
        markup(f"Kính gửi: {esc(addressee)}", s.body_center),
        Spacer(1, 8),
        para("Tôi (chúng tôi) ghi tên dưới đây:", s.field),
        _authors_table(
            record.authors,
            "Tỷ lệ (%) đóng góp vào việc tạo ra sáng kiến",
            _share,
            0 if record.authors else 2,
        ),
        Spacer(1, 6),
        markup(
            "Là tác giả (nhóm tác giả) đề nghị xét công nhận sáng kiến: "
            f"<b>{esc(record.title)}</b>",
            s.field,
        ),
    ]
    for label, value, blank in (
        (
            "- Chủ đầu tư tạo ra sáng kiến (trường hợp tác giả không đồng thời là chủ đầu tư "
            "tạo ra sáng kiến):",
            "",
            0,
        ),
        ("- Lĩnh vực áp dụng sáng kiến:", record.field, 0),
        ("- Ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử:", _first_applied(record), 0),
        ("- Mô tả bản chất của sáng kiến:", _joined(record.content, record.novelty), 3),
        ("- Những thông tin cần được bảo mật (nếu có):", record.confidential, 0),
        ("- Những điều kiện cần thiết để áp dụng sáng kiến:", record.applicability, 1),
        (
            "- Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng sáng kiến "
            "theo ý kiến của tác giả:",
            _benefits_text(record, ctx.profile),
            2,
        ),
        (
            "- Đánh giá lợi ích thu được hoặc dự kiến có thể thu được do áp dụng sáng kiến "
            "theo ý kiến của tổ chức, cá nhân đã tham gia áp dụng sáng kiến lần đầu, kể cả áp "
            "dụng thử (nếu có):",
            "",
            1,
        ),
    ):
        story += field(label, value, WIDTH, s.field, blank)
    story += [
        KeepTogether(
            [
                para(
                    "- Danh sách những người đã tham gia áp dụng thử hoặc áp dụng sáng kiến "
                    "lần đầu (nếu có):",
                    s.field,
                ),
                _authors_table([], "Nội dung công việc hỗ trợ", _share, 2),
            ]
        ),
        Spacer(1, 6),
        para(
            "Tôi (chúng tôi) xin cam đoan mọi thông tin nêu trong đơn là trung thực, đúng sự "
            "thật và hoàn toàn chịu trách nhiệm trước pháp luật.",
            s.body,
        ),
        Spacer(1, 6),
        KeepTogether(
            columns(
                [],
                _signers("NGƯỜI NỘP ĐƠN", record, record.submitted_on, ctx.settings.place),
                WIDTH,
                0.42,
            )
        ),
    ]
    story += checklist_page(record, ctx.findings)
    return _build(story, f"Đơn yêu cầu công nhận sáng kiến {record.code}")


def _joined(*texts: str) -> str:
    return "\n".join(t.strip() for t in texts if t and t.strip())


def description(record: InitiativeRecord, ctx: FormContext) -> bytes:
    """Mô tả sáng kiến, sections 3.1–3.5."""
    s = styles()
    novelty = f"Tính mới, tính sáng tạo: {record.novelty.strip()}" if record.novelty else ""
    benefits = []
    if record.benefits.economic or record.benefits.economic_value_vnd:
        value = money(record.benefits.economic_value_vnd)
        economic = record.benefits.economic.strip()
        parts = [economic.rstrip("."), f"giá trị làm lợi {value}" if value else ""]
        benefits.append("- Hiệu quả kinh tế: " + "; ".join(p for p in parts if p) + ".")
    social = _social_names(record, ctx.profile)
    if social or record.benefits.social_description:
        described = record.benefits.social_description.strip().rstrip(".")
        benefits.append(
            "- Hiệu quả xã hội: "
            + ". ".join(p for p in (social.capitalize(), described) if p)
            + "."
        )
    attachments = "\n".join(f"- {a.file_name}" for a in record.attachments)
    story: list[Flowable] = [
        *national_block(),
        Spacer(1, 8),
        para("MÔ TẢ SÁNG KIẾN", s.title),
        Spacer(1, 10),
        *field("Mã số:", record.code, WIDTH, s.field, bold_label=True),
        *field("1. Tên sáng kiến:", record.title, WIDTH, s.field, bold_label=True),
        *field("2. Lĩnh vực áp dụng:", record.field, WIDTH, s.field, bold_label=True),
        markup("<b>3. Mô tả bản chất của sáng kiến:</b>", s.field),
        *_section("3.1. Tình trạng giải pháp đã biết:", record.known_solution),
        *_section(
            "3.2. Nội dung giải pháp đề nghị công nhận là sáng kiến:",
            _joined(record.content, novelty),
            5,
        ),
        *_section("3.3. Khả năng áp dụng của giải pháp:", record.applicability),
        *_section(
            "3.4. Hiệu quả, lợi ích thu được hoặc dự kiến có thể thu được do áp dụng giải pháp:",
            "\n".join(benefits),
        ),
        *_section("3.5. Tài liệu kèm theo:", attachments, 2),
        Spacer(1, 8),
    ]
    title = "NHÓM TÁC GIẢ" if len(record.authors) > 1 else "TÁC GIẢ"
    left = signature(["XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ"], "(Ký, ghi rõ họ tên, đóng dấu)")
    right = _signers(title, record, None, ctx.settings.place)
    story.append(KeepTogether(columns([Spacer(1, 16), *left], right, WIDTH, 0.45)))
    story += checklist_page(record, ctx.findings)
    return _build(story, f"Mô tả sáng kiến {record.code}")


def answer_by(received: date) -> date:
    """Decree 13 (Art. 8): the recognising organisation answers within one month of receiving
    the application — the same day of the next month, or that month's last day when it has
    no such day (31/01 → 28/02 or 29/02)."""
    year, month = received.year + received.month // 12, received.month % 12 + 1
    return date(year, month, min(received.day, monthrange(year, month)[1]))


def receipt(record: InitiativeRecord, ctx: FormContext) -> bytes:
    """Giấy biên nhận đơn: received on ``submitted_on`` (today when not recorded)."""
    s = styles()
    settings = ctx.settings
    # Decree 13: the organisation that recognises receives the application, not the union.
    body = settings.recognising_body or settings.issuing_body
    issuer = replace(settings, superior_body="", issuing_body=body)
    received = record.submitted_on or ctx.today
    deadline = answer_by(received)
    number = f"Số: {dots(40, s.number)}/{settings.receipt_symbol}"
    story: list[Flowable] = [
        heading(issuer, WIDTH, number, place_and_day(settings.place, received)),
        Spacer(1, 14),
        para("GIẤY BIÊN NHẬN", s.title),
        para("Đơn yêu cầu công nhận sáng kiến", s.subtitle),
        Spacer(1, 12),
        para(f"{body} đã nhận đơn yêu cầu công nhận sáng kiến của:", s.body),
    ]
    for author in record.authors:
        where = f" – {author.workplace}" if author.workplace else ""
        story.append(markup(f"- Ông (bà): <b>{esc(author.full_name)}</b>{esc(where)}", s.field))
    if not record.authors:
        story += field("- Ông (bà):", None, WIDTH, s.field)
    story += field("- Tên sáng kiến:", record.title, WIDTH, s.field)
    story += field("- Mã hồ sơ:", record.code, WIDTH, s.field)
    story += field("- Ngày nhận đơn:", format_date(received), WIDTH, s.field)
    story.append(para("- Hồ sơ gồm:", s.field))
    papers = ["Đơn yêu cầu công nhận sáng kiến", "Bản mô tả sáng kiến"]
    papers += [a.file_name for a in record.attachments]
    story += [para(f"+ {paper};", s.field) for paper in papers]
    story += [
        Spacer(1, 4),
        markup(
            "Trong thời hạn 01 tháng kể từ ngày nhận đơn, chậm nhất ngày "
            f"<b>{format_date(deadline)}</b>, {esc(body)} xem xét đơn và thông báo cho người "
            "nộp đơn việc chấp nhận đơn, yêu cầu sửa đổi, bổ sung đơn hoặc từ chối đơn (có nêu "
            "rõ lý do).",
            s.body,
        ),
        Spacer(1, 12),
    ]
    lead = next((a.full_name for a in record.authors if a.is_lead), None)
    lead = lead or (record.authors[0].full_name if record.authors else None)
    story.append(
        KeepTogether(
            columns(
                signature(["NGƯỜI NỘP ĐƠN"], "(Ký và ghi rõ họ tên)", lead),
                signature(["NGƯỜI NHẬN ĐƠN"], "(Ký và ghi rõ họ tên)"),
                WIDTH,
                0.5,
            )
        )
    )
    story += checklist_page(record, ctx.findings)
    return _build(story, f"Giấy biên nhận đơn {record.code}")


PORTAL = "Cổng trực tuyến Công đoàn Việt Nam"


def _portal_authors(record: InitiativeRecord, ctx: FormContext) -> str:
    """One line per author; the one the initiative is credited to (Guidance 46, I.2.4) is
    marked, as is a research project's head."""
    credited = credited_author(record, ctx.profile)
    research = is_research(record, ctx.profile)
    lines = []
    for number, author in enumerate(record.authors, start=1):
        line = f"{number}. {author.full_name}"
        if author.birth_date:
            line += f", sinh {format_date(author.birth_date)}"
        line += "".join(f", {p}" for p in (author.position, author.workplace) if p)
        if author.contribution_pct is not None:
            line += f" – đóng góp {_share(author)}"
        marks = ["chủ nhiệm đề tài"] if research and author.is_lead else []
        if author is credited:
            marks.append("tác giả được ghi nhận sáng kiến")
        if marks:
            line += f" ({'; '.join(marks)})"
        lines.append(line)
    return "\n".join(lines)


def _recognition_text(record: InitiativeRecord) -> str:
    recognition = record.recognition
    if recognition.is_empty:
        return ""
    by = recognition.body or RECOGNISED_BY.get(recognition.by or "", "")
    return " ".join(
        p
        for p in (
            f"Quyết định số {recognition.decision_no}" if recognition.decision_no else "",
            f"ngày {format_date(recognition.decided_on)}" if recognition.decided_on else "",
            f"của {by}" if by else "",
        )
        if p
    )


def _confirmation_text(record: InitiativeRecord) -> str:
    research = record.research
    return " ".join(
        p
        for p in (
            research.confirmed_by,
            f"văn bản số {research.confirmation_no}" if research.confirmation_no else "",
            f"ngày {format_date(research.confirmed_on)}" if research.confirmed_on else "",
        )
        if p
    )


def _portal_rows(record: InitiativeRecord, ctx: FormContext) -> list[tuple[str, str]]:
    profile, unit = ctx.profile, ctx.unit
    research = is_research(record, profile)
    kind = profile.kind(record.kind)
    kind_name = kind.name if kind else record.kind
    if research:
        kind_name = research_kind(profile.research_level_name(record.research_level))
    subkind = kind.subkind(record.subkind) if kind and record.subkind else None
    if subkind:
        kind_name += f" – {subkind.name}"
    derived = derive(record, profile)
    social = _social_names(record, profile)
    social_text = _joined(
        social.capitalize() + "." if social else "", record.benefits.social_description
    )
    protection = "Không"
    if record.ip_protection.protected:
        protection = f"Có – số đăng ký {record.ip_protection.registration_no or '…'}"
    name = "đề tài" if research else "sáng kiến"
    rows = [
        ("Công đoàn cơ sở", unit.name),
        ("Công đoàn cấp trên trực tiếp cơ sở", unit.superior_union),
        ("LĐLĐ tỉnh, thành phố / Công đoàn ngành", unit.federation),
        ("Mã sáng kiến", record.code),
        (f"Tên {name}", record.title),
        ("Loại sáng kiến", kind_name),
        ("Lĩnh vực áp dụng", record.field),
        (
            "Chủ nhiệm và thành viên đề tài" if research else "Tác giả, đồng tác giả",
            _portal_authors(record, ctx),
        ),
    ]
    if research:
        rows += [
            ("Ngày nghiệm thu đề tài", format_date(record.research.accepted_on)),
            ("Áp dụng vào thực tiễn từ ngày", format_date(record.research.applied_since)),
            ("Xác nhận hiệu quả của thủ trưởng đơn vị áp dụng", _confirmation_text(record)),
        ]
    else:
        rows += [
            ("Hình thức áp dụng", APPLICATION_MODES.get(record.application.mode or "", "")),
            ("Ngày áp dụng lần đầu", _first_applied(record)),
        ]
    rows += [
        ("Nơi áp dụng", record.application.where),
        ("Quyết định công nhận", _recognition_text(record)),
        ("Ngày đủ điều kiện tham gia Chương trình", format_date(derived.eligibility_date)),
        ("Giai đoạn", profile.phase_name(derived.phase) if derived.phase else ""),
        ("Giá trị làm lợi", money(record.benefits.economic_value_vnd)),
        ("Hiệu quả kinh tế", record.benefits.economic),
        ("Hiệu quả xã hội", social_text),
        ("Tính mới", record.novelty),
        ("Nội dung tóm tắt", record.content),
        (f"Câu chuyện ra đời {name}", record.origin_story),
        ("Đã được bảo hộ sở hữu trí tuệ", protection),
    ]
    return rows


def _not_eligible(record: InitiativeRecord, ctx: FormContext) -> list[Flowable]:
    """A plain mark above the table when the gate would not let the initiative through: the
    sheet may be printed to complete the dossier, not sent to the portal."""
    blocking = blocking_findings(record, ctx.profile, ctx.today)
    if not blocking:
        return []
    s = styles()
    reasons = "; ".join(f"{f.message.rstrip('.')} ({f.rule})" for f in blocking)
    return [
        Spacer(1, 4),
        markup(
            "<b>CHƯA ĐỦ ĐIỀU KIỆN GỬI LÊN CỔNG</b> – chỉ dùng để hoàn thiện hồ sơ: "
            f"{esc(reasons)}.",
            s.field,
        ),
    ]


def _portal_content(
    rows: list[tuple[str, str]], record: InitiativeRecord, ctx: FormContext, width: float
) -> list[Flowable]:
    """The sheet laid out ``width`` wide."""
    s = styles()
    label_width = width * 0.3
    value_width = width - label_width
    cells = []
    for number, (label, value) in enumerate(rows, start=1):
        cell: list[Flowable] | Flowable
        if value.strip():
            cell = [para(line, s.cell) for line in value.splitlines() if line.strip()]
        else:
            cell = para(dots(value_width - 8, s.cell), s.cell)
        cells.append([markup(f"<b>{number}. {esc(label)}</b>", s.cell), cell])
    table = Table(cells, colWidths=[label_width, value_width])
    table.setStyle(_GRID)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [
        para("PHIẾU THÔNG TIN SÁNG KIẾN", s.title),
        para(
            f"(Thông tin để nhập lên {PORTAL}, Chương trình “{ctx.profile.name}”)",
            s.italic_center,
        ),
        *_not_eligible(record, ctx),
        Spacer(1, 8),
        table,
        Spacer(1, 8),
        columns(
            [],
            [
                para(place_and_day(ctx.settings.place, ctx.today), s.date_line),
                *signature(["NGƯỜI LẬP PHIẾU"], "(Ký và ghi rõ họ tên)", gap=16 * mm),
            ],
            width,
            0.5,
        ),
    ]


def _shrink(content: list[Flowable], height: float) -> tuple[KeepInFrame, float]:
    """``content`` shrunk to fit one page, and by how much (1: it fits as it is)."""
    frame = KeepInFrame(WIDTH, height, content, mode="shrink")
    frame.wrapOn(make_canvas(BytesIO()), WIDTH, height)
    return frame, float(getattr(frame, "_scale", 1.0))


def portal_sheet(record: InitiativeRecord, ctx: FormContext) -> bytes:
    """Phiếu thông tin sáng kiến: everything the portal asks, on one page. A long sheet is
    shrunk to fit; it is laid out as wide as the shrinking allows, so its table still spans
    the page between the margins (a table laid out at the page's width would come out
    narrower than the text above it)."""
    rows = _portal_rows(record, ctx)
    margins = PORTRAIT_MARGINS
    height = 297 * mm - margins.top - margins.bottom - 14
    frame, scale = _shrink(_portal_content(rows, record, ctx, WIDTH), height)
    # The widest layout (w times the page width) that the shrink it needs still brings back
    # within the margins: a shrink by at least w.
    low, high = 1.0, scale
    while high - low > 0.004:
        middle = (low + high) / 2
        trial, needed = _shrink(_portal_content(rows, record, ctx, WIDTH * middle), height)
        if needed >= middle:
            low, frame = middle, trial
        else:
            high = middle
    return _build([frame], f"Phiếu thông tin sáng kiến {record.code}")


FORMS: dict[str, Callable[[InitiativeRecord, FormContext], bytes]] = {
    "application": application,
    "description": description,
    "receipt": receipt,
    "portal-sheet": portal_sheet,
}
FORM_NAMES = {
    "application": "Đơn yêu cầu công nhận sáng kiến",
    "description": "Mô tả sáng kiến",
    "receipt": "Giấy biên nhận đơn",
    "portal-sheet": "Phiếu thông tin sáng kiến",
}
