# The two commands: `make run` (pipeline over corpus/, then its review pages) and `make test` (the test suite).
# Both create .venv and install the project with its spaCy model on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test eval rules screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/claims run corpus/articles --out out
	$(BIN)/claims report out --html

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/claims eval corpus

rules: $(STAMP)
	$(BIN)/claims rules check

screenshots: $(STAMP)
	CLAIMS_SCREENSHOTS=out/screenshots $(BIN)/python -m pytest -q tests/review/test_pages_browser.py tests/review/test_desk_browser.py tests/review/test_groups_browser.py

clean:
	rm -rf $(VENV) out/*.csv out/*.json out/*.jsonl
