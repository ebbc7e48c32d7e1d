"""Printing from where the user stands: no certificate number is issued before the user saw
how many and which ones; the editor prints one initiative's certificate and each form into
a preview inside the application."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sangkien_desktop.documents.service import (
    CertificatePlan,
    issued_certificates,
    plan_certificates,
)
from sangkien_desktop.gui import print_preview
from sangkien_desktop.gui.editor import CloseChoice, InitiativeEditor
from sangkien_desktop.gui.look import install_translation
from sangkien_desktop.gui.print_preview import (
    FORM_ORDER,
    ChooseFile,
    ConfirmCertificates,
    PrintPreview,
    confirmation_text,
    open_pdf,
)
from sangkien_desktop.gui.screens import rewards as screen_module
from sangkien_desktop.gui.screens.rewards import OpenPdf, PdfFile, RewardsScreen
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.storage import Database
from tests.timing import scaled

# The offscreen platform cannot size a dialog to its hints (the previews, the boxes).
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]

ONE_AUTHOR = ("SK-2022-0069", "demo-0069-50ee7709")
TWO_AUTHORS = ("SK-2021-0066", "demo-0066-db354306")
REFUSED_ID = "demo-0033-ce15520e"  # SK-2021-0033: recognised, its shares add up to 90 % (C4)


@pytest.fixture
def screen(qtbot: Any, demo_db: Database, profile: ProgramProfile) -> RewardsScreen:
    widget = RewardsScreen(demo_db, profile)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, list[Any]]:
    """What the screens show: errors, confirmations asked, files asked, "printed" messages."""
    seen: dict[str, list[Any]] = {"errors": [], "asked": [], "files": [], "printed": []}

    def error(_parent: Any, exc: BaseException) -> None:
        seen["errors"].append(exc)

    def chosen(cls: type, parent: Any, title: str, name: str) -> Path:
        seen["files"].append(name)
        return tmp_path / name

    monkeypatch.setattr(screen_module, "show_error", error)
    monkeypatch.setattr(print_preview.tasks, "show_error", error)
    monkeypatch.setattr(PdfFile, "ask", classmethod(chosen))
    monkeypatch.setattr(ChooseFile, "ask", classmethod(chosen))
    monkeypatch.setattr(
        OpenPdf, "ask", classmethod(lambda cls, parent, text: seen["printed"].append(text) or "")
    )
    return seen


def _answer(seen: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch, yes: bool) -> None:
    def ask(cls: type, parent: Any, plan: CertificatePlan, everything: bool) -> bool:
        seen["asked"].append((plan, everything, confirmation_text(plan, everything)))
        return yes

    monkeypatch.setattr(ConfirmCertificates, "ask", classmethod(ask))


def test_printing_with_nothing_selected_issues_no_number_when_cancelled(
    screen: RewardsScreen,
    seen: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
    demo_db: Database,
    tmp_path: Path,
) -> None:
    _answer(seen, monkeypatch, yes=False)
    assert screen.selected_codes() == []
    screen.certificates_button.click()
    ((plan, everything, text),) = seen["asked"]
    assert everything and plan.pages == 72 and plan.new_numbers == tuple(range(1, 73))
    assert "Sẽ cấp 72 giấy chứng nhận mới, số 01 đến 72 năm" in text
    assert f"({len(plan.codes)} sáng kiến)" in text and "Cấp số và in" in text
    assert seen["files"] == [] and seen["errors"] == []
    assert issued_certificates(demo_db) == []
    assert list(tmp_path.glob("*.pdf")) == []


def test_printing_with_nothing_selected_issues_the_confirmed_numbers(
    qtbot: Any,
    screen: RewardsScreen,
    seen: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
    demo_db: Database,
) -> None:
    _answer(seen, monkeypatch, yes=True)
    screen.certificates_button.click()
    qtbot.waitUntil(lambda: bool(seen["printed"] or seen["errors"]), timeout=scaled(60) * 1000)
    assert seen["errors"] == []
    ((plan, _everything, _text),) = seen["asked"]
    assert [c.number for c in issued_certificates(demo_db)] == list(plan.new_numbers)


def test_the_confirmation_box_shows_the_count_and_cancel_is_its_default(
    qtbot: Any, demo_db: Database, profile: ProgramProfile
) -> None:
    plan = plan_certificates(demo_db, profile, [TWO_AUTHORS[0]])
    shown: list[str] = []

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.defaultButton().click()

    QTimer.singleShot(0, cancel)
    assert ConfirmCertificates.ask(None, plan, False) is False
    assert shown == [
        "Sẽ cấp 2 giấy chứng nhận mới, số 01 đến 02 năm "
        f"{plan.year}.\n\nSố chỉ được cấp khi bạn bấm “Cấp số và in”; "
        "số đã cấp không dùng lại."
    ]
    assert issued_certificates(demo_db) == []


@pytest.fixture
def editor(
    qtbot: Any, demo_db: Database, profile: ProgramProfile, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    opened: list[InitiativeEditor] = []

    def make(initiative_id: str) -> InitiativeEditor:
        window = InitiativeEditor(demo_db, profile, initiative_id, actor="Lê Minh Tâm")
        opened.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    monkeypatch.setattr(
        InitiativeEditor, "ask_unsaved", classmethod(lambda cls, *_: CloseChoice.DISCARD)
    )
    for window in opened:
        if shiboken6.isValid(window):
            window.close()


def _preview(window: InitiativeEditor) -> PrintPreview:
    previews = window.findChildren(PrintPreview)
    assert len(previews) == 1
    return previews[0]


def test_the_editor_prints_one_certificate_without_asking_and_previews_it(
    editor: Any, seen: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch, demo_db: Database
) -> None:
    _answer(seen, monkeypatch, yes=False)
    window = editor(ONE_AUTHOR[1])
    window.print_button.update_actions()
    assert window.print_button.certificate_action.isEnabled()
    window.print_button.certificate_action.trigger()
    assert seen["errors"] == [] and seen["asked"] == []
    (issued,) = issued_certificates(demo_db)
    assert issued.initiative_code == ONE_AUTHOR[0] and issued.number == 1
    preview = _preview(window)
    assert preview.page_count() == 1
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert "Đã in 1 giấy chứng nhận" in window.statusBar().currentMessage()


def test_the_editor_asks_before_two_certificates_and_cancel_writes_nothing(
    editor: Any,
    seen: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
    demo_db: Database,
    tmp_path: Path,
) -> None:
    _answer(seen, monkeypatch, yes=False)
    window = editor(TWO_AUTHORS[1])
    window.print_button.update_actions()
    window.print_button.certificate_action.trigger()
    ((plan, everything, _text),) = seen["asked"]
    assert not everything and plan.new_numbers == (1, 2)
    assert seen["files"] == [] and issued_certificates(demo_db) == []
    assert window.findChildren(PrintPreview) == []
    monkeypatch.setattr(ChooseFile, "ask", classmethod(lambda cls, *_args: None))
    _answer(seen, monkeypatch, yes=True)
    window.print_button.certificate_action.trigger()  # confirmed, then the file is cancelled
    assert issued_certificates(demo_db) == [] and list(tmp_path.glob("*.pdf")) == []


@pytest.mark.parametrize("kind", FORM_ORDER)
def test_the_editor_previews_each_form(
    editor: Any, seen: dict[str, list[Any]], kind: str, tmp_path: Path
) -> None:
    window = editor(TWO_AUTHORS[1])
    window.print_button.update_actions()
    action = window.print_button.form_actions[kind]
    assert action.isEnabled()
    action.trigger()
    assert seen["errors"] == []
    preview = _preview(window)
    assert preview.page_count() >= 1
    saved = preview.save_to(tmp_path / f"{kind}.pdf")
    assert saved is not None and saved.read_bytes() == preview.data
    assert preview.open_button.isEnabled()


def test_the_preview_prints_every_page(
    editor: Any, seen: dict[str, list[Any]], tmp_path: Path
) -> None:
    window = editor(TWO_AUTHORS[1])
    preview = window.print_button.print_form("application")
    assert preview is not None
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == preview.page_count()
    document = QPdfDocument()
    document.load(str(tmp_path / "printed.pdf"))
    assert document.pageCount() == preview.page_count()
    document.close()


def test_opening_a_missing_pdf_says_why(qtbot: Any, tmp_path: Path) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    missing = tmp_path / "khong-co.pdf"
    assert open_pdf(owner, missing) is False
    box = owner.findChild(QMessageBox, "openPdfFailed")
    assert box is not None and str(missing) in box.text()
    box.close()


def test_the_editor_offers_no_certificate_for_an_initiative_the_gate_refuses(
    editor: Any, seen: dict[str, list[Any]]
) -> None:
    window = editor(REFUSED_ID)
    window.print_button.update_actions()
    action = window.print_button.certificate_action
    assert not action.isEnabled() and "chưa đủ điều kiện" in action.text()
    assert all(a.isEnabled() for a in window.print_button.form_actions.values())


def test_the_print_boxes_speak_english() -> None:
    app = QApplication.instance()
    assert app is not None
    translate = QCoreApplication.translate
    install_translation(app, "en")
    try:
        assert translate("RewardDialogs", "Mở tệp PDF") == "Open PDF"
        assert translate("RewardDialogs", "Xem trước và in") == "Preview and print"
        assert translate("Printing", "Cấp số và in") == "Issue and print"
    finally:
        install_translation(app, "vi")


def test_open_pdf_after_a_print_says_why_when_no_reader_opens_it(
    qtbot: Any,
    screen: RewardsScreen,
    seen: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        OpenPdf, "ask", classmethod(lambda cls, p, text: asked.append(text) or "open")
    )
    monkeypatch.setattr(print_preview.QDesktopServices, "openUrl", lambda url: False)
    row = next(r for r, line in enumerate(screen.rewards) if line.initiative_code)
    screen.table.selectRow(row)
    _answer(seen, monkeypatch, yes=True)
    screen.certificates_button.click()
    qtbot.waitUntil(lambda: bool(asked or seen["errors"]), timeout=scaled(60) * 1000)
    assert seen["errors"] == []
    box = screen.findChild(QMessageBox, "openPdfFailed")
    assert box is not None and "chưa có chương trình đọc tệp PDF" in box.text()
    assert seen["files"][0] in box.text()
    box.close()


def test_preview_after_a_rewards_print_shows_every_certificate(
    qtbot: Any,
    screen: RewardsScreen,
    seen: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
    demo_db: Database,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        OpenPdf, "ask", classmethod(lambda cls, p, text: asked.append(text) or "preview")
    )
    _answer(seen, monkeypatch, yes=True)
    screen.certificates_button.click()
    qtbot.waitUntil(lambda: bool(asked or seen["errors"]), timeout=scaled(60) * 1000)
    assert seen["errors"] == []
    (preview,) = screen.findChildren(PrintPreview)
    assert preview.page_count() == len(issued_certificates(demo_db)) == 72
    preview.close()
