# Two commands for a fresh clone: `make synth` and `make test`. Both create what
# they need on first use: .venv/ (the library, its tests and linters),
# node_modules/ (the cdk8s CLI) and, for tests, .venv-scanners/ (checkov, trivy,
# actionlint, zizmor).
#
# The library declares version ranges (pyproject.toml); this repository installs the
# exact versions in constraints.txt: every pip install of .venv/ passes it
# (`make constraints` regenerates it). `make test-lowest` runs the library's tests
# with each runtime dependency at its declared floor (constraints-lowest.txt).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SCANNERS := .venv-scanners
PIP_QUIET := --quiet --disable-pip-version-check
CONSTRAINTS := -c constraints.txt
LOWEST := .venv-lowest

# jsii's settings (its package cache inside the project, no Node 20 banner) are
# set in one place, cdk8s_webservice/runtime.py, by every entry point.
# Let Python cache bytecode (some machines disable it globally): the generated
# bindings alone are ~250 kB of source to compile on every run otherwise.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: system-packages synth cdk8s-app test test-kind test-lowest lint imports docs bench bench-smoke constraints clean

# -O: no asserts (the project validates with exceptions) and no jsii runtime type
# checks, which the tests run with.
synth: $(VENV)/.installed node_modules/.installed
	$(PY) -O main.py

# What `npx cdk8s synth` runs (cdk8s.yaml `app:`): sets up .venv/ on first use, so
# a fresh clone works; the app writes dist/ atomically itself, and the cdk8s CLI's
# own output folder (which it deletes first) is the scratch folder .cdk8s.out/.
cdk8s-app: $(VENV)/.installed
	$(PY) -O main.py

# The suite runs on every core (pytest-xdist, a module per worker at a time, slow modules
# first: tests/conftest.py; `PYTEST_WORKERS=0` runs it in one process)
# with the linters beside it: their output follows the tests', and `make test` fails
# when either does. UPDATE_API_SURFACE=1 rewrites __init__.pyi, which mypy reads: then
# the linters run after the tests.
PYTEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder

test: $(VENV)/.installed node_modules/.installed $(SCANNERS)/.installed system-packages
ifdef UPDATE_API_SURFACE
	$(PYTEST) $(ARGS)
	$(LINT)
else
	@mkdir -p build; \
	{ echo '$(LINT)'; $(LINT); } > build/lint.log 2>&1 & linting=$$!; \
	echo '$(PYTEST) $(ARGS)'; $(PYTEST) $(ARGS); tests=$$?; \
	wait $$linting; linted=$$?; cat build/lint.log; \
	if [ $$linted -ne 0 ]; then echo 'make test: lint failed (above)' >&2; fi; \
	if [ $$tests -ne 0 ]; then exit $$tests; fi; exit $$linted
endif

LINT := $(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy

# The suite by kind, as CI runs it: one job per kind, side by side, each failing on its
# own and naming its kind (`make test` runs them all at once, with the linters). A test
# module belongs to one kind; `constructs` (the constructs and the gate's rules) is every
# module the other kinds do not name. tests/test_kinds.py holds the lists to the files.
#   engines      the real engines: promtool, Helm, k6 against a local server, Kubernetes'
#                and the upstream CRDs' schemas, checkov, trivy, actionlint, zizmor
#   integration  a new user's and a fresh clone's paths: the cdk8s CLI, packaging, the
#                README's example, cold start, watch, fleet
#   release      the command-line tool and its release commands, dist/ written whole
TEST_KINDS := constructs engines integration release
COMMA := ,
KIND_engines := tests/promql tests/gate/test_gate_crds.py tests/gate/test_gate_goyaml.py \
	tests/blacklist/test_helm.py tests/blacklist/test_schema.py tests/blacklist/test_scanners.py \
	tests/loadtest/test_loadtest.py tests/loadtest/test_loadtest_report.py tests/cli/test_argocd_plugin_engines.py
KIND_integration := tests/blacklist/test_cdk8s_cli.py tests/test_cold_start.py tests/test_fleet.py \
	tests/test_service_from_the_docs.py tests/test_packaging.py tests/test_readme.py tests/cli/test_watch.py \
	tests/cli/test_warm.py
KIND_release := tests/cli/test_cli.py tests/cli/test_cluster_commands.py tests/cli/test_releases.py \
	tests/cli/test_argocd_plugin.py tests/blacklist/test_output.py tests/blacklist/test_output_atomic.py
KIND_constructs := tests $(foreach path,$(KIND_engines) $(KIND_integration) $(KIND_release),--ignore=$(path))

test-kind: $(VENV)/.installed node_modules/.installed $(if $(filter engines,$(KIND)),$(SCANNERS)/.installed system-packages)
	@if [ -z "$(filter $(TEST_KINDS),$(KIND))" ] || [ "$(words $(KIND))" != 1 ]; then \
	  echo "error: KIND: '$(KIND)' is not allowed; one of: $(subst $(eval) ,$(COMMA) ,$(TEST_KINDS))" >&2; exit 2; fi
	$(PYTEST) $(KIND_$(KIND)) $(ARGS) || { echo "make test-kind: the $(KIND) tests failed (above)" >&2; exit 1; }

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Regenerate the typed CRD bindings from the project's CRD files (offline).
imports: node_modules/.installed
	rm -rf imports
	npx cdk8s import --language python --no-check-upgrade

$(VENV)/.installed: pyproject.toml setup.py constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_QUIET) $(CONSTRAINTS) -e '.[test,lint,docs,loadtest,watch]' 2> >(grep -v '^WARNING: Location' >&2)
	touch $@

# The library's tests at the lowest versions it allows: each runtime dependency at
# its declared floor (constraints-lowest.txt), their own dependencies as the resolver
# picks them, the test and docs tools at constraints.txt's versions. The scanners and the
# packaging test (which installs constraints.txt's versions) are not about the floors.
test-lowest: $(LOWEST)/.installed node_modules/.installed system-packages
	$(LOWEST)/bin/python -m pytest --ignore=tests/blacklist/test_scanners.py --ignore=tests/test_packaging.py $(ARGS)

$(LOWEST)/.installed: pyproject.toml setup.py constraints.txt constraints-lowest.txt
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/pip install $(PIP_QUIET) $(CONSTRAINTS) pytest syrupy hypothesis mkdocs mkdocstrings mkdocstrings-python helm-python-sdk 2> >(grep -v '^WARNING: Location' >&2)
	$(LOWEST)/bin/pip install $(PIP_QUIET) -c constraints-lowest.txt -e . 2> >(grep -v '^WARNING: Location' >&2)
	$(LOWEST)/bin/pip check
	touch $@

# Regenerate constraints.txt: the newest versions pyproject.toml's ranges allow, for
# the runtime dependencies and every extra, resolved in a scratch virtualenv.
constraints:
	rm -rf build/constraints-venv
	$(PYTHON) -m venv build/constraints-venv
	build/constraints-venv/bin/pip install $(PIP_QUIET) '.[test,lint,docs,bench,release,watch]' 2> >(grep -v '^WARNING: Location' >&2)
	{ sed -n '/^#/p' constraints.txt; build/constraints-venv/bin/pip freeze --all --exclude-editable \
	    | grep -v -i -E '^(pip|cdk8s-webservice)=='; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf build/constraints-venv

# The real engines the tests run that come from Debian, installed when one is missing, as
# root (CI) or with sudo: promtool (`prometheus`: the alert, canary, dashboard and adapter
# queries run by `promtool test rules`, tests/promql/) and go-yaml v2 and v3 (the gate's
# tests read YAML with them: tests/gate/test_gate_goyaml.py builds a small reader in GOPATH
# mode, under build/).
SYSTEM_PACKAGES := prometheus golang-go golang-gopkg-yaml.v2-dev golang-gopkg-yaml.v3-dev
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

system-packages:
	@if ! command -v go >/dev/null || ! command -v promtool >/dev/null || ! dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1; then \
	  echo 'make: installing $(SYSTEM_PACKAGES) (the real engines the tests run)'; \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(SYSTEM_PACKAGES); \
	fi

# The scanners pin their own versions (requirements-scanners.txt, a virtualenv of its own).
$(SCANNERS)/.installed: requirements-scanners.txt
	test -x $(SCANNERS)/bin/python || $(PYTHON) -m venv $(SCANNERS)
	$(SCANNERS)/bin/pip install $(PIP_QUIET) -r requirements-scanners.txt 2> >(grep -v '^WARNING: Location' >&2)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) $(SCANNERS) $(LOWEST) node_modules .cache build *.egg-info

# Synth against Kustomize, scale, memory, the gate's share, the test suite's time.
bench: $(VENV)/.bench-installed node_modules/.installed
	$(PY) benchmarks/bench.py $(ARGS)

# One small run, so the benchmark never rots (CI).
bench-smoke: $(VENV)/.bench-installed node_modules/.installed
	$(PY) benchmarks/bench.py --smoke --json build/bench-smoke.json

$(VENV)/.bench-installed: $(VENV)/.installed
	$(PY) -m pip install $(PIP_QUIET) $(CONSTRAINTS) -e '.[test,lint,docs,loadtest,watch,bench]' 2> >(grep -v '^WARNING: Location' >&2)
	touch $@

# The documentation site (construct reference from the docstrings), offline.
docs: $(VENV)/.installed
	$(VENV)/bin/mkdocs build --strict
