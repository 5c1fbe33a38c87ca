# Partnerhub: `make run` serves the product with the demo cases; `make test` runs the suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 3
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run serve install install-test migrate demo static test test-postgres lint typecheck ensure-chromium \
        check-deploy messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e . 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python -c "import django, gunicorn, whitenoise" && touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/python -c "import pytest, pytest_django, factory, mypy" && touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	@mkdir -p var
	$(BIN)/partnerhub migrate --no-input -v 0
	$(BIN)/partnerhub createcachetable

# Loads the five cases only into an empty database; running it again changes nothing.
demo: migrate
	$(BIN)/partnerhub load-demo

static: install
	$(BIN)/partnerhub collectstatic --no-input -v 0

run: demo static
	@echo
	@echo "Partnerhub is starting on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "Stop it with Ctrl+C."
	$(BIN)/gunicorn partnerhub.wsgi:application --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--access-logfile - --graceful-timeout 10

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-test
	$(BIN)/mypy partnerhub

# pytest exits 5 when it collects no tests: that is a failure here, never a pass.
define run_pytest
	$(BIN)/pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; exit $$status
endef

# The browser tests drive Debian's chromium; installed here when missing (as postgresql is).
ensure-chromium:
	scripts/ensure-chromium

test: install-test lint typecheck ensure-chromium
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=partnerhub.settings.test $(BIN)/python manage.py makemigrations --check --dry-run -v 0
	$(run_pytest)

test-postgres: install-test
	@if [ -n "$${DATABASE_URL:-}" ]; then $(MAKE) --no-print-directory pytest-only; \
	else scripts/with-postgres $(MAKE) --no-print-directory pytest-only; fi

pytest-only: install-test ensure-chromium
	$(run_pytest)

check-deploy: install
	DJANGO_SETTINGS_MODULE=partnerhub.settings.production \
	SECRET_KEY="ci-$$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')" \
	ALLOWED_HOSTS=partnerhub.example.org DATABASE_URL=sqlite:///var/check-deploy.sqlite3 \
	EMAIL_HOST=smtp.example.org DEFAULT_FROM_EMAIL=noreply@example.org \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

messages: install
	cd partnerhub && ../$(BIN)/django-admin makemessages -l pl -l sl --no-obsolete --ignore 'static/vendor/*' --ignore 'tests/*' --ignore '*/tests/*'
	cd partnerhub && ../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

# Benchmarks (partnerhub bench): each figure side by side with its baseline, measured on a
# synthetic dataset in a separate bench database, never var/partnerhub.sqlite3.
.PHONY: bench-small bench

# The graph measures are compared with networkx (the `bench` extra: networkx, scipy); the API
# load comes from wrk (Debian's package) when it can be installed, else from a Python
# generator — the report says which.
$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[bench]' 2>&1 | grep -v '^WARNING: Location' || true
	touch $@
BENCH_WRK = command -v wrk >/dev/null 2>&1 || { apt-get install -y -qq wrk || \
	{ apt-get update -qq && apt-get install -y -qq wrk; }; } >/dev/null 2>&1 || \
	echo "wrk is not installed: the API load comes from the Python generator"

# Smoke run of the whole harness on 5 000 organisations (CI-friendly, ~1 min; asserts no
# timings).
bench-small: $(VENV)/.installed-bench
	@mkdir -p var
	@$(BENCH_WRK)
	$(BIN)/partnerhub bench --scale small --db sqlite --fresh --no-progress --output var/bench-small.md

# National scale (200 000 organisations) on SQLite (var/bench-national.sqlite3, generated
# once) and on a throwaway PostgreSQL 15 (generated each run), one after the other and
# niced; rewrites their sections of docs/benchmarks.md (~40 min each on a shared machine).
bench: $(VENV)/.installed-bench
	@mkdir -p var
	@$(BENCH_WRK)
	nice -n 10 $(BIN)/partnerhub bench --scale national --db sqlite
	nice -n 10 $(BIN)/partnerhub bench --scale national --db postgres

# The committed OpenAPI snapshot (partnerhub/api/schema.yaml): refresh it after a deliberate
# API change; a test fails while the served schema differs from it.
.PHONY: api-schema
api-schema: install
	$(BIN)/partnerhub spectacular --file partnerhub/api/schema.yaml --validate --fail-on-warn
