"""Buttons and menu entries follow the signed-in role: one the role cannot use is disabled and
its tooltip says why, in the core's own words. The core refuses anyway (access.authorise); this
only spares the user a click that can only fail."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from sangkien_desktop.security import access
from sangkien_desktop.security.users import ROLE_NAMES, PermissionDenied, Role
from sangkien_desktop.storage.database import Database

_OWN_TOOLTIP = "sangkienOwnToolTip"  # the tooltip a widget had before a refusal replaced it


def role_name(role: str) -> str:
    """The role as the union says it (users.ROLE_NAMES)."""
    return ROLE_NAMES[Role(role)] if role in Role.__members__ else role


def refusal(db: Database, action: str) -> str:
    """Why whoever is signed in to ``db`` may not do ``action`` (a key of users.ACTIONS);
    empty when they may."""
    try:
        access.authorise(db, action)
    except PermissionDenied as exc:
        return exc.message
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
