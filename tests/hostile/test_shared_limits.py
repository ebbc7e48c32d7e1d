"""One set of field limits (records/limits.py, issue 16): the JSON schema, the Excel readers,
the editor's and the member dialog's line edits and the services all take theirs from it, so
no input accepts what another input, or an export, refuses."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit

from sangkien_desktop.errors import InputError
from sangkien_desktop.gui.date_field import DateField
from sangkien_desktop.gui.dialogs import MemberDialog
from sangkien_desktop.gui.editor import CloseChoice, InitiativeEditor
from sangkien_desktop.gui.first_run import UnitForm
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import io, limits
from sangkien_desktop.records.model import Author, InitiativeRecord
from sangkien_desktop.services.initiatives import save_record
from sangkien_desktop.services.members import MemberData, add_member
from sangkien_desktop.services.rewards import NewReward, add_reward
from sangkien_desktop.spreadsheets import cells, initiatives, members
from sangkien_desktop.storage import Database


def _max_length(node: dict[str, Any]) -> int:
    schema = io.schema()
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in node:
        node = next(n for n in node["anyOf"] if n.get("type") == "string")
    return int(node["maxLength"])


def test_the_json_schema_states_the_same_limits() -> None:
    properties = io.schema()["properties"]
    author = properties["authors"]["items"]["properties"]
    for key in ("id", "code", "title"):
        assert _max_length(properties[key]) == limits.RECORD_TEXT[key], key
    assert _max_length(properties["field"]) == limits.TEXT_CHARS
    assert _max_length(properties["content"]) == limits.LONG_TEXT_CHARS
    assert _max_length(author["full_name"]) == limits.NAME_CHARS
    pct = author["contribution_pct"]["anyOf"][0]
    assert (pct["minimum"], pct["maximum"]) == limits.PERCENT_RANGE


def test_the_excel_readers_take_the_same_limits() -> None:
    assert cells.MAX_CELL_CHARS == limits.LONG_TEXT_CHARS
    assert members.TEXT_LIMIT == limits.NAME_CHARS
    assert initiatives.LIMITS["title"] == limits.TITLE_CHARS
    assert initiatives.LIMITS["decision_no"] == limits.RECORD_TEXT["recognition.decision_no"]


def _record(**changes: Any) -> InitiativeRecord:
    record = InitiativeRecord(
        id="", code="", title="Đồ gá hàn nhanh", kind="KY_THUAT", content="Đồ gá tự chế."
    )
    record.authors = [Author(full_name="Nguyễn Văn An", contribution_pct=100)]
    for key, value in changes.items():
        setattr(record, key, value)
    return record


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "Đồ gá\x00hàn"}, "title"),
        ({"title": "Đ" * 2_001}, "title"),
        ({"field": "Cơ khí\x1f"}, "field"),
        ({"content": "Bước 1\x0b"}, "content"),
        ({"submitted_on": date(1, 1, 1)}, "submitted_on"),
        ({"created_at": datetime(9999, 12, 31)}, "created_at"),
        ({"authors": [Author(full_name="An", contribution_pct=1e308)]}, "contribution_pct"),
        ({"authors": [Author(full_name="A" * 201)]}, "authors[0].full_name"),
    ],
)
def test_the_editor_cannot_save_what_an_import_refuses(
    db: Database, profile: ProgramProfile, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(InputError, match=r"trường .*" + field.replace("[", r"\[")):
        save_record(db, _record(**changes), profile)


def test_the_editor_keeps_tabs_and_line_breaks_in_long_text(
    db: Database, profile: ProgramProfile
) -> None:
    saved = save_record(db, _record(content="Bước 1:\tcắt.\nBước 2:\thàn."), profile)
    assert saved.content == "Bước 1:\tcắt.\nBước 2:\thàn."


@pytest.mark.parametrize(
    "data",
    [
        MemberData(full_name="Nguyễn " * 14_000),
        MemberData(full_name="Nguyễn\x01 An"),
        MemberData(full_name="Nguyễn An", department="P" * 201),
        MemberData(full_name="Nguyễn An", birth_date=date(1850, 1, 1)),
    ],
)
def test_a_member_out_of_the_limits_is_refused(db: Database, data: MemberData) -> None:
    with pytest.raises(InputError, match="Đoàn viên, trường"):
        add_member(db, data)


@pytest.mark.gui
def test_the_member_dialog_takes_its_lengths_from_the_limits(qtbot: Any) -> None:
    dialog = MemberDialog(None, MemberData(full_name="Nguyễn An"))
    qtbot.addWidget(dialog)
    assert dialog.name_edit.maxLength() == limits.MEMBER_TEXT["full_name"]
    assert dialog.department_edit.maxLength() == limits.MEMBER_TEXT["department"]


@pytest.mark.gui
def test_the_editor_line_edits_take_their_lengths_from_the_limits(
    qtbot: Any, db: Database, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda cls, *_: CloseChoice.DISCARD)
    )
    editor = InitiativeEditor(db, profile, None, actor="Lê Minh Tâm")
    qtbot.addWidget(editor)
    form = editor.form
    assert form.code.maxLength() == limits.ID_CHARS
    assert form.field.maxLength() == limits.RECORD_TEXT["field"]
    assert form.decision_no.maxLength() == limits.RECORD_TEXT["recognition.decision_no"]
    editor.show()
    editor.show_section("authors")
    form.authors.add_button.click()
    cell = form.authors.table.indexWidget(form.authors.model.index(0, 0))
    assert isinstance(cell, QLineEdit)
    assert cell.maxLength() == limits.NAME_CHARS


@pytest.mark.gui
@pytest.mark.parametrize("typed", ["31/12/9999", "01/01/2101", "31/12/1899"])
def test_a_date_field_refuses_a_year_outside_the_limits(qtbot: Any, typed: str) -> None:
    field = DateField(None, label="Ngày nhận đơn")
    qtbot.addWidget(field)
    field.setText(typed)
    assert field.problem().startswith(f"Ngày nhận đơn: “{typed}” không phải ngày có thật")
    field.setText("31/12/2100")
    assert field.problem() == ""


@pytest.mark.parametrize(
    ("reward", "fragment"),
    [
        (NewReward(recipient_name="Nguyễn\x01 An"), "trường recipient_name: chứa ký tự điều khiển"),
        (NewReward(recipient_name="Tổ " * 101), "trường recipient_name: dài 302 ký tự"),
        (NewReward(recipient_name="An", decision_no="15/QĐ\x00"), "trường decision_no"),
        (NewReward(recipient_name="An", decided_on=date(1, 1, 1)), "ngày 01/01/0001"),
        (NewReward(recipient_name="An", amount_vnd=10**20), "lớn quá mức"),
    ],
)
def test_a_reward_out_of_the_limits_is_refused(
    db: Database, reward: NewReward, fragment: str
) -> None:
    with pytest.raises(InputError, match="Khen thưởng") as caught:
        add_reward(db, reward)
    assert fragment in caught.value.message


@pytest.mark.gui
def test_the_unit_form_takes_its_lengths_from_the_limits(qtbot: Any) -> None:
    form = UnitForm(None)
    qtbot.addWidget(form)
    shown = {
        "name": form.name,
        "code": form.code,
        "superior_union": form.superior,
        "federation": form.federation,
        "cluster": form.cluster,
        "chair_name": form.chair,
        "place": form.place,
    }
    assert {key: edit.maxLength() for key, edit in shown.items()} == limits.UNIT_TEXT
