"""Dialogs that ask, for the support team's workflow and the members list.

Each offers a classmethod (``MoveDialog.ask(parent, …) -> Result | None``): screens call it and
tests monkeypatch it instead of clicking through a modal loop. ``run_moves`` is the one road a
screen takes to move initiatives: ask what the move needs, then the workflow service, one
initiative at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.gui.date_field import DateField, check_dates
from sangkien_desktop.gui.look import ui_language
from sangkien_desktop.gui.tasks import run_task
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.limits import MEMBER_TEXT, RECORD_TEXT
from sangkien_desktop.records.model import Recognition
from sangkien_desktop.services.initiatives import get_record
from sangkien_desktop.services.members import CATEGORIES, GENDERS, MemberData
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import clean
from sangkien_desktop.workflow.service import Move, MoveReport, move_many
from sangkien_desktop.workflow.states import STATES, State, allowed, state_name

#: The workflow's order: a move to a state later in it is a step forward, earlier a step back.
ORDER = {state: i for i, state in enumerate(STATES)}


def forward(source: str, target: str) -> bool:
    """Whether moving from ``source`` to ``target`` goes forward in the workflow."""
    return ORDER[State(target)] > ORDER[State(source)]


def asks(target: str) -> bool:
    """Whether a move into ``target`` opens the move dialog (it needs a date, a reason or,
    for RECOGNISED, the council's decision)."""
    return bool(STATES[State(target)].needs) or target == State.RECOGNISED


#: Up to this many initiatives move at once on the GUI thread (a move takes a few ms); more go
#: through ``run_task`` with progress and cancel.
SYNC_MOVES = 10


def _date_field(
    parent: QWidget, name: str, day: date | None = None, label: str = "", latest: date | None = None
) -> DateField:
    """A required date, today unless ``day`` is given (selected whole: typing replaces it)."""
    field = DateField(parent, label=label, optional=False, latest=latest)
    field.setObjectName(name)
    field.set_value(day or date.today())
    return field


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("WorkflowDialogs", "Hủy")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


# Moving ------------------------------------------------------------------------------------
@dataclass
class MoveDetails:
    """What the person adds to a move: the date or reason the target state needs, a note."""

    submitted_on: date | None = None
    reason: str = ""
    uploaded_on: date | None = None
    comment: str = ""
    recognition: Recognition | None = None  # for RECOGNISED: who, body, number, date

    def to_move(self, target: str, actor: str) -> Move:
        return Move(
            target=target,
            actor=actor,
            comment=self.comment,
            submitted_on=self.submitted_on,
            reason=self.reason,
            uploaded_on=self.uploaded_on,
            recognition=self.recognition,
        )


class MoveDialog(QDialog):
    """Asks what a move into ``target`` needs, and only that: the receipt date (SUBMITTED), the
    reason (REJECTED), the upload date (UPLOADED), who recognised it with the decision's body,
    number and date (RECOGNISED, shown as ``recognition`` holds them)."""

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        target: str,
        recognition: Recognition | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.target = State(target)
        self.needs = STATES[self.target].needs
        name = state_name(target, ui_language())
        self.setWindowTitle(self.tr("Chuyển sang “%1”").replace("%1", name))
        intro = QLabel(
            self.tr("Chuyển %1 sang “%2”.").replace("%1", label).replace("%2", name),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.date_edit: DateField | None = None
        self.reason_edit: QPlainTextEdit | None = None
        if self.needs in ("submitted_on", "uploaded_on"):
            self.date_edit = _date_field(self, "dateEdit", latest=date.today())
            form.addRow(
                self.tr("Ngày Hội đồng nhận đơn")
                if self.needs == "submitted_on"
                else self.tr("Ngày đã cập nhật lên Cổng"),
                self.date_edit,
            )
            self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.needs == "reason":
            self.reason_edit = QPlainTextEdit(self, objectName="reasonEdit")
            self.reason_edit.setPlaceholderText(
                self.tr("Lý do Hội đồng không công nhận, theo văn bản trả lời")
            )
            self.reason_edit.setTabChangesFocus(True)
            self.reason_edit.setFixedHeight(90)
            form.addRow(self.tr("Lý do không công nhận"), self.reason_edit)
        self.by_combo: QComboBox | None = None
        self.body_edit: QLineEdit | None = None
        self.decision_edit: QLineEdit | None = None
        if self.target == State.RECOGNISED:
            self._ask_decision(form, recognition or Recognition())
        self.comment_edit = QLineEdit(self, objectName="commentEdit")
        self.comment_edit.setPlaceholderText(self.tr("Không bắt buộc"))
        form.addRow(self.tr("Ghi chú"), self.comment_edit)
        self.buttons = _buttons(self, self.tr("Chuyển"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        if self.reason_edit is not None:
            self.reason_edit.textChanged.connect(self._update)
        if self.decision_edit is not None:
            self.decision_edit.textChanged.connect(self._update)
        self._update()

    def _ask_decision(self, form: QFormLayout, given: Recognition) -> None:
        """The council's (or the head's) decision: who, which body, its number and date."""
        self.by_combo = QComboBox(self, objectName="byCombo")
        self.by_combo.addItem(self.tr("Hội đồng sáng kiến"), "COUNCIL")
        self.by_combo.addItem(self.tr("Thủ trưởng đơn vị"), "HEAD")
        self.by_combo.setCurrentIndex(1 if given.by == "HEAD" else 0)
        self.body_edit = QLineEdit(given.body, self, objectName="bodyEdit")
        self.body_edit.setMaxLength(RECORD_TEXT["recognition.body"])
        self.body_edit.setPlaceholderText(self.tr("Ví dụ: Hội đồng sáng kiến Công ty …"))
        self.decision_edit = QLineEdit(given.decision_no, self, objectName="decisionEdit")
        self.decision_edit.setMaxLength(RECORD_TEXT["recognition.decision_no"])
        self.decision_edit.setPlaceholderText(self.tr("Ví dụ: 15/QĐ-HĐSK"))
        self.date_edit = _date_field(
            self, "dateEdit", given.decided_on, self.tr("Ngày quyết định"), date.today()
        )
        form.addRow(self.tr("Công nhận bởi"), self.by_combo)
        form.addRow(self.tr("Cơ quan, đơn vị công nhận"), self.body_edit)
        form.addRow(self.tr("Số quyết định"), self.decision_edit)
        form.addRow(self.tr("Ngày quyết định"), self.date_edit)
        first = self.decision_edit if given.body and not given.decision_no else self.by_combo
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update(self) -> None:
        ok = self.reason_edit is None or bool(self.reason_edit.toPlainText().strip())
        if self.decision_edit is not None:
            ok = ok and bool(self.decision_edit.text().strip())
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(ok)
        ok_button.setToolTip(
            "" if ok or self.decision_edit is None else self.tr("Cần số quyết định công nhận.")
        )

    def accept(self) -> None:
        if self.date_edit is None or check_dates(self, self.date_edit):
            super().accept()

    def details(self) -> MoveDetails:
        """What the dialog holds; DateFieldError when its date is not one it may hold."""
        day = self.date_edit.value() if self.date_edit is not None else None
        recognition = None
        if self.by_combo is not None and self.body_edit and self.decision_edit:
            recognition = Recognition(
                str(self.by_combo.currentData()),
                clean(self.body_edit.text()),
                clean(self.decision_edit.text()),
                day,
            )
        return MoveDetails(
            submitted_on=day if self.needs == "submitted_on" else None,
            uploaded_on=day if self.needs == "uploaded_on" else None,
            reason=self.reason_edit.toPlainText().strip() if self.reason_edit else "",
            comment=clean(self.comment_edit.text()),
            recognition=recognition,
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        code: str,
        target_state: str,
        recognition: Recognition | None = None,
    ) -> MoveDetails | None:
        dialog = cls(parent, code, target_state, recognition)
        try:
            return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class StateDialog(QDialog):
    """Asks the state to move a selection of initiatives to (bulk action)."""

    def __init__(self, parent: QWidget | None, label: str, sources: Sequence[str]) -> None:
        super().__init__(parent)
        self.setObjectName("stateDialog")
        self.setWindowTitle(self.tr("Chuyển trạng thái"))
        intro = QLabel(self.tr("Chuyển %1 sang trạng thái:").replace("%1", label), self)
        intro.setWordWrap(True)
        self.combo = QComboBox(self, objectName="stateCombo")
        self.combo.setPlaceholderText(self.tr("Chọn trạng thái…"))
        best, best_count = -1, 0
        for state in STATES:  # only the states some of the selection can reach
            movable = sum(allowed(s, state) for s in sources)
            if not movable:
                continue
            ahead = sum(allowed(s, state) and forward(s, state) for s in sources)
            self.combo.addItem(
                self.tr("%1 — %2/%3 chuyển được")
                .replace("%1", state_name(state, ui_language()))
                .replace("%2", str(movable))
                .replace("%3", str(len(sources))),
                state.value,
            )
            if ahead > best_count:  # a step back is offered, never chosen for the person
                best, best_count = self.combo.count() - 1, ahead
        self.combo.setCurrentIndex(best)
        note = QLabel(
            self.tr(
                "Mỗi sáng kiến được chuyển riêng; sáng kiến nào không chuyển được sẽ được liệt kê "
                "kèm lý do."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.combo)
        layout.addWidget(note)
        buttons = _buttons(self, self.tr("Tiếp tục"))
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        go = buttons.button(QDialogButtonBox.StandardButton.Ok)
        go.setEnabled(self.combo.currentIndex() >= 0)
        self.combo.currentIndexChanged.connect(lambda i: go.setEnabled(i >= 0))

    @classmethod
    def ask(cls, parent: QWidget | None, label: str, sources: Sequence[str]) -> State | None:
        dialog = cls(parent, label, sources)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return State(dialog.combo.currentData())
        finally:
            dialog.deleteLater()


class AssignDialog(QDialog):
    """Asks which support-team member takes the dossiers, and by when."""

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        helpers: Sequence[str],
        helper: str = "",
        due_on: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Giao người hỗ trợ"))
        intro = QLabel(self.tr("Giao %1 cho:").replace("%1", label), self)
        intro.setWordWrap(True)
        self.helper_combo = QComboBox(self, objectName="helperCombo")
        self.helper_combo.setEditable(True)
        self.helper_combo.addItems(list(helpers))
        self.helper_combo.setEditText(helper)
        self.helper_combo.lineEdit().setPlaceholderText(self.tr("Để trống: chưa giao ai"))
        completer = QCompleter(list(helpers), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.helper_combo.setCompleter(completer)
        self.due_check = QCheckBox(self.tr("Đặt hạn"), self, objectName="dueCheck")
        self.due_edit = _date_field(self, "dueEdit", due_on, label=self.tr("Hạn xử lý"))
        self.due_check.setChecked(due_on is not None)
        self.due_edit.setEnabled(due_on is not None)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        due = QHBoxLayout()
        due.addWidget(self.due_check)
        due.addWidget(self.due_edit, 1)
        form = QFormLayout()
        form.addRow(self.tr("Người hỗ trợ"), self.helper_combo)
        form.addRow(self.tr("Hạn xử lý"), due)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Giao")))
        self.setMinimumWidth(400)

    def accept(self) -> None:
        if check_dates(self, self.due_edit):  # a disabled (unticked) date is not asked
            super().accept()

    def result_value(self) -> tuple[str, date | None]:
        due = self.due_edit.value() if self.due_check.isChecked() else None
        return clean(self.helper_combo.currentText()), due

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        label: str,
        helpers: Sequence[str],
        helper: str = "",
        due_on: date | None = None,
    ) -> tuple[str, date | None] | None:
        dialog = cls(parent, label, helpers, helper, due_on)
        try:
            return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class MoveReportDialog(QDialog):
    """One summary of a move of several initiatives: how many moved, which were refused, why."""

    def __init__(self, parent: QWidget | None, report: MoveReport) -> None:
        super().__init__(parent)
        self.setObjectName("moveReportDialog")
        self.setWindowTitle(self.tr("Kết quả chuyển trạng thái"))
        self.summary = QLabel(move_summary(report), self, objectName="reportSummary")
        self.summary.setWordWrap(True)
        self.refusals = QListWidget(self, objectName="refusalList")
        self.refusals.setWordWrap(True)
        self.refusals.setAlternatingRowColors(True)
        for code, reason in report.refused:
            # The workflow's messages already name the initiative; others get its code.
            self.refusals.addItem(reason if code in reason else f"{code}: {reason}")
        self.refusals.setVisible(bool(report.refused))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.refusals, 1)
        layout.addWidget(buttons)
        self.resize(640, 420 if report.refused else 140)

    @classmethod
    def show_report(cls, parent: QWidget | None, report: MoveReport) -> MoveReportDialog:
        """Open the report window-modal without blocking; it deletes itself once closed."""
        dialog = cls(parent, report)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class WorkflowDialogs(QObject):
    """The plural texts of the module functions below: lupdate files plural forms only for
    ``tr()`` calls (never for ``QCoreApplication.translate``), so they live in a class."""

    def moved(self, n: int) -> str:
        return self.tr("Đã chuyển %n sáng kiến sang “%1”.", "", n)

    def refused(self, n: int) -> str:
        return self.tr("%n sáng kiến không chuyển được.", "", n)

    def moving(self, n: int) -> str:
        return self.tr("Đang chuyển %n sáng kiến…", "", n)


def move_summary(report: MoveReport) -> str:
    """One Vietnamese sentence (or two) on what a move did."""
    name = state_name(report.target, ui_language())
    parts = []
    if report.moved:
        parts.append(
            WorkflowDialogs().moved(len(report.moved)).replace("%1", name)
            if len(report.moved) > 1
            else QCoreApplication.translate("WorkflowDialogs", "Đã chuyển %1 sang “%2”.")
            .replace("%1", report.moved[0])
            .replace("%2", name)
        )
    if report.refused:
        parts.append(WorkflowDialogs().refused(len(report.refused)))
    if report.stopped:
        parts.append(
            QCoreApplication.translate(
                "WorkflowDialogs",
                "Đã dừng giữa chừng theo yêu cầu; các sáng kiến còn lại giữ nguyên.",
            )
        )
    if not parts:
        parts.append(
            QCoreApplication.translate("WorkflowDialogs", "Không có sáng kiến nào được chuyển.")
        )
    return " ".join(parts)


def run_moves(
    parent: QWidget,
    db: Database,
    profile: ProgramProfile,
    ids: Sequence[str],
    label: str,
    target: str,
    actor: str,
    on_done: Callable[[MoveReport], None],
) -> bool:
    """Ask what a move into ``target`` needs (if anything), then move each initiative through
    the workflow service and hand the report to ``on_done``. False when the person cancelled."""
    details = MoveDetails()
    # Several initiatives recognised at once keep each the decision written in its dossier
    # (one typed here would overwrite them all); one is asked, its own decision shown.
    if asks(target) and not (target == State.RECOGNISED and len(ids) > 1):
        if target == State.RECOGNISED:
            asked = MoveDialog.ask(parent, label, target, get_record(db, ids[0]).recognition)
        else:
            asked = MoveDialog.ask(parent, label, target)
        if asked is None:
            return False
        details = asked
    request = details.to_move(target, actor)
    keys = list(ids)
    if len(keys) <= SYNC_MOVES:
        on_done(move_many(db, keys, request, profile))
    else:
        run_task(
            parent,
            lambda progress: move_many(db, keys, request, profile, progress),
            WorkflowDialogs().moving(len(keys)),
            on_done,
        )
    return True


# Members -----------------------------------------------------------------------------------
class MemberDialog(QDialog):
    """Add or edit a member of the unit."""

    def __init__(self, parent: QWidget | None, data: MemberData | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("Sửa đoàn viên") if data else self.tr("Thêm đoàn viên"))
        data = data or MemberData(full_name="")
        self.name_edit = QLineEdit(data.full_name, self, objectName="nameEdit")
        self.birth_edit = DateField(self, label=self.tr("Ngày sinh"), latest=date.today())
        self.birth_edit.setObjectName("birthEdit")
        self.birth_edit.set_value(data.birth_date)
        self.gender_combo = QComboBox(self, objectName="genderCombo")
        for code, name in GENDERS.items():
            self.gender_combo.addItem(name or self.tr("(không ghi)"), code)
        self.gender_combo.setCurrentIndex(max(self.gender_combo.findData(data.gender), 0))
        self.department_edit = QLineEdit(data.department, self, objectName="departmentEdit")
        self.position_edit = QLineEdit(data.position, self, objectName="positionEdit")
        self.qualification_edit = QLineEdit(
            data.qualification, self, objectName="qualificationEdit"
        )
        for key, limit in MEMBER_TEXT.items():
            edit = self.name_edit if key == "full_name" else getattr(self, f"{key}_edit")
            edit.setMaxLength(limit)
        self.category_combo = QComboBox(self, objectName="categoryCombo")
        for code, name in CATEGORIES.items():
            self.category_combo.addItem(name, code)
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(data.category), 0))
        self.active_check = QCheckBox(self.tr("Đang sinh hoạt"), self, objectName="activeCheck")
        self.active_check.setChecked(data.active)
        self.error_label = QLabel(self, objectName="errorLabel")
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("Họ và tên"), self.name_edit)
        form.addRow(self.tr("Ngày sinh"), self.birth_edit)
        form.addRow(self.tr("Giới tính"), self.gender_combo)
        form.addRow(self.tr("Phòng ban"), self.department_edit)
        form.addRow(self.tr("Chức vụ"), self.position_edit)
        form.addRow(self.tr("Trình độ"), self.qualification_edit)
        form.addRow(self.tr("Đối tượng"), self.category_combo)
        form.addRow("", self.active_check)
        self.buttons = _buttons(self, self.tr("Lưu"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.name_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.name_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def member_data(self) -> MemberData:
        """The form as a member; ValueError (DateFieldError) names the field that cannot be
        read."""
        return MemberData(
            full_name=clean(self.name_edit.text()),
            birth_date=self.birth_edit.value(),
            gender=self.gender_combo.currentData(),
            department=clean(self.department_edit.text()),
            position=clean(self.position_edit.text()),
            qualification=clean(self.qualification_edit.text()),
            category=self.category_combo.currentData(),
            active=self.active_check.isChecked(),
        )

    def accept(self) -> None:
        try:
            self.member_data()
        except ValueError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            self.birth_edit.setFocus()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, data: MemberData | None = None) -> MemberData | None:
        dialog = cls(parent, data)
        try:
            return dialog.member_data() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class Confirm:
    """A yes/no question before something that cannot be undone."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton(
            QCoreApplication.translate("WorkflowDialogs", "Đồng ý"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("WorkflowDialogs", "Hủy"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        confirmed = box.clickedButton() is yes
        box.deleteLater()
        return confirmed


class SheetFile:
    """Chooses the Excel file of members to import."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("WorkflowDialogs", "Nhập đoàn viên từ Excel"),
            str(Path.home()),
            QCoreApplication.translate("WorkflowDialogs", "Bảng tính Excel (*.xlsx)"),
        )
        return Path(name) if name else None
