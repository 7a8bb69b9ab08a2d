# The two commands in the README: `make serve` and `make test`.
# Each creates the virtual environment and installs the package on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build test lint bench quotes clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check plugins tests scripts bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m bench

quotes: $(STAMP)
	$(BIN)/python scripts/quote_accuracy.py

clean:
	rm -rf $(VENV) site
