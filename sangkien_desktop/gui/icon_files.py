"""Render the application icon (``resources/icons/sangkien.svg``) to the PNG sizes the window
uses and the ``.ico`` the Windows package needs.

    python -m sangkien_desktop.gui.icon_files [FOLDER]      # default: resources/icons

Re-run after changing the SVG; the files it writes are committed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from sangkien_desktop.gui.look import ICON_SIZES, icons_dir


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"Cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding one PNG-compressed image per size (read by Windows Vista on);
    Qt's own ICO writer stores a single size only."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def write_icon_files(folder: Path) -> list[Path]:
    svg = icons_dir() / "sangkien.svg"
    folder.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(render(svg, size)) for size in ICON_SIZES}
    written = []
    for size, data in pngs.items():
        path = folder / f"sangkien-{size}.png"
        path.write_bytes(data)
        written.append(path)
    ico = folder / "sangkien.ico"
    ico.write_bytes(ico_bytes(pngs))
    written.append(ico)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    for path in write_icon_files(Path(args[0]) if args else icons_dir()):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
