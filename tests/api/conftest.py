"""API clients per organisation (the credential fixtures ``api_sleutel`` and ``api_als``
are in tests/conftest.py: tests outside tests/api use them too)."""

import pytest


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
