"""Monthly partitions of the access log (see migration 0004 and docs/toegangslog.md).

The table ``audit_accesslogentry`` is range-partitioned on ``timestamp``, one partition per
calendar month in Dutch time (``audit_accesslogentry_p202611``), plus a DEFAULT partition
that catches any row whose month has no partition yet, so an insert never fails.

``partities_bijwerken`` runs daily (Celery beat, ``tasks.partities_bijhouden``, as the runtime
role through the SECURITY DEFINER function of migration 0006, ADR 0012): it creates
the partitions for this month through ``TOEGANGSLOG_PARTITIES_VOORUIT`` months ahead and,
when rows landed in DEFAULT, gives their months a partition and moves the rows there. Rows
are never updated or deleted (the append-only trigger refuses that): the DEFAULT partition is
detached, the new partitions and an empty DEFAULT are created, the rows are inserted again
through the partitioned table, and the detached table is dropped, all in one transaction.

``partities_verwijderen`` is the retention route: it detaches and drops whole partitions
older than a given number of months. Only the owner role can (``manage.py
toegangslog_bewaren``, an owner job); ``partities_voor_periode`` too creates tables and is for
owner commands (the synthetic data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import AccessLogEntry

TABEL = AccessLogEntry._meta.db_table
DEFAULT = f"{TABEL}_default"
TIJDZONE = "Europe/Amsterdam"  # partition bounds are Dutch calendar months
VOORUIT = 12  # default for settings.TOEGANGSLOG_PARTITIES_VOORUIT
LOCK_TIMEOUT = "5s"  # never queue for long in front of the inserts of every page
_NAAM = re.compile(rf"^{TABEL}_p(\d{{4}})(\d{{2}})$")
_ADVISORY_LOCK = 7513_0001  # one maintenance run at a time (also in migration 0006)


@dataclass(frozen=True)
class Partitie:
    naam: str
    maand: date | None  # first day of the month; None for the DEFAULT partition
    grenzen: str  # as PostgreSQL shows them
    rijen: int | None  # estimate from the statistics (None: never analysed)
    bytes: int  # table, indexes and TOAST


def maand_begin(dag: date) -> date:
    return dag.replace(day=1)


def maanden_later(maand: date, aantal: int) -> date:
    index = maand.year * 12 + maand.month - 1 + aantal
    return date(index // 12, index % 12 + 1, 1)


def partitie_naam(maand: date) -> str:
    return f"{TABEL}_p{maand:%Y%m}"


def partities() -> list[Partitie]:
    """The partitions of the access log, oldest first, DEFAULT last."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.relname, pg_get_expr(c.relpartbound, c.oid),
                   c.reltuples::bigint, pg_total_relation_size(c.oid)
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = %s::regclass
            """,
            [TABEL],
        )
        rijen = cursor.fetchall()
    result = []
    for naam, grenzen, schatting, grootte in rijen:
        match = _NAAM.match(naam)
        maand = date(int(match[1]), int(match[2]), 1) if match else None
        schatting = schatting if schatting >= 0 else None
        result.append(Partitie(naam, maand, grenzen, schatting, grootte))
    return sorted(result, key=lambda p: (p.maand is None, p.maand or date.min, p.naam))


def _maanden_met_partitie() -> set[date]:
    return {p.maand for p in partities() if p.maand is not None}


def _grens(cursor, maand: date) -> str:
    """The start of ``maand`` in Dutch time as a timestamptz literal (partition bounds are
    constants, not query parameters)."""
    cursor.execute("SELECT quote_literal(%s::timestamp AT TIME ZONE %s)", [maand, TIJDZONE])
    return cursor.fetchone()[0]


def _partitie_maken(cursor, maand: date) -> None:
    """Create the month's table and attach it. ATTACH PARTITION takes only a SHARE UPDATE
    EXCLUSIVE lock on the partitioned table, so the inserts and searches of running pages
    go on (CREATE TABLE ... PARTITION OF would need ACCESS EXCLUSIVE); PostgreSQL adds the
    indexes and the append-only trigger of the partitioned table."""
    naam = connection.ops.quote_name(partitie_naam(maand))
    cursor.execute(f"CREATE TABLE {naam} (LIKE {TABEL} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
    cursor.execute(
        f"ALTER TABLE {TABEL} ATTACH PARTITION {naam} FOR VALUES FROM "
        f"({_grens(cursor, maand)}) TO ({_grens(cursor, maanden_later(maand, 1))})"
    )


def _voorbereiden(cursor) -> None:
    cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK])


def partities_bijwerken(*, vooruit: int | None = None, vandaag: date | None = None) -> list[str]:
    """Make sure a partition exists for every month from this month through ``vooruit``
    months ahead and for every month that has rows in DEFAULT; move those rows into their
    partitions. Returns the names of the partitions created. Safe to run twice: a second
    run creates nothing.

    The work is done by the database function ``audit_partities_bijwerken`` (migration
    0006), which runs with the owner's rights (SECURITY DEFINER), so the runtime role of the
    Celery worker can maintain the partitions without owning the table (ADR 0012).

    Locks: new partitions are attached (SHARE UPDATE EXCLUSIVE on the table; pages go on),
    DEFAULT is locked while it is checked. Only when DEFAULT holds rows is it detached,
    which locks the whole table (ACCESS EXCLUSIVE) until the rows have moved. Every lock is
    waited for at most ``LOCK_TIMEOUT``, then ``OperationalError`` is raised (the task
    retries later), so the maintenance never queues the inserts of every page behind a
    long search."""
    if vooruit is None:
        vooruit = getattr(settings, "TOEGANGSLOG_PARTITIES_VOORUIT", VOORUIT)
    eerste = maand_begin(vandaag or timezone.localdate())
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT audit_partities_bijwerken(%s, %s)", [vooruit, eerste])
        return [rij[0] for rij in cursor.fetchall()]


def partities_voor_periode(van: date, tot: date) -> list[str]:
    """Make sure every month from ``van`` through ``tot`` has a partition (for loading
    historic rows, such as the synthetic access log)."""
    maanden, maand = [], maand_begin(van)
    while maand <= tot:
        maanden.append(maand)
        maand = maanden_later(maand, 1)
    with transaction.atomic(), connection.cursor() as cursor:
        _voorbereiden(cursor)
        nieuw = sorted(set(maanden) - _maanden_met_partitie())
        for maand in nieuw:
            _partitie_maken(cursor, maand)
        if nieuw:
            cursor.execute("SELECT audit_toegangslog_rechten_beperken()")
    return [partitie_naam(maand) for maand in nieuw]


def oude_partities(*, ouder_dan_maanden: int, vandaag: date | None = None) -> list[Partitie]:
    """Month partitions that end before the start of the month ``ouder_dan_maanden`` months
    before this one: every row in them is older than that."""
    if ouder_dan_maanden < 1:
        raise ValueError("Bewaartermijn moet minstens 1 maand zijn.")
    grens = maanden_later(maand_begin(vandaag or timezone.localdate()), -ouder_dan_maanden)
    return [p for p in partities() if p.maand is not None and maanden_later(p.maand, 1) <= grens]


def partities_verwijderen(*, ouder_dan_maanden: int, vandaag: date | None = None) -> list[str]:
    """Retention: detach and drop the whole partitions ``oude_partities`` returns, in one
    transaction. Rows are never deleted one by one (the trigger refuses DELETE). Rows of
    such months still in DEFAULT are not touched: run ``partities_bijwerken`` first."""
    oud = oude_partities(ouder_dan_maanden=ouder_dan_maanden, vandaag=vandaag)
    with transaction.atomic(), connection.cursor() as cursor:
        _voorbereiden(cursor)
        for partitie in oud:
            naam = connection.ops.quote_name(partitie.naam)
            cursor.execute(f"ALTER TABLE {TABEL} DETACH PARTITION {naam}")
            cursor.execute(f"DROP TABLE {naam}")
    return [p.naam for p in oud]


def is_gepartitioneerd() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relkind FROM pg_class WHERE oid = %s::regclass", [TABEL])
        return cursor.fetchone()[0] == "p"
