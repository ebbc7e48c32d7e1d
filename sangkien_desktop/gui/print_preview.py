"""Printing from where the user stands: the confirmation that names the certificate numbers a
print will issue (none is taken before it), the preview inside the application (QtPdf) with
Print and Save as PDF, opening a PDF or saying why not, and the editor's "In" menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sangkien_desktop.documents import service as documents
from sangkien_desktop.documents.eligibility import RECOGNISED_STATES, refusals
from sangkien_desktop.documents.forms import FORMS
from sangkien_desktop.documents.furniture import write_pdf
from sangkien_desktop.documents.service import CertificatePlan
from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui import tasks
from sangkien_desktop.gui.ownership import keep
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.security import access
from sangkien_desktop.storage.database import Database

if TYPE_CHECKING:
    from sangkien_desktop.gui.editor import InitiativeEditor
    from sangkien_desktop.gui.screens.initiatives import InitiativesScreen


# lupdate reads ``translate("Printing", "…")`` calls (context written out); ``n`` for plurals.
translate = QCoreApplication.translate


def number_ranges(numbers: Sequence[int]) -> str:
    """``(1, 2, 3, 7)`` → ``"01 đến 03, 07"``: the numbers as a reader checks them."""
    parts: list[str] = []
    start = previous = None
    for number in [*numbers, None]:
        if number is not None and previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None and previous is not None:
            parts.append(
                f"{start:02d}"
                if start == previous
                else f"{start:02d} " + translate("Printing", "đến") + f" {previous:02d}"
            )
        start = previous = number
    return ", ".join(parts)


def confirmation_text(plan: CertificatePlan, everything: bool) -> str:
    """What a certificate print will do: how many pages, which numbers it issues."""
    lines = []
    if everything:
        lines.append(
            translate(
                "Printing",
                "Chưa chọn sáng kiến nào: sẽ in cho mọi sáng kiến đã công nhận, đủ điều kiện, "
                "còn tác giả chưa có giấy (%1 sáng kiến).",
            ).replace("%1", str(len(plan.codes)))
        )
    new = len(plan.new_numbers)
    if new:
        lines.append(
            translate("Printing", "Sẽ cấp %1 giấy chứng nhận mới, số %2 năm %3.")
            .replace("%1", str(new))
            .replace("%2", number_ranges(plan.new_numbers))
            .replace("%3", str(plan.year))
        )
    if plan.pages > new:
        lines.append(
            translate("Printing", "In lại %1 giấy đã cấp (giữ nguyên số cũ).").replace(
                "%1", str(plan.pages - new)
            )
        )
    if plan.refused:
        lines.append(
            translate("Printing", "%1 sáng kiến chưa đủ điều kiện sẽ không được in.").replace(
                "%1", str(len(plan.refused))
            )
        )
    lines.append(
        translate(
            "Printing", "Số chỉ được cấp khi bạn bấm “Cấp số và in”; số đã cấp không dùng lại."
        )
    )
    return "\n\n".join(lines)


class ConfirmCertificates:
    """Asks before any certificate number is issued: the count and the numbers."""

    @classmethod
    def ask(cls, parent: QWidget | None, plan: CertificatePlan, everything: bool) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("Printing", "In giấy chứng nhận"),
            confirmation_text(plan, everything),
            parent=parent,
        )
        box.setObjectName("confirmCertificates")
        go = box.addButton(translate("Printing", "Cấp số và in"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(translate("Printing", "Hủy"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        chosen = box.clickedButton() is go
        box.deleteLater()
        return chosen


def certificate_plan(
    parent: QWidget,
    db: Database,
    profile: ProgramProfile,
    codes: Sequence[str] | None,
    failed: Callable[[QWidget, BaseException], object] | None = None,
) -> CertificatePlan | None:
    """The plan of a certificate print once confirmed, or None (refused, cancelled). A print
    with nothing chosen (``codes=None``) or of more than one page always asks."""
    try:
        plan = documents.plan_certificates(db, profile, codes)
    except SangKienError as exc:
        (failed or tasks.show_error)(parent, exc)
        return None
    if (codes is None or plan.pages > 1) and not ConfirmCertificates.ask(
        parent, plan, codes is None
    ):
        return None
    return plan


def open_pdf(parent: QWidget | None, path: Path) -> bool:
    """Open ``path`` in the PC's PDF reader, or say why not (and where the file is)."""
    if not path.is_file():
        reason = translate("Printing", "Không tìm thấy tệp %1 (đã bị xóa hoặc di chuyển?).")
    elif QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    else:
        reason = translate(
            "Printing",
            "Máy này chưa có chương trình đọc tệp PDF nên không mở được tệp %1. Tệp đã được "
            "lưu; dùng “Xem trước” để xem và in ngay trong Sáng Kiến Desktop.",
        )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Printing", "Không mở được tệp PDF"),
        reason.replace("%1", str(path)),
        parent=parent,
    )
    box.setObjectName("openPdfFailed")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    keep(box).open()  # non-blocking; held until Qt deletes it (gui/ownership.py)
    return False


class PrintPreview(QDialog):
    """A PDF shown inside the application, with Print (QPrintDialog) and Save as PDF."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        data: bytes,
        suggested_name: str,
        saved: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(title)
        self.data = data
        self.suggested_name = suggested_name
        self.saved = saved
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel(self, objectName="previewPages")
        self.pages_label.setText(
            translate("Printing", "Số trang: %1").replace("%1", str(self.page_count()))
        )
        self.print_button = QPushButton(
            translate("Printing", "In…"), self, objectName="previewPrint"
        )
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton(
            translate("Printing", "Lưu thành PDF…"), self, objectName="previewSave"
        )
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(
            translate("Printing", "Mở tệp PDF"), self, objectName="previewOpen"
        )
        self.open_button.clicked.connect(lambda: self.saved and open_pdf(self, self.saved))
        self.open_button.setEnabled(saved is not None)
        close = QPushButton(translate("Printing", "Đóng"), self, objectName="previewClose")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label, 1)
        for button in (self.print_button, self.save_button, self.open_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)
        self.resize(QSize(820, 680))

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("Printing", "In"))
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
        dialog.deleteLater()

    def print_to(self, printer: QPrinter) -> int:
        """Render the pages (the range chosen in the print dialog) on ``printer``."""
        first = max(1, printer.fromPage() or 1)
        last = min(self.page_count(), printer.toPage() or self.page_count())
        painter = QPainter()
        if not painter.begin(printer):
            tasks.show_error(
                self, SangKienError(translate("Printing", "Không in được: máy in không sẵn sàng."))
            )
            return 0
        printed = 0
        try:
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            for index in range(first - 1, last):
                if printed:
                    printer.newPage()
                size = self.document.pagePointSize(index)
                scale = min(area.width() / size.width(), area.height() / size.height())
                target = QSize(int(size.width() * scale), int(size.height() * scale))
                image = self.document.render(index, target)
                painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
                printed += 1
        finally:
            painter.end()
        return printed

    def save_as(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            translate("Printing", "Lưu thành PDF"),
            str((self.saved.parent if self.saved else Path.home()) / self.suggested_name),
            translate("Printing", "Tệp PDF (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return self.save_to(path)

    def save_to(self, path: Path) -> Path | None:
        try:
            write_pdf(path, self.data)
        except OSError as exc:
            tasks.show_error(
                self,
                SangKienError(
                    translate("Printing", "Không lưu được tệp %1: %2")
                    .replace("%1", str(path))
                    .replace("%2", str(exc))
                ),
            )
            return None
        self.saved = path
        self.open_button.setEnabled(True)
        return path

    @classmethod
    def show_pdf(
        cls,
        parent: QWidget,
        title: str,
        data: bytes,
        suggested_name: str,
        saved: Path | None = None,
    ) -> PrintPreview:
        """Open the preview window-modal over ``parent`` (which owns it) without blocking."""
        preview = cls(parent, title, data, suggested_name, saved)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        preview.open()
        return preview


#: The dossier forms, in the order a dossier is put together.
FORM_ORDER = ("application", "description", "receipt", "portal-sheet")


def form_title(kind: str) -> str:
    return {
        "application": translate("Printing", "Đơn yêu cầu công nhận sáng kiến"),
        "description": translate("Printing", "Mô tả sáng kiến"),
        "receipt": translate("Printing", "Giấy biên nhận đơn"),
        "portal-sheet": translate("Printing", "Phiếu thông tin sáng kiến"),
    }[kind]


class PrintMenu(QPushButton):
    """The editor's "In" button: the certificate (recognised and eligible) and each form."""

    def __init__(self, editor: InitiativeEditor) -> None:
        super().__init__(translate("Printing", "In"), editor)
        self.setObjectName("printButton")
        self.setToolTip(
            translate("Printing", "In giấy chứng nhận hoặc các mẫu đơn của sáng kiến này")
        )
        self.editor = editor
        self.menu_ = QMenu(self)
        self.menu_.setObjectName("printMenu")
        self.certificate_action = self.menu_.addAction(
            translate("Printing", "Giấy chứng nhận sáng kiến…")
        )
        self.certificate_action.setObjectName("printCertificate")
        self.certificate_action.triggered.connect(self.print_certificate)
        self.menu_.addSeparator()
        self.form_actions = {}
        for kind in FORM_ORDER:
            assert kind in FORMS
            action = self.menu_.addAction(form_title(kind) + "…")
            action.setObjectName(f"printForm-{kind}")
            action.triggered.connect(lambda _checked=False, kind=kind: self.print_form(kind))
            self.form_actions[kind] = action
        self.menu_.aboutToShow.connect(self.update_actions)
        self.setMenu(self.menu_)

    def update_actions(self) -> None:
        """A new initiative prints once saved; the certificate once recognised."""
        record, db = self.editor.record, self.editor.db
        stored = record.created_at is not None or self.editor.is_modified()
        recognised = record.status in RECOGNISED_STATES
        eligible = recognised and not refusals([record], self.editor.profile)
        self.certificate_action.setEnabled(
            stored and eligible and access.can(db, "certificate.print")
        )
        if eligible:
            text = translate("Printing", "Giấy chứng nhận sáng kiến…")
        elif recognised:
            text = translate("Printing", "Giấy chứng nhận (chưa đủ điều kiện: xem Kiểm tra hồ sơ)")
        else:
            text = translate("Printing", "Giấy chứng nhận (khi sáng kiến đã được công nhận)")
        self.certificate_action.setText(text)
        for action in self.form_actions.values():
            action.setEnabled(stored and access.can(db, "report.export"))

    def _saved(self) -> bool:
        """The stored record is what prints: unsaved changes are saved first."""
        return not self.editor.is_modified() or self.editor.save()

    def print_form(self, kind: str) -> PrintPreview | None:
        if not self._saved():
            return None
        editor = self.editor
        return print_form(
            editor, editor.db, editor.profile, kind, editor.record.code, editor.report
        )

    def print_certificate(self) -> Path | None:
        if not self._saved():
            return None
        editor = self.editor
        return print_certificates(
            editor, editor.db, editor.profile, [editor.record.code], editor.report
        )


def _status(parent: QWidget) -> Callable[[str], object]:
    """Where a print says it is done: the window's status bar, not a box."""
    window = parent.window()
    if isinstance(window, QMainWindow):
        return lambda text: window.statusBar().showMessage(text, 10000)
    return lambda _text: None


def print_form(
    parent: QWidget,
    db: Database,
    profile: ProgramProfile,
    kind: str,
    code: str,
    report: Callable[[str], object] | None = None,
) -> PrintPreview | None:
    """The form ``kind`` of initiative ``code`` in a preview (Print, Save as PDF)."""
    try:
        data = documents.render_form(db, profile, kind, code)
    except SangKienError as exc:
        tasks.show_error(parent, exc)
        return None
    title = form_title(kind)
    (report or _status(parent))(
        translate("Printing", "Đã dựng %1 của sáng kiến %2.")
        .replace("%1", title)
        .replace("%2", code)
    )
    return PrintPreview.show_pdf(parent, f"{title} — {code}", data, f"{kind}-{code}.pdf")


def print_certificates(
    parent: QWidget,
    db: Database,
    profile: ProgramProfile,
    codes: Sequence[str],
    report: Callable[[str], object] | None = None,
) -> Path | None:
    """The certificates of ``codes`` (one per author): the numbers confirmed first when more
    than one is printed, written to the PDF chosen, then previewed."""
    plan = certificate_plan(parent, db, profile, codes)
    if plan is None:
        return None
    name = codes[0] if len(codes) == 1 else f"{len(codes)}-sang-kien"
    path = ChooseFile.ask(
        parent,
        translate("Printing", "Lưu giấy chứng nhận sáng kiến"),
        f"giay-chung-nhan-{name}-{date.today():%Y%m%d}.pdf",
    )
    if path is None:
        return None
    try:
        pages = documents.print_certificates(db, profile, path, codes, expected=plan.new_numbers)
    except SangKienError as exc:
        tasks.show_error(parent, exc)
        return None
    (report or _status(parent))(
        translate("Printing", "Đã in %1 giấy chứng nhận vào tệp %2.")
        .replace("%1", str(pages))
        .replace("%2", str(path))
    )
    PrintPreview.show_pdf(
        parent,
        translate("Printing", "Giấy chứng nhận sáng kiến"),
        path.read_bytes(),
        path.name,
        path,
    )
    return path


class ChooseFile:
    """Chooses where a PDF is saved."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent, title, str(Path.home() / suggested), translate("Printing", "Tệp PDF (*.pdf)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class ListPrintMenu:
    """The list's row menu: the certificates of the selected initiatives (count and numbers
    confirmed when more than one) and, for one initiative, each dossier form."""

    def __init__(self, screen: InitiativesScreen, menu: QMenu) -> None:
        self.screen = screen
        menu.addSeparator()
        self.certificate_action = menu.addAction(
            translate("Printing", "In giấy chứng nhận của sáng kiến đã chọn…")
        )
        self.certificate_action.setObjectName("listPrintCertificates")
        self.certificate_action.triggered.connect(self.print_certificates)
        self.forms_menu = menu.addMenu(translate("Printing", "In mẫu đơn"))
        self.forms_menu.setObjectName("listPrintForms")
        self.form_actions = {}
        for kind in FORM_ORDER:
            action = self.forms_menu.addAction(form_title(kind) + "…")
            action.setObjectName(f"listPrintForm-{kind}")
            action.triggered.connect(lambda _checked=False, kind=kind: self.print_form(kind))
            self.form_actions[kind] = action

    def codes(self) -> list[str]:
        return [str(code) for code in self.screen._selected_values("code")]

    def update_actions(self, count: int) -> None:
        db = self.screen.db
        self.certificate_action.setEnabled(count > 0 and access.can(db, "certificate.print"))
        self.forms_menu.setEnabled(count == 1 and access.can(db, "report.export"))

    def print_certificates(self) -> Path | None:
        codes = self.codes()
        if not codes:
            return None
        return print_certificates(self.screen, self.screen.db, self.screen.profile, codes)

    def print_form(self, kind: str) -> PrintPreview | None:
        codes = self.codes()
        if len(codes) != 1:
            return None
        return print_form(self.screen, self.screen.db, self.screen.profile, kind, codes[0])
