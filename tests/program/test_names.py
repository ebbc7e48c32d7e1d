"""Names of core codes in both languages: Vietnamese by default (documents, the command line,
spreadsheets and bundles), English from ``name_en`` for an interface running in English."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sangkien_desktop.program.profile import ProgramProfile, parse_profile
from sangkien_desktop.workflow.states import STATES, State, next_steps, state_name


def test_state_name_is_vietnamese_by_default() -> None:
    assert state_name("RECOGNISED") == "Đã được công nhận"


def test_state_name_in_english() -> None:
    assert state_name("RECOGNISED", "en") == "Recognised"
    assert state_name(State.UPLOADED, "en") == "On the national portal"


def test_every_state_has_an_english_name() -> None:
    for info in STATES.values():
        assert info.label("en") and info.label("en") != info.label("vi")


def test_an_unknown_language_falls_back_to_vietnamese() -> None:
    assert state_name("IDEA", "fr") == "Ý tưởng đăng ký"


def test_next_steps_in_english_names_the_targets_in_english() -> None:
    assert next_steps(State.RECOGNISED, "en") == (
        "From “Recognised” it can only go to “Submitted to the council”, “Ready to send”."
    )
    assert next_steps(State.UPLOADED, "en") == (
        "“On the national portal” is the last step; it cannot move any further."
    )


def test_kind_name_in_both_languages(profile: ProgramProfile) -> None:
    assert profile.kind_name("KY_THUAT") == "Giải pháp kỹ thuật"
    assert profile.kind_name("KY_THUAT", "en") == "Technical solution"


def test_an_unknown_kind_code_is_shown_as_it_is(profile: ProgramProfile) -> None:
    assert profile.kind_name("KHAC", "en") == "KHAC"
    assert profile.kind_name(None, "en") == ""


def test_subkind_name_in_both_languages(profile: ProgramProfile) -> None:
    assert profile.subkind_name("QUAN_LY", "TO_CHUC_CONG_VIEC") == "Phương pháp tổ chức công việc"
    assert profile.subkind_name("QUAN_LY", "TO_CHUC_CONG_VIEC", "en") == "Organising work"


def test_benefit_and_research_level_names_in_both_languages(profile: ProgramProfile) -> None:
    assert profile.benefit_name("MOI_TRUONG") == "Bảo vệ môi trường"
    assert profile.benefit_name("MOI_TRUONG", "en") == "Environment"
    assert profile.research_level_name("TINH") == "Cấp tỉnh"
    assert profile.research_level_name("TINH", "en") == "Provincial"


def test_phase_name_in_both_languages(profile: ProgramProfile) -> None:
    assert profile.phase_name(2) == "Giai đoạn 2"
    assert profile.phase_name(2, "en") == "Phase 2"
    assert profile.phase_name(None, "en") == ""


def test_program_name_in_both_languages(profile: ProgramProfile) -> None:
    assert profile.label().startswith("01 triệu sáng kiến")
    assert profile.label("en").startswith("One million initiatives")


@pytest.mark.parametrize(
    ("given", "expected"), [({}, "Phase 1"), ({"name_en": "Round 1"}, "Round 1")]
)
def test_phase_english_name_comes_from_the_profile_or_the_number(
    given: dict[str, str], expected: str
) -> None:
    data = {
        "program": {
            "id": "X",
            "name": "Chương trình thử",
            "participation_target_pct": 10,
            "application_window": {
                "start": date(2024, 1, 1),
                "end": date(2024, 12, 31),
            },
            "research_applied_since": date(2024, 1, 1),
        },
        "phases": [
            {
                "number": 1,
                "name": "Đợt 1",
                "eligible_from": date(2024, 1, 1),
                "eligible_to": date(2024, 12, 31),
                "updates_from": datetime(2024, 1, 1, 7),
                "updates_before": datetime(2025, 1, 1),
                "national_target": 10,
            }
            | given
        ],
        "kinds": [{"code": "K", "name": "Loại"}],
    }
    profile = parse_profile(data)
    assert profile.phase_name(1) == "Đợt 1"
    assert profile.phase_name(1, "en") == expected
    assert profile.kind_name("K", "en") == "Loại"  # no name_en: the Vietnamese name
