# Laurel: each target is a thin wrapper; the scripts/ they call say what they do.
# The newest Python the tests run fastest on (scripts/python.sh says why and how it looks).
PYTHON ?= $(shell scripts/python.sh)
VENV := .venv
PORT ?= 8000
export PORT

.PHONY: run test lint messages demo backup clean-venv

## make run: install, migrate, load the default award, serve on http://127.0.0.1:$(PORT)
run: $(VENV)/.installed-base
	scripts/run.sh

## make demo: a fictional batch of nominations (with duplicates) in the local database
demo: $(VENV)/.installed-base
	scripts/demo.sh

## make backup: the database and the uploads in one archive under var/backups (restore:
## scripts/manage.sh restore var/backups/laurel-backup-….tar.gz --yes, with the site stopped)
backup: $(VENV)/.installed-base
	scripts/manage.sh backup $(if $(OUTPUT),--output $(OUTPUT))

## make test: lint (Python, imports, templates), the whole suite on SQLite and on PostgreSQL (browser included)
test: $(VENV)/.installed-test
	scripts/test.sh

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(VENV)/bin/djlint templates laurel --lint

## make messages: refresh locale/sv from the code and templates, and each public-only language's
## catalogue from the public sources (laurel.cycles.catalogue); compile (needs GNU gettext)
messages: $(VENV)/.installed-base
	$(VENV)/bin/python manage.py makemessages -l sv --no-location --no-obsolete -i ".venv/*" -i "var/*"
	$(VENV)/bin/python manage.py compilemessages -l sv --ignore ".venv"
	$(VENV)/bin/python manage.py public_messages

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

$(VENV)/.installed-base: requirements/base.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.installed-test: requirements/test.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements/test.txt
	touch $(VENV)/.installed-base $@

clean-venv:
	rm -rf $(VENV)
