"""The bundle format's fixed parts: file names, tag files, manifests and the signed message.

Shared by the writer and the verifier so both read the format from one place; the prose
description is ``docs/bundle-format.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sangkien_desktop.records.limits import MAX_DATE, MIN_DATE, UNIT_TEXT, text_problem

FORMAT_VERSION = 1
BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
BAG_INFO = "bag-info.txt"
BAGIT = "bagit.txt"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "signature-ed25519.txt"
#: Tag files the tag manifest lists, and every tag file a bundle may hold.
TAGGED = (BAGIT, BAG_INFO, MANIFEST)
TAG_FILES = (*TAGGED, TAGMANIFEST, SIGNATURE)
INITIATIVES = "data/initiatives.json"
UNIT = "data/unit.json"
SUMMARY = "data/summary.xlsx"
ATTACHMENTS = "data/attachments/"
PAYLOAD_FIXED = (INITIATIVES, UNIT, SUMMARY)
#: What the signature covers: this line, then every byte of the tag manifest.
SIGNATURE_CONTEXT = b"sangkien-bundle-v1\n"
SIGNATURE_ALGORITHM = "Ed25519"

_SHA256 = re.compile(r"[0-9a-f]{64}")
_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_NUMBER = re.compile(r"[0-9]{1,12}")
#: The highest sequence number: the file name carries it on 5 digits (bundle-format.md §1);
#: one bundle a day for 270 years.
MAX_SEQUENCE = 99_999
#: The longest bundle id (bundle-format.md §2: ≤ 64 characters).
MAX_BUNDLE_ID = 64


class FormatProblem(Exception):
    """One thing wrong with a tag file or a manifest, as a Vietnamese sentence."""


def is_sha256(text: str) -> bool:
    return bool(_SHA256.fullmatch(text))


def attachment_path(sha256: str) -> str:
    return f"{ATTACHMENTS}{sha256}"


def format_tags(tags: Iterable[tuple[str, str]]) -> bytes:
    """``Label: value`` lines (values on one line: CR and LF become spaces)."""
    lines = []
    for label, value in tags:
        assert _LABEL.fullmatch(label), label
        single = re.sub(r"[\r\n]+", " ", value).strip()
        lines.append(f"{label}: {single}\n")
    return "".join(lines).encode("utf-8")


def parse_tags(data: bytes, name: str) -> list[tuple[str, str]]:
    """The labels and values of a tag file (RFC 8493 §2.2.2; folded lines are joined)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatProblem(f"{name} không phải văn bản UTF-8 (byte {exc.start}).") from None
    if text.startswith("\ufeff"):
        raise FormatProblem(f"{name} không được bắt đầu bằng dấu BOM.")
    tags: list[tuple[str, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        if line[0] in " \t":
            if not tags:
                raise FormatProblem(f"{name}, dòng {number}: dòng nối tiếp không có nhãn trước.")
            label, value = tags[-1]
            tags[-1] = (label, f"{value} {line.strip()}")
            continue
        label, sep, value = line.partition(":")
        if not sep or not _LABEL.fullmatch(label.strip()):
            raise FormatProblem(f"{name}, dòng {number}: không có dạng “Nhãn: giá trị”.")
        tags.append((label.strip(), value.strip()))
    return tags


def format_manifest(entries: Mapping[str, str]) -> bytes:
    """``<sha256>  <path>`` lines, sorted by path."""
    return "".join(f"{entries[path]}  {path}\n" for path in sorted(entries)).encode("utf-8")


def parse_manifest(data: bytes, name: str) -> dict[str, str]:
    """Path → SHA-256 of a manifest; a malformed or repeated line is a FormatProblem."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatProblem(f"{name} không phải văn bản UTF-8 (byte {exc.start}).") from None
    entries: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        parts = line.split(None, 1)
        if len(parts) != 2 or not is_sha256(parts[0].lower()):
            raise FormatProblem(f"{name}, dòng {number}: không có dạng “<sha256> <đường dẫn>”.")
        digest, path = parts[0].lower(), parts[1].strip().lstrip("*")
        if path in entries:
            raise FormatProblem(f"{name}: tệp {path} được liệt kê hai lần.")
        entries[path] = digest
    return entries


def signature_message(tagmanifest: bytes) -> bytes:
    return SIGNATURE_CONTEXT + tagmanifest


@dataclass(frozen=True)
class Signature:
    fingerprint: str
    public_key: bytes
    signature: bytes


def format_signature(fingerprint: str, public_key_b64: str, signature_b64: str) -> bytes:
    return format_tags(
        [
            ("Signature-Algorithm", SIGNATURE_ALGORITHM),
            ("Signature-Context", SIGNATURE_CONTEXT.decode("ascii").strip()),
            ("Signed-File", TAGMANIFEST),
            ("Key-Fingerprint", fingerprint),
            ("Public-Key", public_key_b64),
            ("Signature", signature_b64),
        ]
    )


def one_value(tags: Sequence[tuple[str, str]], label: str, name: str) -> str | None:
    """The value of ``label`` (labels compare without case); a repeated label is a problem."""
    values = [v for k, v in tags if k.lower() == label.lower()]
    if len(values) > 1:
        raise FormatProblem(f"{name}: nhãn “{label}” xuất hiện {len(values)} lần.")
    return values[0] if values else None


@dataclass(frozen=True)
class AuditCheckpoint:
    """The end of the sending unit's audit chain when the bundle was made (signed with it):
    the row count, the last row's number and hash, and ``earlier``: row number → hash now, for
    the last rows of the unit's earlier bundles (so the receiver can tell whether the chain it
    saw then still leads here)."""

    count: int
    last_row: int
    head: str
    earlier: Mapping[int, str]


AUDIT_VERSION = "1"
AUDIT_LABELS = {
    "version": "SangKien-Audit-Version",
    "count": "SangKien-Audit-Count",
    "last_row": "SangKien-Audit-Last-Row",
    "head": "SangKien-Audit-Head",
    "earlier": "SangKien-Audit-Earlier",
}


def audit_tags(audit: AuditCheckpoint) -> list[tuple[str, str]]:
    tags = [
        (AUDIT_LABELS["version"], AUDIT_VERSION),
        (AUDIT_LABELS["count"], str(audit.count)),
        (AUDIT_LABELS["last_row"], str(audit.last_row)),
        (AUDIT_LABELS["head"], audit.head),
    ]
    if audit.earlier:
        links = " ".join(f"{row}:{audit.earlier[row]}" for row in sorted(audit.earlier))
        tags.append((AUDIT_LABELS["earlier"], links))
    return tags


def parse_audit(tags: Sequence[tuple[str, str]]) -> AuditCheckpoint | None:
    """The checkpoint in bag-info.txt; None for a bundle without one (made before it existed)
    or of a later checkpoint version this application does not read."""
    if one_value(tags, AUDIT_LABELS["version"], BAG_INFO) != AUDIT_VERSION:
        return None
    wrong = FormatProblem(f"{BAG_INFO}: mốc nhật ký thay đổi (SangKien-Audit-*) không hợp lệ.")
    count = one_value(tags, AUDIT_LABELS["count"], BAG_INFO) or ""
    last = one_value(tags, AUDIT_LABELS["last_row"], BAG_INFO) or ""
    head = one_value(tags, AUDIT_LABELS["head"], BAG_INFO) or ""
    if not (_NUMBER.fullmatch(count) and _NUMBER.fullmatch(last) and is_sha256(head)):
        raise wrong
    earlier: dict[int, str] = {}
    for link in (one_value(tags, AUDIT_LABELS["earlier"], BAG_INFO) or "").split():
        row, _, digest = link.partition(":")
        if not (_NUMBER.fullmatch(row) and is_sha256(digest)) or int(row) in earlier:
            raise wrong
        earlier[int(row)] = digest
    return AuditCheckpoint(int(count), int(last), head, earlier)


@dataclass(frozen=True)
class BundleInfo:
    """What bag-info.txt says about the bundle."""

    bundle_id: str
    sequence: int
    previous_id: str | None
    unit_code: str
    unit_name: str
    superior_union: str
    profile_id: str
    mode: str
    initiative_count: int
    attachment_count: int
    created_at: datetime
    generator: str
    key_fingerprint: str
    payload_oxum: str
    audit: AuditCheckpoint | None = None


BAG_INFO_LABELS = {
    "bundle_id": "SangKien-Bundle-Id",
    "sequence": "SangKien-Bundle-Sequence",
    "previous_id": "SangKien-Previous-Bundle-Id",
    "unit_code": "SangKien-Unit-Code",
    "unit_name": "SangKien-Unit-Name",
    "superior_union": "SangKien-Superior-Union",
    "profile_id": "SangKien-Program-Profile",
    "mode": "SangKien-Export-Mode",
    "initiative_count": "SangKien-Initiative-Count",
    "attachment_count": "SangKien-Attachment-Count",
    "created_at": "SangKien-Created-At",
    "generator": "SangKien-Generator",
    "key_fingerprint": "SangKien-Key-Fingerprint",
}
_OPTIONAL = {"previous_id", "superior_union"}


def bag_info_tags(info: BundleInfo, unit_name: str, payload_bytes: int) -> list[tuple[str, str]]:
    """bag-info.txt: RFC 8493's reserved labels, then the application's own."""
    tags = [
        ("Source-Organization", unit_name),
        ("Bagging-Date", info.created_at.date().isoformat()),
        ("Bag-Software-Agent", info.generator),
        ("External-Identifier", info.bundle_id),
        ("Bag-Group-Identifier", info.unit_code),
        ("Payload-Oxum", info.payload_oxum),
        ("Bag-Size", human_size(payload_bytes)),
        ("SangKien-Format-Version", str(FORMAT_VERSION)),
    ]
    for field, label in BAG_INFO_LABELS.items():
        value = getattr(info, field)
        if value is None or value == "":
            continue
        tags.append((label, value.isoformat() if isinstance(value, datetime) else str(value)))
    if info.audit is not None:
        tags += audit_tags(info.audit)
    return tags


def parse_bag_info(data: bytes) -> BundleInfo:
    tags = parse_tags(data, BAG_INFO)
    version = one_value(tags, "SangKien-Format-Version", BAG_INFO)
    if version != str(FORMAT_VERSION):
        raise FormatProblem(
            f"{BAG_INFO}: phiên bản định dạng gói “{version or '(không có)'}” không được hỗ trợ "
            f"(cần {FORMAT_VERSION})."
        )
    values: dict[str, str | None] = {}
    for field, label in BAG_INFO_LABELS.items():
        value = one_value(tags, label, BAG_INFO)
        if not value and field not in _OPTIONAL:
            raise FormatProblem(f"{BAG_INFO}: thiếu nhãn “{label}”.")
        values[field] = value or None
    oxum = one_value(tags, "Payload-Oxum", BAG_INFO)
    if not oxum or not re.fullmatch(r"\d+\.\d+", oxum):
        raise FormatProblem(f"{BAG_INFO}: thiếu hoặc sai nhãn “Payload-Oxum”.")

    def number(field: str) -> int:
        text = values[field] or ""
        if not (text.isascii() and text.isdigit()) or len(text) > 12:
            raise FormatProblem(f"{BAG_INFO}: “{BAG_INFO_LABELS[field]}” phải là số.")
        return int(text)

    try:
        created = datetime.fromisoformat(values["created_at"] or "")
    except ValueError:
        raise FormatProblem(f"{BAG_INFO}: thời điểm tạo gói không hợp lệ.") from None
    if created.tzinfo is None:
        raise FormatProblem(f"{BAG_INFO}: thời điểm tạo gói phải ghi múi giờ.")
    if not MIN_DATE <= created.date() <= MAX_DATE:
        raise FormatProblem(
            f"{BAG_INFO}: thời điểm tạo gói {created.date().isoformat()} nằm ngoài khoảng cho "
            f"phép ({MIN_DATE.year}–{MAX_DATE.year})."
        )
    sequence = number("sequence")
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise FormatProblem(
            f"{BAG_INFO}: số thứ tự gói {sequence} phải từ 1 đến {MAX_SEQUENCE} "
            "(5 chữ số, như trong tên tệp gói)."
        )
    for field in ("bundle_id", "previous_id"):
        text = values[field] or ""
        if len(text) > MAX_BUNDLE_ID:
            raise FormatProblem(
                f"{BAG_INFO}: “{BAG_INFO_LABELS[field]}” dài {len(text)} ký tự, quá giới hạn "
                f"{MAX_BUNDLE_ID} ký tự."
            )
    for field, key in (
        ("unit_code", "code"),
        ("unit_name", "name"),
        ("superior_union", "superior_union"),
    ):
        problem = text_problem(values[field] or "", UNIT_TEXT[key])
        if problem:
            raise FormatProblem(f"{BAG_INFO}: “{BAG_INFO_LABELS[field]}” {problem}.")
    return BundleInfo(
        bundle_id=values["bundle_id"] or "",
        sequence=sequence,
        previous_id=values["previous_id"],
        unit_code=values["unit_code"] or "",
        unit_name=values["unit_name"] or "",
        superior_union=values["superior_union"] or "",
        profile_id=values["profile_id"] or "",
        mode=values["mode"] or "",
        initiative_count=number("initiative_count"),
        attachment_count=number("attachment_count"),
        created_at=created,
        generator=values["generator"] or "",
        key_fingerprint=values["key_fingerprint"] or "",
        payload_oxum=oxum,
        audit=parse_audit(tags),
    )


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"
