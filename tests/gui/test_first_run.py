"""The first-run wizard: the unit, the accounts, the member list; nothing is written before
Finish."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWizard

from sangkien_desktop.gui.first_run import FirstRunWizard, MembersPage, ensure_unit
from sangkien_desktop.security import access
from sangkien_desktop.security.users import authenticate, list_users
from sangkien_desktop.services.members import list_members
from sangkien_desktop.services.units import has_home_unit, unit_details
from sangkien_desktop.storage import Database, open_database
from tests.gui.conftest import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Database]:
    """A new database: no unit declared yet."""
    database = open_database(tmp_path / "new.sqlite")
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _quit_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a wizard with typed details asks first; tests answer yes unless they say."""
    monkeypatch.setattr(FirstRunWizard, "confirm_cancel", classmethod(lambda cls, parent: True))


@pytest.fixture
def wizard(qtbot: Any, fresh_db: Database) -> FirstRunWizard:
    shown = FirstRunWizard(fresh_db)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _fill_unit(qtbot: Any, wizard: FirstRunWizard) -> None:
    form = wizard.unit_page.form
    type_text(form.name, "Công đoàn Công ty Thủy điện Đồng Nai")
    qtbot.keyClicks(form.code, "CDCS-TDDN")
    type_text(form.place, "Đồng Nai")


def _fill_accounts(qtbot: Any, wizard: FirstRunWizard) -> None:
    """quantri and chutich (the chair's full name comes from the unit page)."""
    form = wizard.accounts_page.form
    type_text(form.admin.full_name, "Lê Minh Tâm")
    if not form.chair.full_name.text():
        type_text(form.chair.full_name, "Phạm Văn Thành")
    for box, password in ((form.admin, "quan-tri-2023"), (form.chair, "chu-tich-2023")):
        qtbot.keyClicks(box.password, password)
        qtbot.keyClicks(box.again, password)


def _click(qtbot: Any, wizard: FirstRunWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _members_sheet(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Ngày sinh", "Giới tính", "Phòng ban"])
    sheet.append(["Nguyễn Thị Hường", "12/04/1986", "Nữ", "Phân xưởng Hàn"])
    sheet.append(["Đặng Văn Đức", "03/11/1990", "Nam", "Phân xưởng Hàn"])
    sheet.append(["Trần Quỳnh Anh", None, "Nữ", "Phòng Kỹ thuật"])
    book.save(path)
    return path


def _when_modal(action: Callable[[FirstRunWizard], None]) -> None:
    """Drive the wizard that ``ask`` runs modally; close it if the driving fails, so the test
    reports the failure instead of waiting forever."""

    def drive() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard)]
        shown = [w for w in shown if w.isVisible()]
        try:
            assert len(shown) == 1
            action(shown[0])
        finally:
            for wizard in shown:
                if wizard.isVisible():
                    wizard.done(0)

    QTimer.singleShot(0, drive)


def test_next_is_disabled_until_name_and_code_are_filled(
    qtbot: Any, wizard: FirstRunWizard
) -> None:
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    type_text(wizard.unit_page.form.name, "Công đoàn Công ty Thủy điện Đồng Nai")
    assert not next_button.isEnabled()
    qtbot.keyClicks(wizard.unit_page.form.code, "   ")
    assert not next_button.isEnabled()
    qtbot.keyClicks(wizard.unit_page.form.code, "CDCS-TDDN")
    assert next_button.isEnabled()


def test_filled_wizard_creates_the_unit_and_returns_true(qtbot: Any, fresh_db: Database) -> None:
    def finish(wizard: FirstRunWizard) -> None:
        _fill_unit(qtbot, wizard)
        _click(qtbot, wizard, QWizard.WizardButton.NextButton)
        _fill_accounts(qtbot, wizard)
        _click(qtbot, wizard, QWizard.WizardButton.NextButton)
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    _when_modal(finish)
    assert FirstRunWizard.ask(fresh_db) is True
    details = unit_details(fresh_db)
    assert (details.name, details.code, details.place) == (
        "Công đoàn Công ty Thủy điện Đồng Nai",
        "CDCS-TDDN",
        "Đồng Nai",
    )


def test_finish_creates_the_admin_and_chair_accounts_and_signs_in_the_chair(
    qtbot: Any, wizard: FirstRunWizard, fresh_db: Database
) -> None:
    type_text(wizard.unit_page.form.chair, "Phạm Văn Thành")
    _fill_unit(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.accounts_page.form.chair.full_name.text() == "Phạm Văn Thành"
    _fill_accounts(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    with qtbot.waitSignal(wizard.finished):
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    accounts = {(u.username, u.full_name, u.role) for u in list_users(fresh_db)}
    assert accounts == {
        ("quantri", "Lê Minh Tâm", "ADMIN"),
        ("chutich", "Phạm Văn Thành", "CHAIR"),
    }
    signed_in = access.current_user(fresh_db)
    assert signed_in is not None and signed_in.username == "chutich"
    assert authenticate(fresh_db, "quantri", "quan-tri-2023").role == "ADMIN"


def test_accounts_page_needs_matching_passwords(qtbot: Any, wizard: FirstRunWizard) -> None:
    _fill_unit(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.accounts_page
    _fill_accounts(qtbot, wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    qtbot.keyClicks(wizard.accounts_page.form.chair.again, "x")
    assert not next_button.isEnabled()
    assert "không khớp" in wizard.accounts_page.form.status.text()


def test_cancel_returns_false_and_creates_nothing(qtbot: Any, fresh_db: Database) -> None:
    def cancel(wizard: FirstRunWizard) -> None:
        _fill_unit(qtbot, wizard)
        _click(qtbot, wizard, QWizard.WizardButton.CancelButton)

    _when_modal(cancel)
    assert FirstRunWizard.ask(fresh_db) is False
    assert not has_home_unit(fresh_db)


def test_cancel_keeps_the_wizard_open_when_the_user_says_no(
    qtbot: Any, wizard: FirstRunWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstRunWizard, "confirm_cancel", classmethod(lambda cls, parent: False))
    _fill_unit(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert wizard.isVisible()
    monkeypatch.setattr(FirstRunWizard, "confirm_cancel", classmethod(lambda cls, parent: True))


def test_members_read_from_excel_are_added_on_finish(
    qtbot: Any, wizard: FirstRunWizard, fresh_db: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    sheet = _members_sheet(tmp_path / "doan-vien.xlsx")
    monkeypatch.setattr(MembersPage, "choose_file", classmethod(lambda cls, parent: sheet))
    _fill_unit(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    _fill_accounts(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.members_page
    qtbot.mouseClick(page.findChild(QPushButton, "chooseFile"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.members) == 3)
    assert "Đã đọc 3 đoàn viên từ tệp doan-vien.xlsx" in page.status.text()
    assert page.preview.item(0, 0).text() == "Nguyễn Thị Hường"
    with qtbot.waitSignal(wizard.finished):
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.imported == (3, 0)
    with fresh_db.reader() as session:
        names = {m.full_name for m in list_members(session)}
    assert names == {"Nguyễn Thị Hường", "Đặng Văn Đức", "Trần Quỳnh Anh"}


def test_a_bad_member_file_is_explained_and_the_wizard_stays(
    qtbot: Any, wizard: FirstRunWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "danh-sach.xlsx"
    bad.write_text("không phải bảng tính", encoding="utf-8")
    monkeypatch.setattr(MembersPage, "choose_file", classmethod(lambda cls, parent: bad))
    page = wizard.members_page
    page.choose()
    qtbot.waitUntil(lambda: not page.busy)
    assert "Không nhập được tệp này" in page.status.text()
    assert "danh-sach.xlsx" in page.status.text()
    assert page.members == []
    assert wizard.isVisible()


def test_ensure_unit_does_not_show_the_wizard_once_the_unit_exists(
    db: Database, profile: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(cls: type, database: Database) -> bool:
        raise AssertionError("the wizard must not show again")

    monkeypatch.setattr(FirstRunWizard, "ask", classmethod(fail))
    assert ensure_unit(db, profile) is True


def test_ensure_unit_is_false_when_the_wizard_is_cancelled(
    fresh_db: Database, profile: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstRunWizard, "ask", classmethod(lambda cls, database: False))
    assert ensure_unit(fresh_db, profile) is False
