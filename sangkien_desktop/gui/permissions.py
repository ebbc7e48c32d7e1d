"""Buttons and menu entries follow the signed-in role: one the role cannot use is disabled and
its tooltip says why, in the core's own words. The core refuses anyway (access.authorise); this
only spares the user a click that can only fail."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from sangkien_desktop.gui.tasks import error_text
from sangkien_desktop.security import access
from sangkien_desktop.security.users import ROLE_NAMES, PermissionDenied, Role
from sangkien_desktop.storage.database import Database

_OWN_TOOLTIP = "sangkienOwnToolTip"  # the tooltip a widget had before a refusal replaced it


def role_name(role: str) -> str:
    """The role as the union says it (users.ROLE_NAMES), in the interface language."""
    if role not in Role.__members__:
        return role
    # Written out so that lupdate collects them; the Vietnamese is users.ROLE_NAMES word for word
    # (tests/gui/test_language.py checks it).
    translate = QCoreApplication.translate
    names = {
        Role.ADMIN: translate("RoleNames", "Quản trị"),
        Role.CHAIR: translate("RoleNames", "Chủ tịch / Hội đồng"),
        Role.SUPPORT: translate("RoleNames", "Tổ hỗ trợ sáng kiến"),
        Role.VIEWER: translate("RoleNames", "Chỉ xem"),
    }
    return names.get(Role(role), ROLE_NAMES[Role(role)])


def refusal(db: Database, action: str) -> str:
    """Why whoever is signed in to ``db`` may not do ``action`` (a key of users.ACTIONS);
    empty when they may."""
    try:
        access.authorise(db, action)
    except PermissionDenied as exc:
        return error_text(exc)
    return ""


def guard(db: Database, target: QWidget | QAction, action: str, enabled: bool = True) -> bool:
    """Enable ``target`` when ``enabled`` and the role allows ``action``; a refused one keeps
    its place, disabled, with the reason as its tooltip. Returns whether it is enabled."""
    reason = refusal(db, action)
    own = target.property(_OWN_TOOLTIP)
    if own is None:
        own = target.toolTip()
        target.setProperty(_OWN_TOOLTIP, own)
    target.setToolTip(reason or own)
    target.setEnabled(enabled and not reason)
    return enabled and not reason
