"""The record's own sanity: R1–R5, and what every finding carries."""

from __future__ import annotations

from datetime import date

import pytest

from sangkien_desktop.rules import RULES, Severity, has_errors

R1 = "R1_REQUIRED_TEXT"
R2 = "R2_DATE_IN_FUTURE"
R3 = "R3_DATE_ORDER"
R4 = "R4_DOSSIER_INCOMPLETE"
R5 = "R5_NO_PHASE"

R1_CASES = [
    pytest.param({"title": ""}, {(R1, "title")}, id="title-missing"),
    pytest.param({"content": ""}, {(R1, "content")}, id="content-missing"),
    pytest.param(
        {"authors[1].full_name": ""}, {(R1, "authors[1].full_name")}, id="author-name-missing"
    ),
]


@pytest.mark.parametrize(("changes", "expected"), R1_CASES)
def test_required_text_missing_is_an_error(make_record, evaluate, changes, expected):
    assert evaluate(make_record(changes)).errors == expected


R2_CASES = [
    pytest.param({"authors[0].birth_date": date(2024, 1, 2)}, "authors[0].birth_date", id="birth"),
    pytest.param({"submitted_on": date(2024, 1, 2)}, "submitted_on", id="submitted-on"),
    pytest.param(
        {"content_review.reviewed_on": date(2024, 1, 2)}, "content_review.reviewed_on", id="review"
    ),
]


@pytest.mark.parametrize(("changes", "field"), R2_CASES)
def test_date_after_today_is_an_error(make_record, evaluate, changes, field):
    outcome = evaluate(make_record(changes), today=date(2024, 1, 1))
    # submitted_on after the decision is also R3; only R2 is this test's concern.
    assert {f for r, f in outcome.errors if r == R2} == {field}


def test_date_equal_to_today_is_not_in_the_future(make_record, evaluate):
    outcome = evaluate(make_record(), today=date(2022, 4, 22))
    assert outcome.findings == []


def test_today_is_a_parameter_of_check(make_record, evaluate):
    outcome = evaluate(make_record(), today=date(2022, 4, 21))
    assert outcome.errors == {(R2, "content_review.reviewed_on")}


def test_future_decision_date_is_an_error_and_falls_in_no_phase(make_record, evaluate):
    outcome = evaluate(make_record({"recognition.decided_on": date(2024, 1, 2)}))
    assert outcome.errors == {(R2, "recognition.decided_on")}
    assert outcome.warnings == {(R5, None)}


def test_future_research_dates_are_errors(make_research, evaluate):
    outcome = evaluate(make_research(), today=date(2022, 2, 28))
    assert outcome.errors == {
        (R2, "research.applied_since"),
        (R2, "research.confirmed_on"),
        (R2, "content_review.reviewed_on"),
    }


def test_future_date_message_keeps_the_authors_name_as_written(make_record, evaluate):
    outcome = evaluate(make_record({"authors[0].birth_date": date(2030, 1, 1)}))
    (finding,) = outcome.codes(R2)
    assert finding.message.startswith("Ngày sinh của Nguyễn Thị Hường 01/01/2030")


R3_CASES = [
    pytest.param(
        "make_record",
        {"submitted_on": date(2022, 4, 21)},
        {(R3, "recognition.decided_on")},
        id="recognised-before-submitted",
    ),
    pytest.param(
        "make_record", {"submitted_on": date(2022, 4, 20)}, set(), id="recognised-on-submission-day"
    ),
    pytest.param("make_record", {"submitted_on": None}, set(), id="submission-date-unknown"),
    pytest.param(
        "make_research",
        {"research.confirmed_on": date(2022, 2, 9)},
        {(R3, "research.confirmed_on")},
        id="research-confirmed-before-accepted",
    ),
    pytest.param(
        "make_research",
        {"research.confirmed_on": date(2022, 2, 10)},
        set(),
        id="research-confirmed-on-acceptance-day",
    ),
]


@pytest.mark.parametrize(("factory", "changes", "expected"), R3_CASES)
def test_dates_in_the_wrong_order_are_an_error(request, evaluate, factory, changes, expected):
    record = request.getfixturevalue(factory)(changes)
    assert evaluate(record).errors == expected


R4_CASES = [
    pytest.param({"known_solution": ""}, {(R4, "known_solution")}, id="known-solution"),
    pytest.param({"novelty": ""}, {(R4, "novelty")}, id="novelty"),
    pytest.param({"applicability": ""}, {(R4, "applicability")}, id="applicability"),
    pytest.param({"origin_story": ""}, {(R4, "origin_story")}, id="origin-story"),
    pytest.param({"attachments": []}, {(R4, "attachments")}, id="decision-not-attached"),
]


@pytest.mark.parametrize(("changes", "expected"), R4_CASES)
def test_incomplete_dossier_is_a_warning_only(make_record, evaluate, changes, expected):
    outcome = evaluate(make_record(changes))
    assert outcome.errors == set()
    assert outcome.warnings == expected


def test_unrecognised_initiative_needs_no_decision_attachment(make_record, evaluate):
    outcome = evaluate(make_record({"recognition.by": None, "attachments": []}))
    assert outcome.warnings == set()


def test_accepted_research_needs_its_acceptance_record_attached(make_research, evaluate):
    outcome = evaluate(make_research({"attachments": []}))
    assert outcome.warnings == {(R4, "attachments")}


def test_eligibility_after_the_last_phase_is_a_warning(make_record, evaluate):
    record = make_record(
        {
            "recognition.decided_on": date(2023, 9, 2),
            "application.first_applied_on": date(2023, 8, 1),
        }
    )
    outcome = evaluate(record)
    assert outcome.errors == set()
    assert outcome.warnings == {(R5, None)}
    assert "02/09/2023" in outcome.codes(R5)[0].message


def test_every_rule_of_program_md_is_registered_in_order():
    assert [r.code for r in RULES] == [
        "C1_NOVELTY_RECOGNISED",
        "C2_APPLIED_WITH_BENEFIT",
        "C3_RESEARCH_ACCEPTED_APPLIED",
        "C4_CREDITED_AUTHOR",
        "E1_APPLIED_OUTSIDE_WINDOW",
        "E2_NOT_RECOGNISED",
        "E3_PUBLIC_ORDER",
        "E4_IP_PROTECTED",
        R1,
        R2,
        R3,
        R4,
        R5,
    ]


def test_errors_come_before_warnings(make_record, evaluate):
    record = make_record({"novelty": "", "title": "", "ip_protection.protected": True})
    severities = [f.severity for f in evaluate(record).findings]
    assert severities == [Severity.ERROR, Severity.ERROR, Severity.WARNING]
    assert has_errors(evaluate(record).findings)


def test_warnings_alone_do_not_block(make_record, evaluate):
    assert not has_errors(evaluate(make_record({"novelty": ""})).findings)


def test_finding_as_dict_is_record_md_shape(make_record, evaluate):
    record = make_record({"application.first_applied_on": date(2021, 8, 31)})
    (finding,) = evaluate(record).findings
    assert finding.as_dict(record) == {
        "initiative": record.id,
        "code": "SK-2022-0042",
        "rule": "E1_APPLIED_OUTSIDE_WINDOW",
        "severity": "error",
        "field": "application.first_applied_on",
        "message": finding.message,
    }


def test_every_rule_speaks_vietnamese_and_english(make_record, make_research, evaluate):
    broken = {
        "title": "",
        "novelty": "",
        "recognition.body": "",
        "recognition.decided_on": date(2023, 9, 2),
        "submitted_on": date(2023, 9, 3),
        "application.mode": None,
        "application.first_applied_on": date(2021, 1, 1),
        "content_review.reviewer": "",
        "ip_protection.protected": True,
        "authors[0].birth_date": date(2030, 1, 1),
        "authors[0].contribution_pct": 50,
        "authors[0].is_lead": False,
        "authors[1].contribution_pct": 50,
    }
    findings = evaluate(make_record(broken)).findings
    findings += evaluate(
        make_research({"research.accepted_on": None, "status": "REJECTED"})
    ).findings
    assert {f.rule for f in findings} == {r.code for r in RULES}
    for finding in findings:
        assert finding.message and finding.message_en
        assert finding.message != finding.message_en
