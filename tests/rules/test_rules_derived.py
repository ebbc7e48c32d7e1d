"""Derived values: eligibility date (the later of recognition and application) and its phase."""

from __future__ import annotations

from datetime import date

import pytest

from sangkien_desktop.rules import eligibility_date

E1 = "E1_APPLIED_OUTSIDE_WINDOW"
R5 = "R5_NO_PHASE"

PHASE_CASES = [
    pytest.param(date(2021, 8, 31), None, {(E1, "application.first_applied_on")}, id="2021-08-31"),
    pytest.param(date(2021, 9, 1), 1, set(), id="2021-09-01-phase-1-starts"),
    pytest.param(date(2022, 5, 31), 1, set(), id="2022-05-31-phase-1-ends"),
    pytest.param(date(2022, 6, 1), 2, set(), id="2022-06-01-phase-2-starts"),
    pytest.param(date(2023, 9, 1), 2, set(), id="2023-09-01-phase-2-ends"),
    pytest.param(date(2023, 9, 2), None, {(E1, "application.first_applied_on")}, id="2023-09-02"),
]


@pytest.mark.parametrize(("day", "phase", "errors"), PHASE_CASES)
def test_phase_follows_the_eligibility_date(make_record, evaluate, day, phase, errors):
    record = make_record(
        {
            "application.first_applied_on": day,
            "recognition.decided_on": day,
            "submitted_on": day,
            "content_review.reviewed_on": day,
        }
    )
    outcome = evaluate(record)
    assert outcome.derived.eligibility_date == day
    assert outcome.derived.phase == phase
    assert outcome.errors == errors
    assert outcome.warnings == (set() if phase else {(R5, None)})


LATER_CASES = [
    pytest.param(date(2022, 3, 15), date(2022, 6, 1), date(2022, 6, 1), 2, id="recognised-later"),
    pytest.param(date(2022, 6, 1), date(2022, 5, 31), date(2022, 6, 1), 2, id="applied-later"),
    pytest.param(date(2022, 5, 31), date(2022, 5, 31), date(2022, 5, 31), 1, id="same-day"),
    pytest.param(
        date(2021, 9, 1), date(2021, 8, 1), date(2021, 9, 1), 1, id="recognised-before-window"
    ),
]


@pytest.mark.parametrize(("applied", "recognised", "eligible", "phase"), LATER_CASES)
def test_eligibility_is_the_later_of_recognition_and_application(
    make_record, evaluate, applied, recognised, eligible, phase
):
    record = make_record(
        {
            "application.first_applied_on": applied,
            "recognition.decided_on": recognised,
            "submitted_on": None,
        }
    )
    outcome = evaluate(record)
    assert outcome.derived.eligibility_date == eligible
    assert outcome.derived.phase == phase


RESEARCH_CASES = [
    # accepted, applied since, confirmed → eligible, phase (Guidance I.2.3: the latest of the three)
    pytest.param(
        date(2022, 2, 10), date(2022, 3, 1), date(2022, 5, 31), date(2022, 5, 31), 1,
        id="confirmed-on-the-last-day-of-phase-1",
    ),
    pytest.param(
        date(2022, 2, 10), date(2022, 3, 1), date(2022, 6, 1), date(2022, 6, 1), 2,
        id="confirmed-on-the-first-day-of-phase-2",
    ),
    pytest.param(
        date(2022, 2, 10), date(2022, 3, 1), date(2022, 6, 15), date(2022, 6, 15), 2,
        id="confirmed-in-june-2022-is-phase-2",
    ),
    pytest.param(
        date(2022, 7, 1), date(2022, 3, 1), date(2022, 7, 1), date(2022, 7, 1), 2,
        id="accepted-and-confirmed-later",
    ),
    pytest.param(
        date(2022, 2, 10), date(2022, 6, 1), date(2022, 5, 31), date(2022, 6, 1), 2,
        id="applied-after-the-confirmation",
    ),
    pytest.param(
        date(2021, 9, 1), date(2021, 9, 1), date(2021, 9, 1), date(2021, 9, 1), 1,
        id="all-on-the-first-day",
    ),
    pytest.param(
        date(2023, 3, 1), date(2023, 3, 1), date(2023, 9, 1), date(2023, 9, 1), 2,
        id="confirmed-on-the-last-day-of-phase-2",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("accepted", "applied", "confirmed", "eligible", "phase"), RESEARCH_CASES)
def test_research_eligibility_is_the_latest_of_acceptance_application_and_confirmation(
    make_research, evaluate, accepted, applied, confirmed, eligible, phase
):
    record = make_research(
        {
            "research.accepted_on": accepted,
            "research.applied_since": applied,
            "research.confirmed_on": confirmed,
        }
    )
    outcome = evaluate(record)
    assert outcome.derived.eligibility_date == eligible
    assert outcome.derived.phase == phase
    assert outcome.findings == []


def test_research_confirmed_after_the_last_phase_is_in_no_phase_but_not_excluded(
    make_research, evaluate
):
    """Applied inside the window (no E1), but its condition completed on 02/09/2023: after
    phase 2, so the portal cannot take it (R5) and the eligibility gate refuses it."""
    record = make_research(
        {"research.applied_since": date(2023, 3, 1), "research.confirmed_on": date(2023, 9, 2)}
    )
    outcome = evaluate(record)
    assert outcome.derived.eligibility_date == date(2023, 9, 2)
    assert outcome.derived.phase is None
    assert outcome.errors == set()
    assert outcome.warnings == {(R5, None)}


@pytest.mark.parametrize("missing", ["accepted_on", "applied_since", "confirmed_on"])
def test_research_eligibility_is_unknown_until_its_condition_is_complete(
    make_research, evaluate, missing
):
    outcome = evaluate(make_research({f"research.{missing}": None}))
    assert outcome.derived.eligibility_date is None
    assert outcome.derived.phase is None
    assert outcome.codes(R5) == []
    assert ("C3_RESEARCH_ACCEPTED_APPLIED", f"research.{missing}") in outcome.errors


UNKNOWN_CASES = [
    pytest.param({"recognition.by": None}, id="not-recognised"),
    pytest.param({"recognition.decided_on": None}, id="decision-date-missing"),
    pytest.param({"application.first_applied_on": None}, id="application-date-missing"),
]


@pytest.mark.parametrize("changes", UNKNOWN_CASES)
def test_eligibility_is_unknown_without_both_dates_and_gives_no_phase_warning(
    make_record, evaluate, changes
):
    outcome = evaluate(make_record(changes))
    assert outcome.derived.eligibility_date is None
    assert outcome.derived.phase is None
    assert outcome.codes(R5) == []


def test_unrecognised_decision_date_does_not_count(make_record, profile):
    record = make_record({"recognition.by": None})
    assert record.recognition.decided_on is not None
    assert eligibility_date(record, profile) is None
