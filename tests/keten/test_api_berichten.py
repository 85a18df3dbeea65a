"""The iWmo messages through the API: scoping per organisation, filters with Dutch problem
details, the detail with retour codes in Dutch, the XML download, the access log and query
counts that do not grow with the rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from keten.models import Berichtcode, BerichtStatus, Richting
from sdd_portal.accounts.models import Rol
from sdd_portal.audit.models import AccessLogEntry, Actie, Uitkomst
from tests.api.helpers_indicaties import API
from tests.factories import ToewijzingFactory

from .schermdata import bericht, over_termijn, retour_met_fouten, versie

LIJST = f"{API}/berichten"


@pytest.fixture
def api_sdd(api_als, sdd):
    """A consultant's key of the SDD (the role that reads client files)."""
    return api_als(sdd, rollen=[Rol.CONSULENT])


@pytest.fixture
def wereld(aanbieder_a, aanbieder_b):
    ta = ToewijzingFactory(aanbieder=aanbieder_a)
    tb = ToewijzingFactory(aanbieder=aanbieder_b)
    heen_a = bericht(aanbieder=aanbieder_a, client=ta.client)
    versie(ta, heen_a, nummer=4, reden="05", volume=60)
    retour_a = retour_met_fouten(heen_a, toewijzing=ta, nummer=4)
    heen_b = bericht(aanbieder=aanbieder_b, client=tb.client, termijn=over_termijn())
    return {"ta": ta, "tb": tb, "heen_a": heen_a, "retour_a": retour_a, "heen_b": heen_b}


def _uuids(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {r["uuid"] for r in response.json()["results"]}


def test_sdd_ziet_alles_aanbieder_alleen_eigen(api_als, api_sdd, aanbieder_a, aanbieder_b, wereld):
    alles = {str(wereld[k].uuid) for k in ("heen_a", "retour_a", "heen_b")}
    assert _uuids(api_sdd.get(LIJST)) == alles
    assert _uuids(api_als(aanbieder_a).get(LIJST)) == {
        str(wereld["heen_a"].uuid),
        str(wereld["retour_a"].uuid),
    }
    assert _uuids(api_als(aanbieder_b).get(LIJST)) == {str(wereld["heen_b"].uuid)}


def test_lijstrij(api_sdd, wereld):
    rijen = {r["uuid"]: r for r in api_sdd.get(LIJST).json()["results"]}
    heen = rijen[str(wereld["heen_a"].uuid)]
    assert heen["berichtcode"] == "301"
    assert heen["status"] == BerichtStatus.RETOUR_MET_FOUTEN
    assert heen["client"] == str(wereld["ta"].client.uuid)
    assert heen["retour"] == str(wereld["retour_a"].uuid)
    assert rijen[str(wereld["retour_a"].uuid)]["heenbericht"] == str(wereld["heen_a"].uuid)
    assert rijen[str(wereld["heen_b"].uuid)]["termijn"] == over_termijn().isoformat()


def test_filters(api_sdd, aanbieder_b, wereld):
    http = api_sdd
    heen_a, retour_a, heen_b = (str(wereld[k].uuid) for k in ("heen_a", "retour_a", "heen_b"))
    assert _uuids(http.get(LIJST, {"client": str(wereld["ta"].client.uuid)})) == {heen_a, retour_a}
    assert _uuids(http.get(LIJST, {"aanbieder": str(aanbieder_b.uuid)})) == {heen_b}
    assert _uuids(http.get(LIJST, {"berichtcode": "302"})) == {retour_a}
    assert _uuids(http.get(LIJST, {"status": "retour_fouten"})) == {heen_a}
    assert _uuids(http.get(LIJST, {"richting": "in"})) == {retour_a}
    dag = wereld["heen_a"].dagtekening.isoformat()
    assert _uuids(http.get(LIJST, {"dagtekening": dag})) == {heen_a, retour_a, heen_b}
    assert _uuids(http.get(LIJST, {"dagtekening": "2001-01-01"})) == set()


def test_aanbieder_filtert_niet_buiten_eigen_berichten(api_als, aanbieder_a, aanbieder_b, wereld):
    assert _uuids(api_als(aanbieder_a).get(LIJST, {"aanbieder": str(aanbieder_b.uuid)})) == set()


@pytest.mark.parametrize(
    ("params", "naam", "melding"),
    [
        ({"client": "geen-uuid"}, "client", "Geef de UUID van een cliënt"),
        ({"aanbieder": "1"}, "aanbieder", "Geef de UUID van een zorgaanbieder"),
        ({"dagtekening": "04-03-2025"}, "dagtekening", "Vul een geldige dagtekening in"),
        ({"dagtekening": "0001-01-01"}, "dagtekening", "Kies een datum tussen 1900 en 2999."),
        ({"berichtcode": "399"}, "berichtcode", "Kies een berichtcode uit: 301, 302"),
        ({"status": "zoek"}, "status", "Kies een status uit: klaargezet"),
        ({"richting": "op"}, "richting", "Kies een richting uit: uit, in."),
    ],
)
def test_foute_filters(api_sdd, wereld, params, naam, melding):
    response = api_sdd.get(LIJST, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    fouten = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert melding in fouten[naam]


def test_detail_met_retourcodes_en_versies(api_als, aanbieder_a, wereld):
    response = api_als(aanbieder_a).get(f"{LIJST}/{wereld['heen_a'].uuid}")
    assert response.status_code == 200
    data = response.json()
    assert {
        "code": "9056",
        "tekst": "Identificatie moet uniek zijn.",
        "niveau": "Product",
        "toewijzingnummer": 4,
    } in data["retourcodes"]
    [v] = data["toewijzingversies"]
    assert v["toewijzing"] == str(wereld["ta"].uuid)
    assert v["redenWijziging"] == "05"
    assert v["redenWijzigingTekst"] == "Herbeoordeling: verkorting toewijzing"
    entry = AccessLogEntry.objects.latest("timestamp")
    assert entry.client_ids == [wereld["ta"].client_id]
    assert entry.actie == Actie.BEKIJKEN


def test_detail_bevindingen(api_als, aanbieder_a, wereld):
    b = bericht(
        aanbieder=aanbieder_a,
        code=Berichtcode.WMO305,
        richting=Richting.IN,
        status=BerichtStatus.AFGEKEURD,
        fouten=[{"code": "TR413", "tekst": "Dubbele start."}],
    )
    data = api_als(aanbieder_a).get(f"{LIJST}/{b.uuid}").json()
    assert data["bevindingen"] == [{"code": "TR413", "tekst": "Dubbele start."}]
    assert data["retourcodes"] == []


def test_andere_aanbieder_krijgt_404(api_als, aanbieder_b, wereld):
    http = api_als(aanbieder_b)
    for pad in ("", "/xml"):
        response = http.get(f"{LIJST}/{wereld['heen_a'].uuid}{pad}")
        assert response.status_code == 404
        assert wereld["heen_a"].identificatie not in response.content.decode()
        entry = AccessLogEntry.objects.latest("timestamp")
        assert entry.uitkomst == Uitkomst.GEWEIGERD
        assert entry.client_ids == [wereld["ta"].client_id]


def test_xml(api_als, aanbieder_a, wereld):
    response = api_als(aanbieder_a).get(f"{LIJST}/{wereld['heen_a'].uuid}/xml")
    assert response.status_code == 200
    assert response.content == bytes(wereld["heen_a"].xml)
    assert response["Content-Type"] == "application/xml"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    entry = AccessLogEntry.objects.latest("timestamp")
    assert entry.actie == Actie.EXPORTEREN
    assert entry.client_ids == [wereld["ta"].client_id]


def test_zonder_scope_403(api_als, aanbieder_a, wereld):
    http = api_als(aanbieder_a, scopes=["toewijzingen:lezen"])
    assert http.get(LIJST).status_code == 403
    assert http.get(f"{LIJST}/{wereld['heen_a'].uuid}").status_code == 403


def test_lijst_schrijft_toegangslog(api_als, aanbieder_a, wereld):
    api_als(aanbieder_a).get(LIJST)
    entry = AccessLogEntry.objects.filter(actie=Actie.ZOEKEN).latest("timestamp")
    assert entry.client_ids == [wereld["ta"].client_id]


def _queries(http) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = http.get(LIJST)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("organisatie", ["sdd", "aanbieder_a"])
def test_lijst_queries_groeien_niet(request, api_als, organisatie, aanbieder_a):
    rollen = [Rol.CONSULENT] if organisatie == "sdd" else None
    http = api_als(request.getfixturevalue(organisatie), rollen=rollen)
    http.get(LIJST)  # the key's first use records itself once

    def meer(n):
        for _ in range(n):
            t = ToewijzingFactory(aanbieder=aanbieder_a)
            retour_met_fouten(bericht(aanbieder=aanbieder_a, client=t.client), toewijzing=t)

    meer(2)
    weinig = _queries(http)
    meer(12)
    assert _queries(http) == weinig
