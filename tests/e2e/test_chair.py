"""The chair's work on a real display: record the council's decision, move the initiative to
RECOGNISED, print its certificate, export a signed bundle, switch the language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import cli
from tests.e2e.desktop import Desktop, wait_for
from tests.e2e.test_initiatives import signed_in

pytestmark = pytest.mark.e2e

CODE = "SK-2023-0022"  # SUBMITTED in the demo data, two authors, no decision yet
#: Where the navigation list shows each screen, in the main window (fixed 190 px wide list,
#: the shipped fonts): a user clicks them.
NAVIGATION = {"initiatives": 83, "rewards": 203, "export": 243, "settings": 323}


def go_to(app: Desktop, main: str, screen: str) -> None:
    app.click(main, 60, NAVIGATION[screen])


def pdf_text(path: Path) -> list[str]:
    with path.open("rb") as handle:
        return [page.extract_text() for page in PdfReader(handle).pages]


def test_recognise_an_initiative_and_print_its_one_certificate(
    launch: Callable[..., Desktop], e2e_db: Path, tmp_path: Path
) -> None:
    # Before: every initiative recognised so far has its certificate (numbers 1…81).
    cli(e2e_db, "print", "certificates", str(tmp_path / "earlier.pdf"), "--all-recognised")
    app, main = signed_in(launch, "chutich")

    # The decision, in the editor's Công nhận section.
    app.key("ctrl+f")
    app.type(CODE)
    app.key(*["Tab"] * 8, "Return")
    editor = app.window(f"^{CODE} — ")
    app.key(*["ctrl+Next"] * 4, "Tab")  # Công nhận; the cursor in Ngày nhận đơn
    app.key("Tab", "Down")  # Công nhận bởi: Hội đồng sáng kiến
    app.key("Tab")
    app.type("Hoi dong sang kien Cong ty")
    app.key("Tab")
    app.type("15/QD-HDSK")
    app.key("Tab")
    app.type("15032023")
    app.wait_title(editor, rf"^{CODE}\* — ")
    app.shot("decision")
    app.key("ctrl+s")
    app.wait_title(editor, rf"^{CODE} — ")
    assert "15/QD-HDSK" in cli(e2e_db, "initiative", "show", CODE)
    app.key("ctrl+w")
    app.gone(f"^{CODE} — ")

    # The move, from the list's context menu (the Menu key).
    app.focus(main)
    app.key("ctrl+f", *["Tab"] * 8, "Menu")
    app.key("Down", "Down", "Return")  # Chuyển trạng thái…
    app.window("^Chuyển trạng thái$")
    app.key("Down", "Down")  # from Đang hoàn thiện hồ sơ to Đã được công nhận
    app.shot("move-to-recognised")
    app.key("Return")
    app.window("^Kết quả chuyển trạng thái$")
    app.shot("moved")
    app.key("Escape")
    app.gone("^Kết quả chuyển trạng thái$")
    assert "Trạng thái: Đã được công nhận" in cli(e2e_db, "initiative", "show", CODE)

    # The certificate: nothing selected prints every recognised one without a certificate.
    app.focus(main)
    go_to(app, main, "rewards")
    app.shot("rewards")
    app.click(main, 997, 124)  # In giấy chứng nhận…
    app.window("^Lưu giấy chứng nhận sáng kiến$")
    app.shot("save-as")
    app.key("Return")  # the suggested name, in the home folder
    app.window("^Đã in xong$")
    app.shot("printed")
    app.key("Escape")  # Đóng, not Mở tệp PDF
    app.gone("^Đã in xong$")
    pdf = app.home / f"giay-chung-nhan-{date.today():%Y%m%d}.pdf"
    pages = wait_for("the certificate PDF", lambda: pdf.exists() and pdf_text(pdf))
    assert len(pages) == 2, "one page per author"
    assert all(f"Mã sáng kiến: {CODE}" in page for page in pages)
    assert "Số: 82/GCN" in pages[0] and "Số: 83/GCN" in pages[1]
    assert "VŨ TIẾN QUÂN" in pages[0] and "TRẦN NGỌC HẠNH" in pages[1]
    assert "15/QD-HDSK" in pages[0]
    app.assert_healthy()
