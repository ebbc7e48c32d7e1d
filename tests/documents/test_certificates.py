"""Recognition certificates: content, numbering, reprints, batches, cancel, fonts, wrapping."""

from __future__ import annotations

import shutil
import subprocess
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from sangkien_desktop.documents.furniture import PrintCancelled
from sangkien_desktop.documents.numbering import Holder, assign_numbers, begin_exclusive
from sangkien_desktop.documents.service import issued_certificates, print_certificates
from sangkien_desktop.documents.settings import load_settings, save_settings
from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.storage import Database, open_database
from sangkien_desktop.storage.models import Certificate
from tests.documents.conftest import (
    face_names,
    pdf_pages,
    pdf_text,
    research_project,
    text_runs,
)
from tests.timing import scaled

Add = Callable[..., InitiativeRecord]
DAY = date(2023, 1, 5)
LONG_TITLE = (
    "Giải pháp tổng thể cải tiến quy trình kiểm tra, bảo dưỡng, sửa chữa và thay thế định kỳ "
    "hệ thống đồ gá hàn, khuôn dập nguội, dưỡng đo chuyên dụng cùng các thiết bị nâng hạ bằng "
    "khí nén tại các phân xưởng Cơ khí, Hàn, Sơn nhằm giảm thời gian dừng máy, bảo đảm an toàn "
    "lao động và tiết kiệm chi phí sản xuất cho Công ty"
)


def numbers(db: Database) -> list[tuple[int, int, str, str]]:
    return [(c.year, c.number, c.initiative_code, c.author_name) for c in issued_certificates(db)]


def test_certificate_carries_the_decree_30_furniture_and_the_initiative(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0042", authors=(("Trần Thị Mỹ Lệ", 60), ("Đặng Văn Đức", 40)))
    out = tmp_path / "gcn.pdf"
    assert print_certificates(unit_db, profile, out, ["SK-2022-0042"], issued_on=DAY) == 2
    text = pdf_pages(out)[0]
    for expected in (
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐÔNG ANH",
        "CÔNG ĐOÀN CÔNG TY CỔ PHẦN CƠ KHÍ ĐÔNG ANH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "GIẤY CHỨNG NHẬN SÁNG KIẾN",
        "Số: 01/GCN-CĐCS",
        "Chứng nhận ông (bà): TRẦN THỊ MỸ LỆ",
        "Là đồng tác giả sáng kiến:",
        "“Quy trình kiểm tra nhanh mối hàn bằng dưỡng đo tự chế”",
        "Mã sáng kiến: SK-2022-0042 – Loại: Giải pháp kỹ thuật",
        "Các đồng tác giả: Đặng Văn Đức.",
        "Quyết định số 15/QĐ-HĐSK ngày 20/04/2022 của Hội đồng sáng kiến Công ty Cổ phần Cơ khí",
        "Hà Nội, ngày 05 tháng 01 năm 2023",
        "TM. BAN CHẤP HÀNH",
        "CHỦ TỊCH",
        "Phạm Văn Thành",
    ):
        assert expected in text
    for letter in ("Đ", "ư", "ặ", "ỹ", "Ỹ"):
        assert letter in text


def test_research_project_certificate_is_worded_as_a_research_project(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0050", **research_project())
    out = tmp_path / "gcn.pdf"
    assert print_certificates(unit_db, profile, out, ["SK-2022-0050"], issued_on=DAY) == 2
    head, member = pdf_pages(out)
    for expected in (
        "Là chủ nhiệm đề tài:",
        "“Nghiên cứu vật liệu thay thế đệm cao su chịu nhiệt nhập khẩu”",
        "Mã số: SK-2022-0050 – Đề tài nghiên cứu khoa học cấp tỉnh",
        "Các thành viên khác: Đặng Văn Đức.",
        "Đề tài đã được nghiệm thu ngày 10/03/2022, áp dụng vào thực tiễn từ ngày 20/03/2022, "
        "hiệu quả áp dụng đã được xác nhận bởi Giám đốc Công ty Cổ phần Cơ khí Đông Anh tại văn "
        "bản số 12/XN-CT ngày 05/04/2022.",
    ):
        assert expected in head
    assert "Là thành viên đề tài:" in member
    assert "Chủ nhiệm đề tài: Lý Minh Hùng." in member
    for page in (head, member):
        assert "tác giả sáng kiến" not in page
        assert "công nhận là sáng kiến" not in page
        assert "Loại:" not in page


def test_each_co_author_gets_a_certificate_naming_the_others(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001", authors=(("Nguyễn Thị Hường", 50), ("Đặng Văn Đức", 30), ("Vũ Hà", 20)))
    out = tmp_path / "gcn.pdf"
    print_certificates(unit_db, profile, out, ["SK-2022-0001"], issued_on=DAY)
    pages = pdf_pages(out)
    assert len(pages) == 3
    assert "NGUYỄN THỊ HƯỜNG" in pages[0]
    assert "Các đồng tác giả: Đặng Văn Đức, Vũ Hà." in pages[0]
    assert "ĐẶNG VĂN ĐỨC" in pages[1]
    assert "Các đồng tác giả: Nguyễn Thị Hường, Vũ Hà." in pages[1]
    assert "Là đồng tác giả sáng kiến" in pages[2]


def test_batch_is_ordered_by_code_then_author(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0003", authors=(("Lê Văn Ba", 100),))
    add("SK-2022-0001", authors=(("Phan Thị Một", 70), ("An Văn Hai", 30)))
    out = tmp_path / "gcn.pdf"
    print_certificates(unit_db, profile, out, ["SK-2022-0003", "SK-2022-0001"], issued_on=DAY)
    pages = pdf_pages(out)
    assert ["PHAN THỊ MỘT" in pages[0], "AN VĂN HAI" in pages[1], "LÊ VĂN BA" in pages[2]] == [
        True,
        True,
        True,
    ]
    assert [n[1:3] for n in numbers(unit_db)] == [
        (1, "SK-2022-0001"),
        (2, "SK-2022-0001"),
        (3, "SK-2022-0003"),
    ]


def test_numbers_are_continuous_within_a_year_and_restart_the_next(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    for n in range(1, 4):
        add(f"SK-2022-000{n}")
    print_certificates(unit_db, profile, tmp_path / "a.pdf", ["SK-2022-0001"], issued_on=DAY)
    print_certificates(unit_db, profile, tmp_path / "b.pdf", ["SK-2022-0002"], issued_on=DAY)
    print_certificates(
        unit_db, profile, tmp_path / "c.pdf", ["SK-2022-0003"], issued_on=date(2024, 1, 2)
    )
    assert [(year, number) for year, number, _, _ in numbers(unit_db)] == [
        (2023, 1),
        (2023, 2),
        (2023, 3),
        (2023, 4),
        (2024, 1),
        (2024, 2),
    ]
    assert "Số: 04/GCN-CĐCS" in pdf_pages(tmp_path / "b.pdf")[1]


def test_reprint_keeps_the_number_and_the_date_first_issued(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001")
    add("SK-2022-0002")
    print_certificates(unit_db, profile, tmp_path / "a.pdf", ["SK-2022-0002"], issued_on=DAY)
    print_certificates(
        unit_db, profile, tmp_path / "b.pdf", ["SK-2022-0001", "SK-2022-0002"],
        issued_on=date(2023, 3, 9),
    )  # fmt: skip
    pages = pdf_pages(tmp_path / "b.pdf")
    assert "Số: 03/GCN-CĐCS" in pages[0]
    assert "ngày 09 tháng 3 năm 2023" in pages[0]
    assert "Số: 01/GCN-CĐCS" in pages[2]
    assert "Hà Nội, ngày 05 tháng 01 năm 2023" in pages[2]
    assert len(numbers(unit_db)) == 4


def test_all_recognised_prints_only_authors_not_yet_certified(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001")
    add("SK-2022-0002", authors=(("Hồ Văn Một", 100),))
    add("SK-2022-0003", status="SUBMITTED", decision_no="", decided_on=None)
    print_certificates(unit_db, profile, tmp_path / "a.pdf", ["SK-2022-0001"], issued_on=DAY)
    count = print_certificates(unit_db, profile, tmp_path / "b.pdf", None, issued_on=DAY)
    assert count == 1
    assert "HỒ VĂN MỘT" in pdf_text(tmp_path / "b.pdf")
    with pytest.raises(InputError, match="chưa được cấp giấy chứng nhận"):
        print_certificates(unit_db, profile, tmp_path / "c.pdf", None, issued_on=DAY)


def test_initiative_without_recognition_cannot_be_certified(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001", status="SUBMITTED", decision_no="", decided_on=None)
    add("SK-2022-0002", decision_no="", decided_on=None)
    with pytest.raises(InputError, match=r"SK-2022-0001 .*chưa được công nhận"):
        print_certificates(unit_db, profile, tmp_path / "a.pdf", ["SK-2022-0001"])
    with pytest.raises(InputError, match=r"SK-2022-0002 .*Chưa ghi số quyết định công nhận"):
        print_certificates(unit_db, profile, tmp_path / "a.pdf", ["SK-2022-0002"])
    assert not (tmp_path / "a.pdf").exists()
    assert numbers(unit_db) == []


def test_certificate_cannot_predate_the_recognition(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001", decided_on=date(2023, 2, 1))
    with pytest.raises(InputError, match=r"05/01/2023 ở trước ngày quyết định .* SK-2022-0001"):
        print_certificates(unit_db, profile, tmp_path / "a.pdf", ["SK-2022-0001"], issued_on=DAY)
    assert numbers(unit_db) == []


def test_unknown_code_is_named(unit_db: Database, profile: ProgramProfile, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="SK-9999-0001"):
        print_certificates(unit_db, profile, tmp_path / "a.pdf", ["SK-9999-0001"])


def test_cancel_writes_no_file_and_takes_no_number(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001")
    add("SK-2022-0002")
    out = tmp_path / "gcn.pdf"
    out.write_bytes(b"previous print")
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 3

    with pytest.raises(PrintCancelled):
        print_certificates(unit_db, profile, out, ["SK-2022-0001", "SK-2022-0002"], progress)
    assert seen == [(1, 4), (2, 4), (3, 4)]
    assert out.read_bytes() == b"previous print"
    assert [p.name for p in tmp_path.iterdir() if "pdf" in p.name] == ["gcn.pdf"]
    assert numbers(unit_db) == []


def test_output_gets_the_permissions_of_a_plainly_created_file(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001")
    out = tmp_path / "gcn.pdf"
    print_certificates(unit_db, profile, out, ["SK-2022-0001"], issued_on=DAY)
    plain = tmp_path / "plain.txt"
    plain.write_text("")
    assert out.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777


def test_two_prints_at_once_never_share_a_number(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    for n in range(1, 9):
        add(f"SK-2022-000{n}")
    assert unit_db.path is not None
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def print_some(codes: list[str], name: str) -> None:
        own = open_database(unit_db.path)
        try:
            start.wait()
            print_certificates(own, profile, tmp_path / name, codes, issued_on=DAY)
        except BaseException as exc:
            errors.append(exc)
        finally:
            own.close()

    threads = [
        threading.Thread(target=print_some, args=([f"SK-2022-000{n}" for n in range(1, 5)], "a")),
        threading.Thread(target=print_some, args=([f"SK-2022-000{n}" for n in range(5, 9)], "b")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(number for _, number, _, _ in numbers(unit_db)) == list(range(1, 17))


def test_numbers_taken_concurrently_are_unique_and_continuous(unit_db: Database, add: Add) -> None:
    add("SK-2022-0001")
    assert unit_db.path is not None
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def take(worker: int) -> None:
        own = open_database(unit_db.path)
        try:
            start.wait()
            for i in range(15):
                with own.session() as session:
                    begin_exclusive(session)
                    holder = Holder("id-SK-2022-0001", "SK-2022-0001", f"Người {worker}-{i}")
                    assign_numbers(session, [holder], DAY)
        except BaseException as exc:
            errors.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=take, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with unit_db.reader() as session:
        taken = sorted(session.scalars(select(Certificate.number)))
    assert taken == list(range(1, 61))


def test_long_title_wraps_within_the_page(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    assert len(LONG_TITLE) >= 300
    add("SK-2022-0001", title=LONG_TITLE, authors=(("Nguyễn Thị Hường", 100),))
    out = tmp_path / "gcn.pdf"
    print_certificates(unit_db, profile, out, ["SK-2022-0001"], issued_on=DAY)
    runs, page_width = text_runs(out)
    title_runs = [r for r in runs if r.text.strip().strip("“”") in LONG_TITLE]
    assert len({round(r.y) for r in title_runs}) >= 3
    joined = " ".join(r.text.strip() for r in sorted(title_runs, key=lambda r: -r.y))
    assert joined.replace("“", "").replace("”", "") == LONG_TITLE
    for run in runs:
        assert run.x >= 0 and run.x + run.width <= page_width, run


def test_decomposed_input_is_drawn_composed(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    title = "Cải tiến đồ gá hàn khung giá đỡ"
    add(
        "SK-2022-0001",
        title=unicodedata.normalize("NFD", title),
        authors=((unicodedata.normalize("NFD", "Đặng Thị Hường"), 100),),
    )
    out = tmp_path / "gcn.pdf"
    print_certificates(unit_db, profile, out, ["SK-2022-0001"], issued_on=DAY)
    text = pdf_text(out)
    assert title in text
    assert "ĐẶNG THỊ HƯỜNG" in text
    assert unicodedata.normalize("NFC", text) == text


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_every_font_is_embedded(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0001")
    out = tmp_path / "gcn.pdf"
    print_certificates(unit_db, profile, out, ["SK-2022-0001"], issued_on=DAY)
    listing = subprocess.run(
        ["pdffonts", str(out)], check=True, capture_output=True, text=True, timeout=scaled(60)
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        assert line.split()[0].split("+")[-1] in face_names()
        assert line.split()[-5:-2] == ["yes", "yes", "yes"]  # emb, sub, uni


def test_logo_is_printed_once_for_the_whole_batch(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 120), (160, 20, 20)).save(logo)
    save_settings(unit_db, replace(load_settings(unit_db), logo_path=str(logo)))
    add("SK-2022-0001")
    out = tmp_path / "gcn.pdf"
    print_certificates(unit_db, profile, out, ["SK-2022-0001"], issued_on=DAY)
    images = {
        name
        for page in PdfReader(out).pages
        for form in page["/Resources"]["/XObject"].values()
        for name in form.get_object()["/Resources"].get("/XObject", {})
    }
    assert len(images) == 1


def test_unreadable_logo_is_named(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not an image")
    save_settings(unit_db, replace(load_settings(unit_db), logo_path=str(logo)))
    add("SK-2022-0001")
    with pytest.raises(InputError, match="Không đọc được logo"):
        print_certificates(unit_db, profile, tmp_path / "gcn.pdf", ["SK-2022-0001"])
    assert numbers(unit_db) == []
