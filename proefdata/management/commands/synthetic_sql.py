"""Synthetic HO data at national scale, generated set-based in PostgreSQL.

`manage.py synthetic_sql --clients 250000 --decisions 1000000` adds, on top of the demo data
(`manage.py demo_data`), clients with a chain of consecutive HO decisions (beschikkingen),
their assignments (toewijzingen) and the accepted support plans (ondersteuningsplannen) of
the definitive decisions. Unlike `synthetic_ho` (Python objects and bulk_create), every row
is computed by PostgreSQL from ``generate_series`` (INSERT ... SELECT), so a million
decisions take minutes, not hours.

What the data looks like:

- End dates are spread evenly over VENSTER_BEGIN..VENSTER_EINDE (2021-2028): every client's
  chain starts on a random day of that window and wraps around its end (a decision that
  would end after the window moves back by the window's length). Every day then has about
  decisions / 2922 decisions ending on it, and since a chain is shorter than the window,
  the moved part ends before the rest starts: no overlap.
- A chain mostly starts with a short decision (kortdurend, the product's
  ``kortdurend_weken``) followed right away by a definitive one (about 12 months) on the
  same assignment (the accepted plan); then definitive decisions follow each other (a
  re-indication replaces the one before: ``vervangt``), and now and then care stops and
  starts again after a gap with a new short decision. A few decisions are withdrawn per
  their start date (status ingetrokken, with a reason).
- Every definitive decision has its accepted plan (one in ten after a rejected version),
  signed by an employee of the provider; all plans point at one real PDF written once to
  the documents storage (its true SHA-256 and size), so downloads work.
- No meldingen or onderzoeken: a decision's melding is optional and is left empty.
- BSNs pass the elfproef and come from the fictitious range 9xxxxxxxx below the test range
  used by demo_data and synthetic_ho (998999999 downwards), skipping any BSN present.
- Ids follow the order of creation (created_at), as in a live database, and rows are
  inserted in that order, so the physical order of the tables is realistic too.
- Nothing dated later than now: a decision for the future was sent today at the latest.

How it runs, in one transaction: temporary tables hold the BSNs, the clients and their
chains (built per ``--batch`` clients), then the ids are handed out in order of creation
from blocks reserved in the tables' own sequences. For the inserts the secondary indexes
and foreign keys of the four tables are dropped and afterwards recreated from their exact
catalog definitions (pg_get_indexdef, pg_get_constraintdef), as pg_restore does: a
rebuilt index is one sorted pass and a re-added foreign key is validated by one anti-join,
instead of maintaining every index and firing every foreign-key trigger per row. Primary keys,
unique constraints and the exclusion constraint (no overlapping valid decisions) stay in
place and check every row as it goes in. The tables are locked until the commit.

No simple-history rows are written for the synthetic rows (that would double the work).
Afterwards the touched tables are analysed (ANALYZE), or vacuumed and analysed with
``--vacuum``. A second run adds nothing.
"""

from __future__ import annotations

import math
import time as clock
from contextlib import contextmanager
from datetime import date, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from indicaties.models import Beschikking, Client, Ondersteuningsplan, Toewijzing
from indicaties.termijnen import bezwaartermijn_einde
from proefdata.synthetisch import DOMEIN
from sdd_portal.accounts.models import Organisatie, Rol, User

from .demo_data import ACHTERNAMEN, POSTCODE_PREFIX, STRATEN, VOORNAMEN
from .synthetic_ho import (
    AFSPRAKEN,
    AFWIJSREDENEN,
    BAND_GEWICHTEN,
    PDF_NAAM,
    demo_referentie,
    medewerker_per_aanbieder,
    synthetisch_pdf,
)

MARKER = f"@sql.{DOMEIN}"  # e-mail domain of every client of this command
# A Wmo consulent's caseload is a few hundred clients: a national data set gets thousands
# of (synthetic, log-in-less) consulenten, so one consulent's own worklist and inbox are
# as long as in real life, not a millionth of the country.
CLIENTEN_PER_CONSULENT = 450
VENSTER_BEGIN = date(2021, 1, 1)  # end dates are spread evenly over this window
VENSTER_EINDE = date(2028, 12, 31)
VENSTER_DAGEN = (VENSTER_EINDE - VENSTER_BEGIN).days + 1
INSERT_RIJEN = 1_000_000  # rows per INSERT statement (progress lines)
MAX_PER_CLIENT = 7  # 7 definitive decisions of at most 395 days fit in the window
BSN_HOOGSTE_PREFIX = 99899999  # first 8 digits of the highest BSN tried (998999999x)
POSTCODE_LETTERS = "ABCDEGHJKLMNPRST"  # the letters demo_data.fictieve_persoon uses

# Chance that the first decision of a chain is short (a new client); the others start
# with a definitive decision that began before the portal (converted assignments).
KANS_KORT_EERST = 0.6
KANS_HERSTART = 0.1  # chance that care stops and starts again (gap, then a short decision)
KANS_INGETROKKEN = 0.03
KANS_ANDERE_AANBIEDER = 0.08  # a new assignment goes to another provider than usual
KANS_WAS_STRIJK = 0.6
KANS_AFGEWEZEN_VERSIE = 0.1  # the accepted plan was version 2, after a rejected version 1
DEFINITIEF_DAGEN = (335, 395)  # about twelve months
GAT_DAGEN = (30, 365)  # no decision between two episodes of care
INTREKKINGSREDENEN = (
    "Cliënt ziet af van de huishoudelijke ondersteuning.",
    "Mantelzorg neemt de taken over; de ondersteuning is niet meer nodig.",
    "Cliënt verhuist naar een verpleeghuis (Wlz).",
    "Op verzoek van de cliënt ingetrokken; de situatie is veranderd.",
)

TABELLEN = [m._meta.db_table for m in (Client, Toewijzing, Ondersteuningsplan, Beschikking)]
TIJDELIJK = (  # the temporary tables, dropped at the end
    "syn_bezwaar",
    "syn_ref",
    "syn_bsn",
    "syn_client",
    "syn_keten",
    "syn_client_rij",
    "syn_besl",
    "syn_plan",
)


def synthetische_consulenten(aantal: int) -> int:
    """Make sure ``aantal`` synthetic consulenten (``sql.consulentNNNN``, no password,
    no second factor: they cannot log in) exist at SDD; returns how many were created."""
    from django.contrib.auth.hashers import make_password

    sdd = Organisatie.objects.sdd().first()
    if sdd is None:
        raise CommandError("Geen SDD-organisatie: draai eerst `manage.py demo_data`.")
    namen = [f"sql.consulent{i:04d}" for i in range(1, aantal + 1)]
    bestaand = set(User.objects.filter(username__in=namen).values_list("username", flat=True))
    geen_wachtwoord = make_password(None)
    nieuw = [
        User(
            username=naam,
            first_name=VOORNAMEN[i % len(VOORNAMEN)],
            last_name=f"Consulent {i:04d}",
            email=f"{naam}@demo.example.org",
            organisatie=sdd,
            rollen=[Rol.CONSULENT],
            password=geen_wachtwoord,
        )
        for i, naam in enumerate(namen, 1)
        if naam not in bestaand
    ]
    User.objects.bulk_create(nieuw, batch_size=1000)
    return len(nieuw)


# Surnames at national scale: the demo's common names first, then a long tail of
# Dutch-looking compounds (Hoogveld, Westerkamp, ...). Drawn with a skew so that the most
# common name holds about 0.5 % of the clients (as "De Jong" in the Dutch population) and the
# first hundred about a fifth. With the demo's dozen names alone, one in eight clients was a
# Visser and a name search was a scan of 160,000 rows no real search would be.
_STAMMEN = (
    "Hoog", "Wester", "Ooster", "Brink", "Mol", "Groen", "Berg", "Hof", "Sloot", "Kamp",
    "Linde", "Vos", "Haar", "Buit", "Rijn", "Dijk", "Veen", "Wolt", "Span", "Dam",
    "Zand", "Bosch", "Kolk", "Holt", "Meer", "Sten", "Ham", "Lange", "Kort", "Witte",
)  # fmt: skip
_UITGANGEN = (
    "man", "ink", "huis", "veld", "berg", "stra", "kamp", "ma", "ens", "hout",
    "hoven", "broek", "horst", "ing", "sma", "ers", "wijk", "gaard", "beek", "land",
)  # fmt: skip
NATIONALE_ACHTERNAMEN = list(ACHTERNAMEN) + [
    ("", stam + uitgang) for uitgang in _UITGANGEN for stam in _STAMMEN
]


def _achternaam_index(aantal: str) -> str:
    """SQL: an index into the surnames, skewed towards the first (common) ones."""
    return f"(1 + floor({aantal} * power(random(), 1.2))::int)"


def _tussen(laag, hoog) -> str:
    """SQL: a random integer from ``laag`` to ``hoog`` inclusive."""
    return f"({laag} + floor(random() * ({hoog} - ({laag}) + 1))::int)"


def _moment(dag: str) -> str:
    """SQL: a moment during office hours (08:00-17:59 in Amsterdam) on the date ``dag``,
    but never later than just before now."""
    return (
        f"least((({dag}) + {_tussen(480, 1079)} * interval '1 minute') "
        "AT TIME ZONE 'Europe/Amsterdam', %(nu)s::timestamptz - interval '5 minutes')"
    )


# --------------------------------------------------------------------------- the SQL
# Parameters are %(name)s (psycopg); the modulo operator is written mod() to keep % free.

# Valid BSNs: an 8-digit prefix plus its elfproef check digit (prefixes whose check digit
# would be 10 have no valid BSN), from the top down, skipping BSNs already present.
SQL_BSN = """
CREATE TEMP TABLE syn_bsn ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY bsn DESC)::int AS n, bsn::text AS bsn
FROM (
    SELECT prefix * 10 + controle AS bsn
    FROM (
        SELECT prefix, mod(9 * (prefix / 10000000) + 8 * mod(prefix / 1000000, 10)
                + 7 * mod(prefix / 100000, 10) + 6 * mod(prefix / 10000, 10)
                + 5 * mod(prefix / 1000, 10) + 4 * mod(prefix / 100, 10)
                + 3 * mod(prefix / 10, 10) + 2 * mod(prefix, 10), 11) AS controle
        FROM generate_series(%(hoogste)s::bigint, %(laagste)s::bigint, -1) AS prefix
    ) AS kandidaat
    WHERE controle < 10
      AND NOT EXISTS (
          SELECT FROM indicaties_client AS c WHERE c.bsn = (prefix * 10 + controle)::text
      )
    ORDER BY bsn DESC
    LIMIT %(clients)s
) AS vrij
"""

# One row per client n = 1..clients: its number of decisions k, the day of the window its
# chain starts on, its usual provider, consulent and municipality. Clients 2m-1 and 2m
# share out their even part of the decisions with a random shift d (one gets d more, the
# other d fewer, both between 1 and MAX_PER_CLIENT), so the total stays exact.
SQL_CLIENTEN = f"""
CREATE TEMP TABLE syn_client ON COMMIT DROP AS
WITH paar AS (
    SELECT m,
        (%(decisions)s::bigint * (2 * m - 1) / %(clients)s
            - %(decisions)s::bigint * (2 * m - 2) / %(clients)s)::int AS b1,
        (%(decisions)s::bigint * (2 * m) / %(clients)s
            - %(decisions)s::bigint * (2 * m - 1) / %(clients)s)::int AS b2
    FROM generate_series(1, %(clients)s / 2) AS m
),
verschoven AS MATERIALIZED (
    SELECT m, b1, b2, {_tussen("greatest(1 - b1, b2 - %(kmax)s)", "least(%(kmax)s - b1, b2 - 1)")}
        AS d
    FROM paar
),
aantal AS (
    SELECT v.n, v.k
    FROM verschoven CROSS JOIN LATERAL (VALUES (2 * m - 1, b1 + d), (2 * m, b2 - d)) AS v(n, k)
    UNION ALL  -- an odd number of clients: the last one keeps its even part
    SELECT %(clients)s, (%(decisions)s::bigint
        - %(decisions)s::bigint * (%(clients)s - 1) / %(clients)s)::int
    WHERE mod(%(clients)s, 2) = 1
)
SELECT aantal.n, aantal.k,
    floor(random() * %(venster)s)::int AS dag0,
    {_tussen(1, "%(aanbieders)s")} AS aanbieder_i,
    1 + mod(aantal.n - 1, %(consulenten)s) AS consulent_i,
    1 + mod(aantal.n - 1, %(gemeenten)s) AS gemeente_i,
    {_achternaam_index("%(n_achternamen)s")} AS achternaam_i
FROM aantal
ORDER BY aantal.n
"""  # noqa: S608 - composed of module constants only

# The decisions of the clients n = van..tot, with everything the inserts need except the
# ids (those follow the order of creation over all clients, see SQL_IDS). One CTE per step.
SQL_KETEN = f"""
WITH keten AS (
    -- Each client's chain in chain order j = 1..k, with a wish for a short decision: most
    -- chains start with one (a new melding), later ones only after a gap in care.
    SELECT c.n, c.dag0, c.aanbieder_i, r.id AS consulent_id, j,
        random() < CASE WHEN j = 1 THEN %(kans_kort_eerst)s ELSE %(kans_herstart)s END
            AS wil_kort
    FROM syn_client AS c
    JOIN syn_ref AS r ON r.soort = 'consulent' AND r.i = c.consulent_i
    CROSS JOIN LATERAL generate_series(1, c.k) AS j
    WHERE c.n BETWEEN %(van)s AND %(tot)s
),
soort AS (
    -- Never two short decisions in a row.
    SELECT keten.*, wil_kort AND NOT coalesce(lag(wil_kort) OVER w, false) AS kort
    FROM keten
    WINDOW w AS (PARTITION BY n ORDER BY j)
),
duur AS MATERIALIZED (
    -- Length in days, and the gap before a short decision that restarts care.
    SELECT soort.*,
        CASE WHEN kort THEN %(kort_dagen)s ELSE {_tussen(*DEFINITIEF_DAGEN)} END AS dagen,
        CASE WHEN kort AND j > 1 THEN {_tussen(*GAT_DAGEN)} ELSE 0 END AS gat
    FROM soort
),
relatief AS (
    -- Start of each decision counted from the start of its chain, and the chain's span.
    SELECT duur.*,
        (sum(gat + dagen) OVER w - dagen)::int AS met_gat,
        (sum(dagen) OVER w - dagen)::int AS zonder_gat,
        sum(gat + dagen) OVER (PARTITION BY n) AS span
    FROM duur
    WINDOW w AS (PARTITION BY n ORDER BY j)
),
geplaatst AS (
    -- Day of the window on which the decision starts. The chain starts on day dag0 and
    -- wraps around the end of the window: what would end after it moves back by the
    -- window's length, so end dates are uniform over the window. A chain must be shorter
    -- than the window (the rare one that is not, drops its gaps).
    SELECT relatief.*,
        dag0 + CASE WHEN span < %(venster)s THEN met_gat ELSE zonder_gat END AS dag
    FROM relatief
),
kenmerken AS MATERIALIZED (
    -- Dates, and per decision: withdrawn or not, provider (mostly the client's usual
    -- one), band (weighted as in synthetic_ho) and laundry.
    SELECT n, j, consulent_id, kort, ingangsdatum, ingangsdatum + dagen - 1 AS einddatum,
        random() < %(kans_ingetrokken)s AS ingetrokken,
        CASE WHEN random() < %(kans_andere_aanbieder)s THEN {_tussen(1, "%(aanbieders)s")}
            ELSE aanbieder_i END AS aanbieder_i,
        1 + width_bucket(random(), %(band_grenzen)s::float8[]) AS band_i,
        random() < %(kans_was_strijk)s AS was_strijk
    FROM (
        SELECT geplaatst.*, %(begin)s::date + dag
            - CASE WHEN dag + dagen - 1 >= %(venster)s THEN %(venster)s ELSE 0 END
            AS ingangsdatum
        FROM geplaatst
    ) AS gedateerd
),
opvolging AS (
    -- In time order. A definitive decision right after a valid short one rests on the
    -- same assignment (its plan was accepted: deelt). A valid definitive decision right
    -- after another one replaces it (re-indication: vervangt_vorige).
    SELECT kenmerken.*,
        NOT kort AND coalesce(lag(kort AND NOT ingetrokken) OVER t
            AND lag(einddatum) OVER t = ingangsdatum - 1, false) AS deelt,
        NOT kort AND NOT ingetrokken AND coalesce(lag(NOT kort AND NOT ingetrokken) OVER t
            AND lag(einddatum) OVER t = ingangsdatum - 1, false) AS vervangt_vorige,
        lag(ingangsdatum) OVER t AS vorige_ingang
    FROM kenmerken
    WINDOW t AS (PARTITION BY n ORDER BY ingangsdatum)
),
groep AS (
    -- A shared assignment keeps the short decision's provider and band; the last decision
    -- of an assignment is the one it points at.
    SELECT opvolging.*,
        CASE WHEN deelt THEN lag(aanbieder_i) OVER t ELSE aanbieder_i END AS aanbieder_g,
        CASE WHEN deelt THEN lag(band_i) OVER t ELSE band_i END AS band_g,
        NOT coalesce(lead(deelt) OVER t, false) AS laatste
    FROM opvolging
    WINDOW t AS (PARTITION BY n ORDER BY ingangsdatum)
),
ingediend AS MATERIALIZED (
    -- The day it happened. Short: sent in its first week. Definitive: its plan was
    -- submitted 3-30 days before the start, but after the short decision it follows was
    -- sent (that one went out at most 7 days into it). Nothing after today.
    SELECT groep.*,
        CASE WHEN kort THEN least(ingangsdatum + {_tussen(0, 7)}, %(vandaag)s)
            ELSE least(greatest(least(ingangsdatum - 2, %(vandaag)s) - {_tussen(3, 30)},
                CASE WHEN deelt THEN vorige_ingang + 8 END), %(vandaag)s)
        END AS dag
    FROM groep
),
momenten AS MATERIALIZED (
    -- A short decision makes its assignment; a definitive decision that does not follow
    -- a short one got a new assignment (re-indication) 1-14 days before the plan came in.
    SELECT ingediend.*,
        CASE WHEN kort THEN dag ELSE least(dag + {_tussen(0, 7)}, %(vandaag)s) END
            AS verzenddatum,
        CASE WHEN kort THEN {_moment("dag")} WHEN NOT deelt THEN {_moment("toewijzing_dag")}
            END AS eigen_toewijzing_op
    FROM (
        SELECT ingediend.*,
            CASE WHEN NOT kort AND NOT deelt THEN dag - {_tussen(1, 14)} END AS toewijzing_dag
        FROM ingediend
    ) AS ingediend
),
toewijzing AS (
    -- A definitive decision after a short one uses the short one's assignment.
    SELECT momenten.*,
        CASE WHEN deelt THEN lag(eigen_toewijzing_op) OVER t ELSE eigen_toewijzing_op END
            AS toewijzing_op,
        CASE WHEN deelt THEN vorige_ingang WHEN kort THEN ingangsdatum
            ELSE least(toewijzing_dag, ingangsdatum) END AS toewijzing_ingang
    FROM momenten
    WINDOW t AS (PARTITION BY n ORDER BY ingangsdatum)
),
plan AS MATERIALIZED (
    -- The short decision's moment, or the plan's submission (after its assignment). Now
    -- and then a first version was rejected: submitted 8 days earlier, after the
    -- assignment was made.
    SELECT toewijzing.*,
        CASE WHEN kort THEN toewijzing_op ELSE least(greatest({_moment("dag")},
            toewijzing_op + interval '1 hour'), %(nu)s::timestamptz - interval '5 minutes')
            END AS ingediend_op,
        NOT kort AND random() < %(kans_afgewezen)s
            AND dag - 8 > coalesce(toewijzing_dag, vorige_ingang + 7) AS afgewezen
    FROM toewijzing
),
slot AS MATERIALIZED (
    -- A definitive decision is the plan accepted by the consulent 1-5 days after it came
    -- in; a withdrawal was recorded around the start date.
    SELECT plan.*,
        CASE WHEN kort THEN ingediend_op ELSE least(ingediend_op
            + {_tussen(1, 5)} * interval '1 day' + {_tussen(0, 6)} * interval '1 hour',
            %(nu)s::timestamptz - interval '1 minute') END AS aangemaakt,
        CASE WHEN ingetrokken THEN {_moment(f"ingangsdatum - {_tussen(0, 10)}")} END
            AS ingetrokken_op,
        CASE WHEN afgewezen THEN {_moment("dag - 8")} END AS afgewezen_ingediend_op
    FROM plan
)
SELECT s.n, s.j, s.kort, s.ingetrokken, s.deelt, s.laatste, s.vervangt_vorige,
    s.ingangsdatum, s.einddatum, s.verzenddatum, bz.tot AS bezwaartermijn_tot,
    a.id AS aanbieder_id, a.medewerker_id, s.consulent_id, b.id AS bandbreedte_id,
    CASE WHEN s.kort THEN b.min_minuten ELSE {_tussen("b.min_minuten", "b.max_minuten")}
        END AS minuten,
    s.was_strijk, s.aangemaakt,
    CASE WHEN s.ingetrokken THEN greatest(s.aangemaakt, s.ingetrokken_op) ELSE s.aangemaakt
        END AS gewijzigd,
    CASE WHEN s.ingetrokken THEN (%(intrekkingsredenen)s::text[])[{_tussen(1, "%(redenen)s")}]
        ELSE '' END AS intrekkingsreden,
    s.dag AS ingediend, s.ingediend_op, s.afgewezen, s.afgewezen_ingediend_op,
    s.afgewezen_ingediend_op + {_tussen(1, 4)} * interval '1 day' AS afgewezen_op,
    (%(afwijsredenen)s::text[])[{_tussen(1, "%(afwijs)s")}] AS afwijsreden,
    s.toewijzing_ingang, s.toewijzing_op,
    least(s.toewijzing_op + {_tussen(1, 72)} * interval '1 hour', %(nu)s::timestamptz)
        AS gezien_op
FROM slot AS s
JOIN syn_ref AS b ON b.soort = 'band' AND b.i = s.band_g
JOIN syn_ref AS a ON a.soort = 'aanbieder' AND a.i = s.aanbieder_g
LEFT JOIN syn_bezwaar AS bz ON bz.verzenddatum = s.verzenddatum
"""  # noqa: S608 - composed of module constants only

# Ids in the order of creation, from blocks reserved in the tables' own sequences.
SQL_IDS_CLIENTEN = f"""
CREATE TEMP TABLE syn_client_rij ON COMMIT DROP AS
WITH eerste AS MATERIALIZED (
    -- A client was registered 45-120 days before the first decision.
    SELECT n, {_moment(f"min(ingangsdatum) - {_tussen(45, 120)}")} AS aangemaakt
    FROM syn_keten
    GROUP BY n
)
SELECT %(basis)s + row_number() OVER (ORDER BY aangemaakt, n) - 1 AS id, n, aangemaakt
FROM eerste
"""  # noqa: S608 - composed of module constants only

SQL_IDS_BESCHIKKINGEN = """
CREATE TEMP TABLE syn_besl ON COMMIT DROP AS
WITH genummerd AS (
    SELECT k.*, c.id AS client_id,
        %(beschikking_basis)s + row_number() OVER (ORDER BY k.aangemaakt, k.n, k.j) - 1
            AS beschikking_id,
        CASE WHEN k.laatste THEN %(toewijzing_basis)s - 1 + row_number() OVER (
            PARTITION BY k.laatste ORDER BY k.toewijzing_op, k.n, k.j) END AS toewijzing_id
    FROM syn_keten AS k
    JOIN syn_client_rij AS c USING (n)
)
SELECT genummerd.*,
    CASE WHEN vervangt_vorige
        THEN lag(beschikking_id) OVER (PARTITION BY n ORDER BY ingangsdatum) END AS vervangt_id
FROM genummerd
"""

SQL_IDS_PLANNEN = """
CREATE TEMP TABLE syn_plan ON COMMIT DROP AS
SELECT %(basis)s + row_number() OVER (ORDER BY aangemaakt, n, j, versie) - 1 AS id, versies.*
FROM (
    -- The accepted plan of every definitive decision: the decision itself ...
    SELECT n, j, toewijzing_id, CASE WHEN afgewezen THEN 2 ELSE 1 END AS versie,
        'geaccepteerd' AS status, ingediend_op AS aangemaakt, aangemaakt AS beoordeeld_op,
        '' AS afwijsreden, verzenddatum, minuten, was_strijk, ingangsdatum, einddatum,
        medewerker_id, consulent_id
    FROM syn_besl
    WHERE NOT kort
    UNION ALL
    -- ... and the rejected version before it, where there was one.
    SELECT n, j, toewijzing_id, 1, 'afgewezen', afgewezen_ingediend_op, afgewezen_op,
        afwijsreden, ingediend - 8, minuten, was_strijk, ingangsdatum, einddatum,
        medewerker_id, consulent_id
    FROM syn_besl
    WHERE afgewezen
) AS versies
"""

# The inserts: one statement per table and id range, rows in id order.
SQL_INSERT_CLIENTEN = f"""
INSERT INTO indicaties_client (id, uuid, created_at, modified_at, bsn, voornamen,
    voorvoegsel, achternaam, geboortedatum, straat, huisnummer, huisnummertoevoeging,
    postcode, woonplaats, telefoon, email, gemeente_id, consulent_id)
SELECT rij.id, gen_random_uuid(), rij.aangemaakt, rij.aangemaakt, bsn.bsn,
    (%(voornamen)s::text[])[{_tussen(1, "%(n_voornamen)s")}],
    (%(voorvoegsels)s::text[])[c.achternaam_i], (%(achternamen)s::text[])[c.achternaam_i],
    DATE '1930-01-01' + {_tussen(0, 365 * 70 - 1)},
    (%(straten)s::text[])[{_tussen(1, "%(n_straten)s")}], {_tussen(1, 249)}, '',
    (g.postcode_prefix + {_tussen(0, 8)})::text
        || substr(%(letters)s, {_tussen(1, len(POSTCODE_LETTERS))}, 1)
        || substr(%(letters)s, {_tussen(1, len(POSTCODE_LETTERS))}, 1),
    g.naam, '06 ' || {_tussen(10000000, 99999999)}::text,
    'client' || lpad(rij.n::text, 7, '0') || %(marker)s, g.id, cons.id
FROM syn_client_rij AS rij
JOIN syn_client AS c USING (n)
JOIN syn_bsn AS bsn USING (n)
JOIN syn_ref AS g ON g.soort = 'gemeente' AND g.i = c.gemeente_i
JOIN syn_ref AS cons ON cons.soort = 'consulent' AND cons.i = c.consulent_i
WHERE rij.id BETWEEN %(van)s AND %(tot)s
ORDER BY rij.id
"""  # noqa: S608 - composed of module constants only

SQL_INSERT_TOEWIJZINGEN = """
INSERT INTO indicaties_toewijzing (id, uuid, created_at, modified_at, ingangsdatum,
    einddatum, aanbieder_id, client_id, product_id, stop_afwijking_reden, bandbreedte_id,
    eenheid, frequentie, gezien_op, start_zorg, volume, beschikking_id, heeft_plan,
    reden_wijziging)
SELECT toewijzing_id, gen_random_uuid(), toewijzing_op, greatest(gezien_op, gewijzigd),
    toewijzing_ingang,
    -- A withdrawal ends the assignment the day before the decision would have started.
    CASE WHEN ingetrokken THEN greatest(ingangsdatum - 1, toewijzing_ingang) ELSE einddatum
        END,
    aanbieder_id, client_id, %(product)s, '', bandbreedte_id, %(eenheid)s, %(frequentie)s,
    gezien_op,
    -- The provider reported the start of care for what has started.
    CASE WHEN NOT kort AND NOT ingetrokken AND ingangsdatum <= %(vandaag)s THEN ingangsdatum
        END,
    minuten, beschikking_id,
    -- Worklist marker: every definitive decision's assignment has its plan(s) (syn_plan).
    NOT kort,
    -- WMO002: a withdrawal from the start deletes the assignment (13), a later one shortens
    -- it (05).
    CASE WHEN NOT ingetrokken THEN ''
        WHEN ingangsdatum - 1 <= toewijzing_ingang THEN '13' ELSE '05' END
FROM syn_besl
WHERE laatste AND toewijzing_id BETWEEN %(van)s AND %(tot)s
ORDER BY toewijzing_id
"""

SQL_INSERT_PLANNEN = """
INSERT INTO indicaties_ondersteuningsplan (id, uuid, created_at, modified_at, versie, status,
    minuten_per_week, was_strijk, ingangsdatum, einddatum, afspraken, verzenddatum, bestand,
    bestandsnaam, sha256, grootte, beoordeeld_op, afwijsreden, beoordeeld_door_id,
    ingediend_door_id, ondertekenaar_id, toewijzing_id, vervangen)
SELECT id, gen_random_uuid(), aangemaakt, beoordeeld_op, versie, status, minuten,
    was_strijk, ingangsdatum, einddatum, %(afspraken)s, verzenddatum, %(bestand)s,
    'ondersteuningsplan.pdf', %(sha256)s, %(grootte)s, beoordeeld_op, afwijsreden,
    consulent_id, medewerker_id, medewerker_id, toewijzing_id,
    -- Worklist marker: replaced by a higher version of the same assignment. Every
    -- rejected version here is followed by the accepted version 2.
    status = 'afgewezen'
FROM syn_plan
WHERE id BETWEEN %(van)s AND %(tot)s
ORDER BY id
"""

SQL_INSERT_BESCHIKKINGEN = """
INSERT INTO indicaties_beschikking (id, uuid, created_at, modified_at, soort, status,
    minuten_per_week, was_strijk, ingangsdatum, einddatum, verzenddatum, bezwaartermijn_tot,
    ingetrokken_per, intrekkingsreden, geexporteerd_op, aanbieder_id, bandbreedte_id,
    client_id, ondertekend_door_id, product_id, vervangt_id, melding_id,
    ondersteuningsplan_id)
SELECT b.beschikking_id, gen_random_uuid(), b.aangemaakt, b.gewijzigd,
    CASE WHEN b.kort THEN 'kortdurend' ELSE 'definitief' END,
    CASE WHEN b.ingetrokken THEN 'ingetrokken' ELSE 'geldig' END,
    b.minuten, b.was_strijk, b.ingangsdatum, b.einddatum, b.verzenddatum,
    b.bezwaartermijn_tot, CASE WHEN b.ingetrokken THEN b.ingangsdatum END,
    b.intrekkingsreden, NULL, b.aanbieder_id, b.bandbreedte_id, b.client_id,
    -- The consulent signs a short decision; the provider's plan is the definitive one.
    CASE WHEN b.kort THEN b.consulent_id ELSE b.medewerker_id END,
    %(product)s, b.vervangt_id, NULL, p.id
FROM syn_besl AS b
LEFT JOIN syn_plan AS p ON p.n = b.n AND p.j = b.j AND p.status = 'geaccepteerd'
WHERE b.beschikking_id BETWEEN %(van)s AND %(tot)s
ORDER BY b.beschikking_id
"""


# What the summary reports about the decisions.
OVERZICHT = """
SELECT count(*) FILTER (WHERE kort), count(*) FILTER (WHERE NOT kort),
    count(*) FILTER (WHERE ingetrokken),
    count(*) FILTER (WHERE NOT ingetrokken AND %(vandaag)s BETWEEN ingangsdatum AND einddatum),
    count(*) FILTER (WHERE einddatum >= %(vandaag)s)
FROM syn_besl
"""


class Command(BaseCommand):
    help = (
        "Vul de database met synthetische HO-gegevens op landelijke schaal, in SQL "
        "(INSERT ... SELECT uit generate_series): cliënten met geldige BSN's (elfproef), "
        "per cliënt een keten van aansluitende beschikkingen (kortdurend, daarna definitief "
        "van ongeveer 12 maanden; enkele ingetrokken), toewijzingen en geaccepteerde "
        "ondersteuningsplannen (één echte PDF). Einddatums gelijkmatig verdeeld over "
        "2021-2028. Bovenop `manage.py demo_data`. Schrijft GEEN historie-rijen "
        "(simple-history) voor de synthetische rijen. Eén transactie; tijdens het invoegen "
        "zijn de secundaire indexen en foreign keys van de vier tabellen weg (daarna exact "
        "hersteld en gecontroleerd), de tabellen zijn tot de commit op slot. Daarna ANALYZE. "
        "Een tweede run voegt niets toe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=250_000)
        parser.add_argument("--decisions", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=1, help="voor setseed()")
        parser.add_argument(
            "--batch",
            type=int,
            default=50_000,
            help="cliënten per ronde: begrenst geheugen en toont voortgang",
        )
        parser.add_argument(
            "--vacuum", action="store_true", help="VACUUM (ANALYZE) in plaats van ANALYZE"
        )

    def handle(self, *args, clients, decisions, seed, batch, vacuum, **options):
        begin = clock.perf_counter()
        if not settings.DEBUG:
            raise CommandError(
                "synthetic_sql schrijft synthetische cliënten en vergrendelt tijdens het laden "
                "de tabellen; alleen voor een benchmarkdatabase (DJANGO_DEBUG=true)."
            )
        if clients < 1 or batch < 1:
            raise CommandError("--clients en --batch moeten minstens 1 zijn.")
        if not clients <= decisions <= MAX_PER_CLIENT * clients:
            raise CommandError(
                f"--decisions moet tussen 1 en {MAX_PER_CLIENT} keer --clients liggen "
                f"(nu {decisions} voor {clients} cliënten)."
            )
        self.vandaag = timezone.localdate()
        self.nu = timezone.now()
        self.stappen: dict[str, float] = {}
        ref = demo_referentie(self.vandaag, "synthetic_sql")
        bestaand = Client.objects.filter(email__endswith=MARKER).count()
        if bestaand:
            self.stdout.write(
                f"Er staan al {bestaand} synthetische cliënten van synthetic_sql in deze "
                "database; er is niets toegevoegd. Begin met een lege database om opnieuw te "
                "genereren."
            )
            return
        rondes = math.ceil(clients / batch)
        with transaction.atomic(), connection.cursor() as self.cur:
            with self._stap("voorbereiding"):
                params = self._voorbereiding(ref, clients, decisions, seed)
            with self._stap("BSN's"):
                self._bsns(clients, params)
            with self._stap("ketens"):
                self._ketens(clients, batch, rondes, params)
            with self._stap("ids"):
                self._ids(clients, decisions)
            with self._stap("indexen en FK's weg"):
                herstel = self._indexen_weg()
            for naam, sql, sleutel in (
                ("cliënten", SQL_INSERT_CLIENTEN, "client"),
                ("toewijzingen", SQL_INSERT_TOEWIJZINGEN, "toewijzing"),
                ("ondersteuningsplannen", SQL_INSERT_PLANNEN, "plan"),
                ("beschikkingen", SQL_INSERT_BESCHIKKINGEN, "beschikking"),
            ):
                with self._stap(naam):
                    self._insert(naam, sql, sleutel, params)
            with self._stap("indexen terug"):
                self._sql("SET LOCAL maintenance_work_mem = '512MB'")
                for soort, sql in herstel:
                    if soort == "index":
                        self._sql(sql)
            with self._stap("FK's terug (controle)"):
                for soort, sql in herstel:
                    if soort == "fk":
                        self._sql(sql)
            self.overzicht = self._rij(OVERZICHT, params)
            self._sql("DROP TABLE IF EXISTS " + ", ".join(TIJDELIJK))
        with self._stap("ANALYZE"), connection.cursor() as cur:
            # VACUUM cannot run inside a transaction (a test's); ANALYZE can.
            vacuum = vacuum and not connection.in_atomic_block
            opdracht = "VACUUM (ANALYZE)" if vacuum else "ANALYZE"
            for tabel in TABELLEN:
                cur.execute(f"{opdracht} {tabel}")
        self._samenvatting(clock.perf_counter() - begin)

    # ------------------------------------------------------------------ helpers

    @contextmanager
    def _stap(self, naam: str):
        start = clock.perf_counter()
        yield
        self.stappen[naam] = clock.perf_counter() - start
        self.stdout.write(f"{naam}: {self.stappen[naam]:.1f} s")

    def _sql(self, sql: str, params: dict | list | None = None) -> int:
        self.cur.execute(sql, params)
        return self.cur.rowcount

    def _rij(self, sql: str, params: dict | list | None = None) -> tuple:
        self.cur.execute(sql, params)
        return self.cur.fetchone()

    def _rijen(self, sql: str, params: dict | list | None = None) -> list[tuple]:
        self.cur.execute(sql, params)
        return self.cur.fetchall()

    def _reserveer(self, model, aantal: int) -> int:
        """The first of ``aantal`` consecutive ids taken from the table's own sequence."""
        (reeks,) = self._rij("SELECT pg_get_serial_sequence(%s, 'id')", [model._meta.db_table])
        (eerste,) = self._rij("SELECT nextval(%s)", [reeks])
        if aantal > 1:
            self._sql("SELECT setval(%s, %s)", [reeks, eerste + aantal - 1])
        return eerste

    def _indexen_weg(self) -> list[tuple[str, str]]:
        """Drop the foreign keys and the secondary indexes of the four tables (in this
        transaction); return the SQL that restores them exactly, from the catalog.

        Maintaining every index and checking every foreign key row by row (dozens per
        decision) is most of the cost of a bulk insert; rebuilding an index and validating
        a foreign key afterwards takes one sorted pass or one anti-join each (what
        pg_restore does). Primary keys, unique
        constraints and the exclusion constraint stay in place and are checked row by row.
        A recreated unique index and a re-added foreign key validate every row again, so
        nothing leaves the transaction that violates a constraint. The tables are locked
        (ACCESS EXCLUSIVE) until the commit."""
        rijen = self._rijen(
            """
            SELECT 'fk', format('ALTER TABLE %%s DROP CONSTRAINT %%I', conrelid::regclass,
                    conname),
                format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s', conrelid::regclass, conname,
                    pg_get_constraintdef(oid))
            FROM pg_constraint
            WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])
            UNION ALL
            SELECT 'index', format('DROP INDEX %%s', i.indexrelid::regclass),
                pg_get_indexdef(i.indexrelid)
            FROM pg_index AS i
            WHERE i.indrelid = ANY(%s::regclass[])
              AND NOT EXISTS (
                  SELECT FROM pg_constraint AS c
                  WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                    AND c.contype IN ('p', 'u', 'x')
              )
            ORDER BY 1, 2
            """,
            [TABELLEN, TABELLEN],
        )
        # DDL on a table with pending deferred checks (the users made above) is refused:
        # run those checks now, then return to Django's initially deferred mode.
        self._sql("SET CONSTRAINTS ALL IMMEDIATE")
        self._sql("SET CONSTRAINTS ALL DEFERRED")
        for _, weg, _ in rijen:
            self._sql(weg)
        return [(soort, terug) for soort, _, terug in rijen]

    # ------------------------------------------------------------------ steps

    def _voorbereiding(self, ref, clients: int, decisions: int, seed: int) -> dict:
        """Users, the PDF, session settings and the small reference tables the SQL joins:
        syn_ref (consulenten, providers with their employee, bands, municipalities) and
        syn_bezwaar (the objection term per sending date, holidays included)."""
        synthetische_consulenten(math.ceil(clients / CLIENTEN_PER_CONSULENT))
        consulenten = list(
            User.objects.filter(
                is_active=True,
                rollen__contains=[Rol.CONSULENT],
                organisatie__soort=Organisatie.Soort.SDD,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not consulenten:
            raise CommandError("Er is geen actieve consulent: draai eerst `manage.py demo_data`.")
        medewerker = medewerker_per_aanbieder(ref.aanbieders)
        sha256, grootte = synthetisch_pdf()
        self._sql("DROP TABLE IF EXISTS " + ", ".join(TIJDELIJK))
        self._sql("SET LOCAL work_mem = '256MB'")
        self._sql("SET LOCAL synchronous_commit = off")
        self._sql("SELECT setseed(%s)", [(seed % 2_000_001) / 1_000_000 - 1])

        self._sql(
            "CREATE TEMP TABLE syn_ref (soort text, i int, id bigint, medewerker_id bigint, "
            "min_minuten int, max_minuten int, naam text, postcode_prefix int, "
            "PRIMARY KEY (soort, i)) ON COMMIT DROP"
        )
        rijen = [
            ("consulent", i, pk, None, None, None, None, None)
            for i, pk in enumerate(consulenten, 1)
        ]
        rijen += [
            ("aanbieder", i, a.pk, medewerker[a.pk].pk, None, None, a.naam, None)
            for i, a in enumerate(ref.aanbieders, 1)
        ]
        rijen += [
            ("band", i, b.pk, None, b.min_minuten, b.max_minuten, b.code, None)
            for i, b in enumerate(ref.banden, 1)
        ]
        rijen += [
            ("gemeente", i, g.pk, None, None, None, g.naam, POSTCODE_PREFIX.get(g.code, 3311))
            for i, g in enumerate(ref.gemeenten, 1)
        ]
        self.cur.executemany("INSERT INTO syn_ref VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", rijen)
        dagen = [
            VENSTER_BEGIN - timedelta(days=600) + timedelta(days=i)
            for i in range((self.vandaag - VENSTER_BEGIN).days + 601)
        ]
        self._sql(
            "CREATE TEMP TABLE syn_bezwaar ON COMMIT DROP AS "
            "SELECT unnest(%s::date[]) AS verzenddatum, unnest(%s::date[]) AS tot",
            [dagen, [bezwaartermijn_einde(d) for d in dagen]],
        )
        self._sql("ALTER TABLE syn_bezwaar ADD PRIMARY KEY (verzenddatum)")

        totaal = sum(BAND_GEWICHTEN)
        grenzen = [sum(BAND_GEWICHTEN[: i + 1]) / totaal for i in range(len(BAND_GEWICHTEN) - 1)]
        return {
            "clients": clients,
            "decisions": decisions,
            "kmax": MAX_PER_CLIENT,
            "venster": VENSTER_DAGEN,
            "begin": VENSTER_BEGIN,
            "vandaag": self.vandaag,
            "nu": self.nu,
            "aanbieders": len(ref.aanbieders),
            "consulenten": len(consulenten),
            "gemeenten": len(ref.gemeenten),
            "kort_dagen": ref.product.kortdurend_weken * 7,
            "kans_kort_eerst": KANS_KORT_EERST,
            "kans_herstart": KANS_HERSTART,
            "kans_ingetrokken": KANS_INGETROKKEN,
            "kans_andere_aanbieder": KANS_ANDERE_AANBIEDER,
            "kans_was_strijk": KANS_WAS_STRIJK,
            "kans_afgewezen": KANS_AFGEWEZEN_VERSIE,
            "band_grenzen": grenzen,
            "intrekkingsredenen": list(INTREKKINGSREDENEN),
            "redenen": len(INTREKKINGSREDENEN),
            "afwijsredenen": list(AFWIJSREDENEN),
            "afwijs": len(AFWIJSREDENEN),
            "voornamen": VOORNAMEN,
            "n_voornamen": len(VOORNAMEN),
            "voorvoegsels": [v for v, _ in NATIONALE_ACHTERNAMEN],
            "achternamen": [a for _, a in NATIONALE_ACHTERNAMEN],
            "n_achternamen": len(NATIONALE_ACHTERNAMEN),
            "straten": STRATEN,
            "n_straten": len(STRATEN),
            "letters": POSTCODE_LETTERS,
            "marker": MARKER,
            "product": ref.product.pk,
            "eenheid": ref.product.eenheid,
            "frequentie": ref.product.frequentie,
            "afspraken": AFSPRAKEN,
            "bestand": PDF_NAAM,
            "sha256": sha256,
            "grootte": grootte,
        }

    def _bsns(self, clients: int, params: dict) -> None:
        # About 10 in 11 prefixes give a valid BSN; look far enough down for the clients
        # plus every BSN that might already be taken in the range.
        bezet = Client.objects.count()
        laagste = BSN_HOOGSTE_PREFIX - math.ceil((clients + bezet) * 1.2) - 100
        if laagste < 10_000_000:
            raise CommandError(f"Er zijn geen {clients} vrije BSN's in het bereik.")
        self._sql(SQL_BSN, {**params, "hoogste": BSN_HOOGSTE_PREFIX, "laagste": laagste})
        (gevonden,) = self._rij("SELECT count(*) FROM syn_bsn")
        if gevonden < clients:
            raise CommandError(f"Er zijn geen {clients} vrije BSN's in het bereik.")

    def _ketens(self, clients: int, batch: int, rondes: int, params: dict) -> None:
        self._sql(SQL_CLIENTEN, params)
        self._sql("ANALYZE syn_client")
        self._sql(
            f"CREATE TEMP TABLE syn_keten ON COMMIT DROP AS {SQL_KETEN} WITH NO DATA",
            {**params, "van": 0, "tot": -1},
        )
        for ronde in range(rondes):
            van, tot = ronde * batch + 1, min((ronde + 1) * batch, clients)
            start = clock.perf_counter()
            aantal = self._sql(
                f"INSERT INTO syn_keten {SQL_KETEN}", {**params, "van": van, "tot": tot}
            )
            self.stdout.write(
                f"  ketens {ronde + 1}/{rondes}: cliënten {van}-{tot}, {aantal} beschikkingen "
                f"({clock.perf_counter() - start:.1f} s)"
            )
        self._sql("ANALYZE syn_keten")

    def _ids(self, clients: int, decisions: int) -> None:
        toewijzingen, plannen, beschikkingen = self._rij(
            "SELECT count(*) FILTER (WHERE laatste), "
            "count(*) FILTER (WHERE NOT kort) + count(*) FILTER (WHERE afgewezen), count(*) "
            "FROM syn_keten"
        )
        if beschikkingen != decisions:  # the chain lengths add up by construction
            raise CommandError(f"{beschikkingen} beschikkingen gemaakt in plaats van {decisions}.")
        self.aantal = {
            "client": clients,
            "toewijzing": toewijzingen,
            "plan": plannen,
            "beschikking": decisions,
        }
        modellen = {
            "client": Client,
            "toewijzing": Toewijzing,
            "plan": Ondersteuningsplan,
            "beschikking": Beschikking,
        }
        self.basis = {k: self._reserveer(modellen[k], n) for k, n in self.aantal.items()}
        self._sql(SQL_IDS_CLIENTEN, {"basis": self.basis["client"], "nu": self.nu})
        self._sql("CREATE INDEX ON syn_client_rij (id)")
        self._sql("ANALYZE syn_client_rij")
        self._sql(
            SQL_IDS_BESCHIKKINGEN,
            {
                "beschikking_basis": self.basis["beschikking"],
                "toewijzing_basis": self.basis["toewijzing"],
            },
        )
        self._sql("CREATE INDEX ON syn_besl (beschikking_id)")
        self._sql("CREATE INDEX ON syn_besl (toewijzing_id)")
        self._sql("ANALYZE syn_besl")
        self._sql(SQL_IDS_PLANNEN, {"basis": self.basis["plan"]})
        self._sql("CREATE INDEX ON syn_plan (id)")
        self._sql("ANALYZE syn_plan")

    def _insert(self, naam: str, sql: str, sleutel: str, params: dict) -> None:
        """Insert in id order, one statement per INSERT_RIJEN consecutive ids."""
        basis, aantal = self.basis[sleutel], self.aantal[sleutel]
        totaal = 0
        for van in range(basis, basis + aantal, INSERT_RIJEN):
            start = clock.perf_counter()
            tot = min(van + INSERT_RIJEN, basis + aantal) - 1
            totaal += self._sql(sql, {**params, "van": van, "tot": tot})
            self.stdout.write(f"  {totaal}/{aantal} {naam} ({clock.perf_counter() - start:.1f} s)")
        if totaal != aantal:
            raise CommandError(f"{totaal} {naam} ingevoegd in plaats van {aantal}.")

    def _samenvatting(self, seconden: float) -> None:
        kort, definitief, ingetrokken, lopend, nog_niet_afgelopen = self.overzicht
        a = self.aantal
        per_dag = a["beschikking"] / VENSTER_DAGEN
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetische HO-gegevens (SQL) toegevoegd in {seconden:.1f} s: "
                f"{a['client']} cliënten, {a['beschikking']} beschikkingen, "
                f"{a['toewijzing']} toewijzingen, {a['plan']} ondersteuningsplannen."
            )
        )
        self.stdout.write(
            f"Beschikkingen: {kort} kortdurend, {definitief} definitief, waarvan {ingetrokken} "
            f"ingetrokken; gemiddeld {per_dag:.0f} einddatums per dag in "
            f"{VENSTER_BEGIN:%d-%m-%Y}..{VENSTER_EINDE:%d-%m-%Y}; op {self.vandaag:%d-%m-%Y} "
            f"lopen er {lopend} geldige, {nog_niet_afgelopen} eindigen op of na vandaag."
        )
        self.stdout.write(
            "Seconden per stap: " + ", ".join(f"{naam} {s:.1f}" for naam, s in self.stappen.items())
        )
