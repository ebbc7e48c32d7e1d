"""Dates and money as documents write them, and the unit's document settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sangkien_desktop.documents.settings import DocumentSettings, load_settings, save_settings
from sangkien_desktop.documents.wording import day_words, money, money_in_words, place_and_day
from sangkien_desktop.errors import InputError
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage import Database


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 1, 5), "ngày 05 tháng 01 năm 2023"),
        (date(2023, 2, 28), "ngày 28 tháng 02 năm 2023"),
        (date(2023, 3, 9), "ngày 09 tháng 3 năm 2023"),
        (date(2023, 12, 10), "ngày 10 tháng 12 năm 2023"),
        (None, "ngày ...... tháng ...... năm ........"),
    ],
)
def test_day_has_a_leading_zero_below_ten_and_for_january_and_february(
    day: date | None, expected: str
) -> None:
    assert day_words(day) == expected


def test_place_and_day() -> None:
    assert place_and_day("Hà Nội", date(2023, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2023"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (105, "Một trăm linh năm đồng"),
        (2_000_000, "Hai triệu đồng"),
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (15_500_000, "Mười lăm triệu năm trăm nghìn đồng"),
        (125_000_000, "Một trăm hai mươi lăm triệu đồng"),
        (2_001_000_000, "Hai tỷ không trăm linh một triệu đồng"),
    ],
)
def test_money_in_words(amount: int, words: str) -> None:
    assert money_in_words(amount) == words


def test_money_in_figures() -> None:
    assert money(125_000_000) == "125.000.000 đồng"


def test_settings_default_to_the_home_unit(db: Database) -> None:
    init_unit(
        db,
        UnitDetails("Công đoàn Công ty Đông Á", "CD1", place="Đà Nẵng", chair_name="Lý Thị Ỷ"),
    )
    settings = load_settings(db)
    assert settings.issuing_body == "Công đoàn Công ty Đông Á"
    assert settings.addressee == "Hội đồng sáng kiến Công ty Đông Á"
    assert settings.recognising_body == "Công ty Đông Á"
    assert settings.reward_regulation == "Quy chế thi đua, khen thưởng của Công đoàn Công ty Đông Á"
    assert (settings.place, settings.signatory_name) == ("Đà Nẵng", "Lý Thị Ỷ")
    assert settings.certificate_symbol == "GCN-CĐCS"


def test_saved_settings_persist_and_the_rest_follows_the_unit(db: Database) -> None:
    regulation = "Quy chế khen thưởng ban hành kèm theo Quyết định số 05/QĐ-CĐCS"
    save_settings(
        db, replace(load_settings(db), certificate_symbol="GCN-CĐ", reward_regulation=regulation)
    )
    init_unit(db, UnitDetails("Công đoàn Công ty Mới", "CDCS-TEST"))
    settings = load_settings(db)
    assert (settings.certificate_symbol, settings.reward_regulation) == ("GCN-CĐ", regulation)
    assert settings.recognising_body == "Công ty Mới"
    assert settings.issuing_body == "Công đoàn Công ty Mới"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"issuing_body": " "}, "cơ quan ban hành"),
        ({"certificate_symbol": ""}, "ký hiệu giấy chứng nhận"),
        ({"logo_path": "/không/có/logo.png"}, "không tìm thấy tệp logo"),
    ],
)
def test_bad_settings_are_refused(db: Database, change: dict[str, object], message: str) -> None:
    before = load_settings(db)
    with pytest.raises(InputError, match=message):
        save_settings(db, replace(before, **change))  # type: ignore[arg-type]
    assert load_settings(db) == before


def test_logo_path_is_kept_as_typed(db: Database, tmp_path: Path) -> None:
    logo = tmp_path / "logo  công đoàn.png"
    logo.write_bytes(b"png")
    saved = save_settings(db, replace(load_settings(db), logo_path=f" {logo} "))
    assert saved == replace(DocumentSettings(**vars(saved)), logo_path=str(logo))
    assert load_settings(db).logo_path == str(logo)
