"""Between the ORM row and the interchange record, and the derived columns kept on each row."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.limits import check_record
from sangkien_desktop.records.model import (
    Application,
    AttachmentRef,
    Benefits,
    ContentReview,
    InitiativeRecord,
    IpProtection,
    Recognition,
    Research,
)
from sangkien_desktop.records.model import Author as AuthorRecord
from sangkien_desktop.rules import Severity, check, derive
from sangkien_desktop.storage.models import Attachment, Author, Initiative
from sangkien_desktop.text import fold, name_sort_key, sort_key


def to_record(row: Initiative, unit_code: str | None = None) -> InitiativeRecord:
    return InitiativeRecord(
        id=row.id,
        code=row.code,
        title=row.title,
        kind=row.kind,
        subkind=row.subkind,
        research_level=row.research_level,
        field=row.field,
        known_solution=row.known_solution,
        content=row.content,
        novelty=row.novelty,
        applicability=row.applicability,
        origin_story=row.origin_story,
        confidential=row.confidential,
        authors=[
            AuthorRecord(
                full_name=a.full_name,
                birth_date=a.birth_date,
                workplace=a.workplace,
                position=a.job_title,
                qualification=a.qualification,
                contribution_pct=a.contribution_pct,
                is_lead=a.is_lead,
                member_id=a.member_id,
            )
            for a in row.authors
        ],
        application=Application(row.application_mode, row.first_applied_on, row.applied_where),
        benefits=Benefits(
            row.economic_value_vnd,
            row.economic_description,
            list(row.social_benefits or []),
            row.social_description,
        ),
        recognition=Recognition(
            row.recognition_by, row.recognition_body, row.decision_no, row.decided_on
        ),
        research=Research(
            row.research_accepted_on,
            row.research_applied_since,
            row.research_confirmed_by,
            row.research_confirmation_no,
            row.research_confirmed_on,
        ),
        ip_protection=IpProtection(row.ip_protected, row.ip_registration_no),
        content_review=ContentReview(row.reviewer, row.reviewed_on),
        status=row.status,
        attachments=[AttachmentRef(a.sha256, a.file_name, a.kind, a.size) for a in row.attachments],
        created_at=row.created_at,
        updated_at=row.updated_at,
        submitted_on=row.submitted_on,
        unit_code=unit_code,
    )


def record_values(record: InitiativeRecord) -> dict[str, Any]:
    """The ``initiatives`` columns that hold ``record``'s own fields; InputError for a value
    out of the limits every input shares (the editor, the CLI and the importers all store
    through here)."""
    check_record(record, f"Sáng kiến {record.label()}")
    return {
        "code": record.code,
        "title": record.title,
        "kind": record.kind,
        "subkind": record.subkind,
        "research_level": record.research_level,
        "field": record.field,
        "known_solution": record.known_solution,
        "content": record.content,
        "novelty": record.novelty,
        "applicability": record.applicability,
        "origin_story": record.origin_story,
        "confidential": record.confidential,
        "application_mode": record.application.mode,
        "first_applied_on": record.application.first_applied_on,
        "applied_where": record.application.where,
        "economic_value_vnd": record.benefits.economic_value_vnd,
        "economic_description": record.benefits.economic,
        "social_benefits": list(record.benefits.social),
        "social_description": record.benefits.social_description,
        "recognition_by": record.recognition.by,
        "recognition_body": record.recognition.body,
        "decision_no": record.recognition.decision_no,
        "decided_on": record.recognition.decided_on,
        "research_accepted_on": record.research.accepted_on,
        "research_applied_since": record.research.applied_since,
        "research_confirmed_by": record.research.confirmed_by,
        "research_confirmation_no": record.research.confirmation_no,
        "research_confirmed_on": record.research.confirmed_on,
        "ip_protected": record.ip_protection.protected,
        "ip_registration_no": record.ip_protection.registration_no,
        "reviewer": record.content_review.reviewer,
        "reviewed_on": record.content_review.reviewed_on,
        "status": record.status,
        "submitted_on": record.submitted_on,
    }


def derived_values(
    record: InitiativeRecord, profile: ProgramProfile, today: date | None = None
) -> dict[str, Any]:
    """The columns the rules derive, kept on each row so lists filter and sort in SQL."""
    findings = check(record, profile, today)
    derived = derive(record, profile)
    errors = sum(f.severity == Severity.ERROR for f in findings)
    return {
        "error_count": errors,
        "warning_count": len(findings) - errors,
        "phase": derived.phase,
        "eligibility_date": derived.eligibility_date,
        "credited_author": derived.credited_author,
        "credited_sort": name_sort_key(derived.credited_author),
        "title_sort": sort_key(record.title)[:400],
        "search_text": search_text(record),
    }


def author_values(record: InitiativeRecord) -> list[dict[str, Any]]:
    """The ``authors`` rows of ``record``, in order."""
    return [
        {
            "position": i,
            "member_id": a.member_id,
            "full_name": a.full_name,
            "birth_date": a.birth_date,
            "workplace": a.workplace,
            "job_title": a.position,
            "qualification": a.qualification,
            "contribution_pct": a.contribution_pct,
            "is_lead": a.is_lead,
        }
        for i, a in enumerate(record.authors)
    ]


def apply_record(
    row: Initiative, record: InitiativeRecord, profile: ProgramProfile, today: date | None = None
) -> None:
    """Copy every field of ``record`` onto ``row`` and recompute the derived columns."""
    for key, value in record_values(record).items():
        setattr(row, key, value)
    now = datetime.now().replace(microsecond=0)
    row.created_at = record.created_at or row.created_at or now
    row.updated_at = record.updated_at or now
    row.authors = [Author(**values) for values in author_values(record)]
    existing = {(a.sha256, a.file_name): a for a in row.attachments}
    row.attachments = [
        existing.get((a.sha256, a.file_name))
        or Attachment(
            sha256=a.sha256, file_name=a.file_name, kind=a.kind, size=a.size, added_at=now
        )
        for a in record.attachments
    ]
    for stored, ref in zip(row.attachments, record.attachments, strict=True):
        stored.kind = ref.kind  # the editor may reclassify an attachment already stored
    refresh_derived(row, record, profile, today)


def refresh_derived(
    row: Initiative, record: InitiativeRecord, profile: ProgramProfile, today: date | None = None
) -> None:
    for key, value in derived_values(record, profile, today).items():
        setattr(row, key, value)


def search_text(record: InitiativeRecord) -> str:
    """Folded code, title and author names: what the search box matches."""
    names = " ".join(a.full_name for a in record.authors)
    return " ".join(fold(part) for part in (record.code, record.title, names, record.field) if part)
