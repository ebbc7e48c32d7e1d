"""Start the desktop application: ``sangkien-desktop [--db PATH] [--demo] [--lang vi|en]``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sangkien_desktop import __version__
from sangkien_desktop.errors import SangKienError
from sangkien_desktop.paths import APP_AUTHOR, APP_NAME, DB_ENV
from sangkien_desktop.program.profile import load_profile
from sangkien_desktop.storage.database import Database, open_database

# When set, print "main window shown" on stderr once the event loop shows the window.
STARTUP_ENV = "SANGKIEN_REPORT_STARTUP"


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


def open_for_gui(spec: str | None, demo: bool) -> Database:
    if demo:
        from sangkien_desktop.services.demo import fill_demo

        folder = Path(tempfile.mkdtemp(prefix="sangkien-demo-"))
        db = open_database(folder / "demo.sqlite")
        fill_demo(db, load_profile())
        return db
    from sangkien_desktop.storage.backups import daily_backup

    db = open_database(spec)
    daily_backup(db)  # the first start of each day keeps a copy (rotated 7/4/12)
    return db


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application()
    if args.lang:
        from sangkien_desktop.gui.look import install_translation

        install_translation(app, args.lang)
    try:
        db = open_for_gui(args.db, args.demo)
        profile = load_profile()
    except SangKienError as exc:
        QMessageBox.critical(None, "Sáng Kiến Desktop", exc.message)
        return 2
    from sangkien_desktop.gui.first_run import ensure_unit
    from sangkien_desktop.gui.main_window import MainWindow

    if not ensure_unit(db, profile):
        return 0
    window = MainWindow(db, profile)
    window.show()
    if os.environ.get(STARTUP_ENV) and sys.stderr:  # smoke test / startup benchmark signal
        QTimer.singleShot(0, lambda: print("main window shown", file=sys.stderr, flush=True))
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, window.close)
    code = app.exec()
    db.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
