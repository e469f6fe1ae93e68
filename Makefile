# The two set-up commands of the README. Both create .venv and install everything first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo.db

.PHONY: demo test test-fast install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsfusion ingest demo/wikinews-2005-2010.jsonl --db $(DEMO_DB)
	$(BIN)/newsfusion stories --db $(DEMO_DB)
	$(BIN)/newsfusion story 1 --db $(DEMO_DB)
	@echo
	@echo "Browse it in the web UI: $(BIN)/newsfusion serve --db $(DEMO_DB)  then open http://127.0.0.1:8000"

# Every test: unit, slow, data-set and browser tests.
test: $(STAMP)
	$(BIN)/python -m pytest -m "" -q

# Only the fast unit tests.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) *.egg-info $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
