"""Who keeps a widget alive: the one ownership rule of ``gui/``.

A widget made with a parent belongs to that parent: Qt deletes it with the parent, and Python
may drop its references at any time. A *top-level* widget made in Python without a parent (the
login dialog, a main window, a window reopened in another language) belongs to Python: its C++
object lives exactly as long as the last Python reference to it. Dropping that reference
deletes the C++ object at once, even when Qt is still inside one of its event handlers. That is
how pressing Enter in the login dialog crashed the application: ``returnPressed`` →
``signed_in`` → ``Desk.login = None`` freed the dialog under ``QLineEdit::keyPressEvent``.

The rule, for every module of ``gui/``:

1. Never drop the last Python reference to a widget from inside one of its own signals or
   event handlers (a key press, a click, ``accepted``/``rejected``, a child's signal).
2. A parentless widget that is done with is handed to :func:`release`: hidden, scheduled with
   ``deleteLater()`` and held here until Qt has destroyed it, after the event loop returned.
   Never ``self.attr = None`` alone.
3. A parentless widget that must outlive the attribute that made it (a main window, a dialog
   that deletes itself on close) is handed to :func:`keep`, which holds it until its
   ``destroyed`` signal.
4. ``WA_DeleteOnClose`` goes only on widgets that have a parent or were handed to
   :func:`keep`; then Qt's deferred delete, not Python's garbage collector, ends them.

``tests/gui/test_ownership.py`` presses Enter through the real event loop in every dialog that
accepts on Enter.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

T = TypeVar("T", bound=QObject)

#: Parentless objects held until Qt destroys them, by ``id`` of their Python wrapper.
_kept: dict[int, QObject] = {}


def keep(obj: T) -> T:
    """Hold ``obj`` until Qt destroys it (its ``destroyed`` signal); returns it."""
    key = id(obj)
    if key not in _kept:
        _kept[key] = obj
        obj.destroyed.connect(lambda *_args, key=key: _kept.pop(key, None))
    return obj


def release(obj: QObject | None) -> None:
    """End ``obj`` once the event loop is back: hide it now, delete it later, and hold the
    Python reference until then. Safe to call from inside the object's own signals."""
    if obj is None or not isValid(obj):
        return
    keep(obj)
    if isinstance(obj, QWidget):
        obj.hide()
    obj.deleteLater()


def kept_count() -> int:
    """How many objects are held (for tests)."""
    return len(_kept)
