PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
GRAPH := data/triples.ttl
SOURCES := $(wildcard data/sources/*) $(wildcard data/registry/*)

.PHONY: run test lint build clean bench

$(BIN)/policykg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(GRAPH): $(BIN)/policykg $(SOURCES) $(shell find kg -name '*.py') ontology/policykg.ttl
	$(BIN)/policykg build --strict -o $(GRAPH)

build: $(GRAPH)

run: $(BIN)/policykg $(GRAPH)
	$(BIN)/policykg serve --host 127.0.0.1 --port 8000

lint: $(BIN)/policykg
	$(BIN)/ruff check kg api tests bench
	$(BIN)/ruff format --check kg api tests bench

test: $(BIN)/policykg lint
	$(BIN)/pytest

bench: $(BIN)/policykg
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/questions.py
	$(BIN)/python bench/validate.py
	$(BIN)/python bench/serve.py
	$(BIN)/python bench/reason.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
