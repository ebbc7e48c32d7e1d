"""Screenshots of every main screen over the demo data, the initiative editor, the first-run
wizard, the login dialog, the screen lock, the accounts and the backups in Cài đặt, at 1366×768 (the
commonest office screen):

    python -m sangkien_desktop.gui.screenshots docs/screenshots [--lang en]

With ``--platform auto`` (the default) it runs under a private Xvfb server when one is
installed, so the pictures come from a real X display, and falls back to Qt's offscreen
platform otherwise. The demo database lives in a temporary folder and the run keeps its own
Qt settings, so the user's data and settings are never touched. Re-run it whenever the
screens change; it opens whatever screens exist.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

WIDTH, HEIGHT = 1366, 768
ACTOR = "Lê Minh Tâm"
MODULE = "sangkien_desktop.gui.screenshots"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m sangkien_desktop.gui.screenshots")
    parser.add_argument("folder", type=Path, help="where the PNG files go")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--platform", choices=("auto", "xvfb", "xcb", "offscreen"), default="auto")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    platform = args.platform
    if platform == "auto":
        if sys.platform.startswith("linux") and shutil.which("Xvfb"):
            if under_xvfb(args) == 0:
                return 0
            print("Xvfb run failed; taking the screenshots offscreen instead.", file=sys.stderr)
        platform = "offscreen"
    if platform == "xvfb":
        return under_xvfb(args)
    return capture(args.folder, platform, args.lang)


def under_xvfb(args: argparse.Namespace) -> int:
    """Start a private Xvfb (it picks a free display and reports it when ready), run the
    capture in a child process on it, stop the server."""
    read_end, write_end = os.pipe()
    screen = f"{WIDTH}x{HEIGHT}x24"
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", screen],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        display = os.read(read_end, 32).decode().strip() if ready else ""
        if not display:
            return 1
        env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        command = [sys.executable, "-m", MODULE, str(args.folder), "--platform", "xcb"]
        return subprocess.run([*command, "--lang", args.lang], env=env).returncode
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)


def capture(folder: Path, platform: str, lang: str) -> int:
    os.environ["QT_QPA_PLATFORM"] = platform
    from PySide6.QtCore import QCoreApplication, QSettings

    from sangkien_desktop.gui.app import make_application
    from sangkien_desktop.gui.look import install_translation, set_language, set_user_name

    app = make_application()
    # A settings store of its own: window geometry and language must not leak into the user's.
    QCoreApplication.setApplicationName(QCoreApplication.applicationName() + "-screenshots")
    QSettings().clear()
    set_user_name(ACTOR)
    set_language(lang)
    install_translation(app, lang)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sangkien-screenshots-") as work:
        shots = Shots(folder, platform, Path(work))
        shots.main_screens()
        shots.print_preview()
        shots.editor()
        shots.first_run()
        shots.accounts()
    QSettings().clear()
    for path in shots.saved:
        print(path)
    return 0


class Shots:
    def __init__(self, folder: Path, platform: str, work: Path) -> None:
        from sangkien_desktop.program.profile import load_profile
        from sangkien_desktop.services.demo import fill_demo
        from sangkien_desktop.storage.database import open_database

        self.folder = folder
        self.platform = platform
        self.work = work
        self.profile = load_profile()
        self.db = open_database(work / "demo.sqlite")
        fill_demo(self.db, self.profile, accounts=True)
        self.saved: list[Path] = []
        self.window = None

    def settle(self, ms: int = 250) -> None:
        """Let timers fire, background tasks finish and the widgets repaint."""
        from PySide6.QtCore import QEventLoop, QThreadPool, QTimer

        for _ in range(40):
            loop = QEventLoop()
            QTimer.singleShot(ms // 5, loop.quit)
            loop.exec()
            if QThreadPool.globalInstance().activeThreadCount() == 0:
                break
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save(self, widget, name: str) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtGui import QGuiApplication

        widget.raise_()
        widget.activateWindow()
        self.settle()
        picture = None
        if self.platform == "xcb":
            # What the X server shows: the window as a user sees it.
            picture = QGuiApplication.primaryScreen().grabWindow(widget.winId())
        if picture is None or picture.isNull() or picture.size() != widget.size():
            picture = widget.grab()
        path = self.folder / f"{name}.png"
        picture.save(str(path))
        self.saved.append(path)

    def main_screens(self) -> None:
        from sangkien_desktop.gui.main_window import SCREENS, MainWindow
        from sangkien_desktop.security import access
        from sangkien_desktop.security.users import authenticate
        from sangkien_desktop.services.demo import DEMO_PASSWORD

        # The chair at work: every screen as the person who uses all of them.
        access.sign_in(self.db, authenticate(self.db, "chutich", DEMO_PASSWORD))
        window = MainWindow(self.db, self.profile)
        self.window = window
        window.setGeometry(0, 0, WIDTH, HEIGHT)
        window.show()
        for key in SCREENS:
            window.show_screen(key)
            self.save(window, key)

    def print_preview(self) -> None:
        """The print preview inside the application, over a recognised initiative's
        certificates (numbers taken in this throwaway copy of the demo only)."""
        from sangkien_desktop.documents import service
        from sangkien_desktop.gui.print_preview import PrintPreview

        window = self.window
        assert window is not None
        codes = service.plan_certificates(self.db, self.profile).codes
        if not codes:
            return
        path = self.work / "giay-chung-nhan.pdf"
        service.print_certificates(self.db, self.profile, path, codes[:1])
        preview = PrintPreview.show_pdf(window, path.name, path.read_bytes(), path.name, path)
        preview.resize(900, HEIGHT - 80)
        self.save(preview, "print-preview")
        preview.close()

    def editor(self) -> None:
        """The editor over an initiative that has findings to show."""
        from PySide6.QtWidgets import QApplication

        from sangkien_desktop.services.initiatives import InitiativeFilter, list_ids

        window = self.window
        assert window is not None
        ids: list[str] = []
        with self.db.reader() as session:
            # The furthest along of those with findings: its dossier has the most to show.
            for state in ("RECOGNISED", "SUBMITTED", "DRAFTING", "IDEA"):
                ids = ids or list_ids(session, InitiativeFilter(states=(state,), has_errors=True))
        if not ids:
            return
        before = set(QApplication.topLevelWidgets())
        window.open_initiative(ids[0])
        opened = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
        if opened:
            editor = opened[0]
            editor.setGeometry(0, 0, WIDTH, HEIGHT)
            self.save(editor, "editor")
            editor.close()
        window.close()

    def first_run(self) -> None:
        from sangkien_desktop.gui.first_run import FirstRunWizard
        from sangkien_desktop.services.demo import DEMO_UNIT
        from sangkien_desktop.storage.database import open_database

        fresh = open_database(self.work / "new.sqlite")
        wizard = FirstRunWizard(fresh)
        wizard.unit_page.form.set_details(DEMO_UNIT)
        wizard.show()
        wizard.move(0, 0)
        self.save(wizard, "first-run-1-unit")
        wizard.next()
        form = wizard.accounts_page.form
        form.admin.full_name.setText(ACTOR)
        for box in (form.admin, form.chair):
            box.password.setText("mat-khau-manh")
            box.again.setText("mat-khau-manh")
        self.save(wizard, "first-run-2-accounts")
        wizard.next()
        page = wizard.members_page
        page.load(self._member_sheet())
        self._wait(lambda: not page.busy)
        self.save(wizard, "first-run-3-members")
        wizard.done(0)
        fresh.close()

    def accounts(self) -> None:
        """The demo accounts: the login dialog, the administrator's Cài đặt, the lock."""
        from PySide6.QtCore import QRect

        from sangkien_desktop.gui.login import LoginDialog
        from sangkien_desktop.gui.main_window import MainWindow
        from sangkien_desktop.security import access
        from sangkien_desktop.security.users import authenticate
        from sangkien_desktop.services.demo import DEMO_PASSWORD

        access.sign_out(self.db)
        login = LoginDialog(self.db)
        login.username.setText("chutich")
        login.show()
        size = login.sizeHint().expandedTo(login.minimumSize())
        login.setGeometry(QRect(0, 0, size.width(), size.height()))
        self.save(login, "login")
        login.close()
        access.sign_in(self.db, authenticate(self.db, "quantri", DEMO_PASSWORD))
        window = MainWindow(self.db, self.profile)
        window.setGeometry(0, 0, WIDTH, HEIGHT)
        window.show()
        window.show_screen("settings")
        self.save(window, "settings-accounts")
        self.backups(window)
        window.lock_screen()
        self.save(window, "lock")
        window.close()
        access.sign_out(self.db)

    def backups(self, window) -> None:  # type: ignore[no-untyped-def]
        """Cài đặt › Sao lưu with a few days of backups and a USB stick chosen."""
        from datetime import datetime, timedelta

        from sangkien_desktop.services.backup_settings import set_second_folder
        from sangkien_desktop.storage.backups import backup_now

        today = datetime.now().replace(hour=7, minute=58, second=12)
        for days, hour, reason in (
            (9, 8, "hang-ngay"),
            (6, 14, "thu-cong"),
            (3, 8, "hang-ngay"),
            (2, 10, "truoc-nhap"),
            (1, 8, "hang-ngay"),
            (0, 7, "hang-ngay"),
        ):
            backup_now(self.db, reason, now=(today - timedelta(days=days)).replace(hour=hour))
        set_second_folder(self.db, self.work / "USB" / "SangKien-saoluu")
        screen = window.screens["settings"]
        screen.reload()
        screen.backups_group.table.selectRow(1)
        self.settle()
        screen.show_backups()
        self.save(window, "settings-backups")

    def _wait(self, done: Callable[[], bool]) -> None:
        for _ in range(100):
            if done():
                return
            self.settle(50)

    def _member_sheet(self) -> Path:
        """A member list as a union keeps it: some of the demo members, Vietnamese headers."""
        from openpyxl import Workbook

        from sangkien_desktop.services.members import GENDERS, list_members
        from sangkien_desktop.spreadsheets.cells import append_row
        from sangkien_desktop.text import format_date

        book = Workbook()
        sheet = book.active
        append_row(sheet, ["Họ và tên", "Ngày sinh", "Giới tính", "Phòng ban", "Chức vụ"])
        with self.db.reader() as session:
            for member in list_members(session, limit=40):
                append_row(
                    sheet,
                    [
                        member.full_name,
                        format_date(member.birth_date),
                        GENDERS.get(member.gender, ""),
                        member.department,
                        member.position,
                    ],
                )
        path = self.work / "danh-sach-doan-vien.xlsx"
        book.save(path)
        return path


if __name__ == "__main__":
    sys.exit(main())
