"""``sangkien audit verify|log`` and ``sangkien user add|list``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from sangkien_desktop.cli_support import Context, pass_ctx
from sangkien_desktop.security.audit import ENTITIES, history, verify_chain
from sangkien_desktop.security.users import ROLE_NAMES, Role, add_user, list_users

PASSWORD_ENV = "SANGKIEN_PASSWORD"


@click.group()
def audit() -> None:
    """Nhật ký thay đổi (chuỗi băm chống sửa, xóa)."""


@audit.command("verify")
@pass_ctx
def audit_verify(ctx: Context) -> None:
    """Kiểm tra chuỗi băm của nhật ký: mã thoát 0 nếu nguyên vẹn, 1 nếu có dòng bị sửa/xóa."""
    problems = verify_chain(ctx.db)
    if not problems:
        click.echo("Nhật ký nguyên vẹn: không có dòng nào bị sửa hay xóa.")
        return
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(f"Nhật ký bị can thiệp: {len(problems)} chỗ đứt chuỗi.", err=True)
    sys.exit(1)


@audit.command("log")
@click.option("--entity", type=click.Choice(ENTITIES), help="Chỉ loại đối tượng này.")
@click.option("--id", "entity_id", help="Mã đối tượng (ví dụ mã sáng kiến SK-2024-0001).")
@click.option("--limit", type=int, default=50, show_default=True, help="Số dòng mới nhất.")
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


def _password(password_file: Path | None) -> str:
    """From the file (first line), else the environment, else a hidden prompt; never an
    argument (it would show in the process list and the shell history)."""
    if password_file is not None:
        lines = password_file.read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    return str(click.prompt("Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu"))


@user.command("add")
@click.argument("username")
@click.option("--full-name", default="", help="Họ và tên.")
@click.option(
    "--role",
    type=click.Choice([r.value for r in Role]),
    required=True,
    help="ADMIN (quản trị), CHAIR (công nhận, ký, in), SUPPORT (nhập, sửa), VIEWER (xem).",
)
@click.option(
    "--password-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=f"Tệp chứa mật khẩu (dòng đầu). Không có thì đọc biến {PASSWORD_ENV} hoặc hỏi.",
)
@pass_ctx
def user_add(
    ctx: Context, username: str, full_name: str, role: str, password_file: Path | None
) -> None:
    """Tạo tài khoản."""
    info = add_user(
        ctx.db, username, full_name, role, _password(password_file), actor="(dòng lệnh)"
    )
    click.echo(f"Đã tạo tài khoản {info.username} ({ROLE_NAMES[Role(info.role)]}).")


@user.command("list")
@pass_ctx
def user_list(ctx: Context) -> None:
    """Liệt kê tài khoản."""
    for info in list_users(ctx.db):
        state = "" if info.active else " (đã khóa)"
        click.echo(f"{info.username}\t{info.role}\t{info.full_name}{state}")


def register(cli: click.Group) -> None:
    """Add the trust commands to ``sangkien``."""
    cli.add_command(audit)
    cli.add_command(user)
