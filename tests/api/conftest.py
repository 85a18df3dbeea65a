"""API fixtures: credentials per organisation and clients that send them."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from sdd_portal.accounts.models import Rol, Wijzigingsverzoek
from sdd_portal.accounts.services import verzoek_goedkeuren
from sdd_portal.api.scopes import alle_scopes
from sdd_portal.api.services import sleutel_uitgeven
from tests.factories import UserFactory


@pytest.fixture
def beheerders(sdd):
    """Two functioneel beheerders: one issues a key, the other approves it (four eyes)."""
    return (
        UserFactory(username="fb.aanvrager", organisatie=sdd, rollen=[Rol.FUNCTIONEEL_BEHEERDER]),
        UserFactory(username="fb.tweede", organisatie=sdd, rollen=[Rol.FUNCTIONEEL_BEHEERDER]),
    )


@pytest.fixture
def api_sleutel(db, beheerders):
    """Issue and approve a credential: ``api_sleutel(organisatie, scopes=None,
    rollen=None)`` returns (ApiSleutel, token). Default scopes: everything."""
    aanvrager, tweede = beheerders

    def _maak(organisatie, *, scopes=None, rollen=None, naam="Testkoppeling"):
        verantwoordelijke = UserFactory(
            organisatie=organisatie,
            rollen=[Rol.CONSULENT if organisatie.is_sdd else Rol.AANBIEDER_MEDEWERKER],
        )
        sleutel, token = sleutel_uitgeven(
            actor=aanvrager,
            organisatie=organisatie,
            naam=naam,
            scopes=list(alle_scopes() if scopes is None else scopes),
            rollen=rollen,
            verantwoordelijke=verantwoordelijke,
            geldig_tot=timezone.localdate() + timedelta(days=90),
        )
        verzoek = Wijzigingsverzoek.objects.get(betrokkene=sleutel.gebruiker)
        verzoek_goedkeuren(actor=tweede, verzoek=verzoek)
        sleutel.refresh_from_db()
        return sleutel, token

    return _maak


@pytest.fixture
def api_als(api_sleutel):
    """``api_als(organisatie, scopes=None, rollen=None)`` returns an APIClient that sends
    that organisation's new credential."""

    def _client(organisatie, **kwargs):
        _, token = api_sleutel(organisatie, **kwargs)
        client = APIClient(SERVER_NAME="127.0.0.1")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return client

    return _client


@pytest.fixture
def api_a(api_als, aanbieder_a):
    return api_als(aanbieder_a)


@pytest.fixture
def api_b(api_als, aanbieder_b):
    return api_als(aanbieder_b)


@pytest.fixture
def api_consulent(api_als, sdd):
    return api_als(sdd, rollen=["consulent"])


@pytest.fixture
def api_cm(api_als, sdd):
    return api_als(sdd, rollen=["contractmanager"])
