"""The certificate numbers a print would issue, shown before any is taken."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from sangkien_desktop.documents.service import (
    issued_certificates,
    plan_certificates,
    print_certificates,
)
from sangkien_desktop.errors import InputError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.storage import Database

Add = Callable[..., InitiativeRecord]
DAY = date(2023, 1, 5)


def test_plan_names_the_numbers_and_takes_none(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001", authors=(("Trần Thị Mỹ Lệ", 60), ("Đặng Văn Đức", 40)))
    add("SK-2022-0002")
    plan = plan_certificates(unit_db, profile, None, issued_on=DAY)
    assert plan.pages == 4 and plan.new_numbers == (1, 2, 3, 4) and plan.year == 2023
    assert plan.codes == ("SK-2022-0001", "SK-2022-0002")
    assert issued_certificates(unit_db) == []
    assert list(tmp_path.glob("*.pdf")) == []
    out = tmp_path / "gcn.pdf"
    assert (
        print_certificates(unit_db, profile, out, None, issued_on=DAY, expected=(1, 2, 3, 4)) == 4
    )
    assert [c.number for c in issued_certificates(unit_db)] == [1, 2, 3, 4]
    reprint = plan_certificates(unit_db, profile, ["SK-2022-0002"], issued_on=DAY)
    assert reprint.pages == 2 and reprint.new_numbers == ()


def test_numbers_taken_meanwhile_refuse_the_confirmed_print(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001")
    add("SK-2022-0002")
    plan = plan_certificates(unit_db, profile, ["SK-2022-0002"], issued_on=DAY)
    assert plan.new_numbers == (1, 2)
    print_certificates(unit_db, profile, tmp_path / "a.pdf", ["SK-2022-0001"], issued_on=DAY)
    out = tmp_path / "b.pdf"
    with pytest.raises(InputError, match="đã thay đổi"):
        print_certificates(
            unit_db, profile, out, ["SK-2022-0002"], issued_on=DAY, expected=plan.new_numbers
        )
    assert not out.exists()
    assert {c.initiative_code for c in issued_certificates(unit_db)} == {"SK-2022-0001"}


def test_plan_with_nothing_selected_refuses_like_the_print(
    unit_db: Database, profile: ProgramProfile
) -> None:
    with pytest.raises(InputError, match="Chưa chọn sáng kiến"):
        plan_certificates(unit_db, profile, [], issued_on=DAY)
