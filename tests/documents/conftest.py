"""Fixtures for the printed documents: a unit with its document details, recognised
initiatives built in code, and readers that take the PDFs apart again with pypdf."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFontFile

from sangkien_desktop.documents.fonts import register_fonts
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import (
    Application,
    Author,
    Benefits,
    ContentReview,
    InitiativeRecord,
    Recognition,
    Research,
)
from sangkien_desktop.services.initiatives import save_record
from sangkien_desktop.services.units import UnitDetails, init_unit
from sangkien_desktop.storage import Database, open_database

UNIT = UnitDetails(
    name="Công đoàn Công ty Cổ phần Cơ khí Đông Anh",
    code="CDCS-TEST",
    superior_union="Liên đoàn Lao động huyện Đông Anh",
    chair_name="Phạm Văn Thành",
    place="Hà Nội",
)


@pytest.fixture(scope="session")
def unit_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated database with its home unit, made once per run; tests copy it."""
    path = tmp_path_factory.mktemp("documents") / "unit.sqlite"
    database = open_database(path)
    init_unit(database, UNIT)
    database.close()
    return path


@pytest.fixture
def unit_db(unit_template: Path, tmp_path: Path) -> Iterator[Database]:
    """An empty database whose home unit is filled in as a real union would fill it."""
    target = tmp_path / "sangkien.sqlite"
    shutil.copyfile(unit_template, target)
    database = open_database(target)
    yield database
    database.close()


def make_record(
    code: str,
    title: str = "Quy trình kiểm tra nhanh mối hàn bằng dưỡng đo tự chế",
    authors: tuple[tuple[str, float], ...] = (("Nguyễn Thị Hường", 60), ("Đặng Văn Đức", 40)),
    status: str = "RECOGNISED",
    decision_no: str = "15/QĐ-HĐSK",
    decided_on: date | None = date(2022, 4, 20),
    **changes: Any,
) -> InitiativeRecord:
    record = InitiativeRecord(
        id=f"id-{code}",
        code=code,
        title=title,
        kind="KY_THUAT",
        subkind="QUY_TRINH",
        field="Cơ khí chế tạo",
        known_solution="Kiểm tra bằng mắt thường, dễ bỏ sót khuyết tật.",
        content="Dưỡng đo tự chế bằng thép tấm.",
        novelty="Lần đầu áp dụng tại Công ty.",
        applicability="Mọi tổ hàn có kết cấu tương tự.",
        origin_story="Tổ hàn đề xuất sau đợt kiểm tra chất lượng.",
        authors=[
            Author(name, date(1986, 4, 12), "Phân xưởng Hàn", "Tổ trưởng", "Kỹ sư", share, i == 0)
            for i, (name, share) in enumerate(authors)
        ],
        application=Application("APPLIED", date(2022, 3, 15), "Phân xưởng Hàn"),
        benefits=Benefits(125_000_000, "Giảm 30% thời gian kiểm tra", ["AN_TOAN_LAO_DONG"], ""),
        recognition=Recognition(
            "COUNCIL",
            "Hội đồng sáng kiến Công ty Cổ phần Cơ khí Đông Anh",
            decision_no,
            decided_on,
        ),
        content_review=ContentReview("Lê Minh Tâm", date(2022, 4, 22)),
        status=status,
    )
    for key, value in changes.items():
        setattr(record, key, value)
    return record


def research_project() -> dict[str, Any]:
    """``make_record`` changes for a provincial research project that passes the gate: its
    head Lý Minh Hùng (70 %) and one member, accepted, applied and its effect confirmed."""
    return {
        "title": "Nghiên cứu vật liệu thay thế đệm cao su chịu nhiệt nhập khẩu",
        "kind": "DE_TAI_NCKH",
        "subkind": None,
        "research_level": "TINH",
        "authors": (("Lý Minh Hùng", 70), ("Đặng Văn Đức", 30)),
        "research": Research(
            date(2022, 3, 10),
            date(2022, 3, 20),
            "Giám đốc Công ty Cổ phần Cơ khí Đông Anh",
            "12/XN-CT",
            date(2022, 4, 5),
        ),
    }


@pytest.fixture
def add(unit_db: Database, profile: ProgramProfile) -> Callable[..., InitiativeRecord]:
    """Save a record built by ``make_record(code, …)``."""

    def add(code: str, **kwargs: Any) -> InitiativeRecord:
        return save_record(unit_db, make_record(code, **kwargs), profile)

    return add


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, white space (line ends included) collapsed to single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_pages(path))


@dataclass(frozen=True)
class Run:
    """One text-showing operation: where it starts, how wide it is, what it says."""

    page: int
    x: float
    y: float
    width: float
    text: str
    size: float = 0  # the font size as drawn (a shrunk page draws smaller)
    face: str = ""  # the registered face: fonts.SERIF, fonts.BOLD…


@cache
def face_names() -> dict[str, str]:
    """The PostScript name a PDF shows for each registered face → its reportlab name."""
    return {
        TTFontFile(str(path)).name.decode(): face for face, path in register_fonts().files.items()
    }


def text_runs(path: Path) -> tuple[list[Run], float]:
    """Every run of text with its position and width in page units, and the page width."""
    faces = face_names()
    reader = PdfReader(path)
    runs: list[Run] = []
    for number, page in enumerate(reader.pages):

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
            text = text.rstrip("\n")
            if not text.strip() or font is None:
                return
            name = faces[str(font["/BaseFont"]).split("+", 1)[-1]]
            scale = tm[0] * cm[0]
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            width = stringWidth(text, name, size) * scale
            runs.append(Run(number, x, y, width, text, size * scale, name))  # noqa: B023

        page.extract_text(visitor_text=visit)
    return runs, float(reader.pages[0].mediabox.width)
