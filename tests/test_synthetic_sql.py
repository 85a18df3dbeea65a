"""National-scale HO data generated in SQL: valid, consistent, evenly spread, once."""

import hashlib
from collections import Counter
from datetime import date

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count, F

from indicaties.models import Beschikking, Client, Ondersteuningsplan, Toewijzing
from indicaties.states import BeschikkingStatus, PlanStatus
from proefdata.management.commands.synthetic_sql import (
    MARKER,
    TABELLEN,
    VENSTER_BEGIN,
    VENSTER_DAGEN,
    VENSTER_EINDE,
)
from sdd_portal.validators import is_valid_bsn

# Every index and constraint of the four tables, as the catalog describes them.
SCHEMA = """
SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = ANY(%s::regclass[])
UNION ALL
SELECT format('%%s %%s %%s', conrelid::regclass, conname, pg_get_constraintdef(oid))
FROM pg_constraint
WHERE conrelid = ANY(%s::regclass[]) OR confrelid = ANY(%s::regclass[])
ORDER BY 1
"""

# Pairs of valid decisions of one client and product whose periods overlap.
OVERLAP = """
SELECT count(*)
FROM indicaties_beschikking AS a
JOIN indicaties_beschikking AS b
  ON b.client_id = a.client_id AND b.product_id = a.product_id AND b.id > a.id
WHERE a.status = 'geldig' AND b.status = 'geldig'
  AND daterange(a.ingangsdatum, a.einddatum, '[]') && daterange(b.ingangsdatum, b.einddatum, '[]')
"""


def _schema() -> list[str]:
    with connection.cursor() as cur:
        cur.execute(SCHEMA, [TABELLEN] * 3)
        return [r[0] for r in cur.fetchall()]


def test_synthetic_sql_builds_valid_consistent_data_once(db, capsys, settings):
    settings.DEBUG = True
    call_command("demo_data", clienten=20)
    schema = _schema()
    call_command("synthetic_sql", clients=200, decisions=800, seed=3, batch=70)
    uit = capsys.readouterr().out
    assert "200 cliënten, 800 beschikkingen" in uit
    assert "ketens 3/3" in uit  # three rounds of at most 70 clients
    # The indexes and foreign keys dropped for the load are back, exactly as they were.
    assert _schema() == schema

    clienten = Client.objects.filter(email__endswith=MARKER)
    assert clienten.count() == 200
    assert all(is_valid_bsn(bsn) for bsn in clienten.values_list("bsn", flat=True))
    beschikkingen = Beschikking.objects.filter(client__in=clienten)
    assert beschikkingen.count() == 800
    assert clienten.annotate(n=Count("beschikkingen")).filter(n=0).count() == 0

    # No two valid decisions of a client and product overlap (the exclusion constraint
    # checked this while inserting; asked here once more).
    with connection.cursor() as cur:
        cur.execute(OVERLAP)
        assert cur.fetchone()[0] == 0

    # Every definitive decision is the accepted plan of an assignment of the same client
    # and provider, for the same period; a short decision has no plan.
    definitief = beschikkingen.filter(soort=Beschikking.Soort.DEFINITIEF)
    kort = beschikkingen.filter(soort=Beschikking.Soort.KORTDUREND)
    assert definitief.count() > kort.count() > 0
    assert not definitief.filter(ondersteuningsplan__isnull=True).exists()
    assert not definitief.exclude(ondersteuningsplan__status=PlanStatus.GEACCEPTEERD).exists()
    assert not definitief.exclude(ondersteuningsplan__toewijzing__client=F("client")).exists()
    assert not definitief.exclude(ondersteuningsplan__toewijzing__aanbieder=F("aanbieder")).exists()
    assert not definitief.exclude(ondersteuningsplan__einddatum=F("einddatum")).exists()
    assert not kort.filter(ondersteuningsplan__isnull=False).exists()
    assert not kort.exclude(minuten_per_week=F("bandbreedte__min_minuten")).exists()
    # A few are withdrawn, each with its reason.
    ingetrokken = beschikkingen.exclude(status=BeschikkingStatus.GELDIG)
    assert 0 < ingetrokken.count() < 80
    assert not ingetrokken.filter(intrekkingsreden="").exists()
    # A re-indication replaces the valid decision that ended the day before.
    vervangend = beschikkingen.filter(vervangt__isnull=False)
    assert vervangend.exists()
    assert not vervangend.exclude(vervangt__client=F("client")).exists()

    # Every assignment points at a decision of its client; the plans at one real PDF.
    toewijzingen = Toewijzing.objects.filter(client__in=clienten)
    assert toewijzingen.count() >= definitief.count()
    assert not toewijzingen.exclude(beschikking__client=F("client")).exists()
    plannen = Ondersteuningsplan.objects.filter(toewijzing__client__in=clienten)
    assert plannen.filter(status=PlanStatus.AFGEWEZEN).exclude(afwijsreden="").exists()
    plan = plannen.first()
    with storages["documenten"].open(plan.bestand.name, "rb") as fh:
        inhoud = fh.read()
    assert inhoud.startswith(b"%PDF")
    assert (hashlib.sha256(inhoud).hexdigest(), len(inhoud)) == (plan.sha256, plan.grootte)
    assert plannen.values("bestand").distinct().count() == 1

    # End dates are spread evenly over the window: about 100 a year here, about a quarter
    # of them on or after 23-11-2026 (the last 769 of the window's 2922 days).
    einden = list(beschikkingen.values_list("einddatum", flat=True))
    assert min(einden) >= VENSTER_BEGIN and max(einden) <= VENSTER_EINDE
    per_jaar = Counter(einde.year for einde in einden)
    assert sorted(per_jaar) == list(range(2021, 2029))
    assert all(60 <= n <= 140 for n in per_jaar.values()), per_jaar
    laat = sum(einde >= date(2026, 11, 23) for einde in einden)
    verwacht = 800 * ((VENSTER_EINDE - date(2026, 11, 23)).days + 1) / VENSTER_DAGEN
    assert abs(laat - verwacht) < 50
    assert max(Counter(einden).values()) <= 6

    # A second run adds nothing and says so.
    call_command("synthetic_sql", clients=200, decisions=800, seed=3)
    assert "er is niets toegevoegd" in capsys.readouterr().out
    assert Beschikking.objects.filter(client__in=clienten).count() == 800


def test_synthetic_sql_needs_demo_data_and_sane_numbers(db, settings):
    with pytest.raises(CommandError, match="benchmarkdatabase"):
        call_command("synthetic_sql", clients=10, decisions=30)
    settings.DEBUG = True
    with pytest.raises(CommandError, match="demo_data"):
        call_command("synthetic_sql", clients=10, decisions=30)
    call_command("demo_data", clienten=5)
    with pytest.raises(CommandError, match="--decisions"):
        call_command("synthetic_sql", clients=10, decisions=71)
