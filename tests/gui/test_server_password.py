"""The desktop application asks for a database server's password that libpq did not find, in a
hidden field, once (tests/pg.py starts the server)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QLineEdit

from sangkien_desktop.gui import app
from sangkien_desktop.storage.database import PasswordNeeded
from tests.storage.test_postgres import office_role  # noqa: F401  (a role with a password)

pytestmark = pytest.mark.gui


@pytest.fixture
def no_passfile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def test_the_server_password_is_asked_once_and_opens_the_database(
    office_role: tuple[str, str],  # noqa: F811
    no_passfile: None,
) -> None:
    url, password = office_role
    asked: list[str] = []

    def ask(problem: str) -> str:
        asked.append(problem)
        return password

    db = app.open_asking_password(url, False, ask)
    assert db is not None
    try:
        assert db.display_name == url
    finally:
        db.close()
    assert len(asked) == 1 and "cần mật khẩu" in asked[0]


def test_cancelling_the_password_opens_nothing_and_a_wrong_one_is_refused(
    office_role: tuple[str, str],  # noqa: F811
    no_passfile: None,
) -> None:
    url, _password = office_role
    assert app.open_asking_password(url, False, lambda _problem: None) is None
    with pytest.raises(PasswordNeeded):
        app.open_asking_password(url, False, lambda _problem: "sai")


def test_the_password_field_hides_what_is_typed(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def get_text(_parent: Any, title: str, label: str, echo: Any) -> tuple[str, bool]:
        seen.update(title=title, label=label, echo=echo)
        return "bí mật", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    assert app.ask_server_password("Máy chủ cần mật khẩu.") == "bí mật"
    assert seen["echo"] == QLineEdit.EchoMode.Password
    assert seen["label"].startswith("Máy chủ cần mật khẩu.")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a: ("", False)))
    assert app.ask_server_password("…") is None
