from __future__ import annotations

from datetime import date, timedelta

import pytest

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.otp import inloggen_met_tweede_factor

from .factories import (
    ClientFactory,
    GemeenteFactory,
    OrganisatieFactory,
    ProductFactory,
    ToewijzingFactory,
    UserFactory,
)


@pytest.fixture
def sdd(db):
    return OrganisatieFactory(sdd=True)


@pytest.fixture
def aanbieder_a(db):
    return OrganisatieFactory(naam="Vlijtig Liesje")


@pytest.fixture
def aanbieder_b(db):
    return OrganisatieFactory(naam="Poetszorg")


@pytest.fixture
def consulent(sdd):
    return UserFactory(username="consulent", organisatie=sdd, rollen=[Rol.CONSULENT])


@pytest.fixture
def contractmanager(sdd):
    return UserFactory(username="cm", organisatie=sdd, rollen=[Rol.CONTRACTMANAGER])


@pytest.fixture
def beheerder(sdd):
    return UserFactory(username="fb", organisatie=sdd, rollen=[Rol.FUNCTIONEEL_BEHEERDER])


@pytest.fixture
def medewerker_a(aanbieder_a):
    return UserFactory(username="mw.a", organisatie=aanbieder_a)


@pytest.fixture
def medewerker_b(aanbieder_b):
    return UserFactory(username="mw.b", organisatie=aanbieder_b)


@pytest.fixture
def client_van_a(aanbieder_a):
    """A client with an assignment at provider A only."""
    return ToewijzingFactory(aanbieder=aanbieder_a).client


@pytest.fixture
def client_zonder_toewijzing(db):
    return ClientFactory()


@pytest.fixture
def ho(db):
    return ProductFactory()


@pytest.fixture
def dordrecht(db):
    return GemeenteFactory()


def contract(aanbieder, product, **kwargs):
    from contractbeheer.models import Contract

    defaults = {
        "ingangsdatum": date(2025, 1, 1),
        "toetredingsdatum": date(2025, 1, 1),
        "status": "actief",
    }
    defaults.update(kwargs)
    return Contract.objects.create(aanbieder=aanbieder, product=product, **defaults)


@pytest.fixture
def contracten(aanbieder_a, aanbieder_b, ho):
    return contract(aanbieder_a, ho), contract(aanbieder_b, ho)


@pytest.fixture
def mandaat_a(aanbieder_a, medewerker_a, ho, contracten):
    from contractbeheer.models import Mandaat

    mandaat = Mandaat.objects.create(
        aanbieder=aanbieder_a, medewerker=medewerker_a, geldig_van=date(2025, 1, 1)
    )
    mandaat.producten.add(ho)
    return mandaat


@pytest.fixture
def login(client):
    """Log a user in on the test client; SDD users as if they passed the second factor."""

    def _login(user):
        inloggen_met_tweede_factor(client, user)
        return client

    return _login


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """After the run, end sessions that live-server request threads left on the test
    database, so that dropping it does not fail with "being accessed by other users"."""
    yield
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def subproces_omgeving(settings) -> dict[str, str]:
    """The environment for a child process (a worker, ``manage.py``) on this test's
    database: its URL for the runtime role when two roles are configured (as in production),
    and no owner connection of its own (the URL names the test database)."""
    import os
    from urllib.parse import quote

    from django.db import connection

    db = connection.settings_dict
    url = (
        f"postgres://{quote(db['USER'] or '', safe='')}:{quote(db['PASSWORD'] or '', safe='')}"
        f"@{quote(db['HOST'] or '', safe='')}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    if settings.DATABASE_RUNTIME_ROLE not in ("", db["USER"]):
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        params = conninfo_to_dict(settings.DATABASE_RUNTIME_URL)
        url = make_conninfo(**{**params, "dbname": db["NAME"]})
    return {**os.environ, "DATABASE_URL": url, "SDD_DATABASE_EIGENAAR": "false"}


@pytest.fixture
def celery_worker(transactional_db, settings):
    """A real Celery worker process (queues pdf and default) on the test database and the
    run's Redis broker. Use with transactional tests: the worker sees committed data only."""
    import os
    import subprocess
    import sys
    import time

    env = {
        **subproces_omgeving(settings),
        "REDIS_URL": settings.CELERY_BROKER_URL,
        "DOCUMENTS_ROOT": str(settings.DOCUMENTS_ROOT),
        "DJANGO_DEBUG": "false",
        # The test's own choice (tests deliver to a receiver on 127.0.0.1).
        "API_CALLBACK_HTTP_TOESTAAN": str(settings.API_CALLBACK_HTTP_TOESTAAN).lower(),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "sdd_portal",
            "worker",
            "-Q",
            "pdf,default",
            "-P",
            "solo",
            "-c",
            "1",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-n",
            f"test-{os.getpid()}@%h",
            "--loglevel",
            "WARNING",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(0.5)
    if proc.poll() is not None:
        raise RuntimeError(proc.stderr.read().decode()[-2000:])
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def wacht_tot(voorwaarde, *, seconden: float = 60, bericht: str = "") -> None:
    """Poll until ``voorwaarde()`` is true (work done by another process)."""
    import time

    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(0.2)
    raise AssertionError(bericht or "voorwaarde werd niet waar")


# ---------------------------------------------------------------- API credentials
# Issued by one functioneel beheerder and approved by a second (four eyes, ADR 0011).


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

    from django.utils import timezone

    from sdd_portal.accounts.models import Wijzigingsverzoek
    from sdd_portal.accounts.services import verzoek_goedkeuren
    from sdd_portal.api.scopes import alle_scopes
    from sdd_portal.api.services import sleutel_uitgeven

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

    from rest_framework.test import APIClient

    def _client(organisatie, **kwargs):
        _, token = api_sleutel(organisatie, **kwargs)
        client = APIClient(SERVER_NAME="127.0.0.1")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return client

    return _client
