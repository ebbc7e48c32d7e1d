"""The initiative editor: one window per initiative, its sections following the legal dossier,
the program's findings live beside the form, Ctrl+S to save."""

from __future__ import annotations

from dataclasses import fields, replace
from enum import Enum

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.errors import NotFoundError
from sangkien_desktop.gui.date_field import DateFieldError
from sangkien_desktop.gui.editor_findings import FindingsPanel, finding_text, severity_icon
from sangkien_desktop.gui.editor_form import SECTIONS, EditorForm, state_name
from sangkien_desktop.gui.editor_moves import MoveBar
from sangkien_desktop.gui.permissions import role_name
from sangkien_desktop.gui.print_preview import PrintMenu
from sangkien_desktop.gui.tasks import show_error
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.rules import Finding, Severity, check, derive
from sangkien_desktop.security import access
from sangkien_desktop.services.history import initiative_history
from sangkien_desktop.services.initiatives import get_record, new_id, save_record
from sangkien_desktop.storage.database import Database

CHECK_DELAY_MS = 200

STYLE = """
QLabel#sectionTitle { font-size: 13pt; font-weight: 600; color: #1c2b4a; }
QLabel[role="hint"] { color: #5f6773; }
QLabel#editorHeadline { font-size: 12pt; font-weight: 600; color: #1c2b4a; }
QLabel#stateChip { background: #e8eefc; color: #0b3a82; border-radius: 9px; padding: 2px 10px; }
QLineEdit:read-only, QPlainTextEdit:read-only { background: #f4f5f7; color: #2b2f36; }
QLabel#readOnlyBanner { background: #fff4d6; color: #5c4000; border: 1px solid #ecd08a;
    border-radius: 6px; padding: 6px 10px; }
QListWidget#sectionList { background: #f3f5f8; border: none; }
QListWidget#sectionList:focus { border: 2px solid #1a5fd0; }
QListWidget#sectionList::item { padding: 7px 8px; border-radius: 6px; margin: 1px 4px; }
QListWidget#sectionList::item:selected { background: #d6e4ff; color: #0b3a82; }
QLineEdit[finding="error"], QPlainTextEdit[finding="error"] { border: 1px solid #c62828; }
QLineEdit[finding="warning"], QPlainTextEdit[finding="warning"] { border: 1px solid #d98b00; }
"""


def _merge(
    base: InitiativeRecord, mine: InitiativeRecord, theirs: InitiativeRecord
) -> InitiativeRecord:
    """``theirs`` with every field that differs between ``base`` and ``mine`` taken from mine."""
    changed = {
        f.name: getattr(mine, f.name)
        for f in fields(mine)
        if getattr(mine, f.name) != getattr(base, f.name)
    }
    return replace(theirs, **changed)


class CloseChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class InitiativeEditor(QMainWindow):
    """Edits one initiative (a new one when ``initiative_id`` is None); ``saved(id)`` after
    every save."""

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
        self.setObjectName("initiativeEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet(STYLE)
        self.db, self.profile, self.actor = db, profile, actor
        self.record = (
            get_record(db, initiative_id)
            if initiative_id
            else InitiativeRecord(id=new_id(), code="", title="", kind=profile.kinds[0].code)
        )
        self.form = EditorForm(db, profile, actor, self)
        self.findings_panel = FindingsPanel(profile, self)
        self._findings: list[Finding] = []
        self._tooltips: dict[QWidget, str] = {}
        # Decided once, as the window opens: a role that may not edit sees the record read-only.
        self.read_only = not access.can(db, "initiative.edit")

        self.headline = QLabel(self, objectName="editorHeadline")
        self.state_chip = QLabel(self, objectName="stateChip")
        self.save_button = QPushButton(self.tr("Lưu"), self, objectName="saveButton")
        self.save_button.setToolTip(self.tr("Lưu sáng kiến (Ctrl+S)"))
        self.save_button.setDefault(False)
        self.close_button = QPushButton(self.tr("Đóng"), self, objectName="closeButton")
        header = QFrame(self)
        header.setFrameShape(QFrame.Shape.NoFrame)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(12, 8, 12, 8)
        header_layout.addWidget(self.headline)
        header_layout.addWidget(self.state_chip)
        self.moves = MoveBar(self)  # the moves allowed now, each with why not when not yet
        header_layout.addWidget(self.moves, 1)
        self.print_button = PrintMenu(self)  # the certificate and the dossier forms
        header_layout.addWidget(self.print_button)
        header_layout.addWidget(self.save_button)
        header_layout.addWidget(self.close_button)
        self.read_only_banner = QLabel(self, objectName="readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setVisible(False)
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(12, 0, 12, 8)
        banner_row.addWidget(self.read_only_banner)

        self.sections = QListWidget(self, objectName="sectionList")
        self.sections.setFixedWidth(168)
        self.sections.setIconSize(QSize(10, 10))
        self.stack = QStackedWidget(self, objectName="sectionStack")
        for key in SECTIONS:
            item = QListWidgetItem(self.form.titles[key], self.sections)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setIcon(severity_icon(None))
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self.form.pages[key])
            self.stack.addWidget(scroll)
        self.sections.currentRowChanged.connect(self._section_chosen)

        body = QHBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.sections)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(header)
        central_layout.addLayout(banner_row)
        central_layout.addLayout(body, 1)
        self.setCentralWidget(central)

        self.findings_dock = QDockWidget(self.tr("Kiểm tra hồ sơ"), self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.findings_dock.setWidget(self.findings_panel)
        self.findings_panel.setMinimumWidth(240)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)
        self.resizeDocks([self.findings_dock], [280], Qt.Orientation.Horizontal)

        self._build_actions()
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.form.changed.connect(self._edited)
        self.form.kind_changed.connect(self._kind_changed)
        self.form.attachments.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.findings_panel.go_to.connect(self.go_to)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)

        self.form.populate(self.record)
        if self.read_only:
            self._show_read_only()
        self._snapshot = self.form.collect(self.record)
        self._kind_changed(self.record.kind)
        self.form.show_history(initiative_history(db, self.record.id, profile))
        self.sections.setCurrentRow(0)
        self._update_title()
        self.check_now()
        self.setMinimumSize(QSize(900, 580))
        self._restore_geometry()
        self.form.title.setFocus(Qt.FocusReason.OtherFocusReason)

    # Window furniture -------------------------------------------------------------------------
    def _build_actions(self) -> None:
        save = QAction(self.tr("Lưu"), self, objectName="actionSave")
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(self.save)
        close = QAction(self.tr("Đóng"), self, objectName="actionClose")
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        following = QAction(self.tr("Mục sau"), self, objectName="actionNextSection")
        following.setShortcut(QKeySequence("Ctrl+PgDown"))
        following.triggered.connect(lambda: self._step_section(1))
        previous = QAction(self.tr("Mục trước"), self, objectName="actionPreviousSection")
        previous.setShortcut(QKeySequence("Ctrl+PgUp"))
        previous.triggered.connect(lambda: self._step_section(-1))
        escape = QAction(self.tr("Đóng (hỏi lưu nếu có thay đổi)"), self)
        escape.setObjectName("actionEscape")
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.triggered.connect(self.close)
        for action in (save, close, escape, following, previous):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.save_action = save

    def _show_read_only(self) -> None:
        """Every input read-only or disabled, no Save, and a banner saying why."""
        self.form.set_read_only(True)
        self.save_button.setVisible(False)
        self.save_action.setEnabled(False)
        user = access.current_user(self.db)
        role = role_name(user.role) if user is not None else ""
        self.read_only_banner.setText(
            self.tr("Chế độ chỉ xem — vai trò %1 không được sửa sáng kiến.").replace("%1", role)
        )
        self.read_only_banner.setVisible(True)

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("editor/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        width, height = 1240, 740
        if available is not None:
            width = min(width, available.width() - 20)
            height = min(height, available.height() - 20)
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    def label(self) -> str:
        return self.record.code or self.tr("Sáng kiến mới")

    def _update_title(self) -> None:
        title = self.record.title or self.tr("chưa có tên")
        if len(title) > 70:
            title = title[:68].rstrip() + "…"
        self.setWindowTitle(f"{self.label()}[*] — {title} — Sáng Kiến Desktop")
        self.headline.setText(
            self.tr("Sáng kiến %1").replace("%1", self.record.code)
            if self.record.code
            else self.tr("Sáng kiến mới (mã tự cấp khi lưu)")
        )
        self.state_chip.setText(state_name(self.record.status))

    # Sections -----------------------------------------------------------------------------------
    def _section_chosen(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    def current_section(self) -> str:
        return SECTIONS[self.stack.currentIndex()]

    def show_section(self, key: str) -> None:
        self.sections.setCurrentRow(SECTIONS.index(key))

    def section_visible(self, key: str) -> bool:
        return not self.sections.item(SECTIONS.index(key)).isHidden()

    def _step_section(self, delta: int) -> None:
        row = self.sections.currentRow()
        for _ in SECTIONS:
            row = (row + delta) % len(SECTIONS)
            if not self.sections.item(row).isHidden():
                self.sections.setCurrentRow(row)
                return

    def _kind_changed(self, _code: str) -> None:
        research = self.form.is_research()
        self.sections.item(SECTIONS.index("research")).setHidden(not research)
        if not research and self.current_section() == "research":
            self.show_section("general")

    # Checking -----------------------------------------------------------------------------------
    def _edited(self) -> None:
        self.setWindowModified(True)
        self._timer.start()

    def check_now(self) -> None:
        """Run the program's rules over the record as typed and show what they find."""
        self._timer.stop()
        record = self.form.collect(self.record)
        findings = check(record, self.profile)
        self._findings = findings
        self.findings_panel.show_findings(findings, derive(record, self.profile))
        self._mark(findings)
        self.setWindowModified(record != self._snapshot)
        self.moves.refresh()

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def _mark(self, findings: list[Finding]) -> None:
        sections: dict[str, list[Finding]] = {}
        widgets: dict[QWidget, list[Finding]] = {}
        cells: dict[tuple[int, str], tuple[Severity, str]] = {}
        for finding in findings:
            place = self.form.place(finding.field)
            sections.setdefault(place.section, []).append(finding)
            if place.widget is not None:
                widgets.setdefault(place.widget, []).append(finding)
            field = finding.field or ""
            if field.startswith("authors["):
                row = int(field[len("authors[") : field.index("]")])
                key = field.partition("].")[2] or "full_name"
                if (row, key) not in cells or finding.severity == Severity.ERROR:
                    cells[(row, key)] = (finding.severity, finding_text(finding))
        self.form.authors.model.set_marks(cells)
        for row, key in enumerate(SECTIONS):
            item = self.sections.item(row)
            found = sections.get(key, [])
            errors = sum(f.severity == Severity.ERROR for f in found)
            worst = Severity.ERROR if errors else (Severity.WARNING if found else None)
            item.setIcon(severity_icon(worst))
            item.setToolTip(
                self.tr("%1 lỗi, %2 lưu ý")
                .replace("%1", str(errors))
                .replace("%2", str(len(found) - errors))
                if found
                else ""
            )
        for widget in self.form.marked_widgets():
            found = widgets.get(widget, [])
            worst = ""
            if found:
                worst = str(
                    Severity.ERROR
                    if any(f.severity == Severity.ERROR for f in found)
                    else Severity.WARNING
                )
            if widget not in self._tooltips:
                self._tooltips[widget] = widget.toolTip()
            tip = "\n".join(finding_text(f) for f in found) or self._tooltips[widget]
            if widget.toolTip() != tip:
                widget.setToolTip(tip)
            if (widget.property("finding") or "") != worst:
                widget.setProperty("finding", worst)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def go_to(self, finding: Finding) -> None:
        """Show the section of ``finding``'s field and put the cursor in it."""
        place = self.form.place(finding.field)
        self.show_section(place.section)
        place.focus()

    # Moving -----------------------------------------------------------------------------------
    def reload_stored(self) -> None:
        """Show the initiative as stored now (after a move made here), nothing left unsaved."""
        stored = get_record(self.db, self.record.id)
        self.record = stored
        self.form.populate(stored)
        self._snapshot = self.form.collect(stored)
        self.form.show_history(initiative_history(self.db, stored.id, self.profile))
        self._update_title()
        self.check_now()
        self.saved.emit(stored.id)

    def report(self, text: str) -> None:
        """Say what happened in this window's status bar and the main window's, no box."""
        self.statusBar().showMessage(text, 10000)
        owner = self.parentWidget()
        if isinstance(owner, QMainWindow):
            owner.statusBar().showMessage(text, 10000)

    # Saving and closing -------------------------------------------------------------------------
    def is_modified(self) -> bool:
        # A date typed that is no date counts as a change: closing asks instead of losing it.
        return self.form.bad_date() is not None or self.form.collect(self.record) != self._snapshot

    def save(self) -> bool:
        """Save the record; on an error the window and everything typed stay as they are.

        The board may have moved the initiative (state, receipt date) while this window was
        open: fields changed here win, the others keep what was saved meanwhile."""
        if self.read_only:
            return False
        bad = self.form.bad_date()
        if bad is not None:  # refused by its name, never stored as another date or as none
            self.show_section(self.form.section_of(bad))
            bad.setFocus(Qt.FocusReason.OtherFocusReason)
            bad.selectAll()
            show_error(self, DateFieldError(bad.problem()))
            return False
        mine = self.form.collect(self.record)
        try:
            theirs = self._stored_meanwhile()
            record = _merge(self._snapshot, mine, theirs) if theirs else mine
            stored = save_record(
                self.db, replace(record, updated_at=None), self.profile, self.actor
            )
        except Exception as exc:  # shown to the person; nothing typed is lost
            show_error(self, exc)
            return False
        self.record = stored
        if record != mine:
            self.form.populate(stored)
        else:
            self.form.after_save(stored)
        self._snapshot = self.form.collect(stored)
        self.form.show_history(initiative_history(self.db, stored.id, self.profile))
        self._update_title()
        self.check_now()
        self.statusBar().showMessage(
            self.tr("Đã lưu %1 lúc %2.")
            .replace("%1", stored.code)
            .replace("%2", (stored.updated_at.strftime("%H:%M") if stored.updated_at else "")),
            8000,
        )
        self.saved.emit(stored.id)
        return True

    def _stored_meanwhile(self) -> InitiativeRecord | None:
        """The initiative as stored now, when it changed since this window loaded or saved it."""
        if self.record.created_at is None:
            return None
        try:
            stored = get_record(self.db, self.record.id)
        except NotFoundError:
            return None
        # Compared whole: time stamps have one-second steps, a move can share the second.
        return stored if stored != self.record else None

    @classmethod
    def ask_unsaved(cls, parent: QWidget, label: str) -> CloseChoice:
        """Ask what to do with unsaved changes: Lưu / Không lưu / Hủy (tests replace this)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("InitiativeEditor", "Sáng Kiến Desktop"))
        box.setText(
            QCoreApplication.translate(
                "InitiativeEditor", "Sáng kiến %1 có thay đổi chưa lưu."
            ).replace("%1", label)
        )
        box.setInformativeText(
            QCoreApplication.translate("InitiativeEditor", "Lưu trước khi đóng?")
        )
        save = box.addButton(
            QCoreApplication.translate("InitiativeEditor", "Lưu"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            QCoreApplication.translate("InitiativeEditor", "Không lưu"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        cancel = box.addButton(
            QCoreApplication.translate("InitiativeEditor", "Hủy"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return CloseChoice.SAVE
        if clicked is discard:
            return CloseChoice.DISCARD
        return CloseChoice.CANCEL

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.read_only and self.is_modified():
            choice = type(self).ask_unsaved(self, self.label())
            if choice is CloseChoice.CANCEL or (choice is CloseChoice.SAVE and not self.save()):
                event.ignore()
                return
        self._timer.stop()
        QSettings().setValue("editor/geometry", self.saveGeometry())
        super().closeEvent(event)
