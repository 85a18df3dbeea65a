"""The HO process pages: what each role sees and may do, from the other side too, bad
input, the access log, and query counts that do not grow with the data."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from indicaties import services
from indicaties.models import Beschikking, Melding, Ondersteuningsplan, Toewijzing
from sdd_portal.audit.models import AccessLogEntry, Actie, Uitkomst
from tests.factories import ClientFactory

from .conftest import goed_plan, onderzochte_melding, pdf


def _d(datum) -> str:
    return datum.strftime("%Y-%m-%d")


def plan_post(beschikking, ondertekenaar, **overrides) -> dict:
    data = goed_plan(beschikking, ondertekenaar)
    post = {
        "minuten_per_week": data["minuten_per_week"],
        "was_strijk": "ja",
        "ingangsdatum": _d(data["ingangsdatum"]),
        "einddatum": _d(data["einddatum"]),
        "verzenddatum": _d(data["verzenddatum"]),
        "ondertekenaar": ondertekenaar.pk,
        "afspraken": data["afspraken"],
        "bestand": pdf(),
    }
    post.update(overrides)
    return post


# ----------------------------------------------------------------- consulent pages


def test_consulent_van_melding_tot_kortdurende_beschikking(
    login, consulent, ho_client, ho, banden, gebieden, aanbieder_a, contracten
):
    web = login(consulent)
    vandaag = timezone.localdate()
    url = reverse("indicaties:melding-nieuw", args=[ho_client.uuid])
    fout = web.post(url, {"product": ho.pk, "meldingsdatum": _d(vandaag + timedelta(days=2))})
    assert fout.status_code == 400
    assert "De meldingsdatum ligt in de toekomst." in fout.content.decode()
    assert Melding.objects.count() == 0
    r = web.post(url, {"product": ho.pk, "meldingsdatum": _d(vandaag), "bron": "client"})
    melding = Melding.objects.get()
    assert r.status_code == 302 and r.url == reverse(
        "indicaties:melding-detail", args=[melding.uuid]
    )

    detail = reverse("indicaties:melding-detail", args=[melding.uuid])
    leeg = web.post(detail, {"actie": "afronden", "bevindingen": "Eerste notitie"})
    html = leeg.content.decode()
    assert leeg.status_code == 400
    assert "Vul de datum van het gesprek in." in html
    assert "Eerste notitie" in html  # what was typed stays
    berekend = web.post(
        detail,
        {
            "actie": "berekenen",
            f"normtijd_{gebieden[0].pk}": "100,5",
            f"normtijd_{gebieden[1].pk}": "20",
        },
    )
    assert "121 minuten per week" in berekend.content.decode()
    assert "HO-B3" in berekend.content.decode()
    r = web.post(
        detail,
        {
            "actie": "afronden",
            "gespreksdatum": _d(vandaag),
            "verslagdatum": _d(vandaag),
            "bevindingen": "Hulp nodig bij schoonmaken.",
            f"normtijd_{gebieden[0].pk}": "100,5",
            f"normtijd_{gebieden[1].pk}": "20",
        },
    )
    assert r.status_code == 302
    keuze = web.get(r.url)
    assert aanbieder_a.naam in keuze.content.decode()
    r = web.post(
        r.url,
        {"aanbieder": aanbieder_a.pk, "ingangsdatum": _d(vandaag), "verzenddatum": _d(vandaag)},
    )
    beschikking = Beschikking.objects.get()
    assert r.status_code == 302
    assert beschikking.minuten_per_week == 121


def test_kortdurende_beschikking_toont_nergens_het_maximum(
    login, kortdurend, consulent, medewerker_a, client
):
    for user in (consulent, medewerker_a):
        web = login(user)
        for url in (
            reverse("indicaties:beschikking-detail", args=[kortdurend.uuid]),
            reverse("indicaties:client-tijdlijn", args=[kortdurend.client.uuid]),
            reverse("indicaties:client-detail", args=[kortdurend.client.uuid]),
        ):
            html = web.get(url).content.decode()
            assert "121 minuten per week" in html
            # The maximum as a number anywhere in the text (UUIDs in links aside).
            zichtbaar = re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "", html)
            assert not re.search(r"(?<![\w-])180(?![\w-])", zichtbaar), url
            if "beschikkingen" in url:
                assert "nog geen huishoudelijke ondersteuning" in html
        client.logout()


def test_aanbieder_uploadt_fout_plan_krijgt_precieze_melding_en_daarna_goed(
    login, kortdurend, medewerker_a, mandaat_a, consulent
):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    web = login(medewerker_a)
    detail = web.get(reverse("indicaties:toewijzing-detail", args=[toewijzing.uuid]))
    assert "Ondersteuningsplan indienen" in detail.content.decode()
    toewijzing.refresh_from_db()
    assert toewijzing.gezien_op is not None  # left the inbox
    url = reverse("indicaties:plan-indienen", args=[toewijzing.uuid])
    verkeerd = kortdurend.einddatum + timedelta(days=10)
    r = web.post(url, plan_post(kortdurend, medewerker_a, ingangsdatum=_d(verkeerd)))
    html = r.content.decode()
    assert r.status_code == 400
    assert "sluit niet aan op de kortdurende beschikking" in html
    assert f'value="{_d(verkeerd)}"' in html  # the form keeps what was typed
    assert Ondersteuningsplan.objects.count() == 0
    r = web.post(url, plan_post(kortdurend, medewerker_a))
    assert r.status_code == 302
    plan = Ondersteuningsplan.objects.get()

    client_sdd = login(consulent)
    assert (
        plan.toewijzing.client.naam
        in client_sdd.get(reverse("indicaties:werklijst")).content.decode()
    )
    r = client_sdd.post(
        reverse("indicaties:plan-detail", args=[plan.uuid]), {"besluit": "accepteren"}
    )
    definitief = Beschikking.objects.get(soort="definitief")
    assert r.url == reverse("indicaties:beschikking-detail", args=[definitief.uuid])
    html = client_sdd.get(r.url).content.decode()
    assert "bezwaar maken" in html and "150 minuten per week" in html
    assert "komt een eventueel voorgaand besluit te vervallen" not in html  # replaces nothing


def test_onzin_invoer_geeft_400_en_nooit_500(login, kortdurend, medewerker_a, mandaat_a):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    web = login(medewerker_a)
    r = web.post(
        reverse("indicaties:plan-indienen", args=[toewijzing.uuid]),
        {"minuten_per_week": "veel", "ingangsdatum": "32-13-2025", "ondertekenaar": "x"},
    )
    html = r.content.decode()
    assert r.status_code == 400
    assert "Vul een heel aantal minuten per week in" in html
    assert "Vul een geldige ingangsdatum in" in html
    assert "Kies het ondertekende ondersteuningsplan (PDF)." in html


def test_afwijzen_zonder_reden_en_verlengen_met_fouten(
    login, kortdurend, consulent, medewerker_a, mandaat_a
):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    plan = services.plan_indienen(
        actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
    )
    web = login(consulent)
    r = web.post(reverse("indicaties:plan-detail", args=[plan.uuid]), {"besluit": "afwijzen"})
    assert r.status_code == 400
    assert "Schrijf op wat de aanbieder moet aanpassen." in r.content.decode()
    definitief = services.plan_accepteren(actor=consulent, plan=plan)
    r = web.post(
        reverse("indicaties:beschikking-verlengen", args=[definitief.uuid]),
        {"nieuwe_einddatum": _d(definitief.einddatum - timedelta(days=1)), "toelichting": ""},
    )
    html = r.content.decode()
    assert r.status_code == 400
    assert "moet na de huidige einddatum" in html or "Leg vast dat er niets veranderd is" in html


# ------------------------------------------------------------ from the other side


@pytest.fixture
def dossier(kortdurend, medewerker_a, mandaat_a):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    plan = services.plan_indienen(
        actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
    )
    return {
        "melding-detail": kortdurend.melding.uuid,
        "toewijzing-detail": toewijzing.uuid,
        "plan-detail": plan.uuid,
        "plan-bestand": plan.uuid,
        "beschikking-detail": kortdurend.uuid,
        "client-tijdlijn": kortdurend.client.uuid,
    }


def test_andere_aanbieder_ziet_niets_en_de_poging_staat_in_het_log(
    login, dossier, medewerker_b, kortdurend
):
    web = login(medewerker_b)
    for naam, uuid in dossier.items():
        r = web.get(reverse(f"indicaties:{naam}", args=[uuid]))
        assert r.status_code == 404, naam
        assert kortdurend.client.achternaam not in r.content.decode()
    r = web.post(
        reverse("indicaties:plan-indienen", args=[dossier["toewijzing-detail"]]),
        plan_post(kortdurend, medewerker_b),
    )
    assert r.status_code == 404
    geweigerd = AccessLogEntry.objects.filter(user=medewerker_b, uitkomst=Uitkomst.GEWEIGERD)
    assert geweigerd.count() == len(dossier) + 1
    assert all(e.client_ids == [kortdurend.client_id] for e in geweigerd)
    assert "Vlijtig" not in web.get(reverse("indicaties:werklijst")).content.decode()


def test_aanbieder_mag_geen_consulentenhandelingen(login, dossier, medewerker_a, kortdurend):
    web = login(medewerker_a)
    for url in (
        reverse("indicaties:melding-nieuw", args=[kortdurend.client.uuid]),
        reverse("indicaties:melding-beschikken", args=[dossier["melding-detail"]]),
    ):
        assert web.get(url).status_code == 403
    url = reverse("indicaties:beschikking-verlengen", args=[kortdurend.uuid])
    assert web.post(url).status_code == 403
    r = web.post(
        reverse("indicaties:plan-detail", args=[dossier["plan-detail"]]), {"besluit": "accepteren"}
    )
    assert Ondersteuningsplan.objects.get(uuid=dossier["plan-detail"]).status == "ingediend"
    assert r.status_code == 200


@pytest.mark.parametrize("rol", ["contractmanager", "beheerder"])
def test_sdd_rollen_zonder_dossiertoegang_krijgen_403(login, dossier, rol, request):
    web = login(request.getfixturevalue(rol))
    assert web.get(reverse("indicaties:werklijst")).status_code == 403
    for naam, uuid in dossier.items():
        assert web.get(reverse(f"indicaties:{naam}", args=[uuid])).status_code == 403, naam


def test_download_plan_met_log(login, dossier, medewerker_a, kortdurend):
    web = login(medewerker_a)
    r = web.get(reverse("indicaties:plan-bestand", args=[dossier["plan-bestand"]]))
    assert r.status_code == 200
    assert b"".join(r.streaming_content).startswith(b"%PDF-")
    entry = AccessLogEntry.objects.filter(actie=Actie.DOWNLOADEN).latest("timestamp")
    assert entry.client_ids == [kortdurend.client_id] and entry.user == medewerker_a


# -------------------------------------------------------------------- query counts


def _dossiers(n, *, consulent, ho, banden, aanbieder, medewerker):
    vandaag = timezone.localdate()
    for _ in range(n):
        client = ClientFactory(consulent=consulent)
        melding = onderzochte_melding(
            consulent=consulent, client=client, product=ho, band=banden["HO-B2"]
        )
        kort = services.kortdurend_beschikken(
            actor=consulent,
            melding=melding,
            aanbieder=aanbieder,
            ingangsdatum=vandaag,
            verzenddatum=vandaag,
        )
        Beschikking.objects.filter(pk=kort.pk).update(einddatum=vandaag + timedelta(days=3))
        toewijzing = Toewijzing.objects.get(beschikking=kort)
        kort.refresh_from_db()
        services.plan_indienen(
            actor=medewerker,
            toewijzing=toewijzing,
            **goed_plan(kort, medewerker, minuten_per_week=100),
        )
        services.melding_registreren(
            actor=consulent, client=client, product=ho, meldingsdatum=vandaag - timedelta(days=40)
        )


def test_werklijsten_en_tijdlijn_vast_aantal_queries(
    login,
    consulent,
    medewerker_a,
    ho,
    banden,
    aanbieder_a,
    mandaat_a,
    django_assert_max_num_queries,
    client,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def tel(user, url):
        web = login(user)
        with CaptureQueriesContext(connection) as ctx:
            assert web.get(url).status_code == 200
        client.logout()
        return len(ctx.captured_queries)

    kwargs = {
        "consulent": consulent,
        "ho": ho,
        "banden": banden,
        "aanbieder": aanbieder_a,
        "medewerker": medewerker_a,
    }
    _dossiers(2, **kwargs)
    werk = reverse("indicaties:werklijst")
    eerste = Melding.objects.first().client
    tijdlijn = reverse("indicaties:client-tijdlijn", args=[eerste.uuid])
    voor = {
        (u.pk, url): tel(u, url) for u in (consulent, medewerker_a) for url in (werk, tijdlijn, "/")
    }
    _dossiers(6, **kwargs)
    na = {
        (u.pk, url): tel(u, url) for u in (consulent, medewerker_a) for url in (werk, tijdlijn, "/")
    }
    assert voor == na
    assert max(na.values()) <= 40


def test_bandsignaal_vanuit_de_toewijzing_is_voorgevuld(login, kortdurend, medewerker_a):
    web = login(medewerker_a)
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    html = web.get(reverse("indicaties:toewijzing-detail", args=[toewijzing.uuid])).content.decode()
    link = f"?client={kortdurend.client.uuid}&amp;soort=normenkader"
    assert link in html
    form = web.get(
        reverse("contractbeheer:signaal-nieuw") + link.replace("&amp;", "&")
    ).content.decode()
    assert 'value="normenkader" selected' in form or 'value="normenkader" checked' in form
    assert "Ondersteuning past niet in de bandbreedte" in form


def test_ho_met_banden_gaat_niet_via_directe_toewijzing(login, consulent, ho_client, banden, ho):
    from tests.factories import ProductFactory

    ProductFactory(code="IB", naam="Individuele begeleiding", productcategorie="02")
    web = login(consulent)
    url = reverse("indicaties:toewijzing-vastleggen", args=[ho_client.uuid])
    html = web.get(url + "?product=HO").content.decode()
    assert '<option value="IB"' in html
    assert '<option value="HO"' not in html
    assert "via" in html and reverse("indicaties:melding-nieuw", args=[ho_client.uuid]) in html


def test_directe_toewijzing_vraagt_de_omvang_en_weigert_zonder(
    login, consulent, medewerker_a, ho_client, aanbieder_a
):
    """CD041 at entry: an inspanningsgericht product is assigned with its size; without it
    the page names the field, keeps the input and saves nothing. A provider may not use it."""
    from tests.conftest import contract
    from tests.factories import ProductFactory

    ib = ProductFactory(code="IB", naam="Individuele begeleiding", productcategorie="02")
    contract(aanbieder_a, ib)
    url = reverse("indicaties:toewijzing-vastleggen", args=[ho_client.uuid]) + "?product=IB"
    assert login(medewerker_a).get(url).status_code == 403
    web = login(consulent)
    assert "geef de omvang op" in web.get(url).content.decode()
    vandaag = timezone.localdate()
    invoer = {
        "aanbieder": aanbieder_a.pk,
        "ingangsdatum": vandaag.isoformat(),
        "einddatum": (vandaag + timedelta(days=180)).isoformat(),
    }
    r = web.post(url, invoer)
    assert r.status_code == 400
    assert "Vul de omvang in: product IB (inspanningsgericht)" in r.content.decode()
    assert not Toewijzing.objects.filter(client=ho_client).exists()
    r = web.post(url, {**invoer, "volume": "120"})
    assert r.status_code == 302
    toewijzing = Toewijzing.objects.get(client=ho_client)
    assert (toewijzing.volume, toewijzing.eenheid, toewijzing.frequentie) == (120, "01", "2")
