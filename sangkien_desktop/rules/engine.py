"""Findings, the rule registry and the derived values (phase, eligibility date, credited author).

A rule is a small function registered with its code from PROGRAM.md; it receives a ``Context``
(the record, the profile, today's date) and yields findings. The engine runs every rule in the
order of registration. Nothing here reads a file, a database or a clock of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.model import Author, InitiativeRecord


class Severity(StrEnum):
    ERROR = "error"  # blocks READY and export
    WARNING = "warning"  # shown, does not block


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    field: str | None
    message: str  # Vietnamese, for the support team
    message_en: str

    def as_dict(self, record: InitiativeRecord) -> dict[str, str | None]:
        """The finding as RECORD.md's JSON object."""
        return {
            "initiative": record.id,
            "code": record.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "field": self.field,
            "message": self.message,
        }


@dataclass(frozen=True)
class Context:
    record: InitiativeRecord
    profile: ProgramProfile
    today: date
    is_research: bool

    def error(self, rule: str, field: str | None, message: str, english: str) -> Finding:
        return Finding(rule, Severity.ERROR, field, message, english)

    def warning(self, rule: str, field: str | None, message: str, english: str) -> Finding:
        return Finding(rule, Severity.WARNING, field, message, english)


RuleFunction = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    check: RuleFunction


RULES: list[Rule] = []


def rule(code: str, title: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register ``function`` as the check of rule ``code``."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES.append(Rule(code, title, function))
        return function

    return register


def is_research(record: InitiativeRecord, profile: ProgramProfile) -> bool:
    kind = profile.kind(record.kind)
    return bool(kind and kind.research)


def application_date(record: InitiativeRecord, profile: ProgramProfile) -> date | None:
    """The day the initiative was first put into application (research: applied since)."""
    if is_research(record, profile):
        return record.research.applied_since
    return record.application.first_applied_on


def recognition_date(record: InitiativeRecord, profile: ProgramProfile) -> date | None:
    """The day the competent level recognised it (research: the acceptance, nghiệm thu)."""
    if is_research(record, profile):
        return record.research.accepted_on or record.recognition.decided_on
    return record.recognition.decided_on if record.recognition.by else None


def eligibility_date(record: InitiativeRecord, profile: ProgramProfile) -> date | None:
    """PROGRAM.md §5: the later of the recognition date and the first application date.

    A research project's condition (Guidance I.2.3) is complete only once it is accepted,
    applied and its effect confirmed by the head of the unit applying it: its eligibility date
    is the latest of the three, unknown while one is missing."""
    if is_research(record, profile):
        res = record.research
        accepted, applied, confirmed = res.accepted_on, res.applied_since, res.confirmed_on
        if accepted is None or applied is None or confirmed is None:
            return None
        return max(accepted, applied, confirmed)
    recognised, applied = recognition_date(record, profile), application_date(record, profile)
    if recognised is None or applied is None:
        return None
    return max(recognised, applied)


def credited_author(record: InitiativeRecord, profile: ProgramProfile) -> Author | None:
    """PROGRAM.md C4: the project lead for research, otherwise the highest contribution share;
    a tie is settled only by an explicit lead flag among the tied authors. Guidance I.2.4
    chooses only "when there are several authors or members": a sole author or member is
    credited, lead flag or not."""
    authors = [a for a in record.authors if a.full_name]
    if not authors:
        return None
    if len(authors) == 1:
        return authors[0]
    leads = [a for a in authors if a.is_lead]
    if is_research(record, profile):
        return leads[0] if len(leads) == 1 else None
    shares = [a.contribution_pct for a in authors]
    if any(s is None for s in shares):
        return None
    top = max(s for s in shares if s is not None)
    tied = [a for a in authors if a.contribution_pct == top]
    if len(tied) == 1:
        return tied[0]
    tied_leads = [a for a in tied if a.is_lead]
    return tied_leads[0] if len(tied_leads) == 1 else None


@dataclass(frozen=True)
class Derived:
    phase: int | None
    eligibility_date: date | None
    credited_author: str | None


def derive(record: InitiativeRecord, profile: ProgramProfile) -> Derived:
    eligible = eligibility_date(record, profile)
    phase = profile.phase_of(eligible)
    author = credited_author(record, profile)
    return Derived(phase.number if phase else None, eligible, author.full_name if author else None)


def check(
    record: InitiativeRecord, profile: ProgramProfile, today: date | None = None
) -> list[Finding]:
    """Every finding of every rule for ``record``, errors first, in rule order."""
    context = Context(record, profile, today or date.today(), is_research(record, profile))
    findings = [finding for r in RULES for finding in r.check(context)]
    return sorted(findings, key=lambda f: f.severity != Severity.ERROR)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == Severity.ERROR for f in findings)
