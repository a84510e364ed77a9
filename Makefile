# Two entry points (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test install install-test test-deps bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## Set up and run the main job on the shipped seeds.
demo: install
	$(BIN)/kg validate seeds
	$(BIN)/kg path "SoftBank Group" 中芯国际
	$(BIN)/kg exposure japan-55b-investment-tool --type firm --country CN
	$(BIN)/kg render -o graph.html --force
	@echo "Open graph.html in a browser."

## Set up and run every test (Chromium from Debian, Neo4j from Maven Central).
test: install-test test-deps
	$(BIN)/lint-imports --no-logo
	$(BIN)/mypy
	node --test tests/js
	$(BIN)/python -m pytest

test-deps:
	scripts/install-test-deps

bench: install-test
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) graph.html .pytest_cache
