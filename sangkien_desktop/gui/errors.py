"""The safety net: what the desktop does with an exception no code caught.

``install()`` (called once at start by ``gui.app.main``) sets ``sys.excepthook`` and
``threading.excepthook``. A ``SangKienError`` that escapes a slot is the person's own mistake
said in their words: its message in a plain message box. Anything else is a bug: its traceback
goes to the log file (``sangkien_desktop.logs``) and an internal-error dialog says so, that the
data already saved is safe, where the log is, with a button that copies the details and one
that opens the log folder.

Errors raised while that dialog is open add their details to it instead of opening another
(an exception in a paint event repeats at every repaint); a second user error while its box is
open is not shown again. The hook never raises: if showing fails, Python's own hook prints.
Exceptions of other threads are logged there and shown on the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop import logs
from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.ownership import keep
from sangkien_desktop.gui.tasks import show_error

log = logging.getLogger(__name__)

#: The internal-error dialog shown now, if any (more errors go into it).
_dialog: InternalErrorDialog | None = None
#: The message box of a user error shown now, if any (another is not stacked on it).
_user_box: QMessageBox | None = None
#: How many times each traceback was seen (bounded).
_repeats: dict[str, int] = {}
#: True while the hook runs: an error raised by the hook itself goes to Python's own hook.
_busy = False


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class InternalErrorDialog(QDialog):
    """Says a bug happened, that saved data is safe, and where its details are kept."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("internalErrorDialog")
        self.setWindowTitle(self.tr("Lỗi nội bộ — Sáng Kiến Desktop"))
        self.log_path = log_path
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        heading = QLabel(self.tr("Đã xảy ra lỗi nội bộ trong Sáng Kiến Desktop."), self)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        where = (
            self.tr("Chi tiết lỗi đã được ghi vào tệp nhật ký:\n%1").replace("%1", str(log_path))
            if log_path is not None
            else self.tr("Không ghi được tệp nhật ký; hãy sao chép chi tiết bên dưới.")
        )
        text = QLabel(
            "\n\n".join(
                (
                    self.tr(
                        "Dữ liệu đã lưu trước đó vẫn an toàn. Thao tác vừa làm có thể chưa hoàn "
                        "tất: hãy kiểm tra lại rồi làm lại nếu cần."
                    ),
                    where,
                    self.tr("Hãy gửi tệp nhật ký (hoặc phần chi tiết) cho người hỗ trợ kỹ thuật."),
                )
            ),
            self,
            objectName="explanation",
        )
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(self, objectName="details")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setPlainText(details)
        self.details.setMinimumHeight(140)
        self.count = 1
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("Sao chép chi tiết"), self, objectName="copy")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = QPushButton(self.tr("Mở thư mục nhật ký"), self, objectName="openLogs")
        self.folder_button.setEnabled(log_path is not None)
        self.folder_button.clicked.connect(self.open_log_folder)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(heading)
        words.addWidget(text)
        top.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def add(self, details: str) -> None:
        """Another error while this dialog is open: its details go below the first ones, once
        (an error in a paint event comes back at every repaint)."""
        self.count += 1
        if details in self.details.toPlainText():
            return
        self.details.appendPlainText(
            "\n" + self.tr("Lỗi tiếp theo (%1):").replace("%1", str(self.count))
        )
        self.details.appendPlainText(details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    def open_log_folder(self) -> None:
        if self.log_path is not None:
            open_folder(self.log_path.parent)


class _Relay(QObject):
    """Carries an exception from another thread to the GUI thread (a queued signal)."""

    raised = Signal(object)


_relay: _Relay | None = None


def _active_window() -> QWidget | None:
    window = QApplication.activeWindow()
    return window if window is not None and window.isVisible() else None


def _show(exc: BaseException, details: str) -> None:
    """On the GUI thread: a user error's message, or the internal-error dialog."""
    global _dialog, _user_box
    if isinstance(exc, SangKienError):
        if _user_box is None:
            _user_box = show_error(_active_window(), exc)
            _user_box.finished.connect(_user_box_closed)
            _user_box.destroyed.connect(_user_box_closed)
        return
    if _dialog is not None:
        _dialog.add(details)
        return
    dialog = keep(InternalErrorDialog(details, logs.log_file()))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.finished.connect(_dialog_closed)
    dialog.destroyed.connect(_dialog_closed)
    _dialog = dialog
    dialog.show()


def _dialog_closed(*_args: object) -> None:
    global _dialog
    _dialog = None  # keep() holds it until Qt deletes it (gui/ownership)


def _user_box_closed(*_args: object) -> None:
    global _user_box
    _user_box = None


def _record(exc: BaseException, tb: TracebackType | None) -> str:
    """Log ``exc``; returns its traceback text. A user error logs where it escaped, not its
    message (it may name a person). The same error again is logged at its 2nd, 4th, 8th…
    time only, so that one repeating at every repaint cannot flood the log."""
    details = "".join(traceback.format_exception(type(exc), exc, tb))
    if len(_repeats) > 100:
        _repeats.clear()
    times = _repeats[details] = _repeats.get(details, 0) + 1
    if times & (times - 1):  # not a power of two
        return details
    if isinstance(exc, SangKienError):
        frames = "".join(traceback.format_tb(tb))
        log.warning("%s escaped a slot (%d):\n%s", type(exc).__name__, times, frames.rstrip())
    else:
        where = "the desktop application" + (f" ({times} times)" if times > 1 else "")
        logs.log_unexpected(exc.with_traceback(tb), where)
    return details


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook``: log, then show on the GUI thread. Never raises."""
    global _busy
    try:
        app = QApplication.instance()
        if app is not None and QThread.currentThread() is not app.thread():
            details = _record(exc, tb)  # a slot run by a worker thread
            if _relay is not None:
                _relay.raised.emit((exc, details))
            return
        if _busy:  # raised while the hook was showing one: Python's own report only
            _fallback(kind, exc, tb)
            return
        _busy = True
        try:
            details = _record(exc, tb)
            if app is None:
                _fallback(kind, exc, tb)
            else:
                _show(exc, details)
        finally:
            _busy = False
    except BaseException:
        _fallback(kind, exc, tb)


def thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """``threading.excepthook``: log, then show on the GUI thread. Never raises."""
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    try:
        details = _record(args.exc_value, args.exc_traceback)
        if _relay is not None:
            _relay.raised.emit((args.exc_value, details))
    except BaseException:
        _fallback(args.exc_type, args.exc_value, args.exc_traceback)


def _relayed(item: tuple[BaseException, str]) -> None:
    global _busy
    if _busy:
        return
    _busy = True
    try:
        _show(*item)
    except BaseException:
        exc = item[0]
        _fallback(type(exc), exc, exc.__traceback__)
    finally:
        _busy = False


def _fallback(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    with contextlib.suppress(BaseException):
        sys.__excepthook__(kind, exc, tb)


def install() -> None:
    """Catch what no code caught, from now on (call on the GUI thread, after the
    QApplication exists)."""
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.raised.connect(_relayed)
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook


def uninstall() -> None:
    """Python's own hooks again (the application has ended)."""
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
