"""``sangkien print …`` through the real entry point."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sangkien_desktop.cli import main
from sangkien_desktop.documents.fonts import font_in_use
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.storage import Database
from tests.documents.conftest import pdf_pages, pdf_text

Add = Callable[..., InitiativeRecord]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main([*args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_print_certificates_for_codes(
    capsys: pytest.CaptureFixture[str], unit_db: Database, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001")
    out = tmp_path / "gcn.pdf"
    code, stdout, _ = run(
        capsys, "--db", str(unit_db.path), "print", "certificates", str(out),
        "--codes", "SK-2022-0001", "--date", "05/01/2023",
    )  # fmt: skip
    assert code == 0
    assert "Đã in 2 giấy chứng nhận" in stdout
    assert "Hà Nội, ngày 05 tháng 01 năm 2023" in pdf_text(out)


def test_print_form_and_reward_decision(
    capsys: pytest.CaptureFixture[str], unit_db: Database, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001")
    db = ("--db", str(unit_db.path))
    sheet = str(tmp_path / "p.pdf")
    assert run(capsys, *db, "print", "form", "portal-sheet", "SK-2022-0001", sheet)[0] == 0
    code, stdout, _ = run(
        capsys, *db, "print", "reward-decision", str(tmp_path / "q.pdf"), "--decision-no", "12",
        "--date", "20/09/2023", "--codes", "SK-2022-0001", "--amount", "2000000",
    )  # fmt: skip
    assert code == 0
    assert "1 dòng" in stdout
    assert "Số: 12/QĐ-CĐCS" in pdf_text(tmp_path / "q.pdf")


def test_decision_number_below_ten_is_printed_with_a_leading_zero(
    capsys: pytest.CaptureFixture[str], unit_db: Database, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001")
    code, _, _ = run(
        capsys, "--db", str(unit_db.path), "print", "reward-decision", str(tmp_path / "q.pdf"),
        "--decision-no", "3", "--date", "20/09/2023", "--codes", "SK-2022-0001",
        "--amount", "2000000",
    )  # fmt: skip
    assert code == 0
    decision, annex = pdf_pages(tmp_path / "q.pdf")
    assert "Số: 03/QĐ-CĐCS" in decision
    assert "Kèm theo Quyết định số 03/QĐ-CĐCS ngày 20 tháng 9 năm 2023" in annex


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("certificates", "x.pdf"), "--codes SK-…,SK-… hoặc --all-recognised"),
        (("certificates", "x.pdf", "--codes", "SK-1", "--all-recognised"), "đúng một"),
        (("certificates", "x.pdf", "--codes", "SK-2022-0404"), "SK-2022-0404"),
        (("certificates", "x.pdf", "--all-recognised", "--date", "31/02/2023"), "--date"),
        (("form", "minutes", "SK-2022-0001", "x.pdf"), "Không có mẫu “minutes”"),
        (("reward-decision", "x.pdf", "--decision-no", "3", "--amount", "5"), "--amount cần"),
        (("settings", "--issuing", " "), "cơ quan ban hành"),
    ],
)
def test_bad_input_is_one_vietnamese_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    unit_db: Database,
    add: Add,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    message: str,
) -> None:
    add("SK-2022-0001")
    monkeypatch.chdir(tmp_path)
    code, _, stderr = run(capsys, "--db", str(unit_db.path), "print", *args)
    assert code == 2
    assert stderr.startswith("Lỗi: ") and message in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_settings_command_saves_and_shows(
    capsys: pytest.CaptureFixture[str], unit_db: Database
) -> None:
    code, stdout, _ = run(
        capsys, "--db", str(unit_db.path), "print", "settings", "--signatory-name", "Lê Thị Ỹ",
        "--recognising-body", "Tổng công ty Đông Á",
    )  # fmt: skip
    assert code == 0
    assert "signatory-name       Lê Thị Ỹ" in stdout
    assert "recognising-body     Tổng công ty Đông Á" in stdout
    assert f"font                 {font_in_use()} (phông chữ in văn bản)" in stdout
