"""The initiative editor, driven through its real widgets."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from sangkien_desktop.gui import editor as editor_module
from sangkien_desktop.gui.editor import CloseChoice, InitiativeEditor
from sangkien_desktop.gui.editor_attachments import AttachmentsPanel
from sangkien_desktop.gui.editor_authors import FIELDS, AuthorsModel, AuthorsPanel
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import Author, InitiativeRecord
from sangkien_desktop.services.attachments import attachments_dir
from sangkien_desktop.services.initiatives import (
    InitiativeFilter,
    get_record,
    list_ids,
    save_record,
    search,
)
from sangkien_desktop.storage import Database
from sangkien_desktop.workflow.service import Move, move
from tests.gui.conftest import open_editors, type_text
from tests.timing import scaled

pytestmark = pytest.mark.gui

# The offscreen platform cannot raise windows or grab the keyboard for a completer's popup.
OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support")

Opener = Callable[..., InitiativeEditor]


@pytest.fixture
def open_editor(
    qtbot: Any, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Opener]:
    editors: list[InitiativeEditor] = []

    def make(db: Database, initiative_id: str | None = None) -> InitiativeEditor:
        editor = InitiativeEditor(db, profile, initiative_id, actor="Lê Minh Tâm")
        editors.append(editor)
        editor.show()
        editor.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
        return editor

    yield make
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda cls, *_: CloseChoice.DISCARD)
    )
    for editor in editors:
        if shiboken6.isValid(editor):
            editor.close()


def _edit_cell(qtbot: Any, panel: AuthorsPanel, row: int, field: str, text: str) -> None:
    """Open the cell's editor as a double click would, type, and press Enter."""
    index = panel.model.index(row, FIELDS.index(field))
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    cell = panel.table.indexWidget(index)
    assert cell is not None
    if text.isascii():
        qtbot.keyClicks(cell, text)
    else:
        type_text(cell, text)
    _commit(qtbot, panel, cell)


def _commit(qtbot: Any, panel: AuthorsPanel, cell: QWidget) -> None:
    """Enter commits the cell; Qt's delegate does it on the next turn of the event loop."""
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.table.state() != QAbstractItemView.State.EditingState)


def _add_author(qtbot: Any, panel: AuthorsPanel, name: str, share: str) -> None:
    panel.add_button.click()
    row = panel.model.rowCount() - 1
    cell = panel.table.indexWidget(panel.model.index(row, 0))
    assert isinstance(cell, QLineEdit), "adding an author starts typing the name"
    type_text(cell, name)
    _commit(qtbot, panel, cell)
    _edit_cell(qtbot, panel, row, "contribution_pct", share)


def _click(qtbot: Any, item: QListWidgetItem) -> None:
    view = item.listWidget()
    view.scrollToItem(item)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center()
    )


def _rules(editor: InitiativeEditor) -> list[str]:
    return [f.rule for f in editor.findings_panel.findings()]


def test_new_initiative_with_two_authors_is_saved_with_ctrl_s(
    qtbot: Any, db: Database, open_editor: Opener
) -> None:
    editor = open_editor(db)
    type_text(editor.form.title, "Quy trình kiểm tra nhanh mối hàn bằng dưỡng đo tự chế")
    editor.show_section("authors")
    panel = editor.form.authors
    _add_author(qtbot, panel, "Nguyễn Thị Hường", "60")
    _add_author(qtbot, panel, "Đặng Văn Đức", "40")
    assert "Nguyễn Thị Hường" in panel.credited.text()
    assert "100 %" in panel.credited.text()
    assert editor.isWindowModified()

    with qtbot.waitSignal(editor.saved, timeout=int(scaled(10) * 1000)) as saved:
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    stored = get_record(db, saved.args[0])
    assert [(a.full_name, a.contribution_pct) for a in stored.authors] == [
        ("Nguyễn Thị Hường", 60),
        ("Đặng Văn Đức", 40),
    ]
    assert stored.code.startswith("SK-") and stored.code.endswith("-0001")
    assert search(db, stored.code)[0][2] == "Nguyễn Thị Hường"
    assert editor.form.code.text() == stored.code
    assert editor.form.code.isReadOnly()
    assert stored.code in editor.windowTitle()
    assert not editor.isWindowModified()


def test_title_marks_unsaved_changes(qtbot: Any, demo_db: Database, open_editor: Opener) -> None:
    editor = open_editor(demo_db, _demo_id(demo_db, "RECOGNISED"))
    assert "[*]" in editor.windowTitle()
    assert not editor.isWindowModified()
    type_text(editor.form.field, " mới")
    assert editor.isWindowModified()


def test_first_application_date_outside_window_shows_and_clears_e1(
    qtbot: Any, db: Database, open_editor: Opener
) -> None:
    editor = open_editor(db)
    editor.show_section("application")
    date_field = editor.form.first_applied
    date_field.setFocus()
    qtbot.keyClicks(date_field, "31082021")
    assert date_field.text() == "31/08/2021"
    qtbot.waitUntil(lambda: "E1_APPLIED_OUTSIDE_WINDOW" in _rules(editor))
    assert editor.findings_panel.item_for("E1_APPLIED_OUTSIDE_WINDOW") is not None

    date_field.selectAll()
    qtbot.keyClicks(date_field, "01092021")
    qtbot.waitUntil(lambda: "E1_APPLIED_OUTSIDE_WINDOW" not in _rules(editor))
    assert date_field.text() == "01/09/2021"


def test_delete_empties_a_date(qtbot: Any, db: Database, open_editor: Opener) -> None:
    editor = open_editor(db)
    date_field = editor.form.decided_on
    date_field.setFocus()
    qtbot.keyClicks(date_field, "15/4/2022")
    assert date_field.value() is not None and date_field.value().isoformat() == "2022-04-15"
    date_field.selectAll()
    qtbot.keyClick(date_field, Qt.Key.Key_Delete)
    assert date_field.value() is None
    assert date_field.text() == "" and date_field.placeholderText() == "chưa có"


def test_clicking_a_finding_focuses_its_field(
    qtbot: Any, db: Database, open_editor: Opener
) -> None:
    editor = open_editor(db)
    item = editor.findings_panel.item_for("E3_PUBLIC_ORDER")
    assert item is not None
    _click(qtbot, item)
    assert editor.current_section() == "review"
    qtbot.waitUntil(lambda: editor.form.reviewer.hasFocus())


def test_clicking_a_share_finding_selects_the_authors_cell(
    qtbot: Any, db: Database, open_editor: Opener
) -> None:
    editor = open_editor(db)
    editor.show_section("authors")
    panel = editor.form.authors
    _add_author(qtbot, panel, "Nguyễn Thị Hường", "60")
    _add_author(qtbot, panel, "Đặng Văn Đức", "0")
    editor.show_section("general")
    editor.check_now()
    finding = next(f for f in editor.findings() if f.field == "authors[1].contribution_pct")
    item = next(
        editor.findings_panel.list.item(i)
        for i in range(editor.findings_panel.list.count())
        if editor.findings_panel.list.item(i).data(Qt.ItemDataRole.UserRole + 1) == finding
    )
    _click(qtbot, item)
    assert editor.current_section() == "authors"
    current = panel.table.currentIndex()
    assert (current.row(), FIELDS[current.column()]) == (1, "contribution_pct")
    assert panel.table.hasFocus()


def test_research_section_is_shown_only_for_research_projects(
    qtbot: Any, db: Database, open_editor: Opener
) -> None:
    editor = open_editor(db)
    kind = editor.form.kind
    assert not editor.section_visible("research")
    kind.setCurrentIndex(kind.findData("DE_TAI_NCKH"))
    assert editor.section_visible("research")
    assert not editor.form.subkind.isEnabled()
    kind.setCurrentIndex(kind.findData("QUAN_LY"))
    assert not editor.section_visible("research")
    assert editor.form.subkind.isEnabled()
    assert editor.form.subkind.findData("TO_CHUC_CONG_VIEC") > 0


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    qtbot: Any, db: Database, open_editor: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(db)
    type_text(editor.form.title, "Bảng Kanban điện tử")
    asked: list[str] = []

    def ask(cls: type, parent: Any, label: str) -> CloseChoice:
        asked.append(label)
        return CloseChoice.CANCEL

    monkeypatch.setattr(InitiativeEditor, "ask_unsaved", classmethod(ask))
    assert not editor.close()
    assert asked == ["Sáng kiến mới"]
    assert editor.isVisible()
    assert editor.form.title.toPlainText() == "Bảng Kanban điện tử"


def test_closing_and_saving_stores_the_changes(
    qtbot: Any, db: Database, open_editor: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(db)
    type_text(editor.form.title, "Bảng Kanban điện tử")
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda cls, *_: CloseChoice.SAVE)
    )
    with qtbot.waitSignal(editor.saved) as saved:
        assert editor.close()
    assert get_record(db, saved.args[0]).title == "Bảng Kanban điện tử"


def test_save_error_is_shown_and_nothing_typed_is_lost(
    qtbot: Any, demo_db: Database, open_editor: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = get_record(demo_db, _demo_id(demo_db, "READY")).code
    shown: list[BaseException] = []
    monkeypatch.setattr(editor_module, "show_error", lambda parent, exc: shown.append(exc))
    editor = open_editor(demo_db)
    editor.form.code.setText(taken)
    type_text(editor.form.title, "Sáng kiến trùng mã")
    assert not editor.save()
    assert len(shown) == 1 and "đã thuộc về một sáng kiến khác" in str(shown[0])
    assert editor.form.title.toPlainText() == "Sáng kiến trùng mã"
    assert editor.isWindowModified()


def test_saving_keeps_a_state_move_made_meanwhile_on_the_board(
    qtbot: Any, db: Database, profile: ProgramProfile, open_editor: Opener
) -> None:
    created = save_record(
        db, InitiativeRecord(id="", code="", title="Thử", kind="KY_THUAT"), profile
    )
    editor = open_editor(db, created.id)
    move(db, created.id, Move("DRAFTING", actor="Đỗ Thu Hà"), profile)
    editor.form.title.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.form.title, " nghiệm")
    assert editor.save()
    stored = get_record(db, created.id)
    assert (stored.title, stored.status) == ("Thử nghiệm", "DRAFTING")
    assert editor.state_chip.text() == "Đang hoàn thiện hồ sơ"
    assert not editor.isWindowModified()


def test_authors_model_passes_qt_model_tester(qtmodeltester: Any) -> None:
    model = AuthorsModel()
    model.set_authors(
        [Author("Nguyễn Thị Hường", date(1986, 4, 12), "Phân xưởng Hàn", "Tổ trưởng", "Kỹ sư", 60),
         Author("Đặng Văn Đức", None, "Phân xưởng Hàn", "Công nhân", "Trung cấp", 40)]
    )  # fmt: skip
    qtmodeltester.check(model)


def test_marking_a_lead_unmarks_the_other(qtbot: Any) -> None:
    model = AuthorsModel()
    model.set_authors([Author("A", is_lead=True), Author("B")])
    lead = FIELDS.index("is_lead")
    model.setData(model.index(1, lead), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert [a.is_lead for a in model.authors()] == [False, True]


def test_money_is_grouped_with_dots_while_typing(
    qtbot: Any, db: Database, open_editor: Opener
) -> None:
    editor = open_editor(db)
    value = editor.form.value
    value.setFocus()
    qtbot.keyClicks(value, "125000000")
    assert value.text() == "125.000.000"
    assert value.value() == 125_000_000
    assert editor.form.collect(editor.record).benefits.economic_value_vnd == 125_000_000


def test_attachments_chosen_twice_are_stored_once_by_hash(
    qtbot: Any, db: Database, open_editor: Opener, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = b"%PDF-1.4 quyet dinh cong nhan" * 100
    original = tmp_path / "QĐ-15-HĐSK.pdf"
    original.write_bytes(data)
    copy = tmp_path / "ban sao.pdf"
    copy.write_bytes(data)
    monkeypatch.setattr(
        AttachmentsPanel, "choose_files", classmethod(lambda cls, parent: [original, copy])
    )
    editor = open_editor(db)
    panel = editor.form.attachments
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    sha = hashlib.sha256(data).hexdigest()
    assert [p.name for p in attachments_dir(db).rglob("*") if p.is_file()] == [sha]
    assert panel.refs()[0].kind == "DECISION"
    assert "“ban sao.pdf” trùng nội dung" in editor.statusBar().currentMessage()
    assert editor.save()
    stored = get_record(db, editor.record.id).attachments
    assert [(a.sha256, a.file_name, a.kind) for a in stored] == [
        (sha, "QĐ-15-HĐSK.pdf", "DECISION")
    ]


def test_files_dropped_on_the_list_are_attached(
    qtbot: Any, db: Database, open_editor: Opener, tmp_path: Path
) -> None:
    dropped = tmp_path / "Bản mô tả sáng kiến.docx"
    dropped.write_bytes(b"docx")
    editor = open_editor(db)
    editor.show_section("attachments")
    table = editor.form.attachments.table
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    # Qt delivers a drop only to the target of a real drag: the handler is called directly.
    table.dropEvent(
        QDropEvent(
            QPointF(20, 20),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert editor.form.attachments.refs()[0].kind == "DESCRIPTION"
    assert editor.isWindowModified()


@OFFSCREEN
def test_choosing_a_member_fills_the_author_row(
    qtbot: Any, demo_db: Database, open_editor: Opener
) -> None:
    editor = open_editor(demo_db)
    editor.show_section("authors")
    panel = editor.form.authors
    panel.add_button.click()
    cell = panel.table.indexWidget(panel.model.index(0, 0))
    assert isinstance(cell, QLineEdit)
    qtbot.keyClicks(cell, "dang khoa")
    popup = cell.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    author = panel.model.author(0)
    assert author.full_name == "Nguyễn Đăng Khoa"
    assert author.birth_date is not None and author.birth_date.isoformat() == "1988-07-14"
    assert (author.workplace, author.position) == ("Phòng Kỹ thuật", "Kỹ sư")
    assert author.member_id is not None
    current = panel.table.currentIndex()
    assert FIELDS[current.column()] == "contribution_pct", "the share is typed next"


@OFFSCREEN
def test_opening_a_demo_initiative_shows_its_data_and_history(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    initiative_id = _demo_id(demo_db, "UPLOADED")
    record = get_record(demo_db, initiative_id)
    window.open_initiative(initiative_id)
    editor = window.findChild(InitiativeEditor)
    assert editor is not None and editor.isVisible()
    try:
        assert editor.form.code.text() == record.code
        assert editor.form.code.isReadOnly()
        assert editor.form.title.toPlainText() == record.title
        assert editor.form.authors.model.rowCount() == len(record.authors)
        assert editor.form.recognised_by.currentData() == record.recognition.by
        history = editor.form.history
        assert history.rowCount() == 7
        assert history.item(0, 3).text() == "Trạng thái: Đã xuất gói → Đã lên Cổng"
        assert history.item(6, 3).text() == "Trạng thái: Ý tưởng đăng ký"
        assert not editor.isWindowModified()
    finally:
        editor.close()


def test_saved_title_change_shows_in_history_with_the_actor(
    qtbot: Any, db: Database, profile: ProgramProfile, open_editor: Opener
) -> None:
    created = save_record(
        db,
        InitiativeRecord(id="", code="", title="Dưỡng đo", kind="KY_THUAT"),
        profile,
        "Đỗ Thu Hà",
    )
    editor = open_editor(db, created.id)
    editor.form.title.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.form.title, " mối hàn")
    assert editor.save()
    editor.show_section("history")
    table = editor.form.history
    assert table.isVisible()
    assert table.rowCount() == 2
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", table.item(0, 0).text())
    assert [table.item(0, column).text() for column in (1, 2, 3)] == [
        "Lê Minh Tâm",
        "Sửa",
        "Tên sáng kiến: Dưỡng đo → Dưỡng đo mối hàn",
    ]
    assert (table.item(1, 1).text(), table.item(1, 2).text()) == ("Đỗ Thu Hà", "Tạo mới")


def test_history_cuts_a_long_value_and_keeps_it_whole_in_the_tooltip(
    qtbot: Any, db: Database, profile: ProgramProfile, open_editor: Opener
) -> None:
    created = save_record(
        db, InitiativeRecord(id="", code="", title="Thử", kind="KY_THUAT"), profile
    )
    long_text = "Lắp dưỡng đo vào mối hàn rồi đọc vạch chia. " * 8 + "Hết."
    editor = open_editor(db, created.id)
    editor.show_section("content")
    type_text(editor.form.texts["content"], long_text)
    assert editor.save()
    cell = editor.form.history.item(0, 3)
    assert cell.text().startswith("Nội dung giải pháp: (trống) → Lắp dưỡng đo")
    assert cell.text().endswith("…") and "Hết." not in cell.text()
    assert "Hết." in cell.toolTip()


def _demo_id(db: Database, state: str) -> str:
    with db.reader() as session:
        return list_ids(session, InitiativeFilter(states=(state,)))[0]


@OFFSCREEN
def test_opening_an_open_initiative_again_brings_its_editor_forward(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    initiative_id = _demo_id(demo_db, "IDEA")
    window.open_initiative(initiative_id)
    first = open_editors(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.open_initiative(initiative_id)
    assert open_editors(window) == first
    qtbot.waitUntil(lambda: QApplication.activeWindow() is first[0])


STORED_DATES: dict[str, Callable[[InitiativeRecord], date | None]] = {
    "first_applied": lambda r: r.application.first_applied_on,
    "submitted_on": lambda r: r.submitted_on,
    "decided_on": lambda r: r.recognition.decided_on,
    "reviewed_on": lambda r: r.content_review.reviewed_on,
}


@pytest.mark.parametrize("name", list(STORED_DATES))
def test_a_date_typed_over_the_one_shown_is_the_one_stored(
    qtbot: Any, demo_db: Database, open_editor: Opener, name: str
) -> None:
    initiative_id = _demo_id(demo_db, "RECOGNISED")
    assert STORED_DATES[name](get_record(demo_db, initiative_id)) is not None
    editor = open_editor(demo_db, initiative_id)
    field = getattr(editor.form, name)
    editor.show_section(editor.form.section_of(field))
    field.setFocus()  # the date shown is selected: typing replaces it
    qtbot.keyClicks(field, "20/03/2023")
    assert editor.save()
    assert STORED_DATES[name](get_record(demo_db, initiative_id)) == date(2023, 3, 20)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("typed", ["31/02/2023", "00/00/0000"])
def test_an_impossible_date_is_refused_by_name_and_nothing_is_stored(
    qtbot: Any, demo_db: Database, open_editor: Opener, typed: str
) -> None:
    initiative_id = _demo_id(demo_db, "RECOGNISED")
    before = get_record(demo_db, initiative_id)
    editor = open_editor(demo_db, initiative_id)
    editor.show_section("application")
    field = editor.form.first_applied
    field.setFocus()
    qtbot.keyClicks(field, typed)
    editor.show_section("general")
    assert editor.is_modified()
    assert not editor.save()
    assert [box.text() for box in editor.findChildren(QMessageBox)] == [
        f"Ngày áp dụng lần đầu: “{typed}” không phải ngày có thật; gõ ngày/tháng/năm, "
        "ví dụ 20/03/2023."
    ]
    assert editor.current_section() == "application" and field.text() == typed
    assert get_record(demo_db, initiative_id) == before


def test_an_authors_birth_date_is_typed_and_an_impossible_one_not_taken(
    qtbot: Any, db: Database, open_editor: Opener
) -> None:
    editor = open_editor(db)
    editor.show_section("authors")
    panel = editor.form.authors
    _add_author(qtbot, panel, "Nguyễn Thị Hường", "100")
    _edit_cell(qtbot, panel, 0, "birth_date", "20/03/1990")
    assert panel.model.author(0).birth_date == date(1990, 3, 20)
    index = panel.model.index(0, FIELDS.index("birth_date"))
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    cell = panel.table.indexWidget(index)
    assert cell is not None
    qtbot.keyClicks(cell, "31/02/1990")
    qtbot.keyClick(cell, Qt.Key.Key_Return)  # refused: the cell stays open on what was typed
    assert panel.table.state() == QAbstractItemView.State.EditingState
    assert cell.text() == "31/02/1990" and "Ngày sinh: “31/02/1990”" in cell.toolTip()
    assert panel.model.author(0).birth_date == date(1990, 3, 20)
