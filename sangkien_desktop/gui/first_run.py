"""First run: a wizard declares the unit, creates the first accounts (the administrator and the
union's chair) and, if there is one, reads the member list from Excel. Nothing is written before
Finish, so Cancel leaves the database as it was and the application exits. Finish signs in as
the chair: the first real work is entering initiatives and members."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.gui.accounts import FirstAccountsForm
from sangkien_desktop.gui.look import app_icon, hint, set_role
from sangkien_desktop.gui.tasks import run_task, show_error
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.limits import UNIT_TEXT
from sangkien_desktop.security import access
from sangkien_desktop.security.users import UserInfo
from sangkien_desktop.services.members import GENDERS, MemberData, import_members, read_member_sheet
from sangkien_desktop.services.units import UnitDetails, has_home_unit, init_unit
from sangkien_desktop.storage.database import Database
from sangkien_desktop.text import clean, format_date

PREVIEW_ROWS = 8


class UnitForm(QWidget):
    """The unit's details: asked by the wizard, edited again in Cài đặt."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits: list[QLineEdit] = []
        self.name = self._line(
            "unitName", UNIT_TEXT["name"], self.tr("VD: Công đoàn Công ty Cổ phần Cơ khí Đông Anh")
        )
        self.code = self._line("unitCode", UNIT_TEXT["code"], self.tr("VD: CDCS-CKDA"))
        self.code.setToolTip(
            self.tr("Mã riêng của đơn vị, ghi trên dữ liệu gửi công đoàn cấp trên.")
        )
        self.superior = self._line(
            "unitSuperior",
            UNIT_TEXT["superior_union"],
            self.tr("VD: Liên đoàn Lao động huyện Đông Anh"),
        )
        self.federation = self._line(
            "unitFederation",
            UNIT_TEXT["federation"],
            self.tr("VD: Liên đoàn Lao động thành phố Hà Nội"),
        )
        self.cluster = self._line(
            "unitCluster", UNIT_TEXT["cluster"], self.tr("VD: Cụm thi đua số 3 – Khối doanh nghiệp")
        )
        self.chair = self._line("unitChair", UNIT_TEXT["chair_name"], self.tr("Họ và tên"))
        self.place = self._line("unitPlace", UNIT_TEXT["place"], self.tr("VD: Hà Nội"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Tên công đoàn cơ sở *"), self.name)
        form.addRow(self.tr("Mã đơn vị *"), self.code)
        form.addRow(self.tr("Công đoàn cấp trên trực tiếp"), self.superior)
        form.addRow(self.tr("LĐLĐ tỉnh, thành phố hoặc công đoàn ngành"), self.federation)
        form.addRow(self.tr("Cụm, khối thi đua"), self.cluster)
        form.addRow(self.tr("Chủ tịch công đoàn"), self.chair)
        form.addRow(self.tr("Địa danh ghi trên văn bản"), self.place)
        form.addRow(
            "",
            hint(self.tr("In trước ngày tháng: “Hà Nội, ngày 01 tháng 02 năm 2023”."), self),
        )

    def _line(self, name: str, length: int, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self, objectName=name)
        edit.setMaxLength(length)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self.changed)
        self._edits.append(edit)
        return edit

    def details(self) -> UnitDetails:
        return UnitDetails(
            name=self.name.text(),
            code=self.code.text(),
            superior_union=self.superior.text(),
            federation=self.federation.text(),
            cluster=self.cluster.text(),
            chair_name=self.chair.text(),
            place=self.place.text(),
        )

    def set_details(self, details: UnitDetails) -> None:
        for edit, value in (
            (self.name, details.name),
            (self.code, details.code),
            (self.superior, details.superior_union),
            (self.federation, details.federation),
            (self.cluster, details.cluster),
            (self.chair, details.chair_name),
            (self.place, details.place),
        ):
            edit.setText(value)

    def is_complete(self) -> bool:
        return bool(clean(self.name.text()) and clean(self.code.text()))

    def is_empty(self) -> bool:
        return not any(clean(edit.text()) for edit in self._edits)


class UnitPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitPage")
        self.setTitle(self.tr("Công đoàn cơ sở"))
        self.setSubTitle(
            self.tr(
                "Bước 1/3. Thông tin này được in trên đơn, giấy chứng nhận và báo cáo; sửa "
                "được sau trong Cài đặt. Mục có dấu * là bắt buộc."
            )
        )
        self.form = UnitForm(self)
        self.form.changed.connect(self.completeChanged)
        QVBoxLayout(self).addWidget(self.form)

    def isComplete(self) -> bool:
        return self.form.is_complete()


class AccountsPage(QWizardPage):
    """The first two accounts: the application's administrator and the union's chair."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsPage")
        self.setTitle(self.tr("Tài khoản người dùng"))
        self.setSubTitle(
            self.tr(
                "Bước 2/3. Mỗi người đăng nhập bằng tài khoản của mình; mỗi thay đổi ghi tên "
                "người làm. Mục có dấu * là bắt buộc."
            )
        )
        self.form = FirstAccountsForm(self)
        self.form.changed.connect(self.completeChanged)
        QVBoxLayout(self).addWidget(self.form)

    def initializePage(self) -> None:
        """The chair's name typed on the unit page, unless one is typed here already."""
        wizard = self.wizard()
        chair = self.form.chair.full_name
        if isinstance(wizard, FirstRunWizard) and not chair.text().strip():
            chair.setText(wizard.unit_page.form.chair.text())

    def isComplete(self) -> bool:
        return not self.form.problem()


class MembersPage(QWizardPage):
    """Read the member list now (in the background); it is imported on Finish."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersPage")
        self.setTitle(self.tr("Danh sách đoàn viên"))
        self.setSubTitle(
            self.tr(
                "Bước 3/3, không bắt buộc. Nhập danh sách từ tệp Excel, hoặc bấm Hoàn tất để "
                "bỏ qua và nhập sau ở màn hình Đoàn viên."
            )
        )
        self.members: list[MemberData] = []
        self.busy = False
        self.choose_button = QPushButton(self.tr("Chọn tệp Excel…"), self, objectName="chooseFile")
        self.clear_button = QPushButton(self.tr("Bỏ tệp này"), self, objectName="clearFile")
        self.clear_button.hide()
        self.status = hint("", self)
        self.status.setObjectName("importStatus")
        self.preview = QTableWidget(0, 5, self, objectName="membersPreview")
        self.preview.setHorizontalHeaderLabels(
            [
                self.tr("Họ và tên"),
                self.tr("Ngày sinh"),
                self.tr("Giới tính"),
                self.tr("Phòng ban"),
                self.tr("Chức vụ"),
            ]
        )
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.preview.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Tệp .xlsx, trang đầu tiên; dòng đầu là tiêu đề cột. Cần cột “Họ và tên”; "
                    "có thể thêm “Ngày sinh” (dd/mm/yyyy), “Giới tính”, “Phòng ban”, "
                    "“Chức vụ”, “Trình độ”, “Đối tượng”."
                ),
                self,
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 100)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(self.clear)

    @classmethod
    def choose_file(cls, parent: QWidget) -> Path | None:
        """Ask for the spreadsheet (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("MembersPage", "Chọn danh sách đoàn viên"),
            "",
            QCoreApplication.translate("MembersPage", "Bảng tính Excel (*.xlsx)"),
        )
        return Path(path) if path else None

    def choose(self) -> None:
        path = type(self).choose_file(self)
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        self._set_busy(True)
        self.members = []
        self.preview.hide()
        self.status.setText(self.tr("Đang đọc %1…").replace("%1", path.name))
        set_role(self.status, "hint")
        run_task(
            self,
            lambda _progress: read_member_sheet(path),
            self.tr("Đang đọc danh sách đoàn viên…"),
            on_done=lambda members: self._read(path, members),
            on_error=self._failed,
            cancellable=False,
        )

    def clear(self) -> None:
        self.members = []
        self.preview.hide()
        self.clear_button.hide()
        self.status.setText("")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.choose_button.setEnabled(not busy)
        self.completeChanged.emit()

    def _read(self, path: Path, members: list[MemberData]) -> None:
        self._set_busy(False)
        self.members = members
        self.clear_button.setVisible(bool(members))
        if not members:
            self.status.setText(
                self.tr("Tệp %1 không có dòng đoàn viên nào dưới dòng tiêu đề.").replace(
                    "%1", path.name
                )
            )
            set_role(self.status, "error")
            return
        self.status.setText(
            self.tr(
                "Đã đọc %n đoàn viên từ tệp %1. Họ sẽ được thêm khi bấm Hoàn tất.",
                "",
                len(members),
            ).replace("%1", path.name)
        )
        set_role(self.status, "done")
        shown = members[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for row, member in enumerate(shown):
            values = (
                member.full_name,
                format_date(member.birth_date),
                GENDERS.get(member.gender, ""),
                member.department,
                member.position,
            )
            for column, value in enumerate(values):
                self.preview.setItem(row, column, QTableWidgetItem(value))
        self.preview.show()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.members = []
        self.clear_button.hide()
        if not isinstance(exc, SangKienError):
            self.status.setText("")
            show_error(self, exc)
            return
        self.status.setText(
            self.tr(
                "Không nhập được tệp này.\n%1\nHãy sửa tệp rồi chọn lại, hoặc bấm Hoàn tất để "
                "bỏ qua bước này."
            ).replace("%1", exc.message)
        )
        set_role(self.status, "error")

    def isComplete(self) -> bool:
        return not self.busy


class FirstRunWizard(QWizard):
    """Declare the unit, create the accounts (and maybe add the members) on Finish."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.db = db
        self.imported: tuple[int, int] | None = None
        self.chair: UserInfo | None = None  # signed in once the accounts exist
        self.setWindowTitle(self.tr("Sáng Kiến Desktop — Bắt đầu sử dụng"))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(48, 48))
        self.unit_page = UnitPage(self)
        self.accounts_page = AccountsPage(self)
        self.members_page = MembersPage(self)
        for page in (self.unit_page, self.accounts_page, self.members_page):
            self.addPage(page)
        self.setMinimumSize(760, 600)
        self._finishing = False

    @classmethod
    def ask(cls, db: Database, parent: QWidget | None = None) -> bool:
        """Run the wizard; True once the unit is declared, False if the user cancelled."""
        wizard = cls(db, parent)
        return wizard.exec() == QDialog.DialogCode.Accepted

    @classmethod
    def confirm_cancel(cls, parent: QWidget) -> bool:
        """Ask before throwing typed details away (tests replace this)."""
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("FirstRunWizard", "Thoát?"),
            QCoreApplication.translate(
                "FirstRunWizard",
                "Chưa khai báo xong công đoàn cơ sở. Thoát và bỏ những gì đã nhập?",
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def accept(self) -> None:
        if self._finishing:
            return
        try:
            if self.chair is None:
                # Before the accounts: the unit is declared in single-user mode. Once they
                # exist (a retry after a failed import) the chair carries on.
                init_unit(self.db, self.unit_page.form.details())
                self.chair = self.accounts_page.form.create(self.db)
                access.sign_in(self.db, self.chair)
        except Exception as exc:  # a user error in its words, anything else with details
            show_error(self, exc)
            return
        members = self.members_page.members
        if not members:
            super().accept()
            return
        self._finishing = True
        run_task(
            self,
            lambda _progress: import_members(self.db, members),
            self.tr("Đang thêm đoàn viên…"),
            on_done=self._imported,
            on_error=self._import_failed,
            cancellable=False,
        )

    def _imported(self, counts: tuple[int, int]) -> None:
        self._finishing = False
        self.imported = counts
        super().accept()

    def _import_failed(self, exc: BaseException) -> None:
        # The unit is saved; Finish again retries, or the user goes back and skips the import.
        self._finishing = False
        show_error(self, exc)

    def reject(self) -> None:
        if self._finishing:
            return
        typed = not self.unit_page.form.is_empty() or self.members_page.members
        if typed and not type(self).confirm_cancel(self):
            return
        super().reject()


def ensure_unit(db: Database, profile: ProgramProfile) -> bool:
    """True once the database has its unit (the wizard runs the first time only); False if
    the user gave up, and the application then exits."""
    return has_home_unit(db) or FirstRunWizard.ask(db)
