"""Letter pages from every side: the provider of the decision may read its letters,
another provider sees nothing (404, logged), staff roles without case access get 403;
bad input keeps what was typed; the mailing-run list has a fixed number of queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from indicaties.brieven import maken
from indicaties.brieven import services as brieven
from indicaties.models import Beschikking, Brief, BriefSoort, Toewijzing, Verzendrun
from sdd_portal.audit.models import AccessLogEntry, Actie, Uitkomst


@pytest.fixture
def brief(definitief):
    brief = Brief.objects.get(beschikking=definitief, soort=BriefSoort.DEFINITIEF)
    maken.brief_maken(brief.pk)
    brief.refresh_from_db()
    return brief


def test_eigen_aanbieder_en_consulent_lezen_de_brief_met_log(login, brief, consulent, medewerker_a):
    for user in (consulent, medewerker_a):
        web = login(user)
        pagina = web.get(reverse("indicaties:beschikking-detail", args=[brief.beschikking.uuid]))
        assert "Definitieve beschikking (met ondersteuningsplan)" in pagina.content.decode()
        r = web.get(reverse("indicaties:brief-pdf", args=[brief.uuid]))
        assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
        assert b"".join(r.streaming_content).startswith(b"%PDF-")
        log = AccessLogEntry.objects.filter(user=user, actie=Actie.DOWNLOADEN).latest("timestamp")
        assert log.client_ids == [brief.client_id]
        voorbeeld = web.get(reverse("indicaties:brief-voorbeeld", args=[brief.uuid]))
        assert voorbeeld.status_code == 200
        assert b"".join(voorbeeld.streaming_content).startswith(b"%PDF-")
        assert voorbeeld["Content-Disposition"] == 'inline; filename="voorbeeld-definitief.pdf"'


def test_andere_aanbieder_ziet_geen_brief_en_het_staat_in_het_log(login, brief, medewerker_b):
    web = login(medewerker_b)
    for naam in ("brief-pdf", "brief-voorbeeld"):
        r = web.get(reverse(f"indicaties:{naam}", args=[brief.uuid]))
        assert r.status_code == 404
        assert brief.client.achternaam not in r.content.decode()
    geweigerd = AccessLogEntry.objects.filter(user=medewerker_b, uitkomst=Uitkomst.GEWEIGERD)
    assert geweigerd.count() == 2 and all(e.client_ids == [brief.client_id] for e in geweigerd)
    for naam in ("verzendruns",):
        assert web.get(reverse(f"indicaties:{naam}")).status_code == 403


def test_aanbieder_kan_niet_intrekken_afwijzen_of_verzenden(login, brief, medewerker_a, consulent):
    run = brieven.verzendrun_maken(actor=consulent, datum=timezone.localdate())
    web = login(medewerker_a)
    b = brief.beschikking
    assert web.get(reverse("indicaties:beschikking-intrekken", args=[b.uuid])).status_code == 403
    assert web.get(reverse("indicaties:melding-afwijzen", args=[b.melding.uuid])).status_code == 403
    for naam in ("verzendrun-detail", "verzendrun-pdf"):
        assert web.get(reverse(f"indicaties:{naam}", args=[run.uuid])).status_code == 403
    r = web.post(
        reverse("indicaties:verzendrun-verzonden", args=[run.uuid]),
        {"verzonden_op": timezone.localdate().isoformat()},
    )
    assert r.status_code == 403
    assert Verzendrun.objects.get(pk=run.pk).verzonden_op is None


@pytest.mark.parametrize("rol", ["contractmanager", "beheerder"])
def test_sdd_rollen_zonder_dossiertoegang_krijgen_403(login, brief, rol, request):
    web = login(request.getfixturevalue(rol))
    for url in (
        reverse("indicaties:brief-pdf", args=[brief.uuid]),
        reverse("indicaties:brief-voorbeeld", args=[brief.uuid]),
        reverse("indicaties:verzendruns"),
    ):
        assert web.get(url).status_code == 403, url


def test_intrekken_met_fouten_houdt_invoer_en_slaat_niets_op(login, definitief, consulent):
    web = login(consulent)
    url = reverse("indicaties:beschikking-intrekken", args=[definitief.uuid])
    te_laat = definitief.einddatum + timedelta(days=10)
    r = web.post(
        url,
        {
            "per": te_laat.isoformat(),
            "reden": "",
            "verzenddatum": "31-02-2026",
            "reden_wijziging": "13",
        },
    )
    html = r.content.decode()
    assert r.status_code == 400
    assert "Schrijf de motivering op." in html
    assert "Vul een geldige verzenddatum in" in html
    # 13 is set by itself for a withdrawal from the start, never chosen.
    assert "Kies een reden voor de aanbieder uit de lijst." in html
    assert f'value="{te_laat.isoformat()}"' in html
    definitief.refresh_from_db()
    assert definitief.ingetrokken_per is None
    assert not Brief.objects.filter(soort=BriefSoort.INTREKKING).exists()
    vandaag = timezone.localdate()
    r = web.post(
        url,
        {
            "per": vandaag.isoformat(),
            "reden": "Cliënt is verhuisd.",
            "verzenddatum": vandaag.isoformat(),
            "reden_wijziging": "07",
        },
    )
    assert r.status_code == 302
    assert Brief.objects.filter(soort=BriefSoort.INTREKKING, beschikking=definitief).exists()
    # The plan starts after the short decision: withdrawn before its start, the provider's
    # assignment is deleted (einddatum = ingangsdatum, 13), whatever reason was chosen.
    toewijzing = Toewijzing.objects.get(beschikking=definitief)
    assert toewijzing.einddatum == toewijzing.ingangsdatum
    assert toewijzing.reden_wijziging == "13"


def test_afwijzen_via_de_pagina(login, consulent, ho, banden, ho_client):
    from .conftest import onderzochte_melding

    melding = onderzochte_melding(
        consulent=consulent, client=ho_client, product=ho, band=banden["HO-B1"]
    )
    web = login(consulent)
    detail = web.get(reverse("indicaties:melding-detail", args=[melding.uuid])).content.decode()
    assert "Aanvraag afwijzen" in detail
    url = reverse("indicaties:melding-afwijzen", args=[melding.uuid])
    r = web.post(url, {"motivering": "Nee.", "verzenddatum": timezone.localdate().isoformat()})
    assert r.status_code == 400 and "minstens een volledige zin" in r.content.decode()
    assert "Nee." in r.content.decode()
    r = web.post(
        url,
        {
            "motivering": "U kunt met de algemene was- en strijkservice zelf verder.",
            "verzenddatum": timezone.localdate().isoformat(),
        },
    )
    assert r.status_code == 302
    detail = web.get(reverse("indicaties:melding-detail", args=[melding.uuid])).content.decode()
    assert "Afwijzing van de aanvraag" in detail and "Voorbeeld" in detail


def test_verzendruns_vast_aantal_queries(login, definitief, consulent, client):
    web = login(consulent)

    def tel(url):
        with CaptureQueriesContext(connection) as ctx:
            assert web.get(url).status_code == 200
        return len(ctx.captured_queries)

    lijst = reverse("indicaties:verzendruns")
    run = brieven.verzendrun_maken(actor=consulent, datum=timezone.localdate())
    detail = reverse("indicaties:verzendrun-detail", args=[run.uuid])
    voor = (tel(lijst), tel(detail))
    # More runs and more letters per run.
    nieuw = Brief.objects.get(sleutel=f"definitief:{definitief.pk}")
    for i in range(4):
        Brief.objects.create(
            soort=nieuw.soort,
            sleutel=f"extra:{i}",
            client=nieuw.client,
            beschikking=nieuw.beschikking,
            sjabloon=nieuw.sjabloon,
            verzenddatum=nieuw.verzenddatum,
            verzendrun=run,
        )
        Verzendrun.objects.create(datum=timezone.localdate(), gemaakt_door=consulent)
    assert (tel(lijst), tel(detail)) == voor


def test_beschikking_pagina_laat_brieven_zien_met_versie(login, brief, consulent):
    web = login(consulent)
    html = web.get(
        reverse("indicaties:beschikking-detail", args=[brief.beschikking.uuid])
    ).content.decode()
    assert "klaar voor verzending" in html and "versie 1" in html
    assert reverse("indicaties:brief-pdf", args=[brief.uuid]) in html
    assert Beschikking.objects.filter(pk=brief.beschikking_id).exists()


def test_voortgang_ververst_de_pagina_zodra_de_run_klaar_is(login, definitief, consulent):
    web = login(consulent)
    run = brieven.verzendrun_maken(actor=consulent, datum=timezone.localdate())
    url = reverse("indicaties:verzendrun-detail", args=[run.uuid]) + "?voortgang=1"
    Verzendrun.objects.filter(pk=run.pk).update(status=Verzendrun.Status.RENDEREN, gereed=0)
    bezig = web.get(url, HTTP_HX_REQUEST="true")
    assert "Brieven maken: 0 van" in bezig.content.decode()
    assert "HX-Refresh" not in bezig.headers
    Verzendrun.objects.filter(pk=run.pk).update(status=Verzendrun.Status.KLAAR)
    klaar = web.get(url, HTTP_HX_REQUEST="true")
    assert klaar.headers["HX-Refresh"] == "true"
