"""The overview: live charts and figures from the demo data, and the support team's to-do list."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries, QPieSeries
from PySide6.QtCore import Qt

from sangkien_desktop.gui.main_window import MainWindow
from sangkien_desktop.gui.screens.overview import ID_ROLE, OverviewScreen
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.stats import set_phase_target
from sangkien_desktop.storage import Database

pytestmark = pytest.mark.gui


def _loaded(qtbot: Any, window: MainWindow) -> OverviewScreen:
    window.show_screen("overview")
    screen = window.screens["overview"]
    assert isinstance(screen, OverviewScreen)
    qtbot.waitUntil(lambda: screen.report is not None and screen.loader.task is None)
    return screen


def test_month_chart_has_a_series_per_figure_built_from_the_demo(
    qtbot: Any, window: MainWindow
) -> None:
    screen = _loaded(qtbot, window)
    series = screen.month_chart.chart.series()
    assert [s.name() for s in series] == ["Đăng ký", "Đủ điều kiện"]
    registered, counted = series
    assert isinstance(registered, QLineSeries)
    assert sum(p.y() for p in registered.points()) == 80
    assert sum(p.y() for p in counted.points()) == 43
    assert registered.count() == len(screen.report.by_month) > 12


def test_kind_ring_has_a_slice_per_kind_adding_up_to_every_initiative(
    qtbot: Any, window: MainWindow, profile: ProgramProfile
) -> None:
    screen = _loaded(qtbot, window)
    [ring] = screen.kind_chart.chart.series()
    assert isinstance(ring, QPieSeries)
    assert ring.count() == len(profile.kinds)
    assert ring.sum() == 80
    assert "Kỹ thuật" in screen.kind_chart.side.text()


def test_participation_gauge_shows_the_rate_against_the_target(
    qtbot: Any, window: MainWindow
) -> None:
    screen = _loaded(qtbot, window)
    [gauge] = screen.gauge_chart.chart.series()
    assert isinstance(gauge, QPieSeries)
    values = [s.value() for s in gauge.slices()]
    assert values[0] == pytest.approx(10)  # up to the 10% target
    assert values[1] == pytest.approx(40 / 3 - 10)  # 13.3%: beyond the target
    assert "13,3%" in screen.gauge_label.text() and "mục tiêu 10%" in screen.gauge_label.text()
    assert screen.cards["participation"].value.text() == "13,3%"


def test_target_chart_compares_each_phase_with_its_target(qtbot: Any, window: MainWindow) -> None:
    screen = _loaded(qtbot, window)
    [bars] = screen.target_chart.chart.series()
    assert isinstance(bars, QBarSeries)
    targets, done = bars.barSets()
    assert [targets.at(i) for i in range(targets.count())] == [30, 60]
    assert [done.at(i) for i in range(done.count())] == [14, 29]
    assert "Giai đoạn 1: 14/30 (46,7%)" in screen.target_chart.note.text()


def test_figures_show_totals_and_money_the_vietnamese_way(qtbot: Any, window: MainWindow) -> None:
    screen = _loaded(qtbot, window)
    assert screen.cards["initiatives"].value.text() == "80"
    assert screen.cards["eligible"].value.text() == "43"
    assert screen.cards["value"].value.text() == "4.746.500.000 đ"
    assert screen.title.text() == "Công đoàn Công ty Cổ phần Cơ khí Đông Anh"


def test_todo_list_groups_overdue_ready_and_incomplete_dossiers(
    qtbot: Any, window: MainWindow
) -> None:
    screen = _loaded(qtbot, window)
    tree = screen.todo
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [(g.text(0), g.text(1)) for g in groups] == [
        ("Chờ Hội đồng quá 3 tháng", "10"),
        ("Sẵn sàng nhưng chưa xuất gói", "15"),
        ("Hồ sơ thiếu giấy tờ", "40"),
    ]
    first = groups[0].child(0)
    assert first.text(1).startswith("quá hạn") and first.data(0, ID_ROLE)


def test_activating_a_todo_item_asks_to_open_its_dossier(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _loaded(qtbot, window)
    opened: list[str] = []
    monkeypatch.setattr(window, "open_initiative", opened.append)
    item = screen.todo.topLevelItem(1).child(0)
    with qtbot.waitSignal(screen.open_requested):
        screen.todo.itemActivated.emit(item, 0)
    assert opened == [item.data(0, ID_ROLE)]


def test_refresh_shows_a_changed_target(
    qtbot: Any, window: MainWindow, demo_db: Database, profile: ProgramProfile
) -> None:
    screen = _loaded(qtbot, window)
    set_phase_target(demo_db, profile, 1, 20)
    qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.report is not None and screen.report.phases[0].target == 20)
    targets = screen.target_chart.chart.series()[0].barSets()[0]
    assert targets.at(0) == 20


def test_a_big_union_is_computed_in_the_background(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sangkien_desktop.gui.screens.overview as overview

    screen = _loaded(qtbot, window)
    monkeypatch.setattr(overview, "SYNC_INITIATIVES", 10)
    screen.report = None
    screen.reload()
    assert screen.loader.task is not None and not screen.refresh_button.isEnabled()
    qtbot.waitUntil(lambda: screen.report is not None and screen.loader.task is None)
    assert screen.refresh_button.isEnabled()
    assert screen.cards["initiatives"].value.text() == "80"
