"""The union unit that owns this database (the "home" unit) and the units it hears from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.records.limits import UNIT_TEXT, check_text
from sangkien_desktop.security import access, audit
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Unit
from sangkien_desktop.text import clean


@dataclass
class UnitDetails:
    name: str
    code: str
    level: str = "CO_SO"
    superior_union: str = ""
    federation: str = ""
    cluster: str = ""
    chair_name: str = ""
    place: str = ""


def home_unit(session: Session) -> Unit:
    unit = session.scalars(select(Unit).where(Unit.is_home.is_(True))).first()
    if unit is None:
        raise NotFoundError(
            "Chưa khai báo đơn vị: chạy “sangkien init” hoặc mở ứng dụng để khai báo công đoàn.",
            english="No unit yet: run 'sangkien init' or open the application.",
        )
    return unit


def has_home_unit(db: Database) -> bool:
    with db.reader() as session:
        return session.scalars(select(Unit.id).where(Unit.is_home.is_(True))).first() is not None


UNIT_AUDITED = (
    "name",
    "code",
    "level",
    "superior_union",
    "federation",
    "cluster",
    "chair_name",
    "place",
)


def init_unit(db: Database, details: UnitDetails, actor: str = "") -> int:
    """Create (or update) the home unit; returns its id.

    Changing the unit is a setting ("setting.edit"); the first declaration, on a database with
    neither a unit nor an account (first run), is allowed to anyone."""
    if access.accounts_exist(db) or has_home_unit(db):
        actor = access.authorise(db, "setting.edit", actor)
    name, code = clean(details.name), clean(details.code)
    if not name:
        raise InputError("Tên công đoàn không được để trống.", english="The unit name is required.")
    if not code:
        raise InputError("Mã đơn vị không được để trống.", english="The unit code is required.")
    for key, limit in UNIT_TEXT.items():
        check_text(clean(getattr(details, key)), "Đơn vị", key, limit)
    with db.session() as session:
        unit = session.scalars(select(Unit).where(Unit.is_home.is_(True))).first()
        clash = session.scalars(select(Unit).where(Unit.code == code)).first()
        before: dict[str, object] = {}
        if clash is not None and clash is not unit:
            raise InputError(f"Mã đơn vị “{code}” đã được dùng cho {clash.name}.")
        if unit is None:
            unit = Unit(is_home=True, created_at=datetime.now().replace(microsecond=0))
            session.add(unit)
        else:
            before = {key: getattr(unit, key) for key in UNIT_AUDITED}
        unit.name, unit.code, unit.level = name, code, details.level
        unit.superior_union = clean(details.superior_union)
        unit.federation = clean(details.federation)
        unit.cluster = clean(details.cluster)
        unit.chair_name = clean(details.chair_name)
        unit.place = clean(details.place)
        session.flush()
        changes = audit.diff(before, {key: getattr(unit, key) for key in UNIT_AUDITED})
        if changes:
            action = "update" if before else "create"
            audit.record(session, actor, "unit", unit.code, action, changes)
        return unit.id


def unit_details(db: Database) -> UnitDetails:
    with db.reader() as session:
        unit = home_unit(session)
        return UnitDetails(
            unit.name,
            unit.code,
            unit.level,
            unit.superior_union,
            unit.federation,
            unit.cluster,
            unit.chair_name,
            unit.place,
        )
