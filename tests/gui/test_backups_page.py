"""Cài đặt › Sao lưu: the list of backups, a backup now, the second folder, restoring."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from sangkien_desktop.errors import StorageError
from sangkien_desktop.gui import backups_page
from sangkien_desktop.gui.app import Desk
from sangkien_desktop.gui.backups_page import BackupsGroup
from sangkien_desktop.gui.login import LoginDialog
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.screens.settings import SettingsScreen
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.security import access
from sangkien_desktop.security.audit import history, verify_chain
from sangkien_desktop.services.backup_settings import second_folder
from sangkien_desktop.services.members import MemberData, add_member
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.backups import backup_now, backups_dir, list_backups
from sangkien_desktop.storage.models import Member
from tests.gui.conftest import sign_in
from tests.timing import scaled

pytestmark = pytest.mark.gui

NEWCOMER = "Nguyễn Văn Mới Đến"
# The offscreen platform cannot resize or raise windows as the login dialog asks.
OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def screen(qtbot: Any, db: Database, profile: ProgramProfile) -> SettingsScreen:
    shown = SettingsScreen(db, profile)
    qtbot.addWidget(shown)
    shown.setMinimumSize(1100, 700)  # the offscreen platform warns when a layout resizes it
    shown.show()
    return shown


@pytest.fixture
def desks() -> Iterator[list[Desk]]:
    """Desks a test starts; their windows, dialogs and databases are closed afterwards."""
    started: list[Desk] = []
    yield started
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow | LoginDialog | QMessageBox):
            widget.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for desk in started:
        desk.db.close()


def backups_of(window: MainWindow) -> BackupsGroup:
    window.show_screen("settings")
    screen = window.screens["settings"]
    assert isinstance(screen, SettingsScreen)
    return screen.backups_group


def restore_newest(
    qtbot: Any, desks: list[Desk], db: Database, profile: ProgramProfile
) -> tuple[Desk, MainWindow, BackupsGroup]:
    """Start the application on ``db`` and ask to restore the newest backup in Cài đặt."""
    desk = Desk(db, profile)
    desks.append(desk)
    desk.start()
    window = desk.window
    assert window is not None
    group = backups_of(window)
    group.table.selectRow(0)
    click(qtbot, group.restore_button)
    return desk, window, group


def members_named(db: Database, name: str) -> int:
    with db.reader() as session:
        return session.scalar(select(func.count()).where(Member.full_name == name)) or 0


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_for_backup(qtbot: Any, group: BackupsGroup) -> None:
    assert group.task is not None
    qtbot.waitUntil(lambda: group.task is None, timeout=int(scaled(10) * 1000))


def test_list_shows_the_daily_backup_in_vietnamese(db: Database, screen: SettingsScreen) -> None:
    [copy] = backup_now(db, "hang-ngay")
    screen.reload()
    table = screen.backups_group.table
    assert table.rowCount() == 1
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", table.item(0, 0).text())
    assert table.item(0, 1).text() == "Hằng ngày"
    assert re.fullmatch(r"\d+,\d MB", table.item(0, 2).text())
    assert table.item(0, 0).toolTip() == str(copy)


def test_backup_now_adds_a_manual_backup_on_top(
    qtbot: Any, db: Database, screen: SettingsScreen
) -> None:
    backup_now(db, "hang-ngay", now=datetime.now() - timedelta(days=1))
    screen.reload()
    group = screen.backups_group
    click(qtbot, group.backup_button)
    wait_for_backup(qtbot, group)
    assert group.table.rowCount() == 2
    assert [group.table.item(r, 1).text() for r in range(2)] == ["Thủ công", "Hằng ngày"]
    assert "Đã sao lưu" in group.status.text()


def test_chosen_second_folder_is_stored_and_receives_the_next_backup(
    qtbot: Any,
    db: Database,
    screen: SettingsScreen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = tmp_path / "usb"
    monkeypatch.setattr(BackupsGroup, "choose_folder", classmethod(lambda cls, p, start: usb))
    group = screen.backups_group
    click(qtbot, group.choose_button)
    assert second_folder(db) == usb
    assert group.second_edit.text() == str(usb)
    click(qtbot, group.backup_button)
    wait_for_backup(qtbot, group)
    [copy] = list_backups(usb)
    assert copy.path.name == list_backups(backups_dir(db))[0].path.name


def test_second_folder_can_be_dropped(
    qtbot: Any,
    db: Database,
    screen: SettingsScreen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        BackupsGroup, "choose_folder", classmethod(lambda cls, p, start: tmp_path / "usb")
    )
    group = screen.backups_group
    click(qtbot, group.choose_button)
    click(qtbot, group.clear_button)
    assert second_folder(db) is None
    assert group.second_edit.text() == ""
    assert not group.clear_button.isEnabled()


def test_support_user_cannot_back_up_restore_or_choose_the_folder(
    qtbot: Any, accounts_db: Database, profile: ProgramProfile
) -> None:
    backup_now(accounts_db, "hang-ngay")
    sign_in(accounts_db, "hotro")
    shown = SettingsScreen(accounts_db, profile)
    qtbot.addWidget(shown)
    shown.setMinimumSize(1100, 700)
    shown.show()
    group = shown.backups_group
    group.table.selectRow(0)
    assert group.selected() is not None
    assert not group.restore_button.isEnabled()
    assert not group.choose_button.isEnabled()
    assert not group.backup_button.isEnabled()  # a backup holds the password hashes
    assert "không có quyền sao lưu" in group.backup_button.toolTip()


@OFFSCREEN
def test_admin_restore_replaces_the_data_keeps_the_old_file_and_asks_who_signs_in(
    qtbot: Any,
    accounts_db: Database,
    profile: ProgramProfile,
    desks: list[Desk],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    [copy] = backup_now(accounts_db, "hang-ngay")
    sign_in(accounts_db, "hotro")
    add_member(accounts_db, MemberData(NEWCOMER))
    sign_in(accounts_db, "quantri")
    asked: list[str] = []
    monkeypatch.setattr(
        BackupsGroup, "ask_restore", classmethod(lambda cls, p, taken: asked.append(taken) or True)
    )
    desk, old, group = restore_newest(qtbot, desks, accounts_db, profile)

    assert asked == [group.taken_text(list_backups(backups_dir(accounts_db))[0])]
    assert desk.login is not None and desk.login.isVisible()
    assert desk.window is None and not old.isVisible()
    assert desk.db is not accounts_db and access.current_user(desk.db) is None
    assert members_named(desk.db, NEWCOMER) == 0
    [kept] = accounts_db.folder.glob("*.thay-the-*.sqlite")
    assert desk.notice is not None and str(kept) in desk.notice.text()
    assert copy.exists()
    [restored] = history(desk.db, "setting", "backup", limit=5)
    assert (restored.actor, restored.action) == ("quantri", "restore")
    assert restored.changes["from_backup"] == [None, copy.name]
    assert verify_chain(desk.db) == []


@OFFSCREEN
def test_single_user_restore_opens_a_new_main_window(
    qtbot: Any,
    demo_db: Database,
    profile: ProgramProfile,
    desks: list[Desk],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup_now(demo_db, "hang-ngay")
    add_member(demo_db, MemberData(NEWCOMER))
    monkeypatch.setattr(BackupsGroup, "ask_restore", classmethod(lambda cls, p, taken: True))
    desk, old, _ = restore_newest(qtbot, desks, demo_db, profile)
    assert desk.window is not None and desk.window is not old and desk.window.isVisible()
    assert desk.login is None
    assert members_named(desk.db, NEWCOMER) == 0


@OFFSCREEN
def test_damaged_backup_is_refused_and_the_data_kept(
    qtbot: Any,
    demo_db: Database,
    profile: ProgramProfile,
    desks: list[Desk],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    damaged = backups_dir(demo_db) / "sangkien-20250101-120000-thu-cong.sqlite"
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"not a database at all" * 100)
    add_member(demo_db, MemberData(NEWCOMER))
    errors: list[BaseException] = []
    monkeypatch.setattr(backups_page, "show_error", lambda parent, exc: errors.append(exc))
    asked: list[str] = []
    monkeypatch.setattr(
        BackupsGroup, "ask_restore", classmethod(lambda cls, p, taken: asked.append(taken) or True)
    )
    desk, window, _ = restore_newest(qtbot, desks, demo_db, profile)
    assert [type(e) for e in errors] == [StorageError] and not asked
    assert desk.window is window and desk.db is demo_db
    assert members_named(demo_db, NEWCOMER) == 1
    assert not list(demo_db.folder.glob("*.thay-the-*.sqlite"))


@OFFSCREEN
def test_failed_restore_reopens_the_old_data_in_a_window(
    qtbot: Any,
    demo_db: Database,
    profile: ProgramProfile,
    desks: list[Desk],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup_now(demo_db, "hang-ngay")
    add_member(demo_db, MemberData(NEWCOMER))
    monkeypatch.setattr(BackupsGroup, "ask_restore", classmethod(lambda cls, p, taken: True))

    def broken(target: Path, backup: Path) -> Path:
        raise StorageError("Ổ đĩa đầy.")

    monkeypatch.setattr("sangkien_desktop.storage.backups.restore", broken)
    errors: list[BaseException] = []
    monkeypatch.setattr(
        "sangkien_desktop.gui.tasks.show_error", lambda parent, exc: errors.append(exc)
    )
    desk, _, _ = restore_newest(qtbot, desks, demo_db, profile)
    assert [str(e) for e in errors] == ["Ổ đĩa đầy."]
    assert desk.window is not None and desk.window.isVisible()
    assert members_named(desk.db, NEWCOMER) == 1


@OFFSCREEN
def test_unreachable_second_folder_does_not_stop_the_start(
    qtbot: Any, db: Database, profile: ProgramProfile, desks: list[Desk], tmp_path: Path
) -> None:
    from sangkien_desktop.gui import app
    from sangkien_desktop.services.backup_settings import set_second_folder

    blocked = tmp_path / "usb"
    blocked.write_text("a file where the folder should be")
    set_second_folder(db, blocked)
    assert db.path is not None
    db.close()
    opened = app.open_for_gui(str(db.path), demo=False)
    assert app.startup_warning
    desk = Desk(opened, profile)
    desks.append(desk)
    desk.start()
    assert desk.window is not None
    assert "Sao lưu hằng ngày chưa trọn vẹn" in desk.window.statusBar().currentMessage()
    assert not app.startup_warning
    assert len(list_backups(backups_dir(opened))) == 1
