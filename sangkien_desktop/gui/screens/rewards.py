"""Khen thưởng: the rewards recorded for authors and collectives, adding one, and printing the
recognition certificates and the reward decision as PDF."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.documents import service as documents
from sangkien_desktop.documents.eligibility import Refusal, left_out_text
from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.date_field import DateField, check_dates
from sangkien_desktop.gui.look import hint, ui_language, user_name
from sangkien_desktop.gui.permissions import guard
from sangkien_desktop.gui.print_preview import PrintPreview, certificate_plan, open_pdf
from sangkien_desktop.gui.tasks import Progress, run_task, show_error
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.services.rewards import (
    FORMS,
    LEVELS,
    NewReward,
    RewardLine,
    add_reward,
    list_rewards,
)
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import format_date, format_vnd

# lupdate reads translate("RewardDialogs", "…") calls, the context written out.
translate = QCoreApplication.translate


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        translate("RewardDialogs", "Hủy")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


# Dialogs that ask ------------------------------------------------------------------------------
class RewardDialog(QDialog):
    """Asks the details of a new reward."""

    def __init__(self, parent: QWidget | None, decision_no: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("rewardDialog")
        self.setWindowTitle(self.tr("Thêm khen thưởng"))
        self.recipient = QLineEdit(self, objectName="recipient")
        self.recipient.setPlaceholderText(self.tr("Họ và tên, hoặc tên tập thể"))
        self.code = QLineEdit(self, objectName="initiativeCode")
        self.code.setPlaceholderText(self.tr("Để trống nếu không gắn với sáng kiến nào"))
        self.decision = QLineEdit(decision_no, self, objectName="decisionNo")
        self.decided_on = DateField(self, optional=False, latest=date.today())
        self.decided_on.setObjectName("decidedOn")
        self.decided_on.set_value(date.today())
        self.level = QComboBox(self, objectName="level")
        for key, name in LEVELS.items():
            self.level.addItem(name, key)
        self.form = QComboBox(self, objectName="form")
        for key, name in FORMS.items():
            self.form.addItem(name, key)
        self.amount = QSpinBox(self, objectName="amount")
        self.amount.setRange(0, 2_000_000_000)
        self.amount.setSingleStep(100_000)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setSuffix(" đ")
        form = QFormLayout(self)
        form.addRow(self.tr("Người / tập thể được khen:"), self.recipient)
        form.addRow(self.tr("Mã sáng kiến:"), self.code)
        form.addRow(self.tr("Số quyết định:"), self.decision)
        form.addRow(self.tr("Ngày quyết định:"), self.decided_on)
        form.addRow(self.tr("Cấp khen thưởng:"), self.level)
        form.addRow(self.tr("Hình thức:"), self.form)
        form.addRow(self.tr("Số tiền thưởng:"), self.amount)
        form.addRow(_buttons(self, self.tr("Thêm")))
        self.resize(520, 0)

    def accept(self) -> None:
        if check_dates(self, self.decided_on):
            super().accept()

    def value(self) -> NewReward:
        decided_on = self.decided_on.value()
        assert decided_on is not None  # a required field: accept() checked it
        return NewReward(
            self.recipient.text(),
            self.code.text(),
            self.decision.text(),
            decided_on,
            str(self.level.currentData()),
            str(self.form.currentData()),
            self.amount.value(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, decision_no: str = "") -> NewReward | None:
        dialog = cls(parent, decision_no)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class DecisionDialog(QDialog):
    """Asks which reward decision to print (its number) and the date it bears."""

    def __init__(self, parent: QWidget | None, numbers: Sequence[str], current: str) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("In quyết định khen thưởng"))
        self.number = QComboBox(self, objectName="decisionNumber")
        self.number.setEditable(True)
        self.number.addItems(list(numbers))
        self.number.setCurrentText(current)
        form = QFormLayout(self)
        form.addRow(
            hint(self.tr("Quyết định gồm các khen thưởng đã ghi theo số quyết định này."), self)
        )
        form.addRow(self.tr("Số quyết định:"), self.number)
        form.addRow(_buttons(self, self.tr("Tiếp tục")))
        self.resize(420, 0)

    @classmethod
    def ask(cls, parent: QWidget | None, numbers: Sequence[str], current: str) -> str | None:
        dialog = cls(parent, numbers, current)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.number.currentText().strip() or None
        finally:
            dialog.deleteLater()


class PdfFile:
    """Chooses where a PDF is saved."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            title,
            str(Path.home() / suggested),
            translate("RewardDialogs", "Tệp PDF (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class OpenPdf:
    """Offers to open a PDF just written."""

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> str:
        """``"preview"`` (inside the application), ``"open"`` (the PC's reader) or ``""``."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("RewardDialogs", "Đã in xong"),
            text,
            parent=parent,
        )
        preview_button = box.addButton(
            translate("RewardDialogs", "Xem trước và in"), QMessageBox.ButtonRole.AcceptRole
        )
        open_button = box.addButton(
            translate("RewardDialogs", "Mở tệp PDF"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(translate("RewardDialogs", "Đóng"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(preview_button)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        return "preview" if clicked is preview_button else "open" if clicked is open_button else ""


# The screen ------------------------------------------------------------------------------------
class RewardsScreen(QWidget):
    def __init__(self, db: Database, profile: ProgramProfile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rewardsScreen")
        self.db = db
        self.profile = profile
        self.rewards: list[RewardLine] = []
        self.last_pdf: Path | None = None
        self.busy = False

        title = QLabel(self.tr("Khen thưởng"), self, objectName="screenTitle")
        intro = hint(
            self.tr(
                "Khen thưởng của công đoàn cơ sở cho tác giả và tập thể (số quyết định, ngày, "
                "hình thức, số tiền). Chọn dòng để in giấy chứng nhận của các sáng kiến đó; "
                "không chọn dòng nào thì được hỏi có in cho mọi sáng kiến đã công nhận chưa có "
                "giấy không, với số giấy và các số sẽ cấp."
            ),
            self,
        )
        headers = [
            self.tr("Người / tập thể được khen"),
            self.tr("Mã sáng kiến"),
            self.tr("Tên sáng kiến"),
            self.tr("Số quyết định"),
            self.tr("Ngày"),
            self.tr("Cấp"),
            self.tr("Hình thức"),
            self.tr("Số tiền"),
        ]
        self.table = QTableWidget(0, len(headers), self, objectName="rewardTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.count_label = QLabel(self, objectName="rewardCount")

        self.add_button = QPushButton(self.tr("Thêm khen thưởng…"), self, objectName="addReward")
        self.add_button.clicked.connect(self.add_reward)
        self.certificates_button = QPushButton(
            self.tr("In giấy chứng nhận…"), self, objectName="printCertificates"
        )
        self.certificates_button.clicked.connect(self.print_certificates)
        self.decision_button = QPushButton(
            self.tr("In quyết định khen thưởng…"), self, objectName="printDecision"
        )
        self.decision_button.clicked.connect(self.print_decision)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.certificates_button)
        buttons.addWidget(self.decision_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        self.rewards = list_rewards(self.db)
        self.table.setRowCount(len(self.rewards))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, reward in enumerate(self.rewards):
            values = (
                reward.recipient_name,
                reward.initiative_code,
                reward.initiative_title,
                reward.decision_no,
                format_date(reward.decided_on) if reward.decided_on else "",
                LEVELS.get(reward.level, reward.level),
                FORMS.get(reward.form, reward.form),
                format_vnd(reward.amount_vnd) if reward.amount_vnd else "",
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c == len(values) - 1:
                    item.setTextAlignment(right)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        # Long titles and names are cut (the full text is in the tooltip): every column shows.
        for column, widest in ((0, 240), (2, 360)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        total = sum(r.amount_vnd for r in self.rewards)
        self.count_label.setText(
            self.tr("%n khen thưởng", "", len(self.rewards))
            + (self.tr(" — tổng tiền thưởng %1").replace("%1", format_vnd(total)) if total else "")
        )
        self._update_buttons()

    def selected(self) -> list[RewardLine]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.rewards[r] for r in rows]

    def selected_codes(self) -> list[str]:
        return sorted({r.initiative_code for r in self.selected() if r.initiative_code})

    def _update_buttons(self) -> None:
        idle = not self.busy
        guard(self.db, self.add_button, "reward.edit", idle)
        guard(self.db, self.certificates_button, "certificate.print", idle)
        guard(self.db, self.decision_button, "reward.edit", idle)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def add_reward(self) -> None:
        chosen = self.selected()
        new = RewardDialog.ask(self, chosen[0].decision_no if chosen else "")
        if new is None:
            return
        try:
            add_reward(self.db, new, actor=user_name())
        except SangKienError as exc:
            show_error(self, exc)
            return
        self.reload()

    def print_certificates(self) -> None:
        """The selection's certificates; with nothing selected, every recognised initiative
        that qualifies, once the user confirmed the count and the numbers (as for any print of
        more than one certificate). No number is taken before that."""
        codes = self.selected_codes() or None
        plan = certificate_plan(
            self, self.db, self.profile, codes, lambda parent, exc: show_error(parent, exc)
        )
        if plan is None:
            return
        path = PdfFile.ask(
            self,
            self.tr("Lưu giấy chứng nhận sáng kiến"),
            f"giay-chung-nhan-{date.today():%Y%m%d}.pdf",
        )
        if path is None:
            return

        refused: list[Refusal] = []  # filled by the worker, read once it is done

        def work(progress: Progress) -> int:
            return documents.print_certificates(
                self.db,
                self.profile,
                path,
                codes,
                progress,
                refused=refused,
                expected=plan.new_numbers,
            )

        def message(count: int) -> str:
            text = self.tr("Đã in %n giấy chứng nhận vào tệp %1.", "", count)
            if refused:
                text += "\n\n" + left_out_text("certificate", refused, ui_language())
            return text

        self._print(work, self.tr("Đang in giấy chứng nhận…"), path, message)

    def print_decision(self) -> None:
        numbers = sorted({r.decision_no for r in self.rewards if r.decision_no})
        chosen = self.selected()
        current = chosen[0].decision_no if chosen else (numbers[-1] if numbers else "")
        number = DecisionDialog.ask(self, numbers, current)
        if number is None:
            return
        safe = "".join(ch if ch.isalnum() else "-" for ch in number)
        path = PdfFile.ask(
            self, self.tr("Lưu quyết định khen thưởng"), f"quyet-dinh-khen-thuong-{safe}.pdf"
        )
        if path is None:
            return

        def work(_progress: Progress) -> int:
            return documents.print_reward_decision(self.db, self.profile, path, number)

        self._print(
            work,
            self.tr("Đang in quyết định khen thưởng…"),
            path,
            lambda n: self.tr("Đã in quyết định khen thưởng (%n dòng phụ lục) vào tệp %1.", "", n),
        )

    def _print(
        self,
        work: Callable[[Progress], int],
        label: str,
        path: Path,
        message: Callable[[int], str],
    ) -> None:
        self._set_busy(True)

        def done(count: int) -> None:
            self._set_busy(False)
            self.last_pdf = path
            chosen = OpenPdf.ask(self, message(count).replace("%1", str(path)))
            if chosen == "open":
                open_pdf(self, path)
            elif chosen == "preview" and path.is_file():
                PrintPreview.show_pdf(self, path.name, path.read_bytes(), path.name, path)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            show_error(self, exc)

        run_task(self, work, label, done, failed)
