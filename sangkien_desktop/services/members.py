"""Members of the unit: add, list, search, deactivate, import from a spreadsheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.services.units import home_unit
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Author, Member
from sangkien_desktop.storage.search import like_terms
from sangkien_desktop.text import clean, fold, name_sort_key, parse_date_vn

CATEGORIES = {
    "DOAN_VIEN": "Đoàn viên",
    "CAN_BO_CONG_DOAN": "Cán bộ công đoàn",
    "CONG_CHUC": "Công chức",
    "VIEN_CHUC": "Viên chức",
    "NGUOI_LAO_DONG": "Người lao động",
}
GENDERS = {"NAM": "Nam", "NU": "Nữ", "": ""}


@dataclass
class MemberData:
    full_name: str
    birth_date: date | None = None
    gender: str = ""
    department: str = ""
    position: str = ""
    qualification: str = ""
    category: str = "DOAN_VIEN"
    active: bool = True


def _check(data: MemberData, where: str = "") -> MemberData:
    name = clean(data.full_name)
    prefix = f"{where}: " if where else ""
    if not name:
        raise InputError(f"{prefix}họ và tên không được để trống.")
    if data.category not in CATEGORIES:
        raise InputError(
            f"{prefix}đối tượng “{data.category}” không hợp lệ; dùng một trong: "
            f"{', '.join(CATEGORIES)}.",
        )
    if data.gender not in GENDERS:
        raise InputError(f"{prefix}giới tính “{data.gender}” không hợp lệ; dùng NAM hoặc NU.")
    if data.birth_date and data.birth_date > date.today():
        raise InputError(f"{prefix}ngày sinh {data.birth_date:%d/%m/%Y} ở sau hôm nay.")
    return MemberData(
        name,
        data.birth_date,
        data.gender,
        clean(data.department),
        clean(data.position),
        clean(data.qualification),
        data.category,
        data.active,
    )


def _fill(member: Member, data: MemberData) -> None:
    member.full_name = data.full_name
    member.name_folded = fold(data.full_name)
    member.sort_key = name_sort_key(data.full_name)
    member.birth_date = data.birth_date
    member.gender = data.gender
    member.department = data.department
    member.position = data.position
    member.qualification = data.qualification
    member.category = data.category
    member.active = data.active


def add_member(db: Database, data: MemberData) -> int:
    data = _check(data)
    with db.session() as session:
        unit = home_unit(session)
        member = Member(unit_id=unit.id)
        _fill(member, data)
        session.add(member)
        session.flush()
        return member.id


def update_member(db: Database, member_id: int, data: MemberData) -> None:
    data = _check(data)
    with db.session() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFoundError(f"Không tìm thấy đoàn viên số {member_id}.")
        _fill(member, data)


def set_active(db: Database, member_id: int, active: bool) -> None:
    """Deactivate instead of deleting: authors of initiatives must stay on record."""
    with db.session() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFoundError(f"Không tìm thấy đoàn viên số {member_id}.")
        member.active = active


def delete_member(db: Database, member_id: int) -> None:
    with db.session() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFoundError(f"Không tìm thấy đoàn viên số {member_id}.")
        authored = session.scalar(select(func.count()).where(Author.member_id == member_id))
        if authored:
            raise InputError(
                f"{member.full_name} là tác giả của {authored} sáng kiến nên không xóa được; "
                "hãy chuyển sang “không còn sinh hoạt”.",
            )
        session.delete(member)


def list_members(
    session: Session, text: str = "", *, active_only: bool = False, limit: int | None = None
) -> Sequence[Member]:
    query = select(Member)
    for condition in like_terms(Member.name_folded, text):
        query = query.where(condition)
    if active_only:
        query = query.where(Member.active.is_(True))
    query = query.order_by(Member.sort_key, Member.id)
    if limit:
        query = query.limit(limit)
    return session.scalars(query).all()


def headcount(session: Session) -> int:
    return session.scalar(select(func.count()).where(Member.active.is_(True))) or 0


# Header names accepted in a member sheet, folded (see ``text.fold``).
_HEADERS = {
    "ho va ten": "full_name",
    "ho ten": "full_name",
    "ngay sinh": "birth_date",
    "gioi tinh": "gender",
    "phong ban": "department",
    "don vi": "department",
    "bo phan": "department",
    "chuc vu": "position",
    "trinh do": "qualification",
    "doi tuong": "category",
}
_CATEGORY_NAMES = {fold(name): code for code, name in CATEGORIES.items()}


def _cell_date(value: object, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return parse_date_vn(str(value))
    except ValueError:
        raise InputError(f"{where}: “{value}” không phải ngày dạng dd/mm/yyyy.") from None


def read_member_sheet(path: Path) -> list[MemberData]:
    """Members from the first sheet of an .xlsx whose first non-empty row holds the headers."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp {path}.") from None
    except Exception as exc:
        raise InputError(
            f"Tệp {path.name} không phải bảng tính Excel (.xlsx) đọc được: {exc}"
        ) from None
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    try:
        columns: dict[int, str] = {}
        members: list[MemberData] = []
        for number, row in enumerate(rows, start=1):
            if not any(v not in (None, "") for v in row):
                continue
            if not columns:
                columns = {
                    i: _HEADERS[fold(str(v))]
                    for i, v in enumerate(row)
                    if v and fold(str(v)) in _HEADERS
                }
                if "full_name" not in columns.values():
                    raise InputError(
                        f"Trang {sheet.title}, dòng {number}: không thấy cột “Họ và tên”.",
                    )
                continue
            values = {columns[i]: v for i, v in enumerate(row) if i in columns}
            where = f"Trang {sheet.title}, dòng {number}"
            category = values.get("category") or "DOAN_VIEN"
            category = _CATEGORY_NAMES.get(fold(str(category)), str(category).strip().upper())
            gender = fold(str(values.get("gender") or "")).upper()
            members.append(
                _check(
                    MemberData(
                        full_name=str(values.get("full_name") or ""),
                        birth_date=_cell_date(values.get("birth_date"), f"{where}, cột Ngày sinh"),
                        gender=gender,
                        department=str(values.get("department") or ""),
                        position=str(values.get("position") or ""),
                        qualification=str(values.get("qualification") or ""),
                        category=category,
                    ),
                    where,
                )
            )
        return members
    finally:
        rows.close()  # an interrupted read-only iteration keeps its zip member open otherwise
        workbook.close()


def import_members(db: Database, members: Sequence[MemberData]) -> tuple[int, int]:
    """Add or update members (matched by folded name and birth date), all in one transaction.
    Returns (added, updated)."""
    added = updated = 0
    with db.session() as session:
        unit = home_unit(session)
        known = {(m.name_folded, m.birth_date): m for m in session.scalars(select(Member))}
        for data in members:
            member = known.get((fold(data.full_name), data.birth_date))
            if member is None:
                member = Member(unit_id=unit.id)
                session.add(member)
                known[(fold(data.full_name), data.birth_date)] = member
                added += 1
            else:
                updated += 1
            _fill(member, data)
    return added, updated
