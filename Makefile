# apanalysis — run `make help` for the targets.
# Every target that needs Python first creates or refreshes .venv from pyproject.toml
# (with uv when it can be had: about 10x faster than pip; INSTALLER=pip forces plain pip).
# What is installed follows the target: `make reports` installs what a build needs only; the
# test tools come with `make test` (extra "dev"), JupyterLab with `make lab` (extra "lab").

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEV_STAMP := $(VENV)/.installed-dev
LAB_STAMP := $(VENV)/.installed-lab
KERNEL := apanalysis
INSTALLER ?= auto
# Extra options for the apanalysis command of reports/parse/validate, e.g. ARGS="--year 2020".
ARGS   ?=
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# JupyterLab refuses to start as root unless told: say so and pass --allow-root.
LAB_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

UV_HOME := $(VENV)/.uv
# The uv to install with (prints its path): one on PATH, else its wheel from PyPI unpacked into
# .venv/.uv by tools/fetch_uv.py (1 s), else one that $(PYTHON)'s own pip puts there (5 s).
FIND_UV := command -v uv || { { [ -x $(UV_HOME)/bin/uv ] || $(PYTHON) tools/fetch_uv.py $(UV_HOME) >/dev/null || $(PYTHON) -m pip install --quiet --disable-pip-version-check --target $(UV_HOME) uv >/dev/null 2>&1; } && [ -x $(UV_HOME)/bin/uv ] && echo $(UV_HOME)/bin/uv; }

# What a build and the tests leave out when they install with uv (the file says why); make lab
# installs them with JupyterLab.
BUILD_EXCLUDES := --excludes tools/build-env-excludes.txt

# $(call install,SPEC,UV_OPTIONS): install SPEC (e.g. -e .) into .venv with uv (and its extra
# UV_OPTIONS), or with pip (added to the venv first) when uv cannot be had, fails (an old uv on
# PATH may not know --excludes, added in 2025) or INSTALLER=pip.
define install
	@if [ "$(INSTALLER)" != pip ] && uv=$$($(FIND_UV)) \
	    && "$$uv" pip install --quiet --python $(BIN)/python $(2) $(1); then \
	  echo "installed $(1) with uv"; \
	else \
	  echo "installing $(1) with pip (slower; uv could not be had, or failed: see above)"; \
	  $(BIN)/python -m ensurepip --upgrade >/dev/null && $(PIP) $(1); \
	fi
endef

.DEFAULT_GOAL := help
.PHONY: help setup setup-dev reports parse validate test test-fast lab lint format structure bench bench-setup clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

# The build's own dependencies. The bytecode of what a build imports and the matplotlib font cache
# are made once here (tools/compile_imports.py says why), not by every kernel of every build; the
# same step registers the kernel.
$(STAMP): pyproject.toml tools/build-env-excludes.txt
	$(PYTHON) -m venv --without-pip $(VENV)
	$(call install,-e .,$(BUILD_EXCLUDES))
	$(BIN)/python tools/compile_imports.py --kernel $(KERNEL) "Python (apanalysis)"
	@rm -f $(DEV_STAMP) $(LAB_STAMP)
	@touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(call install,-e '.[dev]',$(BUILD_EXCLUDES))
	@touch $(DEV_STAMP)

$(LAB_STAMP): $(STAMP)
	$(call install,-e '.[lab]')
	$(BIN)/python tools/compile_imports.py --lab
	@touch $(LAB_STAMP)

setup: $(STAMP) ## create/refresh .venv, install the package editable, register the Jupyter kernel

setup-dev: $(DEV_STAMP) ## setup, plus the test and lint tools (pytest, ruff, playwright…)

reports: setup ## parse every year in data/raw and build its HTML reports into reports/
	$(BIN)/apanalysis build $(ARGS)

parse: setup ## parse every year into data/processed/<year>/ (CSV + Parquet)
	$(BIN)/apanalysis parse $(ARGS)

validate: setup ## list problems found in the raw reports (non-zero exit if any)
	$(BIN)/apanalysis validate $(ARGS)

test: setup-dev ## run the whole test suite (unit, back-tests, report builds)
	$(BIN)/python -m pytest

test-fast: setup-dev ## the unit tests and back-tests only (skips the slow report builds)
	$(BIN)/python -m pytest -m "not slow"

lab: $(LAB_STAMP) ## open JupyterLab on notebooks/ with the project's kernel
	@$(if $(LAB_ROOT),echo "make lab: running as root - JupyterLab is started with --allow-root")
	$(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_ROOT)

lint: setup-dev ## ruff check, ruff format --check, and the architecture rules (tools/structure.py)
	$(BIN)/ruff check src tests benchmarks tools notebooks
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/python tools/structure.py --check

structure: setup-dev ## the package's rooms, their modules and which rooms each one imports
	$(BIN)/python tools/structure.py

format: setup-dev ## format the code with ruff
	$(BIN)/ruff format src tests benchmarks tools

bench: setup-dev ## benchmark parsing and building (not part of make test)
	$(BIN)/python benchmarks/bench.py

bench-setup: ## time clone -> make reports -> index.html, pip vs uv (downloads packages; opt-in)
	$(PYTHON) benchmarks/setup_time.py

clean: ## remove generated data, figures and reports (never data/raw)
	rm -rf data/processed/[0-9]* figures/[0-9]* reports
