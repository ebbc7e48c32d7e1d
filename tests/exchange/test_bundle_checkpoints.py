"""Audit-chain checkpoints in bundles: carried signed, compared by the upper level, given back
to the unit to check its own log against (``exchange.checkpoints``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sangkien_desktop.cli import main
from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.combine import BundleImport, import_bundle
from sangkien_desktop.exchange.export import export_bundle
from sangkien_desktop.exchange.keys import trust_key, trusted_keys
from sangkien_desktop.exchange.verify import verify_bundle
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.security.audit import history, verify
from sangkien_desktop.services.initiatives import import_records
from sangkien_desktop.storage import Database
from tests.exchange.conftest import PASSPHRASE, Exported, read_members, ready_record
from tests.security.test_audit import _sql, rehash


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main([*args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def _rewrite_history(db: Database) -> int:
    """Edit an early audit row and recompute every hash after it: the chain stays whole."""
    target = history(db, limit=10_000)[-3].id
    _sql(db, f"UPDATE audit_log SET actor = 'Kẻ lạ' WHERE id = {target}")
    rehash(db, target)
    return target


def _send_next(db: Database, profile: ProgramProfile, number: int, out: Path) -> Path:
    import_records(db, [ready_record(number)], profile)
    return export_bundle(db, profile, out, PASSPHRASE).path


def _upper(db_factory: Callable[..., Database], unit: Database) -> Database:
    upper = db_factory("LDLD-HUYEN", "Liên đoàn Lao động huyện")
    trust_key(upper, trusted_keys(unit)[0])
    return upper


def test_bundle_carries_the_chain_end_signed(exported: Exported) -> None:
    found = verify_bundle(exported.path, trusted=trusted_keys(exported.db))
    assert found.ok and found.info is not None and found.info.audit is not None
    checkpoint = found.info.audit
    row = next(r for r in history(exported.db, limit=1000) if r.id == checkpoint.last_row)
    assert checkpoint.count == len([r for r in history(exported.db, limit=1000) if r.id <= row.id])
    _base, members = read_members(exported.path)
    assert f"SangKien-Audit-Last-Row: {row.id}".encode() in members[bagfmt.BAG_INFO]


def test_bag_info_without_a_checkpoint_or_of_a_later_version_reads_as_none() -> None:
    tags = [("SangKien-Audit-Version", "2"), ("SangKien-Audit-Count", "x")]
    assert bagfmt.parse_audit(tags) is None
    assert bagfmt.parse_audit([]) is None
    with pytest.raises(bagfmt.FormatProblem, match="mốc nhật ký"):
        bagfmt.parse_audit([("SangKien-Audit-Version", "1"), ("SangKien-Audit-Count", "x")])


def test_next_bundle_links_to_the_previous_checkpoint(
    exported: Exported, profile: ProgramProfile, tmp_path: Path
) -> None:
    first = verify_bundle(exported.path).info
    second = verify_bundle(_send_next(exported.db, profile, 9, tmp_path / "out2")).info
    assert first and first.audit and second and second.audit
    assert second.audit.earlier == {first.audit.last_row: first.audit.head}
    assert second.audit.count > first.audit.count


def test_upper_level_accepts_a_history_that_only_grew(
    exported: Exported,
    profile: ProgramProfile,
    tmp_path: Path,
    db_factory: Callable[..., Database],
) -> None:
    upper = _upper(db_factory, exported.db)
    assert import_bundle(upper, exported.path, profile).imported
    second = import_bundle(upper, _send_next(exported.db, profile, 9, tmp_path / "o"), profile)
    assert second.imported
    assert [w for w in second.warnings if "nhật ký" in w] == []


@pytest.mark.sqlite_only("rehash() tampers with sqlite3")
def test_upper_level_names_a_history_rewritten_between_two_bundles(
    exported: Exported,
    profile: ProgramProfile,
    tmp_path: Path,
    db_factory: Callable[..., Database],
) -> None:
    upper = _upper(db_factory, exported.db)
    assert import_bundle(upper, exported.path, profile).imported
    last_row = verify_bundle(exported.path).info.audit.last_row  # type: ignore[union-attr]
    _rewrite_history(exported.db)
    result: BundleImport = import_bundle(
        upper, _send_next(exported.db, profile, 9, tmp_path / "o"), profile
    )
    assert result.imported
    assert any(
        w.startswith(
            "CẢNH BÁO — nhật ký thay đổi của CDCS-TEST đã bị viết lại: gói số 2 cho "
            f"dòng nhật ký số {last_row} mã băm khác với gói số 1"
        )
        for w in result.warnings
    ), result.warnings


@pytest.mark.sqlite_only("rehash() tampers with sqlite3")
def test_a_late_older_bundle_is_checked_against_the_newer_one(
    exported: Exported,
    profile: ProgramProfile,
    tmp_path: Path,
    db_factory: Callable[..., Database],
) -> None:
    upper = _upper(db_factory, exported.db)
    _rewrite_history(exported.db)
    newer = _send_next(exported.db, profile, 9, tmp_path / "o")
    assert import_bundle(upper, newer, profile).imported
    late = import_bundle(upper, exported.path, profile)
    assert any("đã bị viết lại" in w for w in late.warnings), late.warnings


@pytest.mark.sqlite_only("rehash() tampers with sqlite3")
def test_verify_with_checkpoints_catches_a_history_rewritten_after_export(
    exported: Exported,
    profile: ProgramProfile,
    tmp_path: Path,
    db_factory: Callable[..., Database],
    capsys: pytest.CaptureFixture[str],
) -> None:
    unit = exported.db
    upper = _upper(db_factory, unit)
    assert import_bundle(upper, exported.path, profile).imported
    given_back = tmp_path / "moc.json"
    assert upper.path is not None and unit.path is not None
    args = ("--db", str(upper.path), "audit", "checkpoints", "--unit", "CDCS-TEST")
    code, out, err = _run(capsys, *args, "--out", str(given_back))
    assert code == 0, err
    check = ("--db", str(unit.path), "audit", "verify", "--checkpoints")
    code, out, err = _run(capsys, *check, str(given_back))
    assert code == 0, err
    assert "Nhật ký khớp với 1 mốc" in out
    target = _rewrite_history(unit)
    import_records(unit, [ready_record(9)], profile)  # the next write rewrites the anchor too
    (unit.path.parent / "sangkien.audit-anchor.json").unlink()
    import_records(unit, [ready_record(10)], profile)
    assert verify(unit).problems == []  # the local checks alone see nothing
    for source in (given_back, exported.path):
        code, _, err = _run(capsys, *check, str(source))
        assert code == 1
        assert "Nhật ký đã bị viết lại sau khi xuất gói số 1" in err
        assert "một dòng từ số 1 đến" in err and target > 0


def test_unit_without_checkpoints_received_cannot_export_them(
    keyed_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = ("--db", keyed_db.url, "audit", "checkpoints", "--unit", "CDCS-KHAC")
    code, _, err = _run(capsys, *args, "--out", str(tmp_path / "x.json"))
    assert code != 0 and "Chưa nhận gói nào của đơn vị CDCS-KHAC" in err
