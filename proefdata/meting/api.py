"""API measurements for ``manage.py bench``: a full sync over loopback HTTP against
gunicorn, and the list endpoints' p95 for a page of 100 with their query counts. The
``gunicorn`` context also serves the load test (:mod:`.last`)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import timedelta

import requests
from django.conf import settings
from django.db import connection
from django.utils import timezone
from psycopg.conninfo import make_conninfo

from sdd_portal.accounts.models import Organisatie
from sdd_portal.api.scopes import alle_scopes
from sdd_portal.api.services import sleutel_activeren, sleutel_intrekken, sleutel_uitgeven

LIJSTEN = [
    "toewijzingen",
    "beschikkingen",
    "clienten",
    "meldingen",
    "ondersteuningsplannen",
    "signalen",
    "clientenstops",
    "actiepunten",
]


def bench_verantwoordelijke(organisatie: Organisatie):
    """A person of the organisation to name as the key's responsible person."""
    return (
        organisatie.medewerkers.filter(is_active=True, api_sleutel__isnull=True)
        .order_by("pk")
        .first()
    )


@contextmanager
def bench_sleutel(organisatie: Organisatie, **kwargs):
    """A credential for the measurement, revoked afterwards."""
    sleutel, token = sleutel_uitgeven(
        actor=None,
        organisatie=organisatie,
        naam="bench",
        scopes=alle_scopes(),
        verantwoordelijke=bench_verantwoordelijke(organisatie),
        geldig_tot=timezone.localdate() + timedelta(days=1),
        **kwargs,
    )
    # Benchmark data has no second beheerder: activated directly, revoked afterwards.
    sleutel_activeren(actor=None, sleutel=sleutel)
    try:
        yield token
    finally:
        sleutel_intrekken(actor=None, sleutel=sleutel)


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    """The database this process is connected to (under pytest: the test database, not
    the one ``DATABASE_URL`` names), as a libpq connection string."""
    instellingen = connection.settings_dict
    return make_conninfo(
        **{
            sleutel: waarde
            for sleutel, waarde in (
                ("dbname", instellingen["NAME"]),
                ("host", instellingen["HOST"]),
                ("port", instellingen["PORT"]),
                ("user", instellingen["USER"]),
                ("password", instellingen["PASSWORD"]),
            )
            if waarde
        }
    )


@contextmanager
def gunicorn(workers: int = 2, threads: int = 1):
    """The portal under gunicorn on a free loopback port, with this process's settings and
    database. Plain http on loopback: no TLS redirect, no ``Secure`` cookies, no HSTS.
    ``threads`` above 1 selects gunicorn's threaded worker (keep-alive connections)."""
    poort = _vrije_poort()
    env = {
        **os.environ,
        # Exactly this process's connection: the child must not switch to the owner URL
        # (which names the configured database, not a test database).
        "DATABASE_URL": _database_url(),
        "SDD_DATABASE_EIGENAAR": "false",
        # The same key as this process: sessions made here must be valid there.
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "API_THROTTLE_RATE": "100000/min",
    }
    proces = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-m",
            "gunicorn",
            "sdd_portal.wsgi",
            "-b",
            f"127.0.0.1:{poort}",
            "-w",
            str(workers),
            "--threads",
            str(threads),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=settings.BASE_DIR,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        tot = time.monotonic() + 60  # a busy machine takes a while to import Django
        while True:
            if proces.poll() is not None:
                raise RuntimeError(f"gunicorn stopte bij het opstarten (code {proces.returncode})")
            try:
                if requests.get(f"{basis}/healthz", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > tot:
                raise RuntimeError("gunicorn kwam niet op binnen 60 s")
            time.sleep(0.1)
        yield basis
    finally:
        proces.terminate()
        proces.wait(timeout=30)


def volledige_sync(basis: str, token: str, *, maximum: int, pagina: int = 1000) -> dict:
    """Mirror toewijzingen page by page, following ``next``, as a syncing client would."""
    sessie = requests.Session()
    sessie.headers["Authorization"] = f"Bearer {token}"
    url = f"{basis}/api/v1/toewijzingen?pageSize={pagina}"
    aantal = paginas = 0
    gezien = set()
    start = time.perf_counter()
    while url and aantal < maximum:
        antwoord = sessie.get(url, timeout=60)
        antwoord.raise_for_status()
        body = antwoord.json()
        gezien.update(r["uuid"] for r in body["results"])
        aantal += len(body["results"])
        paginas += 1
        url = body["next"]
    seconden = time.perf_counter() - start
    return {
        "records": aantal,
        "uniek": len(gezien),
        "paginas": paginas,
        "pagina_grootte": pagina,
        "seconden": round(seconden, 2),
        "records_per_seconde": round(aantal / seconden) if seconden else 0,
    }
