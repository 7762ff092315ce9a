# Two commands on a fresh machine with Python 3.11+: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site serve test lint check browser bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3 setuptools==84.2.1

$(VENV)/.site-installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.site-installed
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

## site: build the handbook into site/ (all languages, zero warnings allowed)
site: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict

## serve: preview on http://127.0.0.1:8000 with live reload of docs/ and standards/
serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve

## check: run the editors' checker on standards/
check: $(VENV)/.site-installed
	$(BIN)/handbook check

## browser: make sure the system Chromium used by the browser tests is installed
browser:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## test: lint, type-check and run the whole suite, browser tests included
test: $(VENV)/.test-installed browser lint
	$(BIN)/pytest

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
