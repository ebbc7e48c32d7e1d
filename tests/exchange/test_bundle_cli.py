"""``sangkien key``, ``export bundle``, ``verify``, ``import bundle``, ``report upper``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sangkien_desktop.cli import main
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.storage import Database
from tests.exchange.conftest import PASSPHRASE, add_ready, read_members, write_zip


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main([*args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.fixture(autouse=True)
def no_passphrase_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SANGKIEN_PASSPHRASE", raising=False)


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "mat-khau.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def _db(db: Database) -> str:
    return db.url


def test_key_init_show_and_export_public(
    db: Database, capsys: pytest.CaptureFixture[str], passphrase_file: Path, tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "--db", _db(db), "key", "init", "--passphrase-file", str(passphrase_file)
    )
    assert code == 0 and "Dấu vân tay:" in out
    fingerprint = out.split("Dấu vân tay: ")[1].split()[0]
    code, out, _ = run(capsys, "--db", _db(db), "key", "show")
    assert code == 0 and fingerprint in out
    code, out, _ = run(capsys, "--db", _db(db), "key", "export-public", str(tmp_path / "k.txt"))
    assert code == 0 and fingerprint in (tmp_path / "k.txt").read_text(encoding="utf-8")


def test_passphrase_comes_from_the_environment(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANGKIEN_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(capsys, "--db", _db(db), "key", "init")
    assert code == 0 and "Đã tạo khóa ký" in out


def test_passphrase_is_never_taken_from_the_command_line(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "--db", _db(db), "key", "init", "--passphrase", PASSPHRASE)
    assert code == 2 and "--passphrase" in err
    code, _out, err = run(capsys, "--db", _db(db), "key", "init")
    assert code == 2 and "--passphrase-file" in err and "SANGKIEN_PASSPHRASE" in err


def test_short_new_passphrase_is_refused(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "p").write_text("demo", encoding="utf-8")
    code, _out, err = run(
        capsys, "--db", _db(db), "key", "init", "--passphrase-file", str(tmp_path / "p")
    )
    assert code == 2 and "ít nhất 8 ký tự" in err


def test_wrong_passphrase_on_export_is_a_clear_error(
    keyed_db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add_ready(keyed_db, profile, tmp_path / "files")
    (tmp_path / "p").write_text("không đúng\n", encoding="utf-8")
    code, _out, err = run(
        capsys, "--db", _db(keyed_db), "export", "bundle", str(tmp_path / "out"),
        "--passphrase-file", str(tmp_path / "p"),
    )  # fmt: skip
    assert code == 2 and err.startswith("Lỗi: Mật khẩu khóa ký không đúng")
    assert "Traceback" not in err


def test_export_verify_trust_import_and_report(
    keyed_db: Database,
    db_factory: Callable[..., Database],
    profile: ProgramProfile,
    capsys: pytest.CaptureFixture[str],
    passphrase_file: Path,
    tmp_path: Path,
) -> None:
    add_ready(keyed_db, profile, tmp_path / "files")
    out_dir = tmp_path / "out"
    code, out, _ = run(
        capsys, "--db", _db(keyed_db), "export", "bundle", str(out_dir),
        "--passphrase-file", str(passphrase_file),
    )  # fmt: skip
    assert code == 0 and "Đã xuất gói số 1" in out
    [bundle] = list(out_dir.iterdir())
    code, out, _ = run(capsys, "--db", _db(keyed_db), "verify", str(bundle))
    assert code == 0 and "KẾT QUẢ: gói hợp lệ" in out
    run(capsys, "--db", _db(keyed_db), "key", "export-public", str(tmp_path / "k.txt"))

    upper = _db(db_factory("LDLD-TN", "Liên đoàn Lao động huyện Thử nghiệm"))
    code, out, _ = run(capsys, "--db", upper, "import", "bundle", str(out_dir))
    assert code == 1 and "chưa được tin cậy" in out
    code, out, _ = run(
        capsys, "--db", upper, "verify", str(bundle), "--trust", str(tmp_path / "k.txt")
    )
    assert code == 0 and "Đã tin cậy khóa" in out
    code, out, _ = run(capsys, "--db", upper, "import", "bundle", str(bundle))
    assert code == 0 and "3 mới" in out
    code, out, _ = run(capsys, "--db", upper, "report", "upper", str(tmp_path / "bao-cao.xlsx"))
    assert code == 0 and "CDCS-TEST" in out
    assert load_workbook(tmp_path / "bao-cao.xlsx", read_only=True).sheetnames[0] == "Đơn vị"


def test_verify_of_a_changed_bundle_exits_1_with_the_reason(
    keyed_db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str],
    passphrase_file: Path, tmp_path: Path,
) -> None:  # fmt: skip
    add_ready(keyed_db, profile, tmp_path / "files")
    run(capsys, "--db", _db(keyed_db), "export", "bundle", str(tmp_path / "out"),
        "--passphrase-file", str(passphrase_file))  # fmt: skip
    [bundle] = list((tmp_path / "out").iterdir())
    base, members = read_members(bundle)
    members["data/unit.json"] = members["data/unit.json"].replace(b"Th", b"th", 1)
    changed = write_zip(tmp_path / "changed.zip", base, members)
    code, out, _ = run(capsys, "--db", _db(keyed_db), "verify", str(changed))
    assert code == 1
    assert "✗ Tệp “data/unit.json” đã bị thay đổi" in out and "KHÔNG HỢP LỆ" in out


def test_confirm_uploaded_and_bundle_list(
    keyed_db: Database, profile: ProgramProfile, capsys: pytest.CaptureFixture[str],
    passphrase_file: Path, tmp_path: Path,
) -> None:  # fmt: skip
    add_ready(keyed_db, profile, tmp_path / "files")
    run(capsys, "--db", _db(keyed_db), "export", "bundle", str(tmp_path / "out"),
        "--passphrase-file", str(passphrase_file))  # fmt: skip
    code, out, _ = run(capsys, "--db", _db(keyed_db), "export", "bundles")
    assert code == 0 and "3 chờ lên Cổng" in out
    code, out, _ = run(
        capsys, "--db", _db(keyed_db), "export", "confirm-uploaded", "1", "--date", "02/05/2023"
    )
    assert code == 0 and "3 sáng kiến chuyển sang “Đã lên Cổng”" in out
    code, out, _ = run(capsys, "--db", _db(keyed_db), "export", "bundles")
    assert "lên Cổng 02/05/2023" in out


def test_demo_unit_can_export_at_once_with_passphrase_demo(
    demo_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("SANGKIEN_PASSPHRASE", "demo")
    code, out, err = run(capsys, "--db", _db(demo_db), "export", "bundle", str(tmp_path / "out"))
    assert code == 0, err
    assert "Đã xuất gói số 1" in out


def test_key_trust_refuses_a_fingerprint_that_differs_from_the_sheet(
    keyed_db: Database,
    db_factory: Callable[..., Database],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    run(capsys, "--db", _db(keyed_db), "key", "export-public", str(tmp_path / "k.txt"))
    upper = _db(db_factory("LDLD-TN", "Liên đoàn Lao động huyện Thử nghiệm"))
    code, _out, err = run(
        capsys, "--db", upper, "key", "trust", str(tmp_path / "k.txt"),
        "--fingerprint", "AAAA-BBBB-CCCC-DDDD-EEEE",
    )  # fmt: skip
    assert code == 2 and "KHÔNG tin cậy khóa này" in err
    code, out, _ = run(capsys, "--db", upper, "key", "trusted")
    assert "— 0 khóa" in out
    code, out, _ = run(capsys, "--db", upper, "key", "trust", str(tmp_path / "k.txt"))
    assert code == 0 and "(CDCS-TEST)" in out
    code, out, _ = run(capsys, "--db", upper, "key", "trusted")
    assert "CDCS-TEST" in out and "— 1 khóa" in out
