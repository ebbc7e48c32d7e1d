"""The chair's work on a real display: record the council's decision, move the initiative to
RECOGNISED, print its certificate, export a signed bundle, switch the language."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.desktop import Desktop, cli, signed_in, wait_for

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
    # The support team has attested the content review (E3): certificates are issued only for
    # initiatives with no error finding (documents/eligibility.py).
    records = tmp_path / "all.json"
    cli(e2e_db, "export", "json", str(records))
    record = next(r for r in json.loads(records.read_text("utf-8")) if r["code"] == CODE)
    record["content_review"] = {"reviewer": "Lê Minh Tâm", "reviewed_on": "2023-03-10"}
    reviewed = tmp_path / "reviewed.json"
    reviewed.write_text(json.dumps([record], ensure_ascii=False), "utf-8")
    cli(e2e_db, "import", "initiatives", str(reviewed))
    # Before: every recognised initiative that qualifies has its certificate (numbers 1…72; the
    # demo's four recognised ones with an error finding are left out).
    cli(e2e_db, "print", "certificates", str(tmp_path / "earlier.pdf"), "--all-recognised")
    app, main = signed_in(launch, "chutich")

    # The decision, in the editor's Công nhận section.
    app.key("ctrl+f")
    app.type(CODE)
    app.settle()  # the list shows the one initiative found
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
    app.shot("move-to-recognised")  # the step forward, Đã được công nhận, is the one chosen
    app.key("Return")
    app.window("^Chuyển sang “Đã được công nhận”$")  # the decision, as the editor saved it
    app.shot("decision-confirmed")
    app.key("Return")
    wait_for(  # said in the status bar, no box to close
        "the move",
        lambda: "Trạng thái: Đã được công nhận" in cli(e2e_db, "initiative", "show", CODE),
    )
    app.shot("moved")

    # The certificate: nothing selected prints every recognised one without a certificate.
    app.focus(main)
    go_to(app, main, "rewards")
    app.shot("rewards")
    app.click(main, 997, 124)  # In giấy chứng nhận…
    # Nothing selected: the count and the numbers are confirmed first; Hủy is the default.
    app.window("^In giấy chứng nhận$")
    app.shot("confirm-numbers")
    app.key("Tab", "space")  # Cấp số và in
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
    assert "Số: 73/GCN" in pages[0] and "Số: 74/GCN" in pages[1]
    assert "VŨ TIẾN QUÂN" in pages[0] and "TRẦN NGỌC HẠNH" in pages[1]
    assert "15/QD-HDSK" in pages[0]
    app.assert_healthy()


def test_export_a_signed_bundle(launch: Callable[..., Desktop], e2e_db: Path) -> None:
    app, main = signed_in(launch, "chutich")
    go_to(app, main, "export")
    app.shot("export-screen")
    app.click(main, 1203, 234)  # Xuất gói…
    app.window("^Chọn thư mục lưu gói gửi cấp trên$")
    app.shot("folder")
    app.key("Return")  # the home folder, where the dialog opens
    app.window("^Mật khẩu khóa ký$")
    app.type("demo")
    app.key("Return")
    bundles = wait_for("the bundle", lambda: sorted(app.home.glob("*.zip")))
    assert len(bundles) == 1
    verified = wait_for("a complete bundle", lambda: _verified(e2e_db, bundles[0]))
    app.focus(main)
    app.shot("exported")
    assert "15" in verified, verified  # the demo's fifteen initiatives ready to send
    app.assert_healthy()


def _verified(db: Path, bundle: Path) -> str | None:
    """``sangkien verify`` of the bundle once it is complete (it is written atomically)."""
    try:
        return cli(db, "verify", str(bundle))
    except AssertionError:
        return None


def test_switch_the_language_to_english_and_back(launch: Callable[..., Desktop]) -> None:
    app, main = signed_in(launch, "chutich")
    settings = app.home / "config" / "SangKien" / "SangKienDesktop.conf"
    for step, (lang, key) in enumerate((("en", "Down"), ("vi", "Up"))):
        go_to(app, main, "settings")
        app.click(main, 1010, 113)  # the language list opens
        app.key(key, "Return")
        app.click(main, 1188, 113)  # Áp dụng / Apply
        # The main window is built again in the new language and the old one closes.
        old = main
        main = wait_for(
            "the main window built again",
            lambda old=old: next((w for w in app.windows("^Sáng Kiến Desktop$") if w != old), None),
        )
        app.gone_window(old)
        app.focus(main)
        wait_for(
            f"ui/language={lang} saved", lambda lang=lang: f"language={lang}" in _text(settings)
        )
        app.shot(f"language-{lang}-{step}")
    app.assert_healthy()


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""
