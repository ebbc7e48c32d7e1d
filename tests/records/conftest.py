"""Fixtures for the record tests: the shipped profile and RECORD.md's example record."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from sangkien_desktop.program import ProgramProfile, load_profile

# RECORD.md's example, key for key; only the elided texts ("…") and the hash are filled in.
EXAMPLE: dict[str, Any] = {
    "format_version": 1,
    "id": "7d0c3f7e-2b8a-4c55-9a57-0f1f3c6f2a10",
    "code": "SK-2022-0042",
    "title": "Quy trình kiểm tra nhanh mối hàn bằng dưỡng đo tự chế",
    "kind": "KY_THUAT",
    "subkind": "QUY_TRINH",
    "research_level": None,
    "field": "Cơ khí chế tạo",
    "known_solution": "Kiểm tra bằng mắt thường.",
    "content": "Dưỡng đo tự chế.",
    "novelty": "Lần đầu dùng tại đơn vị.",
    "applicability": "Mọi tổ hàn.",
    "origin_story": "Sau đợt kiểm tra chất lượng.",
    "confidential": "",
    "authors": [
        {
            "full_name": "Nguyễn Thị Hường",
            "birth_date": "1986-04-12",
            "workplace": "Phân xưởng Hàn",
            "position": "Tổ trưởng",
            "qualification": "Kỹ sư",
            "contribution_pct": 60,
            "is_lead": True,
        },
        {
            "full_name": "Đặng Văn Đức",
            "birth_date": None,
            "workplace": "Phân xưởng Hàn",
            "position": "Công nhân",
            "qualification": "Trung cấp",
            "contribution_pct": 40,
            "is_lead": False,
        },
    ],
    "application": {"mode": "APPLIED", "first_applied_on": "2022-03-15", "where": "Phân xưởng Hàn"},
    "benefits": {
        "economic_value_vnd": 125000000,
        "economic": "Giảm 30% thời gian kiểm tra",
        "social": ["AN_TOAN_LAO_DONG"],
        "social_description": "Ít tiếp xúc mối hàn nóng.",
    },
    "recognition": {
        "by": "COUNCIL",
        "body": "Hội đồng sáng kiến Công ty CP Cơ khí Đông Anh",
        "decision_no": "15/QĐ-HĐSK",
        "decided_on": "2022-04-20",
    },
    "research": None,
    "ip_protection": {"protected": False, "registration_no": None},
    "content_review": {"reviewer": "Lê Minh Tâm", "reviewed_on": "2022-04-22"},
    "status": "RECOGNISED",
    "attachments": [
        {"sha256": "ab" * 32, "file_name": "QD-15-HDSK.pdf", "kind": "DECISION", "size": 183412}
    ],
    "created_at": "2022-03-01T08:30:00+07:00",
    "updated_at": "2022-04-22T16:05:00+07:00",
}

RESEARCH_CHANGES: dict[str, Any] = {
    "kind": "DE_TAI_NCKH",
    "subkind": None,
    "research_level": "TINH",
    "application": None,
    "recognition": None,
    "research": {
        "accepted_on": "2022-02-10",
        "applied_since": "2022-03-01",
        "confirmed_by": "Giám đốc Công ty",
        "confirmation_no": "05/XN",
        "confirmed_on": "2022-05-10",
    },
}


@pytest.fixture(scope="session")
def profile() -> ProgramProfile:
    return load_profile()


@pytest.fixture
def example() -> dict[str, Any]:
    """A fresh copy of RECORD.md's example record (tests may change it)."""
    return copy.deepcopy(EXAMPLE)


@pytest.fixture
def make_raw() -> Callable[..., dict[str, Any]]:
    """``make_raw(n, research=False, **top_level_changes)``: record number ``n`` as parsed JSON,
    with its own id and code."""

    def build(n: int = 1, research: bool = False, **changes: Any) -> dict[str, Any]:
        raw = copy.deepcopy(EXAMPLE)
        raw["id"] = f"00000000-0000-4000-8000-{n:012d}"
        raw["code"] = f"SK-2022-{n:04d}"
        if research:
            raw.update(copy.deepcopy(RESEARCH_CHANGES))
        raw.update(changes)
        return raw

    return build
