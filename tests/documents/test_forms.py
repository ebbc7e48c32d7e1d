"""The dossier forms: filled from the record, dotted blanks where data is missing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from sangkien_desktop.documents.forms import answer_by
from sangkien_desktop.documents.service import print_form
from sangkien_desktop.documents.settings import load_settings, save_settings
from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord, Research
from sangkien_desktop.services.initiatives import save_record
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


def test_receipt_is_issued_by_the_recognising_organisation_with_one_month_to_answer(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042", submitted_on=date(2023, 1, 5))
    text = pdf_text(print_form(unit_db, profile, "receipt", "SK-2022-0042", tmp_path / "b.pdf"))
    for expected in (
        "CÔNG TY CỔ PHẦN CƠ KHÍ ĐÔNG ANH",
        "/BN-HĐSK",
        "Hà Nội, ngày 05 tháng 01 năm 2023",
        "GIẤY BIÊN NHẬN",
        "Công ty Cổ phần Cơ khí Đông Anh đã nhận đơn yêu cầu công nhận sáng kiến của:",
        "Ông (bà): Nguyễn Thị Hường – Phân xưởng Hàn",
        "Ngày nhận đơn: 05/01/2023",
        "Trong thời hạn 01 tháng kể từ ngày nhận đơn, chậm nhất ngày 05/02/2023, Công ty Cổ "
        "phần Cơ khí Đông Anh xem xét đơn",
        "NGƯỜI NHẬN ĐƠN",
    ):
        assert expected in text
    assert "CÔNG ĐOÀN CÔNG TY" not in text
    assert "LIÊN ĐOÀN LAO ĐỘNG" not in text


def test_receipt_names_the_recognising_organisation_of_the_settings(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    settings = replace(load_settings(unit_db), recognising_body="Tổng công ty Đông Á")
    save_settings(unit_db, settings)
    add("SK-2022-0042", submitted_on=date(2023, 1, 5))
    text = pdf_text(print_form(unit_db, profile, "receipt", "SK-2022-0042", tmp_path / "b.pdf"))
    assert "TỔNG CÔNG TY ĐÔNG Á" in text
    assert "Tổng công ty Đông Á đã nhận đơn" in text


@pytest.mark.parametrize(
    ("received", "answer"),
    [
        (date(2023, 1, 5), date(2023, 2, 5)),
        (date(2023, 1, 31), date(2023, 2, 28)),
        (date(2024, 1, 31), date(2024, 2, 29)),
        (date(2023, 3, 31), date(2023, 4, 30)),
        (date(2023, 4, 30), date(2023, 5, 30)),
        (date(2023, 12, 15), date(2024, 1, 15)),
        (date(2023, 12, 31), date(2024, 1, 31)),
    ],
)
def test_answer_is_due_the_same_day_next_month_or_its_last_day(
    received: date, answer: date
) -> None:
    assert answer_by(received) == answer


def test_receipt_without_a_received_day_is_dated_today(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042")
    out = print_form(
        unit_db, profile, "receipt", "SK-2022-0042", tmp_path / "b.pdf", today=date(2023, 2, 1)
    )
    text = pdf_text(out)
    assert "Ngày nhận đơn: 01/02/2023" in text
    assert "chậm nhất ngày 01/03/2023" in text


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


def test_portal_sheet_shrunk_to_one_page_still_spans_the_margins(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042", origin_story="Câu chuyện dài. " * 120)
    out = print_form(unit_db, profile, "portal-sheet", "SK-2022-0042", tmp_path / "p.pdf")
    runs, _ = text_runs(out)
    first = next(r for r in runs if r.text.startswith("1. Công đoàn cơ sở"))
    assert first.size < 11  # shrunk
    assert 30 * mm <= first.x <= 31.5 * mm  # the table starts at the left margin
    assert max(r.x + r.width for r in runs) <= (210 - 15) * mm


def test_portal_sheet_marks_the_credited_author_the_phase_and_the_eligibility_date(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042", authors=(("Đặng Văn Đức", 40), ("Nguyễn Thị Hường", 60)))
    out = print_form(unit_db, profile, "portal-sheet", "SK-2022-0042", tmp_path / "p.pdf")
    text = pdf_text(out)
    for expected in (
        "Cổng trực tuyến Công đoàn Việt Nam",
        "1. Đặng Văn Đức, sinh 12/04/1986, Tổ trưởng, Phân xưởng Hàn – đóng góp 40% 2.",
        "Phân xưởng Hàn – đóng góp 60% (tác giả được ghi nhận sáng kiến)",
        "Ngày đủ điều kiện tham gia Chương trình 20/04/2022",
        "Giai đoạn Giai đoạn 1",
    ):
        assert expected in text
    assert "Cổng thông tin" not in text
    assert "CHƯA ĐỦ ĐIỀU KIỆN" not in text


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"status": "SUBMITTED"}, "E2_NOT_RECOGNISED"),
        ({"authors": (("Nguyễn Thị Hường", 50), ("Đặng Văn Đức", 40))}, "C4_CREDITED_AUTHOR"),
        ({"decided_on": date(2021, 6, 1)}, "E1"),
    ],
)
def test_portal_sheet_of_an_initiative_the_gate_refuses_says_so_plainly(
    unit_db: Database,
    profile: ProgramProfile,
    add: Add,
    tmp_path: Path,
    changes: dict[str, object],
    reason: str,
) -> None:
    record = add("SK-2022-0042", **changes)
    if "decided_on" in changes:  # applied before the programme window too
        record.application.first_applied_on = date(2021, 5, 1)
        save_record(unit_db, record, profile)
    out = print_form(unit_db, profile, "portal-sheet", "SK-2022-0042", tmp_path / "p.pdf")
    text = pdf_text(out)
    assert "CHƯA ĐỦ ĐIỀU KIỆN GỬI LÊN CỔNG – chỉ dùng để hoàn thiện hồ sơ" in text
    assert reason in text


def test_research_project_portal_sheet_is_worded_as_a_research_project(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add(
        "SK-2022-0050",
        title="Nghiên cứu vật liệu thay thế đệm cao su chịu nhiệt",
        kind="DE_TAI_NCKH",
        subkind=None,
        research_level="TINH",
        authors=(("Lý Minh Hùng", 70), ("Đặng Văn Đức", 30)),
        research=Research(
            date(2022, 3, 10), date(2022, 3, 20), "Giám đốc Công ty", "12/XN-CT", date(2022, 4, 5)
        ),
    )
    out = print_form(unit_db, profile, "portal-sheet", "SK-2022-0050", tmp_path / "p.pdf")
    text = pdf_text(out)
    for expected in (
        "Tên đề tài Nghiên cứu vật liệu thay thế đệm cao su chịu nhiệt",
        "Loại sáng kiến Đề tài nghiên cứu khoa học cấp tỉnh",
        "Chủ nhiệm và thành viên đề tài 1. Lý Minh Hùng",
        "đóng góp 70% (chủ nhiệm đề tài; tác giả được ghi nhận sáng kiến)",
        "Ngày nghiệm thu đề tài 10/03/2022",
        "Áp dụng vào thực tiễn từ ngày 20/03/2022",
        "Giám đốc Công ty văn bản số 12/XN-CT ngày 05/04/2022",
        "Câu chuyện ra đời đề tài",
    ):
        assert expected in text


def test_unknown_form_kind_is_refused(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042")
    with pytest.raises(InputError, match="Không có mẫu “minutes”"):
        print_form(unit_db, profile, "minutes", "SK-2022-0042", tmp_path / "x.pdf")
    with pytest.raises(NotFoundError, match="SK-2022-0043"):
        print_form(unit_db, profile, "receipt", "SK-2022-0043", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
