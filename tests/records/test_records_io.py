"""Reading and writing RECORD.md's JSON: the contract keys, round trips, and refusals that name
the record (number and code) and the field at fault."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from sangkien_desktop.errors import InputError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import (
    InitiativeRecord,
    dump_records,
    load_records_file,
    parse_record,
    parse_records,
    record_to_dict,
)
from sangkien_desktop.records import io as records_io
from sangkien_desktop.records.io import field_path, schema

PROJECT = Path(__file__).resolve().parents[2]


# --- the contract ---------------------------------------------------------------------------


def test_record_with_only_record_md_keys_imports(example, profile):
    record = parse_record(example, profile)
    assert record.code == "SK-2022-0042"
    assert record.kind == "KY_THUAT"
    assert record.authors[0].contribution_pct == 60
    assert record.authors[0].birth_date == date(1986, 4, 12)
    assert record.authors[1].birth_date is None
    assert record.application.first_applied_on == date(2022, 3, 15)
    assert record.benefits.economic_value_vnd == 125_000_000
    assert record.benefits.social == ["AN_TOAN_LAO_DONG"]
    assert record.recognition.decided_on == date(2022, 4, 20)
    assert record.content_review.reviewer == "Lê Minh Tâm"
    assert record.created_at == datetime(2022, 3, 1, 8, 30, tzinfo=timezone(timedelta(hours=7)))
    assert record.submitted_on is None
    assert record.unit_code is None


def test_record_with_only_required_keys_imports(profile):
    raw = {"format_version": 1, "id": "x-1", "code": "SK-1", "title": "Tên", "kind": "QUAN_LY"}
    record = parse_record(raw, profile)
    assert record.authors == []
    assert record.status == "IDEA"
    assert record.recognition.is_empty


def test_unknown_extra_keys_are_ignored(example, profile):
    example["portal_id"] = "CDVN-123"
    example["authors"][0]["phone"] = "0900000000"
    assert parse_record(example, profile).code == "SK-2022-0042"


def test_decomposed_text_is_stored_as_nfc(example, profile):
    example["title"] = unicodedata.normalize("NFD", "  Quy trình   kiểm tra  ")
    example["authors"][0]["full_name"] = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    record = parse_record(example, profile)
    assert record.title == "Quy trình kiểm tra"
    assert record.authors[0].full_name == "Nguyễn Thị Hường"


def test_docs_schema_is_byte_identical_to_the_packaged_schema():
    docs = PROJECT / "docs" / "schema" / "initiative.schema.json"
    packaged = PROJECT / "sangkien_desktop" / "records" / "initiative.schema.json"
    assert docs.read_bytes() == packaged.read_bytes()
    assert json.loads(docs.read_text(encoding="utf-8")) == schema()


def test_field_path_writes_list_items_in_brackets():
    assert field_path(["authors", 1, "contribution_pct"]) == "authors[1].contribution_pct"
    assert field_path([]) == ""


# --- round trips -----------------------------------------------------------------------------

ROUND_TRIP_CASES = [
    pytest.param({}, id="record-md-example"),
    pytest.param({"research": True}, id="research-project"),
    pytest.param(
        {
            "recognition": None,
            "content_review": None,
            "application": None,
            "benefits": None,
            "attachments": [],
            "authors": [],
            "status": "DRAFTING",
        },
        id="empty-blocks",
    ),
    pytest.param(
        {
            "submitted_on": "2022-03-20",
            "unit_code": "CDCS-01",
            "ip_protection": {"protected": True, "registration_no": "1-0023456"},
        },
        id="project-keys",
    ),
    pytest.param(
        {"authors": [{"full_name": "Trần Văn An", "contribution_pct": 33.33}]},
        id="fractional-share",
    ),
]


@pytest.mark.parametrize("changes", ROUND_TRIP_CASES)
def test_record_survives_a_round_trip_through_a_dict(make_raw, profile, changes):
    research = changes.pop("research", False)
    record = parse_record(make_raw(1, research=research, **changes), profile)
    assert parse_record(record_to_dict(record), profile) == record


def test_record_to_dict_keeps_record_md_keys_in_order(example, profile):
    out = record_to_dict(parse_record(example, profile))
    assert list(out)[: len(example)] == list(example)
    assert out["authors"][0]["contribution_pct"] == 60
    assert isinstance(out["authors"][0]["contribution_pct"], int)


def test_records_survive_dump_and_load(make_raw, profile, tmp_path):
    records = [parse_record(make_raw(n, research=n == 2), profile) for n in (1, 2, 3)]
    path = tmp_path / "initiatives.json"
    path.write_text(dump_records(records), encoding="utf-8")
    assert load_records_file(path, profile) == records
    assert "Nguyễn Thị Hường" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "wrap",
    [
        pytest.param(lambda records: records, id="array"),
        pytest.param(lambda records: records[0], id="single-object"),
        pytest.param(lambda records: {"initiatives": records}, id="initiatives-key"),
    ],
)
def test_parse_records_accepts_the_three_file_shapes(make_raw, profile, wrap):
    records = parse_records(wrap([make_raw(1)]), profile)
    assert [r.code for r in records] == ["SK-2022-0001"]


@pytest.mark.parametrize("data", ["văn bản", 42, None], ids=["string", "number", "null"])
def test_file_without_records_is_refused(profile, data):
    with pytest.raises(InputError, match="danh sách sáng kiến"):
        parse_records(data, profile)


# --- refusals name the record, its code and the field --------------------------------------

Change = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Change:
    def change(raw: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = raw
        for step in parents:
            target = target[int(step)] if step.isdigit() else target[step]
        target[int(last) if last.isdigit() else last] = value

    return change


def _drop(key: str) -> Change:
    return lambda raw: raw.pop(key)


REFUSALS = [
    pytest.param(
        _set("authors.0.contribution_pct", "60"),
        ["trường authors[0].contribution_pct", "số"],
        id="share-not-a-number",
    ),
    pytest.param(_drop("title"), ["thiếu trường bắt buộc “title”"], id="title-missing"),
    pytest.param(_drop("kind"), ["thiếu trường bắt buộc “kind”"], id="kind-missing"),
    pytest.param(
        _set("application.first_applied_on", "2022-02-30"),
        ["trường application.first_applied_on", "“2022-02-30”", "ngày có thật"],
        id="impossible-date",
    ),
    pytest.param(
        _set("recognition.decided_on", "20/04/2022"),
        ["trường recognition.decided_on", "YYYY-MM-DD"],
        id="date-not-iso",
    ),
    pytest.param(
        _set("authors.1.birth_date", "1990-13-01"),
        ["trường authors[1].birth_date", "1990-13-01"],
        id="impossible-birth-date",
    ),
    pytest.param(
        _set("kind", "PHAN_MEM"), ["trường kind", "“PHAN_MEM”", "KY_THUAT"], id="unknown-kind"
    ),
    pytest.param(_set("kind", "ky_thuat"), ["trường kind", "ky_thuat"], id="kind-not-a-code"),
    pytest.param(
        _set("kind", "QUAN_LY"),
        ["trường subkind", "“QUY_TRINH”", "QUAN_LY", "TO_CHUC_CONG_VIEC"],
        id="subkind-of-another-kind",
    ),
    pytest.param(
        _set("benefits.social", ["AN_TOAN_LAO_DONG", "GIAI_TRI"]),
        ["trường benefits.social[1]", "“GIAI_TRI”"],
        id="unknown-social-benefit",
    ),
    pytest.param(
        _set("research_level", "HUYEN"), ["trường research_level", "HUYEN"], id="unknown-level"
    ),
    pytest.param(_set("format_version", 2), ["trường format_version"], id="format-version-2"),
    pytest.param(_set("status", "DONE"), ["trường status", "'DONE'"], id="unknown-status"),
    pytest.param(
        _set("application.mode", "PLANNED"), ["trường application.mode"], id="unknown-mode"
    ),
    pytest.param(
        _set("recognition.by", "UNION"), ["trường recognition.by"], id="unknown-recogniser"
    ),
    pytest.param(
        _set("benefits.economic_value_vnd", -1),
        ["trường benefits.economic_value_vnd"],
        id="negative-value",
    ),
    pytest.param(
        _set("benefits.economic_value_vnd", 1.5),
        ["trường benefits.economic_value_vnd"],
        id="fractional-dong",
    ),
    pytest.param(
        _set("attachments.0.sha256", "xyz"), ["trường attachments[0].sha256", "SHA-256"], id="hash"
    ),
    pytest.param(
        _set("authors.0.is_lead", "yes"), ["trường authors[0].is_lead"], id="lead-not-boolean"
    ),
]


@pytest.mark.parametrize(("change", "expected"), REFUSALS)
def test_invalid_record_is_refused_naming_record_and_field(make_raw, profile, change, expected):
    second = make_raw(2)
    change(second)
    with pytest.raises(InputError) as caught:
        parse_records([make_raw(1), second], profile)
    message = str(caught.value)
    assert message.startswith("bản ghi số 2 (SK-2022-0002)")
    for part in expected:
        assert part in message


def test_record_without_code_is_named_by_its_number(make_raw, profile):
    second = make_raw(2)
    del second["code"]
    with pytest.raises(InputError, match=r"^bản ghi số 2: thiếu trường bắt buộc “code”"):
        parse_records([make_raw(1), second], profile)


def test_refusal_has_an_english_version(make_raw, profile):
    with pytest.raises(InputError) as caught:
        parse_record(make_raw(1, kind="PHAN_MEM"), profile, 0)
    assert "unknown kind" in caught.value.english


@pytest.mark.parametrize("key", ["id", "code"])
def test_duplicate_key_in_a_file_is_refused(make_raw, profile, key):
    first, second, third = make_raw(1), make_raw(2), make_raw(3)
    third[key] = first[key]
    with pytest.raises(InputError) as caught:
        parse_records([first, second, third], profile)
    message = str(caught.value)
    assert message.startswith("bản ghi số 3")
    assert f"trường {key}" in message
    assert f"“{first[key]}”" in message
    assert "bản ghi số 1" in message


# --- files ---------------------------------------------------------------------------------


def test_malformed_json_reports_line_and_column(profile, tmp_path):
    path = tmp_path / "hong.json"
    path.write_text('[\n  {"id": "1",\n   "code": }\n]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"hong\.json không phải JSON hợp lệ: dòng 3, cột 12"):
        load_records_file(path, profile)


def test_non_utf8_file_is_refused(profile, tmp_path):
    path = tmp_path / "cp1258.json"
    path.write_bytes('[{"title": "Sáng"}]'.encode("cp1258"))  # á is one byte, 0xE1
    with pytest.raises(InputError, match=r"cp1258\.json không phải văn bản UTF-8 \(byte 13\)"):
        load_records_file(path, profile)


def test_missing_file_is_refused(profile, tmp_path):
    with pytest.raises(InputError, match="Không tìm thấy tệp"):
        load_records_file(tmp_path / "khong-co.json", profile)


def test_directory_is_refused(profile, tmp_path):
    with pytest.raises(InputError, match="là thư mục"):
        load_records_file(tmp_path, profile)


def test_invalid_record_in_a_file_names_it(make_raw, profile, tmp_path):
    second = make_raw(2)
    second["authors"][0]["contribution_pct"] = "sáu mươi"
    path = tmp_path / "initiatives.json"
    path.write_text(json.dumps([make_raw(1), second], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=r"bản ghi số 2 \(SK-2022-0002\), trường authors\[0\]"):
        load_records_file(path, profile)


def test_parsed_record_type(example, profile):
    assert isinstance(parse_record(example, profile), InitiativeRecord)


def test_too_many_records_message_keeps_its_commas(
    profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(records_io, "MAX_RECORDS", 1_000)
    with pytest.raises(InputError) as caught:
        parse_records([{}] * 1_001, profile)
    assert caught.value.message == (
        "Tệp có 1.001 bản ghi, vượt giới hạn 1.000 bản ghi một lần nhập; hãy chia thành nhiều "
        "tệp nhỏ hơn."
    )
