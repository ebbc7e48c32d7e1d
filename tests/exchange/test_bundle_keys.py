"""The unit's signing key: encrypted at rest, backed up and restored, trusted by fingerprint."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.exchange import keys
from sangkien_desktop.exchange.keys import (
    backup_unit_key,
    check_new_passphrase,
    create_unit_key,
    export_public_key,
    fingerprint,
    is_fingerprint,
    normalise_fingerprint,
    read_public_key_file,
    restore_unit_key,
    signing_key,
    trust_key,
    trusted_keys,
    unit_key_info,
    untrust_key,
)
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import UnitKey
from tests.exchange.conftest import PASSPHRASE


def test_new_key_signs_and_has_a_readable_fingerprint(keyed_db: Database) -> None:
    key, info = signing_key(keyed_db, PASSPHRASE)
    assert is_fingerprint(info.fingerprint) and info.fingerprint == fingerprint(info.public_key)
    signature = key.sign(b"noi dung")
    assert keys.verify_signature(info.public_key, signature, b"noi dung")
    assert not keys.verify_signature(info.public_key, signature, b"noi dung khac")


@pytest.mark.sqlite_only("reads the bytes of the database file")
def test_private_key_is_never_stored_in_clear(keyed_db: Database) -> None:
    key, _info = signing_key(keyed_db, PASSPHRASE)
    raw = key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    with keyed_db.reader() as session:
        [row] = session.query(UnitKey).all()
        assert row.private_key.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        assert row.kdf["name"] == "scrypt" and len(row.kdf["salt"]) >= 16
    assert keyed_db.path is not None
    keyed_db.close()
    stored = b"".join(p.read_bytes() for p in keyed_db.path.parent.glob("sangkien.sqlite*"))
    assert raw not in stored
    assert b"BEGIN PRIVATE KEY" not in stored


def test_real_keys_use_the_full_scrypt_cost(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the suite lowers the cost; a real key must not
    create_unit_key(db, PASSPHRASE)
    with db.reader() as session:
        assert session.query(UnitKey).one().kdf["n"] == 2**15


def test_wrong_passphrase_gives_a_clear_error(keyed_db: Database) -> None:
    with pytest.raises(InputError, match="Mật khẩu khóa ký không đúng"):
        signing_key(keyed_db, "mật khẩu sai")


def test_passphrase_typed_in_another_unicode_form_still_opens_the_key(keyed_db: Database) -> None:
    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    assert decomposed != PASSPHRASE
    signing_key(keyed_db, decomposed)


def test_short_passphrase_is_refused_for_a_new_key() -> None:
    with pytest.raises(InputError, match="ít nhất 8 ký tự"):
        check_new_passphrase("ngắn")


def test_a_second_key_needs_replace(keyed_db: Database) -> None:
    first = unit_key_info(keyed_db)
    with pytest.raises(InputError, match="--replace"):
        create_unit_key(keyed_db, PASSPHRASE)
    second = create_unit_key(keyed_db, PASSPHRASE, replace=True)
    assert first is not None and second.fingerprint != first.fingerprint
    assert unit_key_info(keyed_db) == second
    assert {k.fingerprint for k in trusted_keys(keyed_db)} == {
        first.fingerprint,
        second.fingerprint,
    }


def test_no_key_yet_says_how_to_make_one(db: Database) -> None:
    assert unit_key_info(db) is None
    with pytest.raises(NotFoundError, match="sangkien key init"):
        signing_key(db, PASSPHRASE)


def test_backup_and_restore_give_back_the_same_key(
    keyed_db: Database, db_factory: Callable[..., Database], tmp_path: Path
) -> None:
    info = backup_unit_key(keyed_db, tmp_path / "khoa.bak", PASSPHRASE)
    saved = json.loads((tmp_path / "khoa.bak").read_text(encoding="utf-8"))
    assert saved["fingerprint"] == info.fingerprint
    assert "ENCRYPTED PRIVATE KEY" in saved["private_key"]
    other = db_factory()
    restored = restore_unit_key(other, tmp_path / "khoa.bak", PASSPHRASE)
    assert restored.fingerprint == info.fingerprint
    key, _ = signing_key(other, PASSPHRASE)
    assert keys.raw_public(key.public_key()) == info.public_key


def test_backup_needs_the_right_passphrase(keyed_db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không đúng"):
        backup_unit_key(keyed_db, tmp_path / "khoa.bak", "sai mật khẩu")
    assert not (tmp_path / "khoa.bak").exists()


def test_restore_with_a_wrong_passphrase_changes_nothing(
    keyed_db: Database, db_factory: Callable[..., Database], tmp_path: Path
) -> None:
    backup_unit_key(keyed_db, tmp_path / "khoa.bak", PASSPHRASE)
    other = db_factory()
    with pytest.raises(InputError, match="không đúng"):
        restore_unit_key(other, tmp_path / "khoa.bak", "sai mật khẩu")
    assert unit_key_info(other) is None


def test_restore_refuses_a_file_that_is_not_a_key_backup(db: Database, tmp_path: Path) -> None:
    (tmp_path / "x.bak").write_text('{"format": "khac"}', encoding="utf-8")
    with pytest.raises(InputError, match="không phải bản sao khóa"):
        restore_unit_key(db, tmp_path / "x.bak", PASSPHRASE)


def test_public_key_file_round_trips_with_unit_and_fingerprint(
    keyed_db: Database, tmp_path: Path
) -> None:
    info = export_public_key(keyed_db, tmp_path / "khoa-cong-khai.txt")
    text = (tmp_path / "khoa-cong-khai.txt").read_text(encoding="utf-8")
    assert "BEGIN PUBLIC KEY" in text and info.fingerprint in text and "PRIVATE" not in text
    read = read_public_key_file(tmp_path / "khoa-cong-khai.txt")
    assert (read.fingerprint, read.unit_code, read.public_key) == (
        info.fingerprint,
        "CDCS-TEST",
        info.public_key,
    )


def test_public_key_file_with_a_changed_fingerprint_is_refused(
    keyed_db: Database, tmp_path: Path
) -> None:
    info = export_public_key(keyed_db, tmp_path / "k.txt")
    forged = (
        (tmp_path / "k.txt")
        .read_text(encoding="utf-8")
        .replace(info.fingerprint, "AAAA-BBBB-CCCC-DDDD-EEEE")
    )
    (tmp_path / "k.txt").write_text(forged, encoding="utf-8")
    with pytest.raises(InputError, match="đã bị sửa"):
        read_public_key_file(tmp_path / "k.txt")


def test_trusted_key_is_bound_to_one_unit(
    keyed_db: Database, db_factory: Callable[..., Database], tmp_path: Path
) -> None:
    info = export_public_key(keyed_db, tmp_path / "k.txt")
    read = read_public_key_file(tmp_path / "k.txt")
    db = db_factory("LDLD-TN", "Liên đoàn Lao động huyện Thử nghiệm")
    trust_key(db, read)
    assert any(
        k.fingerprint == info.fingerprint and k.unit_code == "CDCS-TEST" for k in trusted_keys(db)
    )
    with pytest.raises(InputError, match="đã được tin cậy cho đơn vị"):
        trust_key(db, read, unit_code="CD-KHAC")
    untrust_key(db, normalise_fingerprint(info.fingerprint.lower().replace("-", " ")))
    assert all(k.fingerprint != info.fingerprint for k in trusted_keys(db))


def _key_rows(db: Database) -> list[tuple[str, str, str, dict[str, object]]]:
    from sangkien_desktop.security.audit import history

    rows = history(db, "key")
    return [(r.actor, r.action, r.entity_id, r.changes) for r in reversed(rows)]


@pytest.fixture
def admin_db(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """The test database with an administrator signed in."""
    from sangkien_desktop.security import access
    from sangkien_desktop.security.users import NewAccount, authenticate, create_first_accounts

    create_first_accounts(db, [NewAccount("admin", "Quản trị", "ADMIN", "mật-khẩu-dài")])
    access.sign_in(db, authenticate(db, "admin", "mật-khẩu-dài"))
    return db


def test_creating_and_replacing_the_key_is_audited_by_the_signed_in_admin(
    admin_db: Database,
) -> None:
    first = create_unit_key(admin_db, PASSPHRASE)
    second = create_unit_key(admin_db, PASSPHRASE, replace=True)
    assert _key_rows(admin_db) == [
        ("admin", "create", first.fingerprint, {"fingerprint": [None, first.fingerprint]}),
        (
            "admin",
            "create",
            second.fingerprint,
            {"fingerprint": [first.fingerprint, second.fingerprint]},
        ),
    ]


def test_backing_up_and_restoring_the_key_are_audited(admin_db: Database, tmp_path: Path) -> None:
    info = create_unit_key(admin_db, PASSPHRASE)
    backup_unit_key(admin_db, tmp_path / "khoa.json", PASSPHRASE)
    restore_unit_key(admin_db, tmp_path / "khoa.json", PASSPHRASE)
    fp = info.fingerprint
    assert _key_rows(admin_db)[1:] == [
        ("admin", "export", fp, {"file": [None, "khoa.json"]}),
        ("admin", "restore", fp, {"fingerprint": [fp, fp], "from_file": [None, "khoa.json"]}),
    ]


def test_trusting_and_untrusting_a_key_are_audited(admin_db: Database) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from sangkien_desktop.security.audit import verify_chain

    public = keys.raw_public(Ed25519PrivateKey.generate().public_key())
    key = keys.KeyInfo(fingerprint(public), public, None, "CDCS-A", "Công đoàn A")
    trust_key(admin_db, key)
    untrust_key(admin_db, key.fingerprint)
    fp = key.fingerprint
    assert _key_rows(admin_db) == [
        (
            "admin",
            "create",
            fp,
            {
                "fingerprint": [None, fp],
                "unit_code": [None, "CDCS-A"],
                "unit_name": [None, "Công đoàn A"],
            },
        ),
        (
            "admin",
            "delete",
            fp,
            {
                "fingerprint": [fp, None],
                "unit_code": ["CDCS-A", None],
                "unit_name": ["Công đoàn A", None],
            },
        ),
    ]
    assert verify_chain(admin_db) == []
