"""Vietnamese text helpers: folding for search, collation, money and dates."""

from __future__ import annotations

import random
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sangkien_desktop.text import (
    clean,
    fold,
    format_date,
    format_number,
    format_vnd,
    name_sort_key,
    nfc,
    parse_date_vn,
    sort_key,
)

FOLD_CASES = [
    pytest.param("Nguyễn Đăng", "nguyen dang", id="nfc"),
    pytest.param(unicodedata.normalize("NFD", "Nguyễn Đăng"), "nguyen dang", id="nfd"),
    pytest.param("ĐẶNG VĂN ĐỨC", "dang van duc", id="upper-case"),
    pytest.param("  Phạm\tThị \n Dung ", "pham thi dung", id="white-space"),
    pytest.param("Ưu tiên ơi", "uu tien oi", id="horn"),
    pytest.param("", "", id="empty"),
    pytest.param(None, "", id="none"),
]


@pytest.mark.parametrize(("text", "folded"), FOLD_CASES)
def test_fold_removes_every_accent_and_folds_d_bar(text, folded):
    assert fold(text) == folded


def test_nfc_and_clean_normalise_pasted_text():
    decomposed = unicodedata.normalize("NFD", "Hường")
    assert nfc(decomposed) == "Hường"
    assert clean(f"  {decomposed}\n  Nguyễn ") == "Hường Nguyễn"
    assert clean(None) == ""


def test_names_sort_by_given_name_then_family_name():
    names = ["Lê Văn Đức", "Phạm Thị Dung", "Nguyễn Thị Bình", "Trần Văn An"]
    assert sorted(names, key=name_sort_key) == [
        "Trần Văn An",
        "Nguyễn Thị Bình",
        "Phạm Thị Dung",  # d comes before đ in the Vietnamese alphabet
        "Lê Văn Đức",
    ]


def test_same_given_name_sorts_by_family_name():
    names = ["Trần Văn An", "Nguyễn Văn An", "Lê Thị An"]
    assert sorted(names, key=name_sort_key) == ["Lê Thị An", "Nguyễn Văn An", "Trần Văn An"]


def test_name_sort_key_ignores_normalisation_and_spacing():
    assert name_sort_key(unicodedata.normalize("NFD", " Lê  Văn Đức")) == name_sort_key(
        "Lê Văn Đức"
    )


def test_letters_follow_the_vietnamese_alphabet():
    alphabet = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n"]
    alphabet += ["o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"]
    shuffled = random.Random(46).sample(alphabet, len(alphabet))
    assert sorted(shuffled, key=sort_key) == alphabet


def test_tones_are_a_secondary_key():
    assert sorted(["ạ", "á", "ã", "ả", "à", "a"], key=sort_key) == ["a", "à", "ả", "ã", "á", "ạ"]
    # The letters decide before any tone does: "ác" < "an" although "à" < "á".
    assert sorted(["an", "ác"], key=sort_key) == ["ác", "an"]


def test_shorter_word_sorts_first():
    assert sorted(["Anh", "An"], key=sort_key) == ["An", "Anh"]
    assert sorted(["An Bình", "An"], key=sort_key) == ["An", "An Bình"]


VND_CASES = [
    pytest.param(125_000_000, "125.000.000 đ", id="record-md-example"),
    pytest.param(0, "0 đ", id="zero"),
    pytest.param(999, "999 đ", id="below-thousand"),
    pytest.param(1000, "1.000 đ", id="thousand"),
    pytest.param(-5000, "-5.000 đ", id="negative"),
    pytest.param(None, "", id="none"),
]


@pytest.mark.parametrize(("amount", "text"), VND_CASES)
def test_format_vnd_separates_thousands_with_dots(amount, text):
    assert format_vnd(amount) == text


def test_format_vnd_unit_is_optional():
    assert format_vnd(33_000_000_000_000, unit="") == "33.000.000.000.000"
    assert format_vnd(1_500, unit="VNĐ") == "1.500 VNĐ"


def test_format_date_is_dd_mm_yyyy_with_leading_zeros():
    assert format_date(date(2023, 2, 1)) == "01/02/2023"
    assert format_date(date(2021, 12, 30)) == "30/12/2021"
    assert format_date(None) == ""


PARSE_CASES = [
    pytest.param("01/09/2021", date(2021, 9, 1), id="dd/mm/yyyy"),
    pytest.param("1/9/2021", date(2021, 9, 1), id="d/m/yyyy"),
    pytest.param("01-09-2021", date(2021, 9, 1), id="dashes"),
    pytest.param("01.09.2021", date(2021, 9, 1), id="dots"),
    pytest.param(" 31/5/2022 ", date(2022, 5, 31), id="padded"),
    pytest.param("29/02/2024", date(2024, 2, 29), id="leap-day"),
]


@pytest.mark.parametrize(("text", "day"), PARSE_CASES)
def test_parse_date_vn_reads_day_first(text, day):
    assert parse_date_vn(text) == day


@pytest.mark.parametrize(
    "text", ["30/02/2022", "29/02/2023", "2022-02-01", "01/13/2022", "1/9/21", "", "ngày 1/9/2021"]
)
def test_parse_date_vn_refuses_what_is_not_a_real_date(text):
    with pytest.raises(ValueError):
        parse_date_vn(text)


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_format_date_and_parse_date_vn_round_trip(day):
    assert parse_date_vn(format_date(day)) == day


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ ", max_size=20))
def test_fold_is_idempotent_and_ascii_for_vietnamese_text(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert folded.isascii()


@pytest.mark.parametrize(
    ("number", "text"),
    [(0, "0"), (999, "999"), (1_000, "1.000"), (1_234_567, "1.234.567"), (-1_500, "-1.500")],
)
def test_format_number_groups_thousands_with_dots(number: int, text: str) -> None:
    assert format_number(number) == text
