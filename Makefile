# arnews entry points. Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make briefing   # creates .venv, installs the project, runs every notebook, writes figures/ and reports/
#   make test       # the test suite and the linter
# make briefing CORPUS=path/to/corpus OUT=path/to/folder   runs the same notebooks on another corpus.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?=
OUT    ?=

.PHONY: briefing test lint lab extract bench clean install

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

briefing: $(STAMP)
	$(BIN)/python -m arnews build $(if $(CORPUS),--corpus "$(CORPUS)") $(if $(OUT),--out "$(OUT)")

test: $(STAMP)
	$(BIN)/python -m ruff check lib tests scripts
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/python -m jupyter lab notebooks

extract: $(STAMP)
	$(BIN)/python -m arnews extract $(or $(CORPUS),seeds) --out $(or $(OUT),out)

bench: $(STAMP)
	$(BIN)/python -m arnews bench $(or $(CORPUS),../shared/bench/saudinewsnet-2015-07-21.zip)

clean:
	rm -rf build out .pytest_cache .ruff_cache
	find figures reports -mindepth 1 ! -name .gitkeep -delete
