"""A screen whose work is still to come: says so plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderScreen(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(title, self, objectName="screenTitle")
        body = QLabel(text, self)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body, 1)

    def reload(self) -> None:
        """Nothing to refresh."""
