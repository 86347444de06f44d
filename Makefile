# The MTCR Plenary Archive: `make run` serves it, `make test` checks it.
# Needs only Python 3.11 (or a python3 of 3.11-3.12), make and git.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 3
PYTEST_ARGS ?=

# DEBUG is off unless DJANGO_DEBUG says otherwise, so the site needs a secret key:
# the environment's if it has one, else this machine's own, made once into
# .secret_key (git ignores it).
WITH_KEY = DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat .secret_key)}"
# gunicorn 27 opens a control socket at one path per user, which a second server
# (tests, benchmarks) would take over: this one does without.
GUNICORN_OWN_SOCKET = $$($(BIN)/python -c "import gunicorn; \
	print('--no-control-socket' if gunicorn.version_info >= (27,) else '')")
# The checks run with the development settings; pytest reads tests/settings.py.
WITH_DEBUG = DJANGO_DEBUG=1

.PHONY: help install run test test-fast check-archive fixtures bench loadtest clean

help:
	@echo "make install   create $(VENV) and install the project with its test tools"
	@echo "make run       migrate, load the archive, serve on http://127.0.0.1:$(PORT)/"
	@echo "make test      ruff, migrations check, system checks, the whole test suite"
	@echo "make test-fast the tests not marked slow, browser or postgres (under a minute)"
	@echo "make check-archive  load the archive into a fresh database, run its consistency rules"
	@echo "make fixtures  rebuild fixtures/ from the documents in sources/"
	@echo "make bench     benchmark the pages (see benchmarks/bench.py)"
	@echo "make loadtest  64 connections for 60 s on every page (benchmarks/load.py)"

install: $(VENV)/.installed .secret_key

# Reinstalled only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 not found (python3.11 or python3)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

.secret_key:
	@umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@echo "Generated a secret key for this machine in .secret_key"

run: install
	$(WITH_KEY) $(BIN)/python manage.py migrate --noinput
	@ls fixtures/*.json >/dev/null 2>&1 || $(MAKE) --no-print-directory fixtures
	$(WITH_KEY) $(BIN)/python manage.py load_archive
	$(WITH_KEY) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Serving the archive on http://127.0.0.1:$(PORT)/ (staff: /admin/)"
	$(WITH_KEY) DJANGO_SITE_URL="$${DJANGO_SITE_URL:-http://127.0.0.1:$(PORT)}" \
		exec $(BIN)/gunicorn mtcr_site.wsgi --bind 127.0.0.1:$(PORT) \
		--workers $(WORKERS) --access-logfile - $(GUNICORN_OWN_SOCKET)

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(WITH_DEBUG) $(BIN)/python manage.py makemigrations --check --dry-run
	$(WITH_DEBUG) $(BIN)/python manage.py check
	$(MAKE) --no-print-directory check-archive
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python -m pytest --durations=40 $(PYTEST_ARGS)

# The parsers, models and views on the small archive: no real archive loads, no
# grown or synthetic archives, no subprocesses, no browser, no PostgreSQL.
FAST = not slow and not browser and not postgres

test-fast: install
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python -m pytest -q -m "$(FAST)" $(PYTEST_ARGS)

# The archive's consistency rules (checks/) over the archive as load_archive loads
# it, in a fresh SQLite database of its own, whatever DATABASE_URL says: fails on a
# finding not explained in sources/known-findings.toml.
check-archive: install
	@set -e; dir="$$(mktemp -d)"; trap 'rm -rf "$$dir"' EXIT; \
	export DATABASE_URL="sqlite:///$$dir/archive.sqlite3" $(WITH_DEBUG); \
	$(BIN)/python manage.py migrate --noinput --verbosity 0; \
	$(BIN)/python manage.py load_archive --verbosity 0; \
	$(BIN)/python manage.py check_archive

fixtures: install
	$(WITH_DEBUG) $(BIN)/python manage.py build_fixtures

bench: install
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

loadtest: install
	$(BIN)/python benchmarks/load.py $(LOAD_ARGS)

clean:
	rm -rf staticfiles .pytest_cache
