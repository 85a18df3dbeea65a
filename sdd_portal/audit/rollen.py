"""The runtime role's rights, granted by the owner after every ``migrate`` (ADR 0012).

The OWNER role (``DATABASE_OWNER_URL``) runs the migrations and owns every table. The RUNTIME
role (``DATABASE_URL``, named by ``DATABASE_RUNTIME_ROLE``) of the web server, worker and beat
gets ordinary DML on the application's tables, SELECT/INSERT only on the access log and its
partitions (nextval only on its id sequence), read-only ``django_migrations``, the use of the
other sequences and the partition maintenance function, and owns nothing:
it cannot ALTER, DISABLE TRIGGER, TRUNCATE, DETACH or DROP, nor (not being a superuser) set
``session_replication_role``. ``rechten_toekennen`` runs from ``post_migrate`` (after the last
app has migrated, also after ``flush``), so new tables are covered without a migration of their
own; default privileges cover tables the owner creates between two runs (partitions).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connections, transaction

logger = logging.getLogger(__name__)

TABEL = "audit_accesslogentry"


def _rol(cursor, naam: str) -> str:
    cursor.execute("SELECT quote_ident(%s)", [naam])
    return cursor.fetchone()[0]


def rechten_toekennen(rol: str, *, using: str = "default") -> None:
    """Grant ``rol`` the runtime rights in the current database; run as the owner."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [rol])
        if cursor.fetchone() is None:
            logger.warning("Runtime-rol %s bestaat niet: geen rechten toegekend.", rol)
            return
        naam = _rol(cursor, rol)
        for sql in (
            f"GRANT USAGE ON SCHEMA public TO {naam}",
            f"REVOKE CREATE ON SCHEMA public FROM {naam}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {naam}",
            f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {naam}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {naam}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
            f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {naam}",
        ):
            cursor.execute(sql)
        # The log's id sequence: nextval only (no setval to reuse ids); the migration
        # history: read only.
        cursor.execute(f"REVOKE UPDATE ON SEQUENCE {TABEL}_id_seq FROM {naam}")
        cursor.execute(f"REVOKE INSERT, UPDATE, DELETE ON django_migrations FROM {naam}")
        if _heeft_functies(cursor):
            cursor.execute("SELECT audit_toegangslog_rechten_beperken()")
            cursor.execute(
                f"GRANT EXECUTE ON FUNCTION audit_partities_bijwerken(integer, date) TO {naam}"
            )


def _heeft_functies(cursor) -> bool:
    cursor.execute("SELECT to_regprocedure('audit_partities_bijwerken(integer, date)')")
    return cursor.fetchone()[0] is not None


def na_migratie(sender, *, using: str = "default", **kwargs) -> None:
    """post_migrate: grant the runtime role its rights, or say that there is none."""
    rol = getattr(settings, "DATABASE_RUNTIME_ROLE", "")
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT current_user")
        eigenaar = cursor.fetchone()[0]
    if not rol or rol == eigenaar:
        logger.warning(
            "Eén databaserol (%s) voor migraties en de processen: het toegangslog is niet "
            "beschermd tegen herschrijven. Stel DATABASE_OWNER_URL in (ADR 0012).",
            eigenaar,
        )
        return
    rechten_toekennen(rol, using=using)


def beschermingsprobleem(cursor) -> str | None:
    """Why the role of ``cursor``'s connection could rewrite the access log (it is a
    superuser or owns the table), or None when it cannot."""
    cursor.execute(
        "SELECT r.rolsuper, pg_has_role(current_user, c.relowner, 'USAGE'), current_user "
        "FROM pg_roles r, pg_class c "
        "WHERE r.rolname = current_user AND c.oid = to_regclass(%s)",
        [TABEL],
    )
    rij = cursor.fetchone()
    if rij is None:
        return None  # not migrated yet
    superuser, eigenaar, rol = rij
    if superuser:
        return f"de databaserol {rol} is superuser"
    if eigenaar:
        return f"de databaserol {rol} is eigenaar van {TABEL}"
    return None


def is_eigenaar(using: str = "default") -> bool:
    """Whether the connection ``using`` may alter the access log (owner or superuser)."""
    with connections[using].cursor() as cursor:
        return beschermingsprobleem(cursor) is not None
