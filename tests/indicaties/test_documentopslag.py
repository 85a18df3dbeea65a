"""No orphaned files (finding 6): an upload whose transaction fails leaves its PDF on disk;
the daily sweep removes it after the grace period, and never a file that a row or only a
history row references, nor one younger than the grace period (docs/adr/0013)."""

from __future__ import annotations

import logging
import os
import time

import pytest
from django.core.files.storage import storages
from django.db import DatabaseError, connection, transaction

from indicaties import services
from indicaties.models import Ondersteuningsplan, Toewijzing
from sdd_portal.documentopslag import bestandsvelden, wezen_opruimen
from sdd_portal.tasks import documenten_opruimen

from .conftest import goed_plan


@pytest.fixture
def opslag(tmp_path):
    """The documents storage in this test's own directory."""
    storage = storages["documenten"]
    oud = storage._location
    storage._location = str(tmp_path)
    for attr in ("base_location", "location"):
        storage.__dict__.pop(attr, None)
    yield storage
    storage._location = oud
    for attr in ("base_location", "location"):
        storage.__dict__.pop(attr, None)


def _verouderen(storage, naam, uren=25):
    oud = time.time() - uren * 3600
    os.utime(storage.path(naam), (oud, oud))


def _mislukte_upload(kortdurend, medewerker_a) -> None:
    """The plan's PDF is written, then the database fails and the transaction rolls back."""
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    with pytest.raises(DatabaseError), transaction.atomic():
        services.plan_indienen(
            actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1/0")


def test_sweep_kent_elk_bestandsveld_ook_van_de_historie(opslag):
    velden = {f"{m._meta.label}.{v.name}" for m, v in bestandsvelden(opslag)}
    assert {
        "indicaties.Ondersteuningsplan.bestand",
        "indicaties.HistoricalOndersteuningsplan.bestand",
        "indicaties.Brief.bestand",
        "indicaties.Verzendrun.bestand",
        "contractbeheer.MandaatDocument.bestand",
        "fot.Bijlage.bestand",
    } <= velden


def test_mislukte_upload_laat_na_de_sweep_geen_wees_achter(
    opslag, kortdurend, medewerker_a, mandaat_a, caplog
):
    _mislukte_upload(kortdurend, medewerker_a)
    assert not Ondersteuningsplan.objects.exists()
    wezen = [p for p in _alle(opslag) if p.startswith("ondersteuningsplannen/")]
    assert len(wezen) == 1  # the PDF of the rolled-back upload, with no row
    (wees,) = wezen

    # Younger than the grace period: may belong to a transaction still running; kept.
    assert documenten_opruimen() == 0
    assert opslag.exists(wees)

    _verouderen(opslag, wees)
    with caplog.at_level(logging.WARNING, logger="sdd_portal.documentopslag"):
        assert wezen_opruimen() == [wees]
    assert not opslag.exists(wees)
    (regel,) = [r.getMessage() for r in caplog.records if r.name == "sdd_portal.documentopslag"]
    assert wees in regel and "1 niet-verwezen" in regel
    assert kortdurend.client.naam not in regel and kortdurend.client.bsn not in regel


def test_sweep_laat_verwezen_bestanden_staan_ook_als_alleen_de_historie_ze_noemt(
    opslag, kortdurend, medewerker_a, mandaat_a
):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    plan = services.plan_indienen(
        actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
    )
    eerste = plan.bestand.name
    # The row now names another file; only the history row still names the first one.
    tweede = opslag.save("ondersteuningsplannen/tweede.pdf", plan.bestand.open("rb"))
    Ondersteuningsplan.objects.filter(pk=plan.pk).update(bestand=tweede)
    assert plan.history.filter(bestand=eerste).exists()
    for naam in _alle(opslag):
        _verouderen(opslag, naam)

    verwijderd = wezen_opruimen()
    assert eerste not in verwijderd and tweede not in verwijderd
    assert opslag.exists(eerste) and opslag.exists(tweede)
    # The letters of the short decision are referenced too (when rendered).
    assert all(opslag.exists(n) for n in _alle(opslag))


def _alle(storage, map=""):
    mappen, bestanden = storage.listdir(map)
    for naam in bestanden:
        yield f"{map}/{naam}" if map else naam
    for sub in mappen:
        yield from _alle(storage, f"{map}/{sub}" if map else sub)
