"""The ``sangkien`` command line, run in-process through its real entry point."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sangkien_desktop.cli import main
from sangkien_desktop.services import demo as demo_service
from sangkien_desktop.services.demo import DEMO_PASSWORD


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main([*args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def record(code: str, **changes: Any) -> dict[str, Any]:
    """A record that passes every rule; ``changes`` overrides top-level keys."""
    base: dict[str, Any] = {
        "format_version": 1,
        "id": f"id-{code}",
        "code": code,
        "title": "Quy trình kiểm tra nhanh mối hàn bằng dưỡng đo tự chế",
        "kind": "KY_THUAT",
        "subkind": "QUY_TRINH",
        "field": "Cơ khí chế tạo",
        "known_solution": "Kiểm tra bằng mắt.",
        "content": "Dưỡng đo tự chế.",
        "novelty": "Lần đầu áp dụng.",
        "applicability": "Mọi phân xưởng hàn.",
        "origin_story": "Tổ hàn đề xuất.",
        "authors": [
            {"full_name": "Nguyễn Thị Hường", "contribution_pct": 60, "is_lead": True},
            {"full_name": "Đặng Văn Đức", "contribution_pct": 40, "is_lead": False},
        ],
        "application": {"mode": "APPLIED", "first_applied_on": "2022-03-15", "where": "PX Hàn"},
        "benefits": {
            "economic_value_vnd": 125000000,
            "economic": "Giảm 30% thời gian",
            "social": ["AN_TOAN_LAO_DONG"],
            "social_description": "An toàn hơn",
        },
        "recognition": {
            "by": "COUNCIL",
            "body": "Hội đồng sáng kiến Công ty",
            "decision_no": "15/QĐ-HĐSK",
            "decided_on": "2022-04-20",
        },
        "research": None,
        "ip_protection": {"protected": False, "registration_no": None},
        "content_review": {"reviewer": "Lê Minh Tâm", "reviewed_on": "2022-04-22"},
        "status": "RECOGNISED",
        "attachments": [
            {"sha256": "a" * 64, "file_name": "QD-15.pdf", "kind": "DECISION", "size": 1000}
        ],
    }
    base.update(changes)
    return base


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def dbfile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "cli.sqlite")
    code, _, err = run(capsys, "--db", path, "init", "--name", "Công đoàn Thử", "--code", "CD-T")
    assert code == 0, err
    return path


def test_validate_input_reports_exactly_the_implied_rule_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        record("SK-OK"),
        record("SK-E1", application={"mode": "APPLIED", "first_applied_on": "2021-08-31"}),
        record("SK-E2", recognition=None, status="SUBMITTED"),
        record(
            "SK-E3E4",
            content_review=None,
            ip_protection={"protected": True, "registration_no": "1-0001"},
        ),
    ]
    file = write(tmp_path / "in.json", records)
    code, out, _ = run(capsys, "validate", "--json", "--input", str(file), "--today", "01/01/2024")
    assert code == 1
    errors: dict[str, set[str]] = {}
    for finding in json.loads(out):
        if finding["severity"] == "error":
            errors.setdefault(finding["code"], set()).add(finding["rule"])
    assert errors == {
        "SK-E1": {"E1_APPLIED_OUTSIDE_WINDOW"},
        "SK-E2": {"E2_NOT_RECOGNISED"},
        "SK-E3E4": {"E3_PUBLIC_ORDER", "E4_IP_PROTECTED"},
    }


def test_validate_clean_file_exits_zero_and_explains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path / "ok.json", [record("SK-OK")])
    code, out, _ = run(capsys, "validate", "--json", "--explain", "--input", str(file))
    assert code == 0
    [item] = json.loads(out)
    assert item["phase"] == 1
    assert item["eligibility_date"] == "2022-04-20"
    assert item["credited_author"] == "Nguyễn Thị Hường"
    assert all(f["severity"] == "warning" for f in item["findings"])


def test_validate_finding_shape_matches_record_md(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(
        tmp_path / "e1.json",
        [record("SK-E1", application={"mode": "APPLIED", "first_applied_on": "2023-09-02"})],
    )
    _, out, _ = run(capsys, "validate", "--json", "--input", str(file))
    [finding] = [f for f in json.loads(out) if f["severity"] == "error"]
    assert finding == {
        "initiative": "id-SK-E1",
        "code": "SK-E1",
        "rule": "E1_APPLIED_OUTSIDE_WINDOW",
        "severity": "error",
        "field": "application.first_applied_on",
        "message": finding["message"],
    }
    assert "02/09/2023" in finding["message"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([record("SK-1"), record("SK-2", title=5)], "bản ghi số 2 (SK-2), trường title"),
        (
            [record("SK-1", authors=[{"full_name": "A", "contribution_pct": "x"}])],
            "trường authors[0].contribution_pct",
        ),
        (
            [record("SK-1", application={"first_applied_on": "2022-02-30"})],
            "trường application.first_applied_on: “2022-02-30” không phải ngày có thật",
        ),
        ([record("SK-1", kind="PHAT_MINH")], "trường kind: loại sáng kiến “PHAT_MINH”"),
        (
            [{k: v for k, v in record("SK-1").items() if k != "title"}],
            "thiếu trường bắt buộc “title”",
        ),
        ([record("SK-1"), record("SK-1", id="other")], "bản ghi số 2 (SK-1), trường code"),
        ({"not": "records"}, "bản ghi số 1: thiếu trường bắt buộc"),
    ],
    ids=[
        "wrong-type",
        "bad-share",
        "unreal-date",
        "unknown-kind",
        "missing-title",
        "duplicate-code",
        "not-a-record",
    ],
)
def test_bad_file_is_refused_whole_naming_record_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dbfile: str, data: Any, expected: str
) -> None:
    file = write(tmp_path / "bad.json", data)
    before = _dump(dbfile)
    code, _, err = run(capsys, "--db", dbfile, "import", "initiatives", str(file))
    assert code == 2
    assert expected in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert _dump(dbfile) == before


def test_malformed_json_names_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "broken.json"
    file.write_text('[\n  {"id": "x",\n  "code": }\n]', encoding="utf-8")
    code, _, err = run(capsys, "validate", "--input", str(file))
    assert code == 2
    assert "dòng 3, cột 11" in err


def test_missing_file_and_bad_date_option_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "validate", "--input", str(tmp_path / "nope.json"))
    assert code == 2 and "Không tìm thấy tệp" in err
    code, _, err = run(capsys, "validate", "--input", str(tmp_path), "--today", "31/02/2024")
    assert code == 2 and "--today" in err


def _dump(dbfile: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(dbfile) as connection:
        return [
            *connection.execute("SELECT id, code, title, status FROM initiatives ORDER BY id"),
            *connection.execute("SELECT initiative_id, full_name FROM authors ORDER BY id"),
        ]


def test_import_then_reimport_updates_instead_of_duplicating(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dbfile: str
) -> None:
    file = write(tmp_path / "in.json", [record("SK-1"), record("SK-2")])
    code, out, _ = run(capsys, "--db", dbfile, "import", "initiatives", str(file))
    assert code == 0 and "2 sáng kiến mới" in out
    write(file, [record("SK-1", title="Tên đã sửa"), record("SK-2")])
    code, out, _ = run(capsys, "--db", dbfile, "import", "initiatives", str(file))
    assert code == 0 and "0 sáng kiến mới, cập nhật 2" in out
    rows = _dump(dbfile)
    assert [r[1] for r in rows[:2]] == ["SK-1", "SK-2"] and rows[0][2] == "Tên đã sửa"
    assert len(rows) == 2 + 4  # two initiatives, two authors each


def test_export_json_round_trips_through_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dbfile: str
) -> None:
    source = [record("SK-1"), record("SK-2", kind="QUAN_LY", subkind=None)]
    run(capsys, "--db", dbfile, "import", "initiatives", str(write(tmp_path / "a.json", source)))
    out_file = tmp_path / "out.json"
    code, _, _ = run(capsys, "--db", dbfile, "export", "json", str(out_file))
    assert code == 0
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    assert [r["code"] for r in exported] == ["SK-1", "SK-2"]
    assert exported[0]["authors"][1]["full_name"] == "Đặng Văn Đức"
    assert exported[0]["benefits"]["economic_value_vnd"] == 125000000
    other = str(tmp_path / "other.sqlite")
    run(capsys, "--db", other, "init", "--name", "CĐ khác", "--code", "CD-K")
    code, _, _ = run(capsys, "--db", other, "import", "initiatives", str(out_file))
    assert code == 0
    again = tmp_path / "again.json"
    run(capsys, "--db", other, "export", "json", str(again))
    strip = lambda rows: [{k: v for k, v in r.items() if k != "unit_code"} for r in rows]  # noqa: E731
    assert strip(json.loads(again.read_text(encoding="utf-8"))) == strip(exported)


def test_search_finds_nguyen_dang_in_demo_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dbfile = str(tmp_path / "demo.sqlite")
    code, out, _ = run(capsys, "--db", dbfile, "demo")
    assert code == 0 and "80 sáng kiến" in out
    code, out, _ = run(capsys, "--db", dbfile, "search", "nguyen dang")
    assert code == 0
    assert "Nguyễn Đăng Khoa" in out
    code, out, _ = run(capsys, "--db", dbfile, "search", "NGUYỄN ĐĂNG")
    assert "Nguyễn Đăng Khoa" in out
    code, _, err = run(capsys, "--db", dbfile, "demo")
    assert code == 2 and "--force" in err


def test_member_add_and_list_sorted_the_vietnamese_way(
    capsys: pytest.CaptureFixture[str], dbfile: str
) -> None:
    for name in ("Đỗ Văn Đức", "Trần Thị Dung", "Nguyễn Văn An", "Lê Thị Ánh"):
        code, _, err = run(capsys, "--db", dbfile, "member", "add", name, "--birth", "02/03/1990")
        assert code == 0, err
    code, out, _ = run(capsys, "--db", dbfile, "member", "list")
    names = [line[8:36].strip() for line in out.splitlines()[:-1]]
    assert names == ["Nguyễn Văn An", "Lê Thị Ánh", "Trần Thị Dung", "Đỗ Văn Đức"]
    code, out, _ = run(capsys, "--db", dbfile, "member", "list", "--search", "duc")
    assert "Đỗ Văn Đức" in out and "An" not in out.split("—")[0]
    code, _, err = run(capsys, "--db", dbfile, "member", "add", "X", "--birth", "31/02/1990")
    assert code == 2 and "--birth" in err


def test_move_follows_the_workflow_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dbfile: str
) -> None:
    file = write(tmp_path / "in.json", [record("SK-1", status="IDEA", recognition=None)])
    run(capsys, "--db", dbfile, "import", "initiatives", str(file))
    code, _, err = run(capsys, "--db", dbfile, "move", "SK-1", "RECOGNISED")
    assert code == 2 and "không được chuyển" in err
    assert run(capsys, "--db", dbfile, "move", "SK-1", "DRAFTING")[0] == 0
    code, _, err = run(capsys, "--db", dbfile, "move", "SK-1", "SUBMITTED")
    assert code == 2 and "ngày Hội đồng nhận đơn" in err
    assert run(capsys, "--db", dbfile, "move", "SK-1", "SUBMITTED", "--date", "01/04/2022")[0] == 0
    code, _, err = run(capsys, "--db", dbfile, "move", "SK-1", "RECOGNISED")
    assert code == 2 and "quyết định công nhận" in err


def test_initiative_show_prints_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dbfile: str
) -> None:
    file = write(tmp_path / "in.json", [record("SK-1", content_review=None)])
    run(capsys, "--db", dbfile, "import", "initiatives", str(file))
    code, out, _ = run(capsys, "--db", dbfile, "initiative", "show", "SK-1")
    assert code == 0
    assert "E3_PUBLIC_ORDER" in out and "125.000.000 đ" in out
    code, _, err = run(capsys, "--db", dbfile, "initiative", "show", "SK-404")
    assert code == 2 and "SK-404" in err


def _sheet(path: Path, rows: list[list[Any]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Đoàn viên"
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_member_import_reads_an_excel_sheet_and_reimport_updates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dbfile: str
) -> None:
    file = _sheet(
        tmp_path / "dv.xlsx",
        [
            ["HỌ VÀ TÊN", "Ngày sinh", "Phòng ban"],
            ["Nguyễn Thị Hường", "12/04/1986", "Phân xưởng Hàn"],
            [None, None, None],
            ["Đặng Văn Đức", "03/02/1990", "Phòng Kỹ thuật"],
        ],
    )
    code, out, err = run(capsys, "--db", dbfile, "member", "import", str(file))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", dbfile, "member", "import", str(file))
    assert code == 0
    code, out, _ = run(capsys, "--db", dbfile, "member", "list")
    assert out.count("Nguyễn Thị Hường") == 1 and "Đặng Văn Đức" in out


def test_member_import_refuses_a_bad_date_naming_row_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dbfile: str
) -> None:
    file = _sheet(
        tmp_path / "bad.xlsx",
        [
            ["Họ và tên", "Ngày sinh"],
            ["Nguyễn Văn An", "01/01/1990"],
            ["Trần Thị Bình", "31/02/1991"],
        ],
    )
    code, _, err = run(capsys, "--db", dbfile, "member", "import", str(file))
    assert code == 2
    assert "dòng 3" in err and "31/02/1991" in err
    code, out, _ = run(capsys, "--db", dbfile, "member", "list")
    assert "— 0 đoàn viên" in out


def test_restoring_an_older_backup_leaves_an_audit_chain_that_verifies(
    dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deliberate restore starts a new anchor, so the shorter chain is not a 'cut'."""
    assert run(capsys, "--db", dbfile, "member", "add", "Nguyễn Văn An")[0] == 0
    code, out, err = run(capsys, "--db", dbfile, "backup")
    assert code == 0, err
    copy = next((Path(dbfile).parent / "backups").glob("*.sqlite"))
    assert run(capsys, "--db", dbfile, "member", "add", "Trần Thị Bình")[0] == 0
    code, _, err = run(capsys, "--db", dbfile, "restore", str(copy), "--yes")
    assert code == 0, err
    code, out, err = run(capsys, "--db", dbfile, "audit", "verify")
    assert "nguyên vẹn" in out
    assert code == 0, err
    assert "Bình" not in run(capsys, "--db", dbfile, "member", "list")[1]


def test_demo_on_a_new_file_ignores_the_user_named_in_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANGKIEN_USER", "chutich")
    monkeypatch.setenv("SANGKIEN_PASSWORD", DEMO_PASSWORD)
    dbfile = str(tmp_path / "moi.sqlite")
    code, out, err = run(capsys, "--db", dbfile, "demo")
    assert code == 0, err
    assert "80 sáng kiến" in out
    code, out, err = run(capsys, "--db", dbfile, "member", "add", "Trần Thị Bình")
    assert code == 0, err  # signed in as chutich, one of the demo accounts


def _disk_full(_db: Any) -> None:
    raise OSError(28, "No space left on device")


def test_a_failed_demo_leaves_no_database_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_service, "add_demo_accounts", _disk_full)
    code, _, err = run(capsys, "--db", str(tmp_path / "moi.sqlite"), "demo")
    assert code == 2 and "No space left on device" in err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_demo_force_keeps_the_database_it_was_to_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    dbfile = tmp_path / "demo.sqlite"
    assert run(capsys, "--db", str(dbfile), "demo")[0] == 0
    before = sorted(p.name for p in tmp_path.iterdir())
    monkeypatch.setattr(demo_service, "add_demo_accounts", _disk_full)
    monkeypatch.setenv("SANGKIEN_PASSWORD", DEMO_PASSWORD)
    code, _, err = run(capsys, "--db", str(dbfile), "--user", "quantri", "demo", "--force")
    assert code == 2 and "No space left on device" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    code, _, err = run(capsys, "--db", str(dbfile), "--user", "xem", "member", "list")
    assert code == 0, err  # the demo accounts are still there
