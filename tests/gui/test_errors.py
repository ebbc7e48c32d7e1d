"""The safety net (gui/errors.py): an exception no code caught is logged and shown, once; a
native crash of the real ``sangkien-desktop`` is mentioned at its next start."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QThread, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from sangkien_desktop import logs
from sangkien_desktop.errors import InputError
from sangkien_desktop.gui import errors
from sangkien_desktop.gui.app import CRASH_TEST_ENV, STARTUP_ENV, Desk
from sangkien_desktop.gui.look import install_translation
from sangkien_desktop.gui.tasks import Progress, run_task
from sangkien_desktop.storage import Database

pytestmark = [
    pytest.mark.gui,
    # Qt's offscreen platform says so when a dialog with a minimum size is shown.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The log set up in ``tmp_path/logs``, closed afterwards."""
    path = logs.setup_logging(tmp_path / "logs")
    yield path
    handler = logs._handler
    if handler is not None:
        logging.getLogger(logs.LOGGER).removeHandler(handler)
        handler.close()
        logs._handler = None


@pytest.fixture
def safety_net(monkeypatch: pytest.MonkeyPatch, log_file: Path) -> Iterator[Path]:
    """The application's hooks in place of pytest-qt's for one test; its dialogs closed after."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    errors._repeats.clear()
    errors.install()
    yield log_file
    for box in (errors._dialog, errors._user_box):
        if box is not None:
            box.close()
    QApplication.processEvents()
    errors._dialog = errors._user_box = None


def raise_in_slot(exc: BaseException) -> None:
    """``exc`` raised from a slot the event loop calls."""

    def slot() -> None:
        raise exc

    QTimer.singleShot(0, slot)


def test_an_error_in_a_slot_shows_the_internal_error_dialog_and_is_logged(
    qtbot: Any, safety_net: Path
) -> None:
    raise_in_slot(ZeroDivisionError("chia cho không"))
    qtbot.waitUntil(lambda: errors._dialog is not None and errors._dialog.isVisible())
    dialog = errors._dialog
    assert dialog is not None
    label = dialog.findChild(QLabel, "explanation").text()
    assert "Dữ liệu đã lưu trước đó vẫn an toàn" in label and str(safety_net) in label
    assert "ZeroDivisionError: chia cho không" in dialog.details.toPlainText()
    logged = safety_net.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "ZeroDivisionError: chia cho không" in logged


def test_copy_details_puts_the_traceback_on_the_clipboard(qtbot: Any, safety_net: Path) -> None:
    raise_in_slot(KeyError("khoá"))
    qtbot.waitUntil(lambda: errors._dialog is not None)
    assert errors._dialog is not None
    errors._dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Traceback (most recent call last)") and "KeyError" in copied


def test_the_log_folder_button_opens_the_log_folder(
    qtbot: Any, safety_net: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(errors, "open_folder", lambda folder: opened.append(folder) or True)
    raise_in_slot(RuntimeError("hỏng"))
    qtbot.waitUntil(lambda: errors._dialog is not None)
    assert errors._dialog is not None
    errors._dialog.folder_button.click()
    assert opened == [safety_net.parent]


def test_errors_while_the_dialog_is_open_go_into_it(qtbot: Any, safety_net: Path) -> None:
    for n in range(3):
        raise_in_slot(RuntimeError(f"lỗi số {n}"))
    qtbot.waitUntil(lambda: errors._dialog is not None and errors._dialog.count == 3)
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, errors.InternalErrorDialog)
    ]
    assert [d for d in dialogs if d.isVisible()] == [errors._dialog]
    details = errors._dialog.details.toPlainText()
    assert all(f"lỗi số {n}" in details for n in range(3))


def test_an_error_repeating_at_every_repaint_fills_neither_the_dialog_nor_the_log(
    qtbot: Any, safety_net: Path
) -> None:
    def paint_error() -> None:
        raise RuntimeError("vẽ lại hỏng")

    for _ in range(100):
        QTimer.singleShot(0, paint_error)
    qtbot.waitUntil(lambda: errors._dialog is not None and errors._dialog.count == 100)
    assert errors._dialog.details.toPlainText().count("RuntimeError: vẽ lại hỏng") == 1
    logged = safety_net.read_text(encoding="utf-8")
    assert logged.count("RuntimeError: vẽ lại hỏng") == 7  # the 1st, 2nd, 4th … 64th time
    assert "(64 times)" in logged


def test_a_closed_dialog_makes_way_for_the_next_error(qtbot: Any, safety_net: Path) -> None:
    raise_in_slot(RuntimeError("một"))
    qtbot.waitUntil(lambda: errors._dialog is not None)
    first = errors._dialog
    assert first is not None
    first.reject()
    assert errors._dialog is None
    raise_in_slot(RuntimeError("hai"))
    qtbot.waitUntil(lambda: errors._dialog is not None)
    assert "hai" in errors._dialog.details.toPlainText()
    assert "một" not in errors._dialog.details.toPlainText()


def test_a_user_error_in_a_slot_shows_its_message_once_and_logs_no_message(
    qtbot: Any, safety_net: Path
) -> None:
    message = "Dòng 3: tác giả Nguyễn Thị Hường thiếu tỷ lệ đóng góp."
    raise_in_slot(InputError(message))
    raise_in_slot(InputError(message))
    qtbot.waitUntil(lambda: errors._user_box is not None)
    QApplication.processEvents()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert [b.text() for b in boxes if b.isVisible()] == [message]
    assert errors._dialog is None
    logged = safety_net.read_text(encoding="utf-8")
    assert "InputError escaped a slot" in logged
    assert "Nguyễn" not in logged


def test_an_error_in_another_thread_is_shown_on_the_gui_thread(
    qtbot: Any, safety_net: Path
) -> None:
    def work() -> None:
        raise ValueError("trong luồng phụ")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    qtbot.waitUntil(lambda: errors._dialog is not None)
    assert "ValueError: trong luồng phụ" in errors._dialog.details.toPlainText()
    assert "ValueError: trong luồng phụ" in safety_net.read_text(encoding="utf-8")


def test_an_error_in_a_qt_worker_thread_is_shown_on_the_gui_thread(
    qtbot: Any, safety_net: Path
) -> None:
    class Broken(QThread):
        def run(self) -> None:
            raise LookupError("trong QThread")

    worker = Broken()
    worker.start()
    assert worker.wait(120_000)
    qtbot.waitUntil(lambda: errors._dialog is not None)
    assert "LookupError: trong QThread" in errors._dialog.details.toPlainText()
    assert "LookupError: trong QThread" in safety_net.read_text(encoding="utf-8")


def test_the_internal_error_dialog_speaks_english_in_english(
    qapp: QApplication, qtbot: Any, tmp_path: Path
) -> None:
    install_translation(qapp, "en")
    try:
        dialog = errors.InternalErrorDialog("Traceback …", tmp_path / "logs" / "sangkien.log")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Internal error — Sáng Kiến Desktop"
        assert dialog.copy_button.text() == "Copy details"
        assert dialog.folder_button.text() == "Open the log folder"
        assert "The data saved before is safe" in dialog.findChild(QLabel, "explanation").text()
    finally:
        install_translation(qapp, "vi")


def test_the_hook_never_raises_even_when_showing_fails(
    safety_net: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(errors, "_show", broken)
    try:
        raise RuntimeError("không hiện được")
    except RuntimeError as exc:
        errors.excepthook(type(exc), exc, exc.__traceback__)
    assert "RuntimeError: không hiện được" in capsys.readouterr().err  # Python's own report
    assert "RuntimeError: không hiện được" in safety_net.read_text(encoding="utf-8")
    assert errors._busy is False


def test_a_failed_background_task_is_logged_and_its_box_names_the_log(
    qtbot: Any, log_file: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(_progress: Progress) -> None:
        raise RuntimeError("hỏng trong tác vụ nền")

    run_task(parent, work, "Đang thử")
    qtbot.waitUntil(lambda: bool(parent.findChildren(QMessageBox)))
    (box,) = parent.findChildren(QMessageBox)
    assert str(log_file) in box.informativeText()
    assert "RuntimeError: hỏng trong tác vụ nền" in box.detailedText()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: hỏng trong tác vụ nền" in logged
    box.close()


# The real entry point ---------------------------------------------------------------------
def no_core_dump() -> None:
    """In the child: a deliberate segmentation fault leaves no core file behind."""
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def start(
    db: Database, tmp_path: Path, *extra: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """``sangkien-desktop --db DB`` as a process, with a private configuration."""
    assert db.path is not None
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in (STARTUP_ENV, CRASH_TEST_ENV, "PYTHONFAULTHANDLER")
    }
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "sangkien_desktop.gui.app", "--db", str(db.path), *extra],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
        preexec_fn=no_core_dump if os.name == "posix" else None,
    )


def test_an_error_in_a_slot_of_the_real_application_lands_in_its_log(
    db: Database, tmp_path: Path
) -> None:
    done = start(db, tmp_path, "--quit-after", "0", **{CRASH_TEST_ENV: "slot"})
    assert done.returncode == 0, done.stderr
    logged = (tmp_path / "logs" / "sangkien.log").read_text(encoding="utf-8")
    assert f"RuntimeError: {CRASH_TEST_ENV}=slot" in logged
    assert "Traceback (most recent call last)" in logged
    assert f"RuntimeError: {CRASH_TEST_ENV}=slot" in done.stderr  # a console sees it too
    assert not list((tmp_path / "logs").glob("faults-*.txt"))  # a clean exit


def test_the_next_start_after_a_native_crash_mentions_it_once(db: Database, tmp_path: Path) -> None:
    crashed = start(db, tmp_path, "--quit-after", "60000", **{CRASH_TEST_ENV: "after-start"})
    assert crashed.returncode != 0
    assert "Segmentation fault" in crashed.stderr or crashed.returncode < 0
    (trace,) = (tmp_path / "logs").glob("faults-*.txt")
    assert "Segmentation fault" in trace.read_text(encoding="utf-8")

    again = start(db, tmp_path, "--quit-after", "0", **{STARTUP_ENV: "1"})
    assert again.returncode == 0, again.stderr
    assert "crash notice shown" in again.stderr.splitlines()
    (kept,) = (tmp_path / "logs").glob("crash-*.txt")
    assert "Segmentation fault" in kept.read_text(encoding="utf-8")
    assert str(kept) in (tmp_path / "logs" / "sangkien.log").read_text(encoding="utf-8")

    third = start(db, tmp_path, "--quit-after", "0", **{STARTUP_ENV: "1"})
    assert third.returncode == 0, third.stderr
    assert "crash notice shown" not in third.stderr


def test_the_crash_notice_names_the_trace_and_does_not_block(
    db: Database, profile: Any, tmp_path: Path
) -> None:
    desk = Desk(db, profile)
    desk.start()
    assert desk.window is not None
    trace = tmp_path / "logs" / "crash-20261203-080000-42.txt"
    desk.tell_previous_crash(trace)
    assert desk.notice is not None and desk.notice.isVisible()
    assert "đóng đột ngột" in desk.notice.text() and str(trace) in desk.notice.text()
    assert desk.notice.parent() is desk.window
    desk.notice.close()
    desk.window.close()  # deletes itself on close
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
