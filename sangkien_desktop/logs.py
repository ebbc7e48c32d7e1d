"""The log file and the native-crash trace: what is left to read when something went wrong.

Both live in ``logs/`` beside the database file, where its backups and audit anchor are (the
per-user data folder for the default database); a server database (a URL) or the desktop's
``--demo`` use the per-user data folder's ``logs/``.

- ``sangkien.log``: the application's own log records (``sangkien_desktop.*``, INFO and up),
  rotated at 1 MB, five old files kept. Unexpected errors go there with their traceback. No
  record names a person: only a traceback's own text (the exception's message, the code's lines)
  can carry a value being worked on.
- ``faults-<pid>.txt``: where ``faulthandler`` writes the Python stack of every thread when the
  process dies of a native crash (a segmentation fault in Qt, an abort). It stays open for the
  whole run and is removed at a clean exit, so one that is not empty at the next start was left
  by a crash: ``previous_crash`` renames it ``crash-<time>.txt`` (the last five kept) and says so
  once.

Nothing here imports Qt: the CLI and the desktop both call it.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import re
import sys
import traceback
from datetime import datetime
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

from sangkien_desktop.paths import data_dir
from sangkien_desktop.storage.database import database_url, sqlite_file

LOGGER = "sangkien_desktop"
LOG_FILE = "sangkien.log"
MAX_BYTES = 1_000_000
KEEP_LOGS = 5
KEEP_CRASHES = 5
FAULTS = re.compile(r"faults-(\d+)\.txt$")

log = logging.getLogger(__name__)


def log_folder(db_spec: str | Path | None = None) -> Path:
    """``logs/`` beside the SQLite file ``db_spec`` names (``None``: the default database), or
    in the per-user data folder for a server database."""
    try:
        file = sqlite_file(database_url(db_spec))
    except Exception:  # an unreadable spec is reported when the database is opened
        file = None
    return (file.parent if file is not None else data_dir()) / "logs"


class _Handler(RotatingFileHandler):
    """Creates its folder, and its file, only when the first record arrives."""

    def _open(self) -> TextIOWrapper:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


_handler: _Handler | None = None


def setup_logging(folder: Path, *, echo: bool = False) -> Path:
    """Send the application's log records to ``folder/sangkien.log`` (created with the first
    record); calling again with another folder moves the log there. Returns the file's path.
    ``echo``: warnings and errors also go to stderr when there is one (the desktop run from a
    console or by the end-to-end tests; a packaged Windows application has none)."""
    global _handler
    logger = logging.getLogger(LOGGER)
    if (
        echo
        and sys.stderr is not None
        and not any(type(h) is logging.StreamHandler for h in logger.handlers)
    ):
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        logger.addHandler(console)
    path = Path(os.path.abspath(folder / LOG_FILE))
    if _handler is not None:
        if Path(_handler.baseFilename) == path:
            return path
        logger.removeHandler(_handler)
        _handler.close()
    _handler = _Handler(
        path, maxBytes=MAX_BYTES, backupCount=KEEP_LOGS, encoding="utf-8", delay=True
    )
    _handler.setFormatter(
        logging.Formatter("%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s")
    )
    logger.addHandler(_handler)
    logger.setLevel(logging.INFO)
    return path


def log_file() -> Path | None:
    """The log file records go to, once ``setup_logging`` was called."""
    return Path(_handler.baseFilename) if _handler is not None else None


def log_unexpected(exc: BaseException, where: str) -> Path | None:
    """Write ``exc`` with its traceback to the log file (set up for the default database if it
    was not yet). Returns the file, or None when it could not be written."""
    path = log_file() or setup_logging(log_folder(os.environ.get("SANGKIEN_DB")))
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    logging.getLogger(LOGGER).error("unexpected error in %s\n%s", where, details.rstrip())
    return path if path.is_file() else None


# The native-crash trace -------------------------------------------------------------------
_fault_file: IO[str] | None = None


def _pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (POSIX only: on Windows ``os.kill`` would end it, and a
    file another process holds open can be neither renamed nor removed there anyway)."""
    if os.name == "nt":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def previous_crash(folder: Path) -> Path | None:
    """The trace of a run that ended in a native crash, if one was left in ``folder``: renamed
    ``crash-<time>.txt`` (so it is reported once; the last five are kept) and returned. Empty
    traces of runs that were killed are removed; those of running processes are left alone."""
    found: Path | None = None
    try:
        traces = sorted(folder.glob("faults-*.txt"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return None
    for trace in traces:
        match = FAULTS.match(trace.name)
        if match is None or int(match.group(1)) == os.getpid() or _pid_alive(int(match.group(1))):
            continue
        try:
            if trace.stat().st_size == 0:
                trace.unlink()
                continue
            stamp = datetime.fromtimestamp(trace.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
            kept = trace.with_name(f"crash-{stamp}-{match.group(1)}.txt")
            trace.replace(kept)
        except OSError:  # held open by a process still running (Windows)
            continue
        log.error(
            "the run of process %s ended in a native crash; its trace: %s", *match.groups(), kept
        )
        found = kept
    for old in sorted(folder.glob("crash-*.txt"))[:-KEEP_CRASHES]:
        old.unlink(missing_ok=True)
    return found


def start_fault_trace(folder: Path) -> Path | None:
    """Have ``faulthandler`` write to ``folder/faults-<pid>.txt`` (open until
    ``stop_fault_trace``) if the process dies of a native crash. None if the folder cannot be
    written (the run goes on without a trace), or if faulthandler was already asked for on
    stderr (``PYTHONFAULTHANDLER``, ``-X faulthandler``: a developer's or a test's console)."""
    global _fault_file
    if faulthandler.is_enabled():
        log.info("faulthandler already writes to stderr: no native-crash trace file")
        return None
    path = folder / f"faults-{os.getpid()}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _fault_file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - open for the whole run
    except OSError as exc:
        log.warning("no native-crash trace: %s", exc)
        return None
    faulthandler.enable(file=_fault_file, all_threads=True)
    return path


def stop_fault_trace() -> None:
    """A clean exit: stop the trace and remove its file. Text in it (a fault reported but
    survived, as Windows does for some handled exceptions) goes to the log first."""
    global _fault_file
    if _fault_file is None:
        return
    faulthandler.disable()
    path = Path(_fault_file.name)
    _fault_file.close()
    _fault_file = None
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
        if text:
            log.warning("faulthandler reported this during a run that ended normally:\n%s", text)
        path.unlink()
    except OSError:
        pass
