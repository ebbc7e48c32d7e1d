"""The unit's Ed25519 signing key and the public keys of the units this database trusts.

The private key never touches the disk in clear: it is kept in the database as an encrypted
PKCS#8 PEM (``BestAvailableEncryption``: PBES2, AES-256-CBC). Because PKCS#8's own key derivation
is cheap (PBKDF2, 2048 rounds), the chair's passphrase is first stretched with scrypt
(``KDF`` below, a fresh salt per key) and the stretched value is the PEM's password; a stolen
database or backup file therefore costs an attacker an scrypt per guess. Passphrases are
NFC-normalised, so a Vietnamese passphrase typed with another keyboard layout still opens the key.

The fingerprint of a key is the first 100 bits of the SHA-256 of its 32 raw public bytes, in
base32, five groups of four characters (``ABCD-EFGH-IJKL-MNOP-QRST``): short enough to read
over the telephone and compare with the signed key registration sheet.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select

from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.files import atomic_write_text
from sangkien_desktop.security import audit
from sangkien_desktop.security.access import authorise
from sangkien_desktop.services.units import home_unit
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import TrustedKey, UnitKey
from sangkien_desktop.text import clean, nfc

KDF: dict[str, Any] = {"name": "scrypt", "n": 2**15, "r": 8, "p": 1, "length": 32}
MIN_PASSPHRASE = 8
BACKUP_FORMAT = "sangkien-unit-key-backup"
MAX_KEY_FILE_BYTES = 64 * 1024
_FINGERPRINT = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){4}")
_PEM = re.compile(
    rb"-----BEGIN PUBLIC KEY-----\s+[A-Za-z0-9+/=\s]+?-----END PUBLIC KEY-----", re.DOTALL
)


@dataclass(frozen=True)
class KeyInfo:
    """A public key and what identifies it."""

    fingerprint: str
    public_key: bytes  # the 32 raw bytes
    created_at: datetime | None = None
    unit_code: str = ""
    unit_name: str = ""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (ValueError, TypeError):
        raise InputError(f"{what} không phải dữ liệu base64 hợp lệ.") from None


def fingerprint(public_key: bytes) -> str:
    """``ABCD-EFGH-IJKL-MNOP-QRST``: 100 bits of SHA-256 of the raw public key, base32."""
    digest = base64.b32encode(hashlib.sha256(public_key).digest()).decode("ascii")[:20]
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


def normalise_fingerprint(text: str) -> str:
    """What a person typed (spaces, lower case, no dashes) as the canonical fingerprint."""
    letters = re.sub(r"[^A-Za-z2-7]", "", text).upper()
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_object(raw: bytes) -> Ed25519PublicKey:
    if len(raw) != 32:
        raise InputError("Khóa công khai Ed25519 phải dài đúng 32 byte.")
    return Ed25519PublicKey.from_public_bytes(raw)


def verify_signature(public_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        public_key_object(public_key).verify(signature, message)
    except (InvalidSignature, InputError, ValueError):
        return False
    return True


def check_new_passphrase(passphrase: str) -> None:
    """The rule for a passphrase a person chooses for a new key (the demo's ``demo`` excepted)."""
    if len(nfc(passphrase).strip()) < MIN_PASSPHRASE:
        raise InputError(
            f"Mật khẩu khóa ký phải có ít nhất {MIN_PASSPHRASE} ký tự.",
            english=f"The key passphrase needs at least {MIN_PASSPHRASE} characters.",
        )


def _stretch(passphrase: str, kdf: dict[str, Any]) -> bytes:
    """The PKCS#8 password: scrypt of the NFC passphrase, in base64."""
    if kdf.get("name") != "scrypt":
        raise InputError(f"Cách mã hóa khóa “{kdf.get('name')}” không được hỗ trợ.")
    try:
        n, r, p, length = int(kdf["n"]), int(kdf["r"]), int(kdf["p"]), int(kdf["length"])
        salt = unb64(str(kdf["salt"]), "Muối (salt) của khóa")
    except (KeyError, TypeError, ValueError):
        raise InputError("Thông số mã hóa của khóa ký bị hỏng.") from None
    if not (2**10 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16 and 16 <= length <= 64):
        raise InputError("Thông số mã hóa của khóa ký nằm ngoài giới hạn cho phép.")
    stretched = hashlib.scrypt(
        nfc(passphrase).encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=length,
        maxmem=256 * 1024 * 1024,
    )
    return base64.b64encode(stretched)


def _encrypt(private: Ed25519PrivateKey, passphrase: str) -> tuple[str, dict[str, Any]]:
    if not passphrase:
        raise InputError("Cần mật khẩu để mã hóa khóa ký.", english="A passphrase is required.")
    kdf = {**KDF, "salt": b64(os.urandom(16))}
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(_stretch(passphrase, kdf)),
    )
    return pem.decode("ascii"), kdf


def _decrypt(pem: str, kdf: dict[str, Any], passphrase: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem.encode("ascii"), _stretch(passphrase, kdf))
    except (ValueError, TypeError):
        raise InputError(
            "Mật khẩu khóa ký không đúng (hoặc tệp khóa bị hỏng).",
            english="Wrong key passphrase (or a damaged key).",
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError("Khóa đã lưu không phải khóa Ed25519.")
    return key


def _info(row: UnitKey, unit_code: str = "", unit_name: str = "") -> KeyInfo:
    return KeyInfo(
        row.fingerprint,
        unb64(row.public_key, "Khóa công khai"),
        row.created_at,
        unit_code,
        unit_name,
    )


def _active(db: Database) -> UnitKey | None:
    with db.reader() as session:
        return session.scalars(
            select(UnitKey).where(UnitKey.retired_at.is_(None)).order_by(UnitKey.id.desc())
        ).first()


def unit_key_info(db: Database) -> KeyInfo | None:
    """The unit's active key (public part), or None when the unit has none yet."""
    row = _active(db)
    if row is None:
        return None
    with db.reader() as session:
        unit = home_unit(session)
        return _info(row, unit.code, unit.name)


def _no_key() -> NotFoundError:
    return NotFoundError(
        "Đơn vị chưa có khóa ký: chạy “sangkien key init” (hoặc khôi phục bản sao khóa) trước.",
        english="The unit has no signing key yet: run 'sangkien key init' first.",
    )


def _store_key(
    db: Database,
    row: UnitKey,
    replace: bool,
    actor: str,
    action: str,
    extra: dict[str, list[Any]] | None = None,
) -> KeyInfo:
    """Make ``row`` the active key, retiring any other; one audit row ``action`` on entity
    "key" (the new fingerprint; changes: fingerprint old → new, plus ``extra``)."""
    with db.session() as session:
        unit = home_unit(session)
        current = session.scalars(select(UnitKey).where(UnitKey.retired_at.is_(None))).all()
        same = session.scalars(select(UnitKey).where(UnitKey.fingerprint == row.fingerprint))
        existing = same.first()
        if current and not replace and any(c.fingerprint != row.fingerprint for c in current):
            raise InputError(
                f"Đơn vị đã có khóa ký {current[0].fingerprint}; muốn thay khóa khác thì dùng "
                "--replace (khóa cũ được giữ lại nhưng không ký nữa, và cấp trên phải tin cậy "
                "khóa mới).",
                english="The unit already has a signing key; use --replace to replace it.",
            )
        now = datetime.now().replace(microsecond=0)
        for old in current:
            if old.fingerprint != row.fingerprint:
                old.retired_at = now
        if existing is not None:
            existing.private_key, existing.kdf, existing.retired_at = row.private_key, row.kdf, None
            row = existing
        else:
            session.add(row)
        session.flush()
        before = current[0].fingerprint if current else None
        changes = {"fingerprint": [before, row.fingerprint], **(extra or {})}
        audit.record(session, actor, "key", row.fingerprint, action, changes)
        return _info(row, unit.code, unit.name)


def create_unit_key(db: Database, passphrase: str, *, replace: bool = False) -> KeyInfo:
    """Give the home unit a new Ed25519 key, its private half encrypted with ``passphrase``
    ("key.manage")."""
    actor = authorise(db, "key.manage")
    private = Ed25519PrivateKey.generate()
    pem, kdf = _encrypt(private, passphrase)
    public = raw_public(private.public_key())
    row = UnitKey(
        fingerprint=fingerprint(public),
        public_key=b64(public),
        private_key=pem,
        kdf=kdf,
        created_at=datetime.now().replace(microsecond=0),
    )
    return _store_key(db, row, replace, actor, "create")


def signing_key(db: Database, passphrase: str) -> tuple[Ed25519PrivateKey, KeyInfo]:
    """The unit's private key, opened with ``passphrase`` (InputError when it is wrong)."""
    row = _active(db)
    if row is None:
        raise _no_key()
    key = _decrypt(row.private_key, row.kdf, passphrase)
    if raw_public(key.public_key()) != unb64(row.public_key, "Khóa công khai"):
        raise InputError("Khóa ký đã lưu bị hỏng: phần bí mật không khớp phần công khai.")
    with db.reader() as session:
        unit = home_unit(session)
        return key, _info(row, unit.code, unit.name)


def backup_unit_key(db: Database, path: Path, passphrase: str) -> KeyInfo:
    """Write the encrypted key to ``path`` after checking ``passphrase`` opens it, so the copy is
    known to be usable. The file holds the key only in its encrypted form ("key.manage"; an
    audit row "export" names the file)."""
    actor = authorise(db, "key.manage")
    _key, info = signing_key(db, passphrase)
    row = _active(db)
    assert row is not None
    data = {
        "format": BACKUP_FORMAT,
        "version": 1,
        "unit_code": info.unit_code,
        "unit_name": info.unit_name,
        "fingerprint": info.fingerprint,
        "public_key": row.public_key,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "kdf": row.kdf,
        "private_key": row.private_key,
    }
    atomic_write_text(Path(path), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    with db.session() as session:
        changes = {"file": [None, Path(path).name]}
        audit.record(session, actor, "key", info.fingerprint, "export", changes)
    return info


def _read_small(path: Path, what: str) -> bytes:
    try:
        if path.stat().st_size > MAX_KEY_FILE_BYTES:
            raise InputError(f"Tệp {path.name} quá lớn để là {what}.")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp {path}.") from None
    except IsADirectoryError:
        raise InputError(f"{path} là thư mục, không phải {what}.") from None


def restore_unit_key(
    db: Database, path: Path, passphrase: str, *, replace: bool = False
) -> KeyInfo:
    """Put back a key saved by ``backup_unit_key``; ``passphrase`` must open it
    ("key.manage")."""
    actor = authorise(db, "key.manage")
    path = Path(path)
    try:
        data = json.loads(_read_small(path, "bản sao khóa").decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
        raise InputError(f"Tệp {path.name} không phải bản sao khóa ký của Sáng Kiến Desktop.")
    try:
        pem, kdf, public_text = str(data["private_key"]), dict(data["kdf"]), str(data["public_key"])
    except (KeyError, TypeError, ValueError):
        raise InputError(f"Bản sao khóa {path.name} thiếu dữ liệu.") from None
    key = _decrypt(pem, kdf, passphrase)
    public = raw_public(key.public_key())
    if public != unb64(public_text, "Khóa công khai") or fingerprint(public) != data.get(
        "fingerprint"
    ):
        raise InputError(f"Bản sao khóa {path.name} bị hỏng: dấu vân tay không khớp.")
    with db.reader() as session:
        unit = home_unit(session)
        if data.get("unit_code") and data["unit_code"] != unit.code:
            raise InputError(
                f"Bản sao khóa {path.name} là của đơn vị “{data['unit_code']}”, không phải của "
                f"{unit.name} ({unit.code}).",
            )
    created = data.get("created_at")
    row = UnitKey(
        fingerprint=fingerprint(public),
        public_key=b64(public),
        private_key=pem,
        kdf=kdf,
        created_at=datetime.fromisoformat(created) if created else datetime.now(),
    )
    return _store_key(db, row, replace, actor, "restore", {"from_file": [None, path.name]})


def public_key_text(info: KeyInfo) -> str:
    """The public key file: who it belongs to, its fingerprint, then a standard PEM block."""
    pem = (
        public_key_object(info.public_key)
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    return (
        "Khóa công khai của đơn vị (Sáng Kiến Desktop) — so dấu vân tay với phiếu đăng ký khóa.\n"
        f"Unit-Code: {info.unit_code}\n"
        f"Unit-Name: {info.unit_name}\n"
        f"Fingerprint: {info.fingerprint}\n"
        f"{pem}"
    )


def export_public_key(db: Database, path: Path) -> KeyInfo:
    """Write the unit's public key file for the superior union (public: "report.export")."""
    authorise(db, "report.export")
    info = unit_key_info(db)
    if info is None:
        raise _no_key()
    atomic_write_text(Path(path), public_key_text(info))
    return info


def read_public_key_file(path: Path) -> KeyInfo:
    """A public key file written by ``export_public_key`` (or a bare Ed25519 PEM)."""
    path = Path(path)
    try:
        text = _read_small(path, "tệp khóa công khai").decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"Tệp {path.name} không phải văn bản UTF-8.") from None
    block = _PEM.search(text.encode("utf-8"))
    if block is None:
        raise InputError(f"Tệp {path.name} không chứa khóa công khai (khối PEM PUBLIC KEY).")
    try:
        key = serialization.load_pem_public_key(block.group(0))
    except ValueError:
        raise InputError(f"Khóa công khai trong tệp {path.name} bị hỏng.") from None
    if not isinstance(key, Ed25519PublicKey):
        raise InputError(f"Khóa trong tệp {path.name} không phải khóa Ed25519.")
    fields: dict[str, str] = {}
    for line in text[: text.find("-----BEGIN")].splitlines():
        name, sep, value = line.partition(":")
        if sep and re.fullmatch(r"[A-Za-z-]+", name.strip()):
            fields[name.strip().lower()] = clean(value)
    public = raw_public(key)
    stated = fields.get("fingerprint")
    if stated and normalise_fingerprint(stated) != fingerprint(public):
        raise InputError(
            f"Tệp {path.name} ghi dấu vân tay {stated} nhưng khóa trong tệp có dấu vân tay "
            f"{fingerprint(public)}: tệp đã bị sửa.",
        )
    return KeyInfo(
        fingerprint(public),
        public,
        None,
        fields.get("unit-code", ""),
        fields.get("unit-name", ""),
    )


def trust_key(db: Database, key: KeyInfo, unit_code: str = "", unit_name: str = "") -> KeyInfo:
    """Trust ``key`` for bundles of unit ``unit_code`` (default: the code the key file names;
    "key.manage"; audited: "create" for a new key, "update" when its unit name changes)."""
    actor = authorise(db, "key.manage")
    code = clean(unit_code or key.unit_code)
    name = clean(unit_name or key.unit_name)
    if not code:
        raise InputError(
            f"Khóa {key.fingerprint} không ghi mã đơn vị; hãy cho biết khóa này của đơn vị nào "
            "(--unit MÃ).",
        )
    with db.session() as session:
        row = session.get(TrustedKey, key.fingerprint)
        if row is not None and row.unit_code != code:
            raise InputError(
                f"Khóa {key.fingerprint} đã được tin cậy cho đơn vị “{row.unit_code}”, không thể "
                f"dùng cho đơn vị “{code}”.",
            )
        if row is None:
            row = TrustedKey(
                fingerprint=key.fingerprint,
                public_key=b64(key.public_key),
                unit_code=code,
                added_at=datetime.now().replace(microsecond=0),
            )
            session.add(row)
            old: dict[str, Any] = {}
        else:
            old = {"fingerprint": row.fingerprint, "unit_code": code, "unit_name": row.unit_name}
        row.unit_name = name or row.unit_name or ""
        new = {"fingerprint": key.fingerprint, "unit_code": code, "unit_name": row.unit_name}
        changes = audit.diff(old, new)
        if changes:
            action = "update" if old else "create"
            audit.record(session, actor, "key", key.fingerprint, action, changes)
        return KeyInfo(key.fingerprint, key.public_key, row.added_at, code, row.unit_name)


def untrust_key(db: Database, fingerprint_text: str) -> None:
    """Stop trusting a key ("key.manage"; audited as "delete")."""
    actor = authorise(db, "key.manage")
    wanted = normalise_fingerprint(fingerprint_text)
    with db.session() as session:
        row = session.get(TrustedKey, wanted)
        if row is None:
            raise NotFoundError(f"Không có khóa tin cậy nào có dấu vân tay {wanted}.")
        changes = {
            "fingerprint": [row.fingerprint, None],
            "unit_code": [row.unit_code, None],
            "unit_name": [row.unit_name, None],
        }
        session.delete(row)
        audit.record(session, actor, "key", wanted, "delete", changes)


def trusted_keys(db: Database) -> list[KeyInfo]:
    """The keys this database accepts bundles from, with the unit each one belongs to. The
    unit's own keys (current and retired) count as trusted for the unit's own code."""
    with db.reader() as session:
        keys = [
            KeyInfo(
                r.fingerprint, unb64(r.public_key, "Khóa"), r.added_at, r.unit_code, r.unit_name
            )
            for r in session.scalars(select(TrustedKey).order_by(TrustedKey.unit_code))
        ]
        own = session.scalars(select(UnitKey)).all()
        if own:
            try:
                unit = home_unit(session)
            except NotFoundError:
                return keys
            keys += [_info(r, unit.code, unit.name) for r in own]
    return keys


def is_fingerprint(text: str) -> bool:
    return bool(_FINGERPRINT.fullmatch(text))
