"""``sangkien print …``: certificates, dossier forms, reward decisions, document settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from sangkien_desktop.cli_support import Context, parse_date_option, pass_ctx
from sangkien_desktop.errors import InputError


@click.group("print")
def print_group() -> None:
    """In giấy tờ ra PDF: giấy chứng nhận, mẫu đơn, quyết định khen thưởng."""


@print_group.command("certificates")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--codes", help="Mã sáng kiến, cách nhau bởi dấu phẩy (in lại giữ nguyên số).")
@click.option(
    "--all-recognised", is_flag=True, help="Mọi sáng kiến đã công nhận chưa được cấp giấy."
)
@click.option("--date", "when", help="Ngày cấp dd/mm/yyyy (mặc định: hôm nay).")
@pass_ctx
def certificates_cmd(
    ctx: Context, out: Path, codes: str | None, all_recognised: bool, when: str | None
) -> None:
    """In giấy chứng nhận sáng kiến (mỗi tác giả một trang) vào một tệp PDF."""
    from sangkien_desktop.documents.eligibility import (
        NotEligibleError,
        Refusal,
        left_out_text,
        one_line,
    )
    from sangkien_desktop.documents.service import print_certificates, split_codes

    if bool(codes) == all_recognised:
        raise InputError("Chọn đúng một trong hai: --codes SK-…,SK-… hoặc --all-recognised.")
    selected = split_codes(codes) if codes else None
    if codes and not selected:
        raise InputError("--codes: chưa có mã sáng kiến nào.")
    day = parse_date_option(when, "--date")
    refused: list[Refusal] = []
    try:
        count = print_certificates(
            ctx.db, ctx.profile, out, selected, issued_on=day, refused=refused
        )
    except NotEligibleError as exc:
        raise one_line(exc) from exc
    click.echo(f"Đã in {count} giấy chứng nhận ra {out}.")
    if refused:
        click.echo(left_out_text("certificate", refused), err=True)


@print_group.command("form")
@click.argument("kind", metavar="application|description|receipt|portal-sheet")
@click.argument("code")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--today", help="Ngày dùng làm “hôm nay” (dd/mm/yyyy), ví dụ ngày nhận đơn.")
@pass_ctx
def form_cmd(ctx: Context, kind: str, code: str, out: Path, today: str | None) -> None:
    """In một mẫu hồ sơ của sáng kiến CODE: đơn, mô tả, giấy biên nhận, phiếu thông tin."""
    from sangkien_desktop.documents.forms import FORM_NAMES
    from sangkien_desktop.documents.service import print_form

    print_form(ctx.db, ctx.profile, kind, code, out, parse_date_option(today, "--today"))
    click.echo(f"Đã in {FORM_NAMES[kind].lower()} của {code} ra {out}.")


@print_group.command("reward-decision")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--decision-no", required=True, help="Số quyết định, ví dụ 25 hoặc 25/QĐ-CĐCS.")
@click.option("--date", "when", help="Ngày quyết định dd/mm/yyyy (mặc định: ngày đã ghi).")
@click.option("--codes", help="Chỉ các sáng kiến này (cách nhau bởi dấu phẩy).")
@click.option(
    "--amount",
    type=int,
    help="Lập danh sách từ --codes: mỗi sáng kiến (tác giả, nhóm tác giả) thưởng số tiền này.",
)
@pass_ctx
def reward_decision_cmd(
    ctx: Context,
    out: Path,
    decision_no: str,
    when: str | None,
    codes: str | None,
    amount: int | None,
) -> None:
    """In quyết định khen thưởng và danh sách kèm theo."""
    from sangkien_desktop.documents.eligibility import NotEligibleError, one_line
    from sangkien_desktop.documents.service import (
        awards_for_initiatives,
        print_reward_decision,
        split_codes,
    )

    selected = split_codes(codes) or None
    awards = None
    if amount is not None:
        if not selected:
            raise InputError("--amount cần --codes: chọn các sáng kiến được khen thưởng.")
        awards = awards_for_initiatives(ctx.db, selected, amount)
    day = parse_date_option(when, "--date")
    try:
        count = print_reward_decision(ctx.db, ctx.profile, out, decision_no, day, awards, selected)
    except NotEligibleError as exc:
        raise one_line(exc) from exc
    click.echo(f"Đã in quyết định khen thưởng ({count} dòng trong danh sách) ra {out}.")


_SETTING_OPTIONS = {
    "superior_body": ("--superior", "Công đoàn cấp trên (dòng trên của tên cơ quan)."),
    "issuing_body": ("--issuing", "Cơ quan ban hành (công đoàn cơ sở)."),
    "addressee": ("--addressee", "“Kính gửi” của đơn yêu cầu công nhận."),
    "recognising_body": (
        "--recognising-body",
        "Tổ chức công nhận sáng kiến (nhận đơn, ký giấy biên nhận), VD: Công ty X.",
    ),
    "reward_regulation": (
        "--reward-regulation",
        "Quy chế khen thưởng của công đoàn, nêu trong phần căn cứ của quyết định khen thưởng.",
    ),
    "place": ("--place", "Địa danh ghi trước ngày tháng."),
    "certificate_symbol": ("--certificate-symbol", "Ký hiệu giấy chứng nhận (GCN-CĐCS)."),
    "decision_symbol": ("--decision-symbol", "Ký hiệu quyết định (QĐ-CĐCS)."),
    "receipt_symbol": ("--receipt-symbol", "Ký hiệu giấy biên nhận (BN-HĐSK)."),
    "on_behalf": ("--on-behalf", "Thẩm quyền ký (TM. BAN CHẤP HÀNH)."),
    "signatory_title": ("--signatory-title", "Chức vụ người ký (CHỦ TỊCH)."),
    "signatory_name": ("--signatory-name", "Họ và tên người ký."),
    "logo_path": ("--logo", "Tệp ảnh logo in trên giấy chứng nhận (để trống: không in)."),
}


def _settings_command() -> click.Command:
    @pass_ctx
    def settings_cmd(ctx: Context, **values: Any) -> None:
        """Xem hoặc sửa cài đặt văn bản của đơn vị (tên cơ quan, ký hiệu, người ký…)."""
        from dataclasses import asdict, replace

        from sangkien_desktop.documents.fonts import font_in_use
        from sangkien_desktop.documents.settings import load_settings, save_settings

        settings = load_settings(ctx.db)
        changes = {k: v for k, v in values.items() if v is not None}
        if changes:
            settings = save_settings(ctx.db, replace(settings, **changes))
        for key, value in asdict(settings).items():
            click.echo(f"{_SETTING_OPTIONS[key][0][2:]:<20} {value}")
        click.echo(f"{'font':<20} {font_in_use()} (phông chữ in văn bản)")

    command = click.command("settings")(settings_cmd)
    for key, (flag, help_text) in reversed(_SETTING_OPTIONS.items()):
        command = click.option(flag, key, type=str, default=None, help=help_text)(command)
    return command


print_group.add_command(_settings_command())


def register(cli: click.Group) -> None:
    cli.add_command(print_group)
