"""The unit's document settings: who issues, under which symbols, where, and who signs.

Kept as one JSON value in the ``settings`` table under ``documents``. Only the values that
differ from the defaults are stored, so a field left at its default keeps following the home
unit (renaming the union renames the issuing body on every document)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from sangkien_desktop.errors import InputError
from sangkien_desktop.security import audit
from sangkien_desktop.security.access import authorise
from sangkien_desktop.services.units import UnitDetails, unit_details
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Setting
from sangkien_desktop.text import clean

KEY = "documents"


@dataclass
class DocumentSettings:
    #: The upper-level union, printed above the issuing body (upper case, regular).
    superior_body: str = ""
    #: The issuing body: the grassroots union (upper case, bold).
    issuing_body: str = ""
    #: "Kính gửi" of the application when the record does not name the recognising body yet.
    addressee: str = ""
    #: The organisation that recognises initiatives (Decree 13: the employer, not the union):
    #: it receives applications and issues the receipt.
    recognising_body: str = ""
    #: The union's own reward regulation, quoted in the legal grounds of a reward decision
    #: ("Quy chế thi đua, khen thưởng ban hành kèm theo Quyết định số …").
    reward_regulation: str = ""
    #: The place name of the date line ("Hà Nội").
    place: str = ""
    certificate_symbol: str = "GCN-CĐCS"
    decision_symbol: str = "QĐ-CĐCS"
    #: The receipt is the recognising organisation's (its council's), not the union's.
    receipt_symbol: str = "BN-HĐSK"
    on_behalf: str = "TM. BAN CHẤP HÀNH"
    signatory_title: str = "CHỦ TỊCH"
    signatory_name: str = ""
    #: An image printed on certificates; empty for none.
    logo_path: str = ""


def default_recognising_body(unit_name: str) -> str:
    """``Công đoàn Công ty X`` → ``Công ty X``: the employer recognises initiatives
    (Decree 13), the union helps its members apply."""
    name = clean(unit_name)
    if name.casefold().startswith("công đoàn "):
        name = name[len("công đoàn ") :]
    return name


def default_addressee(unit_name: str) -> str:
    """``Công đoàn Công ty X`` → ``Hội đồng sáng kiến Công ty X``: the employer's council."""
    return f"Hội đồng sáng kiến {default_recognising_body(unit_name)}".strip()


def default_settings(unit: UnitDetails) -> DocumentSettings:
    return DocumentSettings(
        superior_body=unit.superior_union,
        issuing_body=unit.name,
        addressee=default_addressee(unit.name),
        recognising_body=default_recognising_body(unit.name),
        reward_regulation=f"Quy chế thi đua, khen thưởng của {clean(unit.name)}",
        place=unit.place,
        signatory_name=unit.chair_name,
    )


def _checked(settings: DocumentSettings) -> DocumentSettings:
    values: dict[str, Any] = {}
    for f in fields(DocumentSettings):
        value = getattr(settings, f.name)
        if f.name == "logo_path":
            values[f.name] = str(value or "").strip()
        else:
            values[f.name] = clean(str(value or ""))
    result = DocumentSettings(**values)
    if not result.issuing_body:
        raise InputError("Cài đặt văn bản: tên cơ quan ban hành không được để trống.")
    for name, label in (
        ("certificate_symbol", "ký hiệu giấy chứng nhận"),
        ("decision_symbol", "ký hiệu quyết định"),
        ("receipt_symbol", "ký hiệu giấy biên nhận"),
    ):
        if not getattr(result, name):
            raise InputError(f"Cài đặt văn bản: {label} không được để trống.")
    if result.logo_path and not Path(result.logo_path).is_file():
        raise InputError(f"Cài đặt văn bản: không tìm thấy tệp logo “{result.logo_path}”.")
    return result


def load_settings(db: Database) -> DocumentSettings:
    """The settings in force: the stored values over the home unit's defaults."""
    defaults = default_settings(unit_details(db))
    with db.reader() as session:
        row = session.get(Setting, KEY)
        stored = dict(row.value) if row is not None else {}
    known = {f.name for f in fields(DocumentSettings)}
    merged = asdict(defaults) | {k: v for k, v in stored.items() if k in known}
    return DocumentSettings(**merged)


def save_settings(db: Database, settings: DocumentSettings, actor: str = "") -> DocumentSettings:
    """Check and store ``settings`` ("setting.edit"); returns them as they will be used."""
    actor = authorise(db, "setting.edit", actor)
    checked = _checked(settings)
    defaults = asdict(default_settings(unit_details(db)))
    changed = {k: v for k, v in asdict(checked).items() if v != defaults[k]}
    with db.session() as session:
        row = session.get(Setting, KEY)
        before = dict(row.value) if row is not None else {}
        if row is None:
            session.add(Setting(key=KEY, value=changed))
        else:
            row.value = changed
        differences = audit.diff(before, changed)
        if differences:
            audit.record(session, actor, "setting", KEY, "update", differences)
    return load_settings(db)
