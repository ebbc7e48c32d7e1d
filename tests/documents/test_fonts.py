"""Which font the documents are printed in: Times New Roman when this PC really has it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sangkien_desktop.documents import fonts
from sangkien_desktop.documents.fonts import (
    BOLD,
    FACES,
    LIBERATION,
    SERIF,
    TIMES,
    WINDOWS_FILES,
    choose_font,
    find_times_new_roman,
    shipped_font,
)


def no_fontconfig(pattern: str) -> None:
    return None


def windows_folder(tmp_path: Path) -> Path:
    """A fonts folder holding a file under each of Times New Roman's Windows names."""
    folder = tmp_path / "Fonts"
    folder.mkdir()
    for face, name in WINDOWS_FILES.items():
        shutil.copyfile(shipped_font().files[face], folder / name)
    return folder


def test_times_new_roman_of_the_windows_fonts_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = windows_folder(tmp_path)
    monkeypatch.setattr(fonts, "family_of", lambda path: TIMES)
    found = find_times_new_roman([folder], no_fontconfig)
    assert found is not None and found[SERIF] == folder / "times.ttf"
    assert found[BOLD] == folder / "timesbd.ttf"
    assert choose_font(found).family == TIMES


def test_a_file_named_like_times_new_roman_that_is_another_font_is_not_used(
    tmp_path: Path,
) -> None:
    assert find_times_new_roman([windows_folder(tmp_path)], no_fontconfig) is None


def test_a_missing_face_falls_back_to_liberation_serif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = windows_folder(tmp_path)
    (folder / "timesbi.ttf").unlink()
    monkeypatch.setattr(fonts, "family_of", lambda path: TIMES)
    assert find_times_new_roman([folder], no_fontconfig) is None
    assert choose_font(None).family == LIBERATION


def test_fontconfigs_look_alike_for_a_missing_times_new_roman_is_not_used() -> None:
    dejavu = ("DejaVu Serif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    assert find_times_new_roman([], lambda pattern: dejavu) is None


def test_fontconfig_naming_times_new_roman_is_checked_against_the_file_itself() -> None:
    files = shipped_font().files
    styles = fonts.FC_STYLES.items()
    lying = {f"{TIMES}:style={style}": (TIMES, str(files[face])) for face, style in styles}
    assert find_times_new_roman([], lying.get) is None


def test_times_new_roman_found_by_fontconfig_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    files = shipped_font().files
    styles = fonts.FC_STYLES.items()
    answers = {f"{TIMES}:style={s}": (f"{TIMES},Times", str(files[f])) for f, s in styles}
    monkeypatch.setattr(fonts, "family_of", lambda path: TIMES)
    found = find_times_new_roman([], answers.get)
    assert found is not None and set(found) == set(FACES)


def test_the_font_in_use_is_one_of_the_two() -> None:
    assert fonts.font_in_use() in (TIMES, LIBERATION)


def test_a_times_new_roman_reportlab_cannot_read_falls_back_to_liberation_serif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = {face: tmp_path / f"{face}.ttf" for face in FACES}
    for path in broken.values():
        path.write_bytes(b"not a font")
    before = fonts.register_fonts()
    monkeypatch.setattr(fonts, "find_times_new_roman", lambda: broken)
    monkeypatch.setattr(fonts, "_in_use", None)
    try:
        assert fonts.register_fonts().family == LIBERATION
    finally:
        fonts._register(before)  # the faces the rest of the session measures with
