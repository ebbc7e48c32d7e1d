"""The dossier forms stay printable at any state; a record with findings gets them on a
checklist page of its own after the form, a record without findings gets no such page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sangkien_desktop.documents.service import print_form
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import Application, ContentReview, Recognition
from sangkien_desktop.services.attachments import store_file
from sangkien_desktop.services.initiatives import save_record
from sangkien_desktop.storage import Database
from tests.documents.conftest import make_record, pdf_pages

TITLE = "PHIẾU KIỂM TRA HỒ SƠ"
DOSSIER = ["application", "description", "receipt"]


def _idea(unit_db: Database, profile: ProgramProfile) -> None:
    """An idea with no review yet (E3), shares adding up to 90 % (C4), no origin story (R4)."""
    record = make_record(
        "SK-2022-0001",
        status="IDEA",
        authors=(("Nguyễn Thị Hường", 50), ("Đặng Văn Đức", 40)),
        origin_story="",
    )
    record.recognition = Recognition()
    record.content_review = ContentReview()
    save_record(unit_db, record, profile)


@pytest.mark.parametrize("kind", DOSSIER)
def test_dossier_form_of_an_idea_prints_with_its_findings_on_a_last_page(
    unit_db: Database, profile: ProgramProfile, tmp_path: Path, kind: str
) -> None:
    _idea(unit_db, profile)
    out = tmp_path / f"{kind}.pdf"
    print_form(unit_db, profile, kind, "SK-2022-0001", out, date(2023, 1, 5))
    *form, checklist = pdf_pages(out)
    assert form and not any(TITLE in page for page in form)
    assert f"{TITLE} Sáng kiến SK-2022-0001" in checklist
    for expected in (
        "Tổng tỷ lệ đóng góp của các tác giả là 90%",
        "Mục authors – quy định C4_CREDITED_AUTHOR",
        "quy định E3_PUBLIC_ORDER",
        "Mục origin_story – quy định R4_DOSSIER_INCOMPLETE",
        "Lỗi",
        "Lưu ý",
    ):
        assert expected in checklist
    assert "E2_NOT_RECOGNISED" not in checklist  # what the dossier is for, not a fault in it


@pytest.mark.parametrize("kind", DOSSIER)
def test_dossier_form_without_findings_has_no_checklist_page(
    unit_db: Database, profile: ProgramProfile, tmp_path: Path, kind: str
) -> None:
    decision = tmp_path / "QD-15-HDSK.pdf"
    decision.write_bytes(b"%PDF-1.4 the council's decision")
    record = make_record("SK-2022-0001")
    record.attachments = [store_file(unit_db, decision, "DECISION")]
    save_record(unit_db, record, profile)
    out = tmp_path / f"{kind}.pdf"
    print_form(unit_db, profile, kind, "SK-2022-0001", out, date(2023, 1, 5))
    assert not any(TITLE in page for page in pdf_pages(out))


def test_application_of_a_rejected_initiative_prints_and_says_so_on_the_checklist(
    unit_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    record = make_record(
        "SK-2022-0001",
        status="REJECTED",
        application=Application("APPLIED", date(2021, 8, 31), "Phân xưởng Hàn"),
    )
    record.recognition = Recognition()
    save_record(unit_db, record, profile)
    out = tmp_path / "don.pdf"
    print_form(unit_db, profile, "application", "SK-2022-0001", out)
    checklist = pdf_pages(out)[-1]
    assert "E2_NOT_RECOGNISED" in checklist and "E1_APPLIED_OUTSIDE_WINDOW" in checklist


def test_portal_sheet_has_no_checklist_page(
    unit_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    _idea(unit_db, profile)
    out = tmp_path / "phieu.pdf"
    print_form(unit_db, profile, "portal-sheet", "SK-2022-0001", out)
    assert not any(TITLE in page for page in pdf_pages(out))
