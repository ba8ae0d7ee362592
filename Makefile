# The commands the README promises, each one line.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: example preview-image test lint bench clean

$(VENV)/.installed: pyproject.toml setup.py
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

## Build the bundled example workshop into dist/ (installs the kit first if needed).
example: $(VENV)/.installed
	$(VENV)/bin/kit build examples/wye-valley/workshop.yaml -o dist/wye-valley

## Redraw the README's contact sheet of the example pack, docs/example-pack.png (needs LibreOffice).
preview-image: example
	$(VENV)/bin/kit preview dist/wye-valley -o docs/example-pack.png --size small --force

## Install everything and run the whole test suite.
test: $(VENV)/.installed
	$(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests benchmarks templates examples
	$(VENV)/bin/ruff format --check src tests benchmarks templates examples
	$(VENV)/bin/mypy

bench: $(VENV)/.installed
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) dist build *.egg-info
