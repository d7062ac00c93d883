# Two commands for a fresh clone: `make synth` and `make test`. Both create the
# project's own .venv/ and node_modules/ on first use.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python

# jsii runs the construct libraries in Node.js: keep its unpacked-package cache
# inside the project (an empty cache costs ~0.5 s a run) and silence the
# end-of-life banner Node 20 would print on every run.
export JSII_RUNTIME_PACKAGE_CACHE_ROOT := $(CURDIR)/.cache/jsii
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20

.PHONY: synth test imports clean

synth: $(VENV)/.installed node_modules/.installed
	$(PY) main.py

test: $(VENV)/.installed node_modules/.installed
	$(PY) -m pytest $(ARGS)

# Regenerate the typed CRD bindings from the project's CRD files (offline).
imports: node_modules/.installed
	rm -rf imports
	npx cdk8s import --language python --no-check-upgrade

$(VENV)/.installed: pyproject.toml setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) node_modules .cache build *.egg-info
