# The two commands a newcomer needs: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
SCALE ?= demo

# `make bench` keeps each scale in an embedded database of its own (sdd_bench_demo, ...),
# so the data of `make run` stays as it is. Ignored when DATABASE_URL is set.
bench: export SDD_DATABASE_NAME = sdd_bench_$(SCALE)
# bench_data and bench live in proefdata/, installed only with SDD_PROEFDATA (docs/configuration.md).
bench: export SDD_PROEFDATA = true

# Coverage in `make test`: the whole suite fails below this floor (measured: 91.9 % with
# 679 tests on 2026-12-07); a partial run (PYTEST_ARGS) only reports. COVERAGE=0: no measuring.
COVERAGE ?= 1
COVERAGE_FLOOR := 92
COV_ARGS = $(if $(filter 1,$(COVERAGE)),--cov --cov-report=term:skip-covered \
	$(if $(PYTEST_ARGS),,--cov-fail-under=$(COVERAGE_FLOOR)))
# djLint: the project's templates and those of any app.
TEMPLATE_DIRS = $(wildcard templates */templates)

.PHONY: run test security-sweep lint format bootstrap totp migrations shell clean-data bench openapi lock \
	mypy-baseline lint-ruff lint-templates lint-upgrade lint-types lint-imports \
	lint-migrations lint-openapi

run: ## Start the portal with demo data at http://127.0.0.1:8000 (web, worker, beat)
	@bash scripts/bootstrap.sh run
	@$(PY) -m sdd_portal.devserver

test: ## Run the whole test suite (embedded PostgreSQL and Redis unless DATABASE_URL/REDIS_URL)
	@bash scripts/bootstrap.sh test
	@$(PY) -m pytest $(COV_ARGS) $(PYTEST_ARGS)

security-sweep: ## Fuzz, cross-tenant and injection sweeps over every URL, with their figures
	@bash scripts/bootstrap.sh test
	@$(PY) -m pytest tests/security -p no:cacheprovider -q -s

# The gate, cheapest check first; `make -k lint` runs every check and reports all failures.
lint: lint-ruff lint-templates lint-upgrade lint-imports lint-types lint-migrations lint-openapi ## All checks below (CI runs this first)

bootstrap: ## Install what `make run` needs (Debian packages, .venv from requirements/dev.txt, assets)
	@bash scripts/bootstrap.sh run

lint-ruff: bootstrap ## ruff check and ruff format --check
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

lint-templates: bootstrap ## djLint on the templates (profile django, [tool.djlint])
	@$(VENV)/bin/djlint $(TEMPLATE_DIRS) --lint --quiet

lint-upgrade: bootstrap ## django-upgrade --check: code that an upgrade to Django 5.2 idioms would rewrite
	@git ls-files -z -- '*.py' ':!:*/migrations/*' \
	  | xargs -0 $(VENV)/bin/django-upgrade --target-version 5.2 --skip model_field_choices --check

lint-imports: bootstrap ## import-linter: the apps' layers ([tool.importlinter])
	@$(VENV)/bin/lint-imports --no-cache

lint-types: bootstrap ## mypy with django-stubs on sdd_portal/ and the services, against mypy-baseline.txt
	@bash scripts/mypy.sh check

lint-migrations: bootstrap ## makemigrations --check: no model change without a migration
	@DJANGO_DEBUG=true $(PY) manage.py makemigrations --check --dry-run

lint-openapi: bootstrap ## OpenAPI drift check and NL API Design Rules lint (Spectral)
	@bash scripts/openapi.sh check

mypy-baseline: bootstrap ## Accept today's mypy errors as the baseline (mypy-baseline.txt; commit it)
	@bash scripts/mypy.sh baseline

openapi: ## Regenerate docs/api/openapi.yaml after an API change (commit it)
	@bash scripts/openapi.sh write

# The locked dependencies (with hashes) that bootstrap, the Dockerfile and CI install.
# Existing pins are kept unless UPGRADE=1 (all) or LOCK_ARGS="--upgrade-package NAME".
lock: bootstrap ## Refresh requirements/base.txt and requirements/dev.txt from pyproject.toml (UPGRADE=1: newest versions)
	@bash scripts/lock.sh $(if $(UPGRADE),--upgrade) $(LOCK_ARGS)

format: ## Apply ruff's fixes and formatting
	@$(VENV)/bin/ruff check --fix .
	@$(VENV)/bin/ruff format .

totp: ## Print the current second-factor code of a demo account: make totp GEBRUIKER=consulent
	@DJANGO_DEBUG=true SDD_PROEFDATA=true $(PY) manage.py demo_totp $(or $(GEBRUIKER),consulent)

migrations: ## Create migrations after a model change
	@DJANGO_DEBUG=true $(PY) manage.py makemigrations

shell: ## Django shell against the (embedded) database
	@DJANGO_DEBUG=true $(PY) manage.py shell

clean-data: ## Remove the embedded database, broker data and stored documents (.data/)
	rm -rf .data

bench: ## Measure pages, API, sync, daily jobs, PDF and load: make bench SCALE=demo|region|national (JSON in .data/bench-SCALE.json)
	@bash scripts/bootstrap.sh run
	@mkdir -p .data
	@DJANGO_DEBUG=true $(PY) manage.py migrate --no-input -v 0
	@DJANGO_DEBUG=true $(PY) manage.py bench_data --schaal $(SCALE)
	@DJANGO_DEBUG=true $(PY) manage.py bench --schaal $(SCALE) --json .data/bench-$(SCALE).json $(BENCH_ARGS)