"""These tests run on both stores: SQLite and PostgreSQL (tests/pg.py)."""

import pytest

from tests.pg import STORES, pick_store


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest) -> str:
    return pick_store(request)
