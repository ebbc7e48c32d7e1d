"""The reward decision and its annex."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sangkien_desktop.documents.reward import Award
from sangkien_desktop.documents.service import awards_for_initiatives, print_reward_decision
from sangkien_desktop.documents.settings import load_settings, save_settings
from sangkien_desktop.errors import InputError
from sangkien_desktop.program import ProgramProfile
from sangkien_desktop.records import InitiativeRecord
from sangkien_desktop.storage import Database
from sangkien_desktop.storage.models import Reward
from tests.documents.conftest import pdf_pages, pdf_text, research_project

Add = Callable[..., InitiativeRecord]


def test_decision_from_recorded_rewards_totals_in_figures_and_words(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    for code, name, amount in (
        ("SK-2023-0002", "Đặng Văn Đức", 3_000_000),
        ("SK-2023-0001", "Nguyễn Thị Hường", 2_000_000),
    ):
        add(code)
        with unit_db.session() as session:
            session.add(
                Reward(
                    initiative_id=f"id-{code}",
                    recipient_name=name,
                    decision_no="25/QĐ-CĐCS",
                    decided_on=date(2023, 9, 20),
                    amount_vnd=amount,
                )
            )
    out = tmp_path / "qd.pdf"
    assert print_reward_decision(unit_db, profile, out, "25") == 2
    decision, annex = pdf_pages(out)
    for expected in (
        "Số: 25/QĐ-CĐCS",
        "Hà Nội, ngày 20 tháng 9 năm 2023",
        "QUYẾT ĐỊNH",
        "BAN CHẤP HÀNH CÔNG ĐOÀN CÔNG TY CỔ PHẦN CƠ KHÍ ĐÔNG ANH",
        "Căn cứ Hướng dẫn số 46/HD-TLĐ",
        "Điều 1. Tặng Giấy khen của Ban Chấp hành Công đoàn Công ty Cổ phần Cơ khí Đông Anh và "
        "tiền thưởng cho 2 tác giả",
        "Tổng số tiền thưởng: 5.000.000 đồng (Bằng chữ: Năm triệu đồng)",
        "TM. BAN CHẤP HÀNH CHỦ TỊCH",
        "Phạm Văn Thành",
    ):
        assert expected in decision
    assert "(Kèm theo Quyết định số 25/QĐ-CĐCS ngày 20 tháng 9 năm 2023" in annex
    first = annex.index("Nguyễn Thị Hường")
    second = annex.index("Đặng Văn Đức")
    assert first < second  # by initiative code
    assert "SK-2023-0001" in annex and "2.000.000" in annex and "3.000.000" in annex
    assert "Tổng cộng 5.000.000" in annex


def test_decision_quotes_the_guidance_with_its_date_and_the_unions_reward_regulation(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    regulation = (
        "Quy chế thi đua, khen thưởng ban hành kèm theo Quyết định số 05/QĐ-CĐCS ngày 10 "
        "tháng 01 năm 2022 của Ban Chấp hành Công đoàn Công ty"
    )
    save_settings(unit_db, replace(load_settings(unit_db), reward_regulation=regulation))
    add("SK-2023-0001")
    awards = awards_for_initiatives(unit_db, ["SK-2023-0001"], 1_500_000)
    out = tmp_path / "qd.pdf"
    print_reward_decision(unit_db, profile, out, "7", date(2023, 1, 5), awards)
    decision = pdf_pages(out)[0]
    assert "Căn cứ Hướng dẫn số 46/HD-TLĐ ngày 30 tháng 12 năm 2021 của Tổng Liên đoàn" in decision
    assert f"Căn cứ {regulation};" in decision
    assert (
        "các tác giả, nhóm tác giả có tên trong danh sách kèm theo chịu trách nhiệm thi hành"
        in decision
    )
    assert "có tên tại Điều 1" not in decision


def test_research_project_is_named_as_one_in_the_decision_and_its_annex(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2022-0050", **research_project())
    add("SK-2023-0001")
    awards = awards_for_initiatives(unit_db, ["SK-2022-0050", "SK-2023-0001"], 1_000_000)
    out = tmp_path / "qd.pdf"
    print_reward_decision(unit_db, profile, out, "8", date(2023, 1, 5), awards)
    decision, annex = pdf_pages(out)
    assert "nhóm tác giả có sáng kiến, đề tài nghiên cứu khoa học được công nhận" in decision
    assert "Tên sáng kiến, đề tài" in annex
    assert "kết quả nghiệm thu và xác nhận hiệu quả áp dụng đề tài" in decision
    assert "Đề tài nghiên cứu khoa học cấp tỉnh: Nghiên cứu vật liệu thay thế đệm cao su" in annex
    assert (
        "(chủ nhiệm: Lý Minh Hùng; nghiệm thu ngày 10/03/2022; hiệu quả xác nhận tại văn bản số "
        "12/XN-CT ngày 05/04/2022)" in annex
    )


def test_explicit_awards_go_to_each_initiatives_authors(
    unit_db: Database, profile: ProgramProfile, add: Add, tmp_path: Path
) -> None:
    add("SK-2023-0001")
    awards = awards_for_initiatives(unit_db, ["SK-2023-0001"], 1_500_000)
    assert awards == [
        Award(
            "Nguyễn Thị Hường, Đặng Văn Đức",
            1_500_000,
            "SK-2023-0001",
            "Quy trình kiểm tra nhanh mối hàn bằng dưỡng đo tự chế",
        )
    ]
    out = tmp_path / "qd.pdf"
    print_reward_decision(unit_db, profile, out, "7/QĐ-CĐCS", date(2023, 1, 5), awards)
    text = pdf_text(out)
    assert "Hà Nội, ngày 05 tháng 01 năm 2023" in text
    assert "Một triệu năm trăm nghìn đồng" in text


def test_decision_without_rewards_is_refused(
    unit_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match="Chưa có khen thưởng nào ghi theo Quyết định 9/QĐ-CĐCS"):
        print_reward_decision(unit_db, profile, tmp_path / "qd.pdf", "9")
    assert not (tmp_path / "qd.pdf").exists()


def test_negative_amount_is_refused(
    unit_db: Database, profile: ProgramProfile, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match="không được âm"):
        print_reward_decision(unit_db, profile, tmp_path / "qd.pdf", "9", None, [Award("A", -1)])
