"""How Vietnamese administrative documents write dates and money (Decree 30/2020/NĐ-CP)."""

from __future__ import annotations

from datetime import date

from sangkien_desktop.text import format_vnd, nfc

BLANK_DAY = "ngày ...... tháng ...... năm ........"

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ("", "nghìn", "triệu")


def day_words(day: date | None) -> str:
    """``ngày 05 tháng 01 năm 2023``: a leading zero for days below 10 and for months 1 and 2
    only (Decree 30, Appendix I), so ``ngày 15 tháng 3 năm 2023``. Dotted blanks without a day."""
    if day is None:
        return BLANK_DAY
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_day(place: str, day: date | None) -> str:
    """``Hà Nội, ngày 05 tháng 01 năm 2023`` (a dotted blank where the place is not set)."""
    return f"{nfc(place).strip() or '..................'}, {day_words(day)}"


def money(amount: int | None) -> str:
    """``125.000.000 đồng``, as written in a decision or on a form."""
    return format_vnd(amount, "đồng") if amount is not None else ""


def _three(number: int, full: bool) -> list[str]:
    """The words of 0 ≤ number < 1000; ``full`` reads the hundreds even when they are zero
    (inside a larger number: ``một triệu không trăm linh năm``)."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        elif units == 4 and tens >= 2:
            words.append("tư")
        else:
            words.append(_DIGITS[units])
    return words


def _words(number: int, full: bool = False) -> list[str]:
    billions, rest = divmod(number, 1_000_000_000)
    words: list[str] = []
    if billions:
        words += [*_words(billions, full), "tỷ"]
        full = True
    groups = [rest // 1_000_000, rest // 1000 % 1000, rest % 1000]
    for group, scale in zip(groups, reversed(_SCALES), strict=True):
        if group:
            words += _three(group, full)
            if scale:
                words.append(scale)
            full = True
    return words


def money_in_words(amount: int) -> str:
    """``2000000`` → ``Hai triệu đồng`` (the "Bằng chữ" of a decision)."""
    if amount < 0:
        raise ValueError(amount)
    text = " ".join(_words(amount)) if amount else "không"
    return f"{text[0].upper()}{text[1:]} đồng"
