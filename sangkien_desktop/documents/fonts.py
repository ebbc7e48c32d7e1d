"""The document fonts. Decree 30 asks for Times New Roman: every Windows PC has it, so it is
used (and embedded) when this PC has all four faces — Windows' fonts folder, macOS' font
folders, or what ``fc-match`` finds on Linux, when that really is Times New Roman (fontconfig
answers with a look-alike such as DejaVu Serif when it is missing). Otherwise the shipped
Liberation Serif, which has the same metrics, so a page lays out the same with either.

The chosen faces are registered once per process under fixed internal names, as one family,
so ``<b>`` and ``<i>`` in a Paragraph pick the right face. reportlab embeds the subset of
glyphs each PDF uses.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from sangkien_desktop.errors import SangKienError
from sangkien_desktop.paths import resources_dir

SERIF = "DocumentSerif"
BOLD = "DocumentSerif-Bold"
ITALIC = "DocumentSerif-Italic"
BOLD_ITALIC = "DocumentSerif-BoldItalic"
FACES = (SERIF, BOLD, ITALIC, BOLD_ITALIC)

TIMES = "Times New Roman"
LIBERATION = "Liberation Serif"
SHIPPED = {
    SERIF: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
#: Times New Roman's files in Windows' and macOS' font folders.
WINDOWS_FILES = {SERIF: "times.ttf", BOLD: "timesbd.ttf", ITALIC: "timesi.ttf"}
WINDOWS_FILES |= {BOLD_ITALIC: "timesbi.ttf"}
MAC_FILES = {
    SERIF: "Times New Roman.ttf",
    BOLD: "Times New Roman Bold.ttf",
    ITALIC: "Times New Roman Italic.ttf",
    BOLD_ITALIC: "Times New Roman Bold Italic.ttf",
}
FC_STYLES = {SERIF: "Regular", BOLD: "Bold", ITALIC: "Italic", BOLD_ITALIC: "Bold Italic"}
FC_TIMEOUT = 30  # seconds; fc-match builds its cache on a first run


@dataclass(frozen=True)
class DocumentFont:
    """The family the documents are printed in, and the file of each face."""

    family: str
    files: dict[str, Path]

    @property
    def is_shipped(self) -> bool:
        return self.family == LIBERATION


def family_of(path: Path) -> str:
    """The family name a font file declares ("" when it cannot be read)."""
    try:
        name = TTFontFile(str(path)).familyName
    except Exception:  # any unreadable or unsupported file is not this font
        return ""
    return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)


def _all_times(files: dict[str, Path]) -> dict[str, Path] | None:
    """``files`` when every face is there and is Times New Roman."""
    if set(files) != set(FACES):
        return None
    if all(path.is_file() and family_of(path) == TIMES for path in files.values()):
        return files
    return None


def font_folders() -> list[Path]:
    """Folders where Windows and macOS keep Times New Roman."""
    folders = []
    for variable in ("WINDIR", "SystemRoot"):
        root = os.environ.get(variable)
        if root:
            folders.append(Path(root) / "Fonts")
    if sys.platform == "darwin":
        folders += [Path("/System/Library/Fonts/Supplemental"), Path("/Library/Fonts")]
    return folders


def fc_match(pattern: str) -> tuple[str, str] | None:
    """(family, file) fontconfig gives for ``pattern``, or None without fontconfig."""
    program = shutil.which("fc-match")
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, "-f", "%{family}\n%{file}", pattern],
            capture_output=True,
            text=True,
            timeout=FC_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    family, _, file = done.stdout.partition("\n")
    return (family, file.strip()) if done.returncode == 0 and file.strip() else None


def find_times_new_roman(
    folders: Sequence[Path] | None = None,
    match: Callable[[str], tuple[str, str] | None] = fc_match,
) -> dict[str, Path] | None:
    """The four Times New Roman files of this PC, or None when one of them is missing."""
    for folder in font_folders() if folders is None else folders:
        for names in (WINDOWS_FILES, MAC_FILES):
            found = _all_times({face: folder / name for face, name in names.items()})
            if found:
                return found
    files: dict[str, Path] = {}
    for face, style in FC_STYLES.items():
        answer = match(f"{TIMES}:style={style}")
        # fontconfig substitutes a look-alike for a missing family: trust the file alone.
        if answer is None or TIMES not in answer[0].split(","):
            return None
        files[face] = Path(answer[1])
    return _all_times(files)


def shipped_font() -> DocumentFont:
    folder = resources_dir() / "fonts"
    return DocumentFont(LIBERATION, {face: folder / name for face, name in SHIPPED.items()})


def choose_font(times: dict[str, Path] | None) -> DocumentFont:
    return DocumentFont(TIMES, times) if times else shipped_font()


_lock = threading.Lock()
_in_use: DocumentFont | None = None


def _register(font: DocumentFont) -> None:
    for face, path in font.files.items():
        if not path.is_file():
            raise SangKienError(
                f"Thiếu phông chữ {path}: hãy cài lại Sáng Kiến Desktop.",
                english=f"Missing font {path}: reinstall the application.",
            )
        pdfmetrics.registerFont(TTFont(face, str(path)))
    pdfmetrics.registerFontFamily(
        SERIF, normal=SERIF, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )


def register_fonts() -> DocumentFont:
    """Choose and register the family with reportlab (once; safe from worker threads)."""
    global _in_use
    with _lock:
        if _in_use is not None:
            return _in_use
        # Page streams compressed only, not also ASCII85-armoured: a third smaller, and
        # reportlab's pure-Python ASCII85 encoder costs as much as laying the pages out.
        rl_config.useA85 = 0
        font = choose_font(find_times_new_roman())
        try:
            _register(font)
        except Exception:  # a system font reportlab cannot embed: use ours
            if font.is_shipped:
                raise
            font = shipped_font()
            _register(font)
        _in_use = font
        return font


def font_in_use() -> str:
    """The family the documents are printed in ("Times New Roman" or "Liberation Serif")."""
    return register_fonts().family
