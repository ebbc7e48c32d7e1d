"""Properties of the date logic and of the credited author, for any dates and shares.

The window and phase bounds are written out here on purpose: the test restates PROGRAM.md
instead of reading the same profile fields the code reads.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sangkien_desktop.records import Author

WINDOW = (date(2021, 9, 1), date(2023, 9, 1))
PHASES = {1: (date(2021, 9, 1), date(2022, 5, 31)), 2: (date(2022, 6, 1), date(2023, 9, 1))}
FAR_FUTURE = date(2100, 1, 1)  # so R2 never fires

days = st.dates(min_value=date(2020, 6, 1), max_value=date(2025, 6, 1))
# Dates near the boundaries are where the rules can go wrong; make them frequent.
edges = st.sampled_from(
    [
        date(2021, 8, 31),
        date(2021, 9, 1),
        date(2022, 5, 31),
        date(2022, 6, 1),
        date(2023, 9, 1),
        date(2023, 9, 2),
    ]
)
any_day = st.one_of(edges, days)
examples = settings(max_examples=150, deadline=None)


def _expected_phase(day: date) -> int | None:
    return next((n for n, (start, end) in PHASES.items() if start <= day <= end), None)


def _outside(day: date) -> bool:
    return not WINDOW[0] <= day <= WINDOW[1]


@examples
@given(applied=any_day, recognised=any_day)
def test_e1_iff_application_date_outside_window(make_record, evaluate, applied, recognised):
    record = make_record(
        {
            "application.first_applied_on": applied,
            "recognition.decided_on": recognised,
            "submitted_on": None,
        }
    )
    outcome = evaluate(record, today=FAR_FUTURE)
    has_e1 = ("E1_APPLIED_OUTSIDE_WINDOW", "application.first_applied_on") in outcome.errors
    assert has_e1 == _outside(applied)


@examples
@given(applied=any_day, accepted=any_day)
def test_research_e1_iff_applied_since_outside_window(make_research, evaluate, applied, accepted):
    record = make_research(
        {
            "research.applied_since": applied,
            "research.accepted_on": accepted,
            "research.confirmed_on": max(accepted, applied),
        }
    )
    outcome = evaluate(record, today=FAR_FUTURE)
    assert ("E1_APPLIED_OUTSIDE_WINDOW" in {r for r, _ in outcome.errors}) == _outside(applied)
    assert not {r for r, _ in outcome.errors} - {"E1_APPLIED_OUTSIDE_WINDOW"}


@examples
@given(applied=any_day, recognised=any_day)
def test_eligibility_is_the_max_and_decides_the_phase(make_record, evaluate, applied, recognised):
    record = make_record(
        {
            "application.first_applied_on": applied,
            "recognition.decided_on": recognised,
            "submitted_on": None,
        }
    )
    outcome = evaluate(record, today=FAR_FUTURE)
    eligible = max(applied, recognised)
    assert outcome.derived.eligibility_date == eligible
    assert outcome.derived.phase == _expected_phase(eligible)
    assert (("R5_NO_PHASE", None) in outcome.warnings) == (outcome.derived.phase is None)


@examples
@given(applied=any_day, accepted=any_day, confirmed=any_day)
def test_research_eligibility_is_the_max_of_acceptance_application_and_confirmation(
    make_research, evaluate, applied, accepted, confirmed
):
    """Guidance I.2.3: the project qualifies once accepted, applied and its effect confirmed."""
    record = make_research(
        {
            "research.applied_since": applied,
            "research.accepted_on": accepted,
            "research.confirmed_on": confirmed,
        }
    )
    outcome = evaluate(record, today=FAR_FUTURE)
    eligible = max(applied, accepted, confirmed)
    assert outcome.derived.eligibility_date == eligible
    assert outcome.derived.phase == _expected_phase(eligible)
    assert (("R5_NO_PHASE", None) in outcome.warnings) == (outcome.derived.phase is None)


team = st.lists(
    st.tuples(st.integers(min_value=1, max_value=100), st.booleans()), min_size=1, max_size=6
)


@examples
@given(members=team)
def test_credited_author_holds_the_unique_highest_share(make_record, evaluate, members):
    authors = [
        Author(f"Tác giả {i}", contribution_pct=s, is_lead=lead)
        for i, (s, lead) in enumerate(members)
    ]
    derived = evaluate(make_record({"authors": authors})).derived
    top = max(s for s, _ in members)
    tied = [i for i, (s, _) in enumerate(members) if s == top]
    tied_leads = [i for i in tied if members[i][1]]
    if len(tied) == 1:
        assert derived.credited_author == f"Tác giả {tied[0]}"
    elif len(tied_leads) == 1:
        assert derived.credited_author == f"Tác giả {tied_leads[0]}"
    else:
        assert derived.credited_author is None


@examples
@given(members=team)
def test_research_credit_goes_to_the_one_lead_whatever_the_shares(make_research, evaluate, members):
    authors = [
        Author(f"Tác giả {i}", contribution_pct=s, is_lead=lead)
        for i, (s, lead) in enumerate(members)
    ]
    derived = evaluate(make_research({"authors": authors})).derived
    leads = [i for i, (_, lead) in enumerate(members) if lead]
    if len(members) == 1:  # I.2.4 chooses only among several members
        assert derived.credited_author == "Tác giả 0"
    else:
        assert derived.credited_author == (f"Tác giả {leads[0]}" if len(leads) == 1 else None)


@examples
@given(cents=st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=5))
def test_sum_error_iff_shares_miss_100_by_more_than_a_hundredth(make_record, evaluate, cents):
    """Shares with two decimals, as people type them: the ±0.01 boundary must not depend on
    binary rounding."""
    authors = [Author(f"Tác giả {i}", contribution_pct=c / 100) for i, c in enumerate(cents)]
    outcome = evaluate(make_record({"authors": authors}))
    assert (("C4_CREDITED_AUTHOR", "authors") in outcome.errors) == (abs(sum(cents) - 10_000) > 1)
