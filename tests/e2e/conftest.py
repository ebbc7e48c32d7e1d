"""End-to-end fixtures: one Xvfb server per run, one demo database built by the CLI, and per
test a fresh copy of it opened by the real ``sangkien-desktop`` process (see README.md)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.desktop import (
    DEADLINE,
    SHOTS,
    Desktop,
    Display,
    missing_tools,
    sangkien_command,
)


def _required() -> bool:
    """In CI a missing Xvfb or xdotool is a failure, not a skip (.ci/run sets this)."""
    return bool(os.environ.get("SANGKIEN_E2E_REQUIRED") or os.environ.get("CI"))


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """The name (``:N``) of an Xvfb display started for this run."""
    missing = missing_tools()
    if missing:
        reason = (
            f"end-to-end tests need {', '.join(missing)} "
            "(apt-get install xvfb xdotool x11-utils; .ci/run installs them)"
        )
        if _required():
            pytest.fail(reason + " — SANGKIEN_E2E_REQUIRED/CI is set", pytrace=False)
        pytest.skip(reason)
    display = Display()
    try:
        yield display.name
    finally:
        display.stop()


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with ``demo.sqlite`` made by ``sangkien demo`` (accounts included) and its
    audit anchor; tests copy the folder."""
    folder = tmp_path_factory.mktemp("e2e-demo")
    subprocess.run(
        [*sangkien_command(), "--db", str(folder / "demo.sqlite"), "demo", "--force"],
        check=True,
        capture_output=True,
        timeout=DEADLINE * 3,
    )
    return folder


@pytest.fixture
def e2e_db(demo_folder: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database (with its audit anchor)."""
    target = tmp_path / "db"
    shutil.copytree(demo_folder, target)
    return target / "demo.sqlite"


@pytest.fixture
def launch(
    x_display: str, e2e_db: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[..., Desktop]]:
    """``launch(*args)`` starts ``sangkien-desktop --db <copy> ARGS`` on the display, with a
    private home and data folder; every process it started is reaped afterwards. The logs stay
    in the test's tmp_path (``home*/desktop.log``)."""
    started: list[Desktop] = []
    name = re.sub(r"[^\w.-]+", "-", request.node.name)
    shutil.rmtree(SHOTS / name, ignore_errors=True)

    def start(*args: str) -> Desktop:
        """Each launch has a data folder of its own: a fresh start, as on a new PC."""
        home = tmp_path / f"home{len(started)}"
        desktop = Desktop(x_display, e2e_db, home, SHOTS / name)
        if started:
            desktop.step = started[-1].step
        started.append(desktop)
        return desktop.start(*args)

    try:
        yield start
    finally:
        for desktop in started:
            desktop.stop()
