"""``sangkien template``, ``sangkien export xlsx``, ``sangkien stats``, ``sangkien target``, and
the Excel side of ``sangkien import members|initiatives`` (``--dry-run`` prints the preview)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from sangkien_desktop.cli_support import Context, parse_date_option, pass_ctx
from sangkien_desktop.errors import InputError
from sangkien_desktop.spreadsheets.preview import Action, Preview, Severity
from sangkien_desktop.text import format_date, format_number, format_vnd

EXCEL_SUFFIXES = (".xlsx", ".xlsm")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%".replace(".", ",")


def print_preview(preview: Preview[Any], what: str) -> None:
    """The preview as text: a summary line, the columns read and ignored, every problem."""
    errors, warnings = preview.errors, preview.warnings
    click.echo(
        f"{preview.file_name}, trang “{preview.sheet}”"
        + (f", dòng tiêu đề {preview.header_row}" if preview.header_row else "")
        + f": {format_number(len(preview.rows))} dòng {what} — "
        f"{format_number(preview.count(Action.ADD))} thêm mới, "
        f"{format_number(preview.count(Action.UPDATE))} cập nhật; "
        f"{format_number(len(errors))} lỗi, {format_number(len(warnings))} lưu ý."
    )
    if preview.columns:
        click.echo(
            "  Cột đọc được: " + ", ".join(f"{c} ({t})" for c, t in preview.columns.values())
        )
    if preview.ignored:
        click.echo("  Cột bỏ qua: " + ", ".join(preview.ignored))
    for problem in preview.all_problems():
        label = "LỖI" if problem.severity == Severity.ERROR else "lưu ý"
        click.echo(f"  [{label}] {problem}")


def _dry_run_done(preview: Preview[Any], what: str, dry_run: bool) -> bool:
    """A dry run prints the preview and ends (exit 2 when a row has an error); a real import
    only lists the warnings before it writes."""
    if not dry_run:
        for problem in preview.warnings:
            click.echo(f"  [lưu ý] {problem}", err=True)
        return False
    print_preview(preview, what)
    if not preview.ok:
        click.echo("Không ghi gì vào cơ sở dữ liệu (chạy thử). Sửa các lỗi trên rồi nhập lại.")
        sys.exit(2)
    click.echo("Chạy thử: tệp nhập được; chưa ghi gì vào cơ sở dữ liệu.")
    return True


def import_members_file(ctx: Context, file: Path, dry_run: bool) -> None:
    """``sangkien import members`` and ``sangkien member import``."""
    from sangkien_desktop.spreadsheets.members import import_preview, plan, read_members

    preview = plan(ctx.db, read_members(file))
    if _dry_run_done(preview, "đoàn viên", dry_run):
        return
    added, updated = import_preview(ctx.db, preview)
    click.echo(f"Đã nhập {added} đoàn viên mới, cập nhật {updated} đoàn viên từ {file.name}.")


def import_initiatives_file(ctx: Context, file: Path, dry_run: bool) -> None:
    """``sangkien import initiatives`` for a workbook."""
    from sangkien_desktop.spreadsheets.initiatives import import_preview, read_initiatives

    preview = read_initiatives(ctx.db, file, ctx.profile)
    if _dry_run_done(preview, "sáng kiến", dry_run):
        return
    result = import_preview(ctx.db, preview, ctx.profile, actor="sangkien import")
    click.echo(
        f"Đã nhập {result.added} sáng kiến mới, cập nhật {result.updated} sáng kiến từ {file.name}."
    )


def is_workbook(file: Path) -> bool:
    return file.suffix.lower() in EXCEL_SUFFIXES


@click.command("template")
@click.argument("kind", type=click.Choice(["members", "initiatives"]))
@click.argument("out", type=click.Path(path_type=Path))
@pass_ctx
def template_cmd(ctx: Context, kind: str, out: Path) -> None:
    """Tạo tệp Excel mẫu để nhập đoàn viên (members) hoặc sáng kiến (initiatives)."""
    from sangkien_desktop.spreadsheets.templates import write_template

    write_template(kind, out, ctx.profile)
    click.echo(f"Đã tạo tệp mẫu {out}.")


@click.command("xlsx")
@click.argument("what", type=click.Choice(["initiatives", "members", "stats"]))
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--state", "states", multiple=True, help="Sáng kiến: lọc theo trạng thái.")
@click.option("--kind", "kinds", multiple=True, help="Sáng kiến: lọc theo loại.")
@click.option(
    "--columns", default="", help="Sáng kiến: các cột, cách nhau bằng dấu phẩy (code,title,…)."
)
@click.option("--active-only", is_flag=True, help="Đoàn viên: chỉ người đang sinh hoạt.")
@click.option("--today", help="Thống kê: tính đến ngày (dd/mm/yyyy).")
@pass_ctx
def export_xlsx(
    ctx: Context,
    what: str,
    out: Path,
    states: tuple[str, ...],
    kinds: tuple[str, ...],
    columns: str,
    active_only: bool,
    today: str | None,
) -> None:
    """Xuất danh sách sáng kiến, đoàn viên hoặc báo cáo thống kê ra tệp Excel có định dạng."""
    from sangkien_desktop.services.initiatives import InitiativeFilter
    from sangkien_desktop.spreadsheets.export import (
        DEFAULT_INITIATIVE_COLUMNS,
        export_initiatives,
        export_members,
        export_stats,
    )

    if what == "initiatives":
        chosen = tuple(c.strip() for c in columns.split(",") if c.strip())
        flt = InitiativeFilter(
            states=tuple(s.upper() for s in states), kinds=tuple(k.upper() for k in kinds)
        )
        count = export_initiatives(
            ctx.db, out, ctx.profile, flt, chosen or DEFAULT_INITIATIVE_COLUMNS
        )
        click.echo(f"Đã xuất {format_number(count)} sáng kiến ra {out}.")
    elif what == "members":
        count = export_members(ctx.db, out, active_only=active_only)
        click.echo(f"Đã xuất {format_number(count)} đoàn viên ra {out}.")
    else:
        export_stats(ctx.db, out, ctx.profile, parse_date_option(today, "--today"))
        click.echo(f"Đã xuất báo cáo thống kê ra {out}.")


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.option("--today", help="Tính đến ngày (dd/mm/yyyy); mặc định hôm nay.")
@pass_ctx
def stats_cmd(ctx: Context, as_json: bool, today: str | None) -> None:
    """Số liệu của đơn vị: sáng kiến theo trạng thái, loại, giai đoạn; tỷ lệ tham gia; chỉ tiêu;
    công việc của Tổ hỗ trợ."""
    from sangkien_desktop.stats import build_report

    report = build_report(ctx.db, ctx.profile, parse_date_option(today, "--today"))
    p, t = report.participation, report.totals
    if as_json:
        click.echo(json.dumps(_report_dict(report), ensure_ascii=False, indent=2))
        return
    lines = [
        f"{report.unit_name} — số liệu đến ngày {format_date(report.today)}",
        f"  Sáng kiến: {format_number(t.initiatives)}; đủ điều kiện: {format_number(t.eligible)}; "
        f"giá trị làm lợi: {format_vnd(t.value_vnd)}",
        f"  Tỷ lệ tham gia: {_pct(p.rate_pct)} "
        f"({format_number(p.authors)}/{format_number(p.headcount)} người; "
        f"mục tiêu {p.target_pct:g}%"
        + (")" if p.reached else f", cần thêm {format_number(p.authors_needed)} tác giả)"),
        "  Theo trạng thái: " + "; ".join(f"{x.label} {x.total}" for x in report.by_state),
        "  Theo loại: " + "; ".join(f"{x.label} {x.total}" for x in report.by_kind),
        "  Chỉ tiêu:",
    ]
    for x in [*report.phases, *report.quarters]:
        if x.target is not None or x.actual:
            target = "-" if x.target is None else str(x.target)
            lines.append(f"    {x.label:<14} {x.actual:>5} / {target:<5} {_pct(x.pct)}")
    lines.append("  Tổ hỗ trợ (đang xử lý / quá hạn / chờ Hội đồng quá hạn / sẵn sàng gửi):")
    for h in report.workload:
        lines.append(
            f"    {h.helper or '(chưa giao)':<24} {h.open:>4} {h.past_due:>4} "
            f"{h.decision_overdue:>4} {h.ready:>4}"
        )
    click.echo("\n".join(lines))


def _report_dict(report: Any) -> dict[str, Any]:
    p, t = report.participation, report.totals

    def lines(items: Any) -> list[dict[str, Any]]:
        return [
            {"key": x.key, "label": x.label, "total": x.total, "eligible": x.eligible,
             "value_vnd": x.value_vnd}
            for x in items
        ]  # fmt: skip

    def progress(items: Any) -> list[dict[str, Any]]:
        return [
            {"label": x.label, "phase": x.phase, "year": x.year, "quarter": x.quarter,
             "target": x.target, "actual": x.actual}
            for x in items
        ]  # fmt: skip

    return {
        "unit": report.unit_name,
        "today": report.today.isoformat(),
        "initiatives": t.initiatives,
        "eligible": t.eligible,
        "economic_value_vnd": t.value_vnd,
        "participation": {
            "authors": p.authors,
            "headcount": p.headcount,
            "rate_pct": p.rate_pct,
            "target_pct": p.target_pct,
            "reached": p.reached,
        },
        "by_state": lines(report.by_state),
        "by_kind": lines(report.by_kind),
        "by_phase": lines(report.by_phase),
        "by_department": [
            {
                "department": d.label,
                "members": d.members,
                "authors": d.authors,
                "total": d.total,
                "eligible": d.eligible,
            }
            for d in report.by_department
        ],
        "phase_targets": progress(report.phases),
        "quarter_targets": progress(report.quarters),
        "workload": [
            {
                "helper": h.helper,
                "open": h.open,
                "past_due": h.past_due,
                "decision_overdue": h.decision_overdue,
                "ready": h.ready,
            }
            for h in report.workload
        ],
    }


@click.group("target")
def target_group() -> None:
    """Chỉ tiêu của đơn vị theo giai đoạn và theo quý."""


@target_group.command("set")
@click.argument("count", type=int)
@click.option("--phase", type=int, help="Giai đoạn (1, 2…).")
@click.option("--quarter", help="Quý, dạng Q/YYYY (ví dụ 1/2022).")
@pass_ctx
def target_set(ctx: Context, count: int, phase: int | None, quarter: str | None) -> None:
    """Đặt chỉ tiêu số sáng kiến (0: bỏ chỉ tiêu) cho một giai đoạn hoặc một quý."""
    from sangkien_desktop.stats import set_phase_target, set_quarter_target

    if (phase is None) == (quarter is None):
        raise InputError("Ghi đúng một trong hai: --phase N hoặc --quarter Q/YYYY.")
    if phase is not None:
        set_phase_target(ctx.db, ctx.profile, phase, count)
        click.echo(f"Đã đặt chỉ tiêu giai đoạn {phase}: {count} sáng kiến.")
        return
    parts = str(quarter).replace("-", "/").split("/")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise InputError(f"--quarter: “{quarter}” không phải dạng Q/YYYY (ví dụ 1/2022).")
    q, year = int(parts[0]), int(parts[1])
    set_quarter_target(ctx.db, year, q, count)
    click.echo(f"Đã đặt chỉ tiêu quý {q}/{year}: {count} sáng kiến.")


def register(cli: click.Group) -> None:
    cli.add_command(template_cmd)
    cli.add_command(stats_cmd)
    cli.add_command(target_group)
    export = cli.commands.get("export")
    if isinstance(export, click.Group):
        export.add_command(export_xlsx)
