# Sáng Kiến Desktop — everyday commands. Every target sets up .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB := build/demo.sqlite

.PHONY: install demo run test lint bench screenshots translations package clean

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

screenshots: $(STAMP)
	$(BIN)/python -m sangkien_desktop.gui.screenshots docs/screenshots

translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find sangkien_desktop/gui -name '*.py') $$(find ui -name '*.ui') \
	  -ts resources/translations/sangkien_en.ts
	$(BIN)/pyside6-lrelease resources/translations/sangkien_en.ts \
	  -qm resources/translations/sangkien_en.qm

package: $(STAMP)
	$(BIN)/python -m pip install -q "pyinstaller>=6,<7"
	$(BIN)/pyinstaller --noconfirm --clean packaging/sangkien.spec

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
