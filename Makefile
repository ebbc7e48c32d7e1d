# Sáng Kiến Desktop — everyday commands. Every target sets up .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB := build/demo.sqlite
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' sangkien_desktop/__init__.py)

.PHONY: install demo run test lint bench screenshots translations package smoke clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  (echo "Cần Python 3.11 trở lên (Python >= 3.11 is required)"; exit 1)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## demo: set up, fill a demo database and start the application on it
demo: $(STAMP)
	$(BIN)/sangkien --db $(DEMO_DB) demo --force
	$(BIN)/sangkien-desktop --db $(DEMO_DB)

## run: start the application on the user's own database
run: $(STAMP)
	$(BIN)/sangkien-desktop

lint: $(STAMP)
	$(BIN)/ruff check sangkien_desktop tests benchmarks
	$(BIN)/ruff format --check sangkien_desktop tests benchmarks
	$(BIN)/mypy

## test: set up, lint, type-check the core and run the whole test suite
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

## screenshots: every main screen of a demo database at 1366x768 into docs/screenshots
## (under a private Xvfb when it is installed, else Qt's offscreen platform)
screenshots: $(STAMP)
	$(BIN)/python -m sangkien_desktop.gui.screenshots docs/screenshots

## translations: collect the tr() strings (Vietnamese source) into the English .ts, keeping the
## translations already there, compile the .qm files and list what is still untranslated
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -source-language vi -target-language en -locations relative \
	  $$(find sangkien_desktop/gui -name '*.py' | sort) $$(find ui -name '*.ui' | sort) \
	  -ts resources/translations/sangkien_en.ts
	$(BIN)/pyside6-lrelease resources/translations/sangkien_en.ts \
	  -qm resources/translations/sangkien_en.qm
	$(BIN)/pyside6-lrelease resources/translations/qt_vi.ts -qm resources/translations/qt_vi.qm
	$(BIN)/python -m sangkien_desktop.gui.i18n_check

## package: one-folder build in dist/sangkien-desktop/ (PyInstaller, packaging/sangkien.spec) and
## dist/sangkien-desktop-<version>-linux-x86_64.tar.gz of it; see packaging/README.md
package: $(STAMP)
	$(BIN)/python -m pip install -q "pyinstaller>=6,<7"
	$(BIN)/pyinstaller --noconfirm --clean packaging/sangkien.spec
	tar -C dist -czf dist/sangkien-desktop-$(VERSION)-linux-$(shell uname -m).tar.gz sangkien-desktop
	@du -sh dist/sangkien-desktop dist/sangkien-desktop-$(VERSION)-linux-$(shell uname -m).tar.gz

## smoke: start the built bundle offscreen and run its command line (packaging/smoke_test.sh);
## builds the package first when dist/sangkien-desktop/ is missing. A pre-release step.
smoke: $(STAMP)
	packaging/smoke_test.sh

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
fuzz: $(STAMP) ; SANGKIEN_FUZZ=long QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/fuzz -q -p no:cacheprovider --durations=10
