"""Synthetic access-log rows for the benchmark scales, generated set-based in PostgreSQL.

Every page of the portal appends a row to the access log, so a national deployment holds
tens of millions of them after two years. ``toegangslog_genereren`` writes such a history
with ``INSERT ... SELECT`` from ``generate_series`` (no Python objects), in batches of about
``BATCH`` rows per statement, in time order (ids and physical order follow the timestamps,
as in a live database):

- Timestamps cover the last ``maanden`` months up to yesterday: weekdays weigh 1, Saturdays
  0.05 and Sundays 0.03; 97 % falls in office hours (08:00-18:00 Dutch time, peaking at
  midday), the rest anywhere in the day.
- Users are the existing users of an organisation (60 % of the rows SDD staff, 40 % provider
  staff), with the snapshot fields ``log_access`` writes: username, organisation, roles; the
  IP address is the NAT address of the organisation's building.
- Actions: 90 % ``bekijken`` (client file, timeline, decision, assignment, plan, worklist),
  8 % ``zoeken``, the rest ``downloaden``, ``exporteren``, ``afdrukken`` and ``wijzigen``
  (API), each with the description and path the portal writes.
- ``client_ids`` come from the existing clients: one client mostly, several for lists and
  print runs, none to five for searches.
- Outcome ``toegestaan`` except 0.3 % ``geweigerd`` and 0.2 % ``niet_gevonden`` (no client).

The months get their partitions first. When the rows to add are at least as many as the rows
present, the secondary indexes of the partitioned table are dropped for the load and created
again afterwards from their catalog definitions (one sorted build per partition instead of
maintaining five indexes row by row: measured in docs/toegangslog.md). Everything runs in one
transaction (the table is locked until the commit); afterwards the table is vacuumed and
analysed, as autovacuum would. ``setseed`` makes a run with the same seed, data and date
produce the same rows.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from django.db import connection, transaction
from django.utils import timezone

from indicaties.models import Client
from sdd_portal.accounts.models import Organisatie, User
from sdd_portal.audit import partities

BATCH = 2_000_000  # rows per INSERT statement (one progress line each)
KANS_SDD = 0.6  # share of the rows by SDD staff (the rest: provider staff)
DAG_GEWICHT = {5: 0.05, 6: 0.03}  # Saturday, Sunday; weekdays weigh 1
KANS_KANTOORUREN = 0.97
KANS_GEWEIGERD = 0.003
KANS_NIET_GEVONDEN = 0.002
ZOEKNAMEN = ("bakker", "jong", "dijk", "visser", "smit", "meijer", "boer", "mulder", "vries")

# Per mille: (weight, actie, omschrijving, path, clients). In the path, {c} is the client's
# uuid and {r} the uuid of another object; clients: een (1), meer (2-25), zoek (0-5).
SOORTEN = (
    (520, "bekijken", "Cliëntdossier bekeken", "/clienten/{c}/", "een"),
    (150, "bekijken", "Tijdlijn bekeken", "/clienten/{c}/tijdlijn/", "een"),
    (90, "bekijken", "Beschikking bekeken", "/beschikkingen/{r}/", "een"),
    (80, "bekijken", "Toewijzing bekeken", "/toewijzingen/{r}/", "een"),
    (40, "bekijken", "Ondersteuningsplan bekeken", "/plannen/{r}/", "een"),
    (20, "bekijken", "Werklijst", "/werklijst/", "meer"),
    (50, "zoeken", "Cliënt zoeken", "/clienten/?naam={n}", "zoek"),
    (20, "zoeken", "Lijst eigen cliënten", "/clienten/", "meer"),
    (10, "zoeken", "Postvak", "/postvak/", "zoek"),
    (10, "downloaden", "Ondersteuningsplan (PDF) gedownload", "/plannen/{r}/bestand/", "een"),
    (5, "exporteren", "Beschikking geëxporteerd (iWmo 301)", "/beschikkingen/{r}/iwmo/", "een"),
    (4, "afdrukken", "Printbestand verzendrun gedownload", "/verzending/{r}/pdf/", "meer"),
    (1, "wijzigen", "API (koppeling): PATCH toewijzingen", "/api/v1/toewijzingen/{r}", "een"),
)
assert sum(s[0] for s in SOORTEN) == 1000

TIJDELIJK = ("syn_log_gebruiker", "syn_log_client", "syn_log_soort", "syn_log_dag")
KOLOMMEN = (
    '"timestamp", user_id, username, organisatie_naam, organisatie_id, rollen, actie, '
    "omschrijving, client_ids, pad, ip_adres, uitkomst"
)

# One batch: the days from %(van)s to %(tot)s. Subquery s draws the random numbers (OFFSET 0
# keeps every volatile draw evaluated once per row), the outer query turns them into a row.
INSERT = f"""
INSERT INTO {partities.TABEL} ({KOLOMMEN})
SELECT s.ts, g.id, g.username, g.organisatie_naam, g.organisatie_id, g.rollen, k.actie,
       k.omschrijving,
       CASE
           WHEN s.r_uitkomst < %(kans_niet_gevonden)s OR a.aantal = 0 THEN '{{}}'::bigint[]
           WHEN a.aantal = 1 THEN ARRAY[c.id]
           ELSE ARRAY(
               SELECT DISTINCT x.id FROM syn_log_client x
               WHERE x.nr = ANY (ARRAY(
                   SELECT 1 + floor(random() * %(clients)s)::int
                   FROM generate_series(1, a.aantal)
               ))
               ORDER BY x.id
           )
       END,
       replace(replace(replace(k.pad,
           '{{c}}', CASE WHEN s.r_uitkomst < %(kans_niet_gevonden)s
                         THEN s.ander::text ELSE c.uuid::text END),
           '{{r}}', s.ander::text),
           '{{n}}', (%(zoeknamen)s::text[])[1 + s.r_aantal %% %(n_zoeknamen)s]),
       g.ip_adres,
       CASE
           WHEN s.r_uitkomst < %(kans_niet_gevonden)s THEN 'niet_gevonden'
           WHEN s.r_uitkomst < %(kans_niet_gevonden)s + %(kans_geweigerd)s THEN 'geweigerd'
           ELSE 'toegestaan'
       END
FROM (
    SELECT
        (d.dag + CASE WHEN random() < %(kans_kantooruren)s
                      THEN 8 + 5 * (random() + random()) ELSE 24 * random() END
                 * interval '1 hour')::timestamp AT TIME ZONE 'Europe/Amsterdam' AS ts,
        floor(random() * 1000)::int AS soort,
        CASE WHEN %(n_sdd)s = 0 THEN false WHEN %(n_aanbieder)s = 0 THEN true
             ELSE random() < %(kans_sdd)s END AS sdd,
        random() AS r_gebruiker,
        1 + floor(random() * %(clients)s)::int AS c_nr,
        random() AS r_uitkomst,
        md5(random()::text)::uuid AS ander,
        floor(random() * 1000)::int AS r_aantal
    FROM syn_log_dag d CROSS JOIN LATERAL generate_series(1, d.n)
    WHERE d.dag BETWEEN %(van)s AND %(tot)s
    OFFSET 0
) s
JOIN syn_log_soort k ON k.nr = s.soort
CROSS JOIN LATERAL (
    SELECT CASE k.clients
        WHEN 'meer' THEN 2 + s.r_aantal %% 24
        WHEN 'zoek' THEN CASE WHEN s.r_aantal < 250 THEN 0
                              WHEN s.r_aantal < 750 THEN 1
                              ELSE 2 + s.r_aantal %% 4 END
        ELSE 1 END AS aantal
) a
JOIN syn_log_gebruiker g
  ON g.sdd = s.sdd
 AND g.nr = (1 + floor(s.r_gebruiker
                       * CASE WHEN s.sdd THEN %(n_sdd)s ELSE %(n_aanbieder)s END))::int
JOIN syn_log_client c ON c.nr = s.c_nr
ORDER BY s.ts
"""  # noqa: S608 - composed of module constants only


def _print(stdout, tekst: str) -> None:
    """A progress line on a command's OutputWrapper (adds the newline) or any stream."""
    if stdout is not None:
        stdout.write(tekst if hasattr(stdout, "ending") else tekst + "\n")
        stdout.flush()


def _tijdelijke_tabellen(cursor, *, van: date, tot: date, rijen: int) -> dict:
    for naam in TIJDELIJK:
        cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{naam}")
    user, org = User._meta.db_table, Organisatie._meta.db_table
    cursor.execute(
        f"""
        CREATE TEMPORARY TABLE syn_log_gebruiker ON COMMIT DROP AS
        SELECT row_number() OVER (PARTITION BY o.soort = %s ORDER BY u.id)::int AS nr,
               o.soort = %s AS sdd, u.id, u.username, o.id AS organisatie_id,
               o.naam AS organisatie_naam, u.rollen,
               ('10.' || (20 + o.id %% 200) || '.' || (o.id / 200 %% 250) || '.1')::inet
                   AS ip_adres
        FROM {user} u JOIN {org} o ON o.id = u.organisatie_id
        WHERE u.is_active
        """,  # noqa: S608 - names from the models' metadata
        [Organisatie.Soort.SDD.value] * 2,
    )
    cursor.execute("CREATE UNIQUE INDEX ON syn_log_gebruiker (sdd, nr)")
    cursor.execute(
        f"""
        CREATE TEMPORARY TABLE syn_log_client ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY id)::int AS nr, id, uuid
        FROM {Client._meta.db_table}
        """  # noqa: S608 - name from the model's metadata
    )
    cursor.execute("ALTER TABLE syn_log_client ADD PRIMARY KEY (nr)")
    cursor.execute(
        "CREATE TEMPORARY TABLE syn_log_soort (nr int PRIMARY KEY, actie text, "
        "omschrijving text, pad text, clients text) ON COMMIT DROP"
    )
    nr, waarden = 0, []
    for gewicht, actie, omschrijving, pad, clients in SOORTEN:
        waarden += [(nr + i, actie, omschrijving, pad, clients) for i in range(gewicht)]
        nr += gewicht
    cursor.executemany("INSERT INTO syn_log_soort VALUES (%s, %s, %s, %s, %s)", waarden)
    # Rows per day: cumulative rounding of the weights, so the total is exactly ``rijen``.
    cursor.execute(
        """
        CREATE TEMPORARY TABLE syn_log_dag ON COMMIT DROP AS
        WITH dagen AS (
            SELECT dag::date,
                   CASE extract(isodow FROM dag) WHEN 6 THEN %s WHEN 7 THEN %s ELSE 1 END
                       ::numeric AS gewicht
            FROM generate_series(%s::date, %s::date, interval '1 day') dag
        ), cumulatief AS (
            SELECT dag, sum(gewicht) OVER (ORDER BY dag) AS tot_en_met,
                   sum(gewicht) OVER (ORDER BY dag) - gewicht AS tot, sum(gewicht) OVER () AS alles
            FROM dagen
        )
        SELECT dag, (round(tot_en_met / alles * %s) - round(tot / alles * %s))::int AS n
        FROM cumulatief
        """,
        [DAG_GEWICHT[5], DAG_GEWICHT[6], van, tot, rijen, rijen],
    )
    for naam in TIJDELIJK:  # autovacuum never analyses temporary tables
        cursor.execute(f"ANALYZE {naam}")
    cursor.execute(
        "SELECT count(*) FILTER (WHERE sdd), count(*) FILTER (WHERE NOT sdd) FROM syn_log_gebruiker"
    )
    n_sdd, n_aanbieder = cursor.fetchone()
    cursor.execute("SELECT count(*) FROM syn_log_client")
    (n_clients,) = cursor.fetchone()
    return {"n_sdd": n_sdd, "n_aanbieder": n_aanbieder, "clients": n_clients}


def _batches(cursor, batch: int) -> list[tuple[date, date, int]]:
    """Consecutive days grouped into batches of about ``batch`` rows."""
    cursor.execute("SELECT dag, n FROM syn_log_dag WHERE n > 0 ORDER BY dag")
    result, begin, aantal = [], None, 0
    for dag, n in cursor.fetchall():
        begin = begin or dag
        aantal += n
        if aantal >= batch:
            result.append((begin, dag, aantal))
            begin, aantal = None, 0
    if aantal:
        result.append((begin, dag, aantal))
    return result


def _secundaire_indexen(cursor) -> list[tuple[str, str]]:
    """(name, definition) of the indexes of the partitioned table, primary key excepted."""
    cursor.execute(
        """
        SELECT i.relname, replace(pg_get_indexdef(i.oid), ' ON ONLY ', ' ON ')
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = %s::regclass AND NOT x.indisprimary
        ORDER BY i.relname
        """,
        [partities.TABEL],
    )
    return cursor.fetchall()


def _rijen_geschat(cursor) -> int:
    cursor.execute(
        "SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint FROM pg_inherits i "
        "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = %s::regclass",
        [partities.TABEL],
    )
    return cursor.fetchone()[0]


def toegangslog_genereren(
    rijen: int,
    *,
    maanden: int = 24,
    seed: int = 1,
    stdout=None,
    vandaag: date | None = None,
    batch: int = BATCH,
    indexen_herbouwen: bool | None = None,
    vacuum: bool = True,
) -> dict:
    """Add ``rijen`` synthetic access-log rows over the last ``maanden`` months. Returns the
    number of rows and the seconds per phase. ``indexen_herbouwen`` None decides by size
    (drop and rebuild when adding at least as many rows as present)."""
    if rijen < 0 or maanden < 1:
        raise ValueError("Aantal regels moet 0 of meer zijn en maanden minstens 1.")
    if not partities.is_gepartitioneerd():
        raise ValueError("Het toegangslog is niet gepartitioneerd: draai eerst `migrate`.")
    if not User.objects.filter(is_active=True, organisatie__isnull=False).exists():
        raise ValueError("Geen gebruikers met een organisatie: draai eerst `demo_data`.")
    if not Client.objects.exists():
        raise ValueError("Geen cliënten: draai eerst `demo_data` of `synthetic_ho`.")
    vandaag = vandaag or timezone.localdate()
    van = vandaag - timedelta(days=round(maanden * 30.44))
    tot = vandaag - timedelta(days=1)
    tijden: dict[str, float] = {}
    start = time.monotonic()
    partities.partities_voor_periode(van, tot)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        cursor.execute("SELECT setseed(%s)", [(seed % 1_000_003) / 1_000_003])
        aantallen = _tijdelijke_tabellen(cursor, van=van, tot=tot, rijen=rijen)
        if indexen_herbouwen is None:
            indexen_herbouwen = rijen >= max(_rijen_geschat(cursor), 1)
        indexen = _secundaire_indexen(cursor) if indexen_herbouwen else []
        for naam, _definitie in indexen:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(naam)}")
        tijden["voorbereiden"] = time.monotonic() - start
        _print(
            stdout,
            f"Toegangslog: {rijen:,} regels van {van} tot en met {tot} "
            f"({aantallen['n_sdd']} SDD- en {aantallen['n_aanbieder']} aanbiedergebruikers, "
            f"{aantallen['clients']:,} cliënten"
            f"{', indexen worden na het laden opnieuw gebouwd' if indexen else ''}).",
        )
        params = {
            **aantallen,
            "kans_niet_gevonden": KANS_NIET_GEVONDEN,
            "kans_geweigerd": KANS_GEWEIGERD,
            "kans_kantooruren": KANS_KANTOORUREN,
            "kans_sdd": KANS_SDD,
            "zoeknamen": list(ZOEKNAMEN),
            "n_zoeknamen": len(ZOEKNAMEN),
        }
        geladen, laden = 0, time.monotonic()
        for begin, eind, aantal in _batches(cursor, batch):
            cursor.execute(INSERT, {**params, "van": begin, "tot": eind})
            geladen += aantal
            _print(
                stdout,
                f"  {geladen:,}/{rijen:,} regels (t/m {eind}), {time.monotonic() - laden:.0f} s",
            )
        tijden["laden"] = time.monotonic() - laden
        if indexen:
            bouwen = time.monotonic()
            for naam, definitie in indexen:
                stap = time.monotonic()
                cursor.execute(definitie)
                _print(stdout, f"  index {naam}: {time.monotonic() - stap:.0f} s")
            tijden["indexen"] = time.monotonic() - bouwen
    onderhoud = time.monotonic()
    with connection.cursor() as cursor:
        if vacuum and connection.get_autocommit():
            cursor.execute(f"VACUUM (ANALYZE) {partities.TABEL}")
        else:  # inside a transaction (tests): VACUUM is not possible there
            cursor.execute(f"ANALYZE {partities.TABEL}")
    tijden["vacuum_analyze"] = time.monotonic() - onderhoud
    tijden["totaal"] = time.monotonic() - start
    _print(
        stdout,
        f"Toegangslog klaar: {rijen:,} regels in {tijden['totaal']:.0f} s ("
        + ", ".join(f"{k} {v:.0f} s" for k, v in tijden.items() if k != "totaal")
        + ").",
    )
    return {"rijen": rijen, "seconden": tijden}
