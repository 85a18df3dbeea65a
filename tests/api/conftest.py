"""API fixtures: credentials per organisation and clients that send them."""

import pytest
from rest_framework.test import APIClient

from sdd_portal.api.scopes import alle_scopes
from sdd_portal.api.services import sleutel_uitgeven


@pytest.fixture
def api_sleutel(db):
    """Issue a credential: ``api_sleutel(organisatie, scopes=None, rollen=None)`` returns
    (ApiSleutel, token). Default scopes: everything."""

    def _maak(organisatie, *, scopes=None, rollen=None, naam="Testkoppeling"):
        return sleutel_uitgeven(
            actor=None,
            organisatie=organisatie,
            naam=naam,
            scopes=list(alle_scopes() if scopes is None else scopes),
            rollen=rollen,
        )

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
