"""``sangkien key …``, ``sangkien verify``, ``sangkien export bundle|confirm-uploaded|bundles``,
``sangkien import bundle`` and ``sangkien report upper``.

A passphrase never comes from a command-line argument (other users can read those, and shells
keep them in their history): it is read from ``--passphrase-file FILE``, from the environment
variable ``SANGKIEN_PASSPHRASE``, or asked with hidden typing when a person is at the terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from sangkien_desktop.cli_support import Context, parse_date_option, pass_ctx
from sangkien_desktop.errors import InputError
from sangkien_desktop.text import format_date, format_vnd

if TYPE_CHECKING:
    from sangkien_desktop.exchange.keys import KeyInfo

F = TypeVar("F", bound=Callable[..., Any])
PASSPHRASE_ENV = "SANGKIEN_PASSPHRASE"
_NO_PASSPHRASE = (
    "Cần mật khẩu khóa ký: dùng --passphrase-file TỆP hoặc biến môi trường "
    f"{PASSPHRASE_ENV} (mật khẩu không bao giờ được ghi trên dòng lệnh)."
)


def passphrase_file_option(function: F) -> F:
    return click.option(
        "--passphrase-file",
        type=click.Path(path_type=Path, dir_okay=False),
        help=f"Tệp chứa mật khẩu khóa ký (dòng đầu). Hoặc đặt biến {PASSPHRASE_ENV}.",
    )(function)


def read_passphrase(file: Path | None, *, new: bool = False) -> str:
    """The passphrase from ``file``, the environment, or a hidden prompt (confirmed when new)."""
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InputError(f"Không tìm thấy tệp mật khẩu {file}.") from None
        except UnicodeDecodeError:
            raise InputError(f"Tệp mật khẩu {file.name} không phải văn bản UTF-8.") from None
        passphrase = text.splitlines()[0] if text.splitlines() else ""
        if not passphrase:
            raise InputError(f"Tệp mật khẩu {file.name} rỗng.")
        return passphrase
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if sys.stdin is not None and sys.stdin.isatty():
        return str(
            click.prompt(
                "Mật khẩu khóa ký" if not new else "Đặt mật khẩu khóa ký (ít nhất 8 ký tự)",
                hide_input=True,
                confirmation_prompt="Nhập lại mật khẩu" if new else False,
            )
        )
    raise InputError(_NO_PASSPHRASE, english="A key passphrase is required.")


def register(cli: click.Group) -> None:
    """Add the exchange commands to ``sangkien``."""
    cli.add_command(key)
    cli.add_command(verify)
    export = cli.commands.get("export")
    if isinstance(export, click.Group):
        export.add_command(export_bundle_cmd)
        export.add_command(confirm_uploaded_cmd)
        export.add_command(bundles_cmd)
    imports = cli.commands.get("import")
    if isinstance(imports, click.Group):
        imports.add_command(import_bundle_cmd)
    report = cli.commands.get("report")
    if not isinstance(report, click.Group):
        report = report_group
        cli.add_command(report)
    report.add_command(upper_report_cmd)


# --- sangkien key ------------------------------------------------------------------------


@click.group()
def key() -> None:
    """Khóa ký của đơn vị và các khóa được tin cậy."""


@key.command("init")
@click.option("--replace", is_flag=True, help="Thay khóa đang dùng bằng khóa mới.")
@passphrase_file_option
@pass_ctx
def key_init(ctx: Context, replace: bool, passphrase_file: Path | None) -> None:
    """Tạo khóa ký Ed25519 cho đơn vị (khóa bí mật được mã hóa bằng mật khẩu)."""
    from sangkien_desktop.exchange.keys import check_new_passphrase, create_unit_key

    passphrase = read_passphrase(passphrase_file, new=True)
    check_new_passphrase(passphrase)
    info = create_unit_key(ctx.db, passphrase, replace=replace)
    click.echo(f"Đã tạo khóa ký cho {info.unit_name} ({info.unit_code}).")
    click.echo(f"Dấu vân tay: {info.fingerprint}")
    click.echo(
        "Tiếp theo: “sangkien key export-public TỆP” để gửi khóa công khai cho cấp trên, và "
        "“sangkien key backup TỆP” để cất bản sao khóa (đã mã hóa) ra USB."
    )


@key.command("show")
@pass_ctx
def key_show(ctx: Context) -> None:
    """Xem dấu vân tay khóa ký của đơn vị."""
    from sangkien_desktop.exchange.keys import unit_key_info

    info = unit_key_info(ctx.db)
    if info is None:
        click.echo("Đơn vị chưa có khóa ký; chạy “sangkien key init”.")
        return
    click.echo(f"Đơn vị: {info.unit_name} ({info.unit_code})")
    click.echo(f"Dấu vân tay: {info.fingerprint}")
    if info.created_at:
        click.echo(f"Tạo ngày: {format_date(info.created_at.date())}")


@key.command("export-public")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@pass_ctx
def key_export_public(ctx: Context, file: Path) -> None:
    """Ghi khóa công khai của đơn vị ra tệp để gửi cấp trên."""
    from sangkien_desktop.exchange.keys import export_public_key

    info = export_public_key(ctx.db, file)
    click.echo(f"Đã ghi khóa công khai {info.fingerprint} ra {file}.")


@key.command("backup")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@passphrase_file_option
@pass_ctx
def key_backup(ctx: Context, file: Path, passphrase_file: Path | None) -> None:
    """Sao lưu khóa ký (vẫn được mã hóa bằng mật khẩu) ra tệp."""
    from sangkien_desktop.exchange.keys import backup_unit_key

    info = backup_unit_key(ctx.db, file, read_passphrase(passphrase_file))
    click.echo(f"Đã sao lưu khóa {info.fingerprint} ra {file}; cần đúng mật khẩu để khôi phục.")


@key.command("restore")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--replace", is_flag=True, help="Thay khóa đang dùng bằng khóa trong bản sao.")
@passphrase_file_option
@pass_ctx
def key_restore(ctx: Context, file: Path, replace: bool, passphrase_file: Path | None) -> None:
    """Khôi phục khóa ký từ bản sao."""
    from sangkien_desktop.exchange.keys import restore_unit_key

    info = restore_unit_key(ctx.db, file, read_passphrase(passphrase_file), replace=replace)
    click.echo(f"Đã khôi phục khóa ký {info.fingerprint} cho {info.unit_name}.")


@key.command("trust")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--unit", "unit_code", default="", help="Mã đơn vị (khi tệp khóa không ghi).")
@click.option(
    "--fingerprint", default="", help="Dấu vân tay trên phiếu đăng ký khóa, để đối chiếu."
)
@pass_ctx
def key_trust(ctx: Context, file: Path, unit_code: str, fingerprint: str) -> None:
    """Tin cậy khóa công khai của một đơn vị (tệp khóa, hoặc một gói đã ký bằng khóa đó)."""
    info = _trust(ctx, file, unit_code, fingerprint)
    click.echo(
        f"Đã tin cậy khóa {info.fingerprint} của {info.unit_name or info.unit_code} "
        f"({info.unit_code})."
    )
    if not fingerprint:
        click.echo("Hãy chắc chắn dấu vân tay này trùng với phiếu đăng ký khóa đơn vị đã ký gửi.")


def _trust(
    ctx: Context, file: Path, unit_code: str, expected: str, bundle: Path | None = None
) -> KeyInfo:
    from sangkien_desktop.exchange.keys import (
        normalise_fingerprint,
        read_public_key_file,
        trust_key,
    )
    from sangkien_desktop.exchange.verify import verify_bundle

    if file.suffix.lower() == ".zip":
        checked = verify_bundle(file, profile=ctx.profile)
        if not checked.valid or checked.key is None or checked.info is None:
            reason = checked.problems[0] if checked.problems else "gói không hợp lệ"
            raise InputError(f"Không lấy được khóa từ gói {file.name}: {reason}")
        info = checked.key
        unit_code = unit_code or checked.info.unit_code
        unit_name = checked.info.unit_name
    else:
        info = read_public_key_file(file)
        unit_name = info.unit_name
        if not (unit_code or info.unit_code) and bundle is not None:
            checked = verify_bundle(bundle, profile=ctx.profile)
            if checked.info is not None:
                unit_code, unit_name = checked.info.unit_code, checked.info.unit_name
    if expected and normalise_fingerprint(expected) != info.fingerprint:
        raise InputError(
            f"Dấu vân tay của khóa là {info.fingerprint}, khác dấu vân tay {expected} trên phiếu "
            "đăng ký: KHÔNG tin cậy khóa này."
        )
    return trust_key(ctx.db, info, unit_code, unit_name)


@key.command("trusted")
@pass_ctx
def key_trusted(ctx: Context) -> None:
    """Danh sách khóa được tin cậy."""
    from sangkien_desktop.exchange.keys import trusted_keys

    keys = trusted_keys(ctx.db)
    for k in keys:
        added = format_date(k.created_at.date()) if k.created_at else ""
        click.echo(f"{k.fingerprint}  {k.unit_code:<16} {k.unit_name[:50]:<50} {added}")
    click.echo(f"— {len(keys)} khóa")


@key.command("untrust")
@click.argument("fingerprint")
@pass_ctx
def key_untrust(ctx: Context, fingerprint: str) -> None:
    """Thôi tin cậy một khóa (theo dấu vân tay)."""
    from sangkien_desktop.exchange.keys import untrust_key

    untrust_key(ctx.db, fingerprint)
    click.echo(f"Đã thôi tin cậy khóa {fingerprint}.")


# --- sangkien verify ---------------------------------------------------------------------


@click.command()
@click.argument("bundles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--trust",
    "trust_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Tin cậy khóa công khai trong tệp này (sau khi đã so dấu vân tay) rồi kiểm tra.",
)
@pass_ctx
def verify(ctx: Context, bundles: tuple[Path, ...], trust_file: Path | None) -> None:
    """Kiểm tra gói: đủ tệp, đúng mã băm, đúng chữ ký, khóa được tin cậy, bản ghi hợp lệ."""
    from sangkien_desktop.exchange.keys import trusted_keys
    from sangkien_desktop.exchange.verify import verify_bundle

    if trust_file is not None:
        info = _trust(ctx, trust_file, "", "", bundle=bundles[0])
        click.echo(f"Đã tin cậy khóa {info.fingerprint} của {info.unit_code}.")
    keys = trusted_keys(ctx.db)
    failed = False
    for bundle in bundles:
        result = verify_bundle(bundle, trusted=keys, profile=ctx.profile)
        click.echo("\n".join(result.lines()))
        failed = failed or not result.ok
    sys.exit(1 if failed else 0)


# --- sangkien export bundle | confirm-uploaded | bundles ------------------------------------


@click.command("bundle")
@click.argument("out_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--all", "send_all", is_flag=True, help="Gửi lại mọi sáng kiến đã sẵn sàng/đã gửi.")
@click.option(
    "--since-last",
    "since_last",
    is_flag=True,
    help="Chỉ sáng kiến chưa gửi hoặc đã sửa từ lần gửi trước (mặc định).",
)
@click.option("--by", "actor", default="", help="Người xuất gói.")
@passphrase_file_option
@pass_ctx
def export_bundle_cmd(
    ctx: Context,
    out_dir: Path,
    send_all: bool,
    since_last: bool,
    actor: str,
    passphrase_file: Path | None,
) -> None:
    """Xuất gói đã ký (.zip, chuẩn BagIt) gửi công đoàn cấp trên."""
    from sangkien_desktop.exchange.export import export_bundle
    from sangkien_desktop.exchange.keys import unit_key_info

    if send_all and since_last:
        raise InputError("Chỉ chọn một trong --all và --since-last.")
    if unit_key_info(ctx.db) is None:
        raise InputError("Đơn vị chưa có khóa ký: chạy “sangkien key init” trước khi xuất gói.")
    passphrase = read_passphrase(passphrase_file)
    result = export_bundle(
        ctx.db, ctx.profile, out_dir, passphrase, "all" if send_all else "pending", actor=actor
    )
    click.echo(
        f"Đã xuất gói số {result.sequence}: {result.path} — {result.initiative_count} sáng kiến, "
        f"{result.attachment_count} tệp đính kèm, ký bằng khóa {result.key_fingerprint}."
    )
    if result.moved:
        click.echo(f"{len(result.moved)} sáng kiến chuyển sang “Đã xuất gói”.")
    for code, reason in result.refused:
        click.echo(f"  {code}: chưa chuyển trạng thái — {reason}", err=True)


@click.command("confirm-uploaded")
@click.argument("bundle")
@click.option("--date", "when", help="Ngày đã cập nhật lên Cổng (dd/mm/yyyy); mặc định hôm nay.")
@click.option("--by", "actor", default="", help="Người xác nhận.")
@pass_ctx
def confirm_uploaded_cmd(ctx: Context, bundle: str, when: str | None, actor: str) -> None:
    """Xác nhận các sáng kiến của một gói đã lên Cổng (mã gói, số thứ tự hoặc tên tệp)."""
    from sangkien_desktop.exchange.export import confirm_uploaded

    day = parse_date_option(when, "--date")
    report = confirm_uploaded(ctx.db, bundle, ctx.profile, day, actor)
    click.echo(f"{len(report.moved)} sáng kiến chuyển sang “Đã lên Cổng”.")
    for code, reason in report.refused:
        click.echo(f"  {code}: {reason}", err=True)


@click.command("bundles")
@pass_ctx
def bundles_cmd(ctx: Context) -> None:
    """Danh sách gói đã xuất."""
    from sangkien_desktop.exchange.export import sent_bundles

    rows = sent_bundles(ctx.db)
    for b in rows:
        uploaded = (
            f"lên Cổng {format_date(b.uploaded_on)}"
            if b.uploaded_on
            else (f"{b.still_exported} chờ lên Cổng")
        )
        click.echo(
            f"số {b.sequence:>4}  {format_date(b.created_at.date())}  {b.initiative_count:>5} "
            f"sáng kiến  {uploaded:<22} {b.file_name}"
        )
    click.echo(f"— {len(rows)} gói")


# --- sangkien import bundle ----------------------------------------------------------------


@click.command("bundle")
@click.argument("bundles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--by", "actor", default="", help="Người nhận.")
@pass_ctx
def import_bundle_cmd(ctx: Context, bundles: tuple[Path, ...], actor: str) -> None:
    """Nhận gói của các đơn vị cấp dưới (tệp .zip hoặc thư mục chứa gói): kiểm tra rồi gộp."""
    from sangkien_desktop.exchange.combine import import_bundles

    paths: list[Path] = []
    for item in bundles:
        if item.is_dir():
            paths += sorted(item.glob("*.zip"))
        elif item.is_file():
            paths.append(item)
        else:
            raise InputError(f"Không tìm thấy tệp gói {item}.")
    if not paths:
        raise InputError("Không có tệp gói .zip nào để nhận.")
    report = import_bundles(ctx.db, paths, ctx.profile, actor=actor)
    for done in report.bundles:
        click.echo(done.line())
        for warning in done.warnings:
            click.echo(f"  ! {warning}")
        for problem in done.problems[1:]:
            click.echo(f"  ✗ {problem}")
    click.echo(f"— đã nhận {report.imported} gói, từ chối {report.refused} gói.")
    if report.refused:
        sys.exit(1)


# --- sangkien report upper -----------------------------------------------------------------


@click.group("report")
def report_group() -> None:
    """Báo cáo tổng hợp."""


@click.command("upper")
@click.argument("out", required=False, type=click.Path(path_type=Path, dir_okay=False))
@pass_ctx
def upper_report_cmd(ctx: Context, out: Path | None) -> None:
    """Tổng hợp của cấp trên: theo đơn vị, cụm khối, loại, giai đoạn, quý; tỷ lệ tham gia;
    xếp hạng quý trong cụm. Ghi ra Excel nếu cho tên tệp .xlsx."""
    from sangkien_desktop.exchange.upper import upper_report, write_upper_report

    report = upper_report(ctx.db, ctx.profile)
    for u in report.units:
        pct = u.participation_pct
        rate = f"{pct:5.1f}%" if pct is not None else "   - "
        flag = "" if pct is None else (" đạt" if pct >= report.target_pct else " chưa đạt")
        click.echo(
            f"{u.code:<16} {u.name[:40]:<40} {u.initiatives:>6} SK  {u.eligible:>6} đủ ĐK  "
            f"tham gia {rate}{flag}  {format_vnd(u.economic_value_vnd) or '0 đ'}"
        )
    whole = report.totals
    click.echo(
        f"— {whole.units} đơn vị, {whole.initiatives} sáng kiến, {whole.eligible} đủ điều kiện."
    )
    recognised = [r for r in report.ranking if r.recognised]
    for r in recognised:
        click.echo(f"Ghi nhận Q{r.quarter}/{r.year}, {r.cluster}: {r.unit_name} ({r.count} SK)")
    if out is not None:
        if out.suffix.lower() != ".xlsx":
            raise InputError(f"{out.name}: báo cáo Excel phải có đuôi .xlsx.")
        write_upper_report(report, out, ctx.db)
        click.echo(f"Đã ghi báo cáo ra {out}.")
