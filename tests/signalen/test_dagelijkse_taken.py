"""The daily jobs (``signalen.regels``) as the people they serve notice them:
who finds what in which inbox on which day, which client gets an expiry letter, and that
nothing ever arrives twice: not on a repeat, not after a gap of days, not when two runs
overlap, not when a worker is killed halfway.

Every run gets an explicit date (time travel); subjects are built around that date.
Decisions that started a year ago are written the way ``proefdata.demo.indicaties`` writes them
(the services refuse plans that start in the past); everything else goes through the
services.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import signal
import threading
from datetime import date, timedelta

import psycopg
import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.utils import timezone
from psycopg import sql

from bandbreedte.models import Bandbreedte, Normenkader
from contractbeheer import services as contractbeheer
from contractbeheer.models import Mandaat
from indicaties import services
from indicaties.brieven import services as brieven
from indicaties.ho.services import definitieve_beschikking
from indicaties.models import Beschikking, Brief, BriefSoort, Ondersteuningsplan, Toewijzing
from indicaties.states import PlanStatus
from proefdata.demo.indicaties import demo_pdf
from signalen import tasks
from signalen.models import Signaal, SignaalSoort, Taakrun, Taakstand
from signalen.regels import REGELS, dagelijkse_taken
from tests.conftest import wacht_tot
from tests.factories import ClientFactory
from tests.indicaties.conftest import goed_plan, onderzochte_melding

SDD = "Sociale Dienst Drechtsteden"
A = "Vlijtig Liesje"  # aanbieder_a
DAG = timedelta(days=1)
ZES_WEKEN = timedelta(days=42)
# A Monday far from the holidays and from today, for rules that do not need the services.
MAANDAG = date(2026, 3, 2)
PLAN_PDF = demo_pdf("Ondersteuningsplan (test)")


def _d(datum: date) -> str:
    return f"{datum:%d-%m-%Y}"


def vandaag() -> date:
    return timezone.localdate()


# ------------------------------------------------------------------------- building


@pytest.fixture
def band(ho):
    kader = Normenkader.objects.create(versie="HHM test", geldig_van=date(2025, 1, 1))
    return Bandbreedte.objects.create(
        product=ho,
        normenkader=kader,
        code="HO-B3",
        min_minuten=121,
        max_minuten=180,
        geldig_van=date(2025, 1, 1),
    )


def client(voornaam: str, achternaam: str, *, consulent=None):
    return ClientFactory(voornamen=voornaam, achternaam=achternaam, consulent=consulent)


def _opslaan(obj, *, actor, reden: str):
    obj._history_user = actor
    obj._change_reason = reden
    obj.save()
    return obj


@pytest.fixture
def lopend(band, consulent, aanbieder_a, medewerker_a):
    """A definitive decision (accepted plan) of ``wie`` at provider A from ``ingang``
    (a year before the end unless given) to ``einde``, written as the services would have
    written it back then, like ``proefdata.demo.indicaties.lopende_beschikkingen``."""

    def maak(wie, *, einde: date, ingang: date | None = None, start_gemeld: bool = True):
        ingang = ingang or einde - timedelta(days=364)
        toewijzing = _opslaan(
            Toewijzing(
                client=wie,
                aanbieder=aanbieder_a,
                product=band.product,
                ingangsdatum=ingang,
                einddatum=einde,
                bandbreedte=band,
                volume=150,
                eenheid=band.product.eenheid,
                frequentie=band.product.frequentie,
                gezien_op=timezone.now(),
                start_zorg=ingang if start_gemeld else None,
            ),
            actor=consulent,
            reden="Toewijzing (test)",
        )
        plan = Ondersteuningsplan(
            toewijzing=toewijzing,
            versie=1,
            status=PlanStatus.GEACCEPTEERD,
            minuten_per_week=150,
            was_strijk=False,
            ingangsdatum=ingang,
            einddatum=einde,
            afspraken="Cliënt is aanwezig tijdens de ondersteuning.",
            verzenddatum=ingang - timedelta(days=7),
            ondertekenaar=medewerker_a,
            bestandsnaam="ondersteuningsplan.pdf",
            sha256=hashlib.sha256(PLAN_PDF).hexdigest(),
            grootte=len(PLAN_PDF),
            ingediend_door=medewerker_a,
            beoordeeld_door=consulent,
            beoordeeld_op=timezone.now(),
        )
        # Not stored: only the letter of the definitive decision attaches the plan, and
        # these tests make expiry letters only.
        plan.bestand.name = f"ondersteuningsplannen/{toewijzing.uuid}/{plan.uuid}.pdf"
        _opslaan(plan, actor=medewerker_a, reden="Plan (test)")
        beschikking = _opslaan(
            definitieve_beschikking(plan, toewijzing),
            actor=consulent,
            reden="Definitieve beschikking (test)",
        )
        toewijzing.beschikking = beschikking
        _opslaan(toewijzing, actor=consulent, reden="Definitieve beschikking (test)")
        return beschikking

    return maak


@pytest.fixture
def kort(consulent, band, aanbieder_a, contracten):
    """A short decision of ``wie`` at provider A through the services (melding,
    onderzoek, decision and assignment), starting today unless given."""

    def maak(wie, *, ingang: date | None = None):
        melding = onderzochte_melding(
            consulent=consulent, client=wie, product=band.product, band=band
        )
        return services.kortdurend_beschikken(
            actor=consulent,
            melding=melding,
            aanbieder=aanbieder_a,
            ingangsdatum=ingang or vandaag(),
            verzenddatum=vandaag(),
        )

    return maak


def plan_indienen(beschikking, medewerker, **wijzigingen):
    toewijzing = Toewijzing.objects.get(beschikking=beschikking)
    return services.plan_indienen(
        actor=medewerker, toewijzing=toewijzing, **goed_plan(beschikking, medewerker, **wijzigingen)
    )


def intrekken(beschikking, consulent, *, per: date):
    return services.beschikking_intrekken(
        actor=consulent,
        beschikking=beschikking,
        per=per,
        reden="Cliënt verhuist naar een verpleeghuis.",
        verzenddatum=vandaag(),
    )


def stop(aanvrager, *, product, gemeente, heroverweging: date):
    """A provider asks for a client stop from today; contract management still decides."""
    return contractbeheer.stop_aanvragen(
        actor=aanvrager,
        aanbieder=aanvrager.organisatie,
        product=product,
        gemeenten=[gemeente],
        ingangsdatum=vandaag(),
        heroverwegingsdatum=heroverweging,
        reden="Geen personeel.",
        maatregelen="Werving loopt.",
    )


def mandaat(medewerker, *, tot: date, ingetrokken: date | None = None):
    return Mandaat.objects.create(
        aanbieder=medewerker.organisatie,
        medewerker=medewerker,
        geldig_van=date(2025, 1, 1),
        geldig_tot=tot,
        ingetrokken_op=ingetrokken,
        intrekkingsreden="Uit dienst." if ingetrokken else "",
    )


def verouderen(*modellen) -> None:
    """Make the subjects look untouched since yesterday (``update`` leaves ``modified_at``
    alone), so that only the watermark window can find them, not the modified-since path."""
    gisteren = timezone.now() - DAG
    for model in modellen:
        model.objects.update(modified_at=gisteren)


# -------------------------------------------------------------------------- reading


def postvak(onderwerp, soort: str) -> dict[str, Signaal]:
    """The signals of one kind about one subject, by kind of recipient (one each)."""
    rijen = list(
        Signaal.objects.filter(
            soort=soort,
            onderwerp_type=ContentType.objects.get_for_model(onderwerp),
            onderwerp_id=onderwerp.pk,
        ).select_related("organisatie", "gebruiker")
    )
    per_ontvanger = {s.ontvanger: s for s in rijen}
    assert len(per_ontvanger) == len(rijen), "twee signalen voor dezelfde ontvanger"
    return per_ontvanger


def adres(s: Signaal) -> tuple:
    """Inbox of a signal: recipient kind, organisation, person (None: the whole inbox), role."""
    return (s.ontvanger, s.organisatie.naam, s.gebruiker.username if s.gebruiker else None, s.rol)


AANBIEDER_A = ("aanbieder", A, None, "")
EIGEN_CONSULENT = ("consulent", SDD, "consulent", "")
ALLE_CONSULENTEN = ("consulent", SDD, None, "consulent")
CONTRACTBEHEER = ("contractbeheer", SDD, None, "contractmanager")


def verloopbrieven(beschikking=None):
    qs = Brief.objects.filter(soort=BriefSoort.VERLOOPBRIEF)
    return qs.filter(beschikking=beschikking) if beschikking is not None else qs


def aantal(soort: str) -> int:
    return Signaal.objects.filter(soort=soort).count()


def per_regel(resultaten) -> dict[str, tuple[int, int]]:
    return {r.regel: (r.signalen, r.brieven) for r in resultaten}


def draai(datum: date, regel: str):
    [resultaat] = dagelijkse_taken(datum, door="test", alleen=[regel])
    return resultaat


# ---------------------------------------------------------- 1. time travel per rule


def test_verloop_zes_weken_voor_het_einde_brief_aanbieder_en_consulent(
    lopend, consulent, medewerker_a, medewerker_b
):
    dag = vandaag() + timedelta(days=10)
    einde = dag + ZES_WEKEN
    annie = lopend(client("Annie", "de Vries", consulent=consulent), einde=einde)
    bert = lopend(client("Bert", "Bakker"), einde=einde)  # no consulent of his own
    cor = lopend(client("Cor", "Later", consulent=consulent), einde=einde + DAG)
    dina = lopend(client("Dina", "Dekker", consulent=consulent), einde=einde)
    intrekken(dina, consulent, per=dina.ingangsdatum)  # withdrawn entirely
    evert = lopend(client("Evert", "Verhuisd", consulent=consulent), einde=einde + 100 * DAG)
    intrekken(evert, consulent, per=dag + 20 * DAG)  # withdrawn from a later date
    fien = client("Fien", "Opvolger", consulent=consulent)
    fien_oud = lopend(fien, einde=einde)
    lopend(fien, ingang=einde + DAG, einde=einde + 365 * DAG)  # re-indicated: a successor

    assert draai(dag - DAG, "verloop").signalen == 0
    assert aantal(SignaalSoort.VERLOOP) == 0 and not verloopbrieven().exists()

    resultaat = draai(dag, "verloop")
    assert (resultaat.signalen, resultaat.brieven) == (4, 2)

    for beschikking, consulent_adres in ((annie, EIGEN_CONSULENT), (bert, ALLE_CONSULENTEN)):
        naam = beschikking.client.naam
        signalen = postvak(beschikking, SignaalSoort.VERLOOP)
        assert {o: adres(s) for o, s in signalen.items()} == {
            "aanbieder": AANBIEDER_A,
            "consulent": consulent_adres,
        }
        for s in signalen.values():
            assert naam in s.titel and _d(einde) in s.titel and s.peildatum == dag
            assert s.client == beschikking.client and s.status == Signaal.Status.OPEN
        [brief] = verloopbrieven(beschikking)
        assert brief.sleutel == f"verloopbrief:{beschikking.pk}:{einde.isoformat()}"
        assert (brief.client, brief.verzenddatum) == (beschikking.client, dag)

    for niet in (cor, dina, evert, fien_oud):
        assert postvak(niet, SignaalSoort.VERLOOP) == {}, niet.client.naam
        assert not verloopbrieven(niet).exists(), niet.client.naam
    # What the users see: provider A both signals, provider B nothing, the consulent both
    # tasks (one addressed to her, one to every consulent).
    verloop = Signaal.objects.filter(soort=SignaalSoort.VERLOOP)
    assert verloop.ongelezen_voor(medewerker_a).count() == 2
    assert verloop.ongelezen_voor(medewerker_b).count() == 0
    assert verloop.ongelezen_voor(consulent).count() == 2


def test_kortdurend_zonder_plan_consulent_en_aanbieder(kort, consulent, medewerker_a, mandaat_a):
    gijs = kort(client("Gijs", "Groen", consulent=consulent))
    hanna = kort(client("Hanna", "Hoek"))
    ivo = kort(client("Ivo", "Later", consulent=consulent), ingang=vandaag() + DAG)
    jet = kort(client("Jet", "Plan", consulent=consulent))
    services.plan_accepteren(actor=consulent, plan=plan_indienen(jet, medewerker_a))
    kees = kort(client("Kees", "Verhuisd", consulent=consulent))
    # Withdrawn from a date that makes it end four days after the run date.
    intrekken(kees, consulent, per=kees.einddatum - 9 * DAG)
    dag = gijs.einddatum - timedelta(days=14)

    assert draai(dag - DAG, "kortdurend_zonder_plan").signalen == 0
    assert aantal(SignaalSoort.KORTDUREND_ZONDER_PLAN) == 0

    resultaat = draai(dag, "kortdurend_zonder_plan")
    assert (resultaat.signalen, resultaat.brieven) == (4, 0)
    for beschikking, consulent_adres in ((gijs, EIGEN_CONSULENT), (hanna, ALLE_CONSULENTEN)):
        signalen = postvak(beschikking, SignaalSoort.KORTDUREND_ZONDER_PLAN)
        assert {o: adres(s) for o, s in signalen.items()} == {
            "aanbieder": AANBIEDER_A,
            "consulent": consulent_adres,
        }
        for s in signalen.values():
            assert beschikking.client.naam in s.titel and _d(beschikking.einddatum) in s.titel
            assert s.peildatum == dag
    for niet in (ivo, jet, kees):
        assert postvak(niet, SignaalSoort.KORTDUREND_ZONDER_PLAN) == {}, niet.client.naam


def test_plan_te_laat_na_de_plantermijn(kort, consulent, medewerker_a, mandaat_a):
    gijs = kort(client("Gijs", "Groen", consulent=consulent))
    hanna = kort(client("Hanna", "Hoek"))
    ivo = kort(client("Ivo", "Later", consulent=consulent), ingang=vandaag() + DAG)
    lies = kort(client("Lies", "Ingediend", consulent=consulent))
    plan_indienen(lies, medewerker_a)  # submitted, not yet assessed: not late
    gijs_t, hanna_t, ivo_t, lies_t = (
        Toewijzing.objects.get(client=b.client) for b in (gijs, hanna, ivo, lies)
    )
    dag = vandaag() + timedelta(days=28)

    assert draai(dag - DAG, "plan_te_laat").signalen == 0
    assert aantal(SignaalSoort.PLAN_TE_LAAT) == 0

    assert draai(dag, "plan_te_laat").signalen == 4
    for toewijzing, consulent_adres in ((gijs_t, EIGEN_CONSULENT), (hanna_t, ALLE_CONSULENTEN)):
        signalen = postvak(toewijzing, SignaalSoort.PLAN_TE_LAAT)
        assert {o: adres(s) for o, s in signalen.items()} == {
            "aanbieder": AANBIEDER_A,
            "consulent": consulent_adres,
        }
        client_naam = toewijzing.client.naam
        assert signalen["aanbieder"].titel == f"Ondersteuningsplan van {client_naam} is te laat"
        assert signalen["consulent"].titel == f"Geen ondersteuningsplan van {A} voor {client_naam}"
    assert postvak(ivo_t, SignaalSoort.PLAN_TE_LAAT) == {}
    assert postvak(lies_t, SignaalSoort.PLAN_TE_LAAT) == {}


def test_start_niet_gemeld_na_vijf_werkdagen_over_weekend_en_koningsdag(
    lopend, consulent, medewerker_a
):
    # Thursday 23 April 2026: Friday 24 is day 1, the weekend and Koningsdag (Monday 27)
    # do not count, Friday 1 May is day 5.
    ingang, dag = date(2026, 4, 23), date(2026, 5, 1)
    einde = date(2027, 4, 22)
    mila = lopend(
        client("Mila", "Meijer", consulent=consulent),
        ingang=ingang,
        einde=einde,
        start_gemeld=False,
    )
    noor = lopend(client("Noor", "Nijland"), ingang=ingang, einde=einde, start_gemeld=False)
    olaf = lopend(client("Olaf", "Gemeld"), ingang=ingang, einde=einde, start_gemeld=False)
    services.start_zorg_melden(
        actor=medewerker_a, toewijzing=Toewijzing.objects.get(beschikking=olaf), datum=ingang
    )
    piet = lopend(client("Piet", "Later"), ingang=ingang + DAG, einde=einde, start_gemeld=False)

    assert draai(dag - DAG, "start_niet_gemeld").signalen == 0
    assert aantal(SignaalSoort.START_NIET_GEMELD) == 0

    assert draai(dag, "start_niet_gemeld").signalen == 4
    for beschikking, consulent_adres in ((mila, EIGEN_CONSULENT), (noor, ALLE_CONSULENTEN)):
        t = Toewijzing.objects.get(beschikking=beschikking)
        signalen = postvak(t, SignaalSoort.START_NIET_GEMELD)
        assert {o: adres(s) for o, s in signalen.items()} == {
            "aanbieder": AANBIEDER_A,
            "consulent": consulent_adres,
        }
        naam = beschikking.client.naam
        assert signalen["aanbieder"].titel == f"Start zorg van {naam} niet gemeld"
        assert _d(ingang) in signalen["aanbieder"].tekst
        assert all(s.peildatum == dag for s in signalen.values())
    for niet in (olaf, piet):
        t = Toewijzing.objects.get(beschikking=niet)
        assert postvak(t, SignaalSoort.START_NIET_GEMELD) == {}, niet.client.naam


def test_stop_heroverweging_naar_contractbeheer_en_aanbieder(
    contracten, ho, dordrecht, medewerker_a, medewerker_b, contractmanager
):
    dag = vandaag() + timedelta(days=10)
    geldend = stop(medewerker_a, product=ho, gemeente=dordrecht, heroverweging=dag)
    contractbeheer.stop_beoordelen(actor=contractmanager, stop=geldend, besluit="akkoord")
    beeindigd = stop(medewerker_b, product=ho, gemeente=dordrecht, heroverweging=dag)
    contractbeheer.stop_beoordelen(actor=contractmanager, stop=beeindigd, besluit="akkoord")
    contractbeheer.stop_beeindigen(actor=medewerker_b, stop=beeindigd, einddatum=vandaag())
    aangevraagd = stop(medewerker_b, product=ho, gemeente=dordrecht, heroverweging=dag)

    assert draai(dag - DAG, "stop_heroverweging").signalen == 0
    assert aantal(SignaalSoort.STOP_HEROVERWEGING) == 0

    assert draai(dag, "stop_heroverweging").signalen == 2
    signalen = postvak(geldend, SignaalSoort.STOP_HEROVERWEGING)
    assert {o: adres(s) for o, s in signalen.items()} == {
        "aanbieder": AANBIEDER_A,
        "contractbeheer": CONTRACTBEHEER,
    }
    assert signalen["contractbeheer"].titel == f"Heroverweeg de cliëntenstop HO van {A}"
    assert _d(dag) in signalen["contractbeheer"].tekst
    assert postvak(beeindigd, SignaalSoort.STOP_HEROVERWEGING) == {}
    assert postvak(aangevraagd, SignaalSoort.STOP_HEROVERWEGING) == {}
    heroverweging = Signaal.objects.filter(soort=SignaalSoort.STOP_HEROVERWEGING)
    assert heroverweging.ongelezen_voor(contractmanager).count() == 1
    assert heroverweging.ongelezen_voor(medewerker_a).count() == 1
    assert heroverweging.ongelezen_voor(medewerker_b).count() == 0


def test_mandaat_verloopt_naar_contractbeheer_en_aanbieder(
    medewerker_a, medewerker_b, contractmanager
):
    dag = MAANDAG
    tot = dag + timedelta(days=30)
    verloopt = mandaat(medewerker_a, tot=tot)
    later = mandaat(medewerker_a, tot=tot + DAG)
    ingetrokken = mandaat(medewerker_b, tot=tot, ingetrokken=dag - timedelta(days=40))

    assert draai(dag - DAG, "mandaat_verloopt").signalen == 0
    assert aantal(SignaalSoort.MANDAAT_VERLOOPT) == 0

    assert draai(dag, "mandaat_verloopt").signalen == 2
    signalen = postvak(verloopt, SignaalSoort.MANDAAT_VERLOOPT)
    assert {o: adres(s) for o, s in signalen.items()} == {
        "aanbieder": AANBIEDER_A,
        "contractbeheer": CONTRACTBEHEER,
    }
    naam = medewerker_a.get_full_name()
    assert signalen["contractbeheer"].titel == f"Mandaat van {naam} ({A}) eindigt op {_d(tot)}"
    assert signalen["aanbieder"].titel == f"Mandaat van {naam} eindigt op {_d(tot)}"
    assert postvak(later, SignaalSoort.MANDAAT_VERLOOPT) == {}
    assert postvak(ingetrokken, SignaalSoort.MANDAAT_VERLOOPT) == {}
    assert Signaal.objects.ongelezen_voor(contractmanager).count() == 1


# ------------------------------------------------------------- 2. running again


@pytest.fixture
def van_alles(lopend, kort, consulent, ho, dordrecht, medewerker_a, medewerker_b, contractmanager):
    """One date on which every rule has work: returns the date and what each rule creates."""
    dag = vandaag() + timedelta(days=41)  # a short decision from today gets its signal
    lopend(client("Annie", "de Vries", consulent=consulent), einde=dag + ZES_WEKEN)
    lopend(client("Bert", "Bakker"), einde=dag + ZES_WEKEN)
    kort(client("Gijs", "Groen", consulent=consulent))  # also: plan late on day 28
    ingang = vandaag() + timedelta(days=20)
    lopend(client("Mila", "Meijer"), ingang=ingang, einde=ingang + 364 * DAG, start_gemeld=False)
    s = stop(medewerker_b, product=ho, gemeente=dordrecht, heroverweging=vandaag() + 10 * DAG)
    contractbeheer.stop_beoordelen(actor=contractmanager, stop=s, besluit="akkoord")
    mandaat(medewerker_a, tot=dag + timedelta(days=30))
    return dag, {
        "verloop": (4, 2),
        "kortdurend_zonder_plan": (2, 0),
        "plan_te_laat": (2, 0),
        "start_niet_gemeld": (2, 0),
        "stop_heroverweging": (2, 0),
        "mandaat_verloopt": (2, 0),
        "actiepunt_verlopen": (0, 0),  # the FOT rule: no action items here
        "retour_te_laat": (0, 0),  # the chain's rule (OP090): no messages sent here
    }


def _stand() -> tuple[int, int, int, int]:
    return (
        Signaal.objects.count(),
        Signaal.history.count(),
        verloopbrieven().count(),
        Brief.history.filter(soort=BriefSoort.VERLOOPBRIEF).count(),
    )


def test_nog_een_keer_draaien_maakt_niets_bij(van_alles):
    dag, verwacht = van_alles
    voor = Signaal.objects.count()
    assert per_regel(dagelijkse_taken(dag)) == verwacht
    na_eerste = _stand()
    assert na_eerste[0] - voor == 14 and na_eerste[2] == 2

    assert per_regel(dagelijkse_taken(dag)) == dict.fromkeys(verwacht, (0, 0))
    assert per_regel(dagelijkse_taken(dag, alleen=["verloop"])) == {"verloop": (0, 0)}
    assert _stand() == na_eerste
    assert Taakrun.objects.count() == 2 * len(REGELS) + 1  # two full runs and one of verloop
    assert set(Taakstand.objects.values_list("verwerkt_tot", flat=True)) == {dag}


# ---------------------------------------------------------- 3. catch-up after a gap


def test_inhalen_na_vijf_dagen_zonder_run(lopend, medewerker_a):
    dag = MAANDAG
    verschuiving = [-3, 0, 1, 2, 3, 4, 5, 6, 7, 8]  # due date = dag + this many days
    beschikkingen = {
        n: lopend(client("Cliënt", f"Dag{n:+d}"), einde=dag + (n * DAG) + ZES_WEKEN)
        for n in verschuiving
    }
    mandaten = {n: mandaat(medewerker_a, tot=dag + (n + 30) * DAG) for n in (2, 9)}
    verouderen(Beschikking, Mandaat)

    eerste = per_regel(dagelijkse_taken(dag, alleen=["verloop", "mandaat_verloopt"]))
    assert eerste == {"verloop": (4, 2), "mandaat_verloopt": (0, 0)}
    # No runs on dag+1 .. dag+5; the next one is on dag+6.
    tweede = per_regel(dagelijkse_taken(dag + 6 * DAG, alleen=["verloop", "mandaat_verloopt"]))
    assert tweede == {"verloop": (12, 6), "mandaat_verloopt": (2, 0)}
    assert Taakrun.objects.filter(datum=dag + 6 * DAG, van=dag).count() == 2

    for n, beschikking in beschikkingen.items():
        verwacht = (2, 1) if n <= 6 else (0, 0)
        gekregen = (
            len(postvak(beschikking, SignaalSoort.VERLOOP)),
            verloopbrieven(beschikking).count(),
        )
        assert gekregen == verwacht, beschikking.client.naam
        for s in postvak(beschikking, SignaalSoort.VERLOOP).values():
            assert s.peildatum == dag + n * DAG
            assert _d(beschikking.einddatum) in s.titel
    assert len(postvak(mandaten[2], SignaalSoort.MANDAAT_VERLOOPT)) == 2
    assert postvak(mandaten[9], SignaalSoort.MANDAAT_VERLOOPT) == {}
    # And the day after, nothing of the gap comes back.
    assert per_regel(dagelijkse_taken(dag + 7 * DAG, alleen=["verloop"])) == {"verloop": (2, 1)}
    assert verloopbrieven().count() == 9


# ----------------------------------------------------- 4. changed after its due date


def test_verlenging_met_vervaldag_in_het_verleden_krijgt_nieuwe_brief(lopend, consulent):
    dag = vandaag()
    rosa = lopend(client("Rosa", "Rood", consulent=consulent), einde=dag + 30 * DAG)
    stil = lopend(client("Sam", "Stil", consulent=consulent), einde=dag + 35 * DAG)
    verouderen(Beschikking)
    assert per_regel(dagelijkse_taken(dag, alleen=["verloop"])) == {"verloop": (4, 2)}

    # The consulent extends by ten days: the new due date (dag-2) lies before the
    # watermark (dag), so only the modified-since path can find it.
    nieuw_einde = dag + 40 * DAG
    services.beschikking_verlengen(
        actor=consulent,
        beschikking=rosa,
        nieuwe_einddatum=nieuw_einde,
        toelichting="Telefonisch besproken met de cliënt: niets veranderd.",
    )
    assert per_regel(dagelijkse_taken(dag + DAG, alleen=["verloop"])) == {"verloop": (2, 1)}

    brieven_rosa = verloopbrieven(rosa).order_by("id")
    assert [b.sleutel for b in brieven_rosa] == [
        f"verloopbrief:{rosa.pk}:{(dag + 30 * DAG).isoformat()}",
        f"verloopbrief:{rosa.pk}:{nieuw_einde.isoformat()}",
    ]
    signalen = Signaal.objects.filter(soort=SignaalSoort.VERLOOP, onderwerp_id=rosa.pk)
    oud = signalen.filter(peildatum=dag + 30 * DAG - ZES_WEKEN)
    nieuw = signalen.filter(peildatum=nieuw_einde - ZES_WEKEN)
    assert oud.count() == 2 and all(s.status == Signaal.Status.GESLOTEN for s in oud)
    assert nieuw.count() == 2 and all(s.status == Signaal.Status.OPEN for s in nieuw)
    assert all(_d(nieuw_einde) in s.titel and "Rosa Rood" in s.titel for s in nieuw)
    assert len(postvak(stil, SignaalSoort.VERLOOP)) == 2 and verloopbrieven(stil).count() == 1


def test_laat_geaccepteerd_plan_met_vervaldag_in_het_verleden(
    kort, consulent, medewerker_a, mandaat_a
):
    dag = vandaag()
    kort_tom = kort(client("Tom", "Traag", consulent=consulent))
    assert per_regel(dagelijkse_taken(dag, alleen=["verloop"])) == {"verloop": (0, 0)}

    # A plan for three weeks from tomorrow, accepted after the run: its decision's due
    # date (six weeks before the end) already passed.
    morgen = dag + DAG
    plan = plan_indienen(kort_tom, medewerker_a, ingangsdatum=morgen, einddatum=morgen + 20 * DAG)
    definitief = services.plan_accepteren(actor=consulent, plan=plan)
    assert definitief.einddatum - ZES_WEKEN < dag

    assert per_regel(dagelijkse_taken(dag + DAG, alleen=["verloop"])) == {"verloop": (2, 1)}
    signalen = postvak(definitief, SignaalSoort.VERLOOP)
    assert {o: adres(s) for o, s in signalen.items()} == {
        "aanbieder": AANBIEDER_A,
        "consulent": EIGEN_CONSULENT,
    }
    assert all(s.peildatum == definitief.einddatum - ZES_WEKEN for s in signalen.values())
    [brief] = verloopbrieven(definitief)
    assert brief.client.naam == "Tom Traag"
    assert per_regel(dagelijkse_taken(dag + 2 * DAG, alleen=["verloop"])) == {"verloop": (0, 0)}


# ------------------------------------------------------- 5. two jobs at the same time


def _daily_soorten() -> list[str]:
    return [r.soort for r in REGELS]


@pytest.mark.django_db(transaction=True)
def test_twee_runs_tegelijk_maken_alles_precies_eenmaal(lopend, consulent, monkeypatch):
    dag = MAANDAG
    beschikkingen = [
        lopend(client("Cliënt", f"Gelijktijdig{i:02d}", consulent=consulent), einde=dag + ZES_WEKEN)
        for i in range(50)
    ]
    # Rendering is not under test: record what would be queued (after commit) instead of
    # leaving render tasks in the shared broker.
    te_renderen: list[int] = []
    monkeypatch.setattr(
        brieven,
        "_renderen_na_commit",
        lambda ids: transaction.on_commit(lambda: te_renderen.extend(ids)),
    )
    start = threading.Barrier(2)
    uitkomst: dict[str, object] = {}

    def run(naam: str) -> None:
        try:
            start.wait(timeout=30)
            uitkomst[naam] = dagelijkse_taken(dag, door=naam)
        except Exception as exc:  # reported by the assertion below
            uitkomst[naam] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in ("run-1", "run-2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert all(isinstance(r, list) for r in uitkomst.values()), uitkomst

    resultaten = [r for lijst in uitkomst.values() for r in lijst]
    signalen = Signaal.objects.filter(soort__in=_daily_soorten())
    assert signalen.count() == 100
    assert sum(r.signalen for r in resultaten) == signalen.count()
    assert sum(r.brieven for r in resultaten) == verloopbrieven().count() == 50
    assert len(set(verloopbrieven().values_list("sleutel", flat=True))) == 50
    assert sorted(te_renderen) == sorted(verloopbrieven().values_list("pk", flat=True))
    for beschikking in beschikkingen:
        assert len(postvak(beschikking, SignaalSoort.VERLOOP)) == 2
        assert verloopbrieven(beschikking).count() == 1
    assert Taakrun.objects.count() == 2 * len(REGELS)
    assert set(Taakstand.objects.values_list("verwerkt_tot", flat=True)) == {dag}


# ------------------------------------------------------------------ 6. killed worker


def _verbindingsgegevens() -> dict:
    db = connection.settings_dict
    gegevens = {
        "dbname": db["NAME"],
        "user": db["USER"],
        "password": db["PASSWORD"],
        "host": db["HOST"],
        "port": db["PORT"],
    }
    return {k: v for k, v in gegevens.items() if v}


def _wacht_iemand_op_een_slot() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' "
            "AND query ILIKE %s",
            [f"%{Taakstand._meta.db_table}%FOR UPDATE%"],
        )
        return cursor.fetchone()[0] > 0


def _inhoud(bericht: dict) -> list:
    body = bericht["body"]
    if bericht.get("properties", {}).get("body_encoding") == "base64":
        body = base64.b64decode(body)
    return json.loads(body)


def _berichten_opruimen(*, taak_id: str, brief_ids: set[int]) -> None:
    """The killed worker leaves its task unacknowledged in the broker (redelivered after
    the visibility timeout to whatever worker then listens) and the render requests of
    the letters its first rule committed. Remove exactly those, nothing else."""
    import redis

    url = settings.CELERY_BROKER_URL
    # The embedded Redis is a unix socket in kombu's spelling (redis+socket://path).
    r = (
        redis.Redis(unix_socket_path=url.removeprefix("redis+socket://"))
        if url.startswith("redis+socket://")
        else redis.Redis.from_url(url)
    )
    for tag, waarde in r.hgetall("unacked").items():
        if json.loads(waarde)[0]["headers"].get("id") == taak_id:
            r.zrem("unacked_index", tag)
            r.hdel("unacked", tag)
    for rij in ("default", "pdf"):
        for ruw in r.lrange(rij, 0, -1):
            bericht = json.loads(ruw)
            kop = bericht["headers"]
            eigen = kop.get("id") == taak_id or (
                kop.get("task") == "indicaties.pdf.brieven_renderen"
                and set(_inhoud(bericht)[0][0]) <= brief_ids
            )
            if eigen:
                r.lrem(rij, 1, ruw)


@pytest.mark.django_db(transaction=True)
def test_gedode_worker_laat_de_tweede_regel_heel_en_herstart_maakt_alles_eenmaal(
    celery_worker, lopend, kort, consulent
):
    dag = vandaag() + timedelta(days=41)
    for i in range(40):
        lopend(client("Cliënt", f"Worker{i:02d}", consulent=consulent), einde=dag + ZES_WEKEN)
    korte = [kort(client("Kort", f"Worker{i}", consulent=consulent)) for i in range(3)]
    # The worker renders the decision letters first: it runs, and the queue is empty.
    wacht_tot(
        lambda: not Brief.objects.exclude(status="klaar").exists(),
        seconden=120,
        bericht="de worker maakte de besluitbrieven niet",
    )
    Taakstand.objects.create(regel="kortdurend_zonder_plan")

    slot = psycopg.connect(**_verbindingsgegevens())
    taak_id = ""
    try:
        slot.execute(
            sql.SQL("SELECT id FROM {} WHERE regel = %s FOR UPDATE").format(
                sql.Identifier(Taakstand._meta.db_table)
            ),
            ["kortdurend_zonder_plan"],
        )
        taak_id = tasks.dagelijkse_taken.delay(dag.isoformat()).id
        wacht_tot(
            lambda: Taakrun.objects.filter(regel="verloop").exists(),
            seconden=120,
            bericht="de worker rondde de eerste regel niet af",
        )
        wacht_tot(_wacht_iemand_op_een_slot, bericht="de worker wacht niet op de tweede regel")
        os.kill(celery_worker.pid, signal.SIGKILL)
        celery_worker.wait(timeout=20)

        # The first rule committed as a whole; of the second nothing is saved.
        [eerste] = Taakrun.objects.filter(regel="verloop")
        assert (eerste.signalen, eerste.brieven, eerste.uitgevoerd_door) == (80, 40, "planner")
        assert aantal(SignaalSoort.VERLOOP) == 80 and verloopbrieven().count() == 40
        assert aantal(SignaalSoort.KORTDUREND_ZONDER_PLAN) == 0
        assert not Taakrun.objects.filter(regel="kortdurend_zonder_plan").exists()
        stand = Taakstand.objects.get(regel="kortdurend_zonder_plan")
        assert (stand.verwerkt_tot, stand.laatste_start) == (None, None)
        for regel in ("plan_te_laat", "start_niet_gemeld", "stop_heroverweging"):
            assert not Taakrun.objects.filter(regel=regel).exists()
    finally:
        slot.rollback()
        slot.close()
        if taak_id:
            _berichten_opruimen(
                taak_id=taak_id, brief_ids=set(verloopbrieven().values_list("pk", flat=True))
            )

    # The worker also made the 301s of the running assignments (the chain listens to every
    # assignment); 41 days on, none has its retour: one OP090 signal each.
    from keten.models import Bericht

    zonder_retour = Bericht.objects.filter(berichtcode="301", richting="uit").count()
    herstart = per_regel(dagelijkse_taken(dag, door="herstart"))
    assert herstart.pop("retour_te_laat") == (zonder_retour, 0)
    assert herstart == {
        "verloop": (0, 0),
        "kortdurend_zonder_plan": (6, 0),
        "plan_te_laat": (6, 0),
        "start_niet_gemeld": (0, 0),
        "stop_heroverweging": (0, 0),
        "mandaat_verloopt": (0, 0),
        "actiepunt_verlopen": (0, 0),  # the FOT rule: no action items here
    }
    assert aantal(SignaalSoort.VERLOOP) == 80
    assert verloopbrieven().count() == len(set(verloopbrieven().values_list("sleutel", flat=True)))
    assert verloopbrieven().count() == 40
    for beschikking in korte:
        assert len(postvak(beschikking, SignaalSoort.KORTDUREND_ZONDER_PLAN)) == 2
    assert list(
        Taakrun.objects.filter(regel="verloop")
        .order_by("id")
        .values_list("signalen", "brieven", "uitgevoerd_door")
    ) == [(80, 40, "planner"), (0, 0, "herstart")]
    assert Taakrun.objects.filter(regel="kortdurend_zonder_plan").count() == 1


# ------------------------------------------------------------------- 7. the command


def test_beheeropdracht_toont_per_regel_wat_er_nieuw_is(van_alles):
    dag, verwacht = van_alles
    namen = {r.code: r.naam for r in REGELS}
    uit = io.StringIO()
    call_command("dagelijkse_taken", "--date", dag.isoformat(), stdout=uit)
    tekst = uit.getvalue()
    assert f"Dagelijkse taken voor {_d(dag)}:" in tekst
    assert f"Let op: {_d(dag)} ligt in de toekomst" in tekst
    regels = tekst.splitlines()
    for code, (nieuwe_signalen, nieuwe_brieven) in verwacht.items():
        [regel] = [r for r in regels if namen[code] in r]
        assert f"t/m {_d(dag)}:" in regel
        assert f"{nieuwe_signalen} nieuwe signalen, {nieuwe_brieven} nieuwe brieven" in regel
    assert "Totaal: 14 signalen, 2 brieven." in tekst

    uit = io.StringIO()
    call_command("dagelijkse_taken", "--date", dag.isoformat(), stdout=uit)
    regels = uit.getvalue().splitlines()
    for code in verwacht:
        [regel] = [r for r in regels if namen[code] in r]
        assert f"peildatum na {_d(dag)} t/m {_d(dag)}:" in regel
        assert "0 nieuwe signalen, 0 nieuwe brieven" in regel
    assert "Totaal: 0 signalen, 0 brieven." in regels


def test_beheeropdracht_weigert_een_onleesbare_datum(db):
    with pytest.raises(CommandError) as fout:
        call_command("dagelijkse_taken", "--date", "31-12-2026", stdout=io.StringIO())
    assert str(fout.value) == "--date: '31-12-2026' is geen datum (JJJJ-MM-DD)."
    assert not Taakrun.objects.exists() and not Taakstand.objects.exists()
