"""API: the signals in the inboxes of a credential, reading and closing them."""

from __future__ import annotations

import pytest

from sdd_portal.accounts.models import Rol
from sdd_portal.audit.models import AccessLogEntry
from signalen import services
from signalen.models import Ontvanger, Signaal, SignaalGelezen, SignaalSoort
from tests.api.helpers import aantal_queries, uuids
from tests.factories import ToewijzingFactory

pytestmark = pytest.mark.django_db

V1 = "/api/v1"


def signaal_voor_aanbieder(aanbieder, *, toewijzing=None, titel="Nieuwe toewijzing") -> Signaal:
    toewijzing = toewijzing or ToewijzingFactory(aanbieder=aanbieder)
    return services.gebeurtenis(
        soort=SignaalSoort.NIEUWE_TOEWIJZING,
        onderwerp=toewijzing,
        ontvanger=Ontvanger.AANBIEDER,
        organisatie_id=aanbieder.pk,
        client=toewijzing.client,
        titel=titel,
    )


@pytest.fixture
def signaal_a(aanbieder_a, client_van_a):
    return signaal_voor_aanbieder(aanbieder_a, toewijzing=client_van_a.toewijzingen.get())


@pytest.fixture
def signaal_consulenten(sdd, aanbieder_a):
    toewijzing = ToewijzingFactory(aanbieder=aanbieder_a)
    return services.gebeurtenis(
        soort=SignaalSoort.PLAN_TE_LAAT,
        onderwerp=toewijzing,
        ontvanger=Ontvanger.CONSULENT,
        organisatie_id=sdd.pk,
        rol=Rol.CONSULENT,
        client=toewijzing.client,
        titel="Plan te laat",
    )


def test_signalen_lijst_en_detail(api_a, signaal_a, client_van_a):
    toewijzing = client_van_a.toewijzingen.get()
    assert uuids(api_a.get(f"{V1}/signalen")) == {str(signaal_a.uuid)}
    response = api_a.get(f"{V1}/signalen/{signaal_a.uuid}")
    assert response.status_code == 200
    data = response.json()
    assert data["soort"] == "nieuwe_toewijzing"
    assert data["onderwerp"] == {"resource": "toewijzingen", "uuid": str(toewijzing.uuid)}
    assert data["client"] == str(client_van_a.uuid)
    assert data["vervaldatum"] == signaal_a.peildatum.isoformat()
    assert data["status"] == "open" and data["gelezen"] is False
    log = AccessLogEntry.objects.filter(pad__endswith=str(signaal_a.uuid)).get()
    assert log.client_ids == [client_van_a.pk]
    assert AccessLogEntry.objects.filter(pad__endswith="/signalen").get().client_ids == [
        client_van_a.pk
    ]


def test_signalen_zichtbaarheid(
    api_a, api_b, api_consulent, api_cm, api_als, signaal_a, signaal_consulenten, consulent, sdd
):
    assert uuids(api_b.get(f"{V1}/signalen")) == set()
    assert api_b.get(f"{V1}/signalen/{signaal_a.uuid}").status_code == 404
    assert api_b.post(f"{V1}/signalen/{signaal_a.uuid}/gelezen").status_code == 404
    assert (
        api_b.post(
            f"{V1}/signalen/{signaal_a.uuid}/afhandelen", {"notitie": "x"}, format="json"
        ).status_code
        == 404
    )
    assert uuids(api_consulent.get(f"{V1}/signalen")) == {str(signaal_consulenten.uuid)}
    assert uuids(api_cm.get(f"{V1}/signalen")) == set()
    assert uuids(api_a.get(f"{V1}/signalen")) == {str(signaal_a.uuid)}
    # A task for one consulent personally is not in the credential's inboxes.
    persoonlijk = services.gebeurtenis(
        soort=SignaalSoort.PLAN_INGEDIEND,
        onderwerp=signaal_consulenten,
        ontvanger=Ontvanger.CONSULENT,
        organisatie_id=sdd.pk,
        gebruiker=consulent,
        titel="Persoonlijk",
    )
    assert api_consulent.get(f"{V1}/signalen/{persoonlijk.uuid}").status_code == 404
    zonder = api_als(signaal_a.organisatie, scopes=["fot:lezen", "fot:schrijven"])
    assert zonder.get(f"{V1}/signalen").status_code == 403
    assert zonder.get(f"{V1}/signalen/{signaal_a.uuid}").status_code == 403
    assert zonder.post(f"{V1}/signalen/{signaal_a.uuid}/gelezen").status_code == 403
    alleen_lezen = api_als(signaal_a.organisatie, scopes=["signalen:lezen"])
    assert alleen_lezen.post(f"{V1}/signalen/{signaal_a.uuid}/gelezen").status_code == 403
    assert not SignaalGelezen.objects.exists()


def test_gelezen_per_sleutel(api_a, api_als, signaal_a, aanbieder_a):
    response = api_a.post(f"{V1}/signalen/{signaal_a.uuid}/gelezen")
    assert response.status_code == 200, response.content
    assert response.json()["gelezen"] is True
    assert api_a.get(f"{V1}/signalen/{signaal_a.uuid}").json()["gelezen"] is True
    # A second credential of the same provider keeps its own marker.
    tweede = api_als(aanbieder_a)
    assert tweede.get(f"{V1}/signalen/{signaal_a.uuid}").json()["gelezen"] is False
    assert api_a.post(f"{V1}/signalen/{signaal_a.uuid}/gelezen").status_code == 200
    assert SignaalGelezen.objects.count() == 1


def test_afhandelen(api_a, signaal_a):
    url = f"{V1}/signalen/{signaal_a.uuid}"
    etag = api_a.get(url)["ETag"]
    response = api_a.post(
        f"{url}/afhandelen", {"notitie": "Zorg gestart"}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "gesloten" and data["notitie"] == "Zorg gestart"
    assert data["geslotenOp"] is not None
    signaal_a.refresh_from_db()
    technisch = signaal_a.gesloten_door
    assert technisch.username.startswith("api-")
    assert signaal_a.history.order_by("-history_id").first().history_user == technisch
    # Closed: a second time is refused, and the old ETag no longer matches.
    nog_eens = api_a.post(f"{url}/afhandelen", {"notitie": "nogmaals"}, format="json")
    assert nog_eens.status_code == 400
    assert "al gesloten" in nog_eens.json()["invalidParams"][0]["reason"]
    oud = api_a.post(f"{url}/gelezen", HTTP_IF_MATCH=etag)
    assert oud.status_code == 412


@pytest.mark.parametrize("body", [{}, {"notitie": "   "}, {"notitie": "x" * 2001}])
def test_afhandelen_ongeldig(api_a, signaal_a, body):
    response = api_a.post(f"{V1}/signalen/{signaal_a.uuid}/afhandelen", body, format="json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    params = response.json()["invalidParams"]
    assert params[0]["name"] == "notitie"
    assert params[0]["reason"].startswith(("Schrijf kort", "De notitie is te lang"))
    signaal_a.refresh_from_db()
    assert signaal_a.status == Signaal.Status.OPEN and signaal_a.history.count() == 1


def test_signalen_vast_aantal_queries_en_sync(api_a, aanbieder_a):
    eerste = signaal_voor_aanbieder(aanbieder_a)
    een = aantal_queries(api_a, f"{V1}/signalen")
    rest = [signaal_voor_aanbieder(aanbieder_a) for _ in range(4)]
    assert aantal_queries(api_a, f"{V1}/signalen") == een
    gezien, url = [], f"{V1}/signalen?pageSize=2"
    while url:
        data = api_a.get(url).json()
        gezien += [r["uuid"] for r in data["results"]]
        assert all(r["onderwerp"]["uuid"] for r in data["results"])
        url = data["next"]
    assert gezien == [str(s.uuid) for s in [eerste, *rest]]
    vanaf = rest[2].modified_at.isoformat()
    assert uuids(api_a.get(f"{V1}/signalen", {"modifiedSince": vanaf})) == {
        str(rest[2].uuid),
        str(rest[3].uuid),
    }
