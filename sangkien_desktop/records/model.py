"""Dataclasses of the initiative record (RECORD.md). Every nested object is always present;
missing values are ``None`` or empty, so the rules never test for a missing object."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as default  # "field" is a record key
from datetime import date, datetime

FORMAT_VERSION = 1


@dataclass
class Author:
    full_name: str
    birth_date: date | None = None
    workplace: str = ""
    position: str = ""
    qualification: str = ""
    contribution_pct: float | None = None
    is_lead: bool = False
    member_id: int | None = None


@dataclass
class Application:
    mode: str | None = None  # APPLIED | TRIAL
    first_applied_on: date | None = None
    where: str = ""


@dataclass
class Benefits:
    economic_value_vnd: int | None = None
    economic: str = ""
    social: list[str] = default(default_factory=list)
    social_description: str = ""


@dataclass
class Recognition:
    by: str | None = None  # COUNCIL | HEAD
    body: str = ""
    decision_no: str = ""
    decided_on: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.by or self.body or self.decision_no or self.decided_on)


@dataclass
class Research:
    accepted_on: date | None = None
    applied_since: date | None = None
    confirmed_by: str = ""
    confirmation_no: str = ""
    confirmed_on: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.accepted_on
            or self.applied_since
            or self.confirmed_by
            or self.confirmation_no
            or self.confirmed_on
        )


@dataclass
class IpProtection:
    protected: bool = False
    registration_no: str | None = None


@dataclass
class ContentReview:
    reviewer: str = ""
    reviewed_on: date | None = None


@dataclass
class AttachmentRef:
    sha256: str
    file_name: str
    kind: str = "OTHER"
    size: int = 0


@dataclass
class InitiativeRecord:
    id: str
    code: str
    title: str
    kind: str
    subkind: str | None = None
    research_level: str | None = None
    field: str = ""
    known_solution: str = ""
    content: str = ""
    novelty: str = ""
    applicability: str = ""
    origin_story: str = ""
    confidential: str = ""
    authors: list[Author] = default(default_factory=list)
    application: Application = default(default_factory=Application)
    benefits: Benefits = default(default_factory=Benefits)
    recognition: Recognition = default(default_factory=Recognition)
    research: Research = default(default_factory=Research)
    ip_protection: IpProtection = default(default_factory=IpProtection)
    content_review: ContentReview = default(default_factory=ContentReview)
    status: str = "IDEA"
    attachments: list[AttachmentRef] = default(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # Keys this project adds to RECORD.md (optional in files):
    submitted_on: date | None = None  # the day the council received the application (receipt)
    unit_code: str | None = None  # the union unit the initiative comes from

    def label(self) -> str:
        """How messages name this record: its code, or its id when the code is blank."""
        return self.code or self.id
