"""The chain's pages: the messages list (filters, scoping, query counts), a message's
detail and XML download, the consultants' problem list and home panel, and the messages,
versions, retour codes and starts/stops on the assignment, decision and timeline pages.
Seen from the other side too: another provider gets 404, roles without client files 403,
and every read of a client's message is in the access log."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from indicaties.models import RedenWijziging, Zorgmelding
from keten.models import Berichtcode, BerichtStatus, Richting
from sdd_portal.audit.models import AccessLogEntry, Actie, Uitkomst
from tests.api.helpers_indicaties import keten
from tests.factories import ClientFactory, ToewijzingFactory
from tests.indicaties import conftest as ho_fixtures

from .schermdata import bericht, over_termijn, retour_met_fouten, versie

normenkader = ho_fixtures.normenkader
banden = ho_fixtures.banden

LIJST = "/keten/berichten/"
PROBLEMEN = "/keten/problemen/"


def detail(b) -> str:
    return reverse("keten:bericht-detail", args=[b.uuid])


def xml_url(b) -> str:
    return reverse("keten:bericht-xml", args=[b.uuid])


@pytest.fixture
def keten_a(consulent, aanbieder_a, ho, banden, contracten):
    return keten(consulent=consulent, aanbieder=aanbieder_a, product=ho, band=banden["HO-B3"])


@pytest.fixture
def wereld(aanbieder_a, aanbieder_b):
    """Provider A: a 301 answered by a 302 with errors (with a version), a 305 in; provider
    B: one 301 whose retour is overdue."""
    ta = ToewijzingFactory(
        aanbieder=aanbieder_a, client=ClientFactory(bsn="111222333", achternaam="Appel")
    )
    tb = ToewijzingFactory(aanbieder=aanbieder_b, client=ClientFactory(achternaam="Bes"))
    heen_a = bericht(aanbieder=aanbieder_a, client=ta.client, dagtekening=date(2025, 3, 4))
    versie(ta, heen_a, nummer=7, reden=RedenWijziging.VERLENGING, volume=120)
    retour_a = retour_met_fouten(heen_a, toewijzing=ta, nummer=7)
    start_a = bericht(
        aanbieder=aanbieder_a,
        client=ta.client,
        code=Berichtcode.WMO305,
        richting=Richting.IN,
        status=BerichtStatus.VERWERKT,
    )
    heen_b = bericht(aanbieder=aanbieder_b, client=tb.client, termijn=over_termijn())
    return {
        "ta": ta,
        "tb": tb,
        "heen_a": heen_a,
        "retour_a": retour_a,
        "start_a": start_a,
        "heen_b": heen_b,
    }


def _ids(response) -> set[str]:
    return {b.identificatie for b in response.context["page"].object_list}


# ----------------------------------------------------------------------------- list


def test_consulent_ziet_alle_berichten(login, consulent, wereld):
    response = login(consulent).get(LIJST)
    assert response.status_code == 200
    assert _ids(response) == {
        wereld[k].identificatie for k in ("heen_a", "retour_a", "start_a", "heen_b")
    }
    assert "Vlijtig Liesje" in response.content.decode()


def test_aanbieder_ziet_alleen_eigen_berichten(login, medewerker_a, medewerker_b, wereld):
    response = login(medewerker_a).get(LIJST)
    assert response.status_code == 200
    assert _ids(response) == {wereld[k].identificatie for k in ("heen_a", "retour_a", "start_a")}
    assert "Berichten van Vlijtig Liesje" in response.content.decode()
    # No provider filter for a provider: it would mean nothing.
    assert "aanbieder" not in response.context["form"].fields
    response = login(medewerker_b).get(LIJST)
    assert _ids(response) == {wereld["heen_b"].identificatie}


@pytest.mark.parametrize("gebruiker", ["contractmanager", "beheerder"])
def test_rollen_zonder_clientdossiers_krijgen_403(request, login, gebruiker, wereld):
    http = login(request.getfixturevalue(gebruiker))
    for url in (
        LIJST,
        detail(wereld["heen_a"]),
        xml_url(wereld["heen_a"]),
        PROBLEMEN,
    ):
        assert http.get(url).status_code == 403, url


def test_aanbieder_krijgt_geen_probleemlijst(login, medewerker_a, wereld):
    assert login(medewerker_a).get(PROBLEMEN).status_code == 403


@pytest.mark.parametrize(
    ("params", "verwacht"),
    [
        ({"bsn": "111222333"}, {"heen_a", "retour_a", "start_a"}),
        ({"naam": "bes"}, {"heen_b"}),
        ({"berichtcode": "305"}, {"start_a"}),
        ({"richting": "in"}, {"retour_a", "start_a"}),
        ({"status": "retour_fouten"}, {"heen_a"}),
        ({"dagtekening": "2025-03-04"}, {"heen_a"}),
    ],
)
def test_filters(login, consulent, wereld, params, verwacht):
    response = login(consulent).get(LIJST, params)
    assert response.status_code == 200
    assert _ids(response) == {wereld[k].identificatie for k in verwacht}


def test_filter_op_aanbieder(login, consulent, wereld, aanbieder_b):
    response = login(consulent).get(LIJST, {"aanbieder": aanbieder_b.pk})
    assert _ids(response) == {wereld["heen_b"].identificatie}


@pytest.mark.parametrize(
    ("params", "veld", "melding"),
    [
        ({"bsn": "12345"}, "bsn", "BSN"),
        ({"dagtekening": "31-02-2025x"}, "dagtekening", "Vul een geldige dagtekening in"),
        ({"status": "kwijt"}, "status", "Kies een status uit de lijst."),
        ({"berichtcode": "999"}, "berichtcode", "Kies een soort bericht uit de lijst."),
        ({"richting": "links"}, "richting", "Kies de richting uit de lijst"),
        ({"aanbieder": "abc"}, "aanbieder", "Kies een aanbieder uit de lijst."),
        ({"naam": "x" * 300}, "naam", "200"),
    ],
)
def test_foute_filters_geven_een_nederlandse_melding(
    login, consulent, wereld, params, veld, melding
):
    response = login(consulent).get(LIJST, params)
    assert response.status_code == 400
    assert veld in response.context["form"].errors
    assert melding in " ".join(response.context["form"].errors[veld])
    assert response.context["page"] is None  # nothing listed on a wrong filter


def test_lijst_schrijft_het_toegangslog(login, consulent, wereld):
    login(consulent).get(LIJST, {"bsn": "111222333"})
    entry = AccessLogEntry.objects.filter(actie=Actie.ZOEKEN).latest("timestamp")
    assert entry.client_ids == [wereld["ta"].client_id]
    assert entry.omschrijving == "iWmo-berichten gezocht"


def _queries(http, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = http.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _meer_berichten(aanbieder, n):
    for _ in range(n):
        t = ToewijzingFactory(aanbieder=aanbieder)
        heen = bericht(aanbieder=aanbieder, client=t.client, termijn=over_termijn())
        retour_met_fouten(heen, toewijzing=t)


@pytest.mark.parametrize("gebruiker", ["consulent", "medewerker_a"])
def test_lijst_queries_groeien_niet(request, login, gebruiker, aanbieder_a):
    http = login(request.getfixturevalue(gebruiker))
    _meer_berichten(aanbieder_a, 2)
    weinig = _queries(http, LIJST)
    _meer_berichten(aanbieder_a, 12)
    assert _queries(http, LIJST) == weinig


def test_probleemlijst_queries_groeien_niet(login, consulent, aanbieder_a):
    http = login(consulent)
    _meer_berichten(aanbieder_a, 2)
    weinig = _queries(http, PROBLEMEN)
    _meer_berichten(aanbieder_a, 12)
    assert _queries(http, PROBLEMEN) == weinig


# ----------------------------------------------------------------------- detail / XML


def test_detail_toont_retourcodes_bevindingen_en_versies(login, consulent, wereld):
    response = login(consulent).get(detail(wereld["heen_a"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Retour ontvangen met fouten" in html
    assert "9056" in html and "Identificatie moet uniek zijn." in html
    assert "Product, toewijzing 7" in html
    assert "Geen opmerking over deze berichtklasse." in html
    assert "Herbeoordeling: verlenging toewijzing" in html
    assert wereld["retour_a"].identificatie in html  # link to its retour
    assert reverse("keten:bericht-xml", args=[wereld["heen_a"].uuid]) in html


def test_detail_van_retour_wijst_naar_heenbericht(login, consulent, wereld):
    html = login(consulent).get(detail(wereld["retour_a"])).content.decode()
    assert "Antwoord op" in html and wereld["heen_a"].identificatie in html
    assert "Identificatie moet uniek zijn." in html


def test_detail_toont_bevindingen_en_te_late_retour(login, consulent, aanbieder_b):
    b = bericht(
        aanbieder=aanbieder_b,
        status=BerichtStatus.AFGEKEURD,
        richting=Richting.IN,
        code=Berichtcode.WMO307,
        fouten=[{"code": "TR413", "tekst": "Er is al een stop met deze sleutel."}, "los"],
    )
    te_laat = bericht(aanbieder=aanbieder_b, termijn=over_termijn())
    http = login(consulent)
    html = http.get(detail(b)).content.decode()
    assert "TR413" in html and "Er is al een stop met deze sleutel." in html and "los" in html
    assert "Afgekeurd" in html
    html = http.get(detail(te_laat)).content.decode()
    assert "had uiterlijk" in html and "moeten zijn (OP090)" in html


def test_detail_schrijft_het_toegangslog(login, medewerker_a, wereld):
    login(medewerker_a).get(detail(wereld["heen_a"]))
    entry = AccessLogEntry.objects.filter(actie=Actie.BEKIJKEN).latest("timestamp")
    assert entry.client_ids == [wereld["ta"].client_id]
    assert entry.uitkomst == Uitkomst.TOEGESTAAN


def test_andere_aanbieder_krijgt_404_en_het_log_weet_het(login, medewerker_b, wereld):
    http = login(medewerker_b)
    for url, actie in (
        (detail(wereld["heen_a"]), Actie.BEKIJKEN),
        (xml_url(wereld["heen_a"]), Actie.EXPORTEREN),
    ):
        response = http.get(url)
        assert response.status_code == 404
        assert wereld["heen_a"].identificatie.encode() not in response.content
        entry = AccessLogEntry.objects.latest("timestamp")
        assert entry.uitkomst == Uitkomst.GEWEIGERD
        assert entry.actie == actie
        assert entry.client_ids == [wereld["ta"].client_id]


def test_xml_downloaden(login, medewerker_a, wereld):
    response = login(medewerker_a).get(xml_url(wereld["heen_a"]))
    assert response.status_code == 200
    assert response.content == bytes(wereld["heen_a"].xml)
    assert response["Content-Type"] == "application/xml"
    assert response["Content-Disposition"].startswith("attachment;")
    assert wereld["heen_a"].identificatie in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    entry = AccessLogEntry.objects.latest("timestamp")
    assert entry.actie == Actie.EXPORTEREN
    assert entry.client_ids == [wereld["ta"].client_id]


def test_onbekend_bericht_is_404(login, consulent, db):
    response = login(consulent).get("/keten/berichten/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert AccessLogEntry.objects.latest("timestamp").uitkomst == Uitkomst.NIET_GEVONDEN


# --------------------------------------------------------------- problems and home


def test_probleemlijst(login, consulent, wereld, aanbieder_a):
    nog_binnen = bericht(aanbieder=aanbieder_a, termijn=timezone.localdate())
    fout = bericht(aanbieder=aanbieder_a, status=BerichtStatus.FOUT)
    http = login(consulent)
    response = http.get(PROBLEMEN)
    assert response.status_code == 200
    rijen = [b.identificatie for b in response.context["page"].object_list]
    # Newest first; a message still within its term and an answered one without errors
    # are no problem.
    assert rijen == [
        fout.identificatie,
        wereld["heen_b"].identificatie,
        wereld["heen_a"].identificatie,
    ]
    assert nog_binnen.identificatie not in rijen
    assert "(te laat)" in response.content.decode()
    te_laat = http.get(PROBLEMEN, {"soort": "te_laat"}).context["page"].object_list
    assert [b.identificatie for b in te_laat] == [wereld["heen_b"].identificatie]
    afgekeurd = http.get(PROBLEMEN, {"soort": "afgekeurd"}).context["page"].object_list
    assert [b.identificatie for b in afgekeurd] == [
        fout.identificatie,
        wereld["heen_a"].identificatie,
    ]


def test_probleemlijst_foute_soort(login, consulent, db):
    response = login(consulent).get(PROBLEMEN, {"soort": "<script>"})
    assert response.status_code == 400
    assert "Kies bij soort een van: afgekeurd of te_laat" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_startpagina_telt_problemen(login, consulent, wereld):
    html = login(consulent).get("/").content.decode()
    assert "<strong>1</strong> berichten afgekeurd of met fouten" in html
    assert "<strong>1</strong> berichten zonder retour na de termijn" in html
    assert "/keten/problemen/?soort=te_laat" in html


def test_menu(login, consulent, medewerker_a, contractmanager, db):
    assert 'href="/keten/berichten/"' in login(medewerker_a).get("/").content.decode()
    html = login(consulent).get("/").content.decode()
    assert 'href="/keten/berichten/"' in html and 'href="/keten/problemen/"' in html
    assert "/keten/" not in login(contractmanager).get("/").content.decode()


# ------------------------------------------------- assignment, decision and timeline


def test_toewijzing_toont_versies_retourcodes_en_starts(login, medewerker_a, consulent, wereld):
    ta = wereld["ta"]
    Zorgmelding.objects.create(
        toewijzing=ta, soort="start", begindatum=date(2025, 1, 6), bron=Zorgmelding.Bron.IWMO
    )
    Zorgmelding.objects.create(
        toewijzing=ta,
        soort="stop",
        begindatum=date(2025, 1, 6),
        einddatum=date(2025, 2, 1),
        reden_beeindiging="20",
        bron=Zorgmelding.Bron.PORTAAL,
    )
    for user in (medewerker_a, consulent):
        html = (
            login(user)
            .get(reverse("indicaties:toewijzing-detail", args=[ta.uuid]))
            .content.decode()
        )
        assert "Herbeoordeling: verlenging toewijzing" in html
        assert "9056</strong>: Identificatie moet uniek zijn." in html
        assert "Start zorg per 06-01-2025 (HO), gemeld via: iWmo-bericht" in html
        assert "Stop zorg per 01-02-2025 (Levering is tijdelijk beëindigd)" in html
        assert "(Levering is tijdelijk beëindigd) (HO), gemeld via: Portaal" in html


def test_toewijzing_van_andere_aanbieder_toont_niets(login, medewerker_b, wereld):
    response = login(medewerker_b).get(
        reverse("indicaties:toewijzing-detail", args=[wereld["ta"].uuid])
    )
    assert response.status_code == 404
    assert b"9056" not in response.content


def test_tijdlijn_toont_berichten_retourcodes_en_starts(login, consulent, medewerker_b, wereld):
    ta = wereld["ta"]
    Zorgmelding.objects.create(
        toewijzing=ta, soort="start", begindatum=date(2025, 1, 6), bron=Zorgmelding.Bron.API
    )
    url = reverse("indicaties:client-tijdlijn", args=[ta.client.uuid])
    html = login(consulent).get(url).content.decode()
    assert "WMO302 retour toewijzing (inkomend)" in html
    assert "9056 Identificatie moet uniek zijn." in html
    assert "Status: Retour ontvangen met fouten" in html
    assert "Start zorg per 06-01-2025" in html and "Gemeld via api door Vlijtig Liesje" in html
    assert detail(wereld["heen_a"]) in html
    assert login(medewerker_b).get(url).status_code == 404


def test_tijdlijn_queries_groeien_niet(login, consulent, wereld, aanbieder_a):
    ta = wereld["ta"]
    url = reverse("indicaties:client-tijdlijn", args=[ta.client.uuid])
    http = login(consulent)
    weinig = _queries(http, url)
    for _ in range(5):
        heen = bericht(aanbieder=aanbieder_a, client=ta.client)
        retour_met_fouten(heen, toewijzing=ta)
        Zorgmelding.objects.create(
            toewijzing=ta, soort="start", begindatum=date(2025, 1, 6), bron="portaal"
        )
    assert _queries(http, url) == weinig


def test_exportknop_is_weg():
    with pytest.raises(NoReverseMatch):
        reverse("keten:beschikking-exporteren", args=["00000000-0000-0000-0000-000000000000"])


def test_beschikking_toont_berichten_zonder_exportknop(login, consulent, medewerker_b, keten_a):
    t = keten_a.toewijzing
    heen = bericht(aanbieder=t.aanbieder, client=t.client)
    versie(t, heen, nummer=3)
    retour_met_fouten(heen, toewijzing=t, nummer=3)
    url = reverse("indicaties:beschikking-detail", args=[keten_a.beschikking.uuid])
    html = login(consulent).get(url).content.decode()
    assert "Exporteren (iWmo 301)" not in html
    assert "automatisch klaargezet" in html
    assert f"WMO301 toewijzing {heen.identificatie}" in html
    assert "retour ontvangen met fouten" in html
    assert "9056</strong>: Identificatie moet uniek zijn." in html
    assert login(medewerker_b).get(url).status_code == 404
