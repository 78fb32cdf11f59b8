# Concord: `make run` sets everything up and serves the site; `make test` runs the whole suite.
PYTHON ?= python3.11
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
MANAGE := $(PY) manage.py

.PHONY: run setup install test lint check-deploy messages clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pinned dependencies change.
$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check ".[test]"
	touch $@

install: $(INSTALLED)

setup: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) load_initial_data

# The task worker runs in the background and stops with the web server (Ctrl-C stops both).
run: setup
	@echo "Concord is starting on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) db_worker & worker=$$!; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff check .

check-deploy: install
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=concord.example.org $(MANAGE) check --deploy --fail-level WARNING

test: install lint check-deploy
	$(MANAGE) makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

# Regenerate the translation catalogues after changing UI strings (needs GNU gettext). Each app
# and sub-app keeps its own catalogue, so a parent skips its sub-apps.
MAKEMESSAGES := $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages --locale zh_Hans --ignore '*/migrations/*'
messages: install
	cd site && $(MAKEMESSAGES)
	cd lawdb && $(MAKEMESSAGES) --ignore 'drafts/*'
	cd lawdb/drafts && $(MAKEMESSAGES)
	cd consultations && $(MAKEMESSAGES) --ignore 'campaigns/*' --ignore 'inbox/*'
	cd consultations/campaigns && $(MAKEMESSAGES)
	cd consultations/inbox && $(MAKEMESSAGES)
	$(MANAGE) compilemessages --ignore '.venv'

clean:
	rm -rf $(VENV) var
