from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests import timing


@pytest.fixture(autouse=True)
def fresh_factor() -> Iterator[None]:
    """The factor is measured once per process: each test here measures it anew."""
    timing.slowdown.cache_clear()
    yield
    timing.slowdown.cache_clear()


def test_slowdown_from_the_environment_scales_every_time_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(timing.ENV, "3")
    assert timing.scaled(10) == 30


def test_slowdown_that_is_not_a_number_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(timing.ENV, "nhanh")
    with pytest.raises(ValueError, match="SANGKIEN_TEST_SLOWDOWN='nhanh'"):
        timing.slowdown()


def test_measured_slowdown_never_shortens_a_time_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(timing.ENV, raising=False)
    assert 1.0 <= timing.slowdown() <= timing.MEASURED_CAP


def test_a_busy_machine_lengthens_the_time_outs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(timing.ENV, raising=False)
    monkeypatch.setattr(timing, "_cpus", lambda: 2)
    monkeypatch.setattr(timing.os, "getloadavg", lambda: (6.0, 0.0, 0.0))
    assert timing.slowdown() >= 3.0
