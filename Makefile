# apanalysis — run `make help` for the targets.
# Every target that needs Python first creates or refreshes .venv from pyproject.toml
# (with uv when it can be had: about 10x faster than pip; INSTALLER=pip forces plain pip).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
KERNEL := apanalysis
INSTALLER ?= auto
# Extra options for the apanalysis command of reports/parse/validate, e.g. ARGS="--year 2020".
ARGS   ?=
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# JupyterLab refuses to start as root unless told: say so and pass --allow-root.
LAB_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

.DEFAULT_GOAL := help
.PHONY: help setup reports parse validate test test-fast lab lint format structure bench bench-setup clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@if [ "$(INSTALLER)" != pip ] && $(PIP) uv >/dev/null 2>&1 \
	    && $(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]'; then \
	  echo "installed the dependencies with uv"; \
	else \
	  echo "installing the dependencies with pip (slower; uv could not be had)"; \
	  $(PIP) -e '.[dev]'; \
	fi
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (apanalysis)" >/dev/null
	@touch $(STAMP)

setup: $(STAMP) ## create/refresh .venv, install the package editable, register the Jupyter kernel

reports: setup ## parse every year in data/raw and build its HTML reports into reports/
	$(BIN)/apanalysis build $(ARGS)

parse: setup ## parse every year into data/processed/<year>/ (CSV + Parquet)
	$(BIN)/apanalysis parse $(ARGS)

validate: setup ## list problems found in the raw reports (non-zero exit if any)
	$(BIN)/apanalysis validate $(ARGS)

test: setup ## run the whole test suite (unit, back-tests, report builds)
	$(BIN)/python -m pytest

test-fast: setup ## the unit tests and back-tests only (skips the slow report builds)
	$(BIN)/python -m pytest -m "not slow"

lab: setup ## open JupyterLab on notebooks/ with the project's kernel
	@$(if $(LAB_ROOT),echo "make lab: running as root - JupyterLab is started with --allow-root")
	$(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_ROOT)

lint: setup ## ruff check, ruff format --check, and the architecture rules (tools/structure.py)
	$(BIN)/ruff check src tests benchmarks tools notebooks
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/python tools/structure.py --check

structure: setup ## the package's rooms, their modules and which rooms each one imports
	$(BIN)/python tools/structure.py

format: setup ## format the code with ruff
	$(BIN)/ruff format src tests benchmarks tools

bench: setup ## benchmark parsing and building (not part of make test)
	$(BIN)/python benchmarks/bench.py

bench-setup: ## time clone -> make reports -> index.html, pip vs uv (downloads packages; opt-in)
	$(PYTHON) benchmarks/setup_time.py

clean: ## remove generated data, figures and reports (never data/raw)
	rm -rf data/processed/[0-9]* figures/[0-9]* reports
