"""Read and write initiative records (RECORD.md) as JSON, checked against the JSON schema.

Reading is all-or-nothing: the first problem raises InputError with a Vietnamese sentence that
names the record (its position and code) and the field, and nothing has been returned yet.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from sangkien_desktop.errors import InputError
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.limits import check_record
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
from sangkien_desktop.text import clean, format_number, nfc

MAX_FILE_BYTES = 512 * 1024 * 1024
#: The most records one file may hold (a year's initiatives of a large federation is far less).
MAX_RECORDS = 100_000
#: The deepest nesting a record may have (RECORD.md's own is 3: record → authors → [i]).
MAX_NESTING = 8
#: Whole numbers a record may hold outside the schema's own bounds (SQLite's 64-bit integer).
MAX_INTEGER = 2**53


@cache
def schema() -> dict[str, Any]:
    text = resources.files("sangkien_desktop.records").joinpath("initiative.schema.json")
    loaded: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return loaded


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


@cache
def _fast_check() -> Callable[[Any], Any]:
    """The schema compiled to Python code: about 13× faster than the interpreting validator,
    which then runs only on a record that fails, to name its field and the problem."""
    return fastjsonschema.compile(copy.deepcopy(schema()))  # it annotates the dict it reads


def field_path(parts: Iterable[str | int]) -> str:
    """``["authors", 1, "contribution_pct"]`` → ``authors[1].contribution_pct``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _where(index: int | None, raw: Any) -> str:
    code = raw.get("code") if isinstance(raw, dict) else None
    label = f"bản ghi số {index + 1}" if index is not None else "bản ghi"
    if isinstance(code, str) and code:
        label += f" ({code})"
    return label


_TYPE_NAMES = {
    "string": "chuỗi chữ",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true/false",
    "array": "danh sách",
    "object": "đối tượng",
    "null": "null",
}


def _schema_message(error: ValidationError) -> str:
    kind = error.validator
    if kind == "anyOf" and error.context:
        # A value that may be null fails every branch; say what the non-null branch wanted.
        specific = [e for e in error.context if e.validator != "type"]
        if specific:
            return _schema_message(specific[0])
        wanted = [str(e.validator_value) for e in error.context]
        return "phải là " + " hoặc ".join(_TYPE_NAMES.get(w, w) for w in wanted)
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        return f"thiếu trường bắt buộc “{missing}”"
    if kind == "const":
        return f"phải là {error.validator_value!r} (phiên bản định dạng được hỗ trợ)"
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value if v is not None)
        return f"giá trị {error.instance!r} không hợp lệ; dùng một trong: {allowed}"
    if kind == "pattern":
        if "[0-9]{4}-" in str(error.validator_value):
            return f"“{error.instance}” không phải ngày dạng YYYY-MM-DD"
        if "0-9a-f" in str(error.validator_value):
            return "phải là mã SHA-256 gồm 64 chữ số hex viết thường"
        return f"“{error.instance}” không phải mã hợp lệ (chữ in hoa, số và dấu _)"
    if kind == "type":
        wanted = error.validator_value
        wanted_list = wanted if isinstance(wanted, list) else [wanted]
        return "phải là " + " hoặc ".join(_TYPE_NAMES.get(w, w) for w in wanted_list)
    if kind in ("minimum", "exclusiveMinimum"):
        return f"phải lớn hơn hoặc bằng {error.validator_value}"
    if kind in ("maximum", "exclusiveMaximum"):
        return f"phải nhỏ hơn hoặc bằng {error.validator_value}"
    if kind == "minLength":
        return "không được để trống"
    if kind == "maxLength":
        return f"dài quá {error.validator_value} ký tự"
    if kind == "maxItems":
        return f"có quá {error.validator_value} phần tử"
    if kind == "uniqueItems":
        return "có phần tử bị lặp"
    return f"không hợp lệ ({error.message})"


def _date(value: Any, where: str, path: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{where}, trường {path}: “{value}” không phải ngày có thật (YYYY-MM-DD).",
            english=f"{where}, field {path}: '{value}' is not a real date (YYYY-MM-DD).",
        ) from None


def _datetime(value: Any, where: str, path: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{where}, trường {path}: “{value}” không phải thời điểm hợp lệ."
        ) from None


def _text(value: Any) -> str:
    return clean(value) if isinstance(value, str) else ""


def _long(value: Any) -> str:
    return nfc(value).strip() if isinstance(value, str) else ""


def _obj(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key)
    return value if isinstance(value, dict) else {}


def _check_codes(record: InitiativeRecord, profile: ProgramProfile, where: str) -> None:
    kind = profile.kind(record.kind)
    if kind is None:
        raise InputError(
            f"{where}, trường kind: loại sáng kiến “{record.kind}” không có trong chương trình "
            f"{profile.guidance}; dùng một trong: {', '.join(profile.kind_codes)}.",
            english=f"{where}, field kind: unknown kind '{record.kind}'.",
        )
    if record.subkind and kind.subkind(record.subkind) is None:
        allowed = ", ".join(s.code for s in kind.subkinds) or "(không có)"
        raise InputError(
            f"{where}, trường subkind: “{record.subkind}” không thuộc loại {kind.code}; "
            f"dùng một trong: {allowed}.",
            english=f"{where}, field subkind: '{record.subkind}' is not a sub-kind of {kind.code}.",
        )
    if record.research_level and record.research_level not in profile.research_level_codes:
        raise InputError(
            f"{where}, trường research_level: “{record.research_level}” không hợp lệ; dùng một "
            f"trong: {', '.join(profile.research_level_codes)}.",
        )
    for i, code in enumerate(record.benefits.social):
        if code not in profile.social_codes:
            raise InputError(
                f"{where}, trường benefits.social[{i}]: lợi ích xã hội “{code}” không có trong "
                f"chương trình; dùng một trong: {', '.join(profile.social_codes)}.",
                english=f"{where}, field benefits.social[{i}]: unknown social benefit '{code}'.",
            )


def _check_values(raw: Any, where: str) -> None:
    """What the schema cannot say about parsed JSON: no text with a lone surrogate (``\\ud800``
    parses, but is not text and cannot be stored), no number that is not finite or too large
    to store, no nesting deeper than a record has. Walks without recursion."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(raw, ())]
    while stack:
        value, path = stack.pop()
        problem = None
        if isinstance(value, str):
            if any("\ud800" <= ch <= "\udfff" for ch in value):
                problem = "chứa ký tự không hợp lệ (nửa cặp UTF-16 đơn lẻ)"
        elif isinstance(value, bool):
            continue
        elif isinstance(value, float):
            if not math.isfinite(value):
                problem = f"“{value}” không phải số hữu hạn"
        elif isinstance(value, int):
            if abs(value) > MAX_INTEGER:
                problem = f"số {str(value)[:30]} lớn quá mức có thể (tối đa {MAX_INTEGER})"
        elif isinstance(value, dict | list):
            if len(path) >= MAX_NESTING:
                problem = f"lồng nhau quá sâu (quá {MAX_NESTING} cấp)"
            elif isinstance(value, dict):
                for key, inner in value.items():
                    if isinstance(key, str) and any("\ud800" <= ch <= "\udfff" for ch in key):
                        problem = "có tên trường chứa ký tự không hợp lệ"
                        break
                    stack.append((inner, (*path, key)))
            else:
                stack.extend((inner, (*path, i)) for i, inner in enumerate(value))
        if problem:
            field = field_path(path)
            prefix = f"{where}, trường {field}" if field else where
            raise InputError(f"{prefix}: {problem}.", english=f"{prefix}: invalid value.")


def parse_record(raw: Any, profile: ProgramProfile, index: int | None = None) -> InitiativeRecord:
    """One record from parsed JSON; InputError names the record and the field at fault."""
    where = _where(index, raw)
    _check_values(raw, where)
    try:
        _fast_check()(raw)
        errors = []
    except fastjsonschema.JsonSchemaException:
        errors = list(_validator().iter_errors(raw))
    if errors:
        error = best_match(errors)
        path = field_path(error.absolute_path)
        prefix = f"{where}, trường {path}" if path else where
        raise InputError(
            f"{prefix}: {_schema_message(error)}.", english=f"{prefix}: {error.message}"
        )
    app, ben, rec = _obj(raw, "application"), _obj(raw, "benefits"), _obj(raw, "recognition")
    res, ip, rev = _obj(raw, "research"), _obj(raw, "ip_protection"), _obj(raw, "content_review")
    authors = [
        Author(
            full_name=_text(a.get("full_name")),
            birth_date=_date(a.get("birth_date"), where, f"authors[{i}].birth_date"),
            workplace=_text(a.get("workplace")),
            position=_text(a.get("position")),
            qualification=_text(a.get("qualification")),
            contribution_pct=(
                float(a["contribution_pct"]) if a.get("contribution_pct") is not None else None
            ),
            is_lead=bool(a.get("is_lead", False)),
            member_id=a.get("member_id"),
        )
        for i, a in enumerate(raw.get("authors") or [])
    ]
    record = InitiativeRecord(
        id=raw["id"].strip(),
        code=clean(raw["code"]),
        title=_text(raw["title"]),
        kind=raw["kind"],
        subkind=raw.get("subkind"),
        research_level=raw.get("research_level"),
        field=_text(raw.get("field")),
        known_solution=_long(raw.get("known_solution")),
        content=_long(raw.get("content")),
        novelty=_long(raw.get("novelty")),
        applicability=_long(raw.get("applicability")),
        origin_story=_long(raw.get("origin_story")),
        confidential=_long(raw.get("confidential")),
        authors=authors,
        application=Application(
            mode=app.get("mode"),
            first_applied_on=_date(
                app.get("first_applied_on"), where, "application.first_applied_on"
            ),
            where=_text(app.get("where")),
        ),
        benefits=Benefits(
            economic_value_vnd=ben.get("economic_value_vnd"),
            economic=_long(ben.get("economic")),
            social=list(ben.get("social") or []),
            social_description=_long(ben.get("social_description")),
        ),
        recognition=Recognition(
            by=rec.get("by"),
            body=_text(rec.get("body")),
            decision_no=_text(rec.get("decision_no")),
            decided_on=_date(rec.get("decided_on"), where, "recognition.decided_on"),
        ),
        research=Research(
            accepted_on=_date(res.get("accepted_on"), where, "research.accepted_on"),
            applied_since=_date(res.get("applied_since"), where, "research.applied_since"),
            confirmed_by=_text(res.get("confirmed_by")),
            confirmation_no=_text(res.get("confirmation_no")),
            confirmed_on=_date(res.get("confirmed_on"), where, "research.confirmed_on"),
        ),
        ip_protection=IpProtection(
            protected=bool(ip.get("protected", False)),
            registration_no=_text(ip.get("registration_no")) or None,
        ),
        content_review=ContentReview(
            reviewer=_text(rev.get("reviewer")),
            reviewed_on=_date(rev.get("reviewed_on"), where, "content_review.reviewed_on"),
        ),
        status=raw.get("status") or "IDEA",
        attachments=[
            AttachmentRef(
                sha256=a["sha256"],
                file_name=_text(a["file_name"]),
                kind=a.get("kind") or "OTHER",
                size=int(a.get("size") or 0),
            )
            for a in raw.get("attachments") or []
        ],
        created_at=_datetime(raw.get("created_at"), where, "created_at"),
        updated_at=_datetime(raw.get("updated_at"), where, "updated_at"),
        submitted_on=_date(raw.get("submitted_on"), where, "submitted_on"),
        unit_code=raw.get("unit_code"),
    )
    _check_codes(record, profile, where)
    return check_record(record, where)


def parse_records(data: Any, profile: ProgramProfile) -> list[InitiativeRecord]:
    """Records from a parsed file: a list of records, one record, or ``{"initiatives": [...]}``."""
    if isinstance(data, dict) and "initiatives" in data:
        data = data["initiatives"]
    elif isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise InputError("Tệp không chứa danh sách sáng kiến (cần một mảng JSON các bản ghi).")
    if len(data) > MAX_RECORDS:
        raise InputError(
            f"Tệp có {format_number(len(data))} bản ghi, vượt giới hạn "
            f"{format_number(MAX_RECORDS)} bản ghi một lần nhập; hãy chia thành nhiều tệp nhỏ hơn.",
            english=f"{len(data)} records: more than {MAX_RECORDS} in one file.",
        )
    records = [parse_record(raw, profile, i) for i, raw in enumerate(data)]
    seen: dict[str, int] = {}
    for i, record in enumerate(records):
        for key, what in ((record.id, "id"), (record.code, "code")):
            first = seen.setdefault(f"{what}:{key}", i)
            if first != i:
                raise InputError(
                    f"bản ghi số {i + 1} ({record.code}), trường {what}: “{key}” đã dùng ở bản ghi "
                    f"số {first + 1}; mỗi sáng kiến phải có {what} riêng.",
                )
    return records


def load_records_file(path: Path, profile: ProgramProfile) -> list[InitiativeRecord]:
    """Read a JSON file of records; InputError for a missing, unreadable or invalid file."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"Tệp {path.name} quá lớn (tối đa {MAX_FILE_BYTES // 2**20} MB).")
        # utf-8-sig: files saved by Windows Notepad start with a byte-order mark.
        data = loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp {path}.") from None
    except IsADirectoryError:
        raise InputError(f"{path} là thư mục, không phải tệp JSON.") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"Tệp {path.name} không phải văn bản UTF-8 (byte {exc.start}).") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"Tệp {path.name} không phải JSON hợp lệ: dòng {exc.lineno}, cột {exc.colno} "
            f"({exc.msg}).",
        ) from None
    except RecursionError:
        raise InputError(f"Tệp {path.name} lồng nhau quá sâu, không đọc được.") from None
    except NotJson as exc:
        raise InputError(f"Tệp {path.name} không phải JSON hợp lệ: {exc}.") from None
    except OSError as exc:
        raise InputError(f"Không đọc được tệp {path.name}: {exc.strerror or exc}.") from None
    try:
        return parse_records(data, profile)
    except InputError as exc:
        if path.name in exc.message:
            raise
        raise InputError(f"Tệp {path.name}: {exc.message}", english=exc.english) from None


class NotJson(ValueError):
    """Text Python's json module reads but JSON (RFC 8259) does not allow."""


def _constant(name: str) -> Any:
    raise NotJson(f"giá trị {name} không có trong JSON chuẩn")


def loads(text: str) -> Any:
    """Parse JSON text as RFC 8259 says: NaN, Infinity and -Infinity are refused (NotJson), as
    are numbers too large for a float (``1e999`` would otherwise become infinity) and whole
    numbers of more than 30 digits (Python refuses 4 300 digits with a bare ValueError)."""
    return json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int)


def _int(text: str) -> int:
    if len(text) > 30:
        raise NotJson(f"số {text[:20]}… có {len(text)} chữ số, quá lớn")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise NotJson(f"số {text[:40]} quá lớn")
    return value


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def record_to_dict(record: InitiativeRecord) -> dict[str, Any]:
    """The record as RECORD.md's JSON object (keys in the documented order)."""
    rec, res, rev = record.recognition, record.research, record.content_review
    return {
        "format_version": FORMAT_VERSION,
        "id": record.id,
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
        "authors": [
            {
                "full_name": a.full_name,
                "birth_date": _iso(a.birth_date),
                "workplace": a.workplace,
                "position": a.position,
                "qualification": a.qualification,
                "contribution_pct": _number(a.contribution_pct),
                "is_lead": a.is_lead,
            }
            for a in record.authors
        ],
        "application": {
            "mode": record.application.mode,
            "first_applied_on": _iso(record.application.first_applied_on),
            "where": record.application.where,
        },
        "benefits": {
            "economic_value_vnd": record.benefits.economic_value_vnd,
            "economic": record.benefits.economic,
            "social": list(record.benefits.social),
            "social_description": record.benefits.social_description,
        },
        "recognition": None
        if rec.is_empty
        else {
            "by": rec.by,
            "body": rec.body,
            "decision_no": rec.decision_no,
            "decided_on": _iso(rec.decided_on),
        },
        "research": None
        if res.is_empty
        else {
            "accepted_on": _iso(res.accepted_on),
            "applied_since": _iso(res.applied_since),
            "confirmed_by": res.confirmed_by,
            "confirmation_no": res.confirmation_no,
            "confirmed_on": _iso(res.confirmed_on),
        },
        "ip_protection": {
            "protected": record.ip_protection.protected,
            "registration_no": record.ip_protection.registration_no,
        },
        "content_review": None
        if not (rev.reviewer or rev.reviewed_on)
        else {"reviewer": rev.reviewer, "reviewed_on": _iso(rev.reviewed_on)},
        "status": record.status,
        "attachments": [
            {"sha256": a.sha256, "file_name": a.file_name, "kind": a.kind, "size": a.size}
            for a in record.attachments
        ],
        "created_at": _iso(record.created_at),
        "updated_at": _iso(record.updated_at),
        "submitted_on": _iso(record.submitted_on),
        "unit_code": record.unit_code,
    }


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def dump_records(records: Sequence[InitiativeRecord]) -> str:
    """The JSON text of a list of records (UTF-8, not ASCII-escaped, one record per block)."""
    return json.dumps([record_to_dict(r) for r in records], ensure_ascii=False, indent=2) + "\n"
