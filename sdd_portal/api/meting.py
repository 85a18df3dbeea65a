"""API measurements for ``manage.py bench``: a full sync over loopback HTTP against
gunicorn, and the list endpoints' p95 for a page of 100 with their query counts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import requests
from django.conf import settings

from sdd_portal.accounts.models import Organisatie

from .scopes import ALLE_SCOPES
from .services import sleutel_intrekken, sleutel_uitgeven

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


@contextmanager
def bench_sleutel(organisatie: Organisatie, **kwargs):
    """A credential for the measurement, revoked afterwards."""
    sleutel, token = sleutel_uitgeven(
        actor=None, organisatie=organisatie, naam="bench", scopes=list(ALLE_SCOPES), **kwargs
    )
    try:
        yield token
    finally:
        sleutel_intrekken(actor=None, sleutel=sleutel)


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(workers: int = 2):
    """The portal under gunicorn on a free loopback port, with this process's settings."""
    poort = _vrije_poort()
    env = {
        **os.environ,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
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
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=settings.BASE_DIR,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(200):
            try:
                if requests.get(f"{basis}/healthz", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn kwam niet op")
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
