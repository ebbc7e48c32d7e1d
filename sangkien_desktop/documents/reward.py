"""The reward decision (Quyết định khen thưởng) with its list annex: who, for which initiative,
which form of reward, how much, and the total in figures and in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from sangkien_desktop.documents.certificate import research_kind
from sangkien_desktop.documents.fonts import SERIF
from sangkien_desktop.documents.furniture import (
    Rule,
    columns,
    esc,
    frame_width,
    heading,
    line_width,
    markup,
    para,
    signatory,
    styles,
    upper,
)
from sangkien_desktop.documents.furniture import build_pdf as _build
from sangkien_desktop.documents.numbering import document_number
from sangkien_desktop.documents.settings import DocumentSettings
from sangkien_desktop.documents.wording import day_words, money, money_in_words, place_and_day
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.text import format_vnd, name_sort_key

WIDTH = frame_width()
REWARD_FORMS = {
    "GIAY_KHEN": "Giấy khen",
    "BANG_KHEN": "Bằng khen",
    "GIAY_CHUNG_NHAN": "Giấy chứng nhận",
    "TIEN_THUONG": "Tiền thưởng",
}


@dataclass(frozen=True)
class Award:
    """One line of the annex: an author (or a group of co-authors) and the reward."""

    recipient: str
    amount_vnd: int
    initiative_code: str = ""
    initiative_title: str = ""
    form: str = "GIAY_KHEN"
    #: A research project's level name ("Cấp tỉnh"); empty for an initiative.
    research_level: str = ""
    research: bool = False
    #: Its head, acceptance and confirmation of effect, for the annex.
    research_note: str = ""

    @property
    def form_name(self) -> str:
        return REWARD_FORMS.get(self.form, self.form)


@dataclass(frozen=True)
class Decision:
    number: str  # "25/QĐ-CĐCS"
    decided_on: date
    awards: tuple[Award, ...]

    @property
    def total(self) -> int:
        return sum(a.amount_vnd for a in self.awards)

    @property
    def what(self) -> str:
        """What the authors were recognised for: initiatives, research projects, or both."""
        research = sum(a.research for a in self.awards)
        if research == len(self.awards):
            return "đề tài nghiên cứu khoa học"
        return "sáng kiến, đề tài nghiên cứu khoa học" if research else "sáng kiến"


def _article_one(decision: Decision, board: str, profile: ProgramProfile) -> str:
    count = len(decision.awards)
    forms = {a.form_name for a in decision.awards}
    program = f"Chương trình “{profile.name}”"
    money_part = " và tiền thưởng" if decision.total else ""
    if len(forms) == 1:
        given = f"Tặng {forms.pop()} của {board}{money_part}"
    else:
        given = f"Khen thưởng (hình thức theo danh sách kèm theo){money_part}"
    return (
        f"{given} cho {count} tác giả, nhóm tác giả có {decision.what} được công nhận trong "
        f"{program} (có danh sách kèm theo)."
    )


def _title(award: Award) -> str:
    """The title cell: a research project says it is one, with its level."""
    if not award.research:
        return award.initiative_title
    note = f" ({award.research_note})" if award.research_note else ""
    return f"{research_kind(award.research_level)}: {award.initiative_title}{note}"


def _annex_table(decision: Decision) -> Table:
    s = styles()
    research = any(a.research for a in decision.awards)
    head = ["STT", "Họ và tên tác giả, nhóm tác giả", "Mã số" if research else "Mã sáng kiến"]
    head += ["Tên sáng kiến, đề tài" if research else "Tên sáng kiến", "Hình thức"]
    head += ["Số tiền (đồng)"]
    rows: list[list[Flowable | str]] = [[para(h, s.cell_head) for h in head]]
    for number, award in enumerate(decision.awards, start=1):
        rows.append(
            [
                para(str(number), s.cell_center),
                para(award.recipient, s.cell),
                para(award.initiative_code, s.cell_center),
                para(_title(award), s.cell),
                para(award.form_name, s.cell_center),
                para(format_vnd(award.amount_vnd, ""), s.cell_right),
            ]
        )
    rows.append(
        [
            markup("<b>Tổng cộng</b>", s.cell_center),
            "",
            "",
            "",
            "",
            markup(f"<b>{format_vnd(decision.total, '')}</b>", s.cell_right),
        ]
    )
    widths = [30, 106, 80, 140, 48, 64]
    scale = WIDTH / sum(widths)
    table = Table(rows, colWidths=[w * scale for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("GRID", (0, 0), (-1, -1), 0.6, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("SPAN", (0, -1), (4, -1)),
            ]
        )
    )
    return table


def decision_pdf(decision: Decision, settings: DocumentSettings, profile: ProgramProfile) -> bytes:
    """The decision and, on a new page, its annex."""
    s = styles()
    number = printed_number(decision.number)
    board = f"Ban Chấp hành {settings.issuing_body}"
    subject = (
        f"Về việc khen thưởng tác giả, nhóm tác giả có {decision.what} được công nhận trong "
        f"Chương trình “{profile.name}”"
    )
    grounds = ["Căn cứ Điều lệ Công đoàn Việt Nam;"]
    issued = f" {day_words(profile.guidance_issued_on)}" if profile.guidance_issued_on else ""
    if profile.guidance:
        grounds.append(
            f"Căn cứ Hướng dẫn số {profile.guidance}{issued} của Tổng Liên đoàn Lao động Việt "
            f"Nam về tổ chức Chương trình “{profile.name}”;"
        )
    if settings.reward_regulation:
        grounds.append(f"Căn cứ {settings.reward_regulation.rstrip(';.')};")
    grounds += [
        "Căn cứ các quyết định công nhận sáng kiến và kết quả rà soát hồ sơ sáng kiến;"
        if decision.what == "sáng kiến"
        else "Căn cứ các quyết định công nhận sáng kiến, kết quả nghiệm thu và xác nhận hiệu "
        "quả áp dụng đề tài nghiên cứu khoa học và kết quả rà soát hồ sơ;",
        "Xét đề nghị của Tổ hỗ trợ sáng kiến,",
    ]
    total = decision.total
    recipients = ["- Như Điều 3;"]
    if settings.superior_body:
        recipients.append(f"- {settings.superior_body} (để báo cáo);")
    recipients.append("- Lưu: VT.")
    grounds_style = s.body.clone("grounds", fontName=s.date_line.fontName)
    story: list[Flowable] = [
        heading(
            settings,
            WIDTH,
            f"Số: {number}",
            place_and_day(settings.place, decision.decided_on),
        ),
        Spacer(1, 14),
        para("QUYẾT ĐỊNH", s.title),
        para(subject, s.subject),
        Rule(line_width(subject, s.subject, WIDTH) * 0.35, above=5, below=2),
        Spacer(1, 6),
        para(upper(board), s.subtitle),
        Spacer(1, 8),
        *[para(text, grounds_style) for text in grounds],
        Spacer(1, 4),
        para("QUYẾT ĐỊNH:", s.subtitle),
        Spacer(1, 6),
        markup(f"<b>Điều 1.</b> {esc(_article_one(decision, board, profile))}", s.body),
        markup(
            f"<b>Điều 2.</b> Tổng số tiền thưởng: <b>{esc(money(total))}</b> (Bằng chữ: "
            f"{esc(money_in_words(total))}), chi từ nguồn tài chính của "
            f"{esc(settings.issuing_body)}.",
            s.body,
        ),
        markup(
            "<b>Điều 3.</b> Quyết định có hiệu lực kể từ ngày ký. Tổ hỗ trợ sáng kiến, bộ phận "
            "tài chính công đoàn và các tác giả, nhóm tác giả có tên trong danh sách kèm theo "
            "chịu trách nhiệm thi hành Quyết định này./.",
            s.body,
        ),
        Spacer(1, 10),
        KeepTogether(
            columns(
                [
                    para("Nơi nhận:", s.recipients_title),
                    *[para(r, s.recipients) for r in recipients],
                ],
                signatory(settings),
                WIDTH,
                0.45,
            )
        ),
        PageBreak(),
        para("DANH SÁCH", s.title),
        para(f"TÁC GIẢ, NHÓM TÁC GIẢ CÓ {upper(decision.what)} ĐƯỢC KHEN THƯỞNG", s.subtitle),
        para(
            f"(Kèm theo Quyết định số {number} {day_words(decision.decided_on)} của {board})",
            s.italic_center,
        ),
        Rule(40 * mm, above=5, below=2),
        Spacer(1, 8),
        _annex_table(decision),
        Spacer(1, 6),
        para(f"Bằng chữ: {money_in_words(total)}.", s.italic_center),
    ]
    return _build(story, f"Quyết định khen thưởng {number}")


def decision_number(text: str, settings: DocumentSettings) -> str:
    """``25`` → ``25/QĐ-CĐCS``; a number that already has its symbol is kept as typed (the
    rewards are recorded under it)."""
    text = text.strip()
    return f"{text}/{settings.decision_symbol}" if text.isdigit() else text


def printed_number(number: str) -> str:
    """``3/QĐ-CĐCS`` as printed: ``03/QĐ-CĐCS`` (Decree 30 writes numbers below 10 with a
    leading zero); anything else as typed."""
    digits, slash, symbol = number.strip().partition("/")
    if slash and digits.strip().isdigit() and symbol.strip():
        return document_number(digits, symbol.strip())
    return number.strip()


def sorted_awards(awards: Sequence[Award]) -> tuple[Award, ...]:
    """The annex order: by initiative code, then recipient."""
    return tuple(sorted(awards, key=lambda a: (a.initiative_code, name_sort_key(a.recipient))))
