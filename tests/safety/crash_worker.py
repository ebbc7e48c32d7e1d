"""The crash-safety worker: writes through the application's real code paths until killed.

    python tests/safety/crash_worker.py DB JOURNAL OUTDIR SEED [FIRST]

loops forever over a random mix (seeded by SEED) of

* importing a batch of N generated initiatives in one ``import_records`` call; every record of
  batch ``TAG`` has the id ``TAG-000`` … and the title ``[TAG/N] …``, so a half batch shows;
* re-importing a whole batch (once the database is big) with a new mark in ``applicability``;
* editing one initiative with ``save_record`` (a new mark in ``field``);
* moving one initiative one step through the workflow;
* exporting every initiative as JSON (the ``sangkien export json`` path), printing the
  certificates not yet printed (``print_certificates``), exporting a signed bundle
  (``export_bundle``) into OUTDIR.

FIRST (``import``, ``edit``, ``move``, ``json``, ``pdf`` or ``bundle``) names the first
operation, for a killer that aims at it. After each operation returns, the worker appends one
JSON line to JOURNAL saying what is now guaranteed (flushed and fsynced), so whoever kills it
knows what must survive. A mark is ``SEED.K`` (``K`` counts the operations of this run); the
killer gives each run a larger SEED, so a later mark compares greater.

It prints ``ready`` when the database is open, ``begin <op>`` as each operation starts and
``critical commit|write|fsync|replace <op>`` just before each commit, file write, fsync and
rename, for the killer to time its kill. ``--serve`` makes it a fork server instead: it
imports everything and runs each operation once on a scratch database, then for each line
``run DB JOURNAL OUTDIR SEED [FIRST]`` on stdin forks a worker, prints ``started PID`` and,
once the worker is dead, ``exited PID STATUS`` (the raw wait status). A forked worker starts
only once ``started PID`` is printed, so that line always comes before the worker's own.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import selectinload

from sangkien_desktop.documents.service import print_certificates
from sangkien_desktop.errors import InputError, SangKienError
from sangkien_desktop.exchange.export import export_bundle
from sangkien_desktop.exchange.keys import create_unit_key
from sangkien_desktop.files import atomic_write_text
from sangkien_desktop.program import ProgramProfile, load_profile
from sangkien_desktop.records.io import dump_records
from sangkien_desktop.records.model import (
    Application,
    Author,
    Benefits,
    ContentReview,
    InitiativeRecord,
    Recognition,
)
from sangkien_desktop.services.initiatives import (
    get_record,
    import_records,
    iter_records,
    save_record,
)
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.convert import to_record
from sangkien_desktop.storage.models import Initiative
from sangkien_desktop.workflow.service import Move, move

PASSPHRASE = "mật khẩu thử nghiệm"
ACTOR = "crash-worker"
#: Beyond this many initiatives, an import re-imports an existing batch instead of adding one,
#: so that a long run (thousands of kills) keeps a database of a realistic size.
CAP = int(os.environ.get("SANGKIEN_KILL_CAP", "500"))
#: A worker nobody killed stops by itself after this long (an orphan must not run forever).
MAX_SECONDS = float(os.environ.get("SANGKIEN_WORKER_MAX_SECONDS", "120"))
#: Seconds the server waits between forking a worker and saying ``started``: a test of the
#: protocol sets it to play a server that a busy machine leaves unscheduled.
LAG = float(os.environ.get("SANGKIEN_SERVE_LAG", "0"))
BATCH_SIZES = (1, 2, 5, 10, 25, 60)
STATUSES = ("RECOGNISED", "READY", "DRAFTING", "SUBMITTED")
#: One step forward (or back) from each state the worker moves initiatives out of.
NEXT = {"DRAFTING": "SUBMITTED", "SUBMITTED": "RECOGNISED", "RECOGNISED": "READY"}
NEXT["READY"] = "RECOGNISED"
#: Output names that each export overwrites (the others are new files every time).
FIXED_JSON = "sangkien-moi-nhat.json"
FIXED_PDF = "chung-nhan-moi-nhat.pdf"
FIELD = "Cơ khí chế tạo"
APPLICABILITY = "Áp dụng được ở mọi tổ hàn."


def mark(seed: int, k: int) -> str:
    return f"{seed:05d}.{k:04d}"


def batch_tag(seed: int, k: int) -> str:
    return f"B{seed:05d}{k:04d}"


def make_record(tag: str, i: int, n: int) -> InitiativeRecord:
    """Record ``i`` of batch ``tag`` (of ``n``): passes every rule of the program."""
    decided = date(2022, 4, 20)
    return InitiativeRecord(
        id=f"{tag}-{i:03d}",
        code=f"SK-{tag}-{i:03d}",
        title=f"[{tag}/{n}] Quy trình kiểm tra nhanh mối hàn số {i}",
        kind="KY_THUAT",
        subkind="QUY_TRINH",
        field=FIELD,
        known_solution="Kiểm tra bằng mắt thường, mất nhiều thời gian.",
        content="Dưỡng đo tự chế kiểm tra nhanh kích thước mối hàn. " * 8,
        novelty="Lần đầu áp dụng tại đơn vị.",
        applicability=APPLICABILITY,
        origin_story="Tổ hàn đề xuất sau nhiều lần phải sửa mối hàn lỗi.",
        authors=[
            Author(
                "Nguyễn Thị Hường",
                date(1986, 4, 12),
                "Phân xưởng Hàn",
                "Tổ trưởng",
                "Kỹ sư",
                60,
                True,
            ),
            Author("Đặng Văn Đức", None, "Phân xưởng Hàn", "Công nhân", "Trung cấp", 40, False),
        ],
        application=Application("APPLIED", date(2022, 3, 15), "Phân xưởng Hàn"),
        benefits=Benefits(125_000_000, "Giảm 30% thời gian", ["AN_TOAN_LAO_DONG"], "An toàn hơn"),
        recognition=Recognition("COUNCIL", "Hội đồng sáng kiến Công ty", "15/QĐ-HĐSK", decided),
        content_review=ContentReview("Lê Minh Tâm", decided),
        status=STATUSES[i % len(STATUSES)],
        submitted_on=date(2022, 4, 1),  # an import passes SUBMITTED only with a receipt date
        created_at=datetime(2022, 3, 1, 8, 30),
        updated_at=datetime(2022, 4, 22, 16, 5),
    )


#: The operation under way (``import``, ``edit``, ``json``…), named in the ``critical`` lines.
CURRENT = [""]


def say(line: str) -> None:
    """One line on stdout, unbuffered (a forked worker shares the server's pipe)."""
    if line.startswith("begin "):
        CURRENT[0] = line.removeprefix("begin ")
    os.write(1, (line + "\n").encode("utf-8"))


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Journal:
    def __init__(self, path: Path) -> None:
        self.handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 - lives as long as we do

    def add(self, **entry: Any) -> None:
        self.handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.handle.flush()
        os.fsync(self.handle.fileno())


class Worker:
    def __init__(
        self, db: Database, profile: ProgramProfile, journal: Journal, out: Path, seed: int
    ):
        self.db, self.profile, self.journal, self.out = db, profile, journal, out
        self.seed = seed
        self.say: Callable[[str], None] = say
        self.rng = random.Random(seed)
        self.k = 0
        with db.reader() as session:
            rows = session.execute(select(Initiative.id, Initiative.status)).all()
        self.status = {id_: status for id_, status in rows}
        self.batches = sorted({id_.split("-")[0] for id_ in self.status})

    def ids_in(self, *states: str) -> list[str]:
        return [id_ for id_, status in self.status.items() if status in states]

    def operations(self) -> dict[str, Any]:
        return {
            "import": self.import_batch,
            "edit": self.edit,
            "move": self.move,
            "json": self.export_json,
            "pdf": self.certificates,
            "bundle": self.bundle,
        }

    def step(self, name: str = "") -> None:
        """One operation: ``name``, or one drawn at random."""
        self.k += 1
        if not name:
            name = self.rng.choices(list(self.operations()), (30, 25, 15, 10, 10, 10))[0]
        self.operations()[name]()

    def import_batch(self) -> None:
        if len(self.status) >= CAP and self.batches:
            self.reimport()
            return
        n = self.rng.choice(BATCH_SIZES)
        tag = batch_tag(self.seed, self.k)
        records = [make_record(tag, i, n) for i in range(n)]
        self.say("begin import")
        import_records(self.db, records, self.profile, actor=ACTOR)
        self.journal.add(op="import", batch=tag, n=n)
        self.status.update({r.id: r.status for r in records})
        self.batches.append(tag)

    def reimport(self) -> None:
        tag = self.rng.choice(self.batches)
        with self.db.reader() as session:
            rows = session.scalars(
                select(Initiative)
                .where(Initiative.id.like(f"{tag}-%"))
                .options(selectinload(Initiative.authors), selectinload(Initiative.attachments))
            ).all()
            records = [to_record(row) for row in rows]
        value = f"{APPLICABILITY} — nhập lại {mark(self.seed, self.k)}"
        for record in records:
            record.applicability = value
        self.say("begin import")  # a re-import, for the killer an import like any other
        import_records(self.db, records, self.profile, actor=ACTOR)
        self.journal.add(op="reimport", batch=tag, mark=mark(self.seed, self.k))

    def edit(self) -> None:
        if not self.status:
            return
        key = self.rng.choice(sorted(self.status))
        record = get_record(self.db, key)
        record.field = f"{FIELD} — sửa {mark(self.seed, self.k)}"
        self.say("begin edit")
        save_record(self.db, record, self.profile, actor=ACTOR)
        self.journal.add(op="edit", id=key, mark=mark(self.seed, self.k))

    def move(self) -> None:
        ids = self.ids_in(*NEXT)
        if not ids:
            return
        key = self.rng.choice(sorted(ids))
        source = self.status[key]
        request = Move(NEXT[source], ACTOR, "Thử tắt đột ngột", submitted_on=date(2022, 4, 1))
        self.say("begin move")
        try:
            target = move(self.db, key, request, self.profile)
        except SangKienError:
            self.status[key] = get_record(self.db, key).status
            return
        self.journal.add(op="move", id=key, source=source, target=target)
        self.status[key] = target

    def _name(self, unique: str, fixed: str) -> str:
        return fixed if self.rng.random() < 0.3 else unique

    def export_json(self) -> None:
        name = self._name(f"sangkien-{self.seed:05d}-{self.k:04d}.json", FIXED_JSON)
        self.journal.add(op="begin", name=name)
        self.say("begin json")
        records = list(iter_records(self.db))  # what `sangkien export json FILE` does
        text = dump_records(records)
        self.say("critical write json")
        atomic_write_text(self.out / name, text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.journal.add(op="file", kind="json", name=name, sha256=digest, count=len(records))

    def certificates(self) -> None:
        name = self._name(f"chung-nhan-{self.seed:05d}-{self.k:04d}.pdf", FIXED_PDF)
        self.journal.add(op="begin", name=name)
        self.say("begin pdf")
        try:
            pages = print_certificates(self.db, self.profile, self.out / name)
        except InputError:
            return  # every recognised initiative already has its certificates
        digest = sha256_file(self.out / name)
        self.journal.add(op="file", kind="pdf", name=name, sha256=digest, count=pages)

    def bundle(self) -> None:
        self.say("begin bundle")
        try:
            result = export_bundle(self.db, self.profile, self.out, PASSPHRASE, actor=ACTOR)
        except InputError:
            return  # nothing READY that was not sent already
        digest = sha256_file(result.path)
        self.journal.add(
            op="file",
            kind="bundle",
            name=result.path.name,
            sha256=digest,
            count=result.initiative_count,
        )
        for code in result.moved:
            self.status[code.removeprefix("SK-")] = "EXPORTED"


def announce_critical_moments(db: Database) -> None:
    """Print ``critical commit|write|fsync|replace`` just before each database commit, each
    file opened for writing through ``os.fdopen`` (how the application writes its temporary
    files), each fsync and each rename (nothing else changes), so that the killer can aim at
    the moments where a crash hurts most."""
    real_fsync, real_replace, real_fdopen = os.fsync, os.replace, os.fdopen

    def fsync(fd: Any) -> None:
        say(f"critical fsync {CURRENT[0]}")
        real_fsync(fd)

    def replace(source: Any, target: Any, **kwargs: Any) -> None:
        say(f"critical replace {CURRENT[0]}")
        real_replace(source, target, **kwargs)

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode or "a" in mode:
            say(f"critical write {CURRENT[0]}")
        return real_fdopen(fd, mode, *args, **kwargs)

    os.fsync, os.replace, os.fdopen = fsync, replace, fdopen  # type: ignore[assignment]
    event.listen(db.engine, "commit", lambda _connection: say(f"critical commit {CURRENT[0]}"))


def run(db_path: Path, journal_path: Path, out: Path, seed: int, first: str = "") -> None:
    """Work until killed; ``first`` names the first operation (the others are drawn)."""
    parent = os.getppid()
    started = time.monotonic()
    db = open_database(db_path)
    announce_critical_moments(db)
    worker = Worker(db, load_profile(), Journal(journal_path), out, seed)
    say("ready")
    if first:
        worker.step(first)
    while os.getppid() == parent and time.monotonic() - started < MAX_SECONDS:
        worker.step()
    say("gave up: nobody killed me")


def warm_up() -> None:
    """Run each operation once on a throwaway database, so that forked workers start with the
    fonts, mappers and compiled queries loaded, as in an application that has been running."""
    with tempfile.TemporaryDirectory(prefix="sangkien-warm-") as folder:
        root = Path(folder)
        db = open_database(root / "warm.sqlite")
        init_unit(db, UnitDetails(name="Công đoàn Công ty Thử nghiệm", code="CDCS-TEST"))
        create_unit_key(db, PASSPHRASE)
        warm = Worker(db, load_profile(), Journal(root / "journal"), root, 0)
        warm.say = lambda _line: None
        for name in ("import", "import", "edit", "move", "json", "pdf", "bundle"):
            warm.step(name)
        warm.journal.handle.close()
        db.close()


def serve() -> None:
    """Fork a worker for each ``run`` line on stdin; report its pid and its end."""
    warm_up()
    for line in sys.stdin:
        command, *args = line.split()
        if command != "run":
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        # The worker waits at this gate until ``started PID`` is out: on a busy machine the
        # server may not run again before the worker has printed ``ready`` and more.
        gate, opened = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(opened)
            code = 1
            try:
                if os.read(gate, 1) == b"g":  # nothing: the server died first
                    os.close(gate)
                    run(Path(args[0]), Path(args[1]), Path(args[2]), int(args[3]), *args[4:5])
                    code = 0
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            os._exit(code)
        os.close(gate)
        if LAG:
            time.sleep(LAG)
        say(f"started {pid}")
        os.write(opened, b"g")
        os.close(opened)
        _, status = os.waitpid(pid, 0)
        say(f"exited {pid} {status}")


def main(argv: list[str]) -> None:
    if argv[1:] == ["--serve"]:
        serve()
    elif len(argv) in (5, 6):
        run(Path(argv[1]), Path(argv[2]), Path(argv[3]), int(argv[4]), *argv[5:6])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
