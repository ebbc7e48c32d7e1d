"""The checklist page printed after a dossier form (application, description, receipt) whose
record still has findings: the support team's list of what to complete, on a page of its own
so the form itself stays the one the member signs. A form of a record without findings has no
such page."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from sangkien_desktop.documents.fonts import SERIF
from sangkien_desktop.documents.furniture import esc, frame_width, markup, para, styles
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.rules import Finding, Severity
from sangkien_desktop.workflow.states import State

TITLE = "PHIẾU KIỂM TRA HỒ SƠ"
#: A dossier is prepared for recognition: before it, "not recognised yet" is no finding to fix.
_BEFORE_RECOGNITION = (State.IDEA, State.DRAFTING, State.SUBMITTED)
_GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)


def to_complete(record: InitiativeRecord, findings: Sequence[Finding]) -> list[Finding]:
    """The findings the checklist lists: all of them, except that a dossier not yet decided
    is not told it is not recognised (it is what the dossier asks for)."""
    waiting = record.status in _BEFORE_RECOGNITION
    return [
        f
        for f in findings
        if not (waiting and f.rule == "E2_NOT_RECOGNISED" and f.field != "status")
    ]


def checklist_page(record: InitiativeRecord, findings: Sequence[Finding]) -> list[Flowable]:
    """A page break and the checklist, or nothing when ``findings`` is empty."""
    listed = to_complete(record, findings)
    if not listed:
        return []
    s = styles()
    width = frame_width()
    rows: list[list[Flowable | list[Flowable]]] = [
        [para(text, s.cell_head) for text in ("TT", "Mức", "Cần bổ sung, sửa")]
    ]
    for number, finding in enumerate(listed, start=1):
        level = "Lỗi" if finding.severity == Severity.ERROR else "Lưu ý"
        where = f"Mục {finding.field} – quy định {finding.rule}" if finding.field else finding.rule
        rows.append(
            [
                para(str(number), s.cell_center),
                para(level, s.cell_center),
                [para(finding.message, s.cell), markup(f"<i>{esc(where)}</i>", s.cell)],
            ]
        )
    table = Table(rows, colWidths=[width * 0.07, width * 0.11, width * 0.82])
    table.setStyle(_GRID)
    table.repeatRows = 1
    errors = sum(f.severity == Severity.ERROR for f in listed)
    return [
        PageBreak(),
        para(TITLE, s.title),
        markup(
            f"Sáng kiến <b>{esc(record.code)}</b>: {esc(record.title)}",
            s.body_center,
        ),
        Spacer(1, 6),
        para(
            f"Phiếu dùng nội bộ của Tổ hỗ trợ sáng kiến, không phải một phần của mẫu trên. "
            f"Hồ sơ còn {errors} lỗi và {len(listed) - errors} lưu ý cần hoàn thiện trước "
            "khi công nhận, cấp giấy chứng nhận hoặc gửi lên Cổng trực tuyến.",
            s.body,
        ),
        Spacer(1, 4),
        table,
    ]
