"""The keyboard: from a search box into its results, and the list of every shortcut.

``lead_into(box, results)``: Down, Enter or Return in a search box puts the cursor on the first
row of its results (the search waiting to run runs first). ``shortcuts(window)`` reads the
shortcuts from the window's real QActions and QShortcuts (and those of its open windows), so
the list under Trợ giúp › Phím tắt never drifts from what the keys do."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

#: The keys that leave a search box for its results.
LEAD_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _Lead(QObject):
    """The event filter of ``lead_into``."""

    def __init__(
        self,
        box: QLineEdit,
        results: Callable[[], QAbstractItemView | None],
        before: Callable[[], None] | None,
    ) -> None:
        super().__init__(box)
        self.results, self.before = results, before

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in LEAD_KEYS or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if self.before is not None:
            self.before()
        view = self.results()
        if view is None:
            return False
        enter(view)
        return True


def enter(view: QAbstractItemView) -> None:
    """Focus ``view`` with its current row on the first one (kept when it has one)."""
    view.setFocus(Qt.FocusReason.TabFocusReason)
    model = view.model()
    if model is None or model.rowCount() == 0 or view.currentIndex().isValid():
        return
    first = model.index(0, 0)
    view.setCurrentIndex(first)
    view.scrollTo(first)


def lead_into(
    box: QLineEdit,
    results: QAbstractItemView | Callable[[], QAbstractItemView | None],
    before: Callable[[], None] | None = None,
) -> None:
    """Down, Enter or Return in ``box`` moves the cursor into ``results`` (a view, or a function
    naming the view to go to now); ``before`` runs first (the search waiting on its timer)."""
    pick = results if callable(results) and not isinstance(results, QWidget) else None
    view = results if isinstance(results, QAbstractItemView) else None
    box.installEventFilter(_Lead(box, pick or (lambda: view), before))


def flush(timer: QTimer, run: Callable[[], None]) -> Callable[[], None]:
    """A ``before`` for ``lead_into``: the search waiting on ``timer`` runs now."""

    def now() -> None:
        if timer.isActive():
            timer.stop()
            run()

    return now


@dataclass(frozen=True)
class Shortcut:
    keys: str  # as shown, in the platform's words (Ctrl+S)
    what: str  # the action's text, without its & mnemonic
    where: str  # the window it belongs to


def shortcuts(places: Iterable[tuple[str, QWidget]]) -> list[Shortcut]:
    """Every shortcut of each ``(where, widget)`` and the widget's children: QActions (menus,
    buttons, windows) and QShortcuts, each once, where it is first found."""
    found: list[Shortcut] = []
    seen: set[tuple[str, str]] = set()
    for where, widget in places:
        for action in [*widget.actions(), *widget.findChildren(QAction)]:
            what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            for sequence in action.shortcuts():
                _add(found, seen, sequence, what or action.toolTip(), where)
        for shortcut in widget.findChildren(QShortcut):
            what = shortcut.whatsThis() or shortcut.objectName()
            _add(found, seen, shortcut.key(), what, where)
    return found


def _add(
    found: list[Shortcut], seen: set[tuple[str, str]], sequence: QKeySequence, what: str, where: str
) -> None:
    keys = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    if keys and (keys, what) not in seen:
        seen.add((keys, what))
        found.append(Shortcut(keys, what, where))


class ShortcutsDialog(QDialog):
    """Trợ giúp › Phím tắt: the table of every shortcut, read from the windows themselves."""

    def __init__(self, parent: QWidget | None, places: Iterable[tuple[str, QWidget]]) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Phím tắt"))
        lead = Shortcut(  # a key of the search boxes (lead_into), not an action
            self.tr("↓ hoặc Enter"),
            self.tr("Từ ô tìm kiếm xuống danh sách kết quả"),
            self.tr("Ô tìm kiếm"),
        )
        self.rows = [*shortcuts(places), lead]
        self.table = QTableWidget(len(self.rows), 3, self, objectName="shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Phím"), self.tr("Việc"), self.tr("Cửa sổ")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, item in enumerate(self.rows):
            for column, text in enumerate((item.keys, item.what, item.where)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(700, 580)
