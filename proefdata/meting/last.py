"""Load test over loopback HTTP: a fixed time, a number of concurrent clients, each
cycling through a list of pages with its own logged-in sessions.

The clients are Python threads with a keep-alive ``requests`` session each, in the
process that runs the benchmark; the server is gunicorn (``proefdata.meting.api.gunicorn``).
Both share the machine's cores, so the figures are a floor for a separate client.

A client logs in the way the tests do (``inloggen_met_tweede_factor``: a session in the
database with the second factor passed) and sends that session as a ``Cookie`` header. Its
cookie jar accepts nothing: with DEBUG off the server marks cookies ``Secure``, and a jar
that stored such a cookie would stop sending it over plain http. Redirects are not
followed: a redirect to the login page counts as an error, not as a fast page.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from http.cookiejar import DefaultCookiePolicy

import requests
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client as HttpClient

from sdd_portal.accounts.models import User
from sdd_portal.accounts.otp import inloggen_met_tweede_factor


@dataclass(frozen=True)
class Doel:
    label: str
    url: str
    gebruiker: str  # a username, or "api:..." for an API credential


def sessiesleutel(username: str) -> str:
    """A new logged-in session of ``username`` with the second factor passed."""
    http = HttpClient()
    inloggen_met_tweede_factor(http, User.objects.get(username=username))
    return http.cookies[settings.SESSION_COOKIE_NAME].value


def aanmeldingen(
    gebruikers: set[str], aantal: int, tokens: dict[str, str]
) -> tuple[list[dict[str, dict[str, str]]], list[str]]:
    """Per client (``aantal``), the request headers per user: its own session per user, or
    the API credential. Also returns the session keys, to remove them afterwards."""
    per_client, sleutels = [], []
    for _ in range(aantal):
        headers = {}
        for gebruiker in gebruikers:
            if gebruiker.startswith("api:"):
                headers[gebruiker] = {"Authorization": f"Bearer {tokens[gebruiker]}"}
            else:
                sleutel = sessiesleutel(gebruiker)
                sleutels.append(sleutel)
                headers[gebruiker] = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={sleutel}"}
        per_client.append(headers)
    return per_client, sleutels


def sessies_opruimen(sleutels: list[str]) -> None:
    Session.objects.filter(session_key__in=sleutels).delete()


def _percentiel(waarden: list[float], pct: float) -> float:
    geordend = sorted(waarden)
    index = min(len(geordend) - 1, max(0, round(pct / 100 * len(geordend)) - 1))
    return geordend[index]


def _sessie() -> requests.Session:
    sessie = requests.Session()
    sessie.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))  # keep no cookies
    return sessie


def lasttest(
    basis: str,
    doelen: list[Doel],
    headers: list[dict[str, dict[str, str]]],
    *,
    seconden: float,
    opwarmen: float = 2.0,
    timeout: float = 30.0,
) -> dict:
    """Run ``len(headers)`` clients for ``seconden`` against ``basis``; client i starts at
    page i of ``doelen`` and cycles through them. A warm-up of ``opwarmen`` seconds first
    (every worker process imports, connects and fills its caches) is not counted."""
    gelijktijdig = len(headers)
    uitkomsten: list[list[tuple[str, float, str | None]]] = [[] for _ in range(gelijktijdig)]

    def client(i: int, tot: float, tellen: bool) -> None:
        sessie = _sessie()
        volgende = i
        while time.monotonic() < tot:
            doel = doelen[volgende % len(doelen)]
            volgende += 1
            start = time.perf_counter()
            try:
                antwoord = sessie.get(
                    basis + doel.url,
                    headers=headers[i][doel.gebruiker],
                    allow_redirects=False,
                    timeout=timeout,
                )
                fout = None if antwoord.status_code == 200 else f"HTTP {antwoord.status_code}"
            except requests.RequestException as exc:
                fout = type(exc).__name__
            if tellen:
                uitkomsten[i].append((doel.label, (time.perf_counter() - start) * 1000, fout))
        sessie.close()

    def ronde(duur: float, tellen: bool) -> float:
        tot = time.monotonic() + duur
        draden = [
            threading.Thread(target=client, args=(i, tot, tellen), daemon=True)
            for i in range(gelijktijdig)
        ]
        start = time.perf_counter()
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join()
        return time.perf_counter() - start

    if opwarmen:
        ronde(opwarmen, tellen=False)
    duur = ronde(seconden, tellen=True)
    alle = [u for per_client in uitkomsten for u in per_client]
    tijden = [ms for _, ms, _ in alle]
    fouten = Counter(f"{label}: {fout}" for label, _, fout in alle if fout)
    per_pagina: dict[str, list[tuple[float, str | None]]] = defaultdict(list)
    for label, ms, fout in alle:
        per_pagina[label].append((ms, fout))
    return {
        "seconds": round(duur, 1),
        "concurrency": gelijktijdig,
        "requests": len(alle),
        "requests_per_second": round(len(alle) / duur, 1) if duur else 0,
        "errors": sum(fouten.values()),
        "errors_by_kind": dict(fouten.most_common()),
        "p50_ms": round(statistics.median(tijden), 1) if tijden else None,
        "p95_ms": round(_percentiel(tijden, 95), 1) if tijden else None,
        "p99_ms": round(_percentiel(tijden, 99), 1) if tijden else None,
        "pages": {
            label: {
                "requests": len(rijen),
                "errors": sum(1 for _, fout in rijen if fout),
                "p50_ms": round(statistics.median(ms for ms, _ in rijen), 1),
                "p95_ms": round(_percentiel([ms for ms, _ in rijen], 95), 1),
            }
            for label, rijen in per_pagina.items()
        },
    }
