"""The rewards list and adding a reward."""

from __future__ import annotations

from datetime import date

import pytest

from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.services.rewards import NewReward, add_reward, list_rewards
from sangkien_desktop.storage import Database


def test_demo_rewards_are_listed_with_their_initiative(demo_db: Database) -> None:
    rewards = list_rewards(demo_db)
    assert rewards
    assert all(r.decision_no == "25/QĐ-CĐCS" and r.initiative_code for r in rewards)
    assert [r.initiative_code for r in rewards] == sorted(r.initiative_code for r in rewards)


def test_added_reward_is_listed_first_when_newest(demo_db: Database) -> None:
    code = list_rewards(demo_db)[0].initiative_code
    add_reward(
        demo_db,
        NewReward(
            "  Trần  Thị Hồng ",
            code,
            "30/QĐ-CĐCS",
            date(2024, 1, 5),
            form="TIEN_THUONG",
            amount_vnd=500_000,
        ),
    )
    first = list_rewards(demo_db)[0]
    assert (first.recipient_name, first.initiative_code, first.amount_vnd) == (
        "Trần Thị Hồng",
        code,
        500_000,
    )


def test_reward_without_recipient_is_refused(db: Database) -> None:
    with pytest.raises(InputError, match="tên người"):
        add_reward(db, NewReward("  "))


def test_negative_amount_is_refused(db: Database) -> None:
    with pytest.raises(InputError, match="không được âm"):
        add_reward(db, NewReward("Tổ Cơ điện", amount_vnd=-1))


def test_unknown_initiative_code_is_refused(db: Database) -> None:
    with pytest.raises(NotFoundError, match="SK-404"):
        add_reward(db, NewReward("Tổ Cơ điện", "SK-404"))
    assert list_rewards(db) == []
