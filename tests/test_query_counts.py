"""List pages run a fixed number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ClientFactory, OrganisatieFactory, ToewijzingFactory


def _queries(http, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = http.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.fixture
def grow():
    def _grow(n, **kwargs):
        for _ in range(n):
            ToewijzingFactory(client=ClientFactory(achternaam="Veelvoud"), **kwargs)

    return _grow


def test_consulent_search_queries_do_not_grow(login, consulent, grow):
    http = login(consulent)
    grow(3)
    few = _queries(http, "/clienten/", {"naam": "veelvoud"})
    grow(30)
    assert _queries(http, "/clienten/", {"naam": "veelvoud"}) == few


def test_provider_client_list_queries_do_not_grow(login, medewerker_a, aanbieder_a, grow):
    http = login(medewerker_a)
    grow(3, aanbieder=aanbieder_a)
    few = _queries(http, "/clienten/")
    grow(30, aanbieder=aanbieder_a)
    assert _queries(http, "/clienten/") == few


def test_home_pages_queries_do_not_grow(
    login, consulent, medewerker_a, contractmanager, beheerder, aanbieder_a, grow
):
    for user in (consulent, medewerker_a, contractmanager, beheerder):
        http = login(user)
        grow(2, aanbieder=aanbieder_a)
        few = _queries(http, "/")
        grow(20, aanbieder=aanbieder_a)
        OrganisatieFactory.create_batch(5)
        assert _queries(http, "/") == few, user.username


def test_provider_overview_and_access_log_queries_do_not_grow(
    login, contractmanager, beheerder, consulent, grow
):
    cm = login(contractmanager)
    OrganisatieFactory.create_batch(2)
    few = _queries(cm, "/aanbieders/")
    OrganisatieFactory.create_batch(20)
    assert _queries(cm, "/aanbieders/") == few

    grow(2)
    reader = login(consulent)
    reader.get("/clienten/", {"naam": "veelvoud"})
    fb = login(beheerder)
    few = _queries(fb, "/beheer/toegangslog/")
    for _ in range(20):
        reader.get("/clienten/", {"naam": "veelvoud"})
    fb = login(beheerder)
    assert _queries(fb, "/beheer/toegangslog/") == few
