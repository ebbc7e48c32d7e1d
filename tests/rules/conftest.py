"""Fixtures for the rule tests: the shipped profile, a factory of fully valid records, and a
helper that runs every rule and sorts the findings into (rule, field) sets.

A case changes a valid record by record paths, the same paths findings use:
``make_record({"application.first_applied_on": date(2021, 8, 31), "authors[1].is_lead": True})``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from sangkien_desktop.program import ProgramProfile, load_profile
from sangkien_desktop.records import (
    Application,
    AttachmentRef,
    Author,
    Benefits,
    ContentReview,
    InitiativeRecord,
    Recognition,
    Research,
)
from sangkien_desktop.rules import Derived, Finding, Severity, check, derive

TODAY = date(2024, 1, 1)
_STEP = re.compile(r"(\w+)(?:\[(\d+)\])?")


def _authors() -> list[Author]:
    return [
        Author(
            "Nguyễn Thị Hường",
            birth_date=date(1986, 4, 12),
            workplace="Phân xưởng Hàn",
            position="Tổ trưởng",
            qualification="Kỹ sư",
            contribution_pct=60,
            is_lead=True,
        ),
        Author("Đặng Văn Đức", workplace="Phân xưởng Hàn", contribution_pct=40),
    ]


def _common(**fields: Any) -> InitiativeRecord:
    return InitiativeRecord(
        id="7d0c3f7e-2b8a-4c55-9a57-0f1f3c6f2a10",
        code="SK-2022-0042",
        title="Quy trình kiểm tra nhanh mối hàn bằng dưỡng đo tự chế",
        field="Cơ khí chế tạo",
        known_solution="Kiểm tra mối hàn bằng mắt thường, chậm và dễ sót.",
        content="Dưỡng đo tự chế cho phép kiểm tra kích thước mối hàn trong vài giây.",
        novelty="Lần đầu dùng dưỡng đo tại đơn vị.",
        applicability="Áp dụng cho mọi tổ hàn.",
        origin_story="Tổ hàn đề xuất sau đợt kiểm tra chất lượng.",
        authors=_authors(),
        content_review=ContentReview(reviewer="Lê Minh Tâm", reviewed_on=date(2022, 4, 22)),
        status="RECOGNISED",
        attachments=[AttachmentRef("a" * 64, "QD-15-HDSK.pdf", "DECISION", 183412)],
        submitted_on=date(2022, 3, 20),
        **fields,
    )


def valid_initiative() -> InitiativeRecord:
    """A technical solution applied 15/03/2022 and recognised 20/04/2022: no finding at all."""
    return _common(
        kind="KY_THUAT",
        subkind="QUY_TRINH",
        application=Application("APPLIED", date(2022, 3, 15), "Phân xưởng Hàn"),
        benefits=Benefits(
            economic_value_vnd=125_000_000,
            economic="Giảm 30% thời gian kiểm tra",
            social=["AN_TOAN_LAO_DONG"],
            social_description="Thợ hàn ít phải đứng gần mối hàn nóng.",
        ),
        recognition=Recognition(
            by="COUNCIL",
            body="Hội đồng sáng kiến Công ty CP Cơ khí Đông Anh",
            decision_no="15/QĐ-HĐSK",
            decided_on=date(2022, 4, 20),
        ),
    )


def valid_research() -> InitiativeRecord:
    """A provincial research project accepted 10/02/2022, applied since 01/03/2022, confirmed
    10/05/2022; its lead (authors[0]) holds the smaller share. No finding at all."""
    record = _common(
        kind="DE_TAI_NCKH",
        research_level="TINH",
        research=Research(
            accepted_on=date(2022, 2, 10),
            applied_since=date(2022, 3, 1),
            confirmed_by="Giám đốc Công ty CP Cơ khí Đông Anh",
            confirmation_no="05/XN-CK",
            confirmed_on=date(2022, 5, 10),
        ),
    )
    record.authors[0].contribution_pct, record.authors[1].contribution_pct = 40, 60
    record.submitted_on = None
    return record


def set_path(record: InitiativeRecord, path: str, value: Any) -> None:
    """Set ``record.<path>`` where path is a record path such as ``authors[1].is_lead``."""
    target: Any = record
    steps = path.split(".")
    for n, step in enumerate(steps):
        match = _STEP.fullmatch(step)
        assert match, path
        name, index = match.group(1), match.group(2)
        last = n == len(steps) - 1
        if index is None:
            if last:
                setattr(target, name, value)
            else:
                target = getattr(target, name)
        elif last:
            getattr(target, name)[int(index)] = value
        else:
            target = getattr(target, name)[int(index)]


Changes = Mapping[str, Any] | None


def _build(base: Callable[[], InitiativeRecord]) -> Callable[[Changes], InitiativeRecord]:
    def build(changes: Changes = None) -> InitiativeRecord:
        record = base()
        for path, value in (changes or {}).items():
            set_path(record, path, value)
        return record

    return build


@pytest.fixture(scope="session")
def profile() -> ProgramProfile:
    return load_profile()


@pytest.fixture(scope="session")
def make_record() -> Callable[[Changes], InitiativeRecord]:
    """A valid non-research initiative with ``changes`` applied."""
    return _build(valid_initiative)


@pytest.fixture(scope="session")
def make_research() -> Callable[[Changes], InitiativeRecord]:
    """A valid research project (DE_TAI_NCKH) with ``changes`` applied."""
    return _build(valid_research)


@dataclass(frozen=True)
class Outcome:
    findings: list[Finding]
    derived: Derived

    def _of(self, severity: Severity) -> set[tuple[str, str | None]]:
        return {(f.rule, f.field) for f in self.findings if f.severity == severity}

    @property
    def errors(self) -> set[tuple[str, str | None]]:
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> set[tuple[str, str | None]]:
        return self._of(Severity.WARNING)

    def codes(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]


@pytest.fixture(scope="session")
def evaluate(profile: ProgramProfile) -> Callable[..., Outcome]:
    """Run every rule on a record (``today`` defaults to 01/01/2024) and derive its values."""

    def run(record: InitiativeRecord, today: date = TODAY) -> Outcome:
        return Outcome(check(record, profile, today), derive(record, profile))

    return run
