"""The task outbox (sdd_portal.wachtrij, docs/adr/0013): a task exists exactly when its change
does, runs once however often its message arrives, and the dispatcher republishes what was
lost, within bounds. On the run's real Redis broker; the Redis-outage journey is in
tests/indicaties/test_redis_uitval.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from celery import current_app
from django.db import transaction
from django.utils import timezone

from indicaties.ho.tasks import plan_ingediend_melden
from sdd_portal import wachtrij
from sdd_portal.tasks import clear_expired_sessions
from sdd_portal.wachtrij.models import Opdracht
from sdd_portal.wachtrij.services import openstaande_verzenden
from sdd_portal.wachtrij.taken import eenmalig

pytestmark = pytest.mark.django_db(transaction=True)

AANTAL = {"keer": 0}


@current_app.task(name="tests.wachtrij.tellen")
@eenmalig
def tellen(stap: int = 1) -> int:
    AANTAL["keer"] += stap
    return AANTAL["keer"]


@current_app.task(name="tests.wachtrij.mislukken")
@eenmalig
def mislukken() -> None:
    raise OSError("kapot")


@current_app.task(name="tests.wachtrij.lang")
@eenmalig(looptijd=600)
def lang(fout: bool = False) -> int:
    """A long task that commits its own progress (like a mailing run)."""
    AANTAL["keer"] += 1
    # Visible to others while the task runs: no transaction around the body.
    assert not transaction.get_connection().in_atomic_block
    if fout:
        raise OSError("kapot")
    return AANTAL["keer"]


@pytest.fixture(autouse=True)
def _teller():
    AANTAL["keer"] = 0


def test_een_taak_zonder_eenmalig_kan_niet_via_de_wachtrij():
    with pytest.raises(TypeError, match="mist @eenmalig"):
        wachtrij.plaats(clear_expired_sessions)
    assert not Opdracht.objects.exists()


def test_teruggedraaide_wijziging_laat_geen_opdracht_achter():
    with pytest.raises(RuntimeError), transaction.atomic():
        wachtrij.plaats(plan_ingediend_melden, 1)
        raise RuntimeError("de wijziging mislukt")
    assert not Opdracht.objects.exists()


def test_na_commit_verzonden_en_een_tweede_bericht_doet_niets():
    with transaction.atomic():
        opdracht = wachtrij.plaats(tellen, 2)
        assert Opdracht.objects.get().verzonden_op is None  # nothing before the commit
    opdracht.refresh_from_db()
    assert opdracht.verzonden_op is not None and opdracht.verzendingen == 1
    # The worker's execution, twice (a redelivery): the effect happens once.
    kwargs = {wachtrij.OPDRACHT_KWARG: opdracht.pk}
    assert tellen.apply(args=[2], kwargs=kwargs).get() == 2
    assert tellen.apply(args=[2], kwargs=kwargs).get() is None
    assert AANTAL["keer"] == 2
    opdracht.refresh_from_db()
    assert opdracht.uitgevoerd_op is not None


def test_mislukte_uitvoering_laat_de_opdracht_open():
    opdracht = wachtrij.plaats(mislukken)
    resultaat = mislukken.apply(kwargs={wachtrij.OPDRACHT_KWARG: opdracht.pk})
    assert isinstance(resultaat.result, OSError)
    opdracht.refresh_from_db()
    assert opdracht.uitgevoerd_op is None


def test_verzender_publiceert_verloren_opnieuw_begrensd_en_ruimt_oude_op(settings):
    nu = timezone.now()
    nooit = Opdracht.objects.create(taak=tellen.name)
    verloren = Opdracht.objects.create(
        taak=tellen.name, verzonden_op=nu - timedelta(hours=1), verzendingen=1
    )
    vers = Opdracht.objects.create(taak=tellen.name, verzonden_op=nu, verzendingen=1)
    later = Opdracht.objects.create(taak=tellen.name, niet_voor=nu + timedelta(hours=2))
    opgegeven = Opdracht.objects.create(
        taak=tellen.name,
        verzonden_op=nu - timedelta(hours=1),
        verzendingen=settings.WACHTRIJ_MAX_VERZENDINGEN,
    )
    oud_klaar = Opdracht.objects.create(
        taak=tellen.name, uitgevoerd_op=nu - timedelta(days=settings.WACHTRIJ_BEWAAR_DAGEN + 1)
    )
    recent_klaar = Opdracht.objects.create(taak=tellen.name, uitgevoerd_op=nu)

    assert openstaande_verzenden() == 2
    verzonden = {o.pk: o.verzendingen for o in Opdracht.objects.all()}
    assert verzonden[nooit.pk] == 1 and verzonden[verloren.pk] == 2
    assert verzonden[vers.pk] == 1 and verzonden[later.pk] == 0
    assert verzonden[opgegeven.pk] == settings.WACHTRIJ_MAX_VERZENDINGEN
    assert oud_klaar.pk not in verzonden and recent_klaar.pk in verzonden
    assert openstaande_verzenden() == 0  # nothing twice within the republication interval


def test_beheerder_ziet_de_wachtrij_alleen_lezen_en_een_aanbieder_niet(
    login, beheerder, medewerker_a
):
    Opdracht.objects.create(taak="indicaties.tasks.plan_ingediend_melden", args=[7])
    web = login(beheerder)
    lijst = web.get("/admin/wachtrij/opdracht/")
    assert lijst.status_code == 200
    assert "indicaties.tasks.plan_ingediend_melden" in lijst.content.decode()
    assert web.get("/admin/wachtrij/opdracht/add/").status_code == 403
    web.logout()
    web = login(medewerker_a)
    r = web.get("/admin/wachtrij/opdracht/")
    assert r.status_code == 302 and "indicaties.tasks" not in r.content.decode()


def test_lange_taak_met_eigen_transacties_loopt_eenmaal_en_na_een_dode_worker_opnieuw():
    kw = wachtrij.OPDRACHT_KWARG
    opdracht = wachtrij.plaats(lang)
    assert lang.apply(kwargs={kw: opdracht.pk}).get() == 1
    assert lang.apply(kwargs={kw: opdracht.pk}).get() is None  # done: a redelivery is a no-op
    assert AANTAL["keer"] == 1

    # Started less than ``looptijd`` ago (another worker runs it): skipped; longer ago (that
    # worker died): taken over.
    bezig = wachtrij.plaats(lang)
    Opdracht.objects.filter(pk=bezig.pk).update(gestart_op=timezone.now())
    assert lang.apply(kwargs={kw: bezig.pk}).get() is None
    Opdracht.objects.filter(pk=bezig.pk).update(gestart_op=timezone.now() - timedelta(seconds=601))
    assert lang.apply(kwargs={kw: bezig.pk}).get() == 2

    # A failure frees the row for a retry.
    mis = wachtrij.plaats(lang, True)
    assert isinstance(lang.apply(args=[True], kwargs={kw: mis.pk}).result, OSError)
    mis.refresh_from_db()
    assert mis.gestart_op is None and mis.uitgevoerd_op is None
