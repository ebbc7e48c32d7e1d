"""The unit's statistics: what counts for the program, participation, targets, and the support
team's workload and to-do list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import update

from sangkien_desktop.errors import InputError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records.model import AttachmentRef, Author, InitiativeRecord
from sangkien_desktop.services.initiatives import import_records
from sangkien_desktop.services.members import MemberData, add_member, set_active
from sangkien_desktop.stats import (
    NO_PHASE,
    Report,
    TodoKind,
    build_report,
    set_phase_target,
    set_quarter_target,
)
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative, Unit
from sangkien_desktop.workflow.service import assign
from tests.rules.conftest import valid_initiative

TODAY = date(2023, 10, 1)


def _record(code: str, **changes: object) -> InitiativeRecord:
    record = valid_initiative()
    record.id, record.code = f"id-{code}", code
    for name, value in changes.items():
        setattr(record, name, value)
    return record


def _author(name: str, member_id: int | None = None) -> list[Author]:
    return [Author(name, contribution_pct=100, is_lead=True, member_id=member_id)]


def _store(db: Database, profile: ProgramProfile, *records: InitiativeRecord) -> None:
    import_records(db, list(records), profile)


def _report(db: Database, profile: ProgramProfile) -> Report:
    return build_report(db, profile, TODAY)


def test_only_recognised_initiatives_without_errors_count(
    db: Database, profile: ProgramProfile
) -> None:
    broken = _record("SK-3")
    broken.content_review.reviewer = ""  # E3: nobody attested the content
    _store(db, profile, _record("SK-1"), _record("SK-2", status="IDEA"), broken)
    report = _report(db, profile)
    assert (report.totals.initiatives, report.totals.eligible) == (3, 1)
    assert report.totals.value_vnd == 125_000_000
    assert report.totals.value_all_vnd == 375_000_000


def test_state_breakdown_lists_every_state_with_zeros(
    db: Database, profile: ProgramProfile
) -> None:
    _store(db, profile, _record("SK-1"), _record("SK-2", status="READY"))
    lines = {line.key: line.total for line in _report(db, profile).by_state}
    assert len(lines) == 8 and lines["RECOGNISED"] == 1 and lines["READY"] == 1
    assert lines["UPLOADED"] == 0


def test_phase_breakdown_puts_undated_initiatives_last(
    db: Database, profile: ProgramProfile
) -> None:
    idea = _record("SK-2", status="IDEA")
    idea.recognition = replace(idea.recognition, by=None, decided_on=None)
    _store(db, profile, _record("SK-1"), idea)
    phases = _report(db, profile).by_phase
    assert [(p.label, p.total, p.eligible) for p in phases] == [
        ("Giai đoạn 1", 1, 1),
        ("Giai đoạn 2", 0, 0),
        (NO_PHASE, 1, 0),
    ]


def test_kind_breakdown_follows_the_profile(db: Database, profile: ProgramProfile) -> None:
    _store(db, profile, _record("SK-1"))
    kinds = _report(db, profile).by_kind
    assert [k.key for k in kinds] == list(profile.kind_codes)
    assert kinds[0].eligible == 1 and kinds[0].value_vnd == 125_000_000


def test_quarter_progress_counts_by_eligibility_date(db: Database, profile: ProgramProfile) -> None:
    _store(db, profile, _record("SK-1"))  # eligible 20/04/2022
    set_quarter_target(db, 2022, 2, 4)
    quarters = {(q.year, q.quarter): q for q in _report(db, profile).quarters}
    assert quarters[(2022, 2)].actual == 1 and quarters[(2022, 2)].target == 4
    assert quarters[(2022, 2)].pct == 25
    assert (2021, 3) in quarters and (2023, 3) in quarters  # the whole program is listed


def test_participation_counts_each_credited_author_once(
    db: Database, profile: ProgramProfile
) -> None:
    ids = [add_member(db, MemberData(f"Người Số {n}")) for n in range(20)]
    set_active(db, ids[-1], False)
    _store(
        db,
        profile,
        _record("SK-1", authors=_author("Người Số 1", ids[1])),
        _record("SK-2", authors=_author("Người Số 1", ids[1])),
        _record("SK-3", authors=_author("Người Ngoài")),
    )
    participation = _report(db, profile).participation
    assert (participation.authors, participation.headcount) == (2, 19)
    assert participation.rate_pct == pytest.approx(200 / 19)
    assert participation.reached


def test_participation_below_target_says_how_many_more_authors(
    db: Database, profile: ProgramProfile
) -> None:
    for n in range(95):
        add_member(db, MemberData(f"Người Số {n}"))
    _store(db, profile, _record("SK-1", authors=_author("Người Số 1")))
    participation = _report(db, profile).participation
    assert not participation.reached and participation.authors_needed == 9


def test_a_declared_headcount_replaces_the_members_on_file(
    db: Database, profile: ProgramProfile
) -> None:
    add_member(db, MemberData("Người Số 1"))
    with db.session() as session:
        session.execute(update(Unit).values(headcount=400))
    participation = _report(db, profile).participation
    assert participation.headcount == 400 and participation.declared


def test_departments_come_from_the_credited_member(db: Database, profile: ProgramProfile) -> None:
    member = add_member(db, MemberData("Trần Văn Kho", department="Kho vận"))
    add_member(db, MemberData("Lê Thị Kho", department="Kho vận"))
    _store(db, profile, _record("SK-1", authors=_author("Trần Văn Kho", member)))
    kho = next(d for d in _report(db, profile).by_department if d.key == "Kho vận")
    assert (kho.members, kho.authors, kho.eligible, kho.rate_pct) == (2, 1, 1, 50)


def test_phase_targets_are_set_changed_and_removed(db: Database, profile: ProgramProfile) -> None:
    _store(db, profile, _record("SK-1"))
    set_phase_target(db, profile, 1, 10)
    set_phase_target(db, profile, 1, 4)
    phase = _report(db, profile).phases[0]
    assert (phase.target, phase.actual, phase.pct) == (4, 1, 25)
    set_phase_target(db, profile, 1, 0)
    assert _report(db, profile).phases[0].target is None


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda db, p: set_phase_target(db, p, 3, 10), "Giai đoạn 3"),
        (lambda db, p: set_phase_target(db, p, 1, -5), "không hợp lệ"),
        (lambda db, p: set_quarter_target(db, 2022, 5, 10), "Quý 5"),
    ],
)
def test_impossible_targets_are_refused(
    db: Database, profile: ProgramProfile, call: object, words: str
) -> None:
    with pytest.raises(InputError, match=words):
        call(db, profile)  # type: ignore[operator]


def test_workload_per_helper(db: Database, profile: ProgramProfile) -> None:
    late = _record("SK-2", status="SUBMITTED", submitted_on=date(2023, 6, 1))
    late.recognition = replace(late.recognition, by=None, decided_on=None)
    _store(db, profile, _record("SK-1", status="DRAFTING"), late, _record("SK-3", status="READY"))
    assign(db, "SK-1", "Lê Minh Tâm", date(2023, 9, 1))
    assign(db, "SK-2", "Lê Minh Tâm", None)
    assign(db, "SK-3", "Đỗ Thu Hà", None)
    loads = {h.helper: h for h in _report(db, profile).workload}
    tam = loads["Lê Minh Tâm"]
    assert (tam.open, tam.past_due, tam.decision_overdue, tam.ready) == (2, 1, 1, 0)
    assert loads["Đỗ Thu Hà"].ready == 1


@pytest.mark.parametrize(
    ("submitted", "overdue"),
    [(date(2023, 7, 1), False), (date(2023, 6, 30), True), (date(2023, 1, 1), True)],
)
def test_council_decision_is_overdue_after_the_legal_three_months(
    db: Database, profile: ProgramProfile, submitted: date, overdue: bool
) -> None:
    record = _record("SK-1", status="SUBMITTED", submitted_on=submitted)
    record.recognition = replace(record.recognition, by=None, decided_on=None)
    _store(db, profile, record)
    items = _report(db, profile).todo.of(TodoKind.DECISION_OVERDUE)
    assert bool(items) == overdue
    if overdue:
        assert items[0].code == "SK-1" and items[0].since == submitted


def test_ready_dossiers_wait_to_be_exported_oldest_first(
    db: Database, profile: ProgramProfile
) -> None:
    _store(db, profile, _record("SK-1", status="READY"), _record("SK-2", status="READY"))
    with db.session() as session:
        for code, day in (("SK-1", datetime(2023, 9, 20)), ("SK-2", datetime(2023, 8, 1))):
            session.execute(
                update(Initiative).where(Initiative.code == code).values(status_changed_at=day)
            )
    items = _report(db, profile).todo.of(TodoKind.READY_NOT_EXPORTED)
    assert [(i.code, i.days) for i in items] == [("SK-2", 61), ("SK-1", 11)]


def test_missing_documents_are_listed_by_what_the_state_needs(
    db: Database, profile: ProgramProfile
) -> None:
    complete = _record("SK-1")
    complete.attachments = [
        AttachmentRef(c * 64, f"{kind}.pdf", kind, 1)
        for c, kind in zip("abc", ("APPLICATION", "DESCRIPTION", "DECISION"), strict=True)
    ]
    _store(db, profile, complete, _record("SK-2"), _record("SK-3", status="IDEA"))
    items = _report(db, profile).todo.of(TodoKind.MISSING_DOCUMENTS)
    assert [(i.code, i.missing) for i in items] == [("SK-2", ("APPLICATION", "DESCRIPTION"))]


def test_demo_union_figures_add_up(demo_db: Database, profile: ProgramProfile) -> None:
    report = build_report(demo_db, profile, TODAY)
    assert sum(s.total for s in report.by_state) == report.totals.initiatives == 80
    assert sum(k.eligible for k in report.by_kind) == report.totals.eligible
    assert sum(d.total for d in report.by_department) == 80
    assert report.participation.headcount == 300
    assert [p.target for p in report.phases] == [30, 60]
    assert len(report.by_month) > 12


def test_target_out_of_range_message_keeps_its_commas(
    db: Database, profile: ProgramProfile
) -> None:
    first = replace(profile.phases[0], name="Giai đoạn 1, đợt đầu")
    renamed = replace(profile, phases=(first, *profile.phases[1:]))
    with pytest.raises(InputError) as caught:
        set_phase_target(db, renamed, 1, 20_000_000)
    assert caught.value.message == (
        "Chỉ tiêu giai đoạn 1, đợt đầu: 20.000.000 không hợp lệ; ghi số sáng kiến từ 1 đến "
        "10.000.000 (0 hoặc để trống: bỏ chỉ tiêu)."
    )
