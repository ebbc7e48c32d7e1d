"""The rewards recorded for authors and collectives (PROGRAM.md §6): the list and adding one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sangkien_desktop.documents.reward import REWARD_FORMS as FORMS
from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.records.limits import (
    MAX_MONEY_VND,
    RECIPIENT_CHARS,
    RECORD_TEXT,
    check_date,
    check_text,
)
from sangkien_desktop.security import audit
from sangkien_desktop.security.access import authorise

__all__ = ["FORMS", "LEVELS", "NewReward", "RewardLine", "add_reward", "list_rewards"]
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Initiative, Reward
from sangkien_desktop.text import clean, format_number

#: The levels that decide a reward, as stored, and their Vietnamese names (forms: ``FORMS``).
LEVELS = {
    "CO_SO": "Công đoàn cơ sở",
    "CAP_TREN": "Công đoàn cấp trên trực tiếp",
    "TINH": "Liên đoàn Lao động tỉnh, thành phố",
    "TONG_LIEN_DOAN": "Tổng Liên đoàn",
}


@dataclass(frozen=True)
class RewardLine:
    """One reward as the rewards list shows it."""

    id: int
    recipient_name: str
    initiative_code: str
    initiative_title: str
    decision_no: str
    decided_on: date | None
    level: str
    form: str
    amount_vnd: int


@dataclass(frozen=True)
class NewReward:
    recipient_name: str
    initiative_code: str = ""
    decision_no: str = ""
    decided_on: date | None = None
    level: str = "CO_SO"
    form: str = "GIAY_KHEN"
    amount_vnd: int = 0


def list_rewards(db: Database) -> list[RewardLine]:
    """Every reward, newest decision first, then by initiative code and recipient."""
    with db.reader() as session:
        rows = session.execute(
            select(Reward, Initiative.code, Initiative.title)
            .outerjoin(Initiative, Reward.initiative_id == Initiative.id)
            .order_by(
                Reward.decided_on.desc().nulls_last(),
                Initiative.code,
                Reward.recipient_name,
                Reward.id,
            )
        ).all()
    return [
        RewardLine(
            r.id,
            r.recipient_name,
            code or "",
            title or "",
            r.decision_no or "",
            r.decided_on,
            r.level,
            r.form,
            r.amount_vnd or 0,
        )
        for r, code, title in rows
    ]


def add_reward(db: Database, reward: NewReward, actor: str = "") -> int:
    """Record ``reward``; returns its id. The recipient is required, the amount not negative,
    and the initiative (when a code is given) must exist ("reward.edit")."""
    actor = authorise(db, "reward.edit", actor)
    name = clean(reward.recipient_name)
    if not name:
        raise InputError("Khen thưởng: chưa nhập tên người hoặc tập thể được khen thưởng.")
    if reward.amount_vnd < 0:
        raise InputError(f"Khen thưởng cho {name}: số tiền thưởng không được âm.")
    if reward.amount_vnd > MAX_MONEY_VND:
        raise InputError(
            f"Khen thưởng cho {name}: số tiền thưởng lớn quá mức có thể "
            f"(tối đa {format_number(MAX_MONEY_VND)} đồng)."
        )
    where = "Khen thưởng"
    check_text(name, where, "recipient_name", RECIPIENT_CHARS)
    check_text(
        clean(reward.decision_no), where, "decision_no", RECORD_TEXT["recognition.decision_no"]
    )
    check_date(reward.decided_on, where, "decided_on")
    if reward.form not in FORMS:
        raise InputError(f"Khen thưởng cho {name}: hình thức “{reward.form}” không hợp lệ.")
    if reward.level not in LEVELS:
        raise InputError(f"Khen thưởng cho {name}: cấp khen thưởng “{reward.level}” không hợp lệ.")
    code = clean(reward.initiative_code)
    with db.session() as session:
        initiative_id = None
        if code:
            initiative_id = session.scalars(
                select(Initiative.id).where(Initiative.code == code)
            ).first()
            if initiative_id is None:
                raise NotFoundError(f"Khen thưởng cho {name}: không có sáng kiến mã “{code}”.")
        row = Reward(
            initiative_id=initiative_id,
            recipient_name=name,
            decision_no=clean(reward.decision_no),
            decided_on=reward.decided_on,
            level=reward.level,
            form=reward.form,
            amount_vnd=reward.amount_vnd,
        )
        session.add(row)
        session.flush()
        values = {
            "initiative_code": code,
            "recipient_name": name,
            "decision_no": row.decision_no,
            "decided_on": row.decided_on,
            "level": row.level,
            "form": row.form,
            "amount_vnd": row.amount_vnd,
        }
        audit.record(session, actor, "reward", row.id, "create", audit.diff({}, values))
        return row.id
