"""Gửi lên Cổng: the unit key, the next bundle's initiatives, exporting and checking a bundle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sangkien_desktop.exchange import export, keys
from sangkien_desktop.gui.screens import export as screen_module
from sangkien_desktop.gui.screens.export import (
    BundleFile,
    BundleFolder,
    ExportScreen,
    PassphraseDialog,
)
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.services.initiatives import InitiativeFilter, count
from sangkien_desktop.storage import Database
from tests.timing import scaled

pytestmark = pytest.mark.gui


@pytest.fixture
def screen(qtbot: Any, demo_db: Database, profile: ProgramProfile) -> ExportScreen:
    widget = ExportScreen(demo_db, profile)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(screen_module, "show_error", lambda _parent, exc: shown.append(exc))
    return shown


def _ask(monkeypatch: pytest.MonkeyPatch, folder: Path, passphrase: str) -> None:
    monkeypatch.setattr(BundleFolder, "ask", classmethod(lambda cls, parent: folder))
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, parent, text: passphrase))


def _ready(db: Database) -> int:
    return count(db, InitiativeFilter(states=("READY",)))


def test_demo_key_fingerprint_is_shown(screen: ExportScreen, demo_db: Database) -> None:
    info = keys.unit_key_info(demo_db)
    assert info is not None
    assert info.fingerprint in screen.key_label.text()
    assert not screen.create_key_button.isVisibleTo(screen)


def test_ready_initiatives_are_the_candidates(screen: ExportScreen, demo_db: Database) -> None:
    expected = [r.code for r in export.candidates(demo_db, "pending")]
    assert expected
    table = screen.candidate_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == expected
    assert {table.item(r, 3).text() for r in range(table.rowCount())} == {"Sẵn sàng gửi"}
    assert screen.export_button.isEnabled()


def test_export_writes_a_zip_and_moves_initiatives_to_exported(
    qtbot: Any,
    screen: ExportScreen,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[BaseException],
) -> None:
    codes = [r.code for r in screen.candidates]
    _ask(monkeypatch, tmp_path, "demo")
    screen.export_button.click()
    qtbot.waitUntil(
        lambda: screen.last_result is not None or bool(errors), timeout=int(scaled(15) * 1000)
    )
    assert errors == []
    result = screen.last_result
    assert result is not None and result.path.suffix == ".zip" and result.path.is_file()
    assert sorted(result.moved) == sorted(codes)
    assert str(result.path) in screen.result_label.text()
    assert _ready(demo_db) == 0
    assert screen.candidate_table.rowCount() == 0
    assert screen.bundle_table.item(0, 1).text() == result.path.name


def test_wrong_passphrase_shows_message_and_changes_nothing(
    qtbot: Any,
    screen: ExportScreen,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[BaseException],
) -> None:
    ready = _ready(demo_db)
    out = tmp_path / "out"
    out.mkdir()
    _ask(monkeypatch, out, "sai mật khẩu")
    screen.export_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=int(scaled(15) * 1000))
    assert "mật khẩu" in str(getattr(errors[0], "message", errors[0])).lower()
    assert list(out.iterdir()) == []
    assert _ready(demo_db) == ready
    assert export.sent_bundles(demo_db) == []
    assert screen.export_button.isEnabled()


def test_checking_an_exported_bundle_reports_it_valid(
    qtbot: Any,
    screen: ExportScreen,
    demo_db: Database,
    profile: ProgramProfile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written = export.export_bundle(demo_db, profile, tmp_path, "demo")
    monkeypatch.setattr(BundleFile, "ask", classmethod(lambda cls, parent: written.path))
    screen.verify_button.click()
    qtbot.waitUntil(lambda: screen.last_verification is not None, timeout=int(scaled(15) * 1000))
    text = screen.verify_output.toPlainText()
    assert written.path.name in text
    assert "KẾT QUẢ: gói hợp lệ" in text
