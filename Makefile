# Two commands for a fresh clone: `make synth` and `make test`. Both create what
# they need on first use: .venv/ (the library, its tests and linters),
# node_modules/ (the cdk8s CLI) and, for tests, .venv-scanners/ (checkov, trivy,
# actionlint, zizmor).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SCANNERS := .venv-scanners
PIP_QUIET := --quiet --disable-pip-version-check

# jsii's settings (its package cache inside the project, no Node 20 banner) are
# set in one place, cdk8s_webservice/runtime.py, by every entry point.
# Let Python cache bytecode (some machines disable it globally): the generated
# bindings alone are ~250 kB of source to compile on every run otherwise.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: synth cdk8s-app test lint imports docs bench bench-smoke clean

# -O: no asserts (the project validates with exceptions) and no jsii runtime type
# checks, which the tests run with.
synth: $(VENV)/.installed node_modules/.installed
	$(PY) -O main.py

# What `npx cdk8s synth` runs (cdk8s.yaml `app:`): sets up .venv/ on first use, so
# a fresh clone works; the app writes dist/ atomically itself, and the cdk8s CLI's
# own output folder (which it deletes first) is the scratch folder .cdk8s.out/.
cdk8s-app: $(VENV)/.installed
	$(PY) -O main.py

test: lint node_modules/.installed $(SCANNERS)/.installed
	$(PY) -m pytest $(ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Regenerate the typed CRD bindings from the project's CRD files (offline).
imports: node_modules/.installed
	rm -rf imports
	npx cdk8s import --language python --no-check-upgrade

$(VENV)/.installed: pyproject.toml setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_QUIET) -e '.[test,lint,docs,loadtest]' 2> >(grep -v '^WARNING: Location' >&2)
	touch $@

$(SCANNERS)/.installed: requirements-scanners.txt
	test -x $(SCANNERS)/bin/python || $(PYTHON) -m venv $(SCANNERS)
	$(SCANNERS)/bin/pip install $(PIP_QUIET) -r requirements-scanners.txt 2> >(grep -v '^WARNING: Location' >&2)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) $(SCANNERS) node_modules .cache build *.egg-info

# Synth against Kustomize, scale, memory, the gate's share, the test suite's time.
bench: $(VENV)/.bench-installed node_modules/.installed
	$(PY) benchmarks/bench.py $(ARGS)

# One small run, so the benchmark never rots (CI).
bench-smoke: $(VENV)/.bench-installed node_modules/.installed
	$(PY) benchmarks/bench.py --smoke --json build/bench-smoke.json

$(VENV)/.bench-installed: $(VENV)/.installed
	$(PY) -m pip install $(PIP_QUIET) -e '.[test,lint,docs,loadtest,bench]' 2> >(grep -v '^WARNING: Location' >&2)
	touch $@

# The documentation site (construct reference from the docstrings), offline.
docs: $(VENV)/.installed
	$(VENV)/bin/mkdocs build --strict
