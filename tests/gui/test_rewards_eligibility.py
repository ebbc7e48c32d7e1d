"""Khen thưởng: the print actions show what the eligibility gate refused or left out."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sangkien_desktop.documents.eligibility import NotEligibleError
from sangkien_desktop.documents.service import issued_certificates
from sangkien_desktop.gui.print_preview import ConfirmCertificates
from sangkien_desktop.gui.screens import rewards as screen_module
from sangkien_desktop.gui.screens.rewards import DecisionDialog, OpenPdf, PdfFile, RewardsScreen
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.services.rewards import NewReward, add_reward
from sangkien_desktop.storage import Database

pytestmark = pytest.mark.gui
REFUSED = "SK-2021-0033"  # the demo's shares add up to 90 %: a C4 error


@pytest.fixture
def screen(qtbot: Any, demo_db: Database, profile: ProgramProfile) -> RewardsScreen:
    add_reward(
        demo_db,
        NewReward(
            "Nguyễn Văn Refused",
            REFUSED,
            "99/QĐ-CĐCS",
            date(2023, 3, 1),
            amount_vnd=500_000,
        ),
    )
    widget = RewardsScreen(demo_db, profile)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, list[Any]]:
    """The errors and the "printed" messages the screen shows; PDFs saved in tmp_path."""
    seen: dict[str, list[Any]] = {"errors": [], "printed": []}
    monkeypatch.setattr(screen_module, "show_error", lambda _p, exc: seen["errors"].append(exc))
    monkeypatch.setattr(
        OpenPdf, "ask", classmethod(lambda cls, parent, text: seen["printed"].append(text))
    )
    monkeypatch.setattr(
        PdfFile, "ask", classmethod(lambda cls, parent, title, name: tmp_path / name)
    )
    monkeypatch.setattr(ConfirmCertificates, "ask", classmethod(lambda cls, p, plan, e: True))
    return seen


def _select(screen: RewardsScreen, code: str) -> None:
    row = next(r for r, line in enumerate(screen.rewards) if line.initiative_code == code)
    screen.table.selectRow(row)


def test_certificates_for_every_recognised_one_name_those_left_out(
    qtbot: Any, screen: RewardsScreen, shown: dict[str, list[Any]], demo_db: Database
) -> None:
    screen.certificates_button.click()
    qtbot.waitUntil(lambda: bool(shown["printed"] or shown["errors"]), timeout=60000)
    assert shown["errors"] == []
    text = shown["printed"][0]
    assert "Không in giấy chứng nhận sáng kiến cho" in text
    assert f"{REFUSED} “" in text and "(C4_CREDITED_AUTHOR)" in text
    assert REFUSED not in {c.initiative_code for c in issued_certificates(demo_db)}


def test_certificate_of_a_refused_initiative_shows_the_refusal(
    qtbot: Any, screen: RewardsScreen, shown: dict[str, list[Any]], tmp_path: Path
) -> None:
    _select(screen, REFUSED)
    screen.certificates_button.click()
    qtbot.waitUntil(lambda: bool(shown["printed"] or shown["errors"]), timeout=60000)
    assert shown["printed"] == []
    (error,) = shown["errors"]
    assert isinstance(error, NotEligibleError)
    assert f"{REFUSED} “" in error.message and "(C4_CREDITED_AUTHOR)" in error.message
    assert list(tmp_path.glob("*.pdf")) == []
    qtbot.waitUntil(lambda: screen.certificates_button.isEnabled(), timeout=60000)


def test_reward_decision_naming_a_refused_initiative_shows_the_refusal(
    qtbot: Any,
    screen: RewardsScreen,
    shown: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(
        DecisionDialog, "ask", classmethod(lambda cls, parent, numbers, current: "99/QĐ-CĐCS")
    )
    screen.decision_button.click()
    qtbot.waitUntil(lambda: bool(shown["printed"] or shown["errors"]), timeout=60000)
    (error,) = shown["errors"]
    assert isinstance(error, NotEligibleError)
    assert error.message.startswith("Không in quyết định khen thưởng: 1 sáng kiến")
    assert REFUSED in error.message
    assert list(tmp_path.glob("*.pdf")) == []
