"""First run: declare the unit before anything else."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from sangkien_desktop.gui.tasks import show_error
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.units import UnitDetails, has_home_unit, init_unit
from sangkien_desktop.storage.database import Database


class UnitDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Khai báo công đoàn cơ sở"))
        self.name = QLineEdit(self, objectName="unitName")
        self.code = QLineEdit(self, objectName="unitCode")
        self.superior = QLineEdit(self, objectName="unitSuperior")
        self.chair = QLineEdit(self, objectName="unitChair")
        form = QFormLayout(self)
        form.addRow(self.tr("Tên công đoàn cơ sở"), self.name)
        form.addRow(self.tr("Mã đơn vị"), self.code)
        form.addRow(self.tr("Công đoàn cấp trên trực tiếp"), self.superior)
        form.addRow(self.tr("Chủ tịch công đoàn"), self.chair)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def details(self) -> UnitDetails:
        return UnitDetails(
            name=self.name.text(),
            code=self.code.text(),
            superior_union=self.superior.text(),
            chair_name=self.chair.text(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> UnitDetails | None:
        dialog = cls(parent)
        return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ensure_unit(db: Database, profile: ProgramProfile) -> bool:
    """True once the database has its unit; False if the user gave up."""
    while not has_home_unit(db):
        details = UnitDialog.ask()
        if details is None:
            return False
        try:
            init_unit(db, details)
        except Exception as exc:
            show_error(None, exc)
    return True
