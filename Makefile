# Two commands, on a fresh machine with only Python 3.11+:
#   make run   - set up .venv and serve the web application on SQLite with demonstration data
#   make test  - set up .venv and run lint, type check and the whole test suite
#                (installs PostgreSQL and Chromium from Debian's packages when missing)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types pytest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	bash scripts/ensure-fonts.sh
	$(BIN)/isupport serve --demo $(if $(PORT),--port $(PORT))

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-fonts.sh
	bash scripts/with-postgres.sh $(BIN)/pytest

test: lint types pytest

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
