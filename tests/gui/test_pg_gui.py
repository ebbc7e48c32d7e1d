"""The application's screens on a shared PostgreSQL database: the same tests as on SQLite,
run again over a demo database on the throw-away server (tests/pg.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sangkien_desktop.program import load_profile
from sangkien_desktop.security.audit import verify
from sangkien_desktop.storage import Database, open_database
from tests.gui.test_editor import (  # noqa: F401  (the editor's fixture, and tests run again)
    open_editor,
)
from tests.gui.test_editor import (
    test_closing_and_saving_stores_the_changes as test_pg_closing_and_saving_stores_the_changes,
)
from tests.gui.test_editor import (
    test_new_initiative_with_two_authors_is_saved_with_ctrl_s as test_pg_new_initiative_saved,
)
from tests.gui.test_initiatives_screen import (
    test_findings_filter_separates_errors as test_pg_findings_filter_separates_errors,
)
from tests.gui.test_initiatives_screen import (
    test_search_typed_with_diacritics_matches_too as test_pg_search_with_diacritics,
)
from tests.gui.test_initiatives_screen import (
    test_search_without_diacritics_finds_vietnamese_names as test_pg_search_without_diacritics,
)
from tests.gui.test_initiatives_screen import (
    test_sorting_by_author_follows_vietnamese_order as test_pg_sorting_by_author,
)
from tests.gui.test_initiatives_screen import (
    test_state_filter_keeps_only_that_state as test_pg_state_filter_keeps_only_that_state,
)
from tests.pg import TEMPLATE, Cluster

pytestmark = [pytest.mark.gui, pytest.mark.parametrize("store", ["postgresql"])]

DEMO_TEMPLATE = "sangkien_demo_template"

__all__ = [
    "test_pg_closing_and_saving_stores_the_changes",
    "test_pg_findings_filter_separates_errors",
    "test_pg_new_initiative_saved",
    "test_pg_search_with_diacritics",
    "test_pg_search_without_diacritics",
    "test_pg_sorting_by_author",
    "test_pg_state_filter_keeps_only_that_state",
]


@pytest.fixture(scope="session")
def pg_demo_template(pg_cluster: Cluster) -> str:
    """The demo, built once per run on the server, as a template database."""
    from sangkien_desktop.services.demo import fill_demo

    database = open_database(pg_cluster.create(DEMO_TEMPLATE, template=TEMPLATE))
    try:
        fill_demo(database, load_profile())
    finally:
        database.close()
    return DEMO_TEMPLATE


@pytest.fixture
def demo_db(
    pg_cluster: Cluster,
    pg_demo_template: str,
    store: str,
    tmp_path: object,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Database]:
    """A private copy of the demo database on the server (in place of the SQLite copy)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    name = pg_cluster.new_name()
    database = open_database(pg_cluster.create(name, template=pg_demo_template))
    try:
        yield database
        result = verify(database)
        assert result.problems == [] and result.outside == []
    finally:
        database.close()
        pg_cluster.drop(name)
