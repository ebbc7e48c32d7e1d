"""The initiative editor (window per initiative)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPushButton, QWidget

from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.services.initiatives import get_record, new_id, save_record
from sangkien_desktop.storage.database import Database


class InitiativeEditor(QWidget):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        profile: ProgramProfile,
        initiative_id: str | None,
        actor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(self.windowFlags().Window, True)
        self.db, self.profile, self.actor = db, profile, actor
        self.record = (
            get_record(db, initiative_id)
            if initiative_id
            else InitiativeRecord(id=new_id(), code="", title="", kind=profile.kinds[0].code)
        )
        self.title = QLineEdit(self.record.title, self, objectName="titleEdit")
        self.kind = QComboBox(self, objectName="kindCombo")
        for kind in profile.kinds:
            self.kind.addItem(kind.name, kind.code)
        self.kind.setCurrentIndex(max(self.kind.findData(self.record.kind), 0))
        save = QPushButton(self.tr("Lưu"), self, objectName="saveButton")
        save.clicked.connect(self.save)
        form = QFormLayout(self)
        form.addRow(self.tr("Tên sáng kiến"), self.title)
        form.addRow(self.tr("Loại"), self.kind)
        form.addRow(save)

    def save(self) -> None:
        self.record.title = self.title.text()
        self.record.kind = self.kind.currentData()
        self.record = save_record(self.db, self.record, self.profile, self.actor)
        self.saved.emit(self.record.id)
