"""PyInstaller entry point of the ``sangkien`` executable (the command line)."""

import sys

from sangkien_desktop.cli import main

main()
sys.exit(0)
