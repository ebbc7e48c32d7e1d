"""Reading one cell the way offices fill them in: dates, money, shares, yes/no, codes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sangkien_desktop.spreadsheets.cells import (
    AuthorShare,
    CellError,
    CodeList,
    header_key,
    read_authors,
    read_bool,
    read_date,
    read_money,
    read_text,
)
from tests.spreadsheets.conftest import nfd

TODAY = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Họ và tên", "ho va ten"),
        ("HỌ VÀ TÊN", "ho va ten"),
        ("  ho   va ten ", "ho va ten"),
        (nfd("Họ và tên"), "ho va ten"),
        ("Ngày sinh (dd/mm/yyyy) *", "ngay sinh"),
        ("Họ, tên:", "ho ten"),
        ("Đơn vị", "don vi"),
    ],
)
def test_header_key_ignores_case_accents_spacing_and_notes(header: str, key: str) -> None:
    assert header_key(header) == key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(1986, 4, 12), date(1986, 4, 12)),
        (date(1986, 4, 12), date(1986, 4, 12)),
        ("12/04/1986", date(1986, 4, 12)),
        ("2/4/1986", date(1986, 4, 2)),
        ("12-04-1986", date(1986, 4, 12)),
        ("12.04.1986", date(1986, 4, 12)),
        ("1/2/86", date(1986, 2, 1)),
        ("15/3/22", date(2022, 3, 15)),
        ("1986-04-12", date(1986, 4, 12)),
        (31514, date(1986, 4, 12)),  # an Excel serial number left without a date format
        (None, None),
        ("   ", None),
    ],
)
def test_dates_are_read_in_every_usual_spelling(value: object, expected: date | None) -> None:
    assert read_date(value, TODAY) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("31/02/1991", "không phải ngày có thật"),
        ("1986", "dd/mm/yyyy"),
        (1986, "chỉ có năm"),
        ("ngày 5 tháng 3", "dd/mm/yyyy"),
    ],
)
def test_a_date_that_cannot_be_read_says_why(value: object, words: str) -> None:
    with pytest.raises(CellError, match=words):
        read_date(value, TODAY)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (125000000, 125_000_000),
        (125000000.0, 125_000_000),
        ("125.000.000", 125_000_000),
        ("125,000,000", 125_000_000),
        ("125,000,000 đ", 125_000_000),
        ("125.000.000đ", 125_000_000),
        ("125 000 000 VNĐ", 125_000_000),
        ("125\u00a0000\u00a0000 đồng", 125_000_000),
        ("125 triệu", 125_000_000),
        ("1,5 tỷ", 1_500_000_000),
        ("1.250.000,00", 1_250_000),
        ("0", 0),
        (None, None),
    ],
)
def test_money_is_read_from_numbers_and_vietnamese_text(
    value: object, expected: int | None
) -> None:
    assert read_money(value) == expected


@pytest.mark.parametrize("value", ["một trăm triệu", "-5.000", "12/04/2022", True])
def test_money_that_is_not_an_amount_is_refused(value: object) -> None:
    with pytest.raises(CellError):
        read_money(value)


def test_authors_cell_with_shares_gives_each_author() -> None:
    assert read_authors("Nguyễn Văn A (60%); Trần Thị B (40%)") == [
        AuthorShare("Nguyễn Văn A", 60, False),
        AuthorShare("Trần Thị B", 40, False),
    ]


@pytest.mark.parametrize(
    "cell",
    [
        "Nguyễn Văn A (60%)\nTrần Thị B (40%)",
        "Nguyễn Văn A 60%, Trần Thị B 40%",
        "Nguyễn Văn A - 60%; Trần Thị B - 40 %",
        "Nguyễn Văn A (60); Trần Thị B (40)",
    ],
)
def test_authors_cell_accepts_the_usual_separators(cell: str) -> None:
    assert [(a.full_name, a.contribution_pct) for a in read_authors(cell)] == [
        ("Nguyễn Văn A", 60),
        ("Trần Thị B", 40),
    ]


def test_authors_cell_reads_a_decimal_share_and_the_project_lead() -> None:
    authors = read_authors("Lê Văn C (chủ nhiệm, 33,5%); Phạm Thị D (66,5%)")
    assert authors == [AuthorShare("Lê Văn C", 33.5, True), AuthorShare("Phạm Thị D", 66.5, False)]


def test_authors_cell_with_an_unreadable_share_says_so() -> None:
    with pytest.raises(CellError, match="tỷ lệ"):
        read_authors("Nguyễn Văn A (sáu mươi phần trăm)")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Có", True), ("x", True), ("KHÔNG", False), (True, True), (0, False), (None, None)],
)
def test_yes_no_cells(value: object, expected: bool | None) -> None:
    assert read_bool(value) == expected


def test_code_list_reads_codes_names_and_unaccented_names() -> None:
    kinds = CodeList({"KY_THUAT": "Giải pháp kỹ thuật", "QUAN_LY": "Giải pháp quản lý"})
    assert kinds.read("KY_THUAT", "loại") == "KY_THUAT"
    assert kinds.read("ky_thuat", "loại") == "KY_THUAT"
    assert kinds.read("GIẢI PHÁP QUẢN LÝ", "loại") == "QUAN_LY"
    assert kinds.read("giai phap quan ly", "loại") == "QUAN_LY"


def test_code_list_names_the_choices_when_the_value_is_unknown() -> None:
    kinds = CodeList({"KY_THUAT": "Giải pháp kỹ thuật"})
    with pytest.raises(CellError, match="Giải pháp kỹ thuật"):
        kinds.read("Sáng chế", "loại sáng kiến")


def test_text_is_normalised_to_nfc_and_trimmed() -> None:
    assert read_text(nfd("  Nguyễn   Thị  Hường "), 200) == "Nguyễn Thị Hường"


def test_text_longer_than_the_field_allows_is_refused() -> None:
    with pytest.raises(CellError, match="quá giới hạn 200"):
        read_text("a" * 201, 200)


def test_too_long_text_message_keeps_its_comma_and_groups_with_dots() -> None:
    with pytest.raises(CellError) as caught:
        read_text("a" * 1_500, 1_000)
    assert str(caught.value) == "dài 1.500 ký tự, quá giới hạn 1.000 ký tự."
