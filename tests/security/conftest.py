"""A world for the security sweeps: two providers with a full client file each, a
consultation table provider A sits at (B does not), and one row of every kind of object a
URL of the portal points at, built through the services."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from bandbreedte.models import Bandbreedte, Normenkader
from sdd_portal.accounts.models import Rol
from tests.api.helpers_indicaties import keten
from tests.conftest import contract
from tests.factories import UserFactory
from tests.indicaties.conftest import BANDEN, pdf


def _fot(*, cm, aanbieder_a, medewerker_a, sdd):
    from fot import services
    from fot.models import Deelname, Tafel, Tafellid

    tafel = Tafel.objects.create(naam="HO", omschrijving="Overlegtafel huishoudelijke hulp.")
    Tafellid.objects.create(
        tafel=tafel,
        organisatie=aanbieder_a,
        vertegenwoordiger=medewerker_a,
        lid_vanaf=date(2025, 1, 1),
    )
    eerste = services.vergadering_plannen(
        actor=cm, tafel=tafel, datum=date(2026, 3, 2), locatie="Stadskantoor Dordrecht"
    )
    Deelname.objects.create(
        vergadering=eerste, organisatie=aanbieder_a, organisatie_naam=aanbieder_a.naam, naam="Jan"
    )
    Deelname.objects.create(
        vergadering=eerste, organisatie=sdd, organisatie_naam=sdd.naam, naam="Ilse Greive"
    )
    agendapunt = eerste.agenda.get(titel="Mededelingen")
    services.notulen_opslaan(actor=cm, agendapunt=agendapunt, notulen="Wachtlijst besproken.")
    bijlage = services.bijlage_toevoegen(
        actor=cm, agendapunt=agendapunt, upload=pdf("bijlage.pdf"), omschrijving="Presentatie"
    )
    actiepunt = services.actiepunt_toevoegen(
        actor=cm,
        vergadering=eerste,
        tekst="Wachtlijst per gemeente aanleveren",
        eigenaar_organisatie=aanbieder_a,
        termijn=date(2026, 3, 9),
    )
    services.ter_vaststelling(actor=cm, vergadering=eerste)
    tweede = services.vergadering_plannen(actor=cm, tafel=tafel, datum=date(2026, 5, 4))
    return SimpleNamespace(
        tafel=tafel,
        vergadering=eerste,
        gepland=tweede,
        agendapunt=agendapunt,
        bijlage=bijlage,
        actiepunt=actiepunt,
    )


@pytest.fixture
def wereld(
    api_sleutel,
    sdd,
    aanbieder_a,
    aanbieder_b,
    consulent,
    contractmanager,
    beheerder,
    medewerker_a,
    medewerker_b,
    ho,
    dordrecht,
):
    from contractbeheer import services as cb
    from contractbeheer.models import Mandaat
    from indicaties.brieven.services import verzendrun_maken
    from indicaties.bulk.services import bulklijst_controleren
    from indicaties.models import Brief
    from signalen.models import Signaal

    normenkader = Normenkader.objects.create(versie="HHM 2025", geldig_van=date(2025, 1, 1))
    banden = {}
    for code, lo, hi in BANDEN:
        banden[code] = Bandbreedte.objects.create(
            product=ho,
            normenkader=normenkader,
            code=code,
            min_minuten=lo,
            max_minuten=hi,
            geldig_van=date(2025, 1, 1),
        )
    band = banden["HO-B3"]
    contract(aanbieder_a, ho)
    contract(aanbieder_b, ho)
    mandaat = Mandaat.objects.create(
        aanbieder=aanbieder_a, medewerker=medewerker_a, geldig_van=date(2025, 1, 1)
    )
    mandaat.producten.add(ho)
    mandaatdocument = cb.mandaatdocument_toevoegen(
        actor=contractmanager, mandaat=mandaat, upload=pdf("mandaat.pdf"), omschrijving="Besluit"
    )

    a = keten(
        consulent=consulent,
        aanbieder=aanbieder_a,
        product=ho,
        band=band,
        ondertekenaar=medewerker_a,
    )
    b = keten(consulent=consulent, aanbieder=aanbieder_b, product=ho, band=band)
    vandaag = timezone.localdate()
    stop_a = cb.stop_aanvragen(
        actor=medewerker_a,
        aanbieder=aanbieder_a,
        product=ho,
        gemeenten=[dordrecht],
        ingangsdatum=vandaag + timedelta(days=7),
        einddatum=vandaag + timedelta(days=60),
        reden="Personeelstekort",
        maatregelen="Werving",
    )
    capaciteit_a = cb.capaciteit_melden(
        actor=medewerker_a,
        aanbieder=aanbieder_a,
        product=ho,
        gemeenten=[dordrecht],
        aantal=5,
        vanaf_datum=vandaag,
        toelichting="Vanaf maandag",
    )
    aanbiedersignaal_a = cb.signaal_melden(
        actor=medewerker_a,
        client=a.client,
        soort="anders",
        onderwerp="Zorg neemt toe",
        toelichting="Meer uren nodig",
    )
    from tests.api.test_signalen_api import signaal_voor_aanbieder

    postvak_a = signaal_voor_aanbieder(aanbieder_a, toewijzing=a.toewijzing)
    brief_a = Brief.objects.filter(client=a.client).first()
    verzendrun = verzendrun_maken(actor=consulent, datum=vandaag + timedelta(days=30))

    from tests.indicaties.test_bulklijsten import csv_bestand, omzetting

    bulklijst_a = bulklijst_controleren(
        actor=medewerker_a, soort="omzetting", upload=csv_bestand(omzetting([a.client]))
    )
    fot = _fot(cm=contractmanager, aanbieder_a=aanbieder_a, medewerker_a=medewerker_a, sdd=sdd)
    from sdd_portal.api.abonnementen import abonnement_registreren

    sleutel_a, token_a = api_sleutel(aanbieder_a, naam="Koppeling A")
    abonnement_a = abonnement_registreren(
        sleutel=sleutel_a,
        callback_url="https://ontvanger.example.org/sdd",
        gebeurtenissen=["signaal.nieuw"],
    )
    # A destruction list naming A's client: only functioneel beheerders may open it.
    from sdd_portal.privacy.models import Vernietigingsitem, Vernietigingslijst

    vernietigingslijst = Vernietigingslijst.objects.create(
        peildatum=vandaag, bewaartermijn_jaren=15, grens=vandaag.replace(year=vandaag.year - 15)
    )
    Vernietigingsitem.objects.create(
        lijst=vernietigingslijst, client_id=a.client.pk, laatste_einde=vandaag
    )
    # An iWmo 301 for A's client answered by a 302 with errors (the chain's pages and API).
    from tests.keten.schermdata import bericht, retour_met_fouten, versie

    bericht_a = bericht(aanbieder=aanbieder_a, client=a.client)
    versie(a.toewijzing, bericht_a, nummer=1)
    retour_met_fouten(bericht_a, toewijzing=a.toewijzing)
    tweede_cm = UserFactory(username="cm2", organisatie=sdd, rollen=[Rol.CONTRACTMANAGER])
    return SimpleNamespace(
        sdd=sdd,
        aanbieder_a=aanbieder_a,
        aanbieder_b=aanbieder_b,
        consulent=consulent,
        contractmanager=contractmanager,
        tweede_cm=tweede_cm,
        beheerder=beheerder,
        medewerker_a=medewerker_a,
        medewerker_b=medewerker_b,
        a=a,
        b=b,
        stop_a=stop_a,
        capaciteit_a=capaciteit_a,
        aanbiedersignaal_a=aanbiedersignaal_a,
        postvak_a=postvak_a,
        brief_a=brief_a,
        verzendrun=verzendrun,
        bulklijst_a=bulklijst_a,
        mandaatdocument=mandaatdocument,
        fot=fot,
        token_a=token_a,
        api_sleutel=api_sleutel,
        vernietigingslijst=vernietigingslijst,
        abonnement_a=abonnement_a,
        bericht_a=bericht_a,
        signaal_model=Signaal,
    )
