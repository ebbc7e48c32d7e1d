"""The history of an initiative: audit rows and older workflow events, newest first."""

from __future__ import annotations

import itertools
from datetime import date

from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.security import audit
from sangkien_desktop.services.history import FieldChange, initiative_history
from sangkien_desktop.services.initiatives import (
    InitiativeFilter,
    import_records,
    list_ids,
    save_record,
)
from sangkien_desktop.storage import Database
from sangkien_desktop.workflow.service import Move, move


def _new(title: str = "Thử") -> InitiativeRecord:
    return InitiativeRecord(id="", code="", title=title, kind="KY_THUAT")


def _texts(changes: tuple[FieldChange, ...]) -> list[str]:
    return [c.text() for c in changes]


def test_history_lists_create_and_move_newest_first_once_each(
    db: Database, profile: ProgramProfile
) -> None:
    record = save_record(db, _new(), profile, "Lê Minh Tâm")
    move(db, record.id, Move("DRAFTING", actor="Đỗ Thu Hà", comment="Bắt đầu"), profile)
    history = initiative_history(db, record.id, profile)
    assert [(h.action, h.from_state, h.to_state) for h in history] == [
        ("move", "IDEA", "DRAFTING"),
        ("create", None, "IDEA"),
    ]
    moved, created = history
    assert (moved.actor, moved.what, moved.comment) == ("Đỗ Thu Hà", "Chuyển trạng thái", "Bắt đầu")
    assert _texts(moved.changes) == ["Trạng thái: Ý tưởng đăng ký → Đang hoàn thiện hồ sơ"]
    assert (created.actor, created.what, created.comment) == ("Lê Minh Tâm", "Tạo mới", "")
    assert "Tên sáng kiến: Thử" in _texts(created.changes)
    assert "Loại giải pháp: Giải pháp kỹ thuật" in _texts(created.changes)


def test_edit_shows_each_field_old_to_new_in_words(db: Database, profile: ProgramProfile) -> None:
    record = save_record(db, _new("Dưỡng đo"), profile, "Lê Minh Tâm")
    record.title = "Dưỡng đo mối hàn"
    record.application.mode = "APPLIED"
    record.application.first_applied_on = date(2024, 3, 5)
    record.benefits.economic_value_vnd = 125_000_000
    save_record(db, record, profile, "Đỗ Thu Hà")
    edited = initiative_history(db, record.id, profile)[0]
    assert (edited.action, edited.what, edited.actor) == ("update", "Sửa", "Đỗ Thu Hà")
    assert _texts(edited.changes) == [
        "Tên sáng kiến: Dưỡng đo → Dưỡng đo mối hàn",
        "Hình thức áp dụng: (trống) → Đã áp dụng",
        "Ngày áp dụng lần đầu: (trống) → 05/03/2024",
        "Giá trị làm lợi: (trống) → 125.000.000 đ",
    ]


def test_long_values_are_cut_on_one_line_and_kept_whole(
    db: Database, profile: ProgramProfile
) -> None:
    record = save_record(db, _new(), profile)
    record.content = "Bước một.\n" + "Lắp dưỡng đo vào mối hàn rồi đọc vạch. " * 10
    save_record(db, record, profile)
    change = initiative_history(db, record.id, profile)[0].changes[0]
    assert change.label == "Nội dung giải pháp"
    short = change.text(40)
    assert short.startswith("Nội dung giải pháp: (trống) → Bước một. Lắp dưỡng")
    assert short.endswith("…") and "\n" not in short
    assert change.new == record.content


def test_history_follows_a_change_of_code(db: Database, profile: ProgramProfile) -> None:
    record = save_record(db, _new(), profile, "Tâm")
    old_code = record.code
    record.code = "SK-2024-0100"
    save_record(db, record, profile, "Hà")
    history = initiative_history(db, record.id, profile)
    assert [h.action for h in history] == ["update", "create"]
    assert _texts(history[0].changes) == [f"Mã sáng kiến: {old_code} → SK-2024-0100"]


def test_import_then_reimport_shows_each_once(db: Database, profile: ProgramProfile) -> None:
    record = InitiativeRecord(id="id-1", code="SK-2024-0001", title="Số 1", kind="KY_THUAT")
    import_records(db, [record], profile, actor="Nhập tệp")
    record.status = "DRAFTING"
    import_records(db, [record], profile, actor="Nhập tệp")
    history = initiative_history(db, "id-1", profile)
    assert [(h.action, h.what) for h in history] == [
        ("move", "Chuyển trạng thái"),
        ("import", "Nhập từ tệp"),
    ]
    assert _texts(history[0].changes) == ["Trạng thái: Ý tưởng đăng ký → Đang hoàn thiện hồ sơ"]


def test_demo_initiative_has_its_whole_path_from_its_events(demo_db: Database) -> None:
    """The demo data, like a database from before the audit trail, has only workflow events."""
    with demo_db.reader() as session:
        uploaded = list_ids(session, InitiativeFilter(states=("UPLOADED",)))[0]
    history = initiative_history(demo_db, uploaded)
    assert [h.to_state for h in history] == [
        "UPLOADED",
        "EXPORTED",
        "READY",
        "RECOGNISED",
        "SUBMITTED",
        "DRAFTING",
        "IDEA",
    ]
    assert not any(h.audited for h in history)
    assert history[0].changes[0].text() == "Trạng thái: Đã xuất gói → Đã lên Cổng"
    assert all(a.at >= b.at for a, b in itertools.pairwise(history))


def test_hundreds_of_rows_come_back_newest_first(db: Database, profile: ProgramProfile) -> None:
    record = save_record(db, _new(), profile)
    changes = [
        audit.Change("initiative", record.code, "update", {"title": [f"Số {i}", f"Số {i + 1}"]})
        for i in range(600)
    ]
    with db.session() as session:
        audit.record_many(session, "Hà", changes)
    history = initiative_history(db, record.id, profile)
    assert len(history) == 601
    assert _texts(history[0].changes) == ["Tên sáng kiến: Số 599 → Số 600"]


def test_unknown_initiative_has_no_history(db: Database) -> None:
    assert initiative_history(db, "no-such-id") == []


def test_a_long_text_edited_near_its_end_shows_where_it_differs() -> None:
    title = "Quỹ “Tương trợ đoàn viên” quản lý minh bạch qua nhóm Zalo"
    change = FieldChange("title", "Tên sáng kiến", title, title + " của tổ")
    assert change.text(36) == "Tên sáng kiến: …qua nhóm Zalo → …qua nhóm Zalo của tổ"
    assert change.text() == f"Tên sáng kiến: {title} → {title} của tổ"
