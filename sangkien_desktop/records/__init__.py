"""The interchange record of RECORD.md: dataclasses, JSON schema, reading and writing."""

from sangkien_desktop.records.io import (
    dump_records,
    load_records_file,
    parse_record,
    parse_records,
    record_to_dict,
)
from sangkien_desktop.records.model import (
    FORMAT_VERSION,
    Application,
    AttachmentRef,
    Author,
    Benefits,
    ContentReview,
    InitiativeRecord,
    IpProtection,
    Recognition,
    Research,
)

__all__ = [
    "FORMAT_VERSION",
    "Application",
    "AttachmentRef",
    "Author",
    "Benefits",
    "ContentReview",
    "InitiativeRecord",
    "IpProtection",
    "Recognition",
    "Research",
    "dump_records",
    "load_records_file",
    "parse_record",
    "parse_records",
    "record_to_dict",
]
