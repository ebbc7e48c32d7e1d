"""``sangkien template``, ``import … FILE.xlsx [--dry-run]``, ``export xlsx``, ``stats``,
``target set``, run through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sangkien_desktop.cli import main
from sangkien_desktop.storage import Database
from tests.spreadsheets.conftest import write_sheet


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main([*args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.fixture
def dbfile(db: Database) -> str:
    return str(db.path)


@pytest.fixture
def demofile(demo_db: Database) -> str:
    return str(demo_db.path)


def test_template_command_writes_a_template(
    capsys: pytest.CaptureFixture[str], dbfile: str, tmp_path: Path
) -> None:
    out_file = tmp_path / "mau-sang-kien.xlsx"
    code, _, err = run(capsys, "--db", dbfile, "template", "initiatives", str(out_file))
    assert code == 0, err
    assert load_workbook(out_file).sheetnames == ["Sáng kiến", "Danh mục"]


def test_dry_run_prints_every_problem_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], dbfile: str, tmp_path: Path
) -> None:
    path = write_sheet(
        tmp_path / "dv.xlsx",
        [["Họ và tên", "Ngày sinh"], ["Nguyễn Văn An", "30/02/1990"], ["Lê Thị Bình", "x"]],
    )
    code, out, _ = run(capsys, "--db", dbfile, "import", "members", str(path), "--dry-run")
    assert code == 2
    assert "2 dòng đoàn viên" in out and "2 lỗi" in out
    assert "Trang “Đoàn viên”, dòng 2, cột B (Ngày sinh)" in out
    assert "Trang “Đoàn viên”, dòng 3, cột B (Ngày sinh)" in out
    code, out, _ = run(capsys, "--db", dbfile, "member", "list")
    assert "— 0 đoàn viên" in out


def test_dry_run_of_a_good_file_counts_additions(
    capsys: pytest.CaptureFixture[str], dbfile: str, tmp_path: Path
) -> None:
    path = write_sheet(tmp_path / "dv.xlsx", [["Họ và tên"], ["Nguyễn Văn An"], ["Lê Thị Bình"]])
    code, out, _ = run(capsys, "--db", dbfile, "member", "import", str(path), "--dry-run")
    assert code == 0 and "2 thêm mới, 0 cập nhật" in out


def test_import_initiatives_from_excel_then_again_updates(
    capsys: pytest.CaptureFixture[str], dbfile: str, tmp_path: Path
) -> None:
    path = write_sheet(
        tmp_path / "sk.xlsx",
        [["Mã sáng kiến", "Tên sáng kiến", "Loại", "Tác giả"],
         ["SK-1", "Quy trình mới", "Giải pháp kỹ thuật", "Lê Văn C"]],
        title="Sáng kiến",
    )  # fmt: skip
    code, out, err = run(capsys, "--db", dbfile, "import", "initiatives", str(path))
    assert code == 0, err
    assert "Đã nhập 1 sáng kiến mới, cập nhật 0" in out
    code, out, _ = run(capsys, "--db", dbfile, "import", "initiatives", str(path))
    assert "Đã nhập 0 sáng kiến mới, cập nhật 1" in out


def test_import_of_a_refused_workbook_says_where_in_one_line(
    capsys: pytest.CaptureFixture[str], dbfile: str, tmp_path: Path
) -> None:
    path = write_sheet(
        tmp_path / "sk.xlsx",
        [["Mã", "Tên sáng kiến", "Loại", "Tác giả"], ["SK-1", "Một", "Không rõ", "Lê Văn C"]],
    )
    code, _, err = run(capsys, "--db", dbfile, "import", "initiatives", str(path))
    assert code == 2
    assert "dòng 2, cột C (Loại)" in err and "Traceback" not in err


def test_import_of_an_unknown_file_kind_names_both_formats(
    capsys: pytest.CaptureFixture[str], dbfile: str, tmp_path: Path
) -> None:
    path = tmp_path / "sk.csv"
    path.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--db", dbfile, "import", "initiatives", str(path))
    assert code == 2 and ".json" in err and ".xlsx" in err


@pytest.mark.parametrize("what", ["initiatives", "members", "stats"])
def test_export_xlsx_writes_a_workbook(
    capsys: pytest.CaptureFixture[str], demofile: str, tmp_path: Path, what: str
) -> None:
    out_file = tmp_path / f"{what}.xlsx"
    code, out, err = run(capsys, "--db", demofile, "export", "xlsx", what, str(out_file))
    assert code == 0, err
    assert str(out_file) in out
    assert load_workbook(out_file, read_only=True).sheetnames


def test_stats_json_and_targets(capsys: pytest.CaptureFixture[str], demofile: str) -> None:
    code, _, err = run(capsys, "--db", demofile, "target", "set", "12", "--quarter", "1/2024")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", demofile, "stats", "--json")
    data = json.loads(out)
    assert data["initiatives"] == 80
    assert data["participation"]["headcount"] == 300
    assert {"label": "Quý 1/2024", "phase": None, "year": 2024, "quarter": 1, "target": 12,
            "actual": 0} in data["quarter_targets"]  # fmt: skip


def test_target_set_refuses_a_phase_the_program_does_not_have(
    capsys: pytest.CaptureFixture[str], demofile: str
) -> None:
    code, _, err = run(capsys, "--db", demofile, "target", "set", "10", "--phase", "7")
    assert code == 2 and "Giai đoạn 7" in err
