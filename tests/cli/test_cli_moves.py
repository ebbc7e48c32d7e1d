"""``sangkien moves`` names where an initiative can go now and why not yet (the editor's move
buttons give the same reasons); ``sangkien move … RECOGNISED`` carries the decision."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.test_cli import record, run, write


@pytest.fixture
def submitted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "cli.sqlite")
    assert run(capsys, "--db", path, "init", "--name", "Công đoàn Thử", "--code", "CD-T")[0] == 0
    file = write(tmp_path / "in.json", [record("SK-1", status="IDEA", recognition=None)])
    assert run(capsys, "--db", path, "import", "initiatives", str(file))[0] == 0
    assert run(capsys, "--db", path, "move", "SK-1", "DRAFTING")[0] == 0
    assert run(capsys, "--db", path, "move", "SK-1", "SUBMITTED", "--date", "01/04/2022")[0] == 0
    return path


def test_moves_lists_the_reachable_states_with_the_reason(
    submitted: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", submitted, "moves", "SK-1")
    assert code == 0, err
    lines = out.splitlines()
    assert "đang ở “Đã nộp Hội đồng”" in lines[0]
    assert any(line.split()[0] == "DRAFTING" and "chuyển được" in line for line in lines[1:])
    assert any(line.split()[0] == "RECOGNISED" for line in lines[1:])
    assert not any(line.split()[0] == "READY" for line in lines[1:])


def test_move_to_recognised_carries_the_decision(
    submitted: str, capsys: pytest.CaptureFixture[str]
) -> None:
    decided = (date.today() - timedelta(days=1)).strftime("%d/%m/%Y")
    code, _, err = run(
        capsys, "--db", submitted, "move", "SK-1", "RECOGNISED", "--recognised-by", "COUNCIL"
    )
    assert code == 2 and "cần số và ngày quyết định công nhận" in err
    args = ["--recognised-by", "council", "--body", "Hội đồng sáng kiến"]
    args += ["--decision-no", "9/QĐ", "--decided-on", decided]
    code, _, err = run(capsys, "--db", submitted, "move", "SK-1", "RECOGNISED", *args)
    assert code == 0, err
    _, shown, _ = run(capsys, "--db", submitted, "initiative", "show", "SK-1")
    assert "Đã được công nhận" in shown and "9/QĐ" in shown
