"""API: providers, contracts, client stops and capacity (and products with their bands)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from bandbreedte.models import Bandbreedte, Normenkader
from contractbeheer.models import Capaciteit, Clientenstop
from contractbeheer.states import StopStatus
from tests.api.helpers import aantal_queries, uuids
from tests.conftest import contract
from tests.contractbeheer import conftest as contractbeheer_fixtures
from tests.factories import OrganisatieFactory, ProductFactory

pytestmark = pytest.mark.django_db

# The client-stop and capacity fixtures of tests/contractbeheer.
stop_a = contractbeheer_fixtures.stop_a
capaciteit_b = contractbeheer_fixtures.capaciteit_b

V1 = "/api/v1"


def vandaag() -> date:
    return timezone.localdate()


def invalid(response) -> dict[str, str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    return {p["name"]: p["reason"] for p in response.json()["invalidParams"]}


def laatste_history_user(obj):
    return obj.history.order_by("-history_id").first().history_user


def stop_body(**kwargs) -> dict:
    body = {
        "product": "HO",
        "gemeenten": ["0505"],
        "ingangsdatum": (vandaag() + timedelta(days=7)).isoformat(),
        "einddatum": (vandaag() + timedelta(days=60)).isoformat(),
        "reden": "Personeelstekort",
        "maatregelen": "Werving en selectie",
    }
    body.update(kwargs)
    return body


# ----------------------------------------------------------------- products and bands


@pytest.fixture
def band(ho):
    kader = Normenkader.objects.create(versie="HHM 2025", geldig_van=date(2025, 1, 1))
    return Bandbreedte.objects.create(
        product=ho,
        normenkader=kader,
        code="HO-B1",
        min_minuten=60,
        max_minuten=120,
        geldig_van=date(2025, 1, 1),
    )


def test_producten_en_bandbreedtes_voor_iedere_sleutel_met_scope(api_b, api_als, ho, band, sdd):
    ib = ProductFactory(code="IB", naam="Individuele begeleiding", productcode="02A01")
    assert uuids(api_b.get(f"{V1}/producten")) == {str(ho.uuid), str(ib.uuid)}
    detail = api_b.get(f"{V1}/producten/{ho.uuid}")
    assert detail.json()["geldigVan"] == "2025-01-01"
    assert detail.json()["kortdurendWeken"] == 8
    bands = api_b.get(f"{V1}/bandbreedtes?product={ho.uuid}").json()["results"]
    assert bands == [
        {
            "uuid": str(band.uuid),
            "product": str(ho.uuid),
            "productCode": "HO",
            "normenkader": "HHM 2025",
            "code": "HO-B1",
            "naam": "",
            "minMinuten": 60,
            "maxMinuten": 120,
            "geldigVan": "2025-01-01",
            "geldigTot": None,
            "aangemaaktOp": bands[0]["aangemaaktOp"],
            "gewijzigdOp": bands[0]["gewijzigdOp"],
        }
    ]
    assert uuids(api_b.get(f"{V1}/bandbreedtes?product={ib.uuid}")) == set()
    fout = invalid(api_b.get(f"{V1}/bandbreedtes?product=geen-uuid"))
    assert "product" in fout
    zonder = api_als(sdd, scopes=["aanbieders:lezen"], rollen=["consulent"])
    assert zonder.get(f"{V1}/producten").status_code == 403
    assert zonder.get(f"{V1}/bandbreedtes/{band.uuid}").status_code == 403
    assert api_b.post(f"{V1}/producten", {}, format="json").status_code == 405


# ---------------------------------------------------------- providers and contracts


def test_aanbieders_voor_iedereen_contracten_alleen_eigen(
    api_a, api_b, api_consulent, api_cm, api_als, aanbieder_a, aanbieder_b, contracten, sdd
):
    contract_a, contract_b = contracten
    alle = {str(aanbieder_a.uuid), str(aanbieder_b.uuid)}
    assert uuids(api_a.get(f"{V1}/aanbieders")) == alle
    detail = api_a.get(f"{V1}/aanbieders/{aanbieder_b.uuid}").json()
    assert detail["naam"] == "Poetszorg" and detail["agbCode"] == aanbieder_b.agb_code
    assert "email" not in detail and "telefoon" not in detail
    # Not an organisation of SDD.
    assert api_a.get(f"{V1}/aanbieders/{sdd.uuid}").status_code == 404

    assert uuids(api_a.get(f"{V1}/contracten")) == {str(contract_a.uuid)}
    assert uuids(api_b.get(f"{V1}/contracten")) == {str(contract_b.uuid)}
    assert api_b.get(f"{V1}/contracten/{contract_a.uuid}").status_code == 404
    eigen = api_a.get(f"{V1}/contracten/{contract_a.uuid}").json()
    assert eigen["aanbieder"] == str(aanbieder_a.uuid)
    assert eigen["product"] == "HO" and eigen["status"] == "actief"
    assert uuids(api_consulent.get(f"{V1}/contracten")) == {
        str(contract_a.uuid),
        str(contract_b.uuid),
    }
    assert len(uuids(api_cm.get(f"{V1}/contracten"))) == 2
    beheerder = api_als(sdd, rollen=["functioneel_beheerder"])
    assert uuids(beheerder.get(f"{V1}/contracten")) == set()
    zonder = api_als(aanbieder_a, scopes=["clientenstops:lezen"])
    assert zonder.get(f"{V1}/aanbieders").status_code == 403
    assert zonder.get(f"{V1}/contracten/{contract_a.uuid}").status_code == 403


def test_aanbieders_en_contracten_vast_aantal_queries(api_cm, aanbieder_a, ho):
    contract(aanbieder_a, ho)
    een = aantal_queries(api_cm, f"{V1}/contracten")
    een_org = aantal_queries(api_cm, f"{V1}/aanbieders")
    for i in range(4):
        contract(OrganisatieFactory(), ProductFactory(code=f"P{i}", productcode=f"0{i}A01"))
    assert aantal_queries(api_cm, f"{V1}/contracten") == een
    assert aantal_queries(api_cm, f"{V1}/aanbieders") == een_org


def test_contracten_modified_since_en_cursor(api_cm, ho):
    rijen = [contract(OrganisatieFactory(), ho) for _ in range(5)]
    gezien, url = [], f"{V1}/contracten?pageSize=2"
    while url:
        data = api_cm.get(url).json()
        gezien += [r["uuid"] for r in data["results"]]
        url = data["next"]
    assert gezien == [str(c.uuid) for c in sorted(rijen, key=lambda c: (c.modified_at, c.pk))]
    vanaf = sorted(r.modified_at for r in rijen)[3]
    recent = api_cm.get(f"{V1}/contracten", {"modifiedSince": vanaf.isoformat()})
    assert len(uuids(recent)) == 2


# ------------------------------------------------------------------- client stops


def test_stop_aanvragen_door_aanbieder(api_a, aanbieder_a, contracten, dordrecht):
    response = api_a.post(f"{V1}/clientenstops", stop_body(), format="json")
    assert response.status_code == 201, response.content
    stop = Clientenstop.objects.get(uuid=response.json()["uuid"])
    assert response["Location"].endswith(f"/api/v1/clientenstops/{stop.uuid}")
    assert response["ETag"]
    assert stop.aanbieder == aanbieder_a and stop.status == StopStatus.AANGEVRAAGD
    assert list(stop.gemeenten.values_list("code", flat=True)) == ["0505"]
    data = response.json()
    assert data["gemeenten"] == ["0505"] and data["product"] == "HO"
    assert data["aanbieder"] == str(aanbieder_a.uuid)
    technisch = stop.aangevraagd_door
    assert technisch.api_sleutel.organisatie == aanbieder_a
    assert laatste_history_user(stop) == technisch


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"product": "XX"}, "product"),
        ({"gemeenten": []}, "gemeenten"),
        ({"gemeenten": ["9999"]}, "gemeenten"),
        ({"einddatum": None}, "einddatum"),
        ({"ingangsdatum": "31-12-2026"}, "ingangsdatum"),
        ({"reden": ""}, "reden"),
        ({"ingangsdatum": "2020-01-01", "einddatum": "2020-02-01"}, "ingangsdatum"),
    ],
)
def test_stop_aanvragen_ongeldig(api_a, contracten, dordrecht, wijziging, veld):
    fouten = invalid(api_a.post(f"{V1}/clientenstops", stop_body(**wijziging), format="json"))
    assert veld in fouten
    assert not Clientenstop.objects.exists()


def test_stop_zonder_contract_of_als_sdd(api_a, api_cm, api_als, aanbieder_a, ho, dordrecht):
    fouten = invalid(api_a.post(f"{V1}/clientenstops", stop_body(), format="json"))
    assert "geen lopend contract" in fouten["product"]
    contract(aanbieder_a, ho)
    assert api_cm.post(f"{V1}/clientenstops", stop_body(), format="json").status_code == 403
    alleen_lezen = api_als(aanbieder_a, scopes=["clientenstops:lezen"])
    assert alleen_lezen.post(f"{V1}/clientenstops", stop_body(), format="json").status_code == 403
    assert not Clientenstop.objects.exists()


def test_stops_zichtbaarheid(api_a, api_b, api_consulent, api_als, stop_a, aanbieder_a):
    assert uuids(api_a.get(f"{V1}/clientenstops")) == {str(stop_a.uuid)}
    assert uuids(api_b.get(f"{V1}/clientenstops")) == set()
    assert api_b.get(f"{V1}/clientenstops/{stop_a.uuid}").status_code == 404
    assert uuids(api_consulent.get(f"{V1}/clientenstops")) == {str(stop_a.uuid)}
    zonder = api_als(aanbieder_a, scopes=["aanbieders:lezen"])
    assert zonder.get(f"{V1}/clientenstops").status_code == 403
    assert zonder.get(f"{V1}/clientenstops/{stop_a.uuid}").status_code == 403


def test_stop_beoordelen_door_contractmanagement(api_cm, stop_a):
    etag = api_cm.get(f"{V1}/clientenstops/{stop_a.uuid}")["ETag"]
    url = f"{V1}/clientenstops/{stop_a.uuid}/beoordelen"
    nieuwe_eind = (stop_a.ingangsdatum + timedelta(days=30)).isoformat()
    response = api_cm.post(
        url,
        {"besluit": "akkoord_gewijzigd", "notitie": "Korter", "einddatum": nieuwe_eind},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "akkoord_gewijzigd"
    assert response.json()["einddatum"] == nieuwe_eind
    assert response.json()["notitie"] == "Korter"
    stop_a.refresh_from_db()
    assert stop_a.status == StopStatus.AKKOORD_GEWIJZIGD
    assert laatste_history_user(stop_a) == stop_a.beoordeeld_door
    assert stop_a.beoordeeld_door.username.startswith("api-")
    # The stale ETag no longer matches.
    oud = api_cm.post(
        f"{V1}/clientenstops/{stop_a.uuid}/beeindigen",
        {"einddatum": vandaag().isoformat()},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert oud.status_code == 412


def test_stop_beoordelen_geweigerd_en_ongeldig(api_a, api_b, api_cm, api_consulent, stop_a):
    url = f"{V1}/clientenstops/{stop_a.uuid}/beoordelen"
    body = {"besluit": "akkoord"}
    assert api_b.post(url, body, format="json").status_code == 404
    assert api_a.post(url, body, format="json").status_code == 403
    assert api_consulent.post(url, body, format="json").status_code == 403
    assert "notitie" in invalid(api_cm.post(url, {"besluit": "afgewezen"}, format="json"))
    assert "besluit" in invalid(api_cm.post(url, {"besluit": "ja"}, format="json"))
    te_vroeg = (stop_a.ingangsdatum - timedelta(days=1)).isoformat()
    fouten = invalid(
        api_cm.post(
            url,
            {"besluit": "akkoord_gewijzigd", "notitie": "x", "einddatum": te_vroeg},
            format="json",
        )
    )
    assert "einddatum" in fouten
    stop_a.refresh_from_db()
    assert stop_a.status == StopStatus.AANGEVRAAGD and stop_a.beoordeeld_door is None


def test_stop_beeindigen_door_aanbieder(api_a, api_b, api_cm, api_consulent, stop_a):
    api_cm.post(f"{V1}/clientenstops/{stop_a.uuid}/beoordelen", {"besluit": "akkoord"})
    url = f"{V1}/clientenstops/{stop_a.uuid}/beeindigen"
    body = {"einddatum": vandaag().isoformat()}
    assert api_b.post(url, body, format="json").status_code == 404
    assert api_consulent.post(url, body, format="json").status_code == 403
    fouten = invalid(api_a.post(url, {"einddatum": "gisteren"}, format="json"))
    assert "einddatum" in fouten
    stop_a.refresh_from_db()
    assert stop_a.status == StopStatus.AKKOORD
    response = api_a.post(url, body, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "beeindigd"
    stop_a.refresh_from_db()
    assert laatste_history_user(stop_a).api_sleutel.organisatie == stop_a.aanbieder
    # A second time is not a valid transition.
    nog_eens = invalid(api_a.post(url, body, format="json"))
    assert "kan niet van" in nog_eens["nonFieldErrors"]


def test_stops_vast_aantal_queries_en_sync(api_cm, aanbieder_a, ho, dordrecht, medewerker_a):
    contract(aanbieder_a, ho)

    def maak():
        stop = Clientenstop.objects.create(
            aanbieder=aanbieder_a,
            product=ho,
            ingangsdatum=vandaag(),
            einddatum=vandaag() + timedelta(days=9),
            reden="r",
            maatregelen="m",
            aangevraagd_door=medewerker_a,
        )
        stop.gemeenten.set([dordrecht])
        return stop

    eerste = maak()
    een = aantal_queries(api_cm, f"{V1}/clientenstops")
    rest = [maak() for _ in range(4)]
    assert aantal_queries(api_cm, f"{V1}/clientenstops") == een
    gezien, url = [], f"{V1}/clientenstops?pageSize=2"
    while url:
        data = api_cm.get(url).json()
        gezien += [r["uuid"] for r in data["results"]]
        url = data["next"]
    assert sorted(gezien) == sorted(str(s.uuid) for s in [eerste, *rest])
    vanaf = rest[-1].modified_at
    assert uuids(api_cm.get(f"{V1}/clientenstops", {"modifiedSince": vanaf.isoformat()})) == {
        str(rest[-1].uuid)
    }


# ----------------------------------------------------------------------- capacity


def capaciteit_body(**kwargs) -> dict:
    body = {
        "product": "HO",
        "gemeenten": ["0505"],
        "aantal": 5,
        "vanafDatum": vandaag().isoformat(),
        "toelichting": "Vanaf maandag",
    }
    body.update(kwargs)
    return body


def test_capaciteit_melden_bijwerken_intrekken(api_a, aanbieder_a, contracten, dordrecht):
    response = api_a.post(f"{V1}/capaciteit", capaciteit_body(), format="json")
    assert response.status_code == 201, response.content
    melding = Capaciteit.objects.get(uuid=response.json()["uuid"])
    assert response["Location"].endswith(f"/api/v1/capaciteit/{melding.uuid}")
    assert melding.aanbieder == aanbieder_a and melding.aantal == 5
    technisch = laatste_history_user(melding)
    assert technisch.api_sleutel.organisatie == aanbieder_a

    url = f"{V1}/capaciteit/{melding.uuid}"
    etag = api_a.get(url)["ETag"]
    response = api_a.patch(url, {"aantal": 8}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.content
    assert response.json()["aantal"] == 8
    assert response.json()["gemeenten"] == ["0505"]
    assert api_a.patch(url, {"aantal": 9}, format="json", HTTP_IF_MATCH=etag).status_code == 412
    melding.refresh_from_db()
    assert melding.aantal == 8
    assert melding.history.first().history_change_reason == "Capaciteit bijgewerkt"

    response = api_a.post(f"{url}/intrekken")
    assert response.status_code == 200, response.content
    assert response.json()["ingetrokkenOp"] is not None
    melding.refresh_from_db()
    assert melding.ingetrokken_op is not None
    assert laatste_history_user(melding) == technisch
    fouten = invalid(api_a.patch(url, {"aantal": 3}, format="json"))
    assert "ingetrokken" in fouten["nonFieldErrors"]


@pytest.mark.parametrize(
    ("body", "veld"),
    [
        ({"aantal": 0}, "aantal"),
        ({"aantal": "veel"}, "aantal"),
        ({"gemeenten": "0505"}, "gemeenten"),
        ({"product": None}, "product"),
        ({"vanafDatum": "morgen"}, "vanafDatum"),
        ({"totDatum": "2020-01-01"}, "totDatum"),
    ],
)
def test_capaciteit_ongeldig(api_a, contracten, dordrecht, body, veld):
    fouten = invalid(api_a.post(f"{V1}/capaciteit", capaciteit_body(**body), format="json"))
    assert veld in fouten
    assert not Capaciteit.objects.exists()


def test_capaciteit_van_een_ander(api_a, api_b, api_cm, api_consulent, api_als, capaciteit_b):
    url = f"{V1}/capaciteit/{capaciteit_b.uuid}"
    assert uuids(api_a.get(f"{V1}/capaciteit")) == set()
    assert uuids(api_b.get(f"{V1}/capaciteit")) == {str(capaciteit_b.uuid)}
    assert uuids(api_consulent.get(f"{V1}/capaciteit")) == {str(capaciteit_b.uuid)}
    assert api_a.get(url).status_code == 404
    assert api_a.patch(url, {"aantal": 1}, format="json").status_code == 404
    assert api_a.post(f"{url}/intrekken").status_code == 404
    assert api_cm.patch(url, {"aantal": 1}, format="json").status_code == 403
    assert api_cm.post(f"{url}/intrekken").status_code == 403
    assert api_cm.post(f"{V1}/capaciteit", capaciteit_body(), format="json").status_code == 403
    alleen_lezen = api_als(capaciteit_b.aanbieder, scopes=["clientenstops:lezen"])
    assert alleen_lezen.post(f"{url}/intrekken").status_code == 403
    assert alleen_lezen.get(url).status_code == 200
    capaciteit_b.refresh_from_db()
    assert capaciteit_b.aantal == 12 and capaciteit_b.ingetrokken_op is None


def test_capaciteit_vast_aantal_queries(api_cm, aanbieder_a, ho, dordrecht):
    def maak():
        melding = Capaciteit.objects.create(
            aanbieder=aanbieder_a, product=ho, aantal=3, vanaf_datum=vandaag()
        )
        melding.gemeenten.set([dordrecht])
        return melding

    maak()
    een = aantal_queries(api_cm, f"{V1}/capaciteit")
    for _ in range(4):
        maak()
    assert aantal_queries(api_cm, f"{V1}/capaciteit") == een
    assert len(uuids(api_cm.get(f"{V1}/capaciteit"))) == 5
