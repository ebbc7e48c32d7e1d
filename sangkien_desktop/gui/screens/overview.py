"""Tổng quan: the unit's figures at a glance."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget
from sqlalchemy import func, select

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.members import headcount
from sangkien_desktop.services.units import home_unit
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Initiative
from sangkien_desktop.text import format_vnd
from sangkien_desktop.workflow.states import STATES


class OverviewScreen(QWidget):
    def __init__(self, db: Database, profile: ProgramProfile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overviewScreen")
        self.db = db
        self.profile = profile
        self.title = QLabel(self, objectName="screenTitle")
        self.figures = QGridLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.figures)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        while self.figures.count():
            item = self.figures.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        with self.db.reader() as session:
            unit = home_unit(session)
            by_state = dict(
                session.execute(
                    select(Initiative.status, func.count()).group_by(Initiative.status)
                ).all()
            )
            value = session.scalar(select(func.sum(Initiative.economic_value_vnd))) or 0
            members = headcount(session)
        self.title.setText(unit.name)
        rows = [(self.tr("Đoàn viên đang sinh hoạt"), f"{members:,}".replace(",", "."))]
        rows += [(info.name, str(by_state.get(state.value, 0))) for state, info in STATES.items()]
        rows.append((self.tr("Tổng giá trị làm lợi"), format_vnd(int(value))))
        for i, (label, figure) in enumerate(rows):
            self.figures.addWidget(QLabel(label, self), i, 0)
            shown = QLabel(f"<b>{figure}</b>", self)
            self.figures.addWidget(shown, i, 1)
