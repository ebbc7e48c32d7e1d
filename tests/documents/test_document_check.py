"""The document check (tests/documents/pdfcheck.py) over every shipped sample and over the
documents of every demo record: what Decree 30 / 933/QĐ-TLĐ asks, measured on the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from sqlalchemy import select

from sangkien_desktop.documents.eligibility import RECOGNISED_STATES, blocking_findings
from sangkien_desktop.documents.fonts import BOLD, SERIF
from sangkien_desktop.documents.forms import FORMS
from sangkien_desktop.documents.furniture import MOTTO, NATIONAL_HEADING, make_canvas
from sangkien_desktop.documents.service import (
    awards_for_initiatives,
    print_certificates,
    print_reward_decision,
    render_form,
)
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.services.initiatives import get_record
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Initiative
from tests.documents.pdfcheck import problems

SAMPLES = sorted((Path(__file__).parents[2] / "docs" / "samples").glob("*.pdf"))
DAY = date(2023, 9, 20)


def test_samples_are_there() -> None:
    names = {p.stem for p in SAMPLES}
    assert {"certificate", "receipt", "reward-decision", "portal-sheet"} <= names
    assert {"certificate-research", "portal-sheet-research"} <= names


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_every_sample_passes_the_document_check(sample: Path) -> None:
    assert problems(sample) == []


def eligible_codes(db: Database, profile: ProgramProfile) -> list[str]:
    with db.reader() as session:
        codes = list(
            session.scalars(
                select(Initiative.code)
                .where(Initiative.status.in_(RECOGNISED_STATES))
                .order_by(Initiative.code)
            )
        )
    return [c for c in codes if not blocking_findings(get_record(db, c), profile, DAY)]


def test_every_document_of_the_demo_records_passes_the_document_check(
    demo_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    with demo_db.reader() as session:
        codes = list(session.scalars(select(Initiative.code).order_by(Initiative.code)))
    assert len(codes) >= 80
    found: list[str] = []
    for code in codes[::2]:  # forty records of every state and kind
        for kind in FORMS:
            out = tmp_path / f"{code}-{kind}.pdf"
            out.write_bytes(render_form(demo_db, profile, kind, code, DAY))
            found += problems(out)
            out.unlink()
    eligible = eligible_codes(demo_db, profile)
    assert len(eligible) >= 5
    certificates = tmp_path / "certificates.pdf"
    assert print_certificates(demo_db, profile, certificates, eligible, issued_on=DAY) >= 5
    found += problems(certificates)
    decision = tmp_path / "decision.pdf"
    awards = awards_for_initiatives(demo_db, eligible, 2_000_000)
    print_reward_decision(demo_db, profile, decision, "3", DAY, awards)
    found += problems(decision)
    assert found == []


def faulty_heading(path: Path) -> None:
    """The heading this project printed before issue 15: the upper union squeezed to 10.3 pt,
    2 mm from the national heading; a number without its leading zero; the date line upright;
    a line in the margin."""
    canvas = make_canvas(str(path), pagesize=A4)
    top = A4[1] - 25 * mm
    canvas.setFont(SERIF, 10.3)
    canvas.drawString(30 * mm, top, "LIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐÔNG ANH")
    canvas.setFont(BOLD, 12)
    canvas.drawString(105 * mm, top, NATIONAL_HEADING)
    canvas.setFont(BOLD, 13)
    canvas.drawString(120 * mm, top - 6 * mm, MOTTO)
    canvas.setFont(SERIF, 13)
    canvas.drawString(45 * mm, top - 20 * mm, "Số: 3/QĐ-CĐCS")
    canvas.drawString(120 * mm, top - 20 * mm, "Hà Nội, ngày 05 tháng 01 năm 2023")
    canvas.drawString(20 * mm, top - 40 * mm, "Một dòng lấn vào lề trái.")
    canvas.showPage()
    canvas.save()


def test_the_check_finds_the_faults_it_looks_for(tmp_path: Path) -> None:
    out = tmp_path / "old.pdf"
    faulty_heading(out)
    found = "\n".join(problems(out))
    assert "is 10.3 pt, not 12–13 pt" in found
    assert "mm from the national heading" in found
    assert "number “3” below 10 without its leading zero" in found
    assert "the place and date line is not 13–14 pt italic" in found
    assert "“Một dòng lấn vào lề trái.” outside the side margins" in found
