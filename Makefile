# The commands README.md and CI use. `make demo` and `make test` work on a fresh machine with
# Python 3.11 and the package registries; both create .venv (so .venv/bin/warta is the CLI).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo.db

.PHONY: demo test lint docs bench fuzz eval clean install install-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## demo: analyse the bundled examples, store them, and say how to explore them
demo: install
	$(BIN)/warta analyze examples/articles/berita-kunjungan.txt --format text
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/warta ingest examples/articles --db $(DEMO_DB)
	$(BIN)/warta stats --db $(DEMO_DB)
	@echo
	@echo "Explore the demo store:  $(BIN)/warta serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"

## test: lint, types (mypy --strict over src/, settings in pyproject.toml), then the whole suite,
## one pytest worker per core (pytest-xdist: CI's 15-minute limit)
## (tests needing ../shared/data skip themselves when it is absent)
test: install-dev
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/pytest -q -n auto

lint: install-dev
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

## docs: regenerate the generated blocks of docs/*.md (CLI options, record fields, settings)
docs: install-dev
	$(BIN)/python scripts/gen_cli_docs.py

## fuzz: 10,000 generated malformed inputs through read → analyze → store (`make test` runs 400)
fuzz: install
	$(BIN)/python bench/fuzz.py --count 10000 --seed 1

bench: install
	$(BIN)/python bench/nlp_speed.py
	$(BIN)/python bench/ingest_detik.py
	$(BIN)/python bench/explorer_pages.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info $(DEMO_DB)*
