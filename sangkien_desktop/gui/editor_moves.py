"""The editor's move bar: a button for each move the workflow allows from the initiative's state
now, forward moves first, a step back only in a secondary menu. A move not possible yet stays in
its place, disabled, with the reason (from ``workflow.service.why_not``, the same one the board,
the list and the CLI give) as its tooltip and in a line beside the buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QWidget

from sangkien_desktop.errors import WorkflowError
from sangkien_desktop.gui.dialogs import forward, move_summary, run_moves
from sangkien_desktop.gui.look import ui_language
from sangkien_desktop.gui.tasks import show_error
from sangkien_desktop.workflow.service import MoveReport, why_not
from sangkien_desktop.workflow.states import TRANSITIONS, State, state_name

if TYPE_CHECKING:
    from sangkien_desktop.gui.editor import InitiativeEditor

STYLE = """
QPushButton[move="forward"] { font-weight: 600; }
QLabel#moveReason { color: #5f6773; }
"""


class ReasonLabel(QLabel):
    """One line, cut with "…" to the room it has (the header never grows); the whole reason
    in its tooltip and in ``full``."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, self.width())
        if shown != self.text():
            self.setText(shown)


class MoveBar(QWidget):
    """The moves of the editor's initiative; ``refresh()`` after anything that may change them."""

    def __init__(self, editor: InitiativeEditor) -> None:
        super().__init__(editor)
        self.setObjectName("moveBar")
        self.setStyleSheet(STYLE)
        self.editor = editor
        self.buttons: dict[State, QPushButton] = {}
        self.back_actions: dict[State, QAction] = {}
        self.reasons: dict[State, str | None] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.reason_label = ReasonLabel(self)
        self.reason_label.setObjectName("moveReason")
        self.back_menu = QMenu(self)
        self.back_menu.setToolTipsVisible(True)
        self.back_button = QPushButton(self.tr("Trả về…"), self, objectName="moveBackButton")
        self.back_button.setFlat(True)
        self.back_button.setToolTip(self.tr("Trả sáng kiến về bước trước để sửa hồ sơ"))
        self.back_button.setMenu(self.back_menu)
        self.next_action = QAction(self.tr("Chuyển sang bước tiếp theo"), editor)
        self.next_action.setObjectName("actionNextStep")
        self.next_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.next_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.next_action.triggered.connect(self.next_step)
        editor.addAction(self.next_action)
        self._state: str | None = None

    # What is possible now ------------------------------------------------------------------
    def _build(self, state: str) -> None:
        """The buttons and the back menu for the moves out of ``state``."""
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()  # never from its own click: refresh runs after the move's report
        self.buttons.clear()
        self.back_menu.clear()
        self.back_actions.clear()
        self._layout.removeWidget(self.back_button)
        self._layout.removeWidget(self.reason_label)
        lang = ui_language()
        for target in TRANSITIONS[State(state)]:
            name = state_name(target, lang)
            if forward(state, target):
                button = QPushButton(
                    self.tr("→ %1").replace("%1", name), self, objectName=f"move{target.title()}"
                )
                button.setProperty("move", "forward")
                # Read aloud as words, not as an arrow.
                button.setAccessibleName(self.tr("Chuyển sang “%1”").replace("%1", name))
                button.clicked.connect(lambda _=False, t=target: self.move_to(t))
                self._layout.addWidget(button)
                self.buttons[target] = button
            else:
                action = self.back_menu.addAction(self.tr("← %1").replace("%1", name))
                action.setObjectName(f"moveBack{target.title()}")
                action.triggered.connect(lambda _=False, t=target: self.move_to(t))
                self.back_actions[target] = action
        self._layout.addWidget(self.back_button)
        self._layout.addWidget(self.reason_label, 1)
        self.back_button.setVisible(bool(self.back_actions))
        self._state = state

    def reason(self, target: State) -> str | None:
        """Why the editor's initiative cannot move to ``target`` now (None: it can)."""
        editor = self.editor
        if editor.record.created_at is None:
            return self.tr("Lưu sáng kiến trước khi chuyển trạng thái.")
        record = editor.form.collect(editor.record)
        return why_not(editor.db, record, target, editor.profile, lang=ui_language())

    def refresh(self) -> None:
        state = self.editor.record.status
        if state != self._state:
            self._build(state)
        self.reasons = {t: self.reason(t) for t in (*self.buttons, *self.back_actions)}
        lang = ui_language()
        first_refused = ""
        for target, button in self.buttons.items():
            why = self.reasons[target]
            button.setEnabled(why is None)
            button.setToolTip(
                why or self.tr("Chuyển sang “%1”").replace("%1", state_name(target, lang))
            )
            if why and not first_refused:
                first_refused = self.tr("Chưa chuyển được: %1").replace("%1", self._short(why))
        for target, action in self.back_actions.items():
            why = self.reasons[target]
            action.setEnabled(why is None)
            action.setToolTip(why or "")
        self.back_button.setEnabled(any(a.isEnabled() for a in self.back_actions.values()))
        if not self.buttons and not self.back_actions:
            first_refused = self.tr("“%1” là bước cuối.").replace("%1", state_name(state, lang))
        self.reason_label.set_full(first_refused)
        self.next_action.setEnabled(self._next() is not None)

    def _short(self, reason: str) -> str:
        """The reason without the initiative's name (the window says it) and without the list
        after a dash (the tooltip and the findings hold it): "còn 2 lỗi nên chưa sẵn sàng gửi"."""
        code = self.editor.record.code
        for prefix in (f"Sáng kiến {code}: ", f"Sáng kiến {code} ", f"{code}: "):
            if code and reason.startswith(prefix):
                reason = reason[len(prefix) :]
                break
        return reason.split(" — ", 1)[0]

    def _next(self) -> State | None:
        return next((t for t in self.buttons if self.reasons.get(t) is None), None)

    # Moving --------------------------------------------------------------------------------
    def next_step(self) -> bool:
        """The first forward move possible now (Ctrl+Shift+M)."""
        target = self._next()
        return target is not None and self.move_to(target)

    def move_to(self, target: State) -> bool:
        """Save what is typed (if anything), ask what the move needs, move; the result goes to
        the status bar. True when the initiative moved."""
        editor = self.editor
        why = self.reason(target)
        if why is not None:
            show_error(editor, WorkflowError(why))
            return False
        if editor.is_modified() and not editor.save():
            return False
        outcome: list[MoveReport] = []
        run_moves(
            editor,
            editor.db,
            editor.profile,
            [editor.record.id],
            editor.record.code,
            target,
            editor.actor,
            outcome.append,
        )
        if not outcome:  # the person cancelled the dialog
            return False
        report = outcome[0]
        if report.refused:
            show_error(editor, WorkflowError(report.refused[0][1]))
            return False
        editor.reload_stored()
        editor.report(move_summary(report))
        return True
