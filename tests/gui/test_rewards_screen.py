"""Khen thưởng: the rewards list, adding a reward, printing certificates and the decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sangkien_desktop.gui.print_preview import ConfirmCertificates
from sangkien_desktop.gui.screens import rewards as screen_module
from sangkien_desktop.gui.screens.rewards import (
    DecisionDialog,
    OpenPdf,
    PdfFile,
    RewardDialog,
    RewardsScreen,
)
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.services.rewards import NewReward, list_rewards
from sangkien_desktop.storage import Database
from tests.timing import scaled

pytestmark = pytest.mark.gui


@pytest.fixture
def screen(qtbot: Any, demo_db: Database, profile: ProgramProfile) -> RewardsScreen:
    widget = RewardsScreen(demo_db, profile)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(screen_module, "show_error", lambda _parent, exc: shown.append(exc))
    return shown


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def ask(cls: type, parent: Any, text: str) -> bool:
        texts.append(text)
        return False

    monkeypatch.setattr(OpenPdf, "ask", classmethod(ask))
    monkeypatch.setattr(ConfirmCertificates, "ask", classmethod(lambda cls, p, plan, e: True))
    return texts


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(PdfFile, "ask", classmethod(lambda cls, parent, title, name: path))


def test_demo_rewards_are_listed(screen: RewardsScreen, demo_db: Database) -> None:
    expected = list_rewards(demo_db)
    assert expected
    assert screen.table.rowCount() == len(expected)
    assert screen.table.item(0, 3).text() == "25/QĐ-CĐCS"
    assert screen.table.item(0, 7).text() == "2.000.000 đ"
    assert f"{len(expected)} khen thưởng" in screen.count_label.text()


def test_added_reward_appears_in_the_list(
    screen: RewardsScreen, monkeypatch: pytest.MonkeyPatch, errors: list[BaseException]
) -> None:
    before = screen.table.rowCount()
    new = NewReward("Tổ Cơ điện", decision_no="40/QĐ-CĐCS", amount_vnd=1_500_000)
    monkeypatch.setattr(RewardDialog, "ask", classmethod(lambda cls, parent, number="": new))
    screen.add_button.click()
    assert errors == []
    assert screen.table.rowCount() == before + 1
    names = [screen.table.item(r, 0).text() for r in range(screen.table.rowCount())]
    assert "Tổ Cơ điện" in names


def test_printing_certificates_writes_a_pdf(
    qtbot: Any,
    screen: RewardsScreen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[BaseException],
    opened: list[str],
) -> None:
    target = tmp_path / "chung-nhan.pdf"
    _save_to(monkeypatch, target)
    screen.certificates_button.click()
    qtbot.waitUntil(lambda: bool(opened or errors), timeout=int(scaled(15) * 1000))
    assert errors == []
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in opened[0]


def test_printing_the_reward_decision_writes_a_pdf(
    qtbot: Any,
    screen: RewardsScreen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[BaseException],
    opened: list[str],
) -> None:
    target = tmp_path / "quyet-dinh.pdf"
    _save_to(monkeypatch, target)
    monkeypatch.setattr(
        DecisionDialog, "ask", classmethod(lambda cls, parent, numbers, current: current)
    )
    screen.decision_button.click()
    qtbot.waitUntil(lambda: bool(opened or errors), timeout=int(scaled(15) * 1000))
    assert errors == []
    assert target.read_bytes().startswith(b"%PDF")
