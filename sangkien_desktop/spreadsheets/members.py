"""Members from an Excel sheet (the list the HR department sends): preview, then import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from sangkien_desktop.records.limits import MEMBER_TEXT
from sangkien_desktop.security.access import authorise
from sangkien_desktop.services.members import CATEGORIES, GENDERS, MemberData, import_members
from sangkien_desktop.spreadsheets.cells import CodeList, read_bool, read_date, read_text
from sangkien_desktop.spreadsheets.preview import Action, Preview, Problem, Progress, Severity
from sangkien_desktop.spreadsheets.sheet import Column, Row, read_sheet
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Member
from sangkien_desktop.text import fold

#: Sheet names tried first; otherwise the first visible sheet is read.
SHEET_NAMES = ("Đoàn viên", "Danh sách đoàn viên", "Members")
TEXT_LIMIT = max(MEMBER_TEXT.values())  # records.limits: every member text column is 200 wide

COLUMNS = (
    Column(
        "full_name",
        "Họ và tên",
        ("Họ tên", "Họ và tên đoàn viên", "Tên đoàn viên", "Họ, tên", "Full name"),
        required=True,
        width=28,
    ),
    Column(
        "birth_date",
        "Ngày sinh",
        ("Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Sinh ngày", "Birth date"),
        width=13,
        note="Ngày/tháng/năm, ví dụ 12/04/1986.",
    ),
    Column("gender", "Giới tính", ("Nam/Nữ", "Nam, nữ", "Gender"), width=10),
    Column(
        "department",
        "Phòng ban",
        ("Đơn vị", "Bộ phận", "Phòng/Ban", "Phân xưởng", "Đơn vị công tác", "Nơi công tác", "Tổ"),
        width=28,
    ),
    Column("position", "Chức vụ", ("Chức danh", "Chức vụ/Chức danh", "Position"), width=20),
    Column(
        "qualification",
        "Trình độ",
        ("Trình độ chuyên môn", "Trình độ học vấn", "Học vấn", "Qualification"),
        width=24,
    ),
    Column(
        "category",
        "Đối tượng",
        ("Loại đối tượng", "Thành phần", "Category"),
        width=20,
        note="Đoàn viên, Cán bộ công đoàn, Công chức, Viên chức hoặc Người lao động.",
    ),
    Column(
        "active",
        "Đang sinh hoạt",
        ("Sinh hoạt", "Còn sinh hoạt", "Trạng thái sinh hoạt", "Active"),
        width=15,
        note="Có hoặc Không; để trống là Có.",
    ),
)

GENDER_CODES = CodeList(
    {code: name for code, name in GENDERS.items() if code},
    {"m": "NAM", "male": "NAM", "f": "NU", "female": "NU", "nu gioi": "NU", "nam gioi": "NAM"},
)
CATEGORY_CODES = CodeList(
    CATEGORIES,
    {
        "dv": "DOAN_VIEN",
        "cbcd": "CAN_BO_CONG_DOAN",
        "can bo": "CAN_BO_CONG_DOAN",
        "cc": "CONG_CHUC",
        "vc": "VIEN_CHUC",
        "nld": "NGUOI_LAO_DONG",
        "cong nhan": "NGUOI_LAO_DONG",
    },
)


def _text(value: object) -> str:
    return read_text(value, TEXT_LIMIT)


def _member(row: Row, today: date, repeated: dict[object, str]) -> tuple[str, MemberData | None]:
    def text(name: str) -> str:
        return row.read(name, _text, "")

    def common(name: str) -> str:
        """A column whose values repeat (departments, positions): each spelling read once."""
        raw = row.cells.get(name)
        if isinstance(raw, str) and raw in repeated:
            return repeated[raw]
        value = text(name)
        if isinstance(raw, str) and not row.problems:
            repeated[raw] = value
        return value

    name = text("full_name")
    if not name and not row.has_error:
        row.add("full_name", "họ và tên không được để trống.")
    birth = row.read("birth_date", lambda v: read_date(v, today), None)
    if birth and birth > today:
        row.add("birth_date", f"ngày sinh {birth:%d/%m/%Y} ở sau hôm nay.")
    data = MemberData(
        full_name=name,
        birth_date=birth,
        gender=row.read("gender", lambda v: GENDER_CODES.read(v, "giới tính"), ""),
        department=common("department"),
        position=common("position"),
        qualification=common("qualification"),
        category=row.read("category", lambda v: CATEGORY_CODES.read(v, "đối tượng"), "DOAN_VIEN"),
        active=row.read("active", read_bool, True),
    )
    return name, data


def read_members(
    path: Path, progress: Progress | None = None, today: date | None = None
) -> Preview[MemberData]:
    """Every row of the member sheet with its problems; nothing is written."""
    day = today or date.today()
    repeated: dict[object, str] = {}
    preview = read_sheet(
        path, COLUMNS, SHEET_NAMES, lambda row: _member(row, day, repeated), progress
    )
    first_seen: dict[object, int] = {}
    for item in preview.rows:
        if item.value is None:
            continue
        key = item.key = (fold(item.value.full_name), item.value.birth_date)
        if key in first_seen:
            letter, header = preview.columns["full_name"]
            item.problems.append(
                Problem(
                    preview.sheet,
                    item.row,
                    letter,
                    header,
                    f"trùng họ tên và ngày sinh với dòng {first_seen[key]}; chỉ giữ một người, "
                    "với thông tin của dòng sau.",
                    Severity.WARNING,
                )
            )
        else:
            first_seen[key] = item.row
    return preview


def plan(db: Database, preview: Preview[MemberData]) -> Preview[MemberData]:
    """Mark each row as a new member or an update (same folded name and birth date)."""
    with db.reader() as session:
        query = select(Member.name_folded, Member.birth_date)
        known: set[object] = {(n, b) for n, b in session.execute(query)}
    for item in preview.rows:
        if item.value is None:
            item.action = Action.SKIP
            continue
        item.action = Action.UPDATE if item.key in known else Action.ADD
        known.add(item.key)
    return preview


def import_preview(
    db: Database, preview: Preview[MemberData], progress: Progress | None = None
) -> tuple[int, int]:
    """Write a preview without errors in one transaction; (added, updated)."""
    authorise(db, "member.edit")
    preview.raise_if_errors()
    return import_members(db, preview.values(), progress=progress)


def import_member_file(
    db: Database, path: Path, progress: Progress | None = None
) -> tuple[int, int]:
    """Read and import in one go (the command line): refused whole at the first error."""
    authorise(db, "member.edit")  # before reading a file that cannot be written anyway
    return import_preview(db, read_members(path, progress), progress)
