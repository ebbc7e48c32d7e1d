"""PROGRAM.md §2, conditions for recognition: C1–C4."""

from __future__ import annotations

from collections.abc import Iterator

from sangkien_desktop.rules.engine import Context, Finding, credited_author, rule
from sangkien_desktop.text import format_date

_SHARE_TOLERANCE = 0.01


@rule("C1_NOVELTY_RECOGNISED", "Được Hội đồng sáng kiến hoặc thủ trưởng công nhận")
def novelty_recognised(ctx: Context) -> Iterator[Finding]:
    """A recognised initiative must say by whom, which body, decision number and date.
    Whether it is recognised at all is E2; research projects are recognised by acceptance (C3)."""
    rec = ctx.record.recognition
    if ctx.is_research or not rec.by:
        return
    who = "Hội đồng sáng kiến" if rec.by == "COUNCIL" else "thủ trưởng đơn vị"
    if not rec.body:
        yield ctx.error(
            "C1_NOVELTY_RECOGNISED",
            "recognition.body",
            f"Chưa ghi tên cơ quan, đơn vị có {who} đã công nhận sáng kiến.",
            "Enter the name of the body that recognised the initiative.",
        )
    if not rec.decision_no:
        yield ctx.error(
            "C1_NOVELTY_RECOGNISED",
            "recognition.decision_no",
            "Chưa ghi số quyết định công nhận sáng kiến (ví dụ 15/QĐ-HĐSK).",
            "Enter the recognition decision number.",
        )
    if rec.decided_on is None:
        yield ctx.error(
            "C1_NOVELTY_RECOGNISED",
            "recognition.decided_on",
            "Chưa ghi ngày ký quyết định công nhận sáng kiến.",
            "Enter the date of the recognition decision.",
        )


@rule("C2_APPLIED_WITH_BENEFIT", "Đã áp dụng hoặc áp dụng thử, mang lại lợi ích thiết thực")
def applied_with_benefit(ctx: Context) -> Iterator[Finding]:
    if ctx.is_research:
        return
    app, ben = ctx.record.application, ctx.record.benefits
    if app.mode not in ("APPLIED", "TRIAL"):
        yield ctx.error(
            "C2_APPLIED_WITH_BENEFIT",
            "application.mode",
            "Chưa ghi sáng kiến đã được áp dụng hay áp dụng thử tại đơn vị.",
            "State whether the initiative was applied or trial-applied.",
        )
    if app.first_applied_on is None:
        yield ctx.error(
            "C2_APPLIED_WITH_BENEFIT",
            "application.first_applied_on",
            "Chưa ghi ngày áp dụng (hoặc áp dụng thử) lần đầu.",
            "Enter the date the initiative was first (trial-)applied.",
        )
    economic = (ben.economic_value_vnd is not None and ben.economic_value_vnd > 0) or bool(
        ben.economic
    )
    social = bool(ben.social) and bool(ben.social_description)
    if not economic and not social:
        if ben.social and not ben.social_description:
            yield ctx.error(
                "C2_APPLIED_WITH_BENEFIT",
                "benefits.social_description",
                "Đã chọn lợi ích xã hội nhưng chưa mô tả lợi ích đó.",
                "Describe the social benefit you ticked.",
            )
        else:
            yield ctx.error(
                "C2_APPLIED_WITH_BENEFIT",
                "benefits",
                "Chưa nêu lợi ích: ghi giá trị làm lợi (đồng) hoặc mô tả hiệu quả kinh tế, "
                "hoặc chọn lợi ích xã hội và mô tả.",
                "State a benefit: economic (value in VND or a description) or social.",
            )
    elif ben.economic and ben.economic_value_vnd is None:
        yield ctx.warning(
            "C2_APPLIED_WITH_BENEFIT",
            "benefits.economic_value_vnd",
            "Có mô tả hiệu quả kinh tế nhưng chưa quy đổi thành tiền; nên ghi giá trị làm lợi "
            "nếu tính được.",
            "An economic benefit is described but has no value in VND.",
        )


@rule("C3_RESEARCH_ACCEPTED_APPLIED", "Đề tài được nghiệm thu, ứng dụng và xác nhận hiệu quả")
def research_accepted_applied(ctx: Context) -> Iterator[Finding]:
    """Research projects only. The application date's window is E1's concern."""
    if not ctx.is_research:
        return
    record, res = ctx.record, ctx.record.research
    code = "C3_RESEARCH_ACCEPTED_APPLIED"
    if not record.research_level:
        yield ctx.error(
            code,
            "research_level",
            "Chưa ghi cấp của đề tài (cấp tỉnh, cấp bộ hoặc cấp ngành).",
            "Enter the research project's level.",
        )
    if res.accepted_on is None:
        yield ctx.error(
            code,
            "research.accepted_on",
            "Chưa ghi ngày nghiệm thu đề tài.",
            "Enter the acceptance date.",
        )
    if res.applied_since is None:
        yield ctx.error(
            code,
            "research.applied_since",
            "Chưa ghi ngày đề tài được ứng dụng vào thực tế.",
            "Enter the date the project was applied in practice.",
        )
    elif res.applied_since < ctx.profile.research_applied_since and ctx.profile.in_window(
        res.applied_since
    ):
        # Outside the window it is E1's finding; a round whose research start differs from
        # the window start is caught here.
        since = format_date(ctx.profile.research_applied_since)
        yield ctx.error(
            code,
            "research.applied_since",
            f"Đề tài phải được ứng dụng vào thực tế từ ngày {since} trở đi.",
            f"The project must be applied from {ctx.profile.research_applied_since} on.",
        )
    if not res.confirmed_by:
        yield ctx.error(
            code,
            "research.confirmed_by",
            "Chưa ghi thủ trưởng đơn vị nơi ứng dụng đã xác nhận hiệu quả.",
            "Enter who confirmed the project's effect.",
        )
    if not res.confirmation_no:
        yield ctx.error(
            code,
            "research.confirmation_no",
            "Chưa ghi số văn bản xác nhận hiệu quả ứng dụng.",
            "Enter the confirmation document number.",
        )
    if res.confirmed_on is None:
        yield ctx.error(
            code,
            "research.confirmed_on",
            "Chưa ghi ngày xác nhận hiệu quả ứng dụng.",
            "Enter the confirmation date.",
        )


@rule(
    "C4_CREDITED_AUTHOR", "Công nhận cho chủ nhiệm đề tài hoặc tác giả có tỷ lệ đóng góp cao nhất"
)
def credited_author_rule(ctx: Context) -> Iterator[Finding]:
    code = "C4_CREDITED_AUTHOR"
    authors = ctx.record.authors
    if not authors:
        yield ctx.error(
            code, "authors", "Sáng kiến chưa có tác giả.", "The initiative has no author."
        )
        return
    shares_ok = True
    for i, author in enumerate(authors):
        share = author.contribution_pct
        if share is None:
            shares_ok = False
            yield ctx.error(
                code,
                f"authors[{i}].contribution_pct",
                f"Chưa ghi tỷ lệ đóng góp (%) của tác giả {author.full_name or i + 1}.",
                f"Enter author {i + 1}'s contribution in %.",
            )
        elif not 0 < share <= 100:
            shares_ok = False
            yield ctx.error(
                code,
                f"authors[{i}].contribution_pct",
                f"Tỷ lệ đóng góp của {author.full_name or i + 1} phải lớn hơn 0 và không quá 100%.",
                f"Author {i + 1}'s contribution must be above 0 and at most 100%.",
            )
    if shares_ok:
        total = sum(a.contribution_pct or 0 for a in authors)
        # Rounded so binary floats do not move the ±0.01 boundary (30 + 70.01 > 100.01).
        if round(abs(total - 100), 9) > _SHARE_TOLERANCE:
            yield ctx.error(
                code,
                "authors",
                f"Tổng tỷ lệ đóng góp của các tác giả là {total:g}%, phải bằng 100%.",
                f"The contributions add up to {total:g}%, not 100%.",
            )
    leads = [i for i, a in enumerate(authors) if a.is_lead]
    if ctx.is_research:
        if not leads and len(authors) > 1:  # a sole member is the project (I.2.4)
            yield ctx.error(
                code, "authors", "Đề tài chưa chỉ rõ chủ nhiệm đề tài.", "Mark the project lead."
            )
        elif len(leads) > 1:
            yield ctx.error(
                code,
                f"authors[{leads[1]}].is_lead",
                "Đề tài chỉ có một chủ nhiệm; bỏ đánh dấu chủ nhiệm ở tác giả thừa.",
                "A project has one lead only.",
            )
        return
    if not shares_ok or len(authors) < 2:
        return
    credited = credited_author(ctx.record, ctx.profile)
    if credited is None:
        top = max(a.contribution_pct or 0 for a in authors)
        tied = [a.full_name for a in authors if a.contribution_pct == top]
        yield ctx.warning(
            code,
            "authors",
            f"Các tác giả {', '.join(tied)} cùng có tỷ lệ đóng góp cao nhất "
            f"({top:g}%); đánh dấu một người được công nhận.",
            "Several authors share the highest contribution; choose one.",
        )
    else:
        others = [i for i in leads if authors[i] is not credited]
        if others:
            yield ctx.warning(
                code,
                f"authors[{others[0]}].is_lead",
                f"{authors[others[0]].full_name} được đánh dấu là người được công "
                f"nhận nhưng không có tỷ lệ đóng góp cao nhất; sáng kiến được tính "
                f"cho {credited.full_name}.",
                "The marked author does not hold the highest share.",
            )
