# Two commands, on a fresh machine with only Python 3.11+:
#   make run   - set up .venv and serve the web application on SQLite with demonstration data
#   make test  - set up .venv and run lint, type check and the whole test suite
#                (installs PostgreSQL, Redis and Chromium from Debian's packages when missing)
#   make mutate - mutation pass over the law's numbers and comparisons (a few minutes)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types pytest bench mutate outline clean

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
	bash scripts/with-postgres.sh bash scripts/with-redis.sh $(BIN)/pytest

test: lint types pytest

# Performance record (bench/README.md); not part of `make test`. Bounded: loopback only,
# 1M rows in the batch, 10M streamed, a few hundred requests per API measurement.
bench: $(STAMP)
	$(BIN)/python bench/startup.py --runs 5
	$(BIN)/python bench/latency.py --requests 300 --seconds 5
	$(BIN)/python bench/screen.py --rows 1000000 --sample 500 --stream-rows 10000000

# Not part of `make test`: perturb every number of the parameter files and flip every
# comparison of the criteria, run the hand-worked cases in-process, list the survivors.
mutate: $(STAMP)
	$(BIN)/python scripts/mutate.py

# Re-extract the seeds' outline for the coverage map (needs the seeds at SEEDS).
SEEDS ?= ../shared/seeds
outline: $(STAMP)
	$(BIN)/python scripts/extract_outline.py $(SEEDS)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
