"""Regression (issue 17, finding 7): every refusal is logged the same way, in the browser
and the API alike. Another provider that asks for provider A's client, plan, inbox signal or
provider signal by UUID gets the 404 of a row that does not exist, and the access log gets
exactly one 'geweigerd' line that names the object and the client that was tried."""

from __future__ import annotations

import pytest

from contractbeheer import services as contractbeheer_services
from indicaties.models import Ondersteuningsplan
from sdd_portal.audit.models import AccessLogEntry, Uitkomst
from signalen.models import Signaal, SignaalSoort


@pytest.fixture
def doelen(definitief, medewerker_a, aanbieder_a):
    """Provider A's client file: the plan, the inbox signal about it and a provider signal,
    each with the URL of its page and (where the API has it) its API resource."""
    plan = Ondersteuningsplan.objects.select_related("toewijzing__client").get()
    client = plan.toewijzing.client
    signaal = Signaal.objects.get(soort=SignaalSoort.PLAN_BEOORDEELD, organisatie=aanbieder_a)
    aanbiedersignaal = contractbeheer_services.signaal_melden(
        actor=medewerker_a,
        client=client,
        soort="anders",
        onderwerp="Vraag over de indicatie",
        toelichting="Graag overleg.",
    )
    return client, [
        ("cliënt", client.uuid, f"/clienten/{client.uuid}/", f"/api/v1/clienten/{client.uuid}"),
        (
            "ondersteuningsplan",
            plan.uuid,
            f"/plannen/{plan.uuid}/",
            f"/api/v1/ondersteuningsplannen/{plan.uuid}",
        ),
        ("signaal", signaal.uuid, f"/postvak/{signaal.uuid}/", f"/api/v1/signalen/{signaal.uuid}"),
        ("signaal", aanbiedersignaal.uuid, f"/signalen/{aanbiedersignaal.uuid}/", None),
    ]


def test_andere_aanbieder_geweigerd_in_browser_en_api_met_object_en_client(
    login, medewerker_b, aanbieder_b, doelen, api_als
):
    client, rijen = doelen
    http = login(medewerker_b)
    api = api_als(aanbieder_b)
    for soort, uuid, pagina, resource in rijen:
        voor = AccessLogEntry.objects.count()
        response = http.get(pagina)
        assert response.status_code == 404, pagina
        assert client.bsn not in response.content.decode()
        nieuw = list(AccessLogEntry.objects.order_by("id")[voor:])
        assert len(nieuw) == 1, pagina
        [entry] = nieuw
        assert entry.uitkomst == Uitkomst.GEWEIGERD, pagina
        assert entry.client_ids == [client.pk], pagina
        assert str(uuid) in entry.omschrijving and soort in entry.omschrijving, pagina
        assert entry.username == medewerker_b.username
        if resource is None:
            continue
        voor = AccessLogEntry.objects.count()
        response = api.get(resource)
        assert response.status_code == 404, resource
        assert client.bsn not in response.content.decode()
        nieuw = list(AccessLogEntry.objects.order_by("id")[voor:])
        assert len(nieuw) == 1, resource
        [entry] = nieuw
        assert entry.uitkomst == Uitkomst.GEWEIGERD, resource
        assert entry.client_ids == [client.pk], resource
        assert str(uuid) in entry.omschrijving and entry.omschrijving.startswith("API ("), resource
        assert entry.organisatie_id == aanbieder_b.pk


def test_een_onbekende_uuid_is_niet_gevonden_zonder_client(login, medewerker_b):
    response = login(medewerker_b).get("/postvak/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    entry = AccessLogEntry.objects.get(user=medewerker_b)
    assert entry.uitkomst == Uitkomst.NIET_GEVONDEN and entry.client_ids == []
