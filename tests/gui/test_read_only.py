"""A role that may not change something sees it read-only, not as a form whose Save fails."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from sangkien_desktop.gui.editor import CloseChoice, InitiativeEditor
from sangkien_desktop.gui.screens.settings import SettingsScreen
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.services.initiatives import InitiativeFilter, list_ids
from sangkien_desktop.storage import Database
from tests.gui.conftest import sign_in

pytestmark = pytest.mark.gui

Opener = Callable[[str], InitiativeEditor]


@pytest.fixture
def initiative_id(accounts_db: Database) -> str:
    with accounts_db.reader() as session:
        return list_ids(session, InitiativeFilter())[0]


@pytest.fixture
def open_editor(
    qtbot: Any, accounts_db: Database, profile: ProgramProfile, initiative_id: str
) -> Iterator[Opener]:
    """Sign a demo account in and open the first initiative in an editor."""
    editors: list[InitiativeEditor] = []

    def make(username: str) -> InitiativeEditor:
        sign_in(accounts_db, username)
        editor = InitiativeEditor(accounts_db, profile, initiative_id)
        editors.append(editor)
        editor.resize(1366, 768)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    yield make
    for editor in editors:
        if shiboken6.isValid(editor):
            editor.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def settings_for(
    qtbot: Any, accounts_db: Database, profile: ProgramProfile
) -> Callable[[str], SettingsScreen]:
    def make(username: str) -> SettingsScreen:
        sign_in(accounts_db, username)
        screen = SettingsScreen(accounts_db, profile)
        qtbot.addWidget(screen)
        return screen

    return make


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The labels of the editors that asked about unsaved changes."""
    labels: list[str] = []

    def ask(cls: type, parent: object, label: str) -> CloseChoice:
        labels.append(label)
        return CloseChoice.DISCARD

    monkeypatch.setattr(InitiativeEditor, "ask_unsaved", classmethod(ask))
    return labels


def test_a_viewer_sees_the_title_read_only(open_editor: Opener) -> None:
    editor = open_editor("xem")
    assert editor.form.title.isReadOnly()
    assert editor.form.field.isReadOnly()
    assert not editor.form.kind.isEnabled()
    assert not editor.form.first_applied.isEnabled()


def test_a_viewer_cannot_save(open_editor: Opener) -> None:
    editor = open_editor("xem")
    assert not editor.save_button.isVisible()
    assert not editor.save_action.isEnabled()


def test_a_viewer_sees_the_read_only_banner_with_the_role(open_editor: Opener) -> None:
    editor = open_editor("xem")
    assert editor.read_only_banner.isVisible()
    assert editor.read_only_banner.text() == (
        "Chế độ chỉ xem — vai trò Chỉ xem không được sửa sáng kiến."
    )


def test_a_viewer_cannot_change_authors_but_can_browse_attachments_and_history(
    open_editor: Opener,
) -> None:
    editor = open_editor("xem")
    authors, attachments = editor.form.authors, editor.form.attachments
    assert not authors.add_button.isEnabled()
    assert authors.model.rowCount() > 0
    assert not authors.model.setData(authors.model.index(0, 0), "Ai đó")
    assert not attachments.add_button.isEnabled()
    assert not attachments.table.acceptDrops()
    assert "Kéo thả" not in attachments.hint.text()
    assert editor.form.history.isEnabled() and editor.sections.isEnabled()


def test_closing_a_viewers_editor_asks_nothing(open_editor: Opener, asked: list[str]) -> None:
    editor = open_editor("xem")
    assert editor.close()
    assert asked == []


def test_support_can_edit_the_same_initiative(open_editor: Opener) -> None:
    editor = open_editor("hotro")
    assert not editor.form.title.isReadOnly()
    assert editor.form.kind.isEnabled()
    assert not editor.read_only_banner.isVisible()
    assert editor.save_button.isVisible()
    assert editor.form.authors.add_button.isEnabled()


def test_a_chair_sees_the_unit_fields_read_only(settings_for: Any) -> None:
    screen = settings_for("chutich")
    edits = screen.unit_form.findChildren(QLineEdit)
    assert edits and all(edit.isReadOnly() for edit in edits)
    assert not screen.unit_read_only_hint.isHidden()
    assert "Chủ tịch / Hội đồng" in screen.unit_read_only_hint.text()


def test_an_admin_can_edit_the_unit_fields(settings_for: Any) -> None:
    screen = settings_for("quantri")
    assert not any(edit.isReadOnly() for edit in screen.unit_form.findChildren(QLineEdit))
    assert screen.unit_read_only_hint.isHidden()
