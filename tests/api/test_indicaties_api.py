"""The client file through the API: clients, meldingen, decisions, assignments and support
plans. Visibility per organisation, scopes, roles, Dutch problem details, sync, ETags,
history and the access log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from indicaties.models import Beschikking, Ondersteuningsplan, Toewijzing
from indicaties.states import BeschikkingStatus, PlanStatus
from sdd_portal.audit.models import AccessLogEntry, Actie
from tests.indicaties import conftest as ho_fixtures

from .helpers_indicaties import API, client_met_token, keten

# The HO fixtures (band table) of the indication tests.
PDF = ho_fixtures.PDF
normenkader = ho_fixtures.normenkader
banden = ho_fixtures.banden

RESOURCES = ["clienten", "meldingen", "beschikkingen", "toewijzingen", "ondersteuningsplannen"]


@pytest.fixture
def sleutel_als(api_sleutel):
    """``sleutel_als(organisatie, **kwargs)`` returns (APIClient, technical user)."""

    def _maak(organisatie, **kwargs):
        sleutel, token = api_sleutel(organisatie, **kwargs)
        return client_met_token(token), sleutel.gebruiker

    return _maak


@pytest.fixture
def keten_a(consulent, aanbieder_a, ho, banden, contracten):
    return keten(consulent=consulent, aanbieder=aanbieder_a, product=ho, band=banden["HO-B3"])


@pytest.fixture
def keten_b(consulent, aanbieder_b, ho, banden, contracten):
    return keten(consulent=consulent, aanbieder=aanbieder_b, product=ho, band=banden["HO-B3"])


@pytest.fixture
def plan_a(consulent, aanbieder_a, ho, banden, medewerker_a, mandaat_a):
    return keten(
        consulent=consulent,
        aanbieder=aanbieder_a,
        product=ho,
        band=banden["HO-B3"],
        ondertekenaar=medewerker_a,
    )


@pytest.fixture
def definitief_a(plan_a, consulent):
    from indicaties import services

    services.plan_accepteren(actor=consulent, plan=plan_a.plan)
    plan_a.toewijzing.refresh_from_db()
    return plan_a


def _uuids(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {rij["uuid"] for rij in response.json()["results"]}


def _probleem(response, status: int, veld: str | None = None) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    if veld is not None:
        namen = {p["name"] for p in body["invalidParams"]}
        assert veld in namen, body
    return body


def _reden(body: dict, veld: str) -> str:
    return next(p["reason"] for p in body["invalidParams"] if p["name"] == veld)


def _object_van(resource: str, k) -> str:
    return {
        "clienten": k.client.uuid,
        "meldingen": k.melding.uuid,
        "beschikkingen": k.beschikking.uuid,
        "toewijzingen": k.toewijzing.uuid,
        "ondersteuningsplannen": getattr(k.plan, "uuid", None),
    }[resource]


# ---------------------------------------------------------------- visibility


@pytest.mark.parametrize("resource", RESOURCES)
def test_aanbieder_ziet_alleen_eigen_dossiers(
    resource,
    api_a,
    api_b,
    plan_a,
    consulent,
    aanbieder_b,
    ho,
    banden,
    medewerker_b,
):
    from contractbeheer.models import Mandaat

    mandaat = Mandaat.objects.create(
        aanbieder=aanbieder_b, medewerker=medewerker_b, geldig_van=plan_a.beschikking.ingangsdatum
    )
    mandaat.producten.add(ho)
    plan_b = keten(
        consulent=consulent,
        aanbieder=aanbieder_b,
        product=ho,
        band=banden["HO-B3"],
        ondertekenaar=medewerker_b,
    )
    van_a, van_b = str(_object_van(resource, plan_a)), str(_object_van(resource, plan_b))

    assert _uuids(api_a.get(f"{API}/{resource}")) == {van_a}
    assert _uuids(api_b.get(f"{API}/{resource}")) == {van_b}
    assert api_a.get(f"{API}/{resource}/{van_a}").status_code == 200
    _probleem(api_b.get(f"{API}/{resource}/{van_a}"), 404)


def test_consulent_ziet_alle_dossiers(api_consulent, keten_a, keten_b):
    assert _uuids(api_consulent.get(f"{API}/beschikkingen")) == {
        str(keten_a.beschikking.uuid),
        str(keten_b.beschikking.uuid),
    }


@pytest.mark.parametrize("resource", RESOURCES)
def test_zonder_scope_403(resource, api_als, aanbieder_a, keten_a):
    api = api_als(aanbieder_a, scopes=["producten:lezen"])
    body = _probleem(api.get(f"{API}/{resource}"), 403)
    assert f"{resource}:lezen" in body["detail"]


def test_contractmanager_leest_geen_dossiers(api_cm, keten_a):
    assert _uuids(api_cm.get(f"{API}/clienten")) == set()


# ------------------------------------------------------------------- clients


def test_client_detail_zoals_in_de_browser(api_a, api_consulent, keten_a, consulent):
    url = f"{API}/clienten/{keten_a.client.uuid}"
    data = api_a.get(url).json()
    client = keten_a.client
    assert data["bsn"] == client.bsn
    assert data["achternaam"] == client.achternaam
    assert data["geboortedatum"] == client.geboortedatum.isoformat()
    assert data["postcode"] == client.postcode
    assert data["gemeente"] == client.gemeente.code
    assert data["consulent"] is None  # a provider does not see who the consulent is
    assert api_consulent.get(url).json()["consulent"] == str(consulent.uuid)


def test_toegangslog_noemt_de_gelezen_clienten(sleutel_als, aanbieder_a, keten_a):
    api, gebruiker = sleutel_als(aanbieder_a)
    api.get(f"{API}/clienten")
    api.get(f"{API}/beschikkingen/{keten_a.beschikking.uuid}")
    lijst, detail = AccessLogEntry.objects.filter(user=gebruiker).order_by("id")
    assert (lijst.actie, lijst.client_ids) == (Actie.ZOEKEN, [keten_a.client.pk])
    assert (detail.actie, detail.client_ids) == (Actie.BEKIJKEN, [keten_a.client.pk])
    assert lijst.uitkomst == detail.uitkomst == "toegestaan"


# ------------------------------------------------------------------ meldingen


def test_melding_met_onderzoek(api_a, keten_a):
    data = api_a.get(f"{API}/meldingen/{keten_a.melding.uuid}").json()
    onderzoek = keten_a.melding.onderzoek
    assert data["client"] == str(keten_a.client.uuid)
    assert data["status"] == "beschikt"
    assert data["onderzoek"]["gespreksdatum"] == onderzoek.gespreksdatum.isoformat()
    assert data["onderzoek"]["verslagdatum"] == onderzoek.verslagdatum.isoformat()
    assert data["onderzoek"]["bandbreedteCode"] == "HO-B3"
    assert data["onderzoek"]["afgerondOp"]


def test_melding_zonder_onderzoek(api_consulent, consulent, ho):
    from indicaties import services
    from tests.factories import ClientFactory

    melding = services.melding_registreren(
        actor=consulent, client=ClientFactory(), product=ho, meldingsdatum=timezone.localdate()
    )
    data = api_consulent.get(f"{API}/meldingen/{melding.uuid}").json()
    assert data["onderzoek"] is None
    assert data["status"] == "open"


# ------------------------------------------------------------------ decisions


def test_beschikking_detail(api_a, keten_a):
    data = api_a.get(f"{API}/beschikkingen/{keten_a.beschikking.uuid}").json()
    b = keten_a.beschikking
    assert data["status"] == "geldig"
    assert data["soort"] == "kortdurend"
    assert data["bandbreedteCode"] == "HO-B3"
    assert data["minutenPerWeek"] == 121
    assert data["bezwaartermijnTot"] == b.bezwaartermijn_tot.isoformat()
    assert data["ingetrokkenPer"] is None
    assert data["vervangt"] is None
    assert data["melding"] == str(keten_a.melding.uuid)


def _intrekken(vandaag):
    return {"per": vandaag.isoformat(), "reden": "Cliënt is verhuisd.", "verzenddatum": vandaag}


def test_intrekken_zichtbaar_bij_hersynchronisatie(sleutel_als, sdd, api_a, keten_a):
    api, gebruiker = sleutel_als(sdd, rollen=["consulent"])
    eerst = api_a.get(f"{API}/beschikkingen").json()["results"][0]
    vandaag = timezone.localdate()
    url = f"{API}/beschikkingen/{keten_a.beschikking.uuid}/intrekken"
    response = api.post(url, _intrekken(vandaag), format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "ingetrokken"
    assert response["ETag"]
    # the provider's next sync (from its last seen change) brings the withdrawal
    nu = api_a.get(f"{API}/beschikkingen", {"modifiedSince": eerst["gewijzigdOp"]}).json()
    rij = next(r for r in nu["results"] if r["uuid"] == eerst["uuid"])
    assert rij["status"] == "ingetrokken"
    assert rij["ingetrokkenPer"] == vandaag.isoformat()
    assert rij["intrekkingsreden"] == "Cliënt is verhuisd."
    assert rij["gewijzigdOp"] > eerst["gewijzigdOp"]
    # the history names the credential's technical user; the assignment ended with it
    historie = keten_a.beschikking.history.latest("history_date")
    assert historie.history_user == gebruiker
    assert historie.history_change_reason == "Beschikking ingetrokken"
    log = AccessLogEntry.objects.filter(user=gebruiker).get()
    assert (log.actie, log.client_ids) == (Actie.WIJZIGEN, [keten_a.client.pk])


def test_intrekken_fouten_per_veld_en_niets_opgeslagen(api_consulent, keten_a):
    url = f"{API}/beschikkingen/{keten_a.beschikking.uuid}/intrekken"
    vandaag = timezone.localdate()
    body = _probleem(api_consulent.post(url, {"reden": ""}, format="json"), 400, "per")
    assert _reden(body, "reden") == "Schrijf de motivering op: die staat in de brief aan de cliënt."
    assert _reden(body, "verzenddatum") == "Vul de verzenddatum in."
    # the service's own rules, camelCase named
    te_laat = {
        "per": (keten_a.beschikking.einddatum + timedelta(days=1)).isoformat(),
        "reden": "Verhuisd.",
        "verzenddatum": (vandaag - timedelta(days=1)).isoformat(),
    }
    body = _probleem(api_consulent.post(url, te_laat, format="json"), 400, "per")
    assert "eindigt al op" in _reden(body, "per")
    assert "in het verleden" in _reden(body, "verzenddatum")
    keten_a.beschikking.refresh_from_db()
    assert keten_a.beschikking.status == BeschikkingStatus.GELDIG
    assert keten_a.beschikking.history.count() == 1


def test_intrekken_door_aanbieder_of_ander(api_a, api_b, keten_a):
    url = f"{API}/beschikkingen/{keten_a.beschikking.uuid}/intrekken"
    data = _intrekken(timezone.localdate())
    body = _probleem(api_a.post(url, data, format="json"), 403)
    assert "consulent" in body["detail"]
    _probleem(api_b.post(url, data, format="json"), 404)
    keten_a.beschikking.refresh_from_db()
    assert keten_a.beschikking.status == BeschikkingStatus.GELDIG


def test_intrekken_vraagt_schrijfrecht(api_als, sdd, keten_a):
    api = api_als(sdd, rollen=["consulent"], scopes=["beschikkingen:lezen"])
    url = f"{API}/beschikkingen/{keten_a.beschikking.uuid}/intrekken"
    body = _probleem(api.post(url, _intrekken(timezone.localdate()), format="json"), 403)
    assert "beschikkingen:schrijven" in body["detail"]


def test_etag_304_en_if_match_412(api_consulent, keten_a):
    url = f"{API}/beschikkingen/{keten_a.beschikking.uuid}"
    etag = api_consulent.get(url)["ETag"]
    assert api_consulent.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    data = _intrekken(timezone.localdate())
    _probleem(
        api_consulent.post(f"{url}/intrekken", data, format="json", HTTP_IF_MATCH='"oud"'), 412
    )
    keten_a.beschikking.refresh_from_db()
    assert keten_a.beschikking.status == BeschikkingStatus.GELDIG
    response = api_consulent.post(f"{url}/intrekken", data, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert api_consulent.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_verlengen(api_consulent, api_a, definitief_a):
    beschikking = Beschikking.objects.get(ondersteuningsplan=definitief_a.plan)
    url = f"{API}/beschikkingen/{beschikking.uuid}/verlengen"
    nieuw = beschikking.einddatum + timedelta(days=180)
    data = {"nieuweEinddatum": nieuw.isoformat(), "toelichting": "Telefonisch besproken."}
    _probleem(api_a.post(url, data, format="json"), 403)
    fout = {**data, "nieuweEinddatum": beschikking.einddatum.isoformat()}
    body = _probleem(api_consulent.post(url, fout, format="json"), 400, "nieuweEinddatum")
    assert "na de huidige einddatum" in _reden(body, "nieuweEinddatum")
    response = api_consulent.post(url, data, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["einddatum"] == nieuw.isoformat()
    assert Toewijzing.objects.get(pk=definitief_a.toewijzing.pk).einddatum == nieuw


def test_kortdurende_beschikking_verlengen_geweigerd(api_consulent, keten_a):
    url = f"{API}/beschikkingen/{keten_a.beschikking.uuid}/verlengen"
    data = {"nieuweEinddatum": "2099-01-01", "toelichting": "x"}
    body = _probleem(api_consulent.post(url, data, format="json"), 400, "nonFieldErrors")
    assert "kortdurende beschikking wordt niet verlengd" in body["detail"]


# ---------------------------------------------------------------- assignments


def test_start_zorg(sleutel_als, aanbieder_a, api_b, api_consulent, definitief_a):
    api, gebruiker = sleutel_als(aanbieder_a)
    toewijzing = definitief_a.toewijzing
    url = f"{API}/toewijzingen/{toewijzing.uuid}/start-zorg"
    vandaag = timezone.localdate()
    _probleem(api_b.post(url, {"datum": vandaag.isoformat()}, format="json"), 404)
    _probleem(api_consulent.post(url, {"datum": vandaag.isoformat()}, format="json"), 403)
    morgen = (vandaag + timedelta(days=1)).isoformat()
    body = _probleem(api.post(url, {"datum": morgen}, format="json"), 400, "datum")
    assert _reden(body, "datum") == "Meld de start als de zorg begonnen is, niet vooraf."
    body = _probleem(api.post(url, {"datum": "31-12-2025"}, format="json"), 400, "datum")
    assert "JJJJ-MM-DD" in _reden(body, "datum")
    toewijzing.refresh_from_db()
    assert toewijzing.start_zorg is None
    # The assignment of care starts with the plan (after the short decision): before it,
    # no start can be reported. Let the plan's period begin a week ago.
    body = _probleem(api.post(url, {"datum": vandaag.isoformat()}, format="json"), 400, "datum")
    assert _reden(body, "datum") == "De startdatum valt buiten de periode van de toewijzing."
    Toewijzing.objects.filter(pk=toewijzing.pk).update(ingangsdatum=vandaag - timedelta(days=7))
    response = api.post(url, {"datum": vandaag.isoformat()}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["startZorg"] == vandaag.isoformat()
    assert toewijzing.history.latest("history_date").history_user == gebruiker


def test_stop_zorg(sleutel_als, aanbieder_a, api_b, api_consulent, definitief_a):
    """The stop endpoint: the same fact as the portal's form and a 307, the same rules."""
    from indicaties.models import Zorgmelding

    api, gebruiker = sleutel_als(aanbieder_a)
    toewijzing = definitief_a.toewijzing
    vandaag = timezone.localdate().isoformat()
    url = f"{API}/toewijzingen/{toewijzing.uuid}/stop-zorg"
    data = {"einddatum": vandaag, "redenBeeindiging": "20"}
    _probleem(api_b.post(url, data, format="json"), 404)
    _probleem(api_consulent.post(url, data, format="json"), 403)
    body = _probleem(api.post(url, data, format="json"), 400, "einddatum")
    assert "meld eerst de start" in _reden(body, "einddatum")
    body = _probleem(
        api.post(url, {"einddatum": vandaag, "redenBeeindiging": "99"}, format="json"),
        400,
        "redenBeeindiging",
    )
    assert "WMO588" in _reden(body, "redenBeeindiging")
    # Care starts with the plan's assignment period (after the short decision): let it begin
    # a week ago.
    Toewijzing.objects.filter(pk=toewijzing.pk).update(
        ingangsdatum=timezone.localdate() - timedelta(days=7)
    )
    start = api.post(f"{API}/toewijzingen/{toewijzing.uuid}/start-zorg", {"datum": vandaag})
    assert start.status_code == 200, start.content
    response = api.post(url, data, format="json")
    assert response.status_code == 200, response.content
    stop = Zorgmelding.objects.get(toewijzing=toewijzing, soort="stop")
    assert (stop.reden_beeindiging, stop.bron, stop.gemeld_door) == ("20", "api", gebruiker)
    # The same stop again is the same fact; another temporary stop of the same start is
    # refused (TR413), naming the field.
    assert api.post(url, data, format="json").status_code == 200
    assert Zorgmelding.objects.filter(toewijzing=toewijzing, soort="stop").count() == 1
    morgen = (timezone.localdate() + timedelta(days=1)).isoformat()
    data = {"einddatum": morgen, "redenBeeindiging": "20"}
    body = _probleem(api.post(url, data, format="json"), 400, "redenBeeindiging")
    assert "al tijdelijk beëindigd" in _reden(body, "redenBeeindiging")


def test_start_zorg_onder_kortdurende_beschikking_geweigerd(api_a, keten_a):
    url = f"{API}/toewijzingen/{keten_a.toewijzing.uuid}/start-zorg"
    body = _probleem(
        api_a.post(url, {"datum": timezone.localdate().isoformat()}, format="json"), 400, "datum"
    )
    assert "definitieve beschikking" in _reden(body, "datum")


# ---------------------------------------------------------------- support plans


def _plan_invoer(keten_, wie, **overrides):
    kort = keten_.beschikking
    data = {
        "toewijzing": str(keten_.toewijzing.uuid),
        "minutenPerWeek": 150,
        "wasStrijk": "true",
        "ingangsdatum": (kort.einddatum + timedelta(days=1)).isoformat(),
        "einddatum": (kort.einddatum + timedelta(days=365)).isoformat(),
        "verzenddatum": timezone.localdate().isoformat(),
        "ondertekenaar": str(wie.uuid),
        "afspraken": "Cliënt is aanwezig.",
        "bestand": SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf"),
    }
    data.update(overrides)
    return data


def test_plan_indienen(sleutel_als, aanbieder_a, keten_a, medewerker_a, mandaat_a):
    api, gebruiker = sleutel_als(aanbieder_a)
    response = api.post(
        f"{API}/ondersteuningsplannen", _plan_invoer(keten_a, medewerker_a), format="multipart"
    )
    assert response.status_code == 201, response.content
    data = response.json()
    plan = Ondersteuningsplan.objects.get(uuid=data["uuid"])
    assert response["Location"].endswith(f"/api/v1/ondersteuningsplannen/{plan.uuid}")
    assert data["status"] == "ingediend"
    assert data["versie"] == 1
    assert data["minutenPerWeek"] == 150
    assert data["wasStrijk"] is True
    assert data["toewijzing"] == str(keten_a.toewijzing.uuid)
    assert data["ondertekenaar"] == str(medewerker_a.uuid)
    assert data["sha256"] == plan.sha256
    assert data["grootte"] == len(PDF)
    assert plan.ingediend_door == gebruiker
    assert plan.history.get().history_user == gebruiker


@pytest.mark.parametrize(
    ("overrides", "veld", "tekst"),
    [
        ({"minutenPerWeek": 90}, "minutenPerWeek", "valt buiten bandbreedte HO-B3"),
        (
            {"bestand": SimpleUploadedFile("plan.pdf", b"Hallo", content_type="application/pdf")},
            "bestand",
            "geen PDF",
        ),
        (
            {
                "bestand": SimpleUploadedFile(
                    "plan.pdf", b"%PDF-1.4\nkapot\n%%EOF", content_type="application/pdf"
                )
            },
            "bestand",
            "kan niet worden gelezen",
        ),
        ({"einddatum": "2020-01-01"}, "einddatum", "ligt voor de ingangsdatum"),
        ({"ingangsdatum": "morgen"}, "ingangsdatum", "Vul een geldige ingangsdatum in"),
        ({"ondertekenaar": "00000000-0000-0000-0000-000000000000"}, "ondertekenaar", "eigen"),
        ({"bestand": ""}, "bestand", "Stuur het ondersteuningsplan mee"),
    ],
)
def test_plan_met_fouten_wordt_niet_opgeslagen(
    api_a, keten_a, medewerker_a, mandaat_a, overrides, veld, tekst
):
    invoer = _plan_invoer(keten_a, medewerker_a, **overrides)
    body = _probleem(api_a.post(f"{API}/ondersteuningsplannen", invoer, format="multipart"), 400)
    assert veld in {p["name"] for p in body["invalidParams"]}, body
    assert tekst in _reden(body, veld)
    assert not Ondersteuningsplan.objects.exists()


def test_plan_alle_fouten_tegelijk(api_a, keten_a, medewerker_a, mandaat_a):
    invoer = _plan_invoer(
        keten_a,
        medewerker_a,
        minutenPerWeek=90,
        bestand=SimpleUploadedFile("plan.txt", b"tekst", content_type="text/plain"),
    )
    body = _probleem(api_a.post(f"{API}/ondersteuningsplannen", invoer, format="multipart"), 400)
    assert {"minutenPerWeek", "bestand"} <= {p["name"] for p in body["invalidParams"]}


def test_plan_indienen_door_consulent_of_andere_aanbieder(
    api_consulent, api_b, api_als, aanbieder_a, keten_a, medewerker_a, mandaat_a
):
    url = f"{API}/ondersteuningsplannen"
    _probleem(api_consulent.post(url, _plan_invoer(keten_a, medewerker_a), format="multipart"), 403)
    body = _probleem(
        api_b.post(url, _plan_invoer(keten_a, medewerker_a), format="multipart"), 400, "toewijzing"
    )
    assert _reden(body, "toewijzing") == "Deze toewijzing bestaat niet of is niet van u."
    alleen_lezen = api_als(aanbieder_a, scopes=["ondersteuningsplannen:lezen"])
    _probleem(alleen_lezen.post(url, _plan_invoer(keten_a, medewerker_a), format="multipart"), 403)
    assert not Ondersteuningsplan.objects.exists()


def test_plan_bestand(sleutel_als, aanbieder_a, api_b, plan_a):
    api, gebruiker = sleutel_als(aanbieder_a)
    url = f"{API}/ondersteuningsplannen/{plan_a.plan.uuid}/bestand"
    response = api.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert api.get(url, HTTP_ACCEPT="application/pdf").status_code == 200
    _probleem(api_b.get(url), 404)
    log = AccessLogEntry.objects.filter(user=gebruiker).first()
    assert (log.actie, log.client_ids) == (Actie.DOWNLOADEN, [plan_a.client.pk])


def test_plan_detail_zonder_bestand(api_a, plan_a):
    data = api_a.get(f"{API}/ondersteuningsplannen/{plan_a.plan.uuid}").json()
    assert "bestand" not in data
    assert data["bestandsnaam"] == "plan.pdf"
    assert data["client"] == str(plan_a.client.uuid)
    assert data["beschikking"] is None
    assert data["beoordeeldOp"] is None


def test_plan_accepteren(sleutel_als, sdd, api_a, api_b, plan_a):
    api, gebruiker = sleutel_als(sdd, rollen=["consulent"])
    url = f"{API}/ondersteuningsplannen/{plan_a.plan.uuid}/accepteren"
    _probleem(api_a.post(url), 403)
    _probleem(api_b.post(url), 404)
    _probleem(api.post(url, HTTP_IF_MATCH='"anders"'), 412)
    response = api.post(url)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "geaccepteerd"
    beschikking = Beschikking.objects.get(ondersteuningsplan=plan_a.plan)
    assert data["beschikking"] == str(beschikking.uuid)
    assert data["beoordeeldOp"]
    assert beschikking.history.get().history_user == gebruiker
    # a second time is a Dutch 400, not a crash
    body = _probleem(api.post(url), 400, "nonFieldErrors")
    assert "Dit plan" in body["detail"]


def test_plan_afwijzen(api_consulent, api_a, plan_a):
    url = f"{API}/ondersteuningsplannen/{plan_a.plan.uuid}/afwijzen"
    _probleem(api_a.post(url, {"reden": "x"}, format="json"), 403)
    body = _probleem(api_consulent.post(url, {"reden": "  "}, format="json"), 400, "reden")
    assert _reden(body, "reden") == "Schrijf op wat de aanbieder moet aanpassen."
    plan_a.plan.refresh_from_db()
    assert plan_a.plan.status == PlanStatus.INGEDIEND
    response = api_consulent.post(url, {"reden": "Afspraken ontbreken."}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "afgewezen"
    assert response.json()["afwijsreden"] == "Afspraken ontbreken."
    # the provider sees it at its next sync
    assert api_a.get(f"{API}/ondersteuningsplannen").json()["results"][0]["status"] == "afgewezen"


# ------------------------------------------------------------- lists and sync


@pytest.mark.parametrize("resource", RESOURCES)
def test_lijst_kost_vast_aantal_queries(
    resource,
    api_a,
    consulent,
    aanbieder_a,
    ho,
    banden,
    medewerker_a,
    mandaat_a,
):
    def maak(n):
        for _ in range(n):
            keten(
                consulent=consulent,
                aanbieder=aanbieder_a,
                product=ho,
                band=banden["HO-B3"],
                ondertekenaar=medewerker_a,
            )

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = api_a.get(f"{API}/{resource}")
        assert response.status_code == 200
        return len(queries), len(response.json()["results"])

    maak(1)
    api_a.get(f"{API}/{resource}")  # 'last used' of the credential is written once
    een, aantal = tel()
    assert aantal == 1
    maak(4)
    vijf, aantal = tel()
    assert aantal == 5
    assert een == vijf


@pytest.mark.parametrize("resource", RESOURCES)
def test_synchroniseren_met_cursor_ziet_elke_rij_eenmaal(
    resource,
    api_a,
    consulent,
    aanbieder_a,
    ho,
    banden,
    medewerker_a,
    mandaat_a,
):
    begin = timezone.now()
    ketens = [
        keten(
            consulent=consulent,
            aanbieder=aanbieder_a,
            product=ho,
            band=banden["HO-B3"],
            ondertekenaar=medewerker_a,
        )
        for _ in range(5)
    ]
    gezien = []
    url = f"{API}/{resource}?pageSize=2&modifiedSince={begin.isoformat().replace('+', '%2B')}"
    paginas = 0
    while url:
        data = api_a.get(url).json()
        gezien += [r["uuid"] for r in data["results"]]
        url = data["next"]
        paginas += 1
    assert paginas == 3
    assert sorted(gezien) == sorted(str(_object_van(resource, k)) for k in ketens)
    # nothing before the moment, and an empty page after the last change
    later = api_a.get(f"{API}/{resource}", {"modifiedSince": timezone.now().isoformat()})
    assert later.json() == {"next": None, "results": []}


def test_ongeldige_modified_since(api_a):
    body = _probleem(api_a.get(f"{API}/beschikkingen", {"modifiedSince": "gisteren"}), 400)
    assert body["invalidParams"][0]["name"] == "modifiedSince"
