"""PROGRAM.md §3, excluded initiatives: E1–E4."""

from __future__ import annotations

from collections.abc import Iterator

from sangkien_desktop.rules.engine import Context, Finding, application_date, rule
from sangkien_desktop.text import format_date


@rule("E1_APPLIED_OUTSIDE_WINDOW", "Đưa vào ứng dụng ngoài thời gian của Chương trình")
def applied_outside_window(ctx: Context) -> Iterator[Finding]:
    """A missing date is C2's (or C3's) finding, not an exclusion."""
    applied = application_date(ctx.record, ctx.profile)
    if applied is None or ctx.profile.in_window(applied):
        return
    field = "research.applied_since" if ctx.is_research else "application.first_applied_on"
    start, end = format_date(ctx.profile.window_start), format_date(ctx.profile.window_end)
    yield ctx.error(
        "E1_APPLIED_OUTSIDE_WINDOW",
        field,
        f"Sáng kiến đưa vào ứng dụng ngày {format_date(applied)}, ngoài thời gian {start} – {end} "
        f"của Chương trình nên không được tham gia.",
        f"Applied on {applied.isoformat()}, outside the program's window "
        f"{ctx.profile.window_start.isoformat()} – {ctx.profile.window_end.isoformat()}.",
    )


@rule("E2_NOT_RECOGNISED", "Chưa được cấp có thẩm quyền công nhận")
def not_recognised(ctx: Context) -> Iterator[Finding]:
    """For research projects the acceptance (nghiệm thu) is the recognition, checked by C3."""
    if ctx.record.status == "REJECTED":
        yield ctx.error(
            "E2_NOT_RECOGNISED",
            "status",
            "Hội đồng sáng kiến đã không công nhận sáng kiến này nên không được tham gia.",
            "The council refused to recognise this initiative.",
        )
        return
    if ctx.is_research or ctx.record.recognition.by:
        return
    yield ctx.error(
        "E2_NOT_RECOGNISED",
        "recognition",
        "Sáng kiến chưa được Hội đồng sáng kiến hoặc thủ trưởng đơn vị công nhận; ghi quyết "
        "định công nhận khi có.",
        "The initiative has not been recognised by the council or the head of the unit.",
    )


@rule("E3_PUBLIC_ORDER", "Nội dung trái trật tự công cộng, đạo đức xã hội (cần người thẩm định)")
def public_order(ctx: Context) -> Iterator[Finding]:
    review = ctx.record.content_review
    if review.reviewer and review.reviewed_on:
        return
    field = "content_review.reviewer" if not review.reviewer else "content_review.reviewed_on"
    yield ctx.error(
        "E3_PUBLIC_ORDER",
        field,
        "Chưa có thành viên Tổ hỗ trợ xác nhận đã rà soát nội dung không trái trật tự công cộng, "
        "đạo đức xã hội (ghi người rà soát và ngày rà soát).",
        "A support-team reviewer must attest (name and date) that the content was reviewed.",
    )


@rule("E4_IP_PROTECTED", "Đang được bảo hộ quyền sở hữu trí tuệ")
def ip_protected(ctx: Context) -> Iterator[Finding]:
    ip = ctx.record.ip_protection
    if not ip.protected:
        return
    number = f" (số {ip.registration_no})" if ip.registration_no else ""
    yield ctx.error(
        "E4_IP_PROTECTED",
        "ip_protection.protected",
        f"Sáng kiến đang được bảo hộ quyền sở hữu trí tuệ{number} nên không được tham gia "
        "Chương trình.",
        "The initiative is protected as intellectual property and cannot take part.",
    )
