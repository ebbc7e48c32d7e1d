"""The ownership rule of gui/ (gui/ownership.py): Enter pressed through the real event loop in
every dialog that accepts on Enter, and keep()/release() themselves.

Offscreen does not reproduce the crash of a widget freed inside its own key press reliably
(tests/e2e does, on Xvfb); these tests assert what must happen next, and that what is done
with is actually freed (nothing held forever by keep())."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget, QWizard
from shiboken6 import isValid

from sangkien_desktop.errors import InputError
from sangkien_desktop.gui import ownership
from sangkien_desktop.gui.accounts import FirstAccountsDialog, PasswordDialog
from sangkien_desktop.gui.app import Desk
from sangkien_desktop.gui.dialogs import MoveDialog
from sangkien_desktop.gui.first_run import FirstRunWizard
from sangkien_desktop.gui.login import LoginDialog
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.screens.export import PassphraseDialog
from sangkien_desktop.gui.tasks import show_error
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.security import access
from sangkien_desktop.security.users import authenticate
from sangkien_desktop.services.demo import DEMO_PASSWORD
from sangkien_desktop.services.units import has_home_unit
from sangkien_desktop.storage import Database, open_database
from tests.gui.conftest import sign_in

# The offscreen platform cannot size native dialog windows from their hints.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


def flush_deletes() -> None:
    """Let Qt run the deferred deletes, as the event loop does once a handler returns."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def press_enter(field: QLineEdit) -> None:
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(field, Qt.Key.Key_Return)


def when_modal(kind: type[QDialog], answer: Callable[[Any], None]) -> list[QDialog]:
    """Once a modal dialog of ``kind`` is up (``exec()`` runs its own loop), ``answer(dialog)``
    fills it and presses Enter. Gives up (closing the dialog) after about 20 s, so a dialog
    that does not come fails the test instead of hanging it."""
    seen: list[QDialog] = []
    tries = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(dialog)
            try:
                answer(dialog)
            finally:
                if isValid(dialog) and dialog.isVisible() and not dialog.result():
                    QTimer.singleShot(0, dialog.reject)  # the test fails on what it asserts
            return
        tries[0] += 1
        if tries[0] < 1000:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


# keep() and release() -----------------------------------------------------------------------
def test_keep_holds_a_parentless_widget_until_qt_destroys_it() -> None:
    before = ownership.kept_count()
    widget = ownership.keep(QWidget())
    assert ownership.keep(widget) is widget  # twice is once
    assert ownership.kept_count() == before + 1
    destroyed: list[bool] = []
    widget.destroyed.connect(lambda *_: destroyed.append(True))
    key = id(widget)
    del widget
    gc.collect()
    assert not destroyed  # the last Python reference of the test is gone; keep() holds it
    assert ownership.kept_count() == before + 1
    ownership.release(ownership._kept[key])
    flush_deletes()
    assert destroyed == [True]
    assert ownership.kept_count() == before


def test_release_hides_now_and_deletes_once_the_event_loop_is_back() -> None:
    before = ownership.kept_count()
    widget = QWidget()
    widget.show()
    ownership.release(widget)
    assert isValid(widget) and not widget.isVisible()
    assert ownership.kept_count() == before + 1
    flush_deletes()
    assert not isValid(widget)
    assert ownership.kept_count() == before
    ownership.release(widget)  # already gone: nothing to do
    ownership.release(None)


def test_release_from_inside_the_widgets_own_enter_key_press(qtbot: Any) -> None:
    """The pattern that crashed the login: the handler of a parentless line edit's Enter drops
    the only reference to it. Through release() the application lives on."""
    holder: dict[str, QLineEdit | None] = {"field": QLineEdit()}
    field = holder["field"]
    assert field is not None
    done: list[str] = []

    def entered() -> None:
        ownership.release(holder["field"])
        holder["field"] = None
        done.append("entered")

    field.returnPressed.connect(entered)
    field.show()
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert done == ["entered"]
    qtbot.waitUntil(lambda: not isValid(field))


# The desk: login, lock, logout ------------------------------------------------------------
@pytest.fixture
def desk(accounts_db: Database, profile: ProgramProfile) -> Iterator[Desk]:
    started = Desk(accounts_db, profile)
    started.start()
    yield started
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow | LoginDialog):
            widget.close()
    flush_deletes()


def enter_password(qtbot: Any, desk: Desk, username: str) -> MainWindow:
    dialog = desk.login
    assert dialog is not None and dialog.isVisible()
    dialog.username.setText(username)
    dialog.password.setText(DEMO_PASSWORD)
    press_enter(dialog.password)
    qtbot.waitUntil(lambda: desk.window is not None and desk.window.isVisible())
    assert desk.login is None
    flush_deletes()
    assert not isValid(dialog), "the login dialog is freed once the main window is up"
    assert desk.window is not None
    return desk.window


def test_enter_in_the_login_opens_the_main_window_and_frees_the_dialog(
    qtbot: Any, desk: Desk
) -> None:
    before = ownership.kept_count()
    window = enter_password(qtbot, desk, "chutich")
    assert window.user is not None and window.user.username == "chutich"
    assert ownership.kept_count() == before  # the dialog let go, the window held instead


def test_enter_in_the_lock_panel_unlocks(qtbot: Any, desk: Desk) -> None:
    window = enter_password(qtbot, desk, "hotro")
    lock = window.screen_lock
    assert lock is not None
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.locked
    overlay = lock.overlays[0]
    overlay.password.setText("sai-mat-khau")
    press_enter(overlay.password)
    assert lock.locked and overlay.message.text()
    overlay.password.setText(DEMO_PASSWORD)
    press_enter(overlay.password)
    assert not lock.locked
    flush_deletes()
    assert not isValid(overlay)
    assert window.isVisible() and "Đã khóa" not in window.windowTitle()


def test_logging_out_from_the_lock_panel_and_in_again_frees_what_was_left(
    qtbot: Any, desk: Desk
) -> None:
    before = ownership.kept_count()
    for username in ("hotro", "chutich", "hotro"):
        window = enter_password(qtbot, desk, username)
        lock = window.screen_lock
        assert lock is not None
        lock.lock()
        QTest.mouseClick(lock.overlays[0].logout_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: desk.login is not None and desk.login.isVisible())
        flush_deletes()
        assert not isValid(window)
        assert access.current_user(desk.db) is None
    assert ownership.kept_count() == before  # the login dialog now shown, nothing else


# Dialogs run with exec() ------------------------------------------------------------------
def test_enter_in_the_move_dialog_moves_on(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def answer(dialog: MoveDialog) -> None:
        dialog.comment_edit.setText("Hội đồng đã nhận")
        press_enter(dialog.comment_edit)

    seen = when_modal(MoveDialog, answer)
    details = MoveDialog.ask(parent, "SK-2024-0001", "SUBMITTED")
    assert seen and details is not None
    assert details.comment == "Hội đồng đã nhận" and details.submitted_on is not None


@pytest.mark.parametrize("twice", [False, True])
def test_enter_in_the_passphrase_dialog_gives_the_passphrase(qtbot: Any, twice: bool) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def answer(dialog: PassphraseDialog) -> None:
        dialog.first.setText("mat-khau-khoa-ky")
        dialog.second.setText("mat-khau-khoa-ky")
        press_enter(dialog.second if twice else dialog.first)

    seen = when_modal(PassphraseDialog, answer)
    ask = PassphraseDialog.ask_new if twice else PassphraseDialog.ask
    passphrase = ask(parent) if twice else PassphraseDialog.ask(parent, "Mật khẩu khóa ký")
    assert seen and passphrase == "mat-khau-khoa-ky"


def test_enter_in_the_password_dialog_changes_the_password(
    qtbot: Any, accounts_db: Database
) -> None:
    sign_in(accounts_db, "hotro")
    parent = QWidget()
    qtbot.addWidget(parent)

    def answer(dialog: PasswordDialog) -> None:
        dialog.old.setText(DEMO_PASSWORD)
        dialog.new.setText("mat-khau-moi-2026")
        dialog.again.setText("mat-khau-moi-2026")
        press_enter(dialog.again)

    seen = when_modal(PasswordDialog, answer)
    assert PasswordDialog.change_own(parent, accounts_db, "hotro") is True
    assert seen
    assert authenticate(accounts_db, "hotro", "mat-khau-moi-2026").username == "hotro"


def fill_first_accounts(form: Any) -> None:
    form.admin.full_name.setText("Lê Minh Tâm")
    form.chair.full_name.setText("Phạm Văn Thành")
    for box, password in ((form.admin, "quan-tri-2026"), (form.chair, "chu-tich-2026")):
        box.password.setText(password)
        box.again.setText(password)


def test_enter_in_the_first_accounts_dialog_creates_them(qtbot: Any, demo_db: Database) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def answer(dialog: FirstAccountsDialog) -> None:
        fill_first_accounts(dialog.form)
        press_enter(dialog.form.chair.again)

    seen = when_modal(FirstAccountsDialog, answer)
    assert FirstAccountsDialog.ask(demo_db, parent) is True
    assert seen and access.accounts_exist(demo_db)


def test_enter_through_the_first_run_wizard_finishes_it(qtbot: Any, tmp_path: Path) -> None:
    fresh = open_database(tmp_path / "new.sqlite")

    def answer(wizard: FirstRunWizard) -> None:
        form = wizard.unit_page.form
        form.name.setText("Công đoàn Công ty Thủy điện Đồng Nai")
        form.code.setText("CDCS-TDDN")
        press_enter(form.code)  # Tiếp theo
        assert wizard.currentPage() is wizard.accounts_page
        fill_first_accounts(wizard.accounts_page.form)
        press_enter(wizard.accounts_page.form.chair.again)  # Tiếp theo
        assert wizard.currentPage() is wizard.members_page
        wizard.button(QWizard.WizardButton.FinishButton).setFocus()
        QTest.keyClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.Key.Key_Return)

    try:
        seen = when_modal(FirstRunWizard, answer)
        assert FirstRunWizard.ask(fresh) is True
        assert seen and has_home_unit(fresh) and access.accounts_exist(fresh)
        assert access.current_user(fresh) is not None  # the chair carries on
    finally:
        access.sign_out(fresh)
        fresh.close()


# Message boxes without a parent -----------------------------------------------------------
def visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_an_error_with_no_window_to_sit_on_is_still_shown_and_freed_once_closed() -> None:
    before = ownership.kept_count()
    show_error(None, InputError("Chưa chọn bản sao lưu.", english="No backup chosen."))
    QApplication.processEvents()
    boxes = visible_boxes()
    assert [box.text() for box in boxes] == ["Chưa chọn bản sao lưu."]
    boxes[0].close()
    flush_deletes()
    assert not visible_boxes() and ownership.kept_count() == before


def test_a_second_notice_of_the_desk_does_not_take_the_first_away(desk: Desk) -> None:
    desk._tell(None, "Thông báo thứ nhất")
    desk._tell(None, "Thông báo thứ hai")
    QApplication.processEvents()
    assert sorted(box.text() for box in visible_boxes()) == [
        "Thông báo thứ hai",
        "Thông báo thứ nhất",
    ]
    for box in visible_boxes():
        box.close()
    flush_deletes()
    assert not visible_boxes()
