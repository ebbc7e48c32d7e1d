"""GUI fixtures: the application set up as ``sangkien-desktop`` sets it up, real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from sangkien_desktop.gui.app import make_application
from sangkien_desktop.gui.editor import InitiativeEditor
from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.security import access
from sangkien_desktop.security.users import UserInfo, authenticate
from sangkien_desktop.services.demo import DEMO_PASSWORD, add_demo_accounts
from sangkien_desktop.storage import Database


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(autouse=True)
def _application(qapp: QApplication) -> Iterator[None]:
    make_application()
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def window(qtbot: Any, demo_db: Database, profile: ProgramProfile) -> Iterator[MainWindow]:
    main = MainWindow(demo_db, profile, actor="Lê Minh Tâm")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    # Delete the window (closing alone keeps its hundreds of widgets alive for the whole run).
    main.close()
    main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def accounts_db(demo_db: Database) -> Database:
    """The demo database with its four demo accounts (quantri, chutich, hotro, xem; password
    DEMO_PASSWORD), nobody signed in."""
    add_demo_accounts(demo_db)
    return demo_db


def sign_in(db: Database, username: str) -> UserInfo:
    """Sign ``username`` (a demo account) in, as the login dialog does."""
    user = authenticate(db, username, DEMO_PASSWORD)
    access.sign_in(db, user)
    return user


def delete_window(main: QWidget) -> None:
    """Close and delete a window now (closing alone keeps its widgets for the whole run)."""
    main.close()
    main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Vietnamese letters included.

    ``qtbot.keyClicks`` aborts the process on non-ASCII text, so each character goes as a
    QKeyEvent carrying the text, the way an input method delivers it."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def open_editors(main: MainWindow) -> list[InitiativeEditor]:
    """The initiative editors ``main`` shows now."""
    return [e for e in main.findChildren(InitiativeEditor) if e.isVisible()]


def double_click(qtbot: Any, view: QAbstractItemView, index: QModelIndex) -> None:
    """Double-click ``index`` as a mouse does: a click, then the double click (Qt's view acts
    on a double click only where the first press landed)."""
    view.scrollTo(index)
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
