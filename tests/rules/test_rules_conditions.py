"""PROGRAM.md §2, conditions for recognition: C1–C4, table-driven at their boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from sangkien_desktop.records import Author

C1 = "C1_NOVELTY_RECOGNISED"
C2 = "C2_APPLIED_WITH_BENEFIT"
C3 = "C3_RESEARCH_ACCEPTED_APPLIED"
C4 = "C4_CREDITED_AUTHOR"


def test_valid_initiative_has_no_finding(make_record, evaluate):
    outcome = evaluate(make_record())
    assert outcome.findings == []
    assert outcome.derived.phase == 1
    assert outcome.derived.credited_author == "Nguyễn Thị Hường"


def test_valid_research_project_has_no_finding(make_research, evaluate):
    outcome = evaluate(make_research())
    assert outcome.findings == []
    assert outcome.derived.phase == 1


# --- C1 -------------------------------------------------------------------------------------

C1_CASES = [
    pytest.param({"recognition.body": ""}, {(C1, "recognition.body")}, id="body-missing"),
    pytest.param(
        {"recognition.decision_no": ""}, {(C1, "recognition.decision_no")}, id="decision-no-missing"
    ),
    pytest.param(
        {"recognition.decided_on": None}, {(C1, "recognition.decided_on")}, id="decided-on-missing"
    ),
    pytest.param(
        {"recognition.body": "", "recognition.decision_no": "", "recognition.decided_on": None},
        {
            (C1, "recognition.body"),
            (C1, "recognition.decision_no"),
            (C1, "recognition.decided_on"),
        },
        id="all-three-missing-one-error-each",
    ),
    pytest.param({"recognition.by": "HEAD"}, set(), id="recognised-by-head"),
]


@pytest.mark.parametrize(("changes", "expected"), C1_CASES)
def test_recognised_initiative_needs_body_decision_number_and_date(
    make_record, evaluate, changes, expected
):
    assert evaluate(make_record(changes)).errors == expected


def test_unrecognised_initiative_is_e2_not_c1(make_record, evaluate):
    record = make_record({"recognition.by": None, "recognition.body": ""})
    assert evaluate(record).errors == {("E2_NOT_RECOGNISED", "recognition")}


def test_research_project_with_incomplete_recognition_is_not_checked_by_c1(make_research, evaluate):
    record = make_research({"recognition.by": "COUNCIL"})
    assert evaluate(record).codes(C1) == []


# --- C2 -------------------------------------------------------------------------------------

NO_BENEFIT = {
    "benefits.economic_value_vnd": None,
    "benefits.economic": "",
    "benefits.social": [],
    "benefits.social_description": "",
}

C2_CASES = [
    pytest.param({"application.mode": None}, {(C2, "application.mode")}, set(), id="mode-missing"),
    pytest.param({"application.mode": "TRIAL"}, set(), set(), id="trial-application-is-enough"),
    pytest.param(
        {"application.first_applied_on": None},
        {(C2, "application.first_applied_on")},
        set(),
        id="first-applied-on-missing",
    ),
    pytest.param(NO_BENEFIT, {(C2, "benefits")}, set(), id="no-benefit"),
    pytest.param(
        {**NO_BENEFIT, "benefits.economic_value_vnd": 0},
        {(C2, "benefits")},
        set(),
        id="economic-value-zero-is-no-benefit",
    ),
    pytest.param(
        {**NO_BENEFIT, "benefits.economic_value_vnd": 1}, set(), set(), id="economic-value-1-vnd"
    ),
    pytest.param(
        {**NO_BENEFIT, "benefits.economic": "Giảm 30% thời gian kiểm tra"},
        set(),
        {(C2, "benefits.economic_value_vnd")},
        id="economic-description-without-value-warns",
    ),
    pytest.param(
        {**NO_BENEFIT, "benefits.social": ["SUC_KHOE"], "benefits.social_description": "Ít bụi"},
        set(),
        set(),
        id="social-codes-with-description",
    ),
    pytest.param(
        {**NO_BENEFIT, "benefits.social": ["SUC_KHOE"]},
        {(C2, "benefits.social_description")},
        set(),
        id="social-codes-without-description",
    ),
    pytest.param(
        {**NO_BENEFIT, "benefits.social_description": "Ít bụi"},
        {(C2, "benefits")},
        set(),
        id="social-description-without-codes",
    ),
]


@pytest.mark.parametrize(("changes", "errors", "warnings"), C2_CASES)
def test_initiative_must_be_applied_with_a_benefit(
    make_record, evaluate, changes, errors, warnings
):
    outcome = evaluate(make_record(changes))
    assert outcome.errors == errors
    assert outcome.warnings == warnings


def test_research_project_needs_no_application_nor_benefit(make_research, evaluate):
    outcome = evaluate(make_research({"application.mode": None, **NO_BENEFIT}))
    assert outcome.findings == []


# --- C3 -------------------------------------------------------------------------------------

C3_FIELDS = [
    ("research_level", None),
    ("research.accepted_on", None),
    ("research.applied_since", None),
    ("research.confirmed_by", ""),
    ("research.confirmation_no", ""),
    ("research.confirmed_on", None),
]


@pytest.mark.parametrize(("field", "empty"), C3_FIELDS, ids=[f for f, _ in C3_FIELDS])
def test_research_project_missing_one_c3_field_is_one_c3_error(
    make_research, evaluate, field, empty
):
    assert evaluate(make_research({field: empty})).errors == {(C3, field)}


def test_non_research_initiative_is_not_checked_by_c3(make_record, evaluate):
    assert evaluate(make_record({"research_level": None})).codes(C3) == []


def test_research_applied_before_window_is_e1_not_c3(make_research, evaluate):
    outcome = evaluate(make_research({"research.applied_since": date(2021, 8, 31)}))
    assert outcome.errors == {("E1_APPLIED_OUTSIDE_WINDOW", "research.applied_since")}


def test_research_applied_on_first_day_of_window_passes(make_research, evaluate):
    assert evaluate(make_research({"research.applied_since": date(2021, 9, 1)})).findings == []


# --- C4: contribution shares -------------------------------------------------------------------


def _shares(*shares: float | None) -> dict[str, list[Author]]:
    names = ["Nguyễn Thị Hường", "Đặng Văn Đức", "Trần Văn An", "Lê Thị Bình"]
    return {"authors": [Author(names[i], contribution_pct=s) for i, s in enumerate(shares)]}


SHARE_CASES = [
    pytest.param(_shares(30, 69.99), set(), id="sum-99.99-within-tolerance"),
    pytest.param(_shares(30, 70), set(), id="sum-100"),
    pytest.param(_shares(30, 70.01), set(), id="sum-100.01-within-tolerance"),
    pytest.param(_shares(0.02, 99.97), set(), id="sum-99.99-small-share"),
    pytest.param(_shares(0.03, 99.98), set(), id="sum-100.01-small-share"),
    pytest.param(_shares(33.33, 33.33, 33.34), set(), id="three-thirds"),
    pytest.param(_shares(30, 69.98), {(C4, "authors")}, id="sum-99.98"),
    pytest.param(_shares(30, 70.02), {(C4, "authors")}, id="sum-100.02"),
    pytest.param(_shares(31, 70), {(C4, "authors")}, id="sum-101"),
    pytest.param(_shares(100), set(), id="single-author-100"),
    pytest.param(_shares(90), {(C4, "authors")}, id="single-author-90"),
    pytest.param(
        _shares(100, 0), {(C4, "authors[1].contribution_pct")}, id="zero-share-no-sum-error"
    ),
    pytest.param(_shares(100, -10), {(C4, "authors[1].contribution_pct")}, id="negative-share"),
    pytest.param(
        _shares(100.5, -0.5),
        {(C4, "authors[0].contribution_pct"), (C4, "authors[1].contribution_pct")},
        id="share-above-100-and-negative",
    ),
    pytest.param(_shares(100, None), {(C4, "authors[1].contribution_pct")}, id="share-missing"),
    pytest.param({"authors": []}, {(C4, "authors")}, id="no-author"),
]


@pytest.mark.parametrize(("changes", "expected"), SHARE_CASES)
def test_contributions_are_positive_and_sum_to_100(make_record, evaluate, changes, expected):
    assert evaluate(make_record(changes)).errors == expected


def test_sum_error_message_states_the_total(make_record, evaluate):
    (finding,) = evaluate(make_record(_shares(31, 70))).codes(C4)
    assert "101%" in finding.message


# --- C4: who is credited -----------------------------------------------------------------------


def _team(*members: tuple[float, bool]) -> dict[str, list[Author]]:
    names = ["Nguyễn Thị Hường", "Đặng Văn Đức", "Trần Văn An"]
    return {
        "authors": [
            Author(names[i], contribution_pct=share, is_lead=lead)
            for i, (share, lead) in enumerate(members)
        ]
    }


CREDIT_CASES = [
    pytest.param(_team((100, False)), "Nguyễn Thị Hường", set(), id="single-author"),
    pytest.param(_team((40, False), (60, False)), "Đặng Văn Đức", set(), id="highest-share"),
    pytest.param(
        _team((50, False), (50, False)), None, {(C4, "authors")}, id="tie-unresolved-warns"
    ),
    pytest.param(_team((50, False), (50, True)), "Đặng Văn Đức", set(), id="tie-resolved-by-lead"),
    pytest.param(
        _team((50, True), (50, True)), None, {(C4, "authors")}, id="tie-with-two-leads-warns"
    ),
    pytest.param(
        _team((40, False), (40, False), (20, True)),
        None,
        {(C4, "authors")},
        id="lead-outside-the-tie-does-not-resolve-it",
    ),
    pytest.param(
        _team((60, False), (40, True)),
        "Nguyễn Thị Hường",
        {(C4, "authors[1].is_lead")},
        id="lead-on-lower-share-warns-and-is-ignored",
    ),
]


@pytest.mark.parametrize(("changes", "credited", "warnings"), CREDIT_CASES)
def test_initiative_is_credited_to_the_highest_share(
    make_record, evaluate, changes, credited, warnings
):
    outcome = evaluate(make_record(changes))
    assert outcome.errors == set()
    assert outcome.warnings == warnings
    assert outcome.derived.credited_author == credited


RESEARCH_CREDIT_CASES = [
    pytest.param(
        _team((40, True), (60, False)), "Nguyễn Thị Hường", set(), id="lead-with-lower-share"
    ),
    pytest.param(_team((100, True)), "Nguyễn Thị Hường", set(), id="single-author-lead"),
    pytest.param(
        _team((100, False)), "Nguyễn Thị Hường", set(), id="single-member-without-lead-flag"
    ),
    pytest.param(_team((60, False), (40, False)), None, {(C4, "authors")}, id="two-no-lead"),
    pytest.param(_team((40, False), (60, False)), None, {(C4, "authors")}, id="no-lead"),
    pytest.param(_team((40, True), (60, True)), None, {(C4, "authors[1].is_lead")}, id="two-leads"),
    pytest.param(
        _team((50, False), (50, True)), "Đặng Văn Đức", set(), id="tie-is-no-concern-for-research"
    ),
]


@pytest.mark.parametrize(("changes", "credited", "errors"), RESEARCH_CREDIT_CASES)
def test_research_project_is_credited_to_its_one_lead(
    make_research, evaluate, changes, credited, errors
):
    outcome = evaluate(make_research(changes))
    assert outcome.errors == errors
    assert outcome.warnings == set()
    assert outcome.derived.credited_author == credited


def test_research_project_of_one_member_without_lead_flag_credits_that_member(
    make_research, evaluate
):
    """Guidance I.2.4 chooses the lead "trong trường hợp … có nhiều tác giả, thành viên": a
    project with one member has nobody to choose between, so no C4 finding."""
    outcome = evaluate(make_research(_team((100, False))))
    assert outcome.findings == []
    assert outcome.derived.credited_author == "Nguyễn Thị Hường"


def test_research_project_of_one_member_still_needs_the_share(make_research, evaluate):
    outcome = evaluate(make_research(_team((None, False))))
    assert outcome.errors == {(C4, "authors[0].contribution_pct")}
    assert outcome.derived.credited_author == "Nguyễn Thị Hường"


def test_unresolved_tie_warning_names_the_tied_authors(make_record, evaluate):
    (finding,) = evaluate(make_record(_team((50, False), (50, False)))).codes(C4)
    assert "Nguyễn Thị Hường" in finding.message
    assert "Đặng Văn Đức" in finding.message
    assert "50%" in finding.message
