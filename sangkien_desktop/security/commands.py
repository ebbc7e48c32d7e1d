"""``sangkien audit verify|log`` and
``sangkien user add|list|passwd|set-role|disable|enable|recover``."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from sangkien_desktop.cli_support import PASSWORD_ENV, Context, Count, pass_ctx
from sangkien_desktop.errors import InputError
from sangkien_desktop.exchange.checkpoints import check_log_against, write_checkpoints
from sangkien_desktop.security.access import authorise
from sangkien_desktop.security.audit import ENTITIES, history, seal_states, verify
from sangkien_desktop.security.users import (
    ROLE_NAMES,
    Role,
    add_user,
    change_password,
    finish_recovery,
    list_users,
    recovery_file,
    recovery_pending,
    set_password,
    start_recovery,
    update_user,
)

NEW_PASSWORD_ENV = "SANGKIEN_NEW_PASSWORD"
F = TypeVar("F", bound=Callable[..., Any])


@click.group()
def audit() -> None:
    """Nhật ký thay đổi (chuỗi băm chống sửa, xóa)."""


@audit.command("verify")
@click.option(
    "--checkpoints",
    "checkpoint_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Tệp mốc cấp trên gửi lại (sangkien audit checkpoints) hoặc tệp gói đã xuất: kiểm tra "
    "thêm nhật ký có bị viết lại sau khi gửi gói không (lặp lại được).",
)
@pass_ctx
def audit_verify(ctx: Context, checkpoint_files: tuple[Path, ...]) -> None:
    """Kiểm tra chuỗi băm của nhật ký và dữ liệu (sáng kiến, đoàn viên, tài khoản, khen thưởng)
    so với nhật ký: mã thoát 0 nếu nguyên vẹn, 1 nếu có dòng bị sửa/xóa hoặc dữ liệu bị sửa
    ngoài ứng dụng."""
    found = verify(ctx.db)
    rewritten: list[str] = []
    if checkpoint_files:
        read, rewritten = check_log_against(ctx.db, checkpoint_files)
        if not rewritten:
            click.echo(f"Nhật ký khớp với {read} mốc trong gói đã gửi cấp trên.")
    for warning in found.warnings:
        click.echo(f"Lưu ý: {warning}", err=True)
    if found.intact and not rewritten:
        click.echo(
            f"Nhật ký nguyên vẹn ({found.rows} dòng): không có dòng nào bị sửa hay xóa; dữ liệu "
            "khớp với nhật ký."
        )
        return
    for line in rewritten:
        click.echo(line, err=True)
    for problem in found.problems:
        click.echo(str(problem), err=True)
    for line in found.outside:
        click.echo(line, err=True)
    if rewritten:
        click.echo(
            f"Nhật ký bị viết lại sau khi gửi gói: {len(rewritten)} mốc không còn khớp.", err=True
        )
    if found.problems:
        click.echo(f"Nhật ký bị can thiệp: {len(found.problems)} chỗ đứt chuỗi.", err=True)
    if found.outside:
        click.echo(
            f"Dữ liệu bị sửa ngoài ứng dụng: {len(found.outside)} mục khác với nhật ký.", err=True
        )
    sys.exit(1)


@audit.command("checkpoints")
@click.option("--unit", "unit_code", required=True, help="Mã đơn vị cấp dưới (ví dụ CDCS-CKDA).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Tệp JSON ghi ra, để gửi lại đơn vị (sangkien audit verify --checkpoints TỆP).",
)
@pass_ctx
def audit_checkpoints(ctx: Context, unit_code: str, out: Path) -> None:
    """Cấp trên: ghi các mốc nhật ký đã nhận trong gói của một đơn vị ra tệp JSON."""
    count = write_checkpoints(ctx.db, unit_code.strip(), out)
    click.echo(f"Đã ghi {count} mốc nhật ký của {unit_code} vào {out}.")


@audit.command("seal")
@pass_ctx
def audit_seal(ctx: Context) -> None:
    """Ghi vào nhật ký trạng thái hiện tại của mọi sáng kiến, đoàn viên, tài khoản, khen thưởng
    chưa có hoặc khác trong nhật ký (người quản trị, sau khi đã xem “audit verify”)."""
    db = ctx.db
    actor = authorise(db, "setting.edit", "(dòng lệnh)")
    with db.session() as session:
        sealed = seal_states(session, actor)
    click.echo(
        f"Đã ghi trạng thái hiện tại của {len(sealed)} mục vào nhật ký; từ nay mục nào thiếu "
        "trong nhật ký sẽ bị báo là thêm ngoài ứng dụng."
    )


@audit.command("log")
@click.option("--entity", type=click.Choice(ENTITIES), help="Chỉ loại đối tượng này.")
@click.option("--id", "entity_id", help="Mã đối tượng (ví dụ mã sáng kiến SK-2024-0001).")
@click.option(
    "--limit", type=Count(1, 1_000_000), default=50, show_default=True, help="Số dòng mới nhất."
)
@pass_ctx
def audit_log(ctx: Context, entity: str | None, entity_id: str | None, limit: int) -> None:
    """In các dòng nhật ký mới nhất: ai, lúc nào, làm gì, giá trị cũ → mới."""
    for line in history(ctx.db, entity, entity_id, limit):
        who = line.actor or "(không rõ)"
        click.echo(
            f"#{line.id} {line.at:%d/%m/%Y %H:%M:%S} {who} {line.action} "
            f"{line.entity} {line.entity_id}"
        )
        for field, (old, new) in line.changes.items():
            before = json.dumps(old, ensure_ascii=False)
            after = json.dumps(new, ensure_ascii=False)
            click.echo(f"    {field}: {before} → {after}")


@click.group()
def user() -> None:
    """Tài khoản người dùng và vai trò."""


def _new_password(password_file: Path | None, username: str) -> str:
    """A new password: from the file (first line), else ``SANGKIEN_NEW_PASSWORD``, else a hidden
    prompt asked twice; never an argument (it would show in the process list and the shell
    history). ``SANGKIEN_PASSWORD`` is the sign-in password of ``--user``, never a new one."""
    if password_file is not None:
        lines = password_file.read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    if os.environ.get(NEW_PASSWORD_ENV):
        return os.environ[NEW_PASSWORD_ENV]
    return str(
        click.prompt(
            f"Mật khẩu mới của {username}",
            hide_input=True,
            confirmation_prompt="Nhập lại mật khẩu mới",
            err=True,
        )
    )


def password_file_option(function: F) -> F:
    return click.option(
        "--password-file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=f"Tệp chứa mật khẩu mới (dòng đầu). Không có thì đọc biến {NEW_PASSWORD_ENV} "
        "hoặc hỏi.",
    )(function)


ROLE_HELP = "ADMIN (quản trị), CHAIR (công nhận, ký, in), SUPPORT (nhập, sửa), VIEWER (xem)."


@user.command("add")
@click.argument("username")
@click.option("--full-name", default="", help="Họ và tên.")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True, help=ROLE_HELP)
@password_file_option
@pass_ctx
def user_add(
    ctx: Context, username: str, full_name: str, role: str, password_file: Path | None
) -> None:
    """Tạo tài khoản (tài khoản đầu tiên phải là ADMIN; sau đó cần --user của quản trị)."""
    db = ctx.db
    info = add_user(
        db, username, full_name, role, _new_password(password_file, username), actor="(dòng lệnh)"
    )
    click.echo(f"Đã tạo tài khoản {info.username} ({ROLE_NAMES[Role(info.role)]}).")


@user.command("list")
@pass_ctx
def user_list(ctx: Context) -> None:
    """Liệt kê tài khoản."""
    for info in list_users(ctx.db):
        state = "" if info.active else " (đã khóa)"
        click.echo(f"{info.username}\t{info.role}\t{info.full_name}{state}")


@user.command("passwd")
@click.argument("username", required=False)
@click.option(
    "--reset",
    is_flag=True,
    help="Người quản trị (--user) đặt mật khẩu mới cho tài khoản khác, không cần mật khẩu cũ.",
)
@password_file_option
@pass_ctx
def user_passwd(
    ctx: Context, username: str | None, reset: bool, password_file: Path | None
) -> None:
    """Đổi mật khẩu của chính mình (hỏi mật khẩu hiện tại), hoặc --reset: quản trị đặt lại."""
    name = username or ctx.username
    if not name:
        raise InputError("Cho biết tài khoản cần đổi mật khẩu (sangkien user passwd TÊN).")
    if reset:
        db = ctx.db
        set_password(db, name, _new_password(password_file, name), actor="(dòng lệnh)")
        click.echo(f"Đã đặt mật khẩu mới cho {name}.")
        return
    db = ctx.open_db()  # the current password proves who is asking
    old = os.environ.get(PASSWORD_ENV) or str(
        click.prompt(f"Mật khẩu hiện tại của {name}", hide_input=True, err=True)
    )
    change_password(db, name, old, _new_password(password_file, name))
    click.echo(f"Đã đổi mật khẩu của {name}.")


@user.command("set-role")
@click.argument("username")
@click.argument("role", type=click.Choice([r.value for r in Role]))
@pass_ctx
def user_set_role(ctx: Context, username: str, role: str) -> None:
    """Đổi vai trò của một tài khoản (cần --user của quản trị)."""
    info = update_user(ctx.db, username, role=role, actor="(dòng lệnh)")
    click.echo(f"{info.username}: vai trò mới là {ROLE_NAMES[Role(info.role)]}.")


@user.command("disable")
@click.argument("username")
@pass_ctx
def user_disable(ctx: Context, username: str) -> None:
    """Khóa một tài khoản: không đăng nhập được nữa (cần --user của quản trị)."""
    info = update_user(ctx.db, username, active=False, actor="(dòng lệnh)")
    click.echo(f"Đã khóa tài khoản {info.username}.")


@user.command("enable")
@click.argument("username")
@pass_ctx
def user_enable(ctx: Context, username: str) -> None:
    """Mở lại một tài khoản đã khóa (cần --user của quản trị)."""
    info = update_user(ctx.db, username, active=True, actor="(dòng lệnh)")
    click.echo(f"Đã mở lại tài khoản {info.username}.")


@user.command("recover")
@click.option("--account", help="Tài khoản quản trị cần đặt lại mật khẩu (lần chạy thứ hai).")
@password_file_option
@pass_ctx
def user_recover(ctx: Context, account: str | None, password_file: Path | None) -> None:
    """Quên mật khẩu quản trị: khôi phục khi có quyền ghi vào thư mục dữ liệu trên máy này.

    Lần 1: in một mã dùng một lần và nơi phải tạo tệp KHOI-PHUC-QUAN-TRI.txt chứa mã đó.
    Lần 2 (trong vòng 1 giờ, sau khi đã tạo tệp): hỏi tài khoản quản trị và mật khẩu mới,
    đặt lại, xóa tệp, ghi nhật ký."""
    db = ctx.open_db()  # nobody can sign in: that is why we are here
    path = recovery_file(db)
    if not (path.exists() and recovery_pending(db)):
        start = start_recovery(db)
        click.echo(
            "Khôi phục mật khẩu quản trị — bước 1/2.\n"
            f"Mã khôi phục (dùng một lần, đến {start.until:%H:%M %d/%m/%Y}): {start.code}\n"
            f"Hãy tạo tệp văn bản\n    {start.file}\n"
            "(ngay cạnh tệp cơ sở dữ liệu), ghi đúng mã trên vào tệp, lưu lại, rồi chạy lại lệnh "
            "“sangkien user recover”."
        )
        if path.exists():
            click.echo(
                f"Tệp {path.name} đang có sẵn không còn dùng được: hãy ghi mã mới vào đó.",
            )
        return
    admins = [u for u in list_users(db) if u.role == Role.ADMIN]
    name = account or str(
        click.prompt(
            "Tài khoản quản trị cần đặt lại mật khẩu ("
            + ", ".join(u.username for u in admins)
            + ")",
            err=True,
        )
    )
    info = finish_recovery(db, name, _new_password(password_file, name))
    click.echo(
        f"Đã đặt mật khẩu mới cho {info.username}; tệp {path.name} đã được xóa, việc khôi phục "
        "được ghi vào nhật ký."
    )


def register(cli: click.Group) -> None:
    """Add the trust commands to ``sangkien``."""
    cli.add_command(audit)
    cli.add_command(user)
