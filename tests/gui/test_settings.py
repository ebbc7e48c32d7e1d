"""Cài đặt: the unit's details, the accounts (or the user's name), the language, the profile,
the data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTableWidget, QWidget

from sangkien_desktop.documents.fonts import font_in_use
from sangkien_desktop.gui.accounts import FirstAccountsDialog, PasswordDialog, UserDialog
from sangkien_desktop.gui.look import install_translation
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.screens.settings import SettingsScreen
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.security.users import (
    UserInfo,
    change_password,
    get_user,
    list_users,
    lock_minutes,
)
from sangkien_desktop.services.units import unit_details
from sangkien_desktop.storage import Database
from tests.gui.conftest import sign_in, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def screen(qtbot: Any, db: Database, profile: ProgramProfile) -> SettingsScreen:
    shown = SettingsScreen(db, profile)
    qtbot.addWidget(shown)
    # An explicit minimum size: otherwise the layout resizes the window, which the offscreen
    # platform reports with a warning.
    shown.setMinimumSize(1100, 700)
    shown.show()
    return shown


@pytest.fixture
def back_to_vietnamese(qapp: QApplication) -> Iterator[None]:
    yield
    install_translation(qapp, "vi")


def test_editing_the_unit_name_saves_it(qtbot: Any, screen: SettingsScreen, db: Database) -> None:
    assert not screen.save_unit_button.isEnabled()
    screen.unit_form.name.clear()
    type_text(screen.unit_form.name, "Công đoàn Công ty Thủy điện Hòa Bình")
    qtbot.mouseClick(screen.save_unit_button, Qt.MouseButton.LeftButton)
    assert unit_details(db).name == "Công đoàn Công ty Thủy điện Hòa Bình"
    assert "Đã lưu" in screen.unit_status.text()
    assert not screen.save_unit_button.isEnabled()


def test_unit_cannot_be_saved_without_a_code(screen: SettingsScreen) -> None:
    screen.unit_form.code.clear()
    assert not screen.save_unit_button.isEnabled()
    assert screen.unit_status.text() == "Cần tên và mã đơn vị."


def test_reload_keeps_unsaved_edits(screen: SettingsScreen) -> None:
    screen.unit_form.chair.setText("Phạm Văn Thành")
    screen.reload()
    assert screen.unit_form.chair.text() == "Phạm Văn Thành"


def test_user_name_is_saved_and_becomes_the_actor(qtbot: Any, window: MainWindow) -> None:
    window.show_screen("settings")
    screen = window.screens["settings"]
    assert isinstance(screen, SettingsScreen)
    screen.user_edit.clear()
    type_text(screen.user_edit, "Đỗ Thu Hà")
    qtbot.mouseClick(screen.save_user_button, Qt.MouseButton.LeftButton)
    assert QSettings().value("user/name") == "Đỗ Thu Hà"
    assert window.actor == "Đỗ Thu Hà"


def test_main_window_takes_the_actor_from_the_settings(
    qtbot: Any, demo_db: Database, profile: ProgramProfile
) -> None:
    QSettings().setValue("user/name", "Bùi Quang Huy")
    window = MainWindow(demo_db, profile)
    qtbot.addWidget(window)
    assert window.actor == "Bùi Quang Huy"


def test_switching_to_english_reopens_the_main_window_in_english(
    qtbot: Any, window: MainWindow, back_to_vietnamese: None
) -> None:
    window.show_screen("settings")
    screen = window.screens["settings"]
    assert isinstance(screen, SettingsScreen)
    screen.language_combo.setCurrentIndex(screen.language_combo.findData("en"))
    qtbot.mouseClick(screen.apply_language_button, Qt.MouseButton.LeftButton)
    assert QSettings().value("ui/language") == "en"
    reopened = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    assert len(reopened) == 1 and reopened[0] is not window
    new = reopened[0]
    qtbot.addWidget(new)
    assert new.navigation.item(0).text() == "Overview"
    assert new.current_screen() == "settings"
    assert new.actor == "Lê Minh Tâm"
    assert not window.isVisible()


def test_phases_are_shown_with_their_dates(screen: SettingsScreen) -> None:
    table = screen.phases_table
    assert table.rowCount() == 2
    assert table.item(0, 1).text() == "01/09/2021 – 31/05/2022"
    assert table.item(0, 2).text() == "07:00 08/01/2022 đến trước 24:00 31/05/2022"
    assert table.item(1, 3).text() == "700.000"


def test_the_font_documents_are_printed_in_is_shown(screen: SettingsScreen) -> None:
    assert screen.font_label.text() == font_in_use()
    assert font_in_use() in ("Times New Roman", "Liberation Serif")


def test_open_folder_shows_the_data_folder(
    qtbot: Any, screen: SettingsScreen, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(
        SettingsScreen, "open_folder", classmethod(lambda cls, folder: opened.append(folder))
    )
    qtbot.mouseClick(screen.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [db.folder]
    assert screen.database_label.text() == str(db.path)


@pytest.fixture
def admin_screen(qtbot: Any, accounts_db: Database, profile: ProgramProfile) -> SettingsScreen:
    sign_in(accounts_db, "quantri")
    shown = SettingsScreen(accounts_db, profile)
    qtbot.addWidget(shown)
    shown.setMinimumSize(1100, 700)
    shown.show()
    return shown


def test_admin_sees_the_accounts_and_adds_one(
    qtbot: Any, admin_screen: SettingsScreen, accounts_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = admin_screen.accounts_group
    assert group is not None and group.table.rowCount() == 4
    assert group.table.item(0, 2).text() == "Chủ tịch / Hội đồng"

    def fill(cls: type, parent: QWidget, db: Database, user: UserInfo | None = None) -> Any:
        dialog = UserDialog(db, user, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.username, "thuha")
        type_text(dialog.full_name, "Đỗ Thu Hà")
        dialog.role.setCurrentIndex(dialog.role.findData("SUPPORT"))
        qtbot.keyClicks(dialog.password, "thu-ha-2023")
        qtbot.keyClicks(dialog.again, "thu-ha-2023")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.user

    monkeypatch.setattr(UserDialog, "ask", classmethod(fill))
    qtbot.mouseClick(group.add_button, Qt.MouseButton.LeftButton)
    assert ("thuha", "Đỗ Thu Hà", "SUPPORT", True) in {
        (u.username, u.full_name, u.role, u.active) for u in list_users(accounts_db)
    }
    assert group.table.rowCount() == 5
    assert group.selected() is not None and group.selected().username == "thuha"


def test_admin_disables_an_account(
    qtbot: Any, admin_screen: SettingsScreen, accounts_db: Database
) -> None:
    group = admin_screen.accounts_group
    assert group is not None
    group.table.selectRow([u.username for u in group.users].index("xem"))
    qtbot.mouseClick(group.active_button, Qt.MouseButton.LeftButton)
    assert not get_user(accounts_db, "xem").active
    assert group.active_button.text() == "Mở khóa"


def test_admin_saves_the_lock_minutes(
    qtbot: Any, admin_screen: SettingsScreen, accounts_db: Database
) -> None:
    group = admin_screen.accounts_group
    assert group is not None and group.lock_spin.value() == 10
    assert not group.save_lock_button.isEnabled()
    group.lock_spin.setValue(5)
    qtbot.mouseClick(group.save_lock_button, Qt.MouseButton.LeftButton)
    assert lock_minutes(accounts_db) == 5


def test_a_non_admin_only_changes_their_own_password(
    qtbot: Any, accounts_db: Database, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(accounts_db, "hotro")
    screen = SettingsScreen(accounts_db, profile)
    qtbot.addWidget(screen)
    group = screen.accounts_group
    assert group is not None and not group.admin
    assert group.findChild(QTableWidget) is None
    assert not screen.save_unit_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(
        PasswordDialog,
        "change_own",
        classmethod(lambda cls, parent, db, username: asked.append(username) or True),
    )
    qtbot.mouseClick(group.password_button, Qt.MouseButton.LeftButton)
    assert asked == ["hotro"]
    assert group.status.text() == "Đã đổi mật khẩu."


def test_password_dialog_says_a_wrong_old_password_in_place(
    qtbot: Any, accounts_db: Database
) -> None:
    user = sign_in(accounts_db, "hotro")
    dialog = PasswordDialog(
        "Đổi mật khẩu",
        lambda old, new: change_password(accounts_db, user.username, old, new),
        needs_old=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.old, "khong-dung")
    qtbot.keyClicks(dialog.new, "mat-khau-moi")
    qtbot.keyClicks(dialog.again, "mat-khau-moi")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.message.text() == "Sai tên đăng nhập hoặc mật khẩu."


def test_single_user_mode_offers_to_create_accounts(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_screen("settings")
    screen = window.screens["settings"]
    assert isinstance(screen, SettingsScreen) and screen.accounts_group is None
    monkeypatch.setattr(
        FirstAccountsDialog, "ask", classmethod(lambda cls, db, parent, chair_name: True)
    )
    with qtbot.waitSignal(window.logout_requested):
        qtbot.mouseClick(screen.create_accounts_button, Qt.MouseButton.LeftButton)
