"""Load Qt Designer forms from ``ui/`` at run time."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget

from sangkien_desktop.paths import ui_dir


def load_form(name: str, host: QWidget) -> QWidget:
    """Load ``ui/<name>.ui`` into ``host`` (filling it) and return the loaded widget; child
    widgets are reached with ``host.findChild(Type, "objectName")``."""
    path = ui_dir() / f"{name}.ui"
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(path)
    try:
        form = QUiLoader().load(handle, host)
    finally:
        handle.close()
    if form is None:
        raise RuntimeError(f"Cannot load form {path}")
    layout = host.layout() or QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return form
