"""The sections of the initiative editor, following the legal dossier (PROGRAM.md §8): their
widgets, filling them from a record, reading a record back, and where each field path lives."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.gui.date_field import DateField
from sangkien_desktop.gui.editor_attachments import AttachmentsPanel
from sangkien_desktop.gui.editor_authors import AuthorsPanel
from sangkien_desktop.gui.editor_widgets import (
    MemberCompleter,
    MoneyEdit,
    PlainEdit,
    TitleEdit,
)
from sangkien_desktop.gui.look import ui_language
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.limits import RECORD_TEXT
from sangkien_desktop.records.model import (
    Application,
    Benefits,
    ContentReview,
    InitiativeRecord,
    IpProtection,
    Recognition,
    Research,
)
from sangkien_desktop.services.history import HistoryEntry, elide
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import clean, format_date, nfc
from sangkien_desktop.workflow.states import STATES, State

SECTIONS = (
    "general",
    "authors",
    "content",
    "application",
    "recognition",
    "research",
    "ip",
    "review",
    "attachments",
    "history",
)
# The history tab: letters of one value before it is cut, change lines shown per row.
HISTORY_VALUE_LETTERS = 36
HISTORY_LINES = 8
HISTORY_ROW_PADDING = 8
_AUTHOR_PATH = re.compile(r"authors\[(\d+)\](?:\.(\w+))?")


@dataclass(frozen=True)
class Place:
    """Where a field path lives on screen: its section, and how to put the cursor there."""

    section: str
    focus: Callable[[], None]
    widget: QWidget | None = None  # the widget that shows the field's findings, when one does


def state_name(state: str | None) -> str:
    if not state:
        return ""
    try:
        return STATES[State(state)].label(ui_language())
    except ValueError:
        return state


def _text(edit: QPlainTextEdit) -> str:
    return nfc(edit.toPlainText()).strip()


class EditorForm(QObject):
    """Builds one page per section; ``changed`` on every edit, ``kind_changed(code)``."""

    changed = Signal()
    kind_changed = Signal(str)

    def __init__(self, db: Database, profile: ProgramProfile, actor: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.db, self.profile, self.actor = db, profile, actor
        self._loading = False
        self.read_only = False
        self._code_fixed = False  # the code was given by a save and never changes
        self.titles = {
            "general": self.tr("Thông tin chung"),
            "authors": self.tr("Tác giả"),
            "content": self.tr("Nội dung"),
            "application": self.tr("Áp dụng và lợi ích"),
            "recognition": self.tr("Công nhận"),
            "research": self.tr("Đề tài NCKH"),
            "ip": self.tr("Sở hữu trí tuệ"),
            "review": self.tr("Rà soát nội dung"),
            "attachments": self.tr("Đính kèm"),
            "history": self.tr("Lịch sử"),
        }
        self.pages: dict[str, QWidget] = {}
        self._places: dict[str, Place] = {}
        self._build_general()
        self._build_authors()
        self._build_content()
        self._build_application()
        self._build_recognition()
        self._build_research()
        self._build_ip()
        self._build_review()
        self._build_attachments()
        self._build_history()

    # Building ---------------------------------------------------------------------------------
    def _page(self, key: str, intro: str = "") -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(objectName=f"{key}Page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        heading = QLabel(self.titles[key], page, objectName="sectionTitle")
        layout.addWidget(heading)
        if intro:
            hint = QLabel(intro, page)
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.pages[key] = page
        return page, layout

    @staticmethod
    def _form(layout: QVBoxLayout, wrap: bool = False) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        if wrap:
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        layout.addLayout(form)
        return form

    def _place(self, path: str, section: str, widget: QWidget, marks: bool = True) -> None:
        def focus() -> None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

        self._places[path] = Place(section, focus, widget if marks else None)

    def _watch(self, *widgets: QObject) -> None:
        for widget in widgets:
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(self._edited)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._edited)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    @staticmethod
    def _combo(parent: QWidget, name: str, items: list[tuple[str | None, str]]) -> QComboBox:
        combo = QComboBox(parent, objectName=name)
        # Sub-kind names run to a hundred letters: the list pops up wide, the box stays narrow.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def _build_general(self) -> None:
        page, layout = self._page("general")
        form = self._form(layout)
        self.code = QLineEdit(page, objectName="codeEdit")
        self.code.setMaxLength(RECORD_TEXT["code"])
        self.code.setPlaceholderText(self.tr("Tự cấp khi lưu (SK-năm-số thứ tự)"))
        self.code.setMaximumWidth(220)
        self.title = TitleEdit(page)
        self.title.setObjectName("titleEdit")
        self.title.setPlaceholderText(self.tr("Tên sáng kiến như ghi trong đơn yêu cầu công nhận"))
        kinds = [(k.code, k.label(ui_language())) for k in self.profile.kinds]
        self.kind = self._combo(page, "kindCombo", kinds)
        self.subkind = self._combo(page, "subkindCombo", [])
        self.field = QLineEdit(page, objectName="fieldEdit")
        self.field.setMaxLength(RECORD_TEXT["field"])
        self.field.setPlaceholderText(self.tr("Ví dụ: Cơ khí chế tạo, An toàn lao động"))
        self.status = QLabel(page, objectName="statusLabel")
        self.stamps = QLabel(page, objectName="stampsLabel")
        self.stamps.setProperty("role", "hint")
        form.addRow(self.tr("Mã sáng kiến"), self.code)
        form.addRow(self.tr("Tên sáng kiến"), self.title)
        form.addRow(self.tr("Loại giải pháp"), self.kind)
        form.addRow(self.tr("Thuộc dạng"), self.subkind)
        form.addRow(self.tr("Lĩnh vực áp dụng"), self.field)
        form.addRow(self.tr("Trạng thái"), self.status)
        form.addRow("", self.stamps)
        layout.addStretch(1)
        self._watch(self.code, self.title, self.kind, self.subkind, self.field)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        for path, widget in (
            ("code", self.code),
            ("title", self.title),
            ("kind", self.kind),
            ("subkind", self.subkind),
            ("field", self.field),
        ):
            self._place(path, "general", widget)

    def _build_authors(self) -> None:
        page, layout = self._page("authors")
        self.authors = AuthorsPanel(self.db, self.profile, page)
        layout.addWidget(self.authors, 1)
        self.authors.model.edited.connect(self._edited)
        self._place("authors", "authors", self.authors.table)

    def _build_content(self) -> None:
        page, layout = self._page(
            "content",
            self.tr("Theo bản mô tả sáng kiến (mục 3) và đơn yêu cầu công nhận."),
        )
        form = self._form(layout, wrap=True)
        labels = {
            "known_solution": self.tr("3.1. Giải pháp đã biết và nhược điểm cần khắc phục"),
            "content": self.tr("3.2. Nội dung giải pháp (bản chất, các bước thực hiện)"),
            "novelty": self.tr("Tính mới so với giải pháp đã biết"),
            "applicability": self.tr("3.3. Khả năng áp dụng (điều kiện cần thiết, nơi áp dụng)"),
            "origin_story": self.tr("Nguyên nhân hình thành sáng kiến (đăng kèm trên Cổng)"),
            "confidential": self.tr("Thông tin cần được bảo mật (nếu có)"),
        }
        self.texts: dict[str, PlainEdit] = {}
        for key, label in labels.items():
            edit = PlainEdit(page, lines=3 if key == "confidential" else 5)
            edit.setObjectName(f"{key}Edit")
            form.addRow(label, edit)
            self.texts[key] = edit
            self._watch(edit)
            self._place(key, "content", edit)
        layout.addStretch(1)

    def _build_application(self) -> None:
        start, end = self.profile.window_start, self.profile.window_end
        page, layout = self._page(
            "application",
            self.tr(
                "Chương trình tính các sáng kiến đưa vào áp dụng (hoặc áp dụng thử) từ %1 đến %2."
            )
            .replace("%1", format_date(start))
            .replace("%2", format_date(end)),
        )
        form = self._form(layout)
        self.mode = self._combo(
            page,
            "modeCombo",
            [(None, self.tr("Chưa ghi")), ("APPLIED", self.tr("Đã áp dụng")),
             ("TRIAL", self.tr("Áp dụng thử"))],
        )  # fmt: skip
        self.mode.setMaximumWidth(280)
        self.first_applied = DateField(page)
        self.first_applied.setObjectName("firstAppliedEdit")
        self.where = QLineEdit(page, objectName="whereEdit")
        self.where.setMaxLength(RECORD_TEXT["application.where"])
        self.where.setPlaceholderText(self.tr("Phân xưởng, phòng, tổ đã áp dụng"))
        form.addRow(self.tr("Hình thức"), self.mode)
        form.addRow(self.tr("Ngày áp dụng lần đầu"), self.first_applied)
        form.addRow(self.tr("Nơi áp dụng"), self.where)

        economic = QGroupBox(self.tr("Lợi ích kinh tế"), page)
        economic_form = QFormLayout(economic)
        self.value = MoneyEdit(economic)
        self.value.setObjectName("economicValueEdit")
        self.value.setMinimumWidth(190)
        self.value.setMaximumWidth(240)
        value_row = QHBoxLayout()
        value_row.addWidget(self.value)
        value_row.addWidget(QLabel(self.tr("đồng"), economic))
        value_row.addStretch(1)
        self.economic = PlainEdit(economic, lines=3)
        self.economic.setObjectName("economicEdit")
        self.economic.setPlaceholderText(
            self.tr("Tăng năng suất, giảm chi phí, nâng cao chất lượng… (cách tính giá trị)")
        )
        economic_form.addRow(self.tr("Giá trị làm lợi"), value_row)
        economic_form.addRow(self.tr("Mô tả hiệu quả"), self.economic)
        layout.addWidget(economic)

        social = QGroupBox(self.tr("Lợi ích xã hội"), page)
        social_layout = QVBoxLayout(social)
        grid = QGridLayout()
        self.social: dict[str, QCheckBox] = {}
        for i, benefit in enumerate(self.profile.social_benefits):
            name = benefit.label(ui_language())
            box = QCheckBox(name, social, objectName=f"social_{benefit.code}")
            grid.addWidget(box, i // 2, i % 2)
            self.social[benefit.code] = box
            self._watch(box)
        social_layout.addLayout(grid)
        self.social_description = PlainEdit(social, lines=3)
        self.social_description.setObjectName("socialDescriptionEdit")
        self.social_description.setPlaceholderText(self.tr("Mô tả lợi ích xã hội đã chọn"))
        social_layout.addWidget(self.social_description)
        layout.addWidget(social)
        layout.addStretch(1)
        self._watch(
            self.mode, self.first_applied, self.where, self.value, self.economic,
            self.social_description,
        )  # fmt: skip
        for path, widget in (
            ("application.mode", self.mode),
            ("application.first_applied_on", self.first_applied),
            ("application.where", self.where),
            ("benefits", self.value),
            ("benefits.economic_value_vnd", self.value),
            ("benefits.economic", self.economic),
            ("benefits.social_description", self.social_description),
        ):
            self._place(path, "application", widget)
        first_box = next(iter(self.social.values()), self.social_description)
        self._place("benefits.social", "application", first_box, marks=False)

    def _build_recognition(self) -> None:
        page, layout = self._page(
            "recognition",
            self.tr(
                "Ghi ngày Hội đồng nhận đơn (sổ tiếp nhận) và quyết định công nhận khi có. Đơn vị "
                "trả lời trong %n tháng kể từ ngày nhận đơn.",
                "",
                self.profile.decision_deadline_months,
            ),
        )
        form = self._form(layout)
        self.submitted_on = DateField(page)
        self.submitted_on.setObjectName("submittedOnEdit")
        self.recognised_by = self._combo(
            page,
            "recognisedByCombo",
            [(None, self.tr("Chưa được công nhận")), ("COUNCIL", self.tr("Hội đồng sáng kiến")),
             ("HEAD", self.tr("Thủ trưởng đơn vị"))],
        )  # fmt: skip
        self.recognised_by.setMaximumWidth(280)
        self.body = QLineEdit(page, objectName="bodyEdit")
        self.body.setMaxLength(RECORD_TEXT["recognition.body"])
        self.body.setPlaceholderText(self.tr("Ví dụ: Hội đồng sáng kiến Công ty …"))
        self.decision_no = QLineEdit(page, objectName="decisionNoEdit")
        self.decision_no.setMaxLength(RECORD_TEXT["recognition.decision_no"])
        self.decision_no.setPlaceholderText(self.tr("Ví dụ: 15/QĐ-HĐSK"))
        self.decision_no.setMaximumWidth(260)
        self.decided_on = DateField(page)
        self.decided_on.setObjectName("decidedOnEdit")
        form.addRow(self.tr("Ngày nhận đơn"), self.submitted_on)
        form.addRow(self.tr("Công nhận bởi"), self.recognised_by)
        form.addRow(self.tr("Cơ quan, đơn vị công nhận"), self.body)
        form.addRow(self.tr("Số quyết định"), self.decision_no)
        form.addRow(self.tr("Ngày quyết định"), self.decided_on)
        layout.addStretch(1)
        self._watch(
            self.submitted_on, self.recognised_by, self.body, self.decision_no, self.decided_on
        )
        for path, widget in (
            ("submitted_on", self.submitted_on),
            ("recognition", self.recognised_by),
            ("recognition.by", self.recognised_by),
            ("recognition.body", self.body),
            ("recognition.decision_no", self.decision_no),
            ("recognition.decided_on", self.decided_on),
        ):
            self._place(path, "recognition", widget)

    def _build_research(self) -> None:
        page, layout = self._page(
            "research",
            self.tr(
                "Đề tài cấp tỉnh, bộ, ngành phải được nghiệm thu, ứng dụng vào thực tế từ %1 và "
                "được thủ trưởng đơn vị nơi ứng dụng xác nhận hiệu quả kinh tế – xã hội."
            ).replace("%1", format_date(self.profile.research_applied_since)),
        )
        form = self._form(layout)
        self.research_level = self._combo(
            page,
            "researchLevelCombo",
            [(None, self.tr("Chưa chọn"))]
            + [(r.code, r.label(ui_language())) for r in self.profile.research_levels],
        )
        self.research_level.setMaximumWidth(280)
        self.accepted_on = DateField(page)
        self.accepted_on.setObjectName("acceptedOnEdit")
        self.applied_since = DateField(page)
        self.applied_since.setObjectName("appliedSinceEdit")
        self.confirmed_by = QLineEdit(page, objectName="confirmedByEdit")
        self.confirmed_by.setMaxLength(RECORD_TEXT["research.confirmed_by"])
        self.confirmed_by.setPlaceholderText(self.tr("Họ tên, chức vụ thủ trưởng đơn vị ứng dụng"))
        self.confirmation_no = QLineEdit(page, objectName="confirmationNoEdit")
        self.confirmation_no.setMaxLength(RECORD_TEXT["research.confirmation_no"])
        self.confirmation_no.setMaximumWidth(260)
        self.confirmed_on = DateField(page)
        self.confirmed_on.setObjectName("confirmedOnEdit")
        form.addRow(self.tr("Cấp đề tài"), self.research_level)
        form.addRow(self.tr("Ngày nghiệm thu"), self.accepted_on)
        form.addRow(self.tr("Ứng dụng vào thực tế từ"), self.applied_since)
        form.addRow(self.tr("Người xác nhận hiệu quả"), self.confirmed_by)
        form.addRow(self.tr("Số văn bản xác nhận"), self.confirmation_no)
        form.addRow(self.tr("Ngày xác nhận"), self.confirmed_on)
        layout.addStretch(1)
        self._watch(
            self.research_level, self.accepted_on, self.applied_since, self.confirmed_by,
            self.confirmation_no, self.confirmed_on,
        )  # fmt: skip
        for path, widget in (
            ("research_level", self.research_level),
            ("research", self.accepted_on),
            ("research.accepted_on", self.accepted_on),
            ("research.applied_since", self.applied_since),
            ("research.confirmed_by", self.confirmed_by),
            ("research.confirmation_no", self.confirmation_no),
            ("research.confirmed_on", self.confirmed_on),
        ):
            self._place(path, "research", widget)

    def _build_ip(self) -> None:
        page, layout = self._page(
            "ip",
            self.tr(
                "Sáng kiến đang được bảo hộ quyền sở hữu trí tuệ (sáng chế, giải pháp hữu ích, "
                "kiểu dáng công nghiệp, giống cây trồng…) thì không được tham gia Chương trình."
            ),
        )
        form = self._form(layout)
        self.protected = QCheckBox(
            self.tr("Đang được bảo hộ quyền sở hữu trí tuệ"), page, objectName="protectedCheck"
        )
        self.registration_no = QLineEdit(page, objectName="registrationNoEdit")
        self.registration_no.setMaxLength(RECORD_TEXT["ip_protection.registration_no"])
        self.registration_no.setPlaceholderText(self.tr("Số văn bằng bảo hộ"))
        self.registration_no.setMaximumWidth(260)
        self.registration_no.setEnabled(False)
        form.addRow(self.protected)
        form.addRow(self.tr("Số văn bằng"), self.registration_no)
        layout.addStretch(1)
        self.protected.toggled.connect(self.registration_no.setEnabled)
        self._watch(self.protected, self.registration_no)
        self._place("ip_protection", "ip", self.protected)
        self._place("ip_protection.protected", "ip", self.protected)
        self._place("ip_protection.registration_no", "ip", self.registration_no)

    def _build_review(self) -> None:
        page, layout = self._page(
            "review",
            self.tr(
                "Phần mềm không tự đánh giá được nội dung có trái trật tự công cộng, đạo đức xã "
                "hội hay không: một thành viên Tổ hỗ trợ sáng kiến đọc và xác nhận đã rà soát. "
                "Chưa có xác nhận thì chưa gửi được lên Cổng."
            ),
        )
        form = self._form(layout)
        self.reviewer = QLineEdit(page, objectName="reviewerEdit")
        self.reviewer.setMaxLength(RECORD_TEXT["content_review.reviewer"])
        self.reviewer.setPlaceholderText(self.tr("Họ tên thành viên Tổ hỗ trợ đã rà soát"))
        MemberCompleter(self.db, self.reviewer)
        self.reviewed_on = DateField(page)
        self.reviewed_on.setObjectName("reviewedOnEdit")
        form.addRow(self.tr("Người rà soát"), self.reviewer)
        form.addRow(self.tr("Ngày rà soát"), self.reviewed_on)
        if self.actor:
            self.reviewed_now = QPushButton(
                self.tr("Tôi (%1) đã rà soát hôm nay").replace("%1", self.actor),
                page,
                objectName="reviewedNowButton",
            )
            self.reviewed_now.clicked.connect(self._reviewed_now)
            row = QHBoxLayout()
            row.addWidget(self.reviewed_now)
            row.addStretch(1)
            form.addRow("", row)
        layout.addStretch(1)
        self._watch(self.reviewer, self.reviewed_on)
        self._place("content_review", "review", self.reviewer)
        self._place("content_review.reviewer", "review", self.reviewer)
        self._place("content_review.reviewed_on", "review", self.reviewed_on)

    def _reviewed_now(self) -> None:
        self.reviewer.setText(self.actor)
        self.reviewed_on.set_value(date.today())

    def _build_attachments(self) -> None:
        page, layout = self._page("attachments")
        self.attachments = AttachmentsPanel(self.db, page)
        layout.addWidget(self.attachments, 1)
        self.attachments.changed.connect(self._edited)
        self._place("attachments", "attachments", self.attachments.table, marks=False)

    def _build_history(self) -> None:
        page, layout = self._page(
            "history",
            self.tr(
                "Mọi lần tạo, sửa, chuyển trạng thái và nhập từ tệp, mới nhất ở trên: ai làm, lúc "
                "nào, giá trị cũ → mới. Di chuột lên một dòng để xem đầy đủ."
            ),
        )
        self.history = QTableWidget(0, 4, page)
        self.history.setObjectName("historyTable")
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Thời điểm"),
                self.tr("Người thực hiện"),
                self.tr("Thao tác"),
                self.tr("Nội dung thay đổi"),
            ]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.history.setWordWrap(False)
        self.history.verticalHeader().setVisible(False)
        self.history.setAlternatingRowColors(True)
        header = self.history.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((118, 150, 130)):
            self.history.setColumnWidth(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.history, 1)
        self._place("status", "history", self.history, marks=False)

    # Read-only view ---------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """Show the record without a way to change it (a role that may not edit initiatives):
        texts read-only, so they can still be selected and copied; choices, dates and ticks
        disabled; the authors and attachments panels keep only what reads (an attachment still
        opens). Navigation and the history stay as they are."""
        self.read_only = read_only
        panels = (self.authors, self.attachments)
        for key, page in self.pages.items():
            if key == "history":
                continue
            for widget in page.findChildren(QWidget):
                if any(panel is widget or panel.isAncestorOf(widget) for panel in panels):
                    continue
                if isinstance(widget, (QAbstractSpinBox, DateField)):  # before their line edits
                    widget.setEnabled(not read_only)
                elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
                    if not isinstance(widget.parent(), QAbstractSpinBox):
                        widget.setReadOnly(read_only)
                elif isinstance(widget, (QComboBox, QCheckBox, QPushButton)):
                    widget.setEnabled(not read_only)
        for panel in panels:
            panel.set_read_only(read_only)
        if not read_only:  # back to what the record allows
            self.code.setReadOnly(self._code_fixed)
            self.subkind.setEnabled(self.subkind.count() > 1)

    # Kind ---------------------------------------------------------------------------------------
    def is_research(self) -> bool:
        kind = self.profile.kind(self.kind.currentData())
        return bool(kind and kind.research)

    def _kind_chosen(self) -> None:
        code = self.kind.currentData()
        kind = self.profile.kind(code)
        previous = self.subkind.currentData()
        self.subkind.blockSignals(True)
        self.subkind.clear()
        self.subkind.addItem(self.tr("Chưa chọn"), None)
        for sub in kind.subkinds if kind else ():
            self.subkind.addItem(sub.label(ui_language()), sub.code)
        self.subkind.setCurrentIndex(max(self.subkind.findData(previous), 0))
        self.subkind.setEnabled(self.subkind.count() > 1 and not self.read_only)
        self.subkind.blockSignals(False)
        self.authors.set_kind(code)
        self.kind_changed.emit(code)

    # Record ⇄ widgets -------------------------------------------------------------------------
    def populate(self, record: InitiativeRecord) -> None:
        self._loading = True
        try:
            self.code.setText(record.code)
            self._code_fixed = bool(record.code and record.created_at)
            self.code.setReadOnly(self._code_fixed or self.read_only)
            self.code.setToolTip(self.tr("Mã đã cấp, không đổi được") if self._code_fixed else "")
            self.title.setPlainText(record.title)
            self.kind.setCurrentIndex(max(self.kind.findData(record.kind), 0))
            self._kind_chosen()
            self.subkind.setCurrentIndex(max(self.subkind.findData(record.subkind), 0))
            self.field.setText(record.field)
            for key, edit in self.texts.items():
                edit.setPlainText(getattr(record, key))
            self.authors.model.set_authors(record.authors)
            app, ben = record.application, record.benefits
            self.mode.setCurrentIndex(max(self.mode.findData(app.mode), 0))
            self.first_applied.set_value(app.first_applied_on)
            self.where.setText(app.where)
            self.value.set_value(ben.economic_value_vnd)
            self.economic.setPlainText(ben.economic)
            for code, box in self.social.items():
                box.setChecked(code in ben.social)
            self.social_description.setPlainText(ben.social_description)
            rec = record.recognition
            self.submitted_on.set_value(record.submitted_on)
            self.recognised_by.setCurrentIndex(max(self.recognised_by.findData(rec.by), 0))
            self.body.setText(rec.body)
            self.decision_no.setText(rec.decision_no)
            self.decided_on.set_value(rec.decided_on)
            res = record.research
            self.research_level.setCurrentIndex(
                max(self.research_level.findData(record.research_level), 0)
            )
            self.accepted_on.set_value(res.accepted_on)
            self.applied_since.set_value(res.applied_since)
            self.confirmed_by.setText(res.confirmed_by)
            self.confirmation_no.setText(res.confirmation_no)
            self.confirmed_on.set_value(res.confirmed_on)
            self.protected.setChecked(record.ip_protection.protected)
            self.registration_no.setText(record.ip_protection.registration_no or "")
            self.registration_no.setEnabled(record.ip_protection.protected)
            self.reviewer.setText(record.content_review.reviewer)
            self.reviewed_on.set_value(record.content_review.reviewed_on)
            self.attachments.set_refs(record.attachments)
            self.show_state(record)
        finally:
            self._loading = False

    def after_save(self, record: InitiativeRecord) -> None:
        """The code the save gave, fixed from now on, and the new time stamps."""
        self._loading = True
        try:
            self.code.setText(record.code)
            self._code_fixed = True
            self.code.setReadOnly(True)
            self.code.setToolTip(self.tr("Mã đã cấp, không đổi được"))
            self.show_state(record)
        finally:
            self._loading = False

    def show_state(self, record: InitiativeRecord) -> None:
        self.status.setText(f"<b>{state_name(record.status)}</b>")
        if record.created_at:
            stamps = self.tr("Tạo lúc %1").replace(
                "%1", record.created_at.strftime("%d/%m/%Y %H:%M")
            )
            if record.updated_at:
                stamps += self.tr(" · cập nhật lúc %1").replace(
                    "%1", record.updated_at.strftime("%d/%m/%Y %H:%M")
                )
        else:
            stamps = self.tr("Chưa lưu")
        self.stamps.setText(stamps)

    def collect(self, base: InitiativeRecord) -> InitiativeRecord:
        """The record as the widgets show it; what the widgets do not edit comes from ``base``.
        A date field whose text is not (yet) a date counts as empty here: :meth:`bad_date`
        keeps it from being saved so."""
        research = self.is_research()
        protected = self.protected.isChecked()
        return replace(
            base,
            code=clean(self.code.text()),
            title=clean(self.title.toPlainText()),
            kind=self.kind.currentData(),
            subkind=None if research else self.subkind.currentData(),
            research_level=self.research_level.currentData() if research else None,
            field=clean(self.field.text()),
            **{key: _text(edit) for key, edit in self.texts.items()},
            authors=self.authors.model.authors(),
            application=Application(
                self.mode.currentData(), self.first_applied.shown_value(), clean(self.where.text())
            ),
            benefits=Benefits(
                self.value.value(),
                _text(self.economic),
                [code for code, box in self.social.items() if box.isChecked()],
                _text(self.social_description),
            ),
            recognition=Recognition(
                self.recognised_by.currentData(),
                clean(self.body.text()),
                clean(self.decision_no.text()),
                self.decided_on.shown_value(),
            ),
            research=Research(
                self.accepted_on.shown_value(),
                self.applied_since.shown_value(),
                clean(self.confirmed_by.text()),
                clean(self.confirmation_no.text()),
                self.confirmed_on.shown_value(),
            )
            if research
            else Research(),
            ip_protection=IpProtection(
                protected, (clean(self.registration_no.text()) or None) if protected else None
            ),
            content_review=ContentReview(
                clean(self.reviewer.text()), self.reviewed_on.shown_value()
            ),
            attachments=self.attachments.refs(),
            submitted_on=self.submitted_on.shown_value(),
        )

    def bad_date(self) -> DateField | None:
        """The first date field whose text is no date it may hold (research dates only for a
        research project), or None."""
        fields = [
            self.first_applied,
            self.submitted_on,
            self.decided_on,
            self.reviewed_on,
            *(
                (self.accepted_on, self.applied_since, self.confirmed_on)
                if self.is_research()
                else ()
            ),
        ]
        return next((f for f in fields if f.problem()), None)

    def section_of(self, widget: QWidget) -> str:
        return next(
            (key for key, page in self.pages.items() if page.isAncestorOf(widget)), "general"
        )

    def show_history(self, entries: list[HistoryEntry]) -> None:
        """One row per entry (newest first); the changes one per line, long values cut, the
        whole text in the row's tooltip."""
        what = {
            "create": self.tr("Tạo mới"),
            "update": self.tr("Sửa"),
            "move": self.tr("Chuyển trạng thái"),
            "import": self.tr("Nhập từ tệp"),
            "reimport": self.tr("Cập nhật từ tệp"),
            "delete": self.tr("Xóa"),
        }
        unchanged = self.tr("(không thay đổi giá trị nào)")
        note = self.tr("Ghi chú: %1")
        nobody = self.tr("(không ghi tên)")
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop  # slow: once
        table = self.history
        spacing = table.fontMetrics().lineSpacing()
        table.setUpdatesEnabled(False)
        try:
            table.clearContents()
            table.setRowCount(len(entries))
            for row, entry in enumerate(entries):
                lines = [change.text(HISTORY_VALUE_LETTERS) for change in entry.changes]
                full = [change.text() for change in entry.changes]
                if not lines:
                    lines = [unchanged]
                    full = list(lines)
                if len(lines) > HISTORY_LINES:
                    more = len(lines) - HISTORY_LINES + 1
                    lines = lines[: HISTORY_LINES - 1]
                    lines.append(self.tr("… và %n thay đổi khác", "", more))
                if entry.comment:
                    lines.append(note.replace("%1", elide(entry.comment, HISTORY_VALUE_LETTERS)))
                    full.append(note.replace("%1", entry.comment))
                action = what.get(entry.action, entry.what)
                actor = entry.actor or nobody
                when = entry.at.strftime("%d/%m/%Y %H:%M")
                tip = (
                    "<qt>"
                    + "<br>".join(
                        html.escape(line).replace("\n", "<br>")
                        for line in (f"{when} · {actor} · {action}", *full)
                    )
                    + "</qt>"
                )
                for column, value in enumerate((when, actor, action, "\n".join(lines))):
                    item = QTableWidgetItem(value)
                    item.setToolTip(tip)
                    item.setTextAlignment(top_left)
                    table.setItem(row, column, item)
                # Counted, not measured: resizeRowsToContents takes a second for 800 rows.
                table.setRowHeight(row, spacing * len(lines) + HISTORY_ROW_PADDING)
        finally:
            table.setUpdatesEnabled(True)

    # Where fields live --------------------------------------------------------------------------
    def place(self, path: str | None) -> Place:
        """Where the field ``path`` of a finding is edited (the general section when unknown)."""
        if path:
            match = _AUTHOR_PATH.fullmatch(path)
            if match:
                row, field = int(match.group(1)), match.group(2)
                return Place("authors", lambda: self.authors.focus_cell(row, field))
            while path:
                if path in self._places:
                    return self._places[path]
                path = path.rpartition(".")[0]
        return Place("general", lambda: self.title.setFocus(Qt.FocusReason.OtherFocusReason))

    def marked_widgets(self) -> set[QWidget]:
        return {p.widget for p in self._places.values() if p.widget is not None}
