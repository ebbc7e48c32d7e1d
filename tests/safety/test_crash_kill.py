"""Crash safety (ISSUE 7 point 4): kill a worker that imports, edits, moves and exports through
the real code paths with SIGKILL at many random moments, and after each kill check that the
database is intact, that everything the worker had journaled as committed is there, that no
multi-row change is half there, and that no output file under its final name is incomplete.

The same database and output folder carry on through all the kills. ``SANGKIEN_KILL_POINTS``
sets the number of kills (default 60), ``SANGKIEN_KILL_SEED`` the seed of the kill timings
(a failure names its kill point and how the kill was timed), ``SANGKIEN_KILL_FRESH=1``
starts each worker as a new interpreter instead of forking it from a server that has already
imported everything (the default: start-up would otherwise be most of the run time).
See docs/crash-safety.md.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import io
import json
import math
import os
import queue
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import IO, Any

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from sangkien_desktop.exchange import keys
from sangkien_desktop.exchange.verify import verify_bundle
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records.io import parse_records
from sangkien_desktop.security.audit import ANCHOR_SUFFIX, AnchorError, read_anchor, verify_chain
from sangkien_desktop.services.initiatives import import_records
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.database import database_url
from tests.timing import scaled

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or not hasattr(os, "fork"), reason="needs POSIX (SIGKILL, fork)"
)

KILL_POINTS = int(os.environ.get("SANGKIEN_KILL_POINTS", "60"))
SEED = int(os.environ.get("SANGKIEN_KILL_SEED", "20261125"))
FRESH = os.environ.get("SANGKIEN_KILL_FRESH") == "1"
WORKER_PATH = Path(
    os.environ.get("SANGKIEN_KILL_WORKER") or Path(__file__).with_name("crash_worker.py")
)
#: Seconds (on a quiet machine, before ``scaled``) a worker may take to say ``ready``, to end
#: once killed, and the server to end once its input is closed.
READY_TIMEOUT = 60.0
END_TIMEOUT = 30.0
TITLE = re.compile(r"^\[(B\d+)/(\d+)\] ")
MARK = re.compile(r"(\d{5}\.\d{4})")
OUTPUT = re.compile(r"^(sangkien-[\w.-]+\.json|chung-nhan-[\w.-]+\.pdf|goi-sangkien_[\w-]+\.zip)$")


def _load_worker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "crash_worker", Path(__file__).with_name("crash_worker.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


worker = _load_worker()


def mark_key(text: str | None) -> tuple[int, int]:
    """The mark in ``text`` (``SEED.K``) as a comparable pair; (-1, -1) for no mark."""
    found = MARK.search(text or "")
    if not found:
        return (-1, -1)
    seed, k = found.group(1).split(".")
    return (int(seed), int(k))


# --- Starting and killing workers ------------------------------------------------------------


class Workers:
    """Workers forked from one server process that has imported everything once, or (``fresh``)
    each started as a new interpreter. Lines they print arrive on ``self.lines``. The server
    and its workers form a process group of their own, so ``close()`` ends them all, even a
    worker whose pid the test never learnt."""

    def __init__(self, folder: Path, fresh: bool) -> None:
        self.fresh = fresh
        self.lines: queue.Queue[str] = queue.Queue()
        self.stderr_path = folder / "worker-stderr.txt"
        self.stderr = open(self.stderr_path, "w+b")  # noqa: SIM115 - closed in close()
        self.server: subprocess.Popen[bytes] | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.threads: list[threading.Thread] = []
        self.current: int | None = None  # the worker running now
        if not fresh:
            try:
                self.server = self._spawn(
                    [str(WORKER_PATH), "--serve"], stdin=subprocess.PIPE, start_new_session=True
                )
            except BaseException:
                self.stderr.close()
                raise

    def _spawn(self, args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, *args], stdout=subprocess.PIPE, stderr=self.stderr, **kwargs
        )
        assert process.stdout is not None
        thread = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        thread.start()
        self.threads.append(thread)
        return process

    def _read(self, stream: IO[bytes]) -> None:
        for raw in stream:
            self.lines.put(raw.decode("utf-8", "replace").strip())
        self.lines.put("eof")

    def next_line(self, deadline: float) -> str | None:
        try:
            return self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return None

    def start(self, args: list[str]) -> int:
        """Start a worker with ``args`` (DB JOURNAL OUTDIR SEED); its pid once it is ready."""
        if self.fresh:
            self.process = self._spawn([str(WORKER_PATH), *args])
            pid = self.process.pid
        else:
            assert self.server is not None and self.server.stdin is not None
            self.server.stdin.write(("run " + " ".join(args) + "\n").encode())
            self.server.stdin.flush()
            line = self.next_line(time.monotonic() + scaled(READY_TIMEOUT))
            assert line and line.startswith("started "), (
                f"worker server said {line!r}:\n{self.errors()}"
            )
            pid = int(line.split()[1])
        self.current = pid
        deadline = time.monotonic() + scaled(READY_TIMEOUT)
        while (line := self.next_line(deadline)) != "ready":
            if line is None or line == "eof" or line.startswith("exited"):
                raise AssertionError(f"the worker died before it was ready:\n{self.errors()}")
        return pid

    def kill(self, pid: int) -> None:
        """SIGKILL the worker and wait until it is gone; fails if it had ended by itself."""
        with contextlib.suppress(ProcessLookupError):  # ended and reaped: said below
            os.kill(pid, signal.SIGKILL)
        self.current = None
        if self.fresh:
            assert self.process is not None
            code = self.process.wait(timeout=scaled(END_TIMEOUT))
            # its reader has passed on every line it wrote
            self.threads.pop().join(timeout=scaled(END_TIMEOUT))
            assert self.process.stdout is not None
            self.process.stdout.close()
            killed = code == -signal.SIGKILL
            what = f"exit code {code}"
        else:
            deadline, line = time.monotonic() + scaled(END_TIMEOUT), ""
            while not line.startswith(f"exited {pid} "):
                got = self.next_line(deadline)
                assert got is not None, "the worker server did not report the worker's end"
                line = got
            status = int(line.split()[2])
            killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            what = f"wait status {status}"
        assert killed, f"the worker ended by itself ({what}) before the kill:\n{self.errors()}"
        while not self.lines.empty():
            self.lines.get_nowait()

    def errors(self) -> str:
        self.stderr.flush()
        return self.stderr_path.read_text("utf-8", "replace")[-4000:]

    def kill_group(self) -> None:
        """SIGKILL the server and every worker it forked. Only before the server is reaped:
        until then its pid, the group's id, cannot name anyone else's processes."""
        assert self.server is not None and self.server.returncode is None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.server.pid, signal.SIGKILL)

    def close(self) -> None:
        """End every process started here and close every pipe and file, however the test
        stopped (between a start and its kill, or in the middle of a start)."""
        try:
            if self.process is not None:
                self.process.kill()  # nothing if it has ended already
                self.process.wait(timeout=scaled(END_TIMEOUT))
            if self.server is not None:
                assert self.server.stdin is not None
                with contextlib.suppress(BrokenPipeError):
                    self.server.stdin.close()
                # The group, not the pids the test knows: a start may have stopped before the
                # worker's ``started`` line was read.
                self.kill_group()
                self.server.wait(timeout=scaled(END_TIMEOUT))
        finally:
            self.current = None
            for thread in self.threads:  # each ends at the end of its pipe
                thread.join(timeout=scaled(END_TIMEOUT))
            for process in (self.process, self.server):
                if process is not None and process.stdout is not None:
                    process.stdout.close()
            self.stderr.close()


OPERATIONS = ("import", "edit", "move", "json", "pdf", "bundle")
MOMENTS = ("commit", "write", "fsync", "replace")


@dataclass
class KillPlan:
    """When to kill a worker. A third of the kills come after a log-uniform delay from 3 ms to
    1 s; a third up to 50 ms after the worker announced the start of its first or second
    operation; a third up to 3 ms after the 1st–3rd commit, file write, fsync or rename of a
    first operation chosen for it (where a crash hurts most)."""

    first: str = ""  # the worker's first operation ("": drawn by the worker)
    wait_for: str = ""  # the line prefix to count ("": none, just ``delay``)
    times: int = 0
    delay: float = 0.0

    @classmethod
    def draw(cls, rng: random.Random) -> KillPlan:
        style = rng.randrange(3)
        if style == 0:
            return cls(delay=math.exp(rng.uniform(math.log(0.003), math.log(1.0))))
        if style == 1:
            return cls("", "begin ", rng.randint(1, 2), rng.uniform(0.0, 0.05))
        first = rng.choice(OPERATIONS)
        moment = f"critical {rng.choice(MOMENTS)} {first}"
        return cls(first, moment, rng.randint(1, 3), rng.uniform(0.0, 0.003))

    def describe(self, seen: int) -> str:
        after = f"{self.wait_for.strip()} #{seen}" if self.wait_for else "ready"
        first = f", first operation {self.first}" if self.first else ""
        return f"{self.delay * 1000:.1f} ms after {after}{first}"


def wait_and_kill(workers: Workers, pid: int, plan: KillPlan) -> str:
    """Kill ``pid`` as ``plan`` says; returns how it went."""
    seen = 0
    if plan.wait_for:
        deadline = time.monotonic() + scaled(2.0)
        while seen < plan.times and (line := workers.next_line(deadline)) is not None:
            seen += line.startswith(plan.wait_for)
    end = time.monotonic() + plan.delay
    while workers.next_line(end) is not None:
        pass
    workers.kill(pid)
    return plan.describe(seen)


# --- Checking what a kill left ---------------------------------------------------------------


@dataclass
class Findings:
    lost: list[str] = field(default_factory=list)
    corrupt: list[str] = field(default_factory=list)


@dataclass
class Checked:
    """What one output file was found to be."""

    sha256: str
    count: int | None  # records, certificates or initiatives in it; None when invalid
    ids: frozenset[str] = frozenset()
    problem: str = ""


class Checker:
    def __init__(self, db_path: Path, journal: Path, out: Path, profile: ProgramProfile) -> None:
        self.db_path, self.journal, self.out, self.profile = db_path, journal, out, profile
        self.cache: dict[tuple[str, int, int], Checked] = {}
        self.retired: set[str] = set()  # unique-named files checked, then deleted to save space
        self.files_checked: set[tuple[str, str]] = set()
        self.temp_files = 0
        self.leftovers: set[str] = set()  # temporary files a kill left beside the database
        self.entries: list[dict[str, Any]] = []

    def read_journal(self) -> list[dict[str, Any]]:
        text = self.journal.read_text("utf-8") if self.journal.exists() else ""
        complete = text[: text.rfind("\n") + 1]  # a line cut by the kill was not yet promised
        return [json.loads(line) for line in complete.splitlines()]

    def check(self) -> Findings:
        found = Findings()
        self.entries = self.read_journal()
        ids = self.check_database(found)
        if ids is not None:
            self.check_files(found, ids)
        return found

    # The database.

    def connect(self) -> sqlite3.Connection:
        """Read-only: the checks leave the crashed database (its -wal and -shm files) exactly
        as the kill left it, for the next worker to open."""
        return sqlite3.connect(f"{self.db_path.resolve().as_uri()}?mode=ro", uri=True)

    def check_database(self, found: Findings) -> set[str] | None:
        connection = self.connect()
        try:
            result = connection.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                found.corrupt.append(f"PRAGMA integrity_check: {result[:5]}")
                return None
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                found.corrupt.append(f"PRAGMA foreign_key_check: {broken[:5]}")
            rows = connection.execute(
                "SELECT id, code, title, status, field, applicability, bundle_id FROM initiatives"
            ).fetchall()
            authors = dict(
                connection.execute(
                    "SELECT initiative_id, count(*) FROM authors GROUP BY initiative_id"
                ).fetchall()
            )
            events = Counter(
                connection.execute(
                    "SELECT initiative_id, from_state, to_state FROM workflow_events"
                ).fetchall()
            )
            last_state = dict(
                connection.execute(
                    "SELECT initiative_id, to_state FROM workflow_events WHERE id IN "
                    "(SELECT max(id) FROM workflow_events GROUP BY initiative_id)"
                ).fetchall()
            )
            audit_marks: dict[str, set[str]] = {}
            for entity_id, changes in connection.execute(
                "SELECT entity_id, changes FROM audit_log WHERE entity = 'initiative'"
            ):
                audit_marks.setdefault(entity_id, set()).update(MARK.findall(changes or ""))
            bundles = dict(connection.execute("SELECT id, file_name FROM sent_bundles").fetchall())
        finally:
            connection.close()

        # Each initiative is whole: its authors, its state equal to its last workflow event,
        # and every change it shows recorded in the audit trail (same transaction).
        batches: dict[str, list[tuple[Any, ...]]] = {}
        for row in rows:
            id_, code, title, status, field_text, applicability, bundle_id = row
            match = TITLE.match(title)
            tag = match.group(1) if match else "?"
            if not match or not id_.startswith(tag + "-"):
                found.corrupt.append(f"{id_}: unexpected title {title!r}")
            batches.setdefault(tag, []).append(row)
            if authors.get(id_) != 2:
                found.corrupt.append(f"{id_}: {authors.get(id_, 0)} authors instead of 2")
            if last_state.get(id_) != status:
                found.corrupt.append(
                    f"{id_}: state {status} but last workflow event {last_state.get(id_)}"
                )
            if code not in audit_marks:
                found.corrupt.append(f"{id_}: no audit row")
            for text in (field_text, applicability):
                seen = MARK.search(text or "")
                if seen and seen.group(1) not in audit_marks.get(code, set()):
                    found.corrupt.append(f"{id_}: change {seen.group(1)} not in the audit trail")
            if status == "EXPORTED":
                name = bundles.get(bundle_id or "")
                if not name or not (self.out / name).is_file():
                    found.corrupt.append(f"{id_}: EXPORTED in bundle {bundle_id} with no file")
        for bundle_id, name in bundles.items():
            if name and not (self.out / name).is_file():
                found.corrupt.append(f"bundle {bundle_id}: its file {name} is missing")

        # No batch is half imported and no re-import half applied.
        for tag, members in batches.items():
            n = int(TITLE.match(members[0][2]).group(2)) if tag != "?" else -1  # type: ignore[union-attr]
            expected = {f"{tag}-{i:03d}" for i in range(n)}
            if {m[0] for m in members} != expected:
                found.corrupt.append(f"batch {tag}: {len(members)} of {n} records present")
            applied = {mark_key(m[5]) for m in members}
            if len(applied) > 1:
                found.corrupt.append(f"batch {tag}: half re-imported ({sorted(applied)})")

        # Everything the journal promised is there.
        by_id = {row[0]: row for row in rows}
        promised_moves: Counter[tuple[str, str, str]] = Counter()
        for entry in self.entries:
            op = entry["op"]
            if op == "import":
                present = len(batches.get(entry["batch"], []))
                if present != entry["n"]:
                    found.lost.append(
                        f"batch {entry['batch']}: journaled {entry['n']}, {present} present"
                    )
            elif op == "reimport":
                members = batches.get(entry["batch"], [])
                if not members or mark_key(members[0][5]) < mark_key(entry["mark"]):
                    found.lost.append(f"re-import {entry['mark']} of {entry['batch']} missing")
            elif op == "edit":
                row = by_id.get(entry["id"])
                if row is None or mark_key(row[4]) < mark_key(entry["mark"]):
                    found.lost.append(f"edit {entry['mark']} of {entry['id']} missing")
            elif op == "move":
                promised_moves[(entry["id"], entry["source"], entry["target"])] += 1
        for move, times in promised_moves.items():
            if events[move] < times:
                found.lost.append(f"move {move}: journaled {times}, {events[move]} recorded")

        url = database_url(self.db_path)
        database = Database(url, create_engine(url, creator=self.connect, poolclass=NullPool))
        try:
            for problem in verify_chain(database):
                found.corrupt.append(f"audit trail row {problem.id}: {problem.message}")
        finally:
            database.close()
        return set(by_id)

    # The output files.

    def records_before(self, position: int) -> int:
        return sum(e["n"] for e in self.entries[:position] if e["op"] == "import")

    def check_files(self, found: Findings, ids: set[str]) -> None:
        promised: dict[str, tuple[int, dict[str, Any]]] = {}
        begins: dict[str, list[int]] = {}
        for position, entry in enumerate(self.entries):
            if entry["op"] == "file":
                promised[entry["name"]] = (position, entry)
            elif entry["op"] == "begin":
                begins.setdefault(entry["name"], []).append(position)
        for path in sorted(self.out.iterdir()):
            name = path.name
            if name.startswith(".") and name.endswith(".part"):
                self.temp_files += 1
                path.unlink()
                continue
            if not OUTPUT.match(name):
                found.corrupt.append(f"unexpected file {name} in the output folder")
                continue
            checked = self.check_file(path, ids)
            self.files_checked.add((name, checked.sha256))
            if checked.count is None:
                found.corrupt.append(f"{name} looks complete but is not: {checked.problem}")
                continue
            position, entry = promised.get(name, (-1, {}))
            if entry.get("sha256") == checked.sha256:
                if checked.count != entry["count"]:
                    found.corrupt.append(f"{name}: {checked.count} items, {entry['count']} written")
            elif name.endswith(".json"):
                # Written by a worker that was killed before it journaled it (or, for the fixed
                # name, a later export): at least as many records as were journaled before the
                # export began.
                later = [p for p in begins.get(name, []) if p > position]
                if not later:
                    found.corrupt.append(f"{name}: changed with no export of it under way")
                elif checked.count < self.records_before(later[0]):
                    found.lost.append(
                        f"{name}: {checked.count} records, at least "
                        f"{self.records_before(later[0])} were committed before the export"
                    )
            if name not in (worker.FIXED_JSON, worker.FIXED_PDF) and not name.endswith(".zip"):
                self.retired.add(name)
                path.unlink()
        for name, (_, entry) in promised.items():
            if name not in self.retired and not (self.out / name).is_file():
                found.lost.append(f"{entry['kind']} file {name} missing")
        self.check_backups(found)

    def check_backups(self, found: Findings) -> None:
        """Beside the database: the copy each import takes first and the audit trail's anchor
        must be whole under their final names. What a kill cut short (``*.part``, a partial
        copy's ``-journal``) is left where it is, for the application to cope with."""
        folder = self.db_path.parent
        anchor = folder / (self.db_path.stem + ANCHOR_SUFFIX)
        try:
            read_anchor(anchor)
        except AnchorError as exc:
            found.corrupt.append(f"{anchor.name} is not whole: {exc}")
        self.leftovers.update(p.name for p in folder.glob(".*.part"))
        for path in sorted((folder / "backups").glob("*")):
            if path.suffix != ".sqlite":
                self.leftovers.add(path.name)
                continue
            checked = self.check_file(path, set())
            self.files_checked.add((path.name, checked.sha256))
            if checked.count is None:
                found.corrupt.append(f"backup {path.name} is not whole: {checked.problem}")

    def check_file(self, path: Path, ids: set[str]) -> Checked:
        stat = path.stat()
        key = (path.name, stat.st_size, stat.st_mtime_ns)
        if key not in self.cache:
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            try:
                count, inside = self.read_output(path, data)
            except Exception as exc:
                self.cache[key] = Checked(digest, None, problem=f"{type(exc).__name__}: {exc}")
            else:
                self.cache[key] = Checked(digest, count, frozenset(inside))
        checked = self.cache[key]
        unknown = checked.ids - ids
        if unknown:
            return Checked(checked.sha256, None, problem=f"holds uncommitted {sorted(unknown)[:3]}")
        return checked

    def read_output(self, path: Path, data: bytes) -> tuple[int, set[str]]:
        """How many items the file holds and which initiatives; raises if it is not whole."""
        if path.suffix == ".json":
            records = parse_records(json.loads(data.decode("utf-8")), self.profile)
            return len(records), {r.id for r in records}
        if path.suffix == ".pdf":
            if not data.rstrip().endswith(b"%%EOF"):
                raise ValueError("no %%EOF at the end")
            reader = PdfReader(io.BytesIO(data), strict=True)
            pages = len(reader.pages)
            contents = reader.pages[-1].get_contents() if pages else None
            if contents is None or not contents.get_data():
                raise ValueError("no page, or an empty last page")
            return pages, set()
        if path.suffix == ".sqlite":
            # immutable: reading leaves no -wal or -shm file beside the copy
            uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
            connection = sqlite3.connect(uri, uri=True)
            try:
                result = connection.execute("PRAGMA integrity_check").fetchall()
                count = connection.execute("SELECT count(*) FROM initiatives").fetchone()[0]
            finally:
                connection.close()
            if result != [("ok",)]:
                raise ValueError(f"integrity_check: {result[:3]}")
            return count, set()
        bundle = verify_bundle(path, profile=self.profile)
        if not bundle.valid or bundle.info is None:
            raise ValueError("; ".join(bundle.problems) or "not signed")
        if bundle.info.initiative_count != len(bundle.records):
            raise ValueError("initiative count differs from bag-info")
        return len(bundle.records), {r.id for r in bundle.records}


# --- The test --------------------------------------------------------------------------------


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    started = Workers(tmp_path, FRESH)
    try:
        yield started
    finally:
        started.close()


def prepare(folder: Path, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A single-user database (no account) with its unit, a signing key and a first batch."""
    # scrypt at its lowest allowed cost: the key records its own parameters, so the workers
    # open it cheaply too; nothing else changes.
    monkeypatch.setattr(keys, "KDF", {**keys.KDF, "n": 2**10})
    path = folder / "db" / "sangkien.sqlite"
    database = open_database(path)
    try:
        init_unit(database, UnitDetails(name="Công đoàn Công ty Thử nghiệm", code="CDCS-TEST"))
        keys.create_unit_key(database, worker.PASSPHRASE)
        tag = worker.batch_tag(0, 0)
        records = [worker.make_record(tag, i, 20) for i in range(20)]
        import_records(database, records, profile)
    finally:
        database.close()
    with open(folder / "journal.jsonl", "w", encoding="utf-8") as journal:
        journal.write(json.dumps({"op": "import", "batch": tag, "n": 20}) + "\n")
    return path


def test_kills_lose_nothing_and_leave_nothing_half_written(
    tmp_path: Path,
    profile: ProgramProfile,
    workers: Workers,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db_path = prepare(tmp_path, profile, monkeypatch)
    journal, out = tmp_path / "journal.jsonl", tmp_path / "out"
    out.mkdir()
    checker = Checker(db_path, journal, out, profile)
    lost: list[str] = []
    corrupt: list[str] = []
    done = 0
    started = time.monotonic()
    for point in range(1, KILL_POINTS + 1):
        plan = KillPlan.draw(random.Random(f"{SEED}:{point}"))
        args = [str(db_path), str(journal), str(out), str(point)]
        pid = workers.start([*args, plan.first] if plan.first else args)
        how = wait_and_kill(workers, pid, plan)
        found = checker.check()
        done = point
        if found.lost or found.corrupt:
            where = f"kill point {point} (seed {SEED}, {how})"
            lost += [f"{where}: {line}" for line in found.lost]
            corrupt += [f"{where}: {line}" for line in found.corrupt]
            break
    made = Counter(e["op"] if e["op"] != "file" else e["kind"] for e in checker.entries)
    summary = (
        f"kill test: {done} kill points, {len(lost)} lost, {len(corrupt)} corrupt "
        f"({made['import']} batches, {made['edit']} edits, {len(checker.files_checked)} files "
        f"checked; also {made['reimport']} re-imports, {made['move']} moves, {made['json']} JSON "
        f"exports, {made['pdf']} certificate PDFs, {made['bundle']} bundles journaled; "
        f"{checker.temp_files + len(checker.leftovers)} temporary files left by kills; "
        f"{time.monotonic() - started:.0f} s)"
    )
    with capsys.disabled():
        print("\n" + summary)
    assert not lost and not corrupt, "\n".join([summary, *lost[:20], *corrupt[:20]])
    assert done == KILL_POINTS


# --- The worker protocol, on a machine too busy to run the server when it should ------------


def _gone(pid: int) -> bool:
    """Whether ``pid`` has died (a zombie left for whoever reaps it counts as dead)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False


def test_worker_starts_only_after_its_server_said_started(
    tmp_path: Path, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANGKIEN_SERVE_LAG", "1")  # the server not scheduled for a second
    db_path = prepare(tmp_path, profile, monkeypatch)
    (tmp_path / "out").mkdir()
    started = Workers(tmp_path, fresh=False)
    try:
        pid = started.start(
            [str(db_path), str(tmp_path / "journal.jsonl"), str(tmp_path / "out"), "1"]
        )
        started.kill(pid)
    finally:
        started.close()


def test_close_ends_a_worker_whose_start_was_never_read(
    tmp_path: Path, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = prepare(tmp_path, profile, monkeypatch)
    (tmp_path / "out").mkdir()
    started = Workers(tmp_path, fresh=False)
    pids: list[int] = []
    try:
        assert started.server is not None and started.server.stdin is not None
        args = [str(db_path), str(tmp_path / "journal.jsonl"), str(tmp_path / "out"), "1"]
        started.server.stdin.write(("run " + " ".join(args) + "\n").encode())
        started.server.stdin.flush()
        deadline = time.monotonic() + scaled(READY_TIMEOUT)
        while (line := started.next_line(deadline)) != "ready":  # the test stops here
            assert line is not None and line != "eof", started.errors()
            if line.startswith("started "):
                pids.append(int(line.split()[1]))
    finally:
        started.close()
    assert started.server.returncode is not None
    assert started.server.stdout is not None and started.server.stdout.closed
    assert started.stderr.closed
    assert len(pids) == 1
    deadline = time.monotonic() + scaled(END_TIMEOUT)
    while not _gone(pids[0]):
        assert time.monotonic() < deadline, f"worker {pids[0]} still runs after close()"
        time.sleep(0.05)
    # Nothing left for the garbage collector to warn about in whichever test runs next.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del started
        gc.collect()
    assert [str(w.message) for w in caught] == []


def test_worker_that_ended_by_itself_is_reported_with_its_errors(
    tmp_path: Path, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not Path("/proc/self").exists():
        pytest.skip("needs /proc to see the worker reaped")
    monkeypatch.setenv("SANGKIEN_WORKER_MAX_SECONDS", "0")  # gives up as soon as it is ready
    db_path = prepare(tmp_path, profile, monkeypatch)
    (tmp_path / "out").mkdir()
    started = Workers(tmp_path, fresh=False)
    try:
        pid = started.start(
            [str(db_path), str(tmp_path / "journal.jsonl"), str(tmp_path / "out"), "1"]
        )
        deadline = time.monotonic() + scaled(END_TIMEOUT)
        while Path(f"/proc/{pid}").exists():  # until its server has reaped it
            assert time.monotonic() < deadline, f"worker {pid} did not give up"
            time.sleep(0.05)
        with pytest.raises(AssertionError, match=r"the worker ended by itself \(wait status 0\)"):
            started.kill(pid)
    finally:
        started.close()
