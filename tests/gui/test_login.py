"""Accounts in the GUI: logging in and out, the idle lock, role-aware buttons."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from sangkien_desktop.gui.app import STARTUP_ENV, Desk
from sangkien_desktop.gui.editor import CloseChoice, InitiativeEditor
from sangkien_desktop.gui.login import LoginDialog, SignInWait
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.security import access
from sangkien_desktop.security.users import LoginError, authenticate
from sangkien_desktop.services.demo import DEMO_PASSWORD
from sangkien_desktop.storage import Database
from tests.gui.conftest import delete_window, sign_in, type_text
from tests.timing import scaled

pytestmark = pytest.mark.gui

# The offscreen platform cannot raise windows (the main window raises each editor it opens).
OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def desk(
    qtbot: Any, accounts_db: Database, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Desk]:
    """The application's flow over the demo database with accounts; editors close without
    asking unless a test says otherwise."""
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda cls, p, label: CloseChoice.DISCARD)
    )
    started = Desk(accounts_db, profile)
    started.start()
    yield started
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow | LoginDialog | InitiativeEditor):
            widget.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def signed_in_window(
    qtbot: Any, accounts_db: Database, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The main window of the support-team account ``hotro``; editors close without asking."""
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda cls, p, label: CloseChoice.DISCARD)
    )
    sign_in(accounts_db, "hotro")
    main = MainWindow(accounts_db, profile)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    delete_window(main)


def log_in(qtbot: Any, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_login_shows_the_user_and_logout_brings_the_login_back(qtbot: Any, desk: Desk) -> None:
    assert desk.window is None and desk.login is not None
    log_in(qtbot, desk.login, "chutich", DEMO_PASSWORD)
    window = desk.window
    assert window is not None and window.isVisible()
    assert window.user_label.text() == "Phạm Văn Thành — Chủ tịch / Hội đồng"
    window.logout_action.trigger()
    assert desk.login is not None and desk.login.isVisible()
    assert desk.window is None
    assert access.current_user(desk.db) is None
    assert not window.isVisible()


def test_wrong_password_is_said_in_place_and_cleared(qtbot: Any, desk: Desk) -> None:
    dialog = desk.login
    assert dialog is not None
    log_in(qtbot, dialog, "chutich", "sai-mat-khau")
    assert dialog.isVisible() and desk.window is None
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert dialog.password.text() == ""


class Clock:
    """The time the sign-in wait counts by, moved on by the test."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 8, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(SignInWait, "clock", fake)
    return fake


def test_the_wait_after_failures_counts_down_and_keeps_the_password_typed_meanwhile(
    qtbot: Any, desk: Desk, clock: Clock
) -> None:
    dialog = desk.login
    assert dialog is not None
    for _ in range(3):
        log_in(qtbot, dialog, "hotro", "sai-mat-khau")
    assert not dialog.login_button.isEnabled()
    assert dialog.message.text() == "Sai tên đăng nhập hoặc mật khẩu.\nVui lòng chờ 5 giây…"
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # during the wait: nothing is tried
    assert desk.window is None and dialog.password.text() == DEMO_PASSWORD
    clock.advance(2)
    qtbot.waitUntil(lambda: dialog.message.text().endswith("Vui lòng chờ 3 giây…"))
    assert not dialog.login_button.isEnabled()
    clock.advance(3)
    qtbot.waitUntil(dialog.login_button.isEnabled)
    assert dialog.message.text() == "Sai tên đăng nhập hoặc mật khẩu."
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert desk.window is not None


def test_a_login_opened_during_the_wait_counts_it_down_without_trying(
    qtbot: Any, desk: Desk, clock: Clock
) -> None:
    for _ in range(3):  # elsewhere: the CLI, another PC
        with pytest.raises(LoginError):
            authenticate(desk.db, "hotro", "sai-mat-khau", clock())
    dialog = desk.login
    assert dialog is not None
    log_in(qtbot, dialog, "hotro", DEMO_PASSWORD)
    assert dialog.message.text() == "Vui lòng chờ 5 giây…"
    assert dialog.password.text() == DEMO_PASSWORD and not dialog.login_button.isEnabled()
    clock.advance(5)
    qtbot.waitUntil(dialog.login_button.isEnabled)
    assert not dialog.message.isVisible()
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert desk.window is not None


def test_after_logout_another_user_gets_a_fresh_main_window(qtbot: Any, desk: Desk) -> None:
    assert desk.login is not None
    log_in(qtbot, desk.login, "chutich", DEMO_PASSWORD)
    first = desk.window
    assert first is not None
    first.logout_requested.emit()
    assert desk.login is not None
    log_in(qtbot, desk.login, "xem", DEMO_PASSWORD)
    assert desk.window is not None and desk.window is not first
    assert "Chỉ xem" in desk.window.user_label.text()


def test_cancelling_the_login_finishes(qtbot: Any, desk: Desk) -> None:
    assert desk.login is not None
    with qtbot.waitSignal(desk.finished):
        qtbot.mouseClick(desk.login.cancel_button, Qt.MouseButton.LeftButton)


@OFFSCREEN
def test_logout_stays_when_an_editor_with_changes_is_kept(
    qtbot: Any, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert desk.login is not None
    log_in(qtbot, desk.login, "hotro", DEMO_PASSWORD)
    window = desk.window
    assert window is not None
    window.new_initiative()
    editor = window._editors[0]
    type_text(editor.form.title, "Đồ gá hàn xoay")
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda cls, p, label: CloseChoice.CANCEL)
    )
    window.logout_requested.emit()
    assert desk.window is window and editor.isVisible()
    assert access.current_user(desk.db) is not None


def test_demo_database_names_its_accounts_on_the_login(qtbot: Any, desk: Desk) -> None:
    assert desk.login is not None
    assert not desk.login.demo_hint.isHidden()
    assert desk.login.demo_hint.text() == (
        "Dữ liệu mẫu: tài khoản chutich / hotro / quantri / xem, mật khẩu sangkien-demo"
    )


def test_a_database_without_accounts_opens_the_main_window_and_says_so(
    qtbot: Any, demo_db: Database, profile: ProgramProfile
) -> None:
    desk = Desk(demo_db, profile)
    desk.start()
    assert desk.login is None and desk.window is not None
    assert desk.window.user_label.text() == "Một người dùng (chưa có tài khoản)"
    assert not desk.window.logout_action.isEnabled()
    delete_window(desk.window)


@OFFSCREEN
def test_idle_lock_hides_the_windows_and_keeps_unsaved_typing(
    qtbot: Any, signed_in_window: MainWindow
) -> None:
    window = signed_in_window
    lock = window.screen_lock
    assert lock is not None and lock.timeout_ms == 10 * 60_000
    window.new_initiative()
    editor = window._editors[0]
    type_text(editor.form.title, "Đồ gá hàn xoay")
    lock.timeout_ms = 30
    qtbot.waitUntil(lambda: lock.locked)
    for covered in (window, editor):
        overlay = next(o for o in lock.overlays if o.covered is covered)
        assert overlay.isVisible() and overlay.geometry() == covered.rect()
        central = covered.centralWidget()
        assert central is not None and not central.isEnabled()
    assert editor.windowTitle() == "Sáng Kiến Desktop — Đã khóa"
    overlay = lock.overlays[0]
    qtbot.keyClicks(overlay.password, "sai-mat-khau")
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert lock.locked and overlay.message.text() == "Sai tên đăng nhập hoặc mật khẩu."
    qtbot.keyClicks(overlay.password, DEMO_PASSWORD)
    qtbot.mouseClick(overlay.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.locked
    assert editor.form.title.toPlainText() == "Đồ gá hàn xoay" and editor.is_modified()
    assert editor.centralWidget().isEnabled() and "Đã khóa" not in editor.windowTitle()


def test_the_lock_counts_the_wait_down_and_keeps_the_password_typed_meanwhile(
    qtbot: Any, signed_in_window: MainWindow, clock: Clock
) -> None:
    lock = signed_in_window.screen_lock
    assert lock is not None
    lock.lock()
    overlay = lock.overlays[0]
    for _ in range(3):
        qtbot.keyClicks(overlay.password, "sai-mat-khau")
        qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert not overlay.unlock_button.isEnabled()
    assert overlay.message.text().endswith("Vui lòng chờ 5 giây…")
    qtbot.keyClicks(overlay.password, DEMO_PASSWORD)
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert lock.locked and overlay.password.text() == DEMO_PASSWORD
    clock.advance(5)
    qtbot.waitUntil(overlay.unlock_button.isEnabled)
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert not lock.locked


def test_ctrl_l_locks_and_the_lock_offers_logout(qtbot: Any, signed_in_window: MainWindow) -> None:
    window = signed_in_window
    lock = window.screen_lock
    assert lock is not None
    window.activateWindow()
    window.lock_action.trigger()
    assert lock.locked
    with qtbot.waitSignal(window.logout_requested):
        qtbot.mouseClick(lock.overlays[0].logout_button, Qt.MouseButton.LeftButton)


def test_shortcuts_do_nothing_behind_the_lock(qtbot: Any, signed_in_window: MainWindow) -> None:
    window = signed_in_window
    assert window.screen_lock is not None
    window.lock_screen()
    opened: list[str | None] = []
    window.new_action.triggered.connect(lambda: opened.append(None))
    focus: QWidget = window.screen_lock.overlays[0].password
    qtbot.keyClick(focus, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [] and window._editors == []


def test_a_viewer_cannot_add_an_initiative(
    qtbot: Any, accounts_db: Database, profile: ProgramProfile
) -> None:
    sign_in(accounts_db, "xem")
    window = MainWindow(accounts_db, profile)
    assert not window.new_action.isEnabled()
    assert "không có quyền nhập, sửa sáng kiến" in window.new_action.toolTip()
    window.show_screen("initiatives")
    assert not window.initiatives_screen.new_button.isEnabled()
    delete_window(window)


def test_support_cannot_recognise_on_the_board(qtbot: Any, signed_in_window: MainWindow) -> None:
    from sangkien_desktop.gui.screens.board import BoardScreen
    from sangkien_desktop.workflow.states import State

    signed_in_window.show_screen("board")
    board = signed_in_window.screens["board"]
    assert isinstance(board, BoardScreen)
    card = board.columns[State.SUBMITTED].model.card(0)
    assert card is not None
    recognise = board.card_menu([card.id]).findChild(QAction, "moveToRECOGNISED")
    assert recognise is not None and not recognise.isEnabled()
    assert "không có quyền công nhận" in recognise.toolTip()
    assert not board.move_cards([card.id], State.RECOGNISED.value)
    assert "không có quyền" in board.feedback.text()


def test_start_with_accounts_reports_the_login_shown(accounts_db: Database, tmp_path: Path) -> None:
    assert accounts_db.path is not None
    environment = {key: value for key, value in os.environ.items() if key != STARTUP_ENV}
    environment.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    environment[STARTUP_ENV] = "1"
    command = [sys.executable, "-m", "sangkien_desktop.gui.app", "--db", str(accounts_db.path)]
    done = subprocess.run(
        [*command, "--quit-after", "0"],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=scaled(120),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "login shown" in done.stderr.splitlines()
    assert "main window shown" not in done.stderr
