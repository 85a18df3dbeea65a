# The two commands a newcomer needs: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
SCALE ?= demo

# `make bench` keeps each scale in an embedded database of its own (sdd_bench_demo, ...),
# so the data of `make run` stays as it is. Ignored when DATABASE_URL is set.
bench: export SDD_DATABASE_NAME = sdd_bench_$(SCALE)

.PHONY: run test lint format bootstrap totp migrations shell clean-data bench openapi lock

run: ## Start the portal with demo data at http://127.0.0.1:8000 (web, worker, beat)
	@bash scripts/bootstrap.sh run
	@$(PY) -m sdd_portal.devserver

test: ## Run the whole test suite (embedded PostgreSQL and Redis unless DATABASE_URL/REDIS_URL)
	@bash scripts/bootstrap.sh test
	@$(PY) -m pytest $(PYTEST_ARGS)

lint: ## ruff check, ruff format --check, makemigrations --check, OpenAPI drift + NL API Design Rules
	@bash scripts/bootstrap.sh run
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@DJANGO_DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	@bash scripts/openapi.sh check

openapi: ## Regenerate docs/api/openapi.yaml after an API change (commit it)
	@bash scripts/openapi.sh write

# The locked dependencies (with hashes) that bootstrap, the Dockerfile and CI install.
# Existing pins are kept unless UPGRADE=1 (all) or LOCK_ARGS="--upgrade-package NAME".
UV_COMPILE = $(VENV)/bin/uv pip compile pyproject.toml --quiet --generate-hashes \
	--python-version 3.11 --universal --custom-compile-command "make lock" \
	$(if $(UPGRADE),--upgrade) $(LOCK_ARGS)

lock: ## Refresh requirements/base.txt and requirements/dev.txt from pyproject.toml (UPGRADE=1: newest versions)
	@bash scripts/bootstrap.sh run
	@$(UV_COMPILE) -o requirements/base.txt
	@$(UV_COMPILE) --extra dev -c requirements/base.txt -o requirements/dev.txt
	@echo "Locked: requirements/base.txt (runtime, Dockerfile) and requirements/dev.txt (make run/test/lint)"

format: ## Apply ruff's fixes and formatting
	@$(VENV)/bin/ruff check --fix .
	@$(VENV)/bin/ruff format .

totp: ## Print the current second-factor code of a demo account: make totp GEBRUIKER=consulent
	@DJANGO_DEBUG=true $(PY) manage.py demo_totp $(or $(GEBRUIKER),consulent)

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