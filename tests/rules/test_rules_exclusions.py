"""PROGRAM.md §3, excluded initiatives: E1–E4."""

from __future__ import annotations

from datetime import date

import pytest

E1 = "E1_APPLIED_OUTSIDE_WINDOW"
E2 = "E2_NOT_RECOGNISED"
E3 = "E3_PUBLIC_ORDER"
E4 = "E4_IP_PROTECTED"

WINDOW_CASES = [
    pytest.param(date(2021, 8, 31), {(E1, "application.first_applied_on")}, id="day-before-window"),
    pytest.param(date(2021, 9, 1), set(), id="first-day-of-window"),
    pytest.param(date(2023, 9, 1), set(), id="last-day-of-window"),
    pytest.param(date(2023, 9, 2), {(E1, "application.first_applied_on")}, id="day-after-window"),
]


@pytest.mark.parametrize(("applied", "expected"), WINDOW_CASES)
def test_application_date_outside_window_is_excluded(make_record, evaluate, applied, expected):
    record = make_record({"application.first_applied_on": applied})
    assert evaluate(record).errors == expected


def test_applied_day_before_window_is_excluded(make_record, evaluate):
    outcome = evaluate(make_record({"application.first_applied_on": date(2021, 8, 31)}))
    (finding,) = outcome.codes(E1)
    assert "31/08/2021" in finding.message
    assert "01/09/2021 – 01/09/2023" in finding.message


RESEARCH_WINDOW_CASES = [
    pytest.param(date(2021, 8, 31), {(E1, "research.applied_since")}, id="day-before-window"),
    pytest.param(date(2021, 9, 1), set(), id="first-day-of-window"),
    pytest.param(date(2023, 9, 1), set(), id="last-day-of-window"),
    pytest.param(date(2023, 9, 2), {(E1, "research.applied_since")}, id="day-after-window"),
]


@pytest.mark.parametrize(("applied", "expected"), RESEARCH_WINDOW_CASES)
def test_research_applied_since_outside_window_is_excluded(
    make_research, evaluate, applied, expected
):
    record = make_research({"research.applied_since": applied})
    assert evaluate(record).errors == expected


def test_research_uses_applied_since_not_the_application_block(make_research, evaluate):
    record = make_research({"application.first_applied_on": date(2020, 1, 1)})
    assert evaluate(record).codes(E1) == []


def test_missing_application_date_is_c2_not_e1(make_record, evaluate):
    outcome = evaluate(make_record({"application.first_applied_on": None}))
    assert outcome.errors == {("C2_APPLIED_WITH_BENEFIT", "application.first_applied_on")}


def test_missing_research_applied_since_is_c3_not_e1(make_research, evaluate):
    outcome = evaluate(make_research({"research.applied_since": None}))
    assert outcome.errors == {("C3_RESEARCH_ACCEPTED_APPLIED", "research.applied_since")}


E2_CASES = [
    pytest.param("make_record", {"status": "REJECTED"}, {(E2, "status")}, id="rejected"),
    pytest.param("make_research", {"status": "REJECTED"}, {(E2, "status")}, id="research-rejected"),
    pytest.param(
        "make_record",
        {"recognition.by": None, "status": "SUBMITTED"},
        {(E2, "recognition")},
        id="not-yet-recognised",
    ),
    pytest.param(
        "make_record",
        {"recognition.by": None, "status": "REJECTED"},
        {(E2, "status")},
        id="rejected-and-unrecognised-is-one-error",
    ),
    pytest.param(
        "make_research",
        {"recognition.by": None, "status": "SUBMITTED"},
        set(),
        id="research-is-recognised-by-acceptance",
    ),
]


@pytest.mark.parametrize(("factory", "changes", "expected"), E2_CASES)
def test_initiative_not_recognised_is_excluded(request, evaluate, factory, changes, expected):
    record = request.getfixturevalue(factory)(changes)
    assert evaluate(record).errors == expected


E3_CASES = [
    pytest.param({"content_review.reviewer": ""}, "content_review.reviewer", id="reviewer-missing"),
    pytest.param(
        {"content_review.reviewed_on": None}, "content_review.reviewed_on", id="date-missing"
    ),
    pytest.param(
        {"content_review.reviewer": "", "content_review.reviewed_on": None},
        "content_review.reviewer",
        id="both-missing-is-one-error",
    ),
]


@pytest.mark.parametrize(("changes", "field"), E3_CASES)
def test_content_without_reviewer_attestation_is_excluded(make_record, evaluate, changes, field):
    assert evaluate(make_record(changes)).errors == {(E3, field)}


def test_research_project_also_needs_content_review(make_research, evaluate):
    record = make_research({"content_review.reviewer": ""})
    assert evaluate(record).errors == {(E3, "content_review.reviewer")}


def test_ip_protected_initiative_is_excluded(make_record, evaluate):
    record = make_record({"ip_protection.protected": True, "ip_protection.registration_no": "1-23"})
    outcome = evaluate(record)
    assert outcome.errors == {(E4, "ip_protection.protected")}
    assert "1-23" in outcome.codes(E4)[0].message


def test_registration_number_without_protection_is_not_excluded(make_record, evaluate):
    record = make_record({"ip_protection.registration_no": "1-23"})
    assert evaluate(record).findings == []
