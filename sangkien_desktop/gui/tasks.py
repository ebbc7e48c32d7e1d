"""Run slow core calls off the GUI thread (the one place that creates worker threads).

``run_task`` calls ``work(progress)`` in the thread pool; ``progress(done, total)`` returns False
once the user pressed Cancel, and the core function stops. After ``delay_ms`` a progress dialog
appears. ``on_done(result)`` or ``on_error(exception)`` then runs on the GUI thread.

Read-only queries where only the newest request counts (search as you type) use
``gui.background.BackgroundQuery`` instead: no dialog, stale results dropped.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from sangkien_desktop import logs
from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.ownership import keep

Progress = Callable[[int, int], bool]


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.cancelled = threading.Event()

    def progress(self, done: int, total: int) -> bool:
        self.signals.progressed.emit(done, total)
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class Task(QObject):
    """A running background call; kept alive by its parent until it ends."""

    done = Signal(object)
    error = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        work: Callable[[Progress], Any],
        label: str,
        *,
        delay_ms: int = 300,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.signals = _Signals()
        self.runnable = _Runnable(work, self.signals)
        self.runnable.setAutoDelete(False)
        self.dialog = QProgressDialog(label, self.tr("Hủy") if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Đang xử lý"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(delay_ms)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.runnable.cancelled.set)
        self.dialog.reset()
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._show)
        self.signals.progressed.connect(self._progressed)
        self.signals.finished.connect(self._finished)
        self.signals.failed.connect(self._failed)
        self.finished = False

    def start(self) -> Task:
        self._timer.start()
        QThreadPool.globalInstance().start(self.runnable)
        return self

    def cancel(self) -> None:
        self.runnable.cancelled.set()

    def _show(self) -> None:
        if not self.finished:
            self.dialog.show()

    def _progressed(self, done: int, total: int) -> None:
        if self.finished:  # a queued report arriving after the dialog was deleted
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _close(self) -> None:
        self.finished = True
        self._timer.stop()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _finished(self, result: object) -> None:
        self._close()
        self.done.emit(result)
        self.deleteLater()

    def _failed(self, exc: object) -> None:
        self._close()
        self.error.emit(exc)
        self.deleteLater()


def run_task(
    parent: QWidget,
    work: Callable[[Progress], Any],
    label: str,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    delay_ms: int = 300,
    cancellable: bool = True,
) -> Task:
    """Start ``work`` in the background; errors are shown in a message box unless handled."""
    task = Task(parent, work, label, delay_ms=delay_ms, cancellable=cancellable)
    if on_done:
        task.done.connect(on_done)
    task.error.connect(on_error or (lambda exc: show_error(parent, exc)))
    return task.start()


def error_text(exc: SangKienError) -> str:
    """A core error's message in the interface language (the core gives English for many)."""
    from sangkien_desktop.gui.look import ui_language

    return exc.english if ui_language() == "en" else exc.message


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A user error in its own words; anything else as an internal error with details. Returns
    the box, open (non-blocking)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Task", "Sáng Kiến Desktop"))
    if isinstance(exc, SangKienError):
        box.setText(error_text(exc))
    else:
        box.setText(
            QCoreApplication.translate(
                "Task", "Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng."
            )
        )
        details = getattr(exc, "__traceback_text__", None)
        box.setDetailedText(details or "".join(traceback.format_exception(exc)))
        log_file = logs.log_file()
        if log_file is not None:  # set up by gui/app.py: the traceback is kept for support
            logs.log_unexpected(exc, "a task or a screen")
            box.setInformativeText(
                QCoreApplication.translate(
                    "Task", "Chi tiết đã được ghi vào tệp nhật ký:\n%1"
                ).replace("%1", str(log_file))
            )
    # Freed once closed; with no window to sit on, held until then (gui/ownership): a local
    # parentless box would be deleted as this function returns, before anyone saw it.
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        keep(box)
    box.open()
    return box
