# `make run` starts the app and `make test` runs every check; both set everything up first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test bench lint format clean native

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[native]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,native]'
	touch $@ $(VENV)/.installed-run

# The extractor compiled with mypyc (briefing/extract/native.py); quick when up to date,
# and the plain Python extractor runs when there is no C compiler.
native: $(VENV)/.installed-run
	@$(PY) -c 'import sys; from briefing.extract.native import main; sys.exit(main())'

run: $(VENV)/.installed-run
	@.ci/sysdeps run
	@$(MAKE) --no-print-directory native
	$(PY) main.py

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy briefing ui main.py

test: $(VENV)/.installed-test
	@.ci/sysdeps test
	@$(MAKE) --no-print-directory native
	$(MAKE) --no-print-directory lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

bench: $(VENV)/.installed-test
	@$(MAKE) --no-print-directory native
	$(PY) -m tests.bench

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
