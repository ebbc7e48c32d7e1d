"""Bundle numbers on a shared PostgreSQL database: two PCs exporting at once never take the
same number (tests/pg.py starts the server)."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest

from sangkien_desktop.exchange.export import export_bundle
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.locks import BUNDLES, serialize
from sangkien_desktop.storage.models import SentBundle
from tests.exchange.conftest import PASSPHRASE, add_ready
from tests.pg import wait_until_blocked


@pytest.mark.parametrize("store", ["postgresql"])
def test_a_second_pc_exporting_waits_and_takes_the_next_bundle_number(
    keyed_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    add_ready(keyed_db, profile, tmp_path / "files", files=0)
    other = open_database(keyed_db.url)
    results: list[object] = []

    def export_on_the_other_pc() -> None:
        try:
            results.append(export_bundle(other, profile, tmp_path / "out", PASSPHRASE).sequence)
        except Exception as exc:
            results.append(exc)

    thread = threading.Thread(target=export_on_the_other_pc)
    try:
        # The first PC is numbering its bundle (what export_bundle does, held open).
        with keyed_db.session() as session:
            serialize(session, BUNDLES)
            session.add(
                SentBundle(
                    id="first-pc",
                    sequence=1,
                    file_name="",
                    mode="pending",
                    key_fingerprint="",
                    initiative_count=0,
                    attachment_count=0,
                    payload_bytes=0,
                    created_at=datetime(2026, 3, 1, 8, 0),
                )
            )
            session.flush()
            thread.start()
            wait_until_blocked(keyed_db)
    finally:
        thread.join()
        other.close()
    assert results == [2]
