"""API: meetings of the consultation tables and their action items."""

from __future__ import annotations

from datetime import date

import pytest

from fot import services
from fot.models import Actiepunt, ActieStatus, Actieupdate, VergaderingStatus
from tests.api.helpers import aantal_queries, uuids
from tests.fot import conftest as fot_fixtures
from tests.fot.conftest import DEELNEMER, plannen, punt

# The consultation-table fixtures of tests/fot.
tafel = fot_fixtures.tafel
lid_a = fot_fixtures.lid_a
eerste = fot_fixtures.eerste
tweede = fot_fixtures.tweede
actie_a = fot_fixtures.actie_a

pytestmark = pytest.mark.django_db

V1 = "/api/v1"


@pytest.fixture
def concept(contractmanager, tafel, tweede, aanbieder_a):
    """A third meeting whose minutes are still a draft, with an action item for A."""
    v = plannen(contractmanager, tafel, date(2026, 6, 1))
    services.notulen_opslaan(
        actor=contractmanager, agendapunt=punt(v, "Mededelingen"), notulen="Nog concept."
    )
    services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=v,
        tekst="Geheim concept-actiepunt",
        eigenaar_organisatie=aanbieder_a,
        volgende_vergadering=True,
    )
    v.refresh_from_db()
    assert v.status == VergaderingStatus.CONCEPT
    return v


def test_vergaderingen_lid_ziet_geen_concept(api_a, api_b, api_cm, eerste, tweede, concept):
    assert uuids(api_a.get(f"{V1}/vergaderingen")) == {str(eerste.uuid), str(tweede.uuid)}
    assert api_a.get(f"{V1}/vergaderingen/{concept.uuid}").status_code == 404
    assert uuids(api_cm.get(f"{V1}/vergaderingen")) == {
        str(eerste.uuid),
        str(tweede.uuid),
        str(concept.uuid),
    }
    assert uuids(api_b.get(f"{V1}/vergaderingen")) == set()
    assert api_b.get(f"{V1}/vergaderingen/{eerste.uuid}").status_code == 404


def test_vergadering_detail_met_agenda_en_acties(api_a, eerste, actie_a, aanbieder_a):
    response = api_a.get(f"{V1}/vergaderingen/{eerste.uuid}")
    assert response.status_code == 200
    data = response.json()
    assert data["tafel"] == "HO" and data["datum"] == "2026-03-02"
    assert data["status"] == "ter_vaststelling"
    mededelingen = next(p for p in data["agenda"] if p["titel"] == "Mededelingen")
    assert DEELNEMER in mededelingen["notulen"]
    assert [p["nummer"] for p in data["agenda"]] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [a["uuid"] for a in data["actiepunten"]] == [str(actie_a.uuid)]
    assert data["actiepunten"][0]["eigenaarOrganisatie"] == str(aanbieder_a.uuid)
    assert {d["naam"] for d in data["deelnemers"]} == {DEELNEMER, "Ilse Greive"}
    assert response["ETag"]
    assert (
        api_a.get(
            f"{V1}/vergaderingen/{eerste.uuid}", HTTP_IF_NONE_MATCH=response["ETag"]
        ).status_code
        == 304
    )


def test_fot_zonder_scope(api_als, aanbieder_a, eerste, actie_a):
    zonder = api_als(aanbieder_a, scopes=["signalen:lezen"])
    assert zonder.get(f"{V1}/vergaderingen").status_code == 403
    assert zonder.get(f"{V1}/vergaderingen/{eerste.uuid}").status_code == 403
    assert zonder.get(f"{V1}/actiepunten").status_code == 403
    body = {"tekst": "Gedaan", "status": "afgerond"}
    assert zonder.post(f"{V1}/actiepunten/{actie_a.uuid}/bijwerken", body).status_code == 403
    alleen_lezen = api_als(aanbieder_a, scopes=["fot:lezen"])
    assert alleen_lezen.post(f"{V1}/actiepunten/{actie_a.uuid}/bijwerken", body).status_code == 403
    actie_a.refresh_from_db()
    assert actie_a.status == ActieStatus.OPEN and not actie_a.updates.exists()


def test_vergaderingen_vast_aantal_queries(api_cm, contractmanager, tafel, eerste, actie_a):
    een = aantal_queries(api_cm, f"{V1}/vergaderingen")
    for maand in range(4, 8):
        v = plannen(contractmanager, tafel, date(2026, maand, 6))
        services.actiepunt_toevoegen(
            actor=contractmanager,
            vergadering=v,
            tekst="Actie",
            eigenaar_persoon=contractmanager,
            volgende_vergadering=True,
        )
    assert len(uuids(api_cm.get(f"{V1}/vergaderingen"))) == 5
    assert aantal_queries(api_cm, f"{V1}/vergaderingen") == een


# ------------------------------------------------------------------ action items


def test_actiepunten_zichtbaarheid(api_a, api_b, api_cm, actie_a, concept):
    concept_actie = Actiepunt.objects.get(vergadering=concept)
    assert uuids(api_a.get(f"{V1}/actiepunten")) == {str(actie_a.uuid)}
    assert api_a.get(f"{V1}/actiepunten/{concept_actie.uuid}").status_code == 404
    assert uuids(api_cm.get(f"{V1}/actiepunten")) == {str(actie_a.uuid), str(concept_actie.uuid)}
    assert uuids(api_b.get(f"{V1}/actiepunten")) == set()
    assert api_b.get(f"{V1}/actiepunten/{actie_a.uuid}").status_code == 404
    data = api_a.get(f"{V1}/actiepunten/{actie_a.uuid}").json()
    assert data["tekst"] == "Wachtlijst per gemeente aanleveren"
    assert data["termijn"] == "2026-03-09" and data["status"] == "open"
    assert data["eigenaar"] == "Vlijtig Liesje"


def test_actiepunt_bijwerken_door_eigenaar(api_a, actie_a):
    url = f"{V1}/actiepunten/{actie_a.uuid}"
    etag = api_a.get(url)["ETag"]
    response = api_a.post(
        f"{url}/bijwerken",
        {"tekst": "Aangeleverd per mail", "status": "afgerond"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "afgerond" and data["afgerondOp"] is not None
    assert data["updates"][0]["tekst"] == "Aangeleverd per mail"
    actie_a.refresh_from_db()
    update = Actieupdate.objects.get(actiepunt=actie_a)
    assert update.door.username.startswith("api-")
    assert actie_a.history.order_by("-history_id").first().history_user == update.door
    assert update.history.get().history_user == update.door
    oud = api_a.post(f"{url}/bijwerken", {"tekst": "x"}, format="json", HTTP_IF_MATCH=etag)
    assert oud.status_code == 412


def test_actiepunt_bijwerken_geweigerd(api_a, api_b, api_consulent, actie_a, contractmanager):
    body = {"tekst": "Gedaan", "status": "afgerond"}
    url = f"{V1}/actiepunten/{actie_a.uuid}/bijwerken"
    assert api_b.post(url, body, format="json").status_code == 404
    assert api_consulent.post(url, body, format="json").status_code == 403
    # Visible to A, but owned by contract management: not A's to update.
    van_cm = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=actie_a.vergadering,
        tekst="CM zoekt het uit",
        eigenaar_persoon=contractmanager,
        volgende_vergadering=True,
    )
    response = api_a.post(f"{V1}/actiepunten/{van_cm.uuid}/bijwerken", body, format="json")
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")
    assert not Actieupdate.objects.exists()


@pytest.mark.parametrize(
    ("body", "veld"),
    [
        ({"tekst": ""}, "tekst"),
        ({"status": "afgerond"}, "tekst"),
        ({"tekst": "x", "status": "klaar"}, "status"),
        ({"tekst": "x", "status": "vervallen"}, "status"),  # only contract management
    ],
)
def test_actiepunt_bijwerken_ongeldig(api_a, actie_a, body, veld):
    response = api_a.post(f"{V1}/actiepunten/{actie_a.uuid}/bijwerken", body, format="json")
    assert response.status_code == 400, response.content
    namen = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert veld in namen
    assert namen[veld].startswith(("Schrijf", "Kies", "Alleen contractmanagement"))
    actie_a.refresh_from_db()
    assert actie_a.status == ActieStatus.OPEN and not actie_a.updates.exists()


def test_actiepunten_vast_aantal_queries_en_sync(api_cm, contractmanager, eerste, aanbieder_a):
    def maak(n):
        actie = services.actiepunt_toevoegen(
            actor=contractmanager,
            vergadering=eerste,
            tekst=f"Actie {n}",
            eigenaar_organisatie=aanbieder_a,
            volgende_vergadering=True,
        )
        services.actie_bijwerken(
            actor=contractmanager, actiepunt=actie, tekst="Loopt", status="open"
        )
        return Actiepunt.objects.get(pk=actie.pk)

    eerste_actie = maak(0)
    een = aantal_queries(api_cm, f"{V1}/actiepunten")
    rest = [maak(n) for n in range(1, 5)]
    assert aantal_queries(api_cm, f"{V1}/actiepunten") == een
    gezien, url = [], f"{V1}/actiepunten?pageSize=2"
    while url:
        data = api_cm.get(url).json()
        gezien += [r["uuid"] for r in data["results"]]
        url = data["next"]
    assert gezien == [str(a.uuid) for a in [eerste_actie, *rest]]
    vanaf = rest[-1].modified_at.isoformat()
    assert uuids(api_cm.get(f"{V1}/actiepunten", {"modifiedSince": vanaf})) == {str(rest[-1].uuid)}
