"""Where the application finds its shipped resources and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "SangKienDesktop"
APP_AUTHOR = "SangKien"
DB_ENV = "SANGKIEN_DB"


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resources_dir() -> Path:
    """``resources/``: beside the package in a checkout, inside it in a wheel or a frozen build."""
    package = Path(__file__).resolve().parent
    frozen = Path(getattr(sys, "_MEIPASS", package)) / "resources"
    return _first_existing(frozen, package / "resources", package.parent / "resources")


def ui_dir() -> Path:
    """``ui/``: the Qt Designer forms."""
    package = Path(__file__).resolve().parent
    frozen = Path(getattr(sys, "_MEIPASS", package)) / "ui"
    return _first_existing(frozen, package / "ui", package.parent / "ui")


def data_dir() -> Path:
    """The per-user data folder (database, attachments, backups)."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_database() -> str:
    """The database the application opens when neither ``--db`` nor ``SANGKIEN_DB`` names one."""
    return os.environ.get(DB_ENV) or str(data_dir() / "sangkien.sqlite")
