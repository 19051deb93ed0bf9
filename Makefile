# Two commands: `make run` (set up and serve) and `make test` (set up and test).
# No DATABASE_URL -> an embedded PostgreSQL in .pgdata/ (started once, reused).

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Django 6 needs Python >= 3.12: the first suitable interpreter on PATH or under pyenv.
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
CHROMIUM := /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000
export XDG_RUNTIME_DIR ?= /tmp

.PHONY: run serve stop test bench install browser migrate seed check help screenshots screenshots-sources axe

help:
	@echo "make run    - set up and serve the app on http://$(HOST):$(PORT) with seed data"
	@echo "make test   - set up and run the whole test suite"
	@echo "make serve  - serve as production would (gunicorn, DEBUG off)"
	@echo "make bench  - run the benchmark suite, write bench/RESULTS.md"
	@echo "make stop   - stop the embedded PostgreSQL (its data in .pgdata/ stays)"
	@echo "make screenshots - take the README's screenshots (docs/*.png) in the browser"

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 is needed (Django 6); none found." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

install: $(VENV)/.installed

# The benchmarks' extra (the medium French model, compared with the small one in B7).
$(VENV)/.bench-installed: bench/requirements.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r bench/requirements.txt
	@touch $@

# Browser tests drive Debian's Chromium; never a browser downloaded by a test tool.
browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py seed

run: seed
	@echo "Serving on http://$(HOST):$(PORT) (demo users: analyst / analyst-demo, reviewer / reviewer-demo, admin / admin-demo)"
	@# The tasks worker (attribution suggestions) runs beside the server and stops with it; it
	@# outlives database restarts (run_worker). (Its own process group, so that one kill stops
	@# it and its autoreloader's child.) runserver starts a thread, and so a database
	@# connection, per request: a small pool bounds them (DJANGO_DB_POOL_MAX).
	@export DJANGO_DEBUG=$${DJANGO_DEBUG:-1} DJANGO_DB_POOL_MAX=$${DJANGO_DB_POOL_MAX:-6}; \
	set -m; $(BIN)/python manage.py run_worker & worker=$$!; set +m; \
	trap 'kill -- -$$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production-like serving: gunicorn (workers from the core count), DEBUG off, static files
# through whitenoise, pooled database connections, the tasks worker beside it.
CORES := $(shell nproc 2>/dev/null || echo 2)
WORKERS ?= $(shell echo $$(( $(CORES) * 2 + 1 )))
THREADS ?= 4
SETTINGS ?= annotator.settings.production
PROD := DJANGO_SETTINGS_MODULE=$(SETTINGS) \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
	DJANGO_SECURE_SSL_REDIRECT=$${DJANGO_SECURE_SSL_REDIRECT:-0} \
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}

# The tasks workers: TASKS_WORKERS processes of django-tasks-db's worker by default (one a core:
# an import's sentences and suggestions are split into tasks that they share); Celery's worker
# with as many processes when CELERY_BROKER_URL names a broker (RabbitMQ or Redis; more workers
# on other hosts: `celery -A annotator worker`).
TASKS_WORKERS ?= $(CORES)
TASKS_WORKER = $$(if [ -n "$$CELERY_BROKER_URL" ]; then \
	echo "$(BIN)/celery -A annotator worker -l WARNING --concurrency $(TASKS_WORKERS)"; \
	else echo "$(BIN)/python manage.py run_worker"; fi)
TASKS_PROCESSES = $$(if [ -n "$$CELERY_BROKER_URL" ]; then echo 1; else echo $(TASKS_WORKERS); fi)

# MALLOC_MMAP_THRESHOLD_: glibc's threshold for handing a block straight back to the system,
# fixed at 128 KiB. Left to adjust itself it rises with the first large strings an export makes,
# and later ones fragment the heap: a worker kept 40 MiB more after exporting a million claims
# as doccano (measured in-process: +40 MiB at the default, +20 MiB fixed; W3C +78 and +39).
serve: migrate
	$(PROD) $(BIN)/python manage.py collectstatic --noinput -v 0
	$(PROD) $(BIN)/python manage.py createcachetable
	@echo "Serving (production settings) on http://$(HOST):$(PORT) with $(WORKERS) workers x $(THREADS) threads"
	@export $(PROD) GUNICORN_CONTROL_SOCKET=$${GUNICORN_CONTROL_SOCKET:-$(XDG_RUNTIME_DIR)/annotator-gunicorn-$(PORT).ctl} \
		MALLOC_MMAP_THRESHOLD_=$${MALLOC_MMAP_THRESHOLD_:-131072}; \
	workers=; for i in $$(seq $(TASKS_PROCESSES)); do $(TASKS_WORKER) & workers="$$workers $$!"; done; \
	trap 'kill $$workers 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn annotator.wsgi:application --config gunicorn.conf.py --bind $(HOST):$(PORT) \
		--workers $(WORKERS) --worker-class gthread --threads $(THREADS) \
		--access-logfile - --error-logfile - --graceful-timeout 10

# The embedded PostgreSQL keeps running between runs (so `make run` and `make test` start
# fast); this stops it. Its data in .pgdata/ stays. (Nothing to do with a DATABASE_URL server.)
stop:
	@if [ -n "$$DATABASE_URL" ]; then echo "DATABASE_URL is set: that server is not ours to stop."; \
	elif [ -x $(BIN)/python ]; then $(BIN)/python -c 'from pathlib import Path; from annotator.embedded_db import stop_embedded_database as stop; print(stop(Path(".pgdata").resolve()))'; \
	else echo "Nothing to stop (no .venv yet)."; fi

test: install browser
	DJANGO_SETTINGS_MODULE=annotator.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

# axe-core for the accessibility checks of the browser tests (never served by the app):
# installed from npm at the version pinned in tests/browser/package.json, its built file copied.
axe:
	cd tests/browser && npm install --no-audit --no-fund --no-save && cp node_modules/axe-core/axe.min.js axe.min.js && rm -rf node_modules package-lock.json

check: install
	DJANGO_SETTINGS_MODULE=annotator.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# Benchmarks: synthetic corpus in its own database, measured against `make serve`.
# BENCH_SIZE=S|M|L (M by default); results in bench/RESULTS.md.
bench: $(VENV)/.bench-installed
	$(BIN)/python bench/run.py

# The README's pictures (docs/*.png): the project page, My queue and curation from the demo data;
# then the annotate page, the review queue and the dashboard through the browser tests' fixtures
# (tests/browser/screenshots.py, run on its own: the test suite never writes under docs/).
screenshots: seed browser
	$(BIN)/python scripts/screenshots.py
	DJANGO_SETTINGS_MODULE=annotator.settings.test $(BIN)/python -m pytest tests/browser/screenshots.py -q -p no:cacheprovider

# docs/source-page.png and docs/network.png from the seed data, in their own database.
screenshots-sources: install browser
	$(BIN)/python docs/screenshots_sources.py
