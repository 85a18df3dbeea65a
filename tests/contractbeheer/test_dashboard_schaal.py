"""The counts on the dashboard, the home page and the provider list at national scale:
the same numbers as the straightforward ORM queries they replace, from the cache when
counting is expensive."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contractbeheer import selectors
from contractbeheer.selectors import aanbieders_met_tellingen, dashboard, toewijzing_tellingen
from indicaties.models import Toewijzing
from sdd_portal.accounts.models import Organisatie
from sdd_portal.periods import geldig_op
from tests.factories import (
    ClientFactory,
    OrganisatieFactory,
    ProductFactory,
    ToewijzingFactory,
    UserFactory,
)

DAG = date(2025, 6, 15)


@pytest.fixture(autouse=True)
def lege_cache():
    cache.delete(selectors._tellingen_sleutel(DAG))
    cache.delete(selectors._tellingen_sleutel(timezone.localdate()))
    yield
    cache.delete(selectors._tellingen_sleutel(DAG))
    cache.delete(selectors._tellingen_sleutel(timezone.localdate()))


def oud_met_tellingen(datum):
    """The annotation the pages used before (a COUNT DISTINCT over a join product)."""
    actief = geldig_op(datum, "toewijzingen__ingangsdatum", "toewijzingen__einddatum")
    return Organisatie.objects.aanbieders().annotate(
        actieve_toewijzingen=Count("toewijzingen", filter=actief, distinct=True),
        medewerkers_aantal=Count(
            "medewerkers", filter=Q(medewerkers__is_active=True), distinct=True
        ),
    )


def oud_per_product(datum):
    return {
        (r["aanbieder_id"], r["product__code"]): r["aantal"]
        for r in Toewijzing.objects.actief_op(datum)
        .values("aanbieder_id", "product__code")
        .annotate(aantal=Count("client_id", distinct=True))
    }


@pytest.fixture
def gevarieerd(db):
    """Assignments around DAG: past, future, open-ended, on the edges, one client twice."""
    ho = ProductFactory(code="HO")
    ib = ProductFactory(code="IB", naam="Individuele begeleiding", productcode="02A01")
    a, b, c = OrganisatieFactory.create_batch(3)
    UserFactory.create_batch(3, organisatie=a)
    UserFactory(organisatie=a, is_active=False)
    UserFactory(organisatie=b)
    dubbel = ClientFactory()
    perioden = [
        (DAG - timedelta(days=30), DAG + timedelta(days=30)),
        (DAG, DAG),  # starts and ends on the day
        (DAG - timedelta(days=10), DAG),  # ends on the day
        (DAG, None),  # starts on the day, open-ended
        (DAG - timedelta(days=400), None),  # open-ended
        (DAG - timedelta(days=60), DAG - timedelta(days=1)),  # ended the day before
        (DAG + timedelta(days=1), DAG + timedelta(days=90)),  # starts the day after
    ]
    for org, product in ((a, ho), (a, ib), (b, ho)):
        for start, einde in perioden:
            ToewijzingFactory(aanbieder=org, product=product, ingangsdatum=start, einddatum=einde)
    # One client with two active HO assignments at a (one open-ended) and one IB: counted once.
    for start, einde in ((DAG - timedelta(days=5), DAG + timedelta(days=5)), (DAG, None)):
        ToewijzingFactory(
            client=dubbel, aanbieder=a, product=ho, ingangsdatum=start, einddatum=einde
        )
    ToewijzingFactory(
        client=dubbel, aanbieder=a, product=ib, ingangsdatum=DAG - timedelta(days=1), einddatum=None
    )
    return a, b, c


@pytest.mark.parametrize("verschuiving", [-1, 0, 1, 30, -400])
def test_counts_equal_the_old_queries(gevarieerd, verschuiving):
    datum = DAG + timedelta(days=verschuiving)
    oud = {o.pk: (o.actieve_toewijzingen, o.medewerkers_aantal) for o in oud_met_tellingen(datum)}
    nieuw, _ = aanbieders_met_tellingen(Organisatie.objects.aanbieders(), datum)
    assert {o.pk: (o.actieve_toewijzingen, o.medewerkers_aantal) for o in nieuw} == oud
    assert any(n for n, _m in oud.values())

    per_product = oud_per_product(datum)
    data = dashboard(datum)
    for rij in data["rijen"]:
        for code, aantal in zip(data["producten"], rij["aantallen"], strict=True):
            assert aantal == per_product.get((rij["aanbieder"].pk, code), 0)
    assert data["producten"] == ["HO", "IB"]


def test_new_assignment_is_counted_at_once_when_counting_is_cheap(gevarieerd):
    a, _b, c = gevarieerd
    voor = toewijzing_tellingen(DAG)
    assert voor.toewijzingen(c.pk) == 0
    ToewijzingFactory(aanbieder=c, ingangsdatum=DAG, einddatum=None)
    na = toewijzing_tellingen(DAG)
    assert na.toewijzingen(c.pk) == 1
    assert na.toewijzingen(a.pk) == voor.toewijzingen(a.pk)


def test_expensive_counts_are_reused_for_a_while(gevarieerd, monkeypatch):
    _a, _b, c = gevarieerd
    monkeypatch.setattr(selectors, "TELLINGEN_GOEDKOOP_SECONDEN", -1.0)
    eerst = toewijzing_tellingen(DAG)
    ToewijzingFactory(aanbieder=c, ingangsdatum=DAG, einddatum=None)
    with CaptureQueriesContext(connection) as ctx:
        toewijzing_tellingen(DAG)
    assert not ctx.captured_queries
    assert toewijzing_tellingen(DAG).toewijzingen(c.pk) == 0  # within the maximum age
    assert toewijzing_tellingen(DAG, verversen=True).toewijzingen(c.pk) == 1
    monkeypatch.setattr(selectors, "TELLINGEN_MAX_LEEFTIJD", timedelta(0))
    ToewijzingFactory(aanbieder=c, ingangsdatum=DAG, einddatum=None)
    laatst = toewijzing_tellingen(DAG)
    assert laatst.toewijzingen(c.pk) == 2
    assert laatst.berekend_op >= eerst.berekend_op


def test_pages_show_the_counts_and_when_they_were_computed(login, contractmanager, gevarieerd):
    a, _b, _c = gevarieerd
    vandaag = timezone.localdate()
    ToewijzingFactory(aanbieder=a, ingangsdatum=vandaag, einddatum=None)
    http = login(contractmanager)
    for url in ("/", "/aanbieders/", "/contractbeheer/"):
        response = http.get(url)
        assert response.status_code == 200
        assert "geteld om" in response.content.decode(), url
    oud = {o.pk: (o.actieve_toewijzingen, o.medewerkers_aantal) for o in oud_met_tellingen(vandaag)}
    getoond = http.get("/aanbieders/").context["organisaties"]
    assert {o.pk: (o.actieve_toewijzingen, o.medewerkers_aantal) for o in getoond} == oud
    assert oud[a.pk][1] == 3
