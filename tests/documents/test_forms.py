"""The dossier forms: filled from the record, dotted blanks where data is missing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from sangkien_desktop.documents.service import print_form
from sangkien_desktop.documents.settings import load_settings, save_settings
from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.storage import Database
from tests.documents.conftest import pdf_text, text_runs

Add = Callable[..., InitiativeRecord]


def test_application_lists_the_authors_with_their_share(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042")
    out = print_form(unit_db, profile, "application", "SK-2022-0042", tmp_path / "don.pdf")
    text = pdf_text(out)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN",
        "Kính gửi: Hội đồng sáng kiến Công ty Cổ phần Cơ khí Đông Anh",
        "Tỷ lệ (%) đóng góp vào việc tạo ra sáng kiến",
        "1 Nguyễn Thị Hường 12/04/1986 Phân xưởng Hàn Tổ trưởng Kỹ sư 60%",
        "2 Đặng Văn Đức 12/04/1986 Phân xưởng Hàn Tổ trưởng Kỹ sư 40%",
        "Quy trình kiểm tra nhanh mối hàn bằng dưỡng đo tự chế",
        "Lĩnh vực áp dụng sáng kiến: Cơ khí chế tạo",
        "áp dụng lần đầu hoặc áp dụng thử: 15/03/2022",
        "Giá trị làm lợi ước tính: 125.000.000 đồng",
        "xin cam đoan",
        "NGƯỜI NỘP ĐƠN",
    ):
        assert expected in text


def test_missing_data_leaves_dotted_blanks(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042", field="", confidential="")
    text = pdf_text(print_form(unit_db, profile, "application", "SK-2022-0042", tmp_path / "d.pdf"))
    assert "Lĩnh vực áp dụng sáng kiến: ......" in text
    assert "Những thông tin cần được bảo mật (nếu có): ......" in text
    assert "Chủ đầu tư tạo ra sáng kiến" in text
    assert "ngày ...... tháng ...... năm ........" in text  # the author dates it when signing


def test_description_has_sections_three_one_to_three_five(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042")
    text = pdf_text(print_form(unit_db, profile, "description", "SK-2022-0042", tmp_path / "m.pdf"))
    for expected in (
        "MÔ TẢ SÁNG KIẾN",
        "Mã số: SK-2022-0042",
        "3.1. Tình trạng giải pháp đã biết: Kiểm tra bằng mắt thường",
        "3.2. Nội dung giải pháp đề nghị công nhận là sáng kiến: Dưỡng đo tự chế",
        "Tính mới, tính sáng tạo: Lần đầu áp dụng tại Công ty.",
        "3.3. Khả năng áp dụng của giải pháp: Mọi tổ hàn",
        "3.4. Hiệu quả, lợi ích",
        "giá trị làm lợi 125.000.000 đồng",
        "3.5. Tài liệu kèm theo: ......",
        "NHÓM TÁC GIẢ",
    ):
        assert expected in text


def test_receipt_promises_an_answer_by_received_plus_the_units_days(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    save_settings(unit_db, replace(load_settings(unit_db), answer_days=20))
    add("SK-2022-0042", submitted_on=date(2023, 1, 5))
    text = pdf_text(print_form(unit_db, profile, "receipt", "SK-2022-0042", tmp_path / "b.pdf"))
    for expected in (
        "CÔNG ĐOÀN CÔNG TY CỔ PHẦN CƠ KHÍ ĐÔNG ANH",
        "/BN-CĐCS",
        "Hà Nội, ngày 05 tháng 01 năm 2023",
        "GIẤY BIÊN NHẬN",
        "Ông (bà): Nguyễn Thị Hường – Phân xưởng Hàn",
        "Ngày nhận đơn: 05/01/2023",
        "Trong thời hạn 20 ngày kể từ ngày nhận đơn, chậm nhất ngày 25/01/2023",
        "NGƯỜI NHẬN ĐƠN",
    ):
        assert expected in text


def test_receipt_without_a_received_day_is_dated_today(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042")
    out = print_form(
        unit_db, profile, "receipt", "SK-2022-0042", tmp_path / "b.pdf", today=date(2023, 2, 1)
    )
    text = pdf_text(out)
    assert "Ngày nhận đơn: 01/02/2023" in text
    assert "chậm nhất ngày 03/03/2023" in text


def test_portal_sheet_is_one_page_of_what_the_portal_asks(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042", origin_story="Câu chuyện dài. " * 120)
    out = print_form(unit_db, profile, "portal-sheet", "SK-2022-0042", tmp_path / "p.pdf")
    assert len(PdfReader(out).pages) == 1
    text = pdf_text(out)
    for expected in (
        "PHIẾU THÔNG TIN SÁNG KIẾN",
        "Công đoàn cơ sở Công đoàn Công ty Cổ phần Cơ khí Đông Anh",
        "Loại sáng kiến Giải pháp kỹ thuật – Quy trình",
        "1. Nguyễn Thị Hường, sinh 12/04/1986, Tổ trưởng, Phân xưởng Hàn – đóng góp 60%",
        "Quyết định số 15/QĐ-HĐSK ngày 20/04/2022",
        "Giá trị làm lợi 125.000.000 đồng",
        "Câu chuyện ra đời sáng kiến Câu chuyện dài.",
    ):
        assert expected in text
    runs, width = text_runs(out)
    assert all(r.x >= 0 and r.x + r.width <= width for r in runs)


def test_unknown_form_kind_is_refused(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042")
    with pytest.raises(InputError, match="Không có mẫu “minutes”"):
        print_form(unit_db, profile, "minutes", "SK-2022-0042", tmp_path / "x.pdf")
    with pytest.raises(NotFoundError, match="SK-2022-0043"):
        print_form(unit_db, profile, "receipt", "SK-2022-0043", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
