"""The document fonts: Liberation Serif (Times New Roman's metrics, as Decree 30 asks), shipped
in ``resources/fonts/`` and registered once per process as one family, so ``<b>`` and ``<i>``
in a Paragraph pick the right face. reportlab embeds the subset of glyphs each PDF uses."""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.paths import resources_dir

SERIF = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the family with reportlab (idempotent, safe from worker threads)."""
    global _registered
    with _lock:
        if _registered:
            return
        # Page streams compressed only, not also ASCII85-armoured: a third smaller, and
        # reportlab's pure-Python ASCII85 encoder costs as much as laying the pages out.
        rl_config.useA85 = 0
        folder = resources_dir() / "fonts"
        for name, file_name in FILES.items():
            path = folder / file_name
            if not path.is_file():
                raise SangKienError(
                    f"Thiếu phông chữ {path}: hãy cài lại Sáng Kiến Desktop.",
                    english=f"Missing font {path}: reinstall the application.",
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            SERIF, normal=SERIF, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
