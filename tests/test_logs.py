"""The log file and the native-crash trace (sangkien_desktop/logs.py), and the CLI's use of them."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sangkien_desktop import logs
from sangkien_desktop.cli import main


@pytest.fixture(autouse=True)
def _no_log_left() -> Iterator[None]:
    """Each test starts without a log file set up and leaves none open."""
    yield
    if logs._handler is not None:
        logging.getLogger(logs.LOGGER).removeHandler(logs._handler)
        logs._handler.close()
        logs._handler = None


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=120)
    return child.pid


def no_core_dump() -> None:
    """In the child: a deliberate segmentation fault leaves no core file behind."""
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**{k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}, **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        preexec_fn=no_core_dump if os.name == "posix" else None,
    )


# Where the log lives ----------------------------------------------------------------------
def test_log_lives_in_logs_beside_the_database_file(tmp_path: Path) -> None:
    assert logs.log_folder(tmp_path / "union.sqlite") == (tmp_path / "logs").resolve()


def test_a_server_database_logs_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "data_dir", lambda: tmp_path / "data")
    assert logs.log_folder("postgresql+psycopg://postgres@/sangkien") == tmp_path / "data" / "logs"


def test_nothing_is_created_until_something_is_logged(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path / "logs")
    assert not (tmp_path / "logs").exists()


# What goes in it --------------------------------------------------------------------------
def test_an_unexpected_error_is_logged_with_its_traceback(tmp_path: Path) -> None:
    path = logs.setup_logging(tmp_path / "logs")
    try:
        {}["missing"]
    except KeyError as exc:
        written = logs.log_unexpected(exc, "a test")
    assert written == path == tmp_path / "logs" / "sangkien.log"
    text = path.read_text(encoding="utf-8")
    assert "ERROR" in text and "unexpected error in a test" in text
    assert "Traceback (most recent call last)" in text and "KeyError: 'missing'" in text
    assert "test_an_unexpected_error_is_logged_with_its_traceback" in text


def test_the_log_rotates_at_one_megabyte_keeping_five(tmp_path: Path) -> None:
    path = logs.setup_logging(tmp_path / "logs")
    line = "x" * 10_000
    for _ in range(650):  # 6.5 MB
        logging.getLogger("sangkien_desktop.test").info(line)
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["sangkien.log", *(f"sangkien.log.{n}" for n in range(1, 6))]
    assert all(p.stat().st_size <= logs.MAX_BYTES for p in (tmp_path / "logs").iterdir())
    assert path.stat().st_size > 0


def test_setting_up_again_moves_the_log_and_closes_the_old_file(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path / "a")
    logging.getLogger("sangkien_desktop.test").warning("first")
    old = logs._handler
    logs.setup_logging(tmp_path / "b")
    logging.getLogger("sangkien_desktop.test").warning("second")
    assert old is not None and old.stream is None  # closed
    assert "second" not in (tmp_path / "a" / "sangkien.log").read_text(encoding="utf-8")
    assert "second" in (tmp_path / "b" / "sangkien.log").read_text(encoding="utf-8")


# The native-crash trace -------------------------------------------------------------------
def test_a_native_crash_leaves_a_trace_the_next_start_finds_once(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    crashed = run_python(
        "import faulthandler, pathlib, sys\n"
        "from sangkien_desktop import logs\n"
        f"logs.start_fault_trace(pathlib.Path({str(folder)!r}))\n"
        "faulthandler._sigsegv()\n"
    )
    assert crashed.returncode != 0
    (trace,) = folder.glob("faults-*.txt")
    assert "Segmentation fault" in trace.read_text(encoding="utf-8")

    logs.setup_logging(folder)
    kept = logs.previous_crash(folder)
    assert kept is not None and kept.name.startswith("crash-") and kept.parent == folder
    assert "Segmentation fault" in kept.read_text(encoding="utf-8")
    assert not list(folder.glob("faults-*.txt"))
    assert str(kept) in (folder / "sangkien.log").read_text(encoding="utf-8")
    assert logs.previous_crash(folder) is None  # reported once


def test_a_crash_trace_asked_for_on_the_console_stays_there(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    crashed = run_python(
        "import faulthandler, pathlib\n"
        "from sangkien_desktop import logs\n"
        f"assert logs.start_fault_trace(pathlib.Path({str(folder)!r})) is None\n"
        "faulthandler._sigsegv()\n",
        PYTHONFAULTHANDLER="1",
    )
    assert crashed.returncode != 0
    assert "Segmentation fault" in crashed.stderr
    assert not list(folder.glob("faults-*.txt"))


def test_a_clean_exit_leaves_no_trace(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    done = run_python(
        "import pathlib\n"
        "from sangkien_desktop import logs\n"
        f"print(logs.start_fault_trace(pathlib.Path({str(folder)!r})))\n"
        "logs.stop_fault_trace()\n"
    )
    assert done.returncode == 0, done.stderr
    assert "faults-" in done.stdout
    assert list(folder.iterdir()) == []
    assert logs.previous_crash(folder) is None


def test_the_empty_trace_of_a_killed_run_is_removed(tmp_path: Path) -> None:
    (tmp_path / f"faults-{dead_pid()}.txt").write_text("", encoding="utf-8")
    assert logs.previous_crash(tmp_path) is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="a running process holds its trace open")
def test_the_trace_of_a_running_process_is_left_alone(tmp_path: Path) -> None:
    running = tmp_path / f"faults-{os.getppid()}.txt"
    running.write_text("Fatal Python error: written but not yet ended", encoding="utf-8")
    assert logs.previous_crash(tmp_path) is None
    assert running.exists()


def test_the_last_five_crash_traces_are_kept(tmp_path: Path) -> None:
    for day in range(1, 7):
        (tmp_path / f"crash-2026120{day}-080000-1.txt").write_text("old", encoding="utf-8")
    (tmp_path / f"faults-{dead_pid()}.txt").write_text("Segmentation fault", encoding="utf-8")
    kept = logs.previous_crash(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 5 and kept is not None and kept.name in names
    assert "crash-20261201-080000-1.txt" not in names


# The command line -------------------------------------------------------------------------
def test_cli_reports_an_unexpected_error_briefly_and_logs_its_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sangkien_desktop.services import units

    def broken(*_args: object) -> None:
        raise RuntimeError("hỏng giữa chừng")

    monkeypatch.setattr(units, "init_unit", broken)
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "union.sqlite"), "init", "--name", "CĐ", "--code", "C"])
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    log_file = tmp_path / "logs" / "sangkien.log"
    assert "Traceback" not in err
    assert "Lỗi nội bộ" in err and str(log_file) in err
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: hỏng giữa chừng" in text
    assert "unexpected error in sangkien init\n" in text
    assert "CĐ" not in text  # the command's values (names of people) are not logged


def test_cli_user_errors_stay_out_of_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "union.sqlite"), "initiative", "show", "SK-KHONG-CO"])
    assert exit_info.value.code == 2
    assert "Lỗi:" in capsys.readouterr().err
    assert not (tmp_path / "logs" / "sangkien.log").exists()
