"""The hostile-input corpus of issue 16 (tests/data/hostile/, made by ``make_corpus``): every
crafted input is refused with a clear Vietnamese message naming the record or row and the
field (corpus.toml lists the fragments), or taken when corpus.toml says ``accepted``; none
raises anything else, and a refused input changes nothing in the database."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sangkien_desktop.cli import main
from sangkien_desktop.errors import SangKienError
from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.combine import import_bundle
from sangkien_desktop.program import load_profile
from sangkien_desktop.records import io
from sangkien_desktop.services.initiatives import import_records
from sangkien_desktop.services.members import read_member_sheet
from sangkien_desktop.storage import Database
from tests.fuzz.conftest import BundleSeed, db_state, is_clear, new_db
from tests.hostile.conftest import signed_again
from tests.hostile.make_corpus import HOSTILE, KINDS, corpus
from tests.records.conftest import EXAMPLE

PROFILE = load_profile()
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads(
    (HOSTILE / "corpus.toml").read_text(encoding="utf-8")
)
INPUTS = sorted(p.name for p in HOSTILE.iterdir() if p.name.startswith(KINDS))


def _kind(name: str) -> list[str]:
    return [n for n in INPUTS if n.startswith(name)]


def _judge(name: str, error: SangKienError | None) -> None:
    """The outcome corpus.toml expects of input ``name``."""
    expected = EXPECTED[name]
    if expected.get("accepted"):
        assert error is None, f"{name} refused: {error}"
        return
    assert error is not None, f"{name} was accepted"
    message = error.message
    assert is_clear(message), message
    assert "Traceback" not in message
    for fragment in expected["refused"]:
        assert fragment in message, f"{name}: {fragment!r} not in {message!r}"


def test_every_input_has_an_expectation_and_the_script_still_makes_it() -> None:
    assert sorted(set(INPUTS) ^ set(EXPECTED)) == []
    made = corpus()
    assert sorted(made) == INPUTS
    for name, data in made.items():
        if not name.endswith(".xlsx"):
            assert (HOSTILE / name).read_bytes() == data, f"{name}: run make_corpus again"


@pytest.mark.parametrize("name", _kind("json-") + _kind("formula-"))
def test_json_import(name: str) -> None:
    try:
        io.load_records_file(HOSTILE / name, PROFILE)
        error = None
    except SangKienError as exc:
        error = exc
    _judge(name, error)


@pytest.mark.parametrize("name", _kind("cells-"))
def test_excel_import(name: str) -> None:
    try:
        read_member_sheet(HOSTILE / name)
        error = None
    except SangKienError as exc:
        error = exc
    _judge(name, error)


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Database]:
    db = new_db(tmp_path / "tinh", "LDLD-TINH")
    yield db
    db.close()


@pytest.mark.parametrize("name", _kind("bundle-"))
def test_bundle_import(
    name: str, bundle_seed: BundleSeed, receiver: Database, tmp_path: Path
) -> None:
    changes = json.loads((HOSTILE / name).read_text(encoding="utf-8"))
    members = dict(bundle_seed.members)
    tags = members[bagfmt.BAG_INFO].decode()
    for label, value in changes.get("bag_info", {}).items():
        tags, count = re.subn(rf"(?m)^{label}: .*$", f"{label}: {value}", tags)
        assert count == 1, label
    members[bagfmt.BAG_INFO] = tags.encode()
    unit = json.loads(members[bagfmt.UNIT]) | changes.get("unit_json", {})
    members[bagfmt.UNIT] = json.dumps(unit, ensure_ascii=False).encode()
    path = signed_again(bundle_seed, members, tmp_path)
    before = db_state(receiver)
    result = import_bundle(receiver, path, PROFILE, trusted=bundle_seed.trusted)
    _judge(name, None if result.imported else SangKienError(" ".join(result.problems)))
    if not result.imported:
        assert db_state(receiver) == before


@pytest.mark.parametrize("name", _kind("cli-"))
def test_command_line(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = new_db(tmp_path)
    raw = {**EXAMPLE, "code": "SK-2022-0001", "status": "SUBMITTED", "submitted_on": "2022-04-01"}
    record = io.parse_record(raw, PROFILE)
    import_records(db, [record], PROFILE)
    db.close()
    args = json.loads((HOSTILE / name).read_text(encoding="utf-8"))["args"]
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "sangkien.sqlite"), *args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    code = int(exit_info.value.code or 0)
    if EXPECTED[name].get("accepted"):
        assert code == 0, err
        return
    assert code == 2, (out, err)
    assert err.startswith("Lỗi: "), err
    _judge(name, SangKienError(err.removeprefix("Lỗi: ").strip()))
