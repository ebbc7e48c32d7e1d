"""Coverage-guided fuzzing of the three readers with atheris (libFuzzer), for long runs by hand.

atheris is not a dependency of the project (CI runs the hypothesis tests only). Install it
beside the virtual environment and run one target at a time::

    .venv/bin/pip install --target /tmp/atheris-lib "atheris>=2.3"
    PYTHONPATH=/tmp/atheris-lib .venv/bin/python -m tests.fuzz.atheris_run json \\
        -max_total_time=600

Targets: ``json`` (records/io.py), ``members`` and ``initiatives`` (the Excel importer),
``bundle`` (exchange/verify.py). The corpus starts from a valid seed of each kind (written to
``/tmp/sangkien-atheris/<target>/corpus``; libFuzzer adds what it finds there). Any exception
other than a SangKienError, a result without a clear problem, a file left in the temporary
folder, or an example slower than 5 s stops the run and leaves ``crash-…`` with the input.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from sangkien_desktop.errors import SangKienError
    from sangkien_desktop.exchange.verify import verify_bundle
    from sangkien_desktop.program import load_profile
    from sangkien_desktop.records.io import load_records_file
    from sangkien_desktop.spreadsheets import initiatives, members

from tests.fuzz.conftest import (
    INITIATIVE_ROWS,
    MEMBER_ROWS,
    is_clear,
    json_seed,
    new_db,
    xlsx_seed,
)

WORK = Path(tempfile.gettempdir()) / "sangkien-atheris"
PROFILE = load_profile()


def _bundle_seed(folder: Path) -> tuple[bytes, list]:
    """A signed bundle of three READY initiatives and the key list that trusts it."""
    from sangkien_desktop.exchange import keys
    from sangkien_desktop.exchange.export import export_bundle
    from tests.exchange.conftest import PASSPHRASE, add_ready

    keys.KDF = {**keys.KDF, "n": 2**10}
    database = new_db(folder / "db")
    keys.create_unit_key(database, PASSPHRASE)
    add_ready(database, PROFILE, folder / "files")
    result = export_bundle(database, PROFILE, folder / "out", PASSPHRASE)
    trusted = keys.trusted_keys(database)
    database.close()
    return result.path.read_bytes(), trusted


def main() -> None:
    target = sys.argv[1] if len(sys.argv) > 1 else ""
    if target not in ("json", "members", "initiatives", "bundle"):
        sys.exit("dùng: python -m tests.fuzz.atheris_run json|members|initiatives|bundle [...]")
    base = WORK / target
    corpus, scratch = base / "corpus", base / "scratch"
    corpus.mkdir(parents=True, exist_ok=True)
    scratch.mkdir(parents=True, exist_ok=True)
    system_tmp = base / "tmp"
    system_tmp.mkdir(exist_ok=True)
    db = new_db(base / "db", "CDCS-NHAN")
    trusted: list = []
    suffix = {"json": ".json", "bundle": ".zip"}.get(target, ".xlsx")
    if target == "json":
        seed = json_seed()
    elif target == "bundle":
        seed, trusted = _bundle_seed(base / "seed")
    else:
        rows = MEMBER_ROWS if target == "members" else INITIATIVE_ROWS
        seed = xlsx_seed(target, rows, base)
    (corpus / f"seed{suffix}").write_bytes(seed)
    tempfile.tempdir = str(system_tmp)
    path = scratch / f"dau-vao{suffix}"

    def read(data: bytes) -> None:
        path.write_bytes(data)
        start = time.perf_counter()
        try:
            if target == "json":
                load_records_file(path, PROFILE)
            elif target == "members":
                members.read_members(path)
            elif target == "initiatives":
                initiatives.read_initiatives(db, path, PROFILE)
            else:
                result = verify_bundle(path, trusted=trusted, profile=PROFILE)
                assert result.valid or result.problems
                for line in result.problems:
                    assert is_clear(line, path.name), line
        except SangKienError as exc:
            assert is_clear(exc.message, path.name), exc.message
        elapsed = time.perf_counter() - start
        assert elapsed < 5, f"{elapsed:.1f} s"
        assert not os.listdir(system_tmp), os.listdir(system_tmp)

    one_input: Callable[[bytes], None] = read
    argv = [sys.argv[0], *sys.argv[2:], str(corpus)]
    atheris.Setup(argv, one_input)
    try:
        atheris.Fuzz()
    finally:
        db.close()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
