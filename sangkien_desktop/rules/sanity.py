"""The record's own sanity, beyond PROGRAM.md's rules: R1–R5.

R1 required text, R2 dates in the future, R3 dates in the wrong order, R4 an incomplete legal
dossier (warnings), R5 an eligibility date that falls in no phase of the profile (warning).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sangkien_desktop.rules.engine import Context, Finding, eligibility_date, rule
from sangkien_desktop.text import format_date


def _dates(ctx: Context) -> Iterator[tuple[str, str, date | None]]:
    record = ctx.record
    yield (
        "application.first_applied_on",
        "ngày áp dụng lần đầu",
        record.application.first_applied_on,
    )
    yield "recognition.decided_on", "ngày quyết định công nhận", record.recognition.decided_on
    yield "content_review.reviewed_on", "ngày rà soát nội dung", record.content_review.reviewed_on
    yield "submitted_on", "ngày nhận đơn", record.submitted_on
    yield "research.accepted_on", "ngày nghiệm thu", record.research.accepted_on
    yield "research.applied_since", "ngày ứng dụng đề tài", record.research.applied_since
    yield "research.confirmed_on", "ngày xác nhận hiệu quả", record.research.confirmed_on
    for i, author in enumerate(record.authors):
        yield f"authors[{i}].birth_date", f"ngày sinh của {author.full_name}", author.birth_date


@rule("R1_REQUIRED_TEXT", "Thông tin bắt buộc")
def required_text(ctx: Context) -> Iterator[Finding]:
    record = ctx.record
    if not record.title:
        yield ctx.error(
            "R1_REQUIRED_TEXT", "title", "Chưa ghi tên sáng kiến.", "Enter the initiative's title."
        )
    if not record.content:
        yield ctx.error(
            "R1_REQUIRED_TEXT",
            "content",
            "Chưa mô tả nội dung của giải pháp (mục 3.2 của bản mô tả sáng kiến).",
            "Describe the content of the solution.",
        )
    for i, author in enumerate(record.authors):
        if not author.full_name:
            yield ctx.error(
                "R1_REQUIRED_TEXT",
                f"authors[{i}].full_name",
                f"Tác giả thứ {i + 1} chưa có họ và tên.",
                f"Author {i + 1} has no name.",
            )


@rule("R2_DATE_IN_FUTURE", "Ngày ở tương lai")
def date_in_future(ctx: Context) -> Iterator[Finding]:
    for field, label, value in _dates(ctx):
        if value is not None and value > ctx.today:
            yield ctx.error(
                "R2_DATE_IN_FUTURE",
                field,
                f"{label[:1].upper()}{label[1:]} {format_date(value)} ở sau hôm nay; kiểm tra lại.",
                f"{field} {value.isoformat()} is in the future.",
            )


@rule("R3_DATE_ORDER", "Thứ tự các ngày")
def date_order(ctx: Context) -> Iterator[Finding]:
    record = ctx.record
    decided, submitted = record.recognition.decided_on, record.submitted_on
    if decided and submitted and decided < submitted:
        yield ctx.error(
            "R3_DATE_ORDER",
            "recognition.decided_on",
            f"Ngày công nhận {format_date(decided)} trước ngày nhận đơn "
            f"{format_date(submitted)}; kiểm tra lại.",
            "The recognition date is before the application was registered.",
        )
    res = record.research
    if res.accepted_on and res.confirmed_on and res.confirmed_on < res.accepted_on:
        yield ctx.error(
            "R3_DATE_ORDER",
            "research.confirmed_on",
            f"Ngày xác nhận hiệu quả {format_date(res.confirmed_on)} trước ngày "
            f"nghiệm thu {format_date(res.accepted_on)}.",
            "The confirmation date is before the acceptance date.",
        )


_DOSSIER_TEXT = (
    ("known_solution", "giải pháp đã biết và nhược điểm (mục 3.1)", "the known solution (3.1)"),
    ("novelty", "tính mới của giải pháp (mục 3.2)", "what is new (3.2)"),
    ("applicability", "khả năng áp dụng (mục 3.3)", "applicability (3.3)"),
    (
        "origin_story",
        "nguyên nhân hình thành sáng kiến (Cổng trực tuyến yêu cầu)",
        "how the initiative came about (the portal asks for it)",
    ),
)


@rule("R4_DOSSIER_INCOMPLETE", "Hồ sơ chưa đầy đủ")
def dossier_incomplete(ctx: Context) -> Iterator[Finding]:
    record = ctx.record
    for field, label, english in _DOSSIER_TEXT:
        if not getattr(record, field):
            yield ctx.warning(
                "R4_DOSSIER_INCOMPLETE", field, f"Chưa viết {label}.", f"Write {english}."
            )
    recognised = record.recognition.by or (ctx.is_research and record.research.accepted_on)
    if recognised and not any(a.kind == "DECISION" for a in record.attachments):
        yield ctx.warning(
            "R4_DOSSIER_INCOMPLETE",
            "attachments",
            "Chưa đính kèm bản quyết định công nhận (hoặc biên bản nghiệm thu).",
            "Attach the recognition decision (or acceptance record).",
        )


@rule("R5_NO_PHASE", "Ngày đủ điều kiện không thuộc giai đoạn nào")
def no_phase(ctx: Context) -> Iterator[Finding]:
    eligible = eligibility_date(ctx.record, ctx.profile)
    if eligible is None or ctx.profile.phase_of(eligible) is not None:
        return
    yield ctx.warning(
        "R5_NO_PHASE",
        None,
        f"Sáng kiến đủ điều kiện ngày {format_date(eligible)}, không thuộc giai đoạn "
        f"nào của Chương trình nên Cổng trực tuyến không tiếp nhận.",
        f"Eligible on {eligible.isoformat()}, which falls in no phase.",
    )
