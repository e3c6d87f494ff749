# resgestae: `make demo` and `make test` set up everything they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint web browser clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Reinstall when the dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) web

# The web page: npm packages bundled into src/resgestae/web/static (committed too,
# so a pip install works without npm).
web:
	@if command -v npm >/dev/null 2>&1; then \
	  cd web && npm ci --no-audit --no-fund && npm run build; \
	else echo "npm not found: using the committed bundle in src/resgestae/web/static"; fi

demo: install
	$(BIN)/resgestae code samples/ --date 2020-12-26 --db demo.duckdb --recode

# Debian's Chromium for the browser tests (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium) \
	  || echo "chromium not installed: browser tests will be skipped"

test: install browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) demo.duckdb resgestae.duckdb
