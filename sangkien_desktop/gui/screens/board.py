"""Tổ hỗ trợ screen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sangkien_desktop.gui.screens.placeholder import PlaceholderScreen
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.storage.database import Database


class BoardScreen(PlaceholderScreen):
    def __init__(self, db: Database, profile: ProgramProfile, parent: QWidget | None = None):
        super().__init__(self.tr("Tổ hỗ trợ"), self.tr("Màn hình này đang được xây dựng."), parent)
        self.db = db
        self.profile = profile
