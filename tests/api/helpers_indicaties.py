"""Building client files through the services, for the API tests."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import timezone
from rest_framework.test import APIClient

from indicaties import services
from indicaties.models import Toewijzing
from tests.factories import ClientFactory
from tests.indicaties.conftest import goed_plan, onderzochte_melding

API = "/api/v1"


def client_met_token(token: str) -> APIClient:
    client = APIClient(SERVER_NAME="127.0.0.1")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def keten(*, consulent, aanbieder, product, band, ondertekenaar=None) -> SimpleNamespace:
    """A new client with a melding, a completed onderzoek and a short decision assigned to
    ``aanbieder``; with ``ondertekenaar`` also a submitted plan."""
    client = ClientFactory(consulent=consulent)
    melding = onderzochte_melding(consulent=consulent, client=client, product=product, band=band)
    vandaag = timezone.localdate()
    beschikking = services.kortdurend_beschikken(
        actor=consulent,
        melding=melding,
        aanbieder=aanbieder,
        ingangsdatum=vandaag,
        verzenddatum=vandaag,
    )
    toewijzing = Toewijzing.objects.get(beschikking=beschikking)
    plan = None
    if ondertekenaar is not None:
        plan = services.plan_indienen(
            actor=ondertekenaar,
            toewijzing=toewijzing,
            **goed_plan(beschikking, ondertekenaar),
        )
    return SimpleNamespace(
        client=client, melding=melding, beschikking=beschikking, toewijzing=toewijzing, plan=plan
    )
