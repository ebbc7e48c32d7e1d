"""Start the desktop application: ``sangkien-desktop [--db PATH] [--demo] [--lang vi|en]``."""

from __future__ import annotations

import argparse
import faulthandler
import logging
import os
import platform
import sys
import tempfile
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, qVersion
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget
from shiboken6 import isValid

from sangkien_desktop import __version__, logs
from sangkien_desktop.errors import InputError, SangKienError
from sangkien_desktop.gui import errors as safety_net
from sangkien_desktop.gui.ownership import keep
from sangkien_desktop.paths import APP_AUTHOR, APP_NAME, DB_ENV
from sangkien_desktop.program.profile import ProgramProfile, load_profile
from sangkien_desktop.storage.database import Database, PasswordNeeded, open_database

if TYPE_CHECKING:
    from sangkien_desktop.gui.login import LoginDialog
    from sangkien_desktop.gui.main_window import MainWindow
    from sangkien_desktop.security.users import UserInfo

# When set, print "login shown" / "main window shown" on stderr once the event loop shows the
# login dialog / the main window.
STARTUP_ENV = "SANGKIEN_REPORT_STARTUP"

# Tests only: "after-start" ends the process with a segmentation fault once the first window is
# up (the native-crash trace), "slot" raises an unexpected error in a slot (the safety net).
CRASH_TEST_ENV = "SANGKIEN_TEST_CRASH"

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sangkien-desktop", description="Sáng Kiến Desktop")
    parser.add_argument("--db", default=os.environ.get(DB_ENV), help="Tệp cơ sở dữ liệu")
    parser.add_argument("--demo", action="store_true", help="Mở với dữ liệu mẫu (tệp tạm)")
    parser.add_argument("--lang", choices=("vi", "en"), help="Ngôn ngữ giao diện")
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"sangkien-desktop {__version__}")
    return parser.parse_args(argv)


def make_application(argv: list[str] | None = None) -> QApplication:
    from sangkien_desktop.gui.look import apply_look, install_translation, language

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    apply_look(app)
    install_translation(app, language())
    return app


def ask_server_password(problem: str) -> str | None:
    """The database server's password, typed in a hidden field (None: cancelled)."""
    text, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("ServerPassword", "Sáng Kiến Desktop"),
        problem
        + "\n\n"
        + QCoreApplication.translate("ServerPassword", "Mật khẩu máy chủ cơ sở dữ liệu:"),
        QLineEdit.EchoMode.Password,
    )
    return str(text) if ok else None


def open_asking_password(
    spec: str | None, demo: bool, ask: Callable[[str], str | None] = ask_server_password
) -> Database | None:
    """``open_for_gui``; when the server wants a password libpq did not find (PGPASSFILE), it
    is asked for once (None: the person cancelled). Never in the URL, never logged."""
    try:
        return open_for_gui(spec, demo)
    except PasswordNeeded as exc:
        password = ask(exc.message)
        if password is None:
            return None
        return open_for_gui(spec, demo, password)


def open_for_gui(spec: str | None, demo: bool, password: str | None = None) -> Database:
    if demo:
        from sangkien_desktop.services.demo import fill_demo

        folder = Path(tempfile.mkdtemp(prefix="sangkien-demo-"))
        db = open_database(folder / "demo.sqlite")
        fill_demo(db, load_profile(), accounts=True)
        return db
    from sangkien_desktop.errors import StorageError
    from sangkien_desktop.services.backup_settings import backup_folders
    from sangkien_desktop.storage.backups import daily_backup

    db = open_database(spec, password=password)
    global startup_warning
    startup_warning = ""
    try:
        # The first start of each day keeps a copy (rotated 7/4/12), also in the second folder.
        daily_backup(db, backup_folders(db))
    except StorageError as exc:  # a USB stick not plugged in must not stop the start
        startup_warning = exc.message
    return db


#: Every desk, to find the one showing a main window (Desk.of).
_desks: weakref.WeakSet[Desk] = weakref.WeakSet()

#: Desks made for main windows shown without one (Desk.adopting); Python must hold them.
_adopted: list[Desk] = []

#: Why the daily backup at start could not be completed ("" when it could): the first main
#: window shows it in its status bar.
startup_warning = ""


class Desk(QObject):
    """Who is at the keyboard. A database with accounts starts at the login dialog; a right
    password opens a main window for that user; logging out closes it (its editors ask about
    unsaved changes first) and the login dialog asks who is next. A database without accounts
    (single-user mode) goes straight to the main window. Emits ``finished()`` when the user
    leaves: the login dialog cancelled, or the main window closed."""

    finished = Signal()

    def __init__(self, db: Database, profile: ProgramProfile, report: bool = False) -> None:
        super().__init__()
        self.db = db
        self.profile = profile
        self.report = report
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None
        self.notice: QMessageBox | None = None
        _desks.add(self)

    def start(self) -> None:
        from sangkien_desktop.security import access

        if access.current_user(self.db) is None and access.accounts_exist(self.db):
            self.show_login()
        else:
            self.show_main()

    def show_login(self) -> None:
        from sangkien_desktop.gui.login import LoginDialog

        # Parentless and deleting itself on close: held until Qt destroys it (gui/ownership),
        # so that dropping ``self.login`` inside its own Enter key press frees nothing.
        dialog = keep(LoginDialog(self.db))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(self._login_cancelled)
        self.login = dialog
        dialog.show()
        self._say("login shown")

    def show_main(self) -> None:
        from sangkien_desktop.gui.main_window import MainWindow

        global startup_warning
        self._adopt(MainWindow(self.db, self.profile))
        assert self.window is not None
        self.window.show()
        if startup_warning:  # the daily backup at start could not reach the second folder
            self.window.statusBar().showMessage(
                self.tr("Sao lưu hằng ngày chưa trọn vẹn: %1").replace("%1", startup_warning),
                120_000,
            )
            startup_warning = ""
        self._say("main window shown")

    @classmethod
    def of(cls, window: QWidget) -> Desk | None:
        """The desk that shows ``window`` (a main window), if any."""
        for desk in list(_desks):
            if desk.window is window:
                return desk
        return None

    @classmethod
    def adopting(cls, window: MainWindow) -> Desk:
        """A desk for a main window shown without one (kept for the rest of the run)."""
        desk = cls(window.db, window.profile)
        desk._adopt(window)
        _adopted.append(desk)
        return desk

    def restore_backup(self, backup: Path) -> Path | None:
        """Replace the database by ``backup`` (checked first): close the editors the normal way
        (a cancel stops here), close the database, restore, reopen it and ask who signs in (the
        restored file may have other accounts; single-user mode opens a new main window).
        Returns the kept replaced file, or None when nothing was done. Errors are shown; if
        the restore fails the old database is opened again, and a window is always left."""
        from sangkien_desktop.gui.tasks import show_error
        from sangkien_desktop.security import access, audit
        from sangkien_desktop.storage import backups

        window = self.window
        target = self.db.path
        try:
            if target is None:
                raise InputError(
                    "Chỉ khôi phục được cơ sở dữ liệu dạng tệp (SQLite).",
                    english="Only a database file (SQLite) can be restored.",
                )
            actor = access.authorise(self.db, "setting.edit")
            backups.check_backup(backup)
        except Exception as exc:
            show_error(window, exc)
            return None
        if window is not None and not window.close_editors():
            return None
        user = access.current_user(self.db)
        if window is not None:
            window.end_session()
        self.window = None  # closing it below is not the user leaving
        self.db.close()
        kept: Path | None = None
        failure: BaseException | None = None
        try:
            kept = backups.restore(target, backup)
            audit.forget_anchor(target)
            self.db = open_database(target)
            audit.record_restore(self.db, actor, backup.name, kept.name if kept else None)
        except Exception as exc:
            failure = exc
            self.db.close()  # the restored file, if it was opened (closing twice is harmless)
            if kept is not None:  # the file was replaced: put the old one back
                backups.restore(target, kept)
            self.db = open_database(target)
            if user is not None:
                access.sign_in(self.db, user)
        self.start()
        if window is not None:
            window.close()
        shown = self.window or self.login
        if failure is not None:
            show_error(shown, failure)
        else:
            self._tell(
                shown,
                self.tr(
                    "Đã khôi phục dữ liệu từ bản sao lưu %1.\n\nTệp dữ liệu trước khi khôi phục "
                    "được giữ tại:\n%2"
                )
                .replace("%1", backup.name)
                .replace("%2", str(kept) if kept else "—"),
            )
        return kept

    def _tell(self, parent: QWidget | None, text: str) -> None:
        """A message that does not block (kept as ``self.notice`` for tests)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Sáng Kiến Desktop"))
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if parent is None:  # held until closed, not only by self.notice (gui/ownership)
            keep(box)
        self.notice = box
        box.open()

    def tell_previous_crash(self, trace: Path) -> None:
        """Say, without blocking, that the last run ended in a crash, and where its trace is."""
        self._tell(
            self.window or self.login,
            self.tr(
                "Lần trước, Sáng Kiến Desktop đã đóng đột ngột do một lỗi nghiêm trọng. Dữ liệu "
                "đã lưu trước đó vẫn an toàn; thao tác đang làm dở lúc ấy có thể chưa được lưu.\n\n"
                "Dấu vết của lỗi được giữ tại:\n%1\n\nHãy gửi tệp này cho người hỗ trợ kỹ thuật."
            ).replace("%1", str(trace)),
        )
        if self.report and sys.stderr:
            print("crash notice shown", file=sys.stderr, flush=True)

    def log_out(self) -> None:
        """Close the editors the normal way (a cancel keeps everything open), sign out, and
        ask who is next; the main window closes once the login dialog is up."""
        from sangkien_desktop.security import access

        window = self.window
        if window is None or not window.close_editors():
            return
        window.end_session()
        access.sign_out(self.db)
        self.window = None
        self.show_login()
        window.close()

    def close(self) -> None:
        """Close whatever is shown (``--quit-after``)."""
        if self.login is not None:
            self.login.reject()
        elif self.window is not None:
            self.window.close()

    def _adopt(self, window: MainWindow) -> None:
        keep(window)  # replaced or logged out from inside its own signals (gui/ownership)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.logout_requested.connect(self.log_out)
        window.replaced.connect(self._adopt)
        window.destroyed.connect(self._window_destroyed)
        self.window = window

    def _window_destroyed(self) -> None:
        if self.window is not None and not isValid(self.window):
            self.window = None  # closed by the user, not logged out or replaced
            self.finished.emit()

    def _signed_in(self, user: UserInfo) -> None:
        from sangkien_desktop.security import access

        access.sign_in(self.db, user)
        self.login = None
        self.show_main()

    def _login_cancelled(self) -> None:
        self.login = None
        self.finished.emit()

    def _say(self, what: str) -> None:
        if self.report and sys.stderr:  # smoke test / startup benchmark signal
            QTimer.singleShot(0, lambda: print(what, file=sys.stderr, flush=True))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # The log and the native-crash trace come first, so that whatever follows leaves a trace.
    folder = logs.log_folder(None if args.demo else args.db)
    logs.setup_logging(folder, echo=True)
    crash = logs.previous_crash(folder)
    logs.start_fault_trace(folder)
    log.info(
        "Sáng Kiến Desktop %s started (Python %s, Qt %s, %s)",
        __version__,
        platform.python_version(),
        qVersion(),
        platform.platform(),
    )
    try:
        return _run(args, crash)
    finally:
        safety_net.uninstall()
        logs.stop_fault_trace()
        log.info("Sáng Kiến Desktop ended")


def _test_slot_error() -> None:
    raise RuntimeError(f"{CRASH_TEST_ENV}=slot")


def _run(args: argparse.Namespace, crash: Path | None) -> int:
    app = make_application()
    safety_net.install()
    if args.lang:
        from sangkien_desktop.gui.look import install_translation

        install_translation(app, args.lang)
    try:
        opened = open_asking_password(args.db, args.demo)
        profile = load_profile()
    except SangKienError as exc:
        QMessageBox.critical(None, "Sáng Kiến Desktop", exc.message)
        return 2
    if opened is None:
        return 2
    db = opened
    from sangkien_desktop.gui.first_run import ensure_unit

    if not ensure_unit(db, profile):
        return 0
    desk = Desk(db, profile, report=bool(os.environ.get(STARTUP_ENV)))
    desk.finished.connect(app.quit)
    desk.start()
    if crash is not None:
        QTimer.singleShot(0, lambda: desk.tell_previous_crash(crash))
    crash_test = os.environ.get(CRASH_TEST_ENV)
    if crash_test == "after-start":
        QTimer.singleShot(0, faulthandler._sigsegv)
    elif crash_test == "slot":
        QTimer.singleShot(0, _test_slot_error)
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, desk.close)
    code = app.exec()
    desk.db.close()  # a restore may have reopened it
    return code


if __name__ == "__main__":
    sys.exit(main())
