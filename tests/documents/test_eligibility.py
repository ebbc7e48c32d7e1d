"""The eligibility gate: certificates and reward decisions only for initiatives that are
recognised, free of error findings and inside the programme; a refusal names each initiative
and what blocks it, takes no number and writes no file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sangkien_desktop.documents.eligibility import (
    NotEligibleError,
    Refusal,
    refusals,
)
from sangkien_desktop.documents.service import (
    awards_for_initiatives,
    issued_certificates,
    print_certificates,
    print_reward_decision,
)
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import Application, Author, InitiativeRecord, Recognition
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Reward
from tests.documents.conftest import make_record, pdf_text
from tests.documents.test_commands import run

Add = Callable[..., InitiativeRecord]
DAY = date(2023, 1, 5)
NOT_RECOGNISED = {"recognition": Recognition(), "decision_no": "", "decided_on": None}

#: (what the initiative is, how make_record builds it, the finding that must block it)
REFUSED: list[tuple[str, dict[str, Any], str]] = [
    ("idea", {"status": "IDEA", **NOT_RECOGNISED}, "E2_NOT_RECOGNISED"),
    ("rejected", {"status": "REJECTED", **NOT_RECOGNISED}, "E2_NOT_RECOGNISED"),
    ("submitted", {"status": "SUBMITTED", **NOT_RECOGNISED}, "E2_NOT_RECOGNISED"),
    (
        "applied the day before the window",
        {"application": Application("APPLIED", date(2021, 8, 31), "Phân xưởng Hàn")},
        "E1_APPLIED_OUTSIDE_WINDOW",
    ),
    (
        "shares adding up to 90 %",
        {"authors": (("Nguyễn Thị Hường", 50), ("Đặng Văn Đức", 30), ("Vũ Hà", 10))},
        "C4_CREDITED_AUTHOR",
    ),
    (
        "eligible after the last phase",
        {
            "application": Application("APPLIED", date(2023, 8, 1), "Phân xưởng Hàn"),
            "decided_on": date(2023, 9, 5),
        },
        "R5_NO_PHASE",
    ),
]
IDS = [case[0] for case in REFUSED]


def build(code: str, **changes: Any) -> InitiativeRecord:
    """make_record, with ``recognition`` replaced after the fact (it has no keyword)."""
    recognition = changes.pop("recognition", None)
    record = make_record(code, **changes)
    if recognition is not None:
        record.recognition = recognition
    return record


def snapshot(db: Database) -> list[str]:
    """Every row of every table: what a refused print must leave exactly as it was."""
    with closing(sqlite3.connect(db.path)) as connection:
        return list(connection.iterdump())


@pytest.fixture
def save(unit_db: Database, profile: ProgramProfile) -> Callable[..., InitiativeRecord]:
    from sangkien_desktop.services.initiatives import save_record

    def save(code: str, **changes: Any) -> InitiativeRecord:
        return save_record(unit_db, build(code, **changes), profile)

    return save


@pytest.mark.parametrize(("what", "changes", "rule"), REFUSED, ids=IDS)
def test_certificate_is_refused_naming_the_initiative_and_the_finding(
    unit_db: Database,
    profile: ProgramProfile,
    save: Add,
    tmp_path: Path,
    what: str,
    changes: dict[str, Any],
    rule: str,
) -> None:
    save("SK-2022-0001", **changes)
    before = snapshot(unit_db)
    out = tmp_path / "gcn.pdf"
    with pytest.raises(NotEligibleError) as refused:
        print_certificates(unit_db, profile, out, ["SK-2022-0001"], issued_on=DAY)
    message = refused.value.message
    assert message.startswith("Không in giấy chứng nhận sáng kiến: 1 sáng kiến chưa đủ điều kiện")
    assert "SK-2022-0001 “Quy trình kiểm tra nhanh mối hàn" in message
    assert f"({rule})" in message
    assert [r.code for r in refused.value.refusals] == ["SK-2022-0001"]
    assert not out.exists()
    assert list(tmp_path.glob("*.pdf*")) == []
    assert issued_certificates(unit_db) == []
    assert snapshot(unit_db) == before


@pytest.mark.parametrize(("what", "changes", "rule"), REFUSED, ids=IDS)
def test_reward_decision_is_refused_naming_the_initiative_and_the_finding(
    unit_db: Database,
    profile: ProgramProfile,
    save: Add,
    tmp_path: Path,
    what: str,
    changes: dict[str, Any],
    rule: str,
) -> None:
    save("SK-2022-0001", **changes)
    save("SK-2022-0002")
    awards = awards_for_initiatives(unit_db, ["SK-2022-0001", "SK-2022-0002"], 1_000_000)
    before = snapshot(unit_db)
    out = tmp_path / "qd.pdf"
    with pytest.raises(NotEligibleError, match=rf"SK-2022-0001 .*\({rule}\)") as refused:
        print_reward_decision(unit_db, profile, out, "7", DAY, awards)
    assert refused.value.message.startswith("Không in quyết định khen thưởng: 1 sáng kiến")
    assert [r.code for r in refused.value.refusals] == ["SK-2022-0001"]
    assert not out.exists()
    assert snapshot(unit_db) == before


def test_decision_from_recorded_rewards_is_refused_for_a_rejected_initiative(
    unit_db: Database, profile: ProgramProfile, save: Add, tmp_path: Path
) -> None:
    save("SK-2022-0001", status="REJECTED", **NOT_RECOGNISED)
    with unit_db.session() as session:
        session.add(
            Reward(
                initiative_id="id-SK-2022-0001",
                recipient_name="Nguyễn Thị Hường",
                decision_no="25/QĐ-CĐCS",
                decided_on=date(2023, 9, 20),
                amount_vnd=2_000_000,
            )
        )
    with pytest.raises(NotEligibleError, match=r"SK-2022-0001 .*\(E2_NOT_RECOGNISED\)"):
        print_reward_decision(unit_db, profile, tmp_path / "qd.pdf", "25")
    assert not (tmp_path / "qd.pdf").exists()


def test_one_refused_initiative_refuses_the_whole_batch_and_takes_no_number(
    unit_db: Database, profile: ProgramProfile, save: Add, tmp_path: Path
) -> None:
    save("SK-2022-0001")
    save("SK-2022-0002", authors=(("Nguyễn Thị Hường", 50), ("Đặng Văn Đức", 40)))
    out = tmp_path / "gcn.pdf"
    with pytest.raises(NotEligibleError) as refused:
        print_certificates(unit_db, profile, out, ["SK-2022-0001", "SK-2022-0002"], issued_on=DAY)
    assert [r.code for r in refused.value.refusals] == ["SK-2022-0002"]
    assert "SK-2022-0001" not in refused.value.message
    assert issued_certificates(unit_db) == []
    assert not out.exists()


def test_all_recognised_leaves_the_refused_out_and_lists_them(
    unit_db: Database, profile: ProgramProfile, save: Add, tmp_path: Path
) -> None:
    save("SK-2022-0001")
    save("SK-2022-0002", authors=(("Nguyễn Thị Hường", 50), ("Đặng Văn Đức", 40)))
    save("SK-2022-0003", status="SUBMITTED", **NOT_RECOGNISED)
    refused: list[Refusal] = []
    out = tmp_path / "gcn.pdf"
    assert print_certificates(unit_db, profile, out, None, issued_on=DAY, refused=refused) == 2
    assert [r.code for r in refused] == ["SK-2022-0002"]
    assert refused[0].rules == ("C4_CREDITED_AUTHOR",)
    assert {c.initiative_code for c in issued_certificates(unit_db)} == {"SK-2022-0001"}
    assert "SK-2022-0002" not in pdf_text(out)
    before = snapshot(unit_db)
    with pytest.raises(NotEligibleError, match=r"SK-2022-0002 .*\(C4_CREDITED_AUTHOR\)"):
        print_certificates(unit_db, profile, tmp_path / "again.pdf", None, issued_on=DAY)
    assert snapshot(unit_db) == before
    assert not (tmp_path / "again.pdf").exists()


def test_every_refused_initiative_and_every_blocking_finding_is_listed(
    unit_db: Database, profile: ProgramProfile, save: Add, tmp_path: Path
) -> None:
    save(
        "SK-2022-0001",
        authors=(("Nguyễn Thị Hường", 50), ("Đặng Văn Đức", 40)),
        application=Application("APPLIED", date(2021, 8, 31), "Phân xưởng Hàn"),
    )
    save("SK-2022-0002", status="IDEA", **NOT_RECOGNISED)
    with pytest.raises(NotEligibleError) as refused:
        print_certificates(unit_db, profile, tmp_path / "gcn.pdf", ["SK-2022-0001", "SK-2022-0002"])
    first, second = refused.value.refusals
    assert (first.code, second.code) == ("SK-2022-0001", "SK-2022-0002")
    assert {"C4_CREDITED_AUTHOR", "E1_APPLIED_OUTSIDE_WINDOW"} <= set(first.rules)
    assert second.rules[0] == "E2_NOT_RECOGNISED"
    assert "Ý tưởng đăng ký" in refused.value.message
    assert "(C4_CREDITED_AUTHOR)" in refused.value.english
    assert "in state 'Registered idea', not recognised" in refused.value.english


def test_a_recognised_initiative_without_errors_inside_the_programme_passes(
    profile: ProgramProfile,
) -> None:
    assert refusals([build("SK-2022-0001")], profile) == []
    on_the_last_day = build(
        "SK-2022-0002",
        application=Application("APPLIED", date(2023, 9, 1), "Phân xưởng Hàn"),
        decided_on=date(2023, 9, 1),
    )
    assert refusals([on_the_last_day], profile) == []


def test_warnings_do_not_block(profile: ProgramProfile) -> None:
    record = build("SK-2022-0001", origin_story="")
    record.authors = [
        Author("A", None, "", "", "", 50, False),
        Author("B", None, "", "", "", 50, False),
    ]  # a tie not yet settled is a warning
    assert refusals([record], profile) == []


def test_cli_refusal_names_the_initiative_and_exits_2(
    capsys: pytest.CaptureFixture[str], unit_db: Database, save: Add, tmp_path: Path
) -> None:
    save("SK-2021-0033", authors=(("Nguyễn Thị Hường", 50), ("Đặng Văn Đức", 30), ("Vũ Hà", 10)))
    out = tmp_path / "gcn.pdf"
    code, stdout, stderr = run(
        capsys, "--db", str(unit_db.path), "print", "certificates", str(out),
        "--codes", "SK-2021-0033",
    )  # fmt: skip
    assert code == 2
    assert stdout == ""
    assert stderr.startswith("Lỗi: Không in giấy chứng nhận sáng kiến")
    assert "SK-2021-0033" in stderr and "90%" in stderr and "(C4_CREDITED_AUTHOR)" in stderr
    assert len(stderr.strip().splitlines()) == 1  # like every bad input on the command line
    assert not out.exists()


def test_cli_reward_decision_refusal_is_one_line_naming_each_initiative(
    capsys: pytest.CaptureFixture[str], unit_db: Database, save: Add, tmp_path: Path
) -> None:
    save("SK-2022-0001", status="REJECTED", **NOT_RECOGNISED)
    save("SK-2022-0002", status="IDEA", **NOT_RECOGNISED)
    out = tmp_path / "qd.pdf"
    code, _, stderr = run(
        capsys, "--db", str(unit_db.path), "print", "reward-decision", str(out),
        "--decision-no", "7", "--codes", "SK-2022-0001,SK-2022-0002", "--amount", "500000",
    )  # fmt: skip
    assert code == 2
    assert stderr.startswith("Lỗi: Không in quyết định khen thưởng: 2 sáng kiến")
    assert len(stderr.strip().splitlines()) == 1
    assert "SK-2022-0001 “" in stderr and "SK-2022-0002 “" in stderr
    assert not out.exists()


def test_demo_certificates_print_for_the_clean_and_refuse_the_90_percent_shares(
    demo_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    refused: list[Refusal] = []
    out = tmp_path / "all.pdf"
    pages = print_certificates(demo_db, profile, out, None, refused=refused)
    codes = {r.code for r in refused}
    assert "SK-2021-0033" in codes
    printed = {c.initiative_code for c in issued_certificates(demo_db)}
    assert len(printed) > 20 and not printed & codes
    assert pages == len(issued_certificates(demo_db))
    assert "SK-2021-0033" not in pdf_text(out)
    with pytest.raises(NotEligibleError, match=r"SK-2021-0033 .*90%.*\(C4_CREDITED_AUTHOR\)"):
        print_certificates(demo_db, profile, tmp_path / "a.pdf", ["SK-2021-0033"])
    assert not (tmp_path / "a.pdf").exists()
    reprint = sorted(printed)[:3]
    assert print_certificates(demo_db, profile, tmp_path / "b.pdf", reprint) > 0


def test_cli_all_recognised_names_the_initiatives_left_out(
    capsys: pytest.CaptureFixture[str], unit_db: Database, save: Add, tmp_path: Path
) -> None:
    save("SK-2022-0001")
    save("SK-2021-0033", authors=(("Nguyễn Thị Hường", 50), ("Đặng Văn Đức", 30), ("Vũ Hà", 10)))
    out = tmp_path / "gcn.pdf"
    code, stdout, stderr = run(
        capsys, "--db", str(unit_db.path), "print", "certificates", str(out), "--all-recognised",
    )  # fmt: skip
    assert code == 0
    assert "Đã in 2 giấy chứng nhận" in stdout
    assert stderr.startswith("Không in giấy chứng nhận sáng kiến cho 1 sáng kiến chưa đủ điều kiện")
    assert "SK-2021-0033" in stderr and "(C4_CREDITED_AUTHOR)" in stderr


def test_a_long_refusal_lists_twenty_initiatives_and_counts_the_rest(
    profile: ProgramProfile,
) -> None:
    records = [build(f"SK-2022-{n:04d}", status="IDEA", **NOT_RECOGNISED) for n in range(1, 23)]
    error = NotEligibleError("certificate", refusals(records, profile))
    assert len(error.refusals) == 22
    lines = error.message.splitlines()
    assert lines[1].startswith("- SK-2022-0001 ") and lines[20].startswith("- SK-2022-0020 ")
    assert lines[21] == "… và 2 sáng kiến khác (xem “sangkien validate”)."
    assert len(lines) == 22
