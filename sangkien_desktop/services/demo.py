"""Realistic demo data: one grassroots union of ~300 members and ~80 initiatives across kinds,
states and both phases, a few of them with rule errors. Deterministic (seeded)."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.model import (
    Application,
    Author,
    Benefits,
    ContentReview,
    InitiativeRecord,
    IpProtection,
    Recognition,
    Research,
)
from sangkien_desktop.security.audit import anchor_file, forget_anchor, seal_states
from sangkien_desktop.services.members import MemberData, import_members
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage.convert import apply_record
from sangkien_desktop.storage.database import Database, open_database
from sangkien_desktop.storage.models import (
    Initiative,
    Member,
    Reward,
    Setting,
    Target,
    WorkflowEvent,
)
from sangkien_desktop.workflow.states import State

DEMO_UNIT = UnitDetails(
    name="Công đoàn Công ty Cổ phần Cơ khí Đông Anh",
    code="CDCS-CKDA",
    superior_union="Liên đoàn Lao động huyện Đông Anh",
    federation="Liên đoàn Lao động thành phố Hà Nội",
    cluster="Cụm thi đua số 3 – Khối doanh nghiệp",
    chair_name="Phạm Văn Thành",
    place="Hà Nội",
)
SUPPORT_TEAM = ("Lê Minh Tâm", "Đỗ Thu Hà", "Bùi Quang Huy")
# One account per role, all with one password the login screen of a demo database shows.
DEMO_PASSWORD = "sangkien-demo"
DEMO_ACCOUNTS = (
    ("quantri", "Nguyễn Thị Lan", "ADMIN"),
    ("chutich", DEMO_UNIT.chair_name, "CHAIR"),
    ("hotro", SUPPORT_TEAM[0], "SUPPORT"),
    ("xem", "Trần Quốc Bảo", "VIEWER"),
)
DEMO_SETTING = "demo"

_FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trịnh",
)
_MALE_MIDDLE = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Đăng", "Xuân", "Tiến")
_FEMALE_MIDDLE = ("Thị", "Ngọc", "Thu", "Thanh", "Mai", "Thùy", "Kim", "Phương")
_MALE_GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Đức",
    "Hải",
    "Hùng",
    "Khánh",
    "Khoa",
    "Long",
    "Mạnh",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Tuấn",
    "Việt",
    "Vỹ",
)
_FEMALE_GIVEN = (
    "Anh",
    "Châu",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hường",
    "Lan",
    "Linh",
    "Mai",
    "Nga",
    "Ngọc",
    "Oanh",
    "Phương",
    "Thảo",
    "Trang",
    "Vân",
    "Yến",
    "Ỷ",
    "Huyền",
)
_DEPARTMENTS = (
    "Phân xưởng Cơ khí",
    "Phân xưởng Hàn",
    "Phân xưởng Sơn",
    "Phòng Kỹ thuật",
    "Phòng Tổ chức – Hành chính",
    "Phòng Tài chính – Kế toán",
    "Phòng Kinh doanh",
    "Phòng An toàn – Môi trường",
    "Tổ Bảo dưỡng thiết bị",
    "Kho vận",
)
_POSITIONS = (
    "Công nhân",
    "Công nhân",
    "Công nhân",
    "Tổ trưởng",
    "Kỹ sư",
    "Chuyên viên",
    "Nhân viên",
    "Quản đốc",
    "Trưởng phòng",
)
_QUALIFICATIONS = (
    "Công nhân kỹ thuật bậc 4/7",
    "Trung cấp",
    "Cao đẳng",
    "Kỹ sư",
    "Cử nhân",
    "Thạc sĩ",
)

_TITLES: dict[str, list[tuple[str, str | None, str]]] = {
    "KY_THUAT": [
        ("Chế tạo dưỡng đo kiểm tra nhanh mối hàn góc khung xe", "QUY_TRINH", "Cơ khí chế tạo"),
        ("Cải tiến đồ gá hàn khung giá đỡ bằng thép tấm tái sử dụng", "VAT_THE", "Cơ khí chế tạo"),
        ("Quy trình sơn tĩnh điện thu hồi bột sơn thừa", "QUY_TRINH", "Sơn, xử lý bề mặt"),
        ("Thiết bị nâng hạ phôi bằng khí nén cho máy dập 160 tấn", "VAT_THE", "Cơ khí chế tạo"),
        ("Dung dịch tẩy gỉ pha chế từ phụ phẩm axit thải đã trung hòa", "CHAT", "Xử lý bề mặt"),
        ("Máy cắt ống tự động theo chiều dài đặt trước", "VAT_THE", "Cơ khí chế tạo"),
    ],
    "QUAN_LY": [
        (
            "Sắp xếp lại ca kíp vận hành máy dập để giảm thời gian chờ",
            "TO_CHUC_CONG_VIEC",
            "Quản lý sản xuất",
        ),
        (
            "Bảng Kanban điện tử theo dõi tiến độ đơn hàng tại phân xưởng",
            "DIEU_HANH_KIEM_TRA",
            "Quản lý sản xuất",
        ),
        ("Kiểm soát vật tư tiêu hao bằng mã QR tại kho", "TO_CHUC_CONG_VIEC", "Quản lý kho"),
    ],
    "TAC_NGHIEP": [
        (
            "Số hóa quy trình tiếp nhận và duyệt đơn nghỉ phép",
            "THU_TUC_HANH_CHINH",
            "Hành chính – nhân sự",
        ),
        (
            "Bộ câu hỏi đánh giá nhanh tay nghề thợ hàn khi tuyển dụng",
            "THAM_DINH_DANH_GIA",
            "Đào tạo",
        ),
        (
            "Video hướng dẫn an toàn 5 phút đầu ca bằng tiếng Việt dễ hiểu",
            "TUYEN_TRUYEN_DAO_TAO",
            "An toàn lao động",
        ),
    ],
    "UNG_DUNG_TBKT": [
        (
            "Ứng dụng cảm biến tiệm cận dừng máy khi có người vào vùng nguy hiểm",
            "AP_DUNG_MOI",
            "An toàn lao động",
        ),
        (
            "Cải tiến hệ thống hút bụi khu vực mài bằng quạt biến tần",
            "CAI_TIEN",
            "Môi trường lao động",
        ),
        (
            "Ứng dụng đèn LED cảm ứng chiếu sáng kho thành phẩm",
            "AP_DUNG_MOI",
            "Tiết kiệm năng lượng",
        ),
    ],
    "CONG_DOAN": [
        (
            "Mô hình “Bữa cơm ca nâng chất” có đoàn viên giám sát",
            "MO_HINH_MOI",
            "Hoạt động công đoàn",
        ),
        (
            "Quỹ “Tương trợ đoàn viên” quản lý minh bạch qua nhóm Zalo",
            "TO_CHUC_DIEU_HANH",
            "Hoạt động công đoàn",
        ),
        (
            "Đề xuất hỗ trợ tiền nhà trọ cho công nhân có con nhỏ",
            "DE_XUAT_CHINH_SACH",
            "Chính sách đoàn viên",
        ),
    ],
    "COVID_19": [
        (
            "Mô hình “3 tại chỗ” bảo đảm sản xuất an toàn trong dịch Covid-19",
            "MO_HINH_PHONG_CHONG",
            "Phòng chống dịch",
        ),
        ("Buồng phun khử khuẩn tự chế tại cổng nhà máy", "MO_HINH_PHONG_CHONG", "Phòng chống dịch"),
        (
            "Tổ “Zalo hỗ trợ F0” cho công nhân cách ly tại nhà",
            "HO_TRO_NGUOI_LAO_DONG",
            "Phòng chống dịch",
        ),
    ],
    "DE_TAI_NCKH": [
        ("Nghiên cứu giải pháp giảm tiêu hao điện năng của lò nhiệt luyện", None, "Năng lượng"),
        ("Nghiên cứu vật liệu thay thế đệm cao su chịu nhiệt nhập khẩu", None, "Vật liệu"),
    ],
}

_STATES = (
    [State.IDEA] * 8
    + [State.DRAFTING] * 12
    + [State.SUBMITTED] * 10
    + [State.RECOGNISED] * 15
    + [State.REJECTED] * 3
    + [State.READY] * 15
    + [State.EXPORTED] * 10
    + [State.UPLOADED] * 7
)
_PATH = (
    State.IDEA,
    State.DRAFTING,
    State.SUBMITTED,
    State.RECOGNISED,
    State.READY,
    State.EXPORTED,
    State.UPLOADED,
)


@dataclass
class DemoSummary:
    members: int
    initiatives: int
    with_errors: int


def _person(rng: random.Random) -> tuple[str, str]:
    gender = rng.choice(("NAM", "NU"))
    middle = _MALE_MIDDLE if gender == "NAM" else _FEMALE_MIDDLE
    given = _MALE_GIVEN if gender == "NAM" else _FEMALE_GIVEN
    return f"{rng.choice(_FAMILY)} {rng.choice(middle)} {rng.choice(given)}", gender


def _members(rng: random.Random, count: int) -> list[MemberData]:
    people = [
        MemberData(
            "Nguyễn Đăng Khoa",
            date(1988, 7, 14),
            "NAM",
            "Phòng Kỹ thuật",
            "Kỹ sư",
            "Kỹ sư",
            "DOAN_VIEN",
        )
    ]
    people += [
        MemberData(
            name,
            date(1985, 3, 2),
            "NU",
            "Phòng Tổ chức – Hành chính",
            "Chuyên viên",
            "Cử nhân",
            "CAN_BO_CONG_DOAN",
        )
        for name in SUPPORT_TEAM
    ]
    categories = ["NGUOI_LAO_DONG"] * 6 + ["DOAN_VIEN"] * 10 + ["CAN_BO_CONG_DOAN"]
    seen = {p.full_name for p in people}
    while len(people) < count:
        name, gender = _person(rng)
        if name in seen:
            continue
        seen.add(name)
        birth = date(rng.randint(1968, 2002), rng.randint(1, 12), rng.randint(1, 28))
        people.append(
            MemberData(
                name,
                birth,
                gender,
                rng.choice(_DEPARTMENTS),
                rng.choice(_POSITIONS),
                rng.choice(_QUALIFICATIONS),
                rng.choice(categories),
            )
        )
    return people


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _record(
    rng: random.Random, number: int, state: State, members: list[Member], profile: ProgramProfile
) -> InitiativeRecord:
    kind = rng.choice(list(_TITLES))
    title, subkind, field = rng.choice(_TITLES[kind])
    research = kind == "DE_TAI_NCKH"
    phase = 1 if number % 3 == 0 else 2
    start, end = (
        (date(2021, 9, 1), date(2022, 4, 20))
        if phase == 1
        else (date(2022, 6, 1), date(2023, 7, 15))
    )
    applied = _day(rng, start, end)
    submitted = applied + timedelta(days=rng.randint(3, 20))
    decided = submitted + timedelta(days=rng.randint(7, 25))
    year = decided.year
    team = rng.sample(members, rng.choice((1, 1, 2, 2, 3)))
    if number == 1:
        team = [m for m in members if m.full_name == "Nguyễn Đăng Khoa"] + team[:1]
    shares = {1: [100], 2: [60, 40], 3: [50, 30, 20]}[len(team)]
    authors = [
        Author(
            m.full_name, m.birth_date, m.department, m.position, m.qualification, s, i == 0, m.id
        )
        for i, (m, s) in enumerate(zip(team, shares, strict=True))
    ]
    progressed = _PATH.index(state) if state in _PATH else 2
    recognised = state == State.REJECTED or progressed >= _PATH.index(State.RECOGNISED)
    value = rng.choice((0, 15_000_000, 48_500_000, 125_000_000, 320_000_000))
    record = InitiativeRecord(
        id=f"demo-{number:04d}-{rng.getrandbits(32):08x}",
        code=f"SK-{year}-{number:04d}",
        title=title if number <= 24 else f"{title} tại {team[0].department}",
        kind=kind,
        subkind=subkind,
        research_level=rng.choice(("TINH", "BO", "NGANH")) if research else None,
        field=field,
        known_solution="Trước đây công việc làm thủ công, mất nhiều thời gian và dễ sai sót.",
        content=f"{title}. Giải pháp gồm các bước chuẩn bị, thực hiện và kiểm tra kết quả, "
        "được tổ sản xuất áp dụng thử rồi áp dụng chính thức.",
        novelty="Lần đầu tiên được áp dụng tại Công ty.",
        applicability="Áp dụng được cho các phân xưởng có dây chuyền tương tự.",
        origin_story="Xuất phát từ những lần phải làm thêm giờ để sửa lỗi, tổ đã cùng nhau tìm "
        "cách làm tốt hơn.",
        authors=authors,
        application=Application(
            rng.choice(("APPLIED", "APPLIED", "TRIAL")), applied, team[0].department
        ),
        benefits=Benefits(
            value or None,
            f"Tiết kiệm khoảng {rng.randint(10, 40)}% thời gian thực hiện." if value else "",
            rng.sample(profile.social_codes, rng.randint(1, 2)) if not value or number % 2 else [],
            "Giảm nguy cơ tai nạn và cải thiện điều kiện làm việc cho người lao động.",
        ),
        status=state,
        submitted_on=submitted if progressed >= 2 or state == State.REJECTED else None,
        created_at=datetime.combine(applied - timedelta(days=30), time(8, 30)),
        updated_at=datetime.combine(decided, time(16, 5)),
    )
    if recognised and state != State.REJECTED:
        record.recognition = Recognition(
            rng.choice(("COUNCIL", "COUNCIL", "HEAD")),
            "Hội đồng sáng kiến Công ty Cổ phần Cơ khí Đông Anh",
            f"{rng.randint(5, 99)}/QĐ-HĐSK",
            decided,
        )
        record.content_review = ContentReview(rng.choice(SUPPORT_TEAM), decided + timedelta(days=2))
    if research:
        record.application = Application()
        record.research = Research(
            decided,
            applied,
            "Nguyễn Hữu Nghĩa – Tổng Giám đốc",
            f"{rng.randint(10, 200)}/XN-CKDA",
            decided + timedelta(days=5),
        )
    return record


def _spoil(record: InitiativeRecord, which: int) -> None:
    """A few demo dossiers carry the mistakes support teams really make."""
    if which == 0:
        record.application.first_applied_on = date(2021, 8, 16)  # E1: before the window
        record.research.applied_since = date(2021, 8, 16) if record.research.applied_since else None
    elif which == 1:
        record.ip_protection = IpProtection(True, "1-0023456")  # E4
    elif which == 2 and len(record.authors) > 1:
        record.authors[-1].contribution_pct = (record.authors[-1].contribution_pct or 0) - 10  # C4
    else:
        record.content_review = ContentReview()  # E3


@dataclass(frozen=True)
class DemoLogin:
    """How to sign in to a demo database: its account names and their one password."""

    usernames: tuple[str, ...]
    password: str


def fill_demo(
    db: Database, profile: ProgramProfile, seed: int = 46, accounts: bool = False
) -> DemoSummary:
    """Fill an empty database with the demo union; with ``accounts``, also one account per
    role (DEMO_ACCOUNTS, password DEMO_PASSWORD), created last since from then on every change
    needs a signed-in account."""
    rng = random.Random(seed)
    init_unit(db, DEMO_UNIT)
    import_members(db, _members(rng, 300))
    with db.session() as session:
        members = list(session.scalars(select(Member).order_by(Member.id)))
        unit_id = members[0].unit_id
        spoiled = with_errors = 0
        for number, state in enumerate(_STATES, start=1):
            record = _record(rng, number, state, members, profile)
            if state == State.RECOGNISED and spoiled < 4:
                _spoil(record, spoiled)
                spoiled += 1
            row = Initiative(id=record.id, unit_id=unit_id)
            apply_record(row, record, profile, today=date(2023, 9, 1))
            if state in _PATH[1:] or state == State.REJECTED:
                row.assigned_to = SUPPORT_TEAM[number % len(SUPPORT_TEAM)]
                row.due_on = (record.submitted_on or date(2023, 6, 1)) + timedelta(days=30)
            if state == State.REJECTED:
                row.rejection_reason = (
                    "Giải pháp đã được áp dụng rộng rãi trong ngành, chưa có tính mới."
                )
            if state == State.UPLOADED:
                row.uploaded_on = (record.recognition.decided_on or date(2023, 8, 1)) + timedelta(
                    days=14
                )
            session.add(row)
            with_errors += row.error_count > 0
            _events(session, row, state, record)
        session.add_all(
            [Target(unit_id=unit_id, phase=1, count=30), Target(unit_id=unit_id, phase=2, count=60)]
            + [
                Target(unit_id=unit_id, year=y, quarter=q, count=8)
                for y in (2022, 2023)
                for q in (1, 2, 3, 4)
            ]
        )
        for row in session.scalars(select(Initiative).where(Initiative.status == State.UPLOADED)):
            session.add(
                Reward(
                    initiative_id=row.id,
                    recipient_name=row.credited_author or "",
                    decision_no="25/QĐ-CĐCS",
                    decided_on=date(2023, 9, 20),
                    level="CO_SO",
                    form="GIAY_KHEN",
                    amount_vnd=2_000_000,
                )
            )
    # The demo unit can sign an export bundle at once; its key's passphrase is "demo".
    from sangkien_desktop.exchange.keys import create_unit_key

    create_unit_key(db, "demo")
    # The demo's own rows were written directly: the log takes over their state as it is.
    with db.session() as session:
        seal_states(session, "demo")
    if accounts:
        add_demo_accounts(db)
    return DemoSummary(members=len(members), initiatives=len(_STATES), with_errors=with_errors)


def create_demo_file(path: Path, profile: ProgramProfile, seed: int = 46) -> DemoSummary:
    """Make ``path`` the demo database, with its accounts, in place of whatever it was.

    The demo is built beside it and moved in once complete: if anything fails, ``path`` stays
    as it was (absent, when it was new) and nothing half-made is left behind."""
    part = path.with_name(path.name + ".demo-part")
    discard_database(part)  # what an interrupted run may have left
    try:
        db = open_database(part)
        try:
            summary = fill_demo(db, profile, seed, accounts=True)
        finally:
            db.close()
        with closing(sqlite3.connect(part)) as connection:
            connection.execute("PRAGMA journal_mode=DELETE")  # one whole file, no WAL beside it
        for suffix in ("-wal", "-shm"):  # the replaced database's
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        part.replace(path)
        # The audit anchor goes with its log; the replaced database's anchor goes with it.
        anchor, target_anchor = anchor_file(part), anchor_file(path)
        if anchor is not None and target_anchor is not None and anchor.exists():
            anchor.replace(target_anchor)
        else:
            forget_anchor(path)
    except BaseException:
        discard_database(part)
        raise
    return summary


def discard_database(path: Path) -> None:
    """Delete a SQLite database file with its WAL and shared-memory files and its audit
    anchor."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    forget_anchor(path)


def add_demo_accounts(db: Database) -> None:
    from sangkien_desktop.security.users import NewAccount, create_first_accounts

    create_first_accounts(
        db, [NewAccount(name, full, role, DEMO_PASSWORD) for name, full, role in DEMO_ACCOUNTS]
    )
    usernames = sorted(name for name, _full, _role in DEMO_ACCOUNTS)
    with db.session() as session:
        session.merge(
            Setting(key=DEMO_SETTING, value={"usernames": usernames, "password": DEMO_PASSWORD})
        )


def demo_login(db: Database) -> DemoLogin | None:
    """The demo accounts when ``db`` holds demo data made with them; None otherwise."""
    with db.reader() as session:
        row = session.get(Setting, DEMO_SETTING)
        value = dict(row.value) if row is not None else {}
    if not value.get("usernames"):
        return None
    return DemoLogin(tuple(value["usernames"]), str(value.get("password", "")))


def _events(session: Session, row: Initiative, state: State, record: InitiativeRecord) -> None:
    path = list(_PATH[: _PATH.index(state) + 1]) if state in _PATH else [*_PATH[:3], state]
    moment = record.created_at or datetime(2022, 1, 1, 8)
    previous = None
    for step in path:
        session.add(
            WorkflowEvent(
                initiative=row,
                from_state=previous,
                to_state=step,
                actor=SUPPORT_TEAM[0],
                at=moment,
                comment="",
            )
        )
        previous = step
        moment += timedelta(days=9, hours=3)
    row.status_changed_at = moment - timedelta(days=9, hours=3)
