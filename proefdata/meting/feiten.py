"""What a measurement ran on: machine, PostgreSQL, database size and table sizes.

Row counts of large tables are the planner's estimates (``pg_class.reltuples``, summed
over partitions): a ``COUNT(*)`` over 30 million access-log rows would take longer than the
page it is meant to explain. Small tables (under 32 MiB) are counted exactly.
"""

from __future__ import annotations

import os
import platform
import sys

import django
from django.conf import settings
from django.db import connection
from django.utils import timezone

EXACT_ONDER_BYTES = 32 * 2**20  # a COUNT(*) over a table this small costs milliseconds


def _hoofdtabellen() -> list[str]:
    from indicaties.models import (
        Beschikking,
        Client,
        Melding,
        Ondersteuningsplan,
        Toewijzing,
    )
    from sdd_portal.audit.models import AccessLogEntry
    from signalen.models import Signaal

    return [
        m._meta.db_table
        for m in (
            Client,
            Beschikking,
            Toewijzing,
            Ondersteuningsplan,
            Melding,
            Signaal,
            AccessLogEntry,
        )
    ]


def geschatte_rijen(tabel: str) -> int:
    """Rows of ``tabel`` (with its partitions): counted when the table is small, otherwise
    the planner's estimate (a table never analysed is analysed first: that samples, it
    does not read every row). A partitioned parent's own estimate already covers its
    partitions, so only the partitions are summed."""
    sql = """
        SELECT coalesce(sum(greatest(c.reltuples, 0)) FILTER (WHERE c.relkind <> 'p'), 0)::bigint,
               bool_and(c.reltuples < 0 OR c.relkind = 'p'),
               coalesce(sum(pg_relation_size(c.oid)), 0)
        FROM pg_class c
        WHERE c.oid = %s::regclass
           OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = %s::regclass)
    """
    with connection.cursor() as cur:
        cur.execute(sql, [tabel, tabel])
        schatting, nooit_geanalyseerd, grootte = cur.fetchone()
        if grootte < EXACT_ONDER_BYTES:
            cur.execute(f'SELECT count(*) FROM "{tabel}"')  # noqa: S608 - a model's table
            return cur.fetchone()[0]
        if nooit_geanalyseerd:
            cur.execute(f'ANALYZE "{tabel}"')
            cur.execute(sql, [tabel, tabel])
            schatting = cur.fetchone()[0]
        return schatting


def tabelgroottes() -> dict[str, int]:
    return {tabel: geschatte_rijen(tabel) for tabel in _hoofdtabellen()}


def machine(schaal: str) -> dict:
    with connection.cursor() as cur:
        cur.execute("SHOW server_version")
        versie = cur.fetchone()[0]
        cur.execute("SELECT current_database(), pg_database_size(current_database())")
        database, grootte = cur.fetchone()
    try:
        belasting = [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover - not on every platform
        belasting = None
    return {
        "scale": schaal,
        "date": timezone.localtime().isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "load_average_at_start": belasting,
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "django": django.get_version(),
        "postgresql": versie,
        "database": database,
        "database_size_mib": round(grootte / 2**20),
        "debug": settings.DEBUG,
        "conn_max_age": connection.settings_dict.get("CONN_MAX_AGE"),
        "rows": tabelgroottes(),
        "rows_method": "count(*) below 32 MiB, otherwise pg_class.reltuples (estimate)",
    }
