"""The cross-organisation matrix: every endpoint and method of the API, called with
provider B's credential on provider A's data. Zero reads and zero writes across
organisations, whatever B tries.

The endpoints are read from the router, so a new resource or action is in the matrix the
moment it is registered; the world below must then give A a row of it (the test says so).
"""

from __future__ import annotations

import pytest
from django.apps import apps

from sdd_portal.api.urls import router
from tests.api.helpers_indicaties import keten
from tests.api.test_contractbeheer_api import capaciteit_body, stop_body
from tests.api.test_signalen_api import signaal_voor_aanbieder
from tests.fot import conftest as fot_fixtures
from tests.indicaties import conftest as indicaties_fixtures
from tests.keten.schermdata import bericht

pytestmark = pytest.mark.django_db

V1 = "/api/v1"
# Shared reference data every credential may read: not a leak.
GEDEELD = {"producten", "bandbreedtes", "aanbieders"}
PROBLEEM = {"type", "title", "status", "detail", "instance", "invalidParams"}

tafel = fot_fixtures.tafel
lid_a = fot_fixtures.lid_a
eerste = fot_fixtures.eerste
tweede = fot_fixtures.tweede
actie_a = fot_fixtures.actie_a
normenkader = indicaties_fixtures.normenkader
banden = indicaties_fixtures.banden


@pytest.fixture
def wereld(
    api_a,
    api_b,
    consulent,
    aanbieder_a,
    aanbieder_b,
    medewerker_a,
    ho,
    banden,
    contracten,
    mandaat_a,
    dordrecht,
    eerste,
    actie_a,
):
    """Each provider has a client file, a stop, a capacity report, a signal and (where the
    API offers it) a subscription; A also has a plan and a consultation table."""
    band = banden["HO-B3"]
    keten(
        consulent=consulent,
        aanbieder=aanbieder_a,
        product=ho,
        band=band,
        ondertekenaar=medewerker_a,
    )
    keten(consulent=consulent, aanbieder=aanbieder_b, product=ho, band=band)
    for api, aanbieder in ((api_a, aanbieder_a), (api_b, aanbieder_b)):
        assert api.post(f"{V1}/clientenstops", stop_body(), format="json").status_code == 201
        assert api.post(f"{V1}/capaciteit", capaciteit_body(), format="json").status_code == 201
        signaal_voor_aanbieder(aanbieder)
        bericht(aanbieder=aanbieder)
        if any(prefix == "abonnementen" for prefix, _, _ in router.registry):
            antwoord = api.post(
                f"{V1}/abonnementen",
                {
                    "callbackUrl": "https://ontvanger.example.org/sdd",
                    "gebeurtenissen": ["signaal.nieuw"],
                },
                format="json",
            )
            assert antwoord.status_code == 201, antwoord.content
    return api_a, api_b


def _uuids(client, prefix) -> set[str]:
    gezien, url = set(), f"{V1}/{prefix}?pageSize=1000"
    while url:
        antwoord = client.get(url)
        assert antwoord.status_code == 200, (prefix, antwoord.content)
        gezien |= {r["uuid"] for r in antwoord.json()["results"]}
        url = antwoord.json()["next"]
    return gezien


def _history_rows() -> int:
    """All rows of every history table: a write anywhere adds one."""
    totaal = 0
    for model in apps.get_models():
        if model.__name__.startswith("Historical"):
            totaal += model.objects.count()
    return totaal


def _detail_methods(viewset) -> list[tuple[str, str]]:
    """(method, path suffix) for everything addressed by one row's uuid."""
    methods = [("get", "")]
    if hasattr(viewset, "update"):
        methods.append(("put", ""))
    if hasattr(viewset, "partial_update"):
        methods.append(("patch", ""))
    if hasattr(viewset, "destroy"):
        methods.append(("delete", ""))
    for actie in viewset.get_extra_actions():
        if actie.detail:
            methods += [(m, f"/{actie.url_path}") for m in actie.mapping]
    return methods


def test_no_reads_or_writes_across_providers(wereld):
    api_a, api_b = wereld
    resources = [(prefix, viewset) for prefix, viewset, _ in router.registry]
    zichtbaar_a = {prefix: _uuids(api_a, prefix) for prefix, _ in resources}
    zichtbaar_b = {prefix: _uuids(api_b, prefix) for prefix, _ in resources}

    gecontroleerd = 0
    for prefix, viewset in resources:
        if prefix in GEDEELD:
            continue
        assert zichtbaar_a[prefix], f"the world gives provider A no {prefix}: extend `wereld`"
        # Reads: nothing of A in B's lists.
        assert not zichtbaar_a[prefix] & zichtbaar_b[prefix], prefix
        voor = _history_rows()
        for uuid in zichtbaar_a[prefix]:
            for methode, achtervoegsel in _detail_methods(viewset):
                url = f"{V1}/{prefix}/{uuid}{achtervoegsel}"
                antwoord = getattr(api_b, methode)(url, {}, format="json")
                assert antwoord.status_code in (403, 404), (methode, url, antwoord.status_code)
                # A problem, not data: the only echo of the uuid is the request's own path.
                body = antwoord.json()
                assert set(body) <= PROBLEEM, (methode, url, body)
                assert uuid not in body["detail"], (methode, url)
                gecontroleerd += 1
        # Writes: B's attempts changed nothing anywhere.
        assert _history_rows() == voor, prefix
    assert gecontroleerd >= 30  # 12 resources, their details and actions


def test_b_cannot_upload_a_plan_for_as_assignment(wereld):
    api_a, api_b = wereld
    toewijzing = next(iter(_uuids(api_a, "toewijzingen")))
    voor = _history_rows()
    antwoord = api_b.post(
        f"{V1}/ondersteuningsplannen", {"toewijzing": toewijzing}, format="multipart"
    )
    assert antwoord.status_code in (400, 403, 404)
    assert _history_rows() == voor
