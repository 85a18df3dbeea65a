"""Regression (issue 17, finding 3): action items of a planned meeting or of minutes still in
draft never reach a member provider, in any list: the meeting page (its own items and the
open items of earlier meetings), the action list, search, the overview count, the PDF, the
API, the home panel and the daily overdue signal. Every list goes through
``Actiepunt.objects.visible_to``; contract management still sees everything."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fot import services
from fot.models import Actiepunt, VergaderingStatus
from sdd_portal.audit.models import AccessLogEntry, Uitkomst
from signalen.models import Signaal, SignaalSoort
from signalen.regels import dagelijkse_taken

from .conftest import TWEEDE, plannen, punt

GEPLAND_GEHEIM = "Geplandgeheim afspraak over tarieven"
CONCEPT_GEHEIM = "Conceptgeheim afspraak over reistijd"


@pytest.fixture
def wereld(contractmanager, tafel, eerste, tweede, actie_a, aanbieder_a):
    """HO with provider A as member: the first meeting shared (item ``actie_a``), the second
    planned with an item recorded in it already, a third with minutes in draft and an item,
    and a fourth planned meeting whose page lists the open items of the earlier ones."""
    gepland = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=tweede,
        tekst=GEPLAND_GEHEIM,
        eigenaar_organisatie=aanbieder_a,
        termijn=TWEEDE + timedelta(days=1),
    )
    derde = plannen(contractmanager, tafel, date(2026, 6, 1))
    services.notulen_opslaan(
        actor=contractmanager, agendapunt=punt(derde, "Mededelingen"), notulen="Nog concept."
    )
    concept = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=derde,
        tekst=CONCEPT_GEHEIM,
        eigenaar_organisatie=aanbieder_a,
        termijn=date(2026, 6, 2),
    )
    vierde = plannen(contractmanager, tafel, date(2026, 7, 6))
    tweede.refresh_from_db()
    derde.refresh_from_db()
    assert (tweede.status, derde.status) == (VergaderingStatus.GEPLAND, VergaderingStatus.CONCEPT)
    return {"tweede": tweede, "vierde": vierde, "gepland": gepland, "concept": concept}


def _geen_geheim(tekst: str) -> None:
    assert GEPLAND_GEHEIM not in tekst and CONCEPT_GEHEIM not in tekst


def test_lid_ziet_geen_actiepunt_van_gepland_of_concept_op_enige_pagina(
    login, medewerker_a, wereld, actie_a
):
    http = login(medewerker_a)
    urls = [
        f"/fot/vergaderingen/{wereld['vierde'].uuid}/",  # open items of earlier meetings
        f"/fot/vergaderingen/{wereld['tweede'].uuid}/",  # the planned meeting itself
        "/fot/actiepunten/?status=",
        "/fot/zoeken/?q=afspraak",
        "/fot/",
        "/",
    ]
    for url in urls:
        response = http.get(url)
        assert response.status_code == 200, url
        _geen_geheim(response.content.decode())
    vierde = http.get(urls[0]).content.decode()
    assert actie_a.tekst in vierde  # the shared item is carried over as before
    assert "Openstaande actiepunten: 1<" in http.get("/fot/").content.decode()


def test_lid_krijgt_geen_actiepunt_van_gepland_in_de_pdf(login, medewerker_a, wereld):
    import io

    from pypdf import PdfReader

    response = login(medewerker_a).get(f"/fot/vergaderingen/{wereld['tweede'].uuid}/pdf/")
    assert response.status_code == 200
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Geplandgeheim" not in tekst and "Geen actiepunten" in tekst


def test_contractmanagement_ziet_alles(login, contractmanager, wereld):
    html = login(contractmanager).get(f"/fot/vergaderingen/{wereld['vierde'].uuid}/")
    assert GEPLAND_GEHEIM in html.content.decode() and CONCEPT_GEHEIM in html.content.decode()


def test_api_van_het_lid_toont_geen_actiepunt_van_gepland_of_concept(
    aanbieder_a, wereld, actie_a, api_als
):
    api = api_als(aanbieder_a)
    lijst = api.get("/api/v1/actiepunten").json()["results"]
    assert [a["uuid"] for a in lijst] == [str(actie_a.uuid)]
    vergadering = api.get(f"/api/v1/vergaderingen/{wereld['tweede'].uuid}")
    assert vergadering.status_code == 200
    _geen_geheim(vergadering.content.decode())
    assert api.get(f"/api/v1/actiepunten/{wereld['gepland'].uuid}").status_code == 404
    entry = AccessLogEntry.objects.latest("id")  # the refusal, like in the browser
    assert entry.uitkomst == Uitkomst.GEWEIGERD and entry.organisatie_id == aanbieder_a.pk
    assert str(wereld["gepland"].uuid) in entry.omschrijving and "actiepunt" in entry.omschrijving


def test_lid_opent_een_actiepunt_van_concept_404_en_geweigerd_gelogd(login, medewerker_a, wereld):
    concept = wereld["concept"]
    response = login(medewerker_a).get(f"/fot/actiepunten/{concept.uuid}/")
    assert response.status_code == 404
    _geen_geheim(response.content.decode())
    entry = AccessLogEntry.objects.get(user=medewerker_a, uitkomst=Uitkomst.GEWEIGERD)
    assert str(concept.uuid) in entry.omschrijving and "actiepunt" in entry.omschrijving
    assert entry.client_ids == []  # action items hold no client data


def test_dagelijkse_regel_signaleert_het_lid_pas_als_het_verslag_gedeeld_is(
    contractmanager, aanbieder_a, wereld, actie_a
):
    """Overdue items of a planned meeting and of draft minutes signal contract management
    only; once the minutes are shared the provider's signal follows in the next run."""

    def voor_a():
        return set(
            Signaal.objects.filter(
                soort=SignaalSoort.ACTIEPUNT_VERLOPEN, organisatie=aanbieder_a
            ).values_list("onderwerp_id", flat=True)
        )

    dagelijkse_taken(date(2026, 3, 15), door="test", alleen=["actiepunt_verlopen"])
    dag = date(2026, 7, 1)
    dagelijkse_taken(dag, door="test", alleen=["actiepunt_verlopen"])
    assert voor_a() == {actie_a.pk}
    voor_cm = Signaal.objects.filter(
        soort=SignaalSoort.ACTIEPUNT_VERLOPEN, ontvanger="contractbeheer"
    ).values_list("onderwerp_id", flat=True)
    assert set(voor_cm) == {actie_a.pk, wereld["gepland"].pk, wereld["concept"].pk}

    services.notulen_opslaan(
        actor=contractmanager, agendapunt=punt(wereld["tweede"], "Opening"), notulen="Welkom."
    )
    services.ter_vaststelling(actor=contractmanager, vergadering=wereld["tweede"])
    dagelijkse_taken(dag + timedelta(days=1), door="test", alleen=["actiepunt_verlopen"])
    assert voor_a() == {actie_a.pk, wereld["gepland"].pk}
    laatste = Actiepunt.objects.get(pk=wereld["gepland"].pk).history.first()
    assert laatste.history_change_reason == "Verslag gedeeld met de leden"


def test_bijwerken_door_een_lid_dat_geen_eigenaar_is_403_en_geweigerd_gelogd(
    login, contractmanager, medewerker_a, eerste, sdd
):
    van_sdd = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Werkinstructie rondsturen",
        eigenaar_organisatie=sdd,
        volgende_vergadering=True,
    )
    response = login(medewerker_a).post(
        f"/fot/actiepunten/{van_sdd.uuid}/", {"tekst": "Gedaan", "status": "afgerond"}
    )
    assert response.status_code == 403
    entry = AccessLogEntry.objects.get(user=medewerker_a, uitkomst=Uitkomst.GEWEIGERD)
    assert str(van_sdd.uuid) in entry.omschrijving
    assert Actiepunt.objects.get(pk=van_sdd.pk).status == "open"
