# Two commands, on a fresh machine with only Python 3.11+:
#   make run   - set up .venv and serve the web application on SQLite with demonstration data
#   make test  - set up .venv and run lint, type check and the whole test suite
#                (installs PostgreSQL and Chromium from Debian's packages when missing)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types pytest clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/isupport serve --demo $(if $(PORT),--port $(PORT))

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	bash scripts/ensure-chromium.sh
	bash scripts/with-postgres.sh $(BIN)/pytest

test: lint types pytest

# Performance record (bench/README.md); not part of `make test`. Bounded: loopback only,
# 1M rows in the batch, 10M streamed, a few hundred requests per API measurement.
bench: $(STAMP)
	$(BIN)/python bench/startup.py --runs 5
	$(BIN)/python bench/latency.py --requests 300 --seconds 5
	$(BIN)/python bench/screen.py --rows 1000000 --sample 500 --stream-rows 10000000

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
