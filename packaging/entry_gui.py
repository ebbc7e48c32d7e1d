"""PyInstaller entry point of the ``sangkien-desktop`` executable (the window)."""

import sys

from sangkien_desktop.gui.app import main

sys.exit(main())
