"""The program profile: the shipped 46/HD-TLĐ file loads; a broken file is refused in
Vietnamese; another file with other dates changes the rules' results without code."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from sangkien_desktop.errors import ProfileError
from sangkien_desktop.program import load_profile
from sangkien_desktop.program.profile import (
    DEFAULT_PROFILE,
    available_profiles,
    load_profile_file,
    profiles_dir,
)
from sangkien_desktop.records import (
    Application,
    Author,
    Benefits,
    ContentReview,
    InitiativeRecord,
    Recognition,
)
from sangkien_desktop.rules import check, derive

SHIPPED = profiles_dir() / f"{DEFAULT_PROFILE}.toml"


def test_shipped_profile_loads_with_the_guidance_dates():
    profile = load_profile()
    assert profile.id == "46-HD-TLD"
    assert profile.guidance == "46/HD-TLĐ"
    assert (profile.window_start, profile.window_end) == (date(2021, 9, 1), date(2023, 9, 1))
    assert profile.research_applied_since == date(2021, 9, 1)
    assert profile.participation_target_pct == 10
    assert [
        (p.number, p.eligible_from, p.eligible_to, p.national_target) for p in profile.phases
    ] == [
        (1, date(2021, 9, 1), date(2022, 5, 31), 300_000),
        (2, date(2022, 6, 1), date(2023, 9, 1), 700_000),
    ]


def test_shipped_profile_has_program_md_codes():
    profile = load_profile()
    assert profile.kind_codes == (
        "KY_THUAT",
        "QUAN_LY",
        "TAC_NGHIEP",
        "UNG_DUNG_TBKT",
        "CONG_DOAN",
        "COVID_19",
        "DE_TAI_NCKH",
    )
    assert [k.code for k in profile.kinds if k.research] == ["DE_TAI_NCKH"]
    assert profile.research_level_codes == ("TINH", "BO", "NGANH")
    assert set(profile.social_codes) >= {
        "AN_TOAN_LAO_DONG",
        "DIEU_KIEN_SONG_LAM_VIEC_HOC_TAP",
        "MOI_TRUONG",
        "SUC_KHOE",
        "PHONG_CHONG_DICH",
        "NANG_CAO_NHAN_THUC",
    }
    assert profile.kind("KY_THUAT").subkind("QUY_TRINH") is not None
    assert profile.kind("KHONG_CO") is None


def test_shipped_profile_is_listed_and_cached():
    assert DEFAULT_PROFILE in available_profiles()
    assert load_profile() is load_profile()


def test_unknown_profile_id_is_a_profile_error():
    with pytest.raises(ProfileError, match="Không tìm thấy hồ sơ chương trình"):
        load_profile("99-HD-TLD")


# --- broken profiles ----------------------------------------------------------------------------


def _shipped_text() -> str:
    return SHIPPED.read_text(encoding="utf-8")


def _replace(old: str, new: str, count: int = 1) -> str:
    text = _shipped_text()
    assert text.count(old) >= count, old
    return text.replace(old, new, count)


BROKEN = [
    pytest.param(
        _replace("eligible_from = 2022-06-01", "eligible_from = 2022-05-31"),
        "Giai đoạn 1 và Giai đoạn 2 chồng lên nhau",
        id="overlapping-phases",
    ),
    pytest.param(
        _replace("national_target = 700000\n", ""),
        "thiếu khóa “national_target” trong [[phases]]",
        id="phase-key-missing",
    ),
    pytest.param(
        _replace('id = "46-HD-TLD"\n', ""),
        "thiếu khóa “id” trong [program]",
        id="program-id-missing",
    ),
    pytest.param(
        re.sub(r"application_window = .*\n", "", _shipped_text()),
        "thiếu khóa “application_window”",
        id="window-missing",
    ),
    pytest.param(
        _replace('code = "QUAN_LY"', 'code = "KY_THUAT"'),
        "mã loại sáng kiến bị trùng",
        id="duplicate-kind-code",
    ),
    pytest.param(
        _replace('code = "MOI_TRUONG"', 'code = "SUC_KHOE"'),
        "mã lợi ích xã hội bị trùng",
        id="duplicate-social-code",
    ),
    pytest.param(
        _replace("number = 2", "number = 1"), "mã giai đoạn bị trùng", id="duplicate-phase-number"
    ),
    pytest.param(
        _replace('code = "COVID_19"', 'code = "COVID_19"\nresearch = true'),
        "chỉ một loại được là đề tài nghiên cứu khoa học",
        id="two-research-kinds",
    ),
    pytest.param(
        _replace("start = 2021-09-01, end = 2023-09-01", "start = 2023-09-02, end = 2023-09-01"),
        "thời gian áp dụng bắt đầu sau ngày kết thúc",
        id="window-reversed",
    ),
    pytest.param(
        _replace("eligible_to = 2022-05-31", "eligible_to = 2021-08-31"),
        "Giai đoạn 1 bắt đầu sau ngày kết thúc",
        id="phase-reversed",
    ),
    pytest.param(
        _replace("participation_target_pct = 10", 'participation_target_pct = "10"'),
        "“participation_target_pct” trong [program] có kiểu không đúng",
        id="target-not-a-number",
    ),
    pytest.param(
        _replace("eligible_from = 2022-06-01", "eligible_from = 2022-06-01T00:00:00"),
        "“eligible_from” trong [[phases]] có kiểu không đúng",
        id="phase-day-given-as-datetime",
    ),
    pytest.param(_shipped_text() + "\n[program\n", "sai cú pháp", id="bad-toml"),
    pytest.param(
        '[program]\nid = "x"\n',
        "thiếu khóa “application_window” trong [program]",
        id="nearly-empty",
    ),
    pytest.param("", "thiếu khóa “program” trong hong.toml", id="empty-file"),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_broken_profile_is_refused_in_vietnamese(tmp_path, text, message):
    path = tmp_path / "hong.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(("Hồ sơ chương trình", "Không tìm thấy"))


def test_missing_profile_file_is_refused(tmp_path):
    with pytest.raises(ProfileError, match="Không tìm thấy hồ sơ chương trình"):
        load_profile_file(tmp_path / "khong-co.toml")


def test_non_utf8_profile_is_refused(tmp_path):
    path = tmp_path / "cp1258.toml"
    path.write_bytes('[program]\nname = "Sáng"\n'.encode("cp1258"))
    with pytest.raises(ProfileError, match="không phải văn bản UTF-8"):
        load_profile_file(path)


# --- a later round is data, not code ----------------------------------------------------------

LATER_ROUND = {
    "46-HD-TLD": "99-HD-TLD",
    "start = 2021-09-01, end = 2023-09-01": "start = 2023-10-01, end = 2025-06-30",
    "research_applied_since = 2021-09-01": "research_applied_since = 2023-10-01",
    "eligible_from = 2021-09-01": "eligible_from = 2023-10-01",
    "eligible_to = 2022-05-31": "eligible_to = 2024-06-30",
    "eligible_from = 2022-06-01": "eligible_from = 2024-07-01",
    "eligible_to = 2023-09-01": "eligible_to = 2025-06-30",
}


@pytest.fixture
def later_round(tmp_path: Path):
    text = _shipped_text()
    for old, new in LATER_ROUND.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "99-HD-TLD.toml"
    path.write_text(text, encoding="utf-8")
    return load_profile_file(path)


def _initiative(applied: date, recognised: date) -> InitiativeRecord:
    return InitiativeRecord(
        id="r-1",
        code="SK-1",
        title="Sáng kiến",
        kind="QUAN_LY",
        content="Nội dung",
        authors=[Author("Nguyễn Văn An", contribution_pct=100)],
        application=Application("APPLIED", applied),
        benefits=Benefits(economic_value_vnd=1_000_000),
        recognition=Recognition("HEAD", "Công ty A", "1/QĐ", recognised),
        content_review=ContentReview("Lê Minh Tâm", recognised),
    )


ROUND_CASES = [
    pytest.param(date(2022, 3, 15), date(2022, 4, 20), (False, 1), (True, None), id="2022-entry"),
    pytest.param(date(2023, 9, 1), date(2023, 9, 1), (False, 2), (True, None), id="46-last-day"),
    pytest.param(date(2023, 10, 1), date(2023, 10, 5), (True, None), (False, 1), id="later-first"),
    pytest.param(date(2024, 6, 30), date(2024, 7, 1), (True, None), (False, 2), id="later-phase-2"),
]


@pytest.mark.parametrize(("applied", "recognised", "in_46", "in_later"), ROUND_CASES)
def test_later_round_profile_changes_window_and_phase(
    later_round, applied, recognised, in_46, in_later
):
    record = _initiative(applied, recognised)
    for profile, (excluded, phase) in ((load_profile(), in_46), (later_round, in_later)):
        rules = {f.rule for f in check(record, profile, date(2026, 1, 1))}
        assert ("E1_APPLIED_OUTSIDE_WINDOW" in rules) == excluded, profile.id
        assert derive(record, profile).phase == phase, profile.id


def test_later_round_profile_keeps_its_own_identity(later_round):
    assert later_round.id == "99-HD-TLD"
    assert later_round.window_start == date(2023, 10, 1)
    assert load_profile().window_start == date(2021, 9, 1)


def test_later_research_start_date_is_checked_by_c3(tmp_path: Path) -> None:
    """A round whose research projects must start later than its window: C3, not E1."""
    from sangkien_desktop.records.model import Research

    source = SHIPPED.read_text(encoding="utf-8")
    changed = source.replace(
        "research_applied_since = 2021-09-01", "research_applied_since = 2022-01-01"
    )
    path = tmp_path / "later.toml"
    path.write_text(changed, encoding="utf-8")
    later = load_profile_file(path)
    record = InitiativeRecord(
        id="r",
        code="SK-R",
        title="Đề tài",
        kind="DE_TAI_NCKH",
        research_level="TINH",
        content="Nội dung",
        authors=[Author("Trần Văn An", contribution_pct=100, is_lead=True)],
        research=Research(
            date(2021, 12, 1), date(2021, 11, 1), "Giám đốc", "1/XN", date(2021, 12, 5)
        ),
    )
    errors = {
        (f.rule, f.field) for f in check(record, later, date(2024, 1, 1)) if f.severity == "error"
    }
    assert ("C3_RESEARCH_ACCEPTED_APPLIED", "research.applied_since") in errors
    assert not any(rule == "E1_APPLIED_OUTSIDE_WINDOW" for rule, _ in errors)
