"""Synthetic inbox signals for the benchmark scales, generated set-based in PostgreSQL.

The daily jobs create signals one subject at a time (about 2 ms each, with history and
letters); a national data set of five million decisions would need hours that way. This
module writes what those jobs and the event hooks would have left behind over the last
``maanden`` months, straight from the decisions and assignments in the tables, with one
``INSERT ... SELECT`` per kind:

- ``verloop``: six weeks before a definitive decision (not withdrawn) ends, one signal in
  the provider's inbox and one task for the client's consulent (or all consulenten when the
  client has none). Those due more than three weeks ago are closed, as a consulent who
  extended or re-indicated would have closed them; the recent ones are open.
- ``nieuwe_toewijzing``: every assignment created in the period, in the provider's inbox,
  closed once the provider opened the assignment (``gezien_op``).

Only subjects of synthetic clients (e-mail ``…synthetisch.example.org``) get signals, so
the demo data keeps its own. ``ON CONFLICT DO NOTHING`` on the rule's uniqueness
(``signaal_eenmaal``) makes a second run add nothing. No history rows are written.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from bandbreedte.models import Product
from indicaties.models import Beschikking, Client, Toewijzing
from sdd_portal.accounts.models import Organisatie, Rol, User
from signalen.models import Ontvanger, Signaal, SignaalSoort

from . import DOMEIN

SYNTHETISCH = f"%{DOMEIN}"  # LIKE pattern: the clients of synthetic_ho and synthetic_sql
VERLOOP_DAGEN = 42
OPEN_DAGEN = 21  # signals due this recently are still open


def _moment(dag: str, uur: str) -> str:
    """SQL: ``dag`` (a date expression) at ``uur`` hours in Amsterdam time."""
    return f"(({dag})::timestamp + ({uur}) * interval '1 hour') AT TIME ZONE 'Europe/Amsterdam'"


def signalen_genereren(*, maanden: int = 24, vandaag: date | None = None, stdout=None) -> dict:
    """Insert the signals; returns the number per kind and the seconds taken."""
    vandaag = vandaag or timezone.localdate()
    van = vandaag - timedelta(days=round(maanden * 30.44))
    sdd_id = Organisatie.objects.sdd().values_list("pk", flat=True).first()
    if sdd_id is None:
        raise ValueError("Geen SDD-organisatie: draai eerst `manage.py demo_data`.")
    params = {
        "van": van,
        "tot": vandaag + timedelta(days=VERLOOP_DAGEN),
        "vandaag": vandaag,
        "open_vanaf": vandaag - timedelta(days=OPEN_DAGEN),
        "dagen": VERLOOP_DAGEN,
        "sdd": sdd_id,
        "rol_consulent": Rol.CONSULENT.value,
        "ct_beschikking": ContentType.objects.get_for_model(Beschikking).pk,
        "ct_toewijzing": ContentType.objects.get_for_model(Toewijzing).pk,
        "synthetisch": SYNTHETISCH,
        "aanbieder": Ontvanger.AANBIEDER.value,
        "consulent": Ontvanger.CONSULENT.value,
        "verloop": SignaalSoort.VERLOOP.value,
        "nieuw": SignaalSoort.NIEUWE_TOEWIJZING.value,
        "definitief": Beschikking.Soort.DEFINITIEF.value,
    }
    t = {
        "signaal": Signaal._meta.db_table,
        "besl": Beschikking._meta.db_table,
        "toew": Toewijzing._meta.db_table,
        "client": Client._meta.db_table,
        "product": Product._meta.db_table,
        "user": User._meta.db_table,
    }
    kolommen = (
        "uuid, created_at, modified_at, soort, ontvanger, organisatie_id, rol, gebruiker_id, "
        "client_id, onderwerp_type_id, onderwerp_id, peildatum, titel, tekst, link, status, "
        "gesloten_op, sluitnotitie"
    )
    naam = "concat_ws(' ', c.voornamen, nullif(c.voorvoegsel, ''), c.achternaam)"
    eind = "to_char(b.einddatum, 'DD-MM-YYYY')"
    gesloten = "b.einddatum - %(dagen)s < %(open_vanaf)s"
    dicht = _moment("b.einddatum - %(dagen)s + 1 + (b.id %% 14)::int", "9 + (b.id %% 8)::int")
    # Table names and SQL fragments are this module's own constants; values go as params.
    verloop = f"""
        INSERT INTO {t["signaal"]} ({kolommen})
        SELECT gen_random_uuid(), aangemaakt, coalesce(dicht, aangemaakt), %(verloop)s, o.ontvanger,
               CASE WHEN o.ontvanger = %(aanbieder)s THEN b.aanbieder_id ELSE %(sdd)s END,
               CASE WHEN o.ontvanger = %(consulent)s AND u.id IS NULL
                    THEN %(rol_consulent)s ELSE '' END,
               CASE WHEN o.ontvanger = %(consulent)s THEN u.id END,
               b.client_id, %(ct_beschikking)s, b.id, b.einddatum - %(dagen)s,
               CASE WHEN o.ontvanger = %(aanbieder)s
                    THEN 'Beschikking ' || p.code || ' van ' || {naam} || ' eindigt op ' || {eind}
                    ELSE 'Verlengen of herindiceren: ' || {naam} || ', beschikking ' || p.code
                         || ' eindigt op ' || {eind} END,
               CASE WHEN o.ontvanger = %(aanbieder)s
                    THEN 'De cliënt krijgt een brief met het verzoek contact op te nemen met de '
                         'SDD. Laat de consulent weten of er iets veranderd is.'
                    ELSE 'Bevestig dat er niets veranderd is (verlengen) of start een '
                         'herindicatie. Verlengen kan tot en met de einddatum.' END,
               '/beschikkingen/' || b.uuid || '/',
               CASE WHEN dicht IS NULL THEN 'open' ELSE 'gesloten' END,
               dicht,
               CASE WHEN dicht IS NULL THEN ''
                    WHEN b.id %% 5 = 0 THEN 'Herindicatie gestart.'
                    ELSE 'Verlengd; niets veranderd.' END
        FROM {t["besl"]} b
        JOIN {t["client"]} c ON c.id = b.client_id
        JOIN {t["product"]} p ON p.id = b.product_id
        LEFT JOIN {t["user"]} u ON u.id = c.consulent_id AND u.is_active
        CROSS JOIN (VALUES (%(aanbieder)s), (%(consulent)s)) AS o (ontvanger)
        CROSS JOIN LATERAL (
            SELECT {_moment("b.einddatum - %(dagen)s", "6")} AS aangemaakt,
                   CASE WHEN {gesloten}
                        THEN {dicht}
                   END AS dicht
        ) AS m
        WHERE b.soort = %(definitief)s AND b.ingetrokken_per IS NULL
          AND b.einddatum > %(van)s AND b.einddatum <= %(tot)s
          AND c.email LIKE %(synthetisch)s
        ON CONFLICT DO NOTHING
    """  # noqa: S608
    nieuw = f"""
        INSERT INTO {t["signaal"]} ({kolommen})
        SELECT gen_random_uuid(), w.created_at, coalesce(w.gezien_op, w.created_at), %(nieuw)s,
               %(aanbieder)s, w.aanbieder_id, '', NULL, w.client_id, %(ct_toewijzing)s, w.id,
               (w.created_at AT TIME ZONE 'Europe/Amsterdam')::date,
               'Nieuwe toewijzing: ' || p.code || ' voor ' || {naam},
               'Open de toewijzing om de cliënt en de bandbreedte te zien.',
               '/toewijzingen/' || w.uuid || '/',
               CASE WHEN w.gezien_op IS NULL THEN 'open' ELSE 'gesloten' END,
               w.gezien_op,
               CASE WHEN w.gezien_op IS NULL THEN '' ELSE 'Toewijzing geopend.' END
        FROM {t["toew"]} w
        JOIN {t["client"]} c ON c.id = w.client_id
        JOIN {t["product"]} p ON p.id = w.product_id
        WHERE w.created_at >= %(van)s AND c.email LIKE %(synthetisch)s
        ON CONFLICT DO NOTHING
    """  # noqa: S608
    uitkomst = {}
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("SET LOCAL work_mem = '256MB'")
        for soort, sql in (("verloop", verloop), ("nieuwe_toewijzing", nieuw)):
            begin = time.perf_counter()
            cur.execute(sql, params)
            uitkomst[soort] = cur.rowcount
            if stdout is not None:
                stdout.write(
                    f"  signalen {soort}: {cur.rowcount} in {time.perf_counter() - begin:.1f} s"
                )
    if not connection.in_atomic_block:
        with connection.cursor() as cur:
            cur.execute(f"VACUUM (ANALYZE) {t['signaal']}")
    uitkomst["seconden"] = round(time.perf_counter() - start, 1)
    return uitkomst
