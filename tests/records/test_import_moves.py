"""Imports never move the workflow around its rules (issue 16 point 1): a status or a
recognition in an imported JSON or Excel file goes through the move rules — role, allowed
moves, required data — or the whole import is refused naming the record and the field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text

from sangkien_desktop.errors import InputError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import load_records_file
from sangkien_desktop.security import users
from sangkien_desktop.security.access import sign_in
from sangkien_desktop.security.users import NewAccount, create_first_accounts, list_users
from sangkien_desktop.services.initiatives import get_record, import_records
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.spreadsheets.initiatives import import_initiative_file
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.models import AuditEntry, WorkflowEvent
from tests.spreadsheets.conftest import write_sheet

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
PASSWORD = "mật-khẩu-dài"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setattr(users, "SCRYPT_N", 2**4)
    db = open_database(tmp_path / "sangkien.sqlite")
    init_unit(db, UnitDetails(name="Công đoàn Công ty Thử nghiệm", code="CDCS-TEST"))
    create_first_accounts(
        db,
        [
            NewAccount("admin", "Admin", "ADMIN", PASSWORD),
            NewAccount("chu", "Chu", "CHAIR", PASSWORD),
            NewAccount("ho", "Ho", "SUPPORT", PASSWORD),
        ],
    )
    yield db
    db.close()


def _as(db: Database, name: str) -> Database:
    sign_in(db, {u.username: u for u in list_users(db)}[name])
    return db


def _dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.engine.connect() as connection:
        names = [n for n in inspect(connection).get_table_names() if "fts" not in n]
        return {
            name: sorted(
                tuple(map(repr, row)) for row in connection.execute(text(f"SELECT * FROM {name}"))
            )
            for name in names
        }


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("import-recognised.json", "status"),
        ("import-decision-date.json", "decided_on"),
        ("import-uploaded.json", "status"),
    ],
)
def test_support_json_import_cannot_recognise_or_upload(
    office: Database, profile: ProgramProfile, name: str, field: str
) -> None:
    records = load_records_file(HOSTILE / name, profile)
    before = _dump(office)
    with pytest.raises(InputError, match=rf"\({records[0].code}\), trường {field}") as caught:
        import_records(_as(office, "ho"), records, profile)
    assert "Tổ hỗ trợ" in caught.value.message
    assert _dump(office) == before


def _sheet(path: Path, *extra: tuple[str, str]) -> Path:
    header = ["Mã", "Tên sáng kiến", "Loại", "Tác giả", *(h for h, _ in extra)]
    row = ["SK-9", "Một", "KY_THUAT", "Lê Văn C", *(v for _, v in extra)]
    return write_sheet(path, [header, row], title="Sáng kiến")


@pytest.mark.parametrize(
    "extra",
    [
        (("Trạng thái", "Đã được công nhận"), ("Cơ quan công nhận", "Hội đồng")),
        (("Ngày QĐ", "20/4/2022"),),
        (("Trạng thái", "Đã lên Cổng"),),
    ],
)
def test_support_excel_import_cannot_recognise_or_upload(
    office: Database, profile: ProgramProfile, tmp_path: Path, extra: tuple[tuple[str, str], ...]
) -> None:
    path = _sheet(tmp_path / "in.xlsx", *extra)
    before = _dump(office)
    with pytest.raises(InputError, match=r"\(SK-9\), trường") as caught:
        import_initiative_file(_as(office, "ho"), path, profile)
    assert "không được phép với vai trò Tổ hỗ trợ" in caught.value.message
    assert _dump(office) == before


def test_support_may_import_ideas_and_drafts(office: Database, profile: ProgramProfile) -> None:
    [record] = load_records_file(HOSTILE / "import-recognised.json", profile)
    record.status = "DRAFTING"
    record.recognition.by = record.recognition.decided_on = None
    record.recognition.body = record.recognition.decision_no = ""
    import_records(_as(office, "ho"), [record], profile)
    assert get_record(office, record.code).status == "DRAFTING"


def test_chair_import_with_a_legal_path_moves_step_by_step(
    office: Database, profile: ProgramProfile
) -> None:
    raw = json.loads((HOSTILE / "import-recognised.json").read_text(encoding="utf-8"))
    raw[0]["submitted_on"] = "2022-04-01"
    records = [load_records_file_from(raw, profile)]
    import_records(_as(office, "chu"), records, profile)
    assert get_record(office, records[0].code).status == "RECOGNISED"
    with office.reader() as session:
        events = session.execute(
            select(WorkflowEvent.from_state, WorkflowEvent.to_state, WorkflowEvent.actor)
        ).all()
        moves = session.scalars(select(AuditEntry.changes).where(AuditEntry.action == "move"))
        moved = [m["status"] for m in moves]
    assert sorted(events, key=lambda e: str(e[0])) == sorted(
        [
            (None, "IDEA", "chu"),
            ("IDEA", "DRAFTING", "chu"),
            ("DRAFTING", "SUBMITTED", "chu"),
            ("SUBMITTED", "RECOGNISED", "chu"),
        ],
        key=lambda e: str(e[0]),
    )
    assert sorted(moved) == sorted(
        [["IDEA", "DRAFTING"], ["DRAFTING", "SUBMITTED"], ["SUBMITTED", "RECOGNISED"]]
    )


def test_chair_import_needs_the_receipt_date_to_pass_submitted(
    office: Database, profile: ProgramProfile
) -> None:
    raw = json.loads((HOSTILE / "import-recognised.json").read_text(encoding="utf-8"))
    raw[0]["status"] = "SUBMITTED"
    before = _dump(office)
    with pytest.raises(InputError, match=r"\(SK-2022-0901\), trường submitted_on"):
        import_records(_as(office, "chu"), [load_records_file_from(raw, profile)], profile)
    assert _dump(office) == before


def test_an_impossible_move_is_refused_even_for_the_chair(
    office: Database, profile: ProgramProfile
) -> None:
    raw = json.loads((HOSTILE / "import-uploaded.json").read_text(encoding="utf-8"))
    import_records(_as(office, "chu"), [load_records_file_from(raw, profile)], profile)
    raw[0]["status"] = "IDEA"
    with pytest.raises(InputError, match="UPLOADED → IDEA"):
        import_records(office, [load_records_file_from(raw, profile)], profile)


def load_records_file_from(raw: list[dict[str, Any]], profile: ProgramProfile) -> Any:
    from sangkien_desktop.records import parse_records

    [record] = parse_records(raw, profile)
    return record
