"""Imports never move the workflow around its rules (issue 16 point 1): a status or a
recognition in an imported JSON or Excel file goes through the move rules — role, allowed
moves, required data — or the whole import is refused naming the record and the field."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sangkien_desktop.cli import main
from sangkien_desktop.errors import InputError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import load_records_file, parse_records
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.services.initiatives import _path, get_record, import_records
from sangkien_desktop.spreadsheets.initiatives import import_initiative_file
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import AuditEntry, WorkflowEvent
from sangkien_desktop.workflow.states import TRANSITIONS, State, allowed
from tests.offices import PASSWORD, dump, open_office, signed_in

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    db = open_office(tmp_path / "sangkien.sqlite", monkeypatch)
    yield db
    db.close()


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
    before = dump(office)
    with pytest.raises(InputError, match=rf"\({records[0].code}\), trường {field}") as caught:
        import_records(signed_in(office, "ho"), records, profile)
    assert "Tổ hỗ trợ" in caught.value.message
    assert dump(office) == before


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("import-excel-recognised.xlsx", "cột E (Trạng thái)"),
        ("import-excel-decision-date.xlsx", "cột E (Ngày QĐ)"),
        ("import-excel-uploaded.xlsx", "cột E (Trạng thái)"),
    ],
)
def test_support_excel_import_cannot_recognise_or_upload(
    office: Database, profile: ProgramProfile, name: str, column: str
) -> None:
    before = dump(office)
    with pytest.raises(InputError, match=rf"dòng 2, {re.escape(column)}: sáng kiến SK-9") as caught:
        import_initiative_file(signed_in(office, "ho"), HOSTILE / name, profile)
    assert "không được phép với vai trò Tổ hỗ trợ" in caught.value.message
    assert dump(office) == before


def test_support_may_import_ideas_and_drafts(office: Database, profile: ProgramProfile) -> None:
    [record] = load_records_file(HOSTILE / "import-recognised.json", profile)
    record.status = "DRAFTING"
    record.recognition.by = record.recognition.decided_on = None
    record.recognition.body = record.recognition.decision_no = ""
    import_records(signed_in(office, "ho"), [record], profile)
    assert get_record(office, record.code).status == "DRAFTING"


def test_chair_import_with_a_legal_path_moves_step_by_step(
    office: Database, profile: ProgramProfile
) -> None:
    raw = json.loads((HOSTILE / "import-recognised.json").read_text(encoding="utf-8"))
    raw[0]["submitted_on"] = "2022-04-01"
    records = [load_records_file_from(raw, profile)]
    import_records(signed_in(office, "chu"), records, profile)
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
    before = dump(office)
    with pytest.raises(InputError, match=r"\(SK-2022-0901\), trường submitted_on"):
        import_records(signed_in(office, "chu"), [load_records_file_from(raw, profile)], profile)
    assert dump(office) == before


def test_an_impossible_move_is_refused_even_for_the_chair(
    office: Database, profile: ProgramProfile
) -> None:
    raw = json.loads((HOSTILE / "import-uploaded.json").read_text(encoding="utf-8"))
    import_records(signed_in(office, "chu"), [load_records_file_from(raw, profile)], profile)
    raw[0]["status"] = "IDEA"
    with pytest.raises(InputError, match="UPLOADED → IDEA"):
        import_records(office, [load_records_file_from(raw, profile)], profile)


def load_records_file_from(raw: list[dict[str, Any]], profile: ProgramProfile) -> InitiativeRecord:
    [record] = parse_records(raw, profile)
    return record


def test_cli_dry_run_shows_the_moves_or_the_refusal_and_writes_nothing(
    office: Database,
    profile: ProgramProfile,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    raw = json.loads((HOSTILE / "import-recognised.json").read_text(encoding="utf-8"))
    raw[0]["submitted_on"] = "2022-04-01"
    path = tmp_path / "in.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("SANGKIEN_PASSWORD", PASSWORD)
    before = dump(office)
    args = ["--db", str(office.path), "--user", "chu", "import", "initiatives", str(path)]
    assert _run([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "SK-2022-0901: IDEA → DRAFTING → SUBMITTED → RECOGNISED" in out
    assert "1 mới, 0 cập nhật); chưa ghi gì" in out
    args[3] = "ho"
    assert _run([*args, "--dry-run"]) == 2
    assert "không được phép với vai trò Tổ hỗ trợ" in capsys.readouterr().err
    assert dump(office) == before


def _run(args: list[str]) -> int:
    with pytest.raises(SystemExit) as done:
        main(args)
        raise SystemExit(0)
    return int(done.value.code or 0)


def test_support_cannot_change_a_stored_recognition_by_import(
    office: Database, profile: ProgramProfile
) -> None:
    raw = json.loads((HOSTILE / "import-recognised.json").read_text(encoding="utf-8"))
    raw[0]["submitted_on"] = "2022-04-01"
    import_records(signed_in(office, "chu"), [load_records_file_from(raw, profile)], profile)
    raw[0]["title"] = "Tên mới"
    import_records(signed_in(office, "ho"), [load_records_file_from(raw, profile)], profile)
    raw[0]["recognition"]["decision_no"] = "99/QĐ-HĐSK"
    before = dump(office)
    with pytest.raises(InputError, match=r"\(SK-2022-0901\), trường decision_no: ghi quyết định"):
        import_records(office, [load_records_file_from(raw, profile)], profile)
    assert dump(office) == before
    assert get_record(office, "SK-2022-0901").title == "Tên mới"


@pytest.mark.parametrize("source", list(State))
@pytest.mark.parametrize("target", list(State))
def test_import_path_is_a_shortest_chain_of_allowed_moves(source: State, target: State) -> None:
    path = _path(source, target)
    reachable = {source}
    for _ in State:
        reachable |= {t for s in reachable for t in TRANSITIONS[s]}
    if target not in reachable:
        assert path is None
        return
    assert path is not None and (path[-1] if path else source) == target
    assert all(allowed(a, b) for a, b in zip([source, *path], path, strict=False))
    shorter = {source}
    for _ in range(len(path) - 1):
        shorter |= {t for s in shorter for t in TRANSITIONS[s]}
    assert target not in shorter or not path
