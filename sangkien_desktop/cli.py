"""The ``sangkien`` command line: parse arguments, call the same services as the GUI, print.

Exit codes: 0 done (``validate``: no error finding), 1 ``validate`` found an error finding,
2 bad input, a refused permission or a failed sign-in (one clear Vietnamese line on stderr,
nothing changed in the database), 3 an internal error (a bug: a short Vietnamese line on stderr,
the traceback in the log file ``logs/sangkien.log`` beside the database, see ``logs.py``).

A database with user accounts needs ``--user NAME`` (or ``SANGKIEN_USER``; the password from
``SANGKIEN_PASSWORD`` or a hidden prompt) for every command that writes; the account's role must
allow it, as in the application.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from sangkien_desktop import __version__, logs
from sangkien_desktop.cli_support import USER_ENV, Context, Count, parse_date_option, pass_ctx
from sangkien_desktop.errors import InputError, SangKienError
from sangkien_desktop.paths import DB_ENV
from sangkien_desktop.records import dump_records, load_records_file
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.rules import Finding, Severity, check, derive
from sangkien_desktop.text import format_date, format_vnd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sangkien")
@click.option(
    "--db",
    "db_spec",
    envvar=DB_ENV,
    metavar="PATH|URL",
    help="Tệp cơ sở dữ liệu (hoặc URL SQLAlchemy). Mặc định: thư mục dữ liệu của người dùng.",
)
@click.option(
    "--user",
    "username",
    envvar=USER_ENV,
    metavar="TÊN",
    help="Đăng nhập bằng tài khoản này (mật khẩu: biến SANGKIEN_PASSWORD hoặc hỏi). Cần khi cơ "
    "sở dữ liệu đã có tài khoản và lệnh ghi dữ liệu.",
)
@click.pass_context
def cli(ctx: click.Context, db_spec: str | None, username: str | None) -> None:
    """Sáng Kiến Desktop — sổ sáng kiến của công đoàn cơ sở (Chương trình 01 triệu sáng kiến)."""
    logs.setup_logging(logs.log_folder(db_spec))
    ctx.obj = Context(db_spec, username)
    ctx.call_on_close(lambda: ctx.obj._db.close() if ctx.obj._db else None)


@cli.command()
@click.option("--name", required=True, help="Tên công đoàn cơ sở.")
@click.option("--code", required=True, help="Mã đơn vị.")
@click.option("--superior", default="", help="Công đoàn cấp trên trực tiếp cơ sở.")
@click.option("--federation", default="", help="LĐLĐ tỉnh, thành phố / Công đoàn ngành.")
@click.option("--cluster", default="", help="Cụm, khối thi đua.")
@click.option("--chair", default="", help="Chủ tịch công đoàn.")
@click.option("--place", default="", help="Địa danh ghi trên văn bản (ví dụ: Hà Nội).")
@pass_ctx
def init(
    ctx: Context,
    name: str,
    code: str,
    superior: str,
    federation: str,
    cluster: str,
    chair: str,
    place: str,
) -> None:
    """Khai báo đơn vị (công đoàn cơ sở) dùng cơ sở dữ liệu này."""
    from sangkien_desktop.services.units import UnitDetails, init_unit

    init_unit(ctx.db, UnitDetails(name, code, "CO_SO", superior, federation, cluster, chair, place))
    click.echo(f"Đã khai báo đơn vị {name} ({code}) trong {ctx.db.display_name}.")


@cli.command()
@click.option("--force", is_flag=True, help="Xóa cơ sở dữ liệu đã có rồi tạo lại.")
@pass_ctx
def demo(ctx: Context, force: bool) -> None:
    """Tạo dữ liệu mẫu: một công đoàn ~300 đoàn viên, ~80 sáng kiến."""
    from sangkien_desktop.security.access import accounts_exist, authorise
    from sangkien_desktop.services.demo import create_demo_file, fill_demo
    from sangkien_desktop.services.initiatives import count
    from sangkien_desktop.services.units import has_home_unit

    path = ctx.database_file()
    # A new file is never opened here (nor signed in to, whatever --user or SANGKIEN_USER say:
    # the demo brings its own accounts): a failed demo leaves no empty database behind.
    if path is None or path.exists():
        db = ctx.open_db()
        if has_home_unit(db) or count(db) or accounts_exist(db):
            if force and path is None:
                raise InputError(
                    f"{db.display_name} đã có dữ liệu: --force chỉ tạo lại được một tệp; với máy "
                    "chủ cơ sở dữ liệu, hãy tạo dữ liệu mẫu trong một cơ sở dữ liệu mới, trống.",
                    english="--force recreates a database file only; use a new, empty database "
                    "on the server.",
                )
            if not force:
                raise InputError(
                    f"{db.display_name} đã có dữ liệu; dùng --force để xóa và tạo lại dữ liệu mẫu.",
                )
            authorise(ctx.db, "setting.edit")  # erasing the database is the administrator's call
    if path is None:
        db = ctx.open_db()
        summary = fill_demo(db, ctx.profile, accounts=True)
        where = db.display_name
    else:
        ctx.forget_db()
        summary = create_demo_file(path, ctx.profile)
        where = str(path)
    click.echo(
        f"Đã tạo dữ liệu mẫu trong {where}: {summary.members} đoàn viên, "
        f"{summary.initiatives} sáng kiến ({summary.with_errors} sáng kiến còn lỗi)."
    )
    from sangkien_desktop.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    names = ", ".join(f"{name} ({role})" for name, _full, role in DEMO_ACCOUNTS)
    click.echo(f"Tài khoản mẫu: {names}; mật khẩu chung “{DEMO_PASSWORD}”.")


@cli.group()
def member() -> None:
    """Đoàn viên: thêm, xem, nhập từ Excel."""


@member.command("add")
@click.argument("full_name")
@click.option("--birth", help="Ngày sinh dd/mm/yyyy.")
@click.option("--gender", type=click.Choice(["NAM", "NU"]), default=None)
@click.option("--department", default="")
@click.option("--position", default="")
@click.option(
    "--category",
    default="DOAN_VIEN",
    help="DOAN_VIEN, CAN_BO_CONG_DOAN, CONG_CHUC, VIEN_CHUC, NGUOI_LAO_DONG.",
)
@pass_ctx
def member_add(
    ctx: Context,
    full_name: str,
    birth: str | None,
    gender: str | None,
    department: str,
    position: str,
    category: str,
) -> None:
    """Thêm một đoàn viên."""
    from sangkien_desktop.services.members import MemberData, add_member

    data = MemberData(
        full_name,
        parse_date_option(birth, "--birth"),
        gender or "",
        department,
        position,
        "",
        category,
    )
    member_id = add_member(ctx.db, data)
    click.echo(f"Đã thêm đoàn viên {data.full_name} (số {member_id}).")


@member.command("list")
@click.option("--search", "text", default="", help="Tìm theo tên, có dấu hoặc không dấu.")
@click.option("--inactive/--active-only", default=True, help="Có liệt kê người đã nghỉ không.")
@pass_ctx
def member_list(ctx: Context, text: str, inactive: bool) -> None:
    """Danh sách đoàn viên, xếp theo tên (thứ tự tiếng Việt)."""
    from sangkien_desktop.services.members import CATEGORIES, list_members

    with ctx.db.reader() as session:
        rows = list_members(session, text, active_only=not inactive)
        for m in rows:
            state = "" if m.active else "  (không còn sinh hoạt)"
            click.echo(
                f"{m.id:>6}  {m.full_name:<28} {format_date(m.birth_date):<10}  "
                f"{m.department:<28} {CATEGORIES.get(m.category, m.category)}{state}"
            )
        click.echo(f"— {len(rows)} đoàn viên")


@member.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra tệp, in mọi lỗi; không ghi gì.")
@pass_ctx
def member_import(ctx: Context, file: Path, dry_run: bool) -> None:
    """Nhập đoàn viên từ tệp Excel (.xlsx) có cột “Họ và tên”."""
    from sangkien_desktop.spreadsheets.commands import import_members_file

    import_members_file(ctx, file, dry_run)


@cli.group()
def initiative() -> None:
    """Sáng kiến: xem danh sách, xem chi tiết."""


@initiative.command("list")
@click.option("--state", "states", multiple=True, help="Lọc theo trạng thái (ví dụ READY).")
@click.option("--kind", "kinds", multiple=True, help="Lọc theo loại (ví dụ KY_THUAT).")
@click.option(
    "--errors/--no-errors", "has_errors", default=None, help="Chỉ sáng kiến còn lỗi / hết lỗi."
)
@pass_ctx
def initiative_list(
    ctx: Context, states: tuple[str, ...], kinds: tuple[str, ...], has_errors: bool | None
) -> None:
    """Danh sách sáng kiến."""
    from sangkien_desktop.services.initiatives import InitiativeFilter, list_initiatives
    from sangkien_desktop.workflow.states import state_name

    flt = InitiativeFilter(states=states, kinds=kinds, has_errors=has_errors)
    with ctx.db.reader() as session:
        rows = list_initiatives(session, flt)
        for r in rows:
            flag = f"{r.error_count} lỗi" if r.error_count else "đạt"
            click.echo(
                f"{r.code:<14} {state_name(r.status):<22} {r.kind:<14} "
                f"GĐ {r.phase or '-'}  {flag:<7} {r.title[:60]}"
            )
        click.echo(f"— {len(rows)} sáng kiến")


@initiative.command("show")
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="In bản ghi JSON (RECORD.md).")
@pass_ctx
def initiative_show(ctx: Context, code: str, as_json: bool) -> None:
    """Xem một sáng kiến và các phát hiện của nó."""
    from sangkien_desktop.services.initiatives import get_record
    from sangkien_desktop.workflow.states import state_name

    record = get_record(ctx.db, code)
    if as_json:
        click.echo(dump_records([record]).strip()[2:-2])
        return
    derived = derive(record, ctx.profile)
    kind = ctx.profile.kind(record.kind)
    lines = [
        f"{record.code} — {record.title}",
        f"  Loại: {kind.name if kind else record.kind}",
        f"  Trạng thái: {state_name(record.status)}",
        "  Tác giả: "
        + "; ".join(
            f"{a.full_name} ({a.contribution_pct:g}%)"
            if a.contribution_pct is not None
            else a.full_name
            for a in record.authors
        ),
        f"  Tác giả được công nhận: {derived.credited_author or '(chưa xác định)'}",
        f"  Áp dụng lần đầu: {format_date(record.application.first_applied_on) or '-'}",
        f"  Giá trị làm lợi: {format_vnd(record.benefits.economic_value_vnd) or '-'}",
        f"  Công nhận: {record.recognition.decision_no or '-'} "
        f"ngày {format_date(record.recognition.decided_on) or '-'}",
        f"  Đủ điều kiện từ: {format_date(derived.eligibility_date) or '-'} "
        f"(giai đoạn {derived.phase or '-'})",
    ]
    click.echo("\n".join(lines))
    _print_findings(record, check(record, ctx.profile))


@cli.group("import")
def import_group() -> None:
    """Nhập dữ liệu từ tệp."""


@import_group.command("initiatives")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra tệp, in mọi lỗi; không ghi gì.")
@pass_ctx
def import_initiatives(ctx: Context, file: Path, dry_run: bool) -> None:
    """Nhập sáng kiến từ tệp JSON (RECORD.md) hoặc Excel (.xlsx, khớp theo mã sáng kiến); nhập
    lại cùng tệp sẽ cập nhật, không nhân đôi."""
    from sangkien_desktop.services.initiatives import import_records
    from sangkien_desktop.spreadsheets.commands import import_initiatives_file, is_workbook

    if is_workbook(file):
        import_initiatives_file(ctx, file, dry_run)
        return
    if file.suffix.lower() != ".json":
        raise InputError(
            f"{file.name}: chỉ nhập được tệp .json theo định dạng bản ghi sáng kiến hoặc bảng "
            "tính Excel .xlsx."
        )
    records = load_records_file(file, ctx.profile)
    result = import_records(ctx.db, records, ctx.profile, actor="sangkien import", dry_run=dry_run)
    for moved in result.moves:
        click.echo(f"Chuyển trạng thái {moved}")
    if dry_run:
        click.echo(
            f"Chạy thử: {file.name} nhập được, {len(records)} sáng kiến ({result.added} mới, "
            f"{result.updated} cập nhật); chưa ghi gì."
        )
        return
    click.echo(f"Đã nhập {result.added} sáng kiến mới, cập nhật {result.updated} sáng kiến.")


@import_group.command("members")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra tệp, in mọi lỗi; không ghi gì.")
@pass_ctx
def import_members_cmd(ctx: Context, file: Path, dry_run: bool) -> None:
    """Nhập đoàn viên từ tệp Excel (.xlsx)."""
    from sangkien_desktop.spreadsheets.commands import import_members_file

    import_members_file(ctx, file, dry_run)


@cli.group()
def export() -> None:
    """Xuất dữ liệu ra tệp."""


@export.command("json")
@click.argument("file", type=click.Path(path_type=Path))
@pass_ctx
def export_json(ctx: Context, file: Path) -> None:
    """Xuất mọi sáng kiến ra một tệp JSON (RECORD.md)."""
    from sangkien_desktop.files import atomic_write_text
    from sangkien_desktop.security.access import authorise
    from sangkien_desktop.services.initiatives import iter_records

    authorise(ctx.db, "report.export")
    records = list(iter_records(ctx.db))
    atomic_write_text(file, dump_records(records))
    click.echo(f"Đã xuất {len(records)} sáng kiến ra {file}.")


def _print_findings(record: InitiativeRecord, findings: list[Finding]) -> None:
    for f in findings:
        label = "LỖI" if f.severity == Severity.ERROR else "lưu ý"
        click.echo(f"  [{label}] {f.rule} ({f.field or 'cả hồ sơ'}): {f.message}")


@cli.command()
@click.option(
    "--input",
    "input_file",
    type=click.Path(path_type=Path),
    help="Kiểm tra tệp JSON thay vì cơ sở dữ liệu.",
)
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.option(
    "--explain", is_flag=True, help="Kèm giai đoạn, ngày đủ điều kiện, tác giả được công nhận."
)
@click.option("--today", help="Ngày dùng làm “hôm nay” khi kiểm tra ngày ở tương lai (dd/mm/yyyy).")
@pass_ctx
def validate(
    ctx: Context, input_file: Path | None, as_json: bool, explain: bool, today: str | None
) -> None:
    """Kiểm tra sáng kiến theo quy định của Chương trình (mã C1–C4, E1–E4)."""
    from sangkien_desktop.services.initiatives import iter_records

    profile = ctx.profile
    as_of = parse_date_option(today, "--today")
    records = load_records_file(input_file, profile) if input_file else list(iter_records(ctx.db))
    results = [(r, check(r, profile, as_of)) for r in records]
    failed = any(f.severity == Severity.ERROR for _, fs in results for f in fs)
    if as_json:
        if explain:
            out: list[Any] = []
            for record, findings in results:
                derived = derive(record, profile)
                out.append(
                    {
                        "initiative": record.id,
                        "code": record.code,
                        "phase": derived.phase,
                        "eligibility_date": derived.eligibility_date.isoformat()
                        if derived.eligibility_date
                        else None,
                        "credited_author": derived.credited_author,
                        "findings": [f.as_dict(record) for f in findings],
                    }
                )
        else:
            out = [f.as_dict(record) for record, findings in results for f in findings]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for record, findings in results:
            if not findings and not explain:
                continue
            click.echo(f"{record.code} — {record.title[:70]}")
            if explain:
                derived = derive(record, profile)
                click.echo(
                    f"  giai đoạn {derived.phase or '-'}, đủ điều kiện từ "
                    f"{format_date(derived.eligibility_date) or '-'}, tác giả được công nhận: "
                    f"{derived.credited_author or '(chưa xác định)'}"
                )
            _print_findings(record, findings)
        errors = sum(1 for _, fs in results if any(f.severity == Severity.ERROR for f in fs))
        click.echo(f"— {len(records)} sáng kiến, {errors} sáng kiến còn lỗi.")
    sys.exit(1 if failed else 0)


@cli.command("search")
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", type=Count(1, 10_000), default=50, show_default=True)
@pass_ctx
def search_cmd(ctx: Context, text: tuple[str, ...], limit: int) -> None:
    """Tìm sáng kiến theo mã, tên, tác giả — có dấu hoặc không dấu (“nguyen dang”)."""
    from sangkien_desktop.services.initiatives import search
    from sangkien_desktop.workflow.states import state_name

    rows = search(ctx.db, " ".join(text), limit)
    for code, title, author, status in rows:
        click.echo(f"{code:<14} {state_name(status):<22} {author or '-':<24} {title[:60]}")
    click.echo(f"— {len(rows)} kết quả")


@cli.command()
@click.argument("code")
@click.argument("state")
@click.option("--date", "when", help="Ngày nhận đơn (SUBMITTED) / ngày lên Cổng (UPLOADED).")
@click.option("--reason", default="", help="Lý do không công nhận (REJECTED).")
@click.option("--comment", default="")
@click.option("--by", "actor", default="", help="Người thực hiện.")
@click.option(
    "--recognised-by",
    type=click.Choice(["COUNCIL", "HEAD"], case_sensitive=False),
    help="RECOGNISED: Hội đồng sáng kiến (COUNCIL) hay thủ trưởng đơn vị (HEAD) công nhận; "
    "kèm --decision-no và --decided-on (không có: dùng quyết định đã ghi trong hồ sơ).",
)
@click.option("--body", default="", help="RECOGNISED: cơ quan, đơn vị công nhận.")
@click.option("--decision-no", default="", help="RECOGNISED: số quyết định công nhận.")
@click.option("--decided-on", default=None, help="RECOGNISED: ngày quyết định (dd/mm/yyyy).")
@pass_ctx
def move(
    ctx: Context,
    code: str,
    state: str,
    when: str | None,
    reason: str,
    comment: str,
    actor: str,
    recognised_by: str | None,
    body: str,
    decision_no: str,
    decided_on: str | None,
) -> None:
    """Chuyển trạng thái sáng kiến (IDEA → DRAFTING → SUBMITTED → RECOGNISED → READY …)."""
    from sangkien_desktop.records.model import Recognition
    from sangkien_desktop.workflow.service import Move
    from sangkien_desktop.workflow.service import move as move_initiative
    from sangkien_desktop.workflow.states import state_name

    day = parse_date_option(when, "--date")
    request = Move(state.upper(), actor, comment, submitted_on=day, reason=reason, uploaded_on=day)
    if recognised_by:
        decided = parse_date_option(decided_on, "--decided-on")
        request.recognition = Recognition(recognised_by.upper(), body, decision_no, decided)
    target = move_initiative(ctx.db, code, request, ctx.profile)
    click.echo(f"{code}: đã chuyển sang “{state_name(target)}”.")


@cli.command()
@click.argument("code")
@pass_ctx
def moves(ctx: Context, code: str) -> None:
    """Các bước sáng kiến CODE có thể chuyển sang bây giờ, và lý do nếu chưa chuyển được
    (cùng lý do ứng dụng hiện trên các nút chuyển của cửa sổ sáng kiến)."""
    from sangkien_desktop.services.initiatives import get_record
    from sangkien_desktop.workflow.service import why_not
    from sangkien_desktop.workflow.states import TRANSITIONS, State, next_steps, state_name

    record = get_record(ctx.db, code)
    click.echo(f"{record.code}: đang ở “{state_name(record.status)}”. {next_steps(record.status)}")
    for target in TRANSITIONS[State(record.status)]:
        reason = why_not(ctx.db, record, target, ctx.profile)
        shown = f"{target.value:<11} {state_name(target):<24}"
        click.echo(f"  {shown} {'chuyển được' if reason is None else 'chưa được — ' + reason}")


@cli.command()
@click.option(
    "--to",
    "folders",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Thêm một thư mục nhận bản sao (ví dụ USB); mặc định là thư mục sao lưu thứ hai đã "
    "chọn trong Cài đặt.",
)
@pass_ctx
def backup(ctx: Context, folders: tuple[Path, ...]) -> None:
    """Sao lưu cơ sở dữ liệu ngay (an toàn cả khi ứng dụng đang mở)."""
    from sangkien_desktop.services.backup_settings import backup_to_all

    written = backup_to_all(ctx.db, "thu-cong", folders or None)
    for path in written:
        click.echo(f"Đã sao lưu vào {path}")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Không hỏi lại.")
@click.option(
    "--other-unit", is_flag=True, help="Chấp nhận bản sao lưu của đơn vị khác (thay cả đơn vị)."
)
@pass_ctx
def restore(ctx: Context, file: Path, yes: bool, other_unit: bool) -> None:
    """Khôi phục cơ sở dữ liệu từ một bản sao lưu (tệp hiện tại được giữ lại). Khi cơ sở dữ
    liệu đã có tài khoản, cần đăng nhập bằng tài khoản quản trị (--user)."""
    from sangkien_desktop.security.access import authorise
    from sangkien_desktop.storage.backups import check_restore
    from sangkien_desktop.storage.backups import restore as restore_file

    ctx.damaged_ok = True  # restoring is the way out of a damaged database
    target = ctx.db.path
    if target is None:
        raise InputError("Chỉ khôi phục được cơ sở dữ liệu dạng tệp (SQLite).")
    actor = authorise(ctx.db, "setting.edit")
    check_restore(target, file, other_unit=other_unit)
    if not yes:
        click.confirm(f"Thay {target} bằng {file.name}?", abort=True)
    ctx.forget_db()
    kept = restore_file(target, file, other_unit=other_unit)
    # The restored chain ends earlier than the anchor of the replaced file: start a new anchor
    # (the replaced file is kept, with its whole chain), whose first row is the restore itself.
    from sangkien_desktop.security.audit import forget_anchor, record_restore
    from sangkien_desktop.storage import open_database

    forget_anchor(target)
    restored = open_database(target)
    try:
        record_restore(restored, actor, file.name, kept.name if kept else None)
    finally:
        restored.close()
    if kept:
        click.echo(f"Tệp cũ được giữ tại {kept}")
    click.echo(f"Đã khôi phục {target} từ {file.name}.")


# Command groups that live beside their services register themselves here.
EXTENSIONS = (
    "sangkien_desktop.documents.commands",
    "sangkien_desktop.exchange.commands",
    "sangkien_desktop.spreadsheets.commands",
    "sangkien_desktop.security.commands",
)


def _register_extensions() -> None:
    import importlib

    for name in EXTENSIONS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and name.startswith(exc.name):
                continue  # that capability is not built yet
            raise
        module.register(cli)


_register_extensions()


def _command_name(args: list[str]) -> str:
    """``sangkien member add`` for the log: the command, none of its values (names of people)."""
    words: list[str] = ["sangkien"]
    command: click.Command = cli
    for arg in args:
        if isinstance(command, click.Group) and arg in command.commands:
            command = command.commands[arg]
            words.append(arg)
    return " ".join(words)


def main(argv: list[str] | None = None) -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8")
    try:
        cli.main(args=argv, prog_name="sangkien", standalone_mode=False)
    except SangKienError as exc:
        click.echo(f"Lỗi: {exc.message}", err=True)
        from sangkien_desktop.security.access import SignInRequired

        if isinstance(exc, SignInRequired):
            click.echo(
                "Hãy thêm --user TÊN (hoặc đặt biến SANGKIEN_USER); mật khẩu lấy từ biến "
                "SANGKIEN_PASSWORD hoặc được hỏi.",
                err=True,
            )
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Đã hủy.", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except OSError as exc:
        click.echo(f"Lỗi: không đọc/ghi được tệp {exc.filename or ''}: {exc.strerror}", err=True)
        sys.exit(2)
    except Exception as exc:  # a bug: its traceback goes to the log, not to the person
        path = logs.log_unexpected(exc, _command_name(sys.argv[1:] if argv is None else argv))
        click.echo(
            f"Lỗi nội bộ ngoài dự kiến ({type(exc).__name__}). Dữ liệu đã lưu không bị ảnh hưởng.",
            err=True,
        )
        click.echo(
            f"Chi tiết đã được ghi vào tệp nhật ký {path}."
            if path is not None
            else "Không ghi được tệp nhật ký: " + "".join(traceback.format_exception(exc)),
            err=True,
        )
        sys.exit(3)


if __name__ == "__main__":
    main()
