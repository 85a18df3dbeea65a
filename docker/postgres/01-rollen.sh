#!/usr/bin/env bash
# First start of the docker-compose PostgreSQL (an empty data directory): the two roles of
# docs/adr/0012-database-roles.md. The OWNER owns the database and runs the migrations; the
# RUNTIME role of the web server, worker and beat may log in and nothing more (migrate grants
# it its rights on the tables). Neither is a superuser; POSTGRES_USER stays the administrator.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v eigenaar="$SDD_DB_OWNER_USER" -v eigenaar_ww="$SDD_DB_OWNER_PASSWORD" \
  -v runtime="$SDD_DB_RUNTIME_USER" -v runtime_ww="$SDD_DB_RUNTIME_PASSWORD" \
  -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"eigenaar" LOGIN PASSWORD :'eigenaar_ww';
CREATE ROLE :"runtime" LOGIN PASSWORD :'runtime_ww';
ALTER DATABASE :"db" OWNER TO :"eigenaar";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CREATE, USAGE ON SCHEMA public TO :"eigenaar";
SQL
